"""`as_line` remembers a block's reading (a page reads a block up to three times), equal to a fresh
reading, and does not hold on to long blocks."""
from __future__ import annotations

from cleanfeed.html.blockline import AS_LINE_LONGEST, _as_line, _read_line, as_line


def test_a_short_block_is_read_once_and_equals_a_fresh_reading() -> None:
    text = "相關閱讀：銅價上漲"
    first = as_line(text)
    assert as_line(text) is first
    assert first == _read_line(text)
    assert first.key != text                     # the key folds traditional characters


def test_a_long_block_is_read_afresh_and_not_remembered() -> None:
    text = "Copper rose. " * (AS_LINE_LONGEST // 13 + 1)
    before = _as_line.cache_info().currsize
    line = as_line(text)
    assert line == _read_line(text) and as_line(text) is not line
    assert _as_line.cache_info().currsize == before
