"""Unit checks of the rules round15 (tests/data/dates/round15) led to, each on small pages of its own class and
its guards: a machine `dateModified` at the publication's very instant is no update (arbitrate.no_change); a
regenerated stamp on a year's first instant is a CMS default beside the day printed under the headline
(arbitrate.default_stamp); a weekday confirms a two-digit year after a day and month (patterns._weekday_year); a
cookie notice dates no page (html_words.toml); `as of` labels the day figures hold on (vocab.toml); a dated row whose
other text has no letter is no list item (cutrows.item_shape)."""
from __future__ import annotations

import json

import pytest
from helpers.datecases import day

from cleanfeed import clean
from cleanfeed.dates.patterns import find_mentions

BODY = ("<p>The county's recycling centres took in more scrap metal this quarter than in any quarter on record, "
        "officials said, as households cleared garages and sheds.</p><p>Prices paid for mixed scrap rose by a "
        "tenth over the same period, dealers said, and the centres extended their opening hours.</p>")


def page(jsonld: dict[str, str], byline: str) -> str:
    blob = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Scrap record",
                       **jsonld})
    return (f'<html lang="en"><head><title>Scrap record</title><script type="application/ld+json">{blob}</script>'
            f'</head><body><article><h1>Scrap record at county centres</h1><p class="byline">{byline}</p>{BODY}'
            "</article></body></html>")


def days(html: str) -> tuple[str | None, str | None]:
    article = clean(html, fetched_at="2024-10-01T08:00:00+00:00")
    return day(article.published), day(article.updated)


@pytest.mark.parametrize(("jsonld", "byline", "want"), [
    # the CMS writes both fields on the first save: nothing changed
    ({"datePublished": "2024-07-19T14:50:09+00:00", "dateModified": "2024-07-19T14:50:09+00:00"},
     "By Ann Lee, 19 July 2024", ("2024-07-19", None)),
    # guard: a later change, even on the same day, is an update
    ({"datePublished": "2024-07-19T14:50:09+00:00", "dateModified": "2024-07-19T18:02:00+00:00"},
     "By Ann Lee, 19 July 2024", ("2024-07-19", "2024-07-19")),
    ({"datePublished": "2024-07-19T14:50:09+00:00", "dateModified": "2024-07-22T09:00:00+00:00"},
     "By Ann Lee, 19 July 2024", ("2024-07-19", "2024-07-22")),
    # guard: an update the page prints for readers is kept whatever the fields say
    ({"datePublished": "2024-07-19T14:50:09+00:00", "dateModified": "2024-07-19T14:50:09+00:00"},
     "By Ann Lee, 19 July 2024. Updated 23 July 2024", ("2024-07-19", "2024-07-23")),
])
def test_a_modification_at_the_publication_instant_is_no_update(
        jsonld: dict[str, str], byline: str, want: tuple[str | None, str | None]) -> None:
    assert days(page(jsonld, byline)) == want


@pytest.mark.parametrize(("jsonld", "byline", "want"), [
    # a CMS default: both fields on 1 January at midnight, the byline prints the day
    ({"datePublished": "2019-01-01T00:00:00+00:00", "dateModified": "2019-01-01T00:00:00+00:00"},
     "12 September 2023", "2023-09-12"),
    ({"datePublished": "2019-01-01", "dateModified": "2019-01-01"}, "12 September 2023", "2023-09-12"),
    # guards: a page published at New Year's midnight prints that day; a stamp with a later change is no default;
    # a stamp at another hour of 1 January is a real entry
    ({"datePublished": "2024-01-01T00:00:00+00:00", "dateModified": "2024-01-01T00:00:00+00:00"},
     "1 January 2024", "2024-01-01"),
    ({"datePublished": "2019-01-01T00:00:00+00:00", "dateModified": "2023-09-13T10:00:00+00:00"},
     "12 September 2023", "2019-01-01"),
    ({"datePublished": "2023-01-01T09:30:00+00:00", "dateModified": "2023-01-01T09:30:00+00:00"},
     "12 September 2023", "2023-01-01"),
    # the default written as a zone's midnight in UTC (round16): UTC+1, UTC+05:30, UTC−5
    ({"datePublished": "2018-12-31T23:00:00Z", "dateModified": "2018-12-31T23:00:00Z"}, "12 September 2023",
     "2023-09-12"),
    ({"datePublished": "2018-12-31T18:30:00Z", "dateModified": "2018-12-31T18:30:00Z"}, "12 September 2023",
     "2023-09-12"),
    ({"datePublished": "2019-01-01T05:00:00-00:00", "dateModified": "2019-01-01T05:00:00-00:00"},
     "12 September 2023", "2023-09-12"),
    # guards: an instant no zone's midnight (minutes past, a part hour no zone uses) is a real entry
    ({"datePublished": "2018-12-31T23:17:00Z", "dateModified": "2018-12-31T23:17:00Z"}, "12 September 2023",
     "2018-12-31"),
    ({"datePublished": "2018-12-31T22:30:00Z", "dateModified": "2018-12-31T22:30:00Z"}, "12 September 2023",
     "2018-12-31"),
])
def test_a_default_stamp_yields_to_the_printed_day(jsonld: dict[str, str], byline: str, want: str) -> None:
    assert days(page(jsonld, byline))[0] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Monday, 7th Feb 05", (2005, 2, 7, None)),
    ("Mon 7 Feb 05 at 10:00", (2005, 2, 7, (10, 0, 0))),
    ("Monday, Feb 7, 05", (2005, 2, 7, None)),
    ("Friday, 31 Dec 99", (1999, 12, 31, None)),
    # the weekday does not fit the year, or there is no weekday: the two digits are not a year
    ("Tuesday, 7th Feb 05", (None, 2, 7, None)),
    ("On 7th Feb 25 people were moved", (None, 2, 7, None)),
    ("Monday, 7th Feb 10:30", (None, 2, 7, (10, 30, 0))),
])
def test_a_weekday_confirms_a_two_digit_year(text: str, want: tuple[object, ...]) -> None:
    reading = find_mentions(text, "en")[0].readings[0]
    assert (reading.year, reading.month, reading.day, reading.clock) == want


