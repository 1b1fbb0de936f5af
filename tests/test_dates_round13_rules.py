"""The round13 rules alone (tests/data/dates/round13 holds their pages): a labelled cell of a row of cells, a
table's head over its row, a clock's `p.m.` in a date row, the stamp boxes at the foot of a page."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.dates.clues import read_line
from cleanfeed.dates.cutrows import labelled_cell
from cleanfeed.dates.footer import footer_update, labels_with_dates
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.rows import head_over_row, label_cells
from cleanfeed.html.blockline import as_line, without_meridiem
from cleanfeed.text.lines import is_paragraph


def _cells(row: str) -> list[bool]:
    text = normalize(row)
    return [labelled_cell(text, d) for d in read_line(text, "en")]


@pytest.mark.parametrize(("row", "want"), [
    ("Words by Ann Lee-Hart and Tom Vale-Orme, Transport Desk · First published 2 March 2025 · Last updated 9 March"
     " 2025", [True, True]),
    ("By Jo Park | Updated: March 6, 2025, 5:10 p.m. EST", [True]),
    # a date inside a cell that goes on as a sentence, an unlabelled date, a row with no walls: no stamp
    ("Markets · Updated March 6, 2025 after the ministry cut its forecast for the year.", [False]),
    ("Ann Lee · March 6, 2025 · 4 min read", [False]),
    ("Updated March 6, 2025", [False]),
])
def test_a_labelled_cell_of_a_row_of_cells_is_a_stamp(row: str, want: list[bool]) -> None:
    assert _cells(row) == want


def test_a_head_of_labels_over_a_row_of_values_reads_as_pairs() -> None:
    assert head_over_row("发布日期 更新日期 来源", "2025-03-03 2025-03-07 区市场监管局") == \
        "发布日期 2025-03-03 | 更新日期 2025-03-07 | 来源 区市场监管局"
    assert label_cells(["发布日期 更新日期", "2025-03-03 2025-03-07"]) == ["发布日期 2025-03-03 | 更新日期 2025-03-07"]
    assert head_over_row("发布日期 更新日期 来源", "2025-03-03 2025-03-07") is None          # cells do not line up
    assert head_over_row("名称 数量 单位", "铜 12 吨") is None                                 # no date label
    assert head_over_row("发布日期 更新日期", "见下文 另行通知") is None                         # no value with a digit


def test_a_clock_of_a_date_row_is_no_sentence_end() -> None:
    row = as_line("Published March 7, 2025 · Updated March 8, 2025 at 9:15 p.m. PT")
    assert is_paragraph(row) and not is_paragraph(without_meridiem(row))
    prose = as_line("The council met at 7 p.m. on Tuesday and agreed to move the market to the square in April.")
    assert is_paragraph(without_meridiem(prose))


def test_a_label_alone_in_its_piece_is_joined_to_its_date() -> None:
    assert labels_with_dates(["Last revised", "3 February 2025", "Owner", "Planning team"]) == \
        ["Last revised: 3 February 2025", "3 February 2025", "Owner", "Planning team"]
    pieces = ["Last revised", "by the allotments officer"]
    assert labels_with_dates(pieces) == pieces


def _foot(extra: str) -> str | None:
    doc = lxml.html.fromstring(f"<html><body><article><h1>Yard notes</h1><p>{'Story text. ' * 20}</p>{extra}"
                               "</article><aside><h3>Latest</h3><ul><li>Zinc stocks fall <span>Updated March 6, 2025"
                               "</span></li></ul></aside><footer>© 2025 Metals Desk</footer></body></html>")
    clue = footer_update(doc, "en")
    return clue.text if clue else None


def test_stamp_boxes_at_the_foot_are_read_and_teaser_boxes_are_not() -> None:
    assert _foot("<div class='info'><dl><dt>Last revised</dt><dd>3 February 2025</dd></dl></div>") == \
        "Last revised: 3 February 2025"
    assert _foot("") is None                                   # the aside over the footer is a list of teasers
    assert _foot("<blockquote>Board report, last updated 5 May 2021</blockquote>") is None
