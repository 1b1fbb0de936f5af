"""Three or more bare date lines of different days in a row under the headline are a list's entries (a course's
sessions, an issue index), none the page's own date (dates/header.date_runs, now dates/text.date_runs). The rule
was kept by the HTML header reader only: a text dump's header lines (dates/text.text_header_clues) and the quick
look under the headline beside a record-creation stamp or regenerated metadata (header.under_headline_clues)
still read the list's first entry, and dated the page by it. (An HTML page's extractor header lines are not
consecutive on the page, so no run is read there; on an HTML page with no other date the dateline reader, which
sees only the body's first two paragraphs, still takes the list's first entry: not changed here.)"""
from __future__ import annotations

import pytest
from helpers.datecases import day
from test_dates_round15_rules import created, page

from cleanfeed import clean

LIST = "<p>12 October 2023</p><p>19 October 2023</p><p>26 October 2023</p>"


def days(html: str) -> tuple[str | None, str | None]:
    article = clean(html, fetched_at="2024-10-01T08:00:00+00:00")
    return day(article.published), day(article.updated)


@pytest.mark.parametrize(("html", "want"), [
    # a record-creation stamp: the list's first entry is no publication printed under the headline
    (created('<meta name="DC.date.created" content="2023-09-27">', LIST), "2023-09-27"),
    # regenerated metadata: nor is it a first publication before the re-save
    (page({"datePublished": "2023-10-20T09:00:00+00:00", "dateModified": "2023-10-20T09:00:00+00:00"},
          "By Ann Lee</p>" + LIST + "<p>"), "2023-10-20"),
    # guards: one bare date line under the headline still dates the page, and is still a first publication
    (created("", "<p>12 October 2023</p>"), "2023-10-12"),
    (page({"datePublished": "2023-10-20T09:00:00+00:00", "dateModified": "2023-10-20T09:00:00+00:00"},
          "By Ann Lee</p><p>12 October 2023"), "2023-10-12"),
])
def test_a_list_of_dates_under_the_headline_dates_no_page(html: str, want: str | None) -> None:
    assert days(html)[0] == want


DUMP = """Course: safe handling of scrap batteries

Sessions

12 October 2023
19 October 2023
26 October 2023

The course covers how to store, sort and ship used lithium batteries from a scrap yard, and what the agency
expects to see on an inspection.

Each session runs for three hours, and places are limited to twelve people so that everyone can handle the kit.
"""


def test_a_list_of_dates_in_a_dump_dates_no_page() -> None:
    assert days(DUMP)[0] is None