def bare(body: str) -> str:
    """A page without metadata: its dates are the ones it prints."""
    return (f'<html lang="en"><head><title>Scrap metal buying</title></head><body>{body}'
            f"<main><h1>Scrap metal buying for manufacturers</h1>{BODY}</main></body></html>")


@pytest.mark.parametrize(("html", "want"), [
    # a cookie or consent notice dates its policy, never the page
    (bare('<div class="site-cookie">By continuing you accept our cookie policy (updated 14/02/2024).</div>'), None),
    (bare('<div id="consent-bar">Privacy notice last updated 3 March 2024.</div>'), None),
    # guard: the same line in a byline box still dates the page
    (bare('<div class="byline">Last updated 14 February 2024</div>'), "2024-02-14"),
])
def test_a_cookie_notice_dates_no_page(html: str, want: str | None) -> None:
    assert days(html)[0] == want


@pytest.mark.parametrize(("line", "label"), [
    ("Prices as of 14/11/2024", "other"),
    ("Figures as at 30 June 2024", "other"),
    ("Updated as of March 3, 2025", "updated"),
    ("Last updated as of 3 March 2025", "updated"),
])
def test_as_of_labels_the_day_figures_hold_on(line: str, label: str) -> None:
    from cleanfeed.dates.clues import read_line

    assert [d.label for d in read_line(line, "en")] == [label]


@pytest.mark.parametrize(("row", "item"), [
    ("* 14:05, 1 FEB 2023", False),           # a bullet and a clock: a byline stamp printed as a list item
    ("14:05 | 1 Feb 2023", False),
    ("Scrap rules tightened across the region | 1 Feb 2023", True),
    ("Subharun Mukherjee | July 15, 2025", True),
])
def test_an_item_names_something(row: str, item: bool) -> None:
    from cleanfeed.dates.cutrows import item_shape

    assert (item_shape(row, "en") is not None) == item


@pytest.mark.parametrize(("lines", "listed"), [
    (["ISSUE INDEX", "Jan 31, 05", "Feb 7, 05", "Feb 14, 05", "PRICE SHEET"],
     {"Jan 31, 05", "Feb 7, 05", "Feb 14, 05"}),
    (["12 March 2024", "5 March 2024", "27 February 2024", "20 February 2024"],
     {"12 March 2024", "5 March 2024", "27 February 2024", "20 February 2024"}),
    # guards: a byline's labelled stamps, two bare dates, the same day thrice (a date and its copies)
    (["Published 3 March 2024", "Updated 4 March 2024", "Corrected 5 March 2024"], set()),
    (["By Ann Lee", "3 March 2024", "4 March 2024"], set()),
    (["3 March 2024", "3 March 2024", "March 3, 2024"], set()),
])
def test_a_run_of_bare_dates_is_a_list(lines: list[str], listed: set[str]) -> None:
    from cleanfeed.dates.header import date_runs

    assert date_runs(lines, "en") == listed


def created(meta: str, under: str) -> str:
    return (f'<html lang="en"><head><title>Waste notice</title>{meta}</head><body><main><h1>Waste shipment notice</h1>'
            f'<p class="lede">How exporters must notify the agency.</p>{under}{BODY}</main></body></html>')


@pytest.mark.parametrize(("html", "want"), [
    # a record made in the CMS days before it was published: the printed day wins
    (created('<meta name="DC.date.created" content="2023-09-27">',
             "<dl><dt>Date of publication:</dt><dd>2nd October 2023</dd></dl>"), "2023-10-02"),
    (created('<meta name="dcterms.created" content="2023-09-27">', "<p>2 October 2023</p>"), "2023-10-02"),
    # guards: the printed day a zone away stays the stamp's; a publication field is no creation
    (created('<meta name="DC.date.created" content="2023-10-01">', "<p>2 October 2023</p>"), "2023-10-01"),
    (created('<meta property="article:published_time" content="2023-09-27T10:00:00+00:00">', "<p>2 October 2023</p>"),
     "2023-09-27"),
])
def test_a_record_creation_yields_to_the_printed_day(html: str, want: str) -> None:
    assert days(html)[0] == want
