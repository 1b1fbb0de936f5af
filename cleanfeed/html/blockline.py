"""A block's text read as the plain-text cleaner reads a line (`as_line`), and whether such a line is a
publish-header line (`looks_like_header`): shared by the block filter (extract.py), the headline finder
(headline.py) and the lines under the headline (underheadline.py)."""
from __future__ import annotations

import functools
import re

from cleanfeed.rules.linerules import GenericRules
from cleanfeed.text.headerlines import is_header
from cleanfeed.text.lines import Line, fold, is_paragraph, line_key

_DATE_ANY = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"\b(\d+\s+(minutes?|hours?|days?|weeks?)\s+ago|yesterday)\b|\d+\s*(分钟|小时|天)前|昨天|前天", re.I)
_BYLINE = re.compile(r"^(by|posted by|written by|words by)\s+\S", re.I)
AS_LINE_CACHE = 2048      # block texts remembered by `as_line`
AS_LINE_LONGEST = 2000    # characters: a longer block is not remembered


def as_line(text: str) -> Line:
    """A block's text as the plain-text cleaner sees a line: its key folds traditional characters to
    simplified too, so rules written once (`相关阅读`, `责任编辑`) cover 相關閱讀 and 責任編輯. An ASCII line
    is its own key once folded (NFKC and the Han fold leave ASCII as it is; folding twice is folding once).
    Remembered: a page reads a block's text up to three times (the lines near the headline, the filter, a
    runner-up root's filter; 5,139 distinct of 7,380 on bench/speed.py --small), and a `Line` is immutable
    (its cached properties are pure functions of it and the packaged rules). A text longer than
    AS_LINE_LONGEST is read afresh, which bounds the memory held."""
    return _as_line(text) if len(text) <= AS_LINE_LONGEST else _read_line(text)


@functools.lru_cache(maxsize=AS_LINE_CACHE)
def _as_line(text: str) -> Line:
    return _read_line(text)


def _read_line(text: str) -> Line:
    folded = fold(text)
    return Line(text, text, folded if folded.isascii() else line_key(folded))


def looks_like_header(text: str, g: GenericRules, line: Line | None = None) -> bool:
    """A publish-header line: labelled (`发布时间：`, `Posted on`), a bare date, or a byline. `line`: the
    text already read `as_line`, when the caller has it."""
    if len(text) > g.header_max_len or "\n" in text and len(text) > 120:
        return False
    line = line or as_line(text)
    if is_header(line, g) or _BYLINE.match(text):
        return True
    return len(text) <= 120 and _DATE_ANY.search(line.key) is not None and not is_paragraph(without_meridiem(line))


_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.I)


def without_meridiem(line: Line) -> Line:
    """The line with the periods of its clocks' `a.m.` / `p.m.` dropped: they end no sentence, and a date row
    with a clock and a zone (`Published March 7, 2025 · Updated March 8, 2025 at 9:15 p.m. PT`) is no prose."""
    if "m." not in line.text:
        return line
    return as_line(_MERIDIEM.sub(r"\1m", line.text))
