"""The pages of tests/data/dates/round10 (README.md there), written for issue 19's tenth round before the dates
engine was changed for them: a same-day update whose clock names another zone than the publication's, a same-day
update after a publication printed without its year, the word `update` in a headline or standfirst (`Copper market
update: March 4, 2025`), and guards where a clock after a date is a market close or an event's time. The cases wrong
when committed are strict xfails by name, so a fix must take its name off the list."""
from __future__ import annotations

from typing import Any

import pytest
from helpers.datecases import DATES, day_tests, html_case_days, html_cases

from cleanfeed.dates.clues import read_line
from cleanfeed.dates.patterns import normalize

ROUND10 = DATES / "round10"
PAGES = html_cases(ROUND10)
XFAIL: set[str] = set()
# Wrong when committed (938d48a): z01 (`10:00 CET · Updated 09:30 GMT`: the clocks compared as printed), y01-y03
# (a same-day update after a publication without its year is not read), t02 (`Weekly scrap update 3 March 2025`
# in the standfirst taken for the update, which then loses to the publication and takes the real update with it).
# Right since sameday.py compares the two clocks in UTC when both zones name an offset, and reads a same-day update
# after a date with its month but not its year: z01, y01-y03. Right since the noun `update` labels a date only when
# it opens its part of the line (clues.ends_a_title, `[labels] update_nouns` in vocab.toml): t02.
XFAIL_UPDATED: set[str] = set()


def test_the_folder_lists_its_pages() -> None:
    assert {p.name for p in ROUND10.glob("*.html")} == set(PAGES)
    assert all(case["meta"] for case in PAGES.values()) and set(PAGES) >= XFAIL | XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND10, XFAIL, XFAIL_UPDATED)


@pytest.mark.parametrize("name", sorted(n for n, c in PAGES.items() if c["published"] and not c["updated"]))
def test_no_update_is_read_from_another_line(name: str) -> None:
    """A page that prints no update gets none (a market close's clock, an event's time, a headline's `update`)."""
    case: dict[str, Any] = PAGES[name]
    days = html_case_days(name, case["meta"], ROUND10)
    assert days.updated in (None, days.published), case["note"]


# Lines read wrong when committed (938d48a): the clocks of two zones compared as printed, and a publication without
# its year (right since sameday.is_earlier and the month-not-year test, same commit as z01 and y01-y03); the noun
# `update` after the words of a headline (right since clues.ends_a_title).
XFAIL_LINES: set[str] = set()
XFAIL_LABELS: set[str] = set()


def _marked(rows: list[tuple[str, Any]], xfails: set[str]) -> list[Any]:
    return [pytest.param(*row, marks=[pytest.mark.xfail(strict=True)] if row[0] in xfails else []) for row in rows]


def _updates(line: str, language: str | None = None) -> list[tuple[int, int, int] | None]:
    return [d.mention.readings[0].clock for d in read_line(normalize(line), language) if d.label == "updated"]


@pytest.mark.parametrize(("line", "want"), _marked([
    ("Published 5 March 2025, 10:00 CET · Updated 09:30 GMT", [(9, 30, 0)]),     # 10:30 CET
    ("Published 5 March 2025, 9:00 AM ET | Updated 2:30 PM GMT", [(14, 30, 0)]),  # 9:30 in New York
    ("Publié le 6 mars à 10h32, mis à jour à 14h05", [(14, 5, 0)]),
    ("Published March 6, 10:15 AM | Updated 3:40 PM", [(15, 40, 0)]),
    # guards: an update earlier than the publication once both are in one zone; no clock; not a label
    ("Published 5 March 2025, 10:00 GMT · Updated 10:30 CET", []),                # 09:30 GMT
    ("Published 5 March 2025, 9:00 AM ET | Updated 1:30 PM GMT", []),            # 8:30 in New York
    ("Publié le 6 mars à 18h32, mis à jour à 09h05", []),
    ("Published 5 March 2025, 09:00 · Prices updated at the 17:30 close", []),
], XFAIL_LINES))
def test_a_same_day_update_clock(line: str, want: list[tuple[int, int, int] | None]) -> None:
    assert _updates(line) == want


@pytest.mark.parametrize(("line", "label"), _marked([
    ("Copper market update: March 4, 2025", None),
    ("Weekly scrap update 3 March 2025", None),
    ("Update: March 4, 2025", "updated"),
    ("Published March 3, 2025 | Update: March 4, 2025", "updated"),
    ("Last update: March 4, 2025", "updated"),
    ("Laatste update 4 maart 2025", "updated"),
], XFAIL_LABELS))
def test_the_noun_update_labels_only_a_row_it_opens(line: str, label: str | None) -> None:
    assert read_line(normalize(line), None)[-1].label == label


