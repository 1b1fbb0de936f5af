"""The pages of tests/data/dates/round8 (README.md there), written for issue 19's eighth round before the dates
engine was changed for them: a page's last change printed in its site footer (`Page last modified: 12 April 2021`,
a wiki's `Diese Seite wurde zuletzt am … geändert`, `Dernière modification le …`), with guards (a template's stale
footer stamp, a metadata update beside a site's footer), and a year after a dotted day (`December 19. 2025`,
`März 3. 2021`). English, German and French; the cases wrong when committed are strict xfails by name, so a fix
must take its name off the list."""
from __future__ import annotations

from helpers.datecases import DATES, day_tests, html_case_days, html_cases

ROUND8 = DATES / "round8"
PAGES = html_cases(ROUND8)
# Wrong when committed (506aca0 engine, before any change for them): 3 of 7 publication days, 3 of 4 update days.
XFAIL = {"f02_de_wiki_zuletzt_geaendert.html", "y01_en_month_day_dot_year.html", "y02_de_monat_tag_punkt_jahr.html"}
XFAIL_UPDATED = {"f01_en_footer_page_last_modified.html", "f02_de_wiki_zuletzt_geaendert.html",
                 "f03_fr_footer_derniere_modification.html"}


def test_the_folder_lists_its_pages() -> None:
    assert {p.name for p in ROUND8.glob("*.html")} == set(PAGES)
    assert all(case["meta"] for case in PAGES.values()) and set(PAGES) >= XFAIL | XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND8, XFAIL, XFAIL_UPDATED)


def test_a_stale_footer_stamp_before_the_publication_is_no_update() -> None:
    name = "f04_en_footer_stale_template_guard.html"
    assert html_case_days(name, PAGES[name]["meta"], ROUND8).updated is None
