"""The pages of tests/data/dates/round8 (README.md there), written for issue 19's eighth round before the dates
engine was changed for them: a page's last change printed in its site footer (`Page last modified: 12 April 2021`,
a wiki's `Diese Seite wurde zuletzt am … geändert`, `Dernière modification le …`), with guards (a template's stale
footer stamp, a metadata update beside a site's footer), a year after a dotted day (`December 19. 2025`,
`März 3. 2021`), and a UTC update stamp's day (its own, not the publication's printed day; in the offset the
publication was shown in). English, German, French and Spanish; the cases wrong when committed are strict
xfails by name, so a fix must take its name off the list."""
from __future__ import annotations

import pytest
from helpers.datecases import DATES, day_tests, html_case_days, html_cases

from cleanfeed import clean
from cleanfeed.dates.layout import layout_of, tags_of
from cleanfeed.dates.nearhead import lines_near
from cleanfeed.dates.patterns import find_mentions
from cleanfeed.html.parse import parse_html

ROUND8 = DATES / "round8"
PAGES = html_cases(ROUND8)
# Wrong when committed (506aca0 engine, before any change for them): 3 of 7 publication days, 3 of 4 update days.
# y01, y02 right once a dot between the day and a four-digit year keeps the year (patterns `mdy`).
# f01, f03 updates right once the footer's last change is read beside a header or metadata publication
# (footer.footer_update); f02's once `wurde zuletzt` and `dernière modification` are update labels (vocab.toml).
# f02's publication stays wrong: a list of earlier meetings after a sub-heading (`8. Januar 2020: …`) was read as
# a header line; the lines under the headline now end at a section after the lede (nearhead.lines_near), but the
# whole-page scan still reads the item as a loose date line, so the page's last change does not become its date.
XFAIL = {"f02_de_wiki_zuletzt_geaendert.html"}
# a01-a03 updates right once the update's UTC stamp is shown in the publication's offset, or else read
# without the publication's printed days (engine._found_update).
XFAIL_UPDATED: set[str] = set()


def test_the_folder_lists_its_pages() -> None:
    assert {p.name for p in ROUND8.glob("*.html")} == set(PAGES)
    assert all(case["meta"] for case in PAGES.values()) and set(PAGES) >= XFAIL | XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND8, XFAIL, XFAIL_UPDATED)


def test_a_stale_footer_stamp_before_the_publication_is_no_update() -> None:
    name = "f04_en_footer_stale_template_guard.html"
    assert html_case_days(name, PAGES[name]["meta"], ROUND8).updated is None


@pytest.mark.parametrize(("text", "want"), [
    ("December 19. 2025", (2025, 12, 19)),
    ("Posted Dec 19. 2025 by Anna", (2025, 12, 19)),
    ("März 3. 2021 · Redaktion", (2021, 3, 3)),
    ("December 19, 2025", (2025, 12, 19)),
    ("May 4.2021", (None, 5, 4)),           # no space after the dot: a version or a code, not a year
    ("Dec 5. 12 readers", (None, 12, 5)),   # a number after the dot that is no year
])
def test_a_year_after_a_dotted_day_is_the_dates_year(text: str, want: tuple[int | None, int, int]) -> None:
    first = find_mentions(text.lower(), "en")[0].readings[0]
    assert (first.year, first.month, first.day) == want


def _with_footer(footer: str) -> str:
    lede = "<p>" + "The yard reopened after a long repair of its weighbridge and shear, the owners said. " * 3 + "</p>"
    return ("<html><head><title>Yard notes</title><meta property='article:published_time' content='2021-03-01T09:00"
            f":00+00:00'></head><body><div id='page'><article><h1>Yard notes</h1><p>March 1, 2021</p>{lede}</article>"
            f"{footer}</div></body></html>")


@pytest.mark.parametrize(("footer", "want"), [
    ("<footer><p>Page last modified: 12 April 2021</p></footer>", "2021-04-12"),
    # a wiki's footer, named by its id two levels under the body
    ("<div id='footer'><ul><li id='footer-info-lastmod'>This page was last edited on 3 March 2021, at 14:02."
     "</li></ul></div>", "2021-03-03"),
    ("<div class='pied-de-page'><p>Dernière mise à jour le 5 mars 2021</p></div>", "2021-03-05"),
    ("<footer><p>Site last updated 28 October 2021</p></footer>", None),       # the site's, not the page's
    ("<footer><p>Last modified: January 4, 2019</p></footer>", None),          # before the publication: stale
    ("<footer><p>© 2021 Yard notes. Updated daily.</p></footer>", None),        # no date
    ("<div class='footer'><p>Last modified: 12 April 2021</p></div>", "2021-04-12"),
])
def test_the_last_change_a_site_footer_prints_is_the_pages_update(footer: str, want: str | None) -> None:
    article = clean(_with_footer(footer), fetched_at="2021-06-01T00:00:00+00:00")
    assert article.published is not None and article.published.value.date().isoformat() == "2021-03-01"
    assert (article.updated.value.date().isoformat() if article.updated else None) == want


PROSE = "The members met to talk about copper scrap prices and the new rules for yards, and agreed on a plan."


@pytest.mark.parametrize(("after_headline", "want"), [
    # a section after the lede: its dated list is the body's, not the header's
    (f"<p>{PROSE}</p><h2>Earlier meetings</h2><ul><li>8 January 2020: cable recycling</li></ul>", [PROSE]),
    # a standfirst in an h2 right under the headline, then the byline: still the header
    ("<h2>Prices hold steady</h2><p>By Anna · 3 March 2021</p>", ["Prices hold steady", "By Anna · 3 March 2021"]),
])
def test_the_lines_under_the_headline_end_where_a_section_of_the_body_begins(
        after_headline: str, want: list[str]) -> None:
    doc = parse_html(f"<html><body><div><h1>Club evening</h1>{after_headline}</div></body></html>")
    assert lines_near(layout_of(doc, tags_of(doc).headings))[1] == want
