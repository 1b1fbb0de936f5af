"""The pages of tests/data/dates/round12 (README.md there), written for issue 19's twelfth round before the dates
engine was changed for them: publication against last change, English and Chinese, each page as HTML and as the
dumps lynx, w3m, html2text and markdownify make of it (round12/dumps). The cases wrong when committed are strict
xfails by name, so a fix must take its name off the list."""
from __future__ import annotations

from helpers.datecases import DATES, day_tests, html_cases

ROUND12 = DATES / "round12"
DUMPS = ROUND12 / "dumps"
PAGES = html_cases(ROUND12)
DUMP_PAGES = html_cases(DUMPS)
RENDERERS = ("lynx.txt", "w3m.txt", "html2text.md", "markdownify.md")


def _dumps(*stems: str, renderers: tuple[str, ...] = RENDERERS) -> set[str]:
    return {f"{stem}.{r}" for stem in stems for r in renderers}


# Wrong when committed (d684c50), all update days: u04, z07 (a correction note after the body, `This article was
# updated on … to correct …`, `本文于…更新，更正…`: the dump path reads such notes, the HTML path did not), u05 (an
# editor's note dated without a year opening the body), u07 (a JSON-LD dateModified later than the update the page
# prints: the printed stamp is the page's word), u12 (`UPDATED at 3:45 p.m.` opening the body, the publication's
# day), u16 (`<dt>Last revised</dt><dd>3 February 2025</dd>` in an info box after the body); dumps of u05 and u12
# (every tool) and of u16 (lynx, w3m, html2text). The guards g01-g04 were written after the first fixes, gold first;
# g02's lynx and w3m dumps (a story's sentence `The operator's route map, updated on March 8, 2025 …` read as the
# page's update) were wrong on d684c50 already.
# Right since update notes are read on HTML pages too (dumpdays.update_note_clues): u04, z07; since a note's date
# may be followed by a colon and a sentence saying its page was updated (dumpdays.says_updated, patterns `mdy`):
# u05 and its dumps; since a printed update stamp a day or more from the metadata's dateModified wins
# (arbitrate.printed_change): u07; since a dump's update label alone on its row reads with the date row under it
# (text.labels_joined): u16's dumps; since a short box at the foot of the article is read as a footer is, its
# `<dt>` label joined to its `<dd>` date (round13, dates/footer.article_foot, labels_with_dates): u16.
XFAIL: set[str] = set()
XFAIL_UPDATED = {"u12_en_updated_caps_paragraph_clock.html"}
DUMP_XFAIL: set[str] = set()
DUMP_XFAIL_UPDATED = (_dumps("u12_en_updated_caps_paragraph_clock")
                      | _dumps("g02_en_updated_in_story_sentence", renderers=("lynx.txt", "w3m.txt")))


def test_the_folders_list_their_pages() -> None:
    assert {p.name for p in ROUND12.glob("*.html")} == set(PAGES)
    assert {p.name for p in DUMPS.iterdir() if p.suffix in (".txt", ".md")} == set(DUMP_PAGES)
    assert DUMP_PAGES.keys() == {f"{name[:-5]}.{r}" for name in PAGES for r in RENDERERS}
    assert set(PAGES) >= XFAIL | XFAIL_UPDATED and set(DUMP_PAGES) >= DUMP_XFAIL | DUMP_XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND12, XFAIL, XFAIL_UPDATED)
test_dump_publication_day, test_dump_update_day = day_tests(DUMPS, DUMP_XFAIL, DUMP_XFAIL_UPDATED)
