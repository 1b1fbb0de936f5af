"""The pages of tests/data/dates/round13 (README.md there), written for issue 19's thirteenth round before the dates
engine was changed for them: update stamps where renderers move them (a byline row wrapped by a text browser, a
table row, a line over the footer, a side box), a printed day against metadata in UTC, relative stamps against
fetched_at; English and Chinese, each page as HTML and as the dumps lynx, w3m, html2text and markdownify make of
it (round13/dumps). The cases wrong when committed are strict xfails by name, so a fix must take its name off the
list."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.datecases import DATES, day_tests, html_case_days, html_cases

ROUND13 = DATES / "round13"
DUMPS = ROUND13 / "dumps"
PAGES = html_cases(ROUND13)
DUMP_PAGES = html_cases(DUMPS)
RENDERERS = ("lynx.txt", "w3m.txt", "html2text.md", "markdownify.md")


def _dumps(*stems: str, renderers: tuple[str, ...] = RENDERERS) -> set[str]:
    return {f"{stem}.{r}" for stem in stems for r in renderers}


# Wrong when committed (5ee99d3): update days of HTML a04 (`This page was updated on …` between the related list
# and the footer), a06 (a printed `Updated March 8, 2025 at 9:15 p.m. PT` beside a dateModified in UTC the next
# day), z01 (发布日期 | 更新日期 as a table's head, the days in the row under it); dumps: a01 under w3m (the
# byline row wrapped between `Updated:` and its date), a02 under lynx, html2text and markdownify (a byline row of
# two long names, a desk, `First published …` and `Last updated …`: publication and update both unread).
XFAIL: set[str] = set()
# Right since a date row with a clock's `p.m.` is no prose to the header-line finder (html/blockline.
# without_meridiem): a06; since a short box right over the site footer, or at the foot of the article, is read as
# the footer is, a label alone in its piece joined to the date after it (dates/footer.stamp_over, article_foot,
# labels_with_dates): a04 (and round12's u16); since a table's head of labels over its row of values reads as
# label-value pairs (dates/rows.head_over_row): z01; since a labelled cell of a row of cells near the headline
# is a stamp (dates/cutrows.labelled_cell): a02's dumps. a01 under w3m stays: the whole dump is not unwrapped
# (too few wrapped pairs on a short page), so `Updated:` ends the byline paragraph and its date opens the next.
XFAIL_UPDATED: set[str] = set()
DUMP_XFAIL: set[str] = set()
DUMP_XFAIL_UPDATED = _dumps("a01_en_byline_row_wrapped", renderers=("w3m.txt",))


def test_the_folders_list_their_pages() -> None:
    assert {p.name for p in ROUND13.glob("*.html")} == set(PAGES)
    assert {p.name for p in DUMPS.iterdir() if p.suffix in (".txt", ".md")} == set(DUMP_PAGES)
    assert DUMP_PAGES.keys() == {f"{name[:-5]}.{r}" for name in PAGES for r in RENDERERS}
    assert set(PAGES) >= XFAIL | XFAIL_UPDATED and set(DUMP_PAGES) >= DUMP_XFAIL | DUMP_XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND13, XFAIL, XFAIL_UPDATED)
test_dump_publication_day, test_dump_update_day = day_tests(DUMPS, DUMP_XFAIL, DUMP_XFAIL_UPDATED)

NO_UPDATE = sorted((folder, name) for folder, pages in ((ROUND13, PAGES), (DUMPS, DUMP_PAGES))
                   for name, case in pages.items() if case["updated"] is None)


@pytest.mark.parametrize(("folder", "name"), NO_UPDATE, ids=[n for _, n in NO_UPDATE])
def test_no_update_is_invented(folder: Path, name: str) -> None:
    """A page that prints no change of its own (the guards: a schedule table in the story, a side box of other
    stories' days, comments stamped `2 hours ago`) has no update other than its publication day (a dateModified
    equal to the publication is no news)."""
    case = (PAGES if folder == ROUND13 else DUMP_PAGES)[name]
    assert html_case_days(name, case["meta"], folder).updated in (None, case["published"]), case["note"]
