"""The pages of tests/data/dates/round8 (README.md there), written for issue 19's eighth round before the dates
engine was changed for them: a page's last change printed in its site footer (`Page last modified: 12 April 2021`,
a wiki's `Diese Seite wurde zuletzt am … geändert`, `Dernière modification le …`), with guards (a template's stale
footer stamp, a metadata update beside a site's footer), and a year after a dotted day (`December 19. 2025`,
`März 3. 2021`). English, German and French; the cases wrong when committed are strict xfails by name, so a fix
must take its name off the list."""
from __future__ import annotations

import pytest
from helpers.datecases import DATES, day_tests, html_case_days, html_cases

from cleanfeed.dates.patterns import find_mentions

ROUND8 = DATES / "round8"
PAGES = html_cases(ROUND8)
# Wrong when committed (506aca0 engine, before any change for them): 3 of 7 publication days, 3 of 4 update days.
# y01, y02 right once a dot between the day and a four-digit year keeps the year (patterns `mdy`).
XFAIL = {"f02_de_wiki_zuletzt_geaendert.html"}
XFAIL_UPDATED = {"f01_en_footer_page_last_modified.html", "f02_de_wiki_zuletzt_geaendert.html",
                 "f03_fr_footer_derniere_modification.html"}


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
