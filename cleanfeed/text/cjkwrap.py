"""Chinese dumps hard-wrapped narrower than a text browser: the evidence that a dump is one, for text/unwrap.

Mobile reader exports, e-mail digests, a copy out of a narrow column, `fold -w`, scrapers that wrap CJK by
display width, and w3m inside a page's table layout save Chinese in a column far narrower than the 56–140
columns text/unwrap looks for a browser's width at, often indented, with headlines and menus wider than it. A
line-per-block dump with short lines (a menu, a list of headlines cut to one length) can end lines at one width
too, so a narrow wrap needs evidence of its own, under one measure of a line or the other (characters, or
terminal cells with a CJK character as two):

- a wall: at least MIN_WALL Chinese lines end within a few columns of one width (the edge most of them end tight
  at, or the widest edge with others near it when the wrap breaks at punctuation);
- its column (the indents of those lines) has hardly a line far past that width: a line-per-block dump prints
  its paragraphs there;
- many pairs of lines cut mid-sentence: the first line filled to the width (less a cell or two) or broken after
  a comma, never at 。！？, the second not a list item;
- at least MIN_ENDED runs of such lines end a sentence at their last line (paragraphs, not a headline list).

The join is text/unwrap's; `Column.cut` says which pairs of lines it joins.

Pure functions over text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol


class Row(Protocol):
    """A non-blank line as text/unwrap reads it (its `_Row`)."""
    @property
    def text(self) -> str: ...
    @property
    def lead(self) -> str: ...
    @property
    def indent(self) -> int: ...


Measure = Callable[[str], int]

# The narrowest width read, under either measure: 16 cells is 8 characters (a phone upright at a large font).
NARROW_MIN = 16
# A line filled to the width: CJK characters take two cells, so a greedy wrap leaves a line at the width or one
# cell under it; mixed with Latin letters and digits a few more (a word moved whole to the next line).
TIGHT = 2
# A wall of CJK: at least this share of the characters of the lines near the width are wide.
MIN_WIDE_SHARE = 0.5
# A line moved a word or a number to the next line only when it was filled this far at least (a long run of
# digits after a short label line is a block of its own).
MIN_FILL = 0.75
# A line whose next line starts with a word (not a CJK character) was wrapped only when filled to this many
# columns under the width: a short heading over `2026-03-18 来源：…` would read as wrapped otherwise.
WORD_SLACK = 4
# A break at punctuation leaves the line at least this share of the width long (the renderers that do so break
# at the last comma in the line's last third).
PUNCT_FILL = 0.5
# A wall: this many Chinese lines at least end at the width (or TIGHT under it).
MIN_WALL = 5
# The width read from the widest lines: WALL_SUPPORT others within WALL_BAND columns of it (as text/unwrap).
WALL_SUPPORT, WALL_BAND = 3, 6
# The column's lines start within this many columns of the indents of its wall lines.
COLUMN_SLACK = 2
# Breakable lines of the column far past the width (PAST times it: a paragraph a line-per-block dump prints on
# one line; a headline, a date line or a menu a digest leaves whole is a little wider): this share at most, or
# this many (a table, a long link).
PAST = 1.5
MAX_WIDER, MAX_WIDER_LINES = 0.02, 3
# Evidence: at least this many pairs cut mid-sentence, and this share of the dump's lines.
MIN_CUTS, MIN_CUT_SHARE = 6, 0.08

# A greedy wrap breaks at the cell; one cell of slack for a wrapper that keeps a line a cell short.
SLACK = 1

_WIDE = "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
_UNIT = re.compile(f"[{_WIDE}]|[^\\s{_WIDE}]+")
# Paragraphs: at least this many runs of wrapped lines end a sentence (a share of the runs would turn away the
# dumps whose menus wrap too: at 50 % it kept 15 of 77 daniel dev dumps wrapped at 36 cells, at 0 % 74).
MIN_ENDED = 2

# Commas and enumeration marks only: a line-per-block dump ends a lead-in line with `：` or an item with `；`.
_MID_PUNCT = "，、,"
# A list item starts a block of its own, never a wrapped line: `1.`, `（一）`, `一、`, `•`, `·`, `．`.
_ITEM = re.compile(r"\s*(?:\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|"
                   r"[•·●○■□◆◇▪▫‣※．・*+-]\s*)")
_END = re.compile(r"[。！？!?…][\"'’”」』）)]*$")


def wide_share(texts: Sequence[str]) -> float:
    """The share of the characters (spaces aside) that are wide (CJK)."""
    chars = [c for t in texts for c in t if not c.isspace()]
    if not chars:
        return 0.0
    return sum(unicodedata.east_asian_width(c) in "WF" for c in chars) / len(chars)


def ends_sentence(text: str) -> bool:
    return _END.search(text) is not None


def cut_at_punct(prev: Row, measure: Measure, width: int) -> bool:
    """`prev` was broken after a comma or an enumeration mark, well into the width: a wrap at punctuation."""
    return prev.text[-1:] in _MID_PUNCT and _edge(prev, measure) >= PUNCT_FILL * width


def _wide(char: str) -> bool:
    return len(char) == 1 and unicodedata.east_asian_width(char) in "WF"


def first_unit(text: str) -> str:
    """What a wrap moves to the next line whole: one wide character, or a word (a run of narrow characters)."""
    m = _UNIT.match(text)
    return m.group() if m else text[:1]


def narrow_filled(prev: Row, nxt: Row, measure: Measure, width: int) -> bool:
    """`nxt`'s first character or word would have passed the width (less SLACK cells) at the end of `prev`:
    a greedy wrap broke there. A space is counted only before a word, as a wrap of CJK puts none."""
    filled = _edge(prev, measure)
    if not MIN_FILL * width <= filled <= width:
        return False        # wider: not wrapped; far short: a long word or number would not tell a wrap
    first = first_unit(nxt.text)
    if not _wide(first) and filled < width - WORD_SLACK:
        return False        # a heading over a date line: only a word of a few letters tells a wrap
    space = 1 if first.isascii() and prev.text[-1:].isascii() else 0
    return filled + space + measure(first) > width - SLACK


def _edge(row: Row, measure: Measure) -> int:
    """The column a line's text ends at (an indent of ideographic spaces `　　` takes two columns each)."""
    return _measured(measure, row.lead) + _measured(measure, row.text)


@lru_cache(maxsize=8192)
def _measured(measure: Measure, text: str) -> int:
    """A line's width is asked for again at each step of the evidence: measured once."""
    return measure(text)


@lru_cache(maxsize=8192)
def _chinese(text: str) -> bool:
    return wide_share([text]) >= MIN_WIDE_SHARE


@dataclass(frozen=True)
class Column:
    """Where a narrow wrap ran: lines ending at `width` under `measure`, starting at columns `lo`..`hi` (a
    table layout's text column, indented; a paragraph's first line `　　` deeper than the rest)."""
    measure: Measure
    width: int
    lo: int
    hi: int

    def holds(self, row: Row) -> bool:
        return self.lo <= row.indent <= self.hi

    def tight(self, row: Row) -> bool:
        return self.width - TIGHT <= _edge(row, self.measure) <= self.width

    def cut(self, prev: Row, nxt: Row) -> bool:
        """`prev` → `nxt` is a wrap inside the column: filled to the width, or broken at a comma."""
        return self.holds(prev) and not ends_sentence(prev.text) and not _ITEM.match(nxt.text) and (
            narrow_filled(prev, nxt, self.measure, self.width) or cut_at_punct(prev, self.measure, self.width))


def _widths(rows: Sequence[Row], measure: Measure) -> list[int]:
    """Widths the wrap may have run at: the edge the most Chinese lines end tight at (a greedy wrap, or a table
    column's), and the widest edge with WALL_SUPPORT more lines within WALL_BAND of it (a wrap that breaks at
    punctuation leaves its lines ragged)."""
    chinese = [_edge(r, measure) for r in rows if _chinese(r.text)]
    edges = Counter(chinese)
    walls = {e: sum(edges[e - d] for d in range(TIGHT + 1)) for e in edges if e >= NARROW_MIN}
    out = [max(walls, key=lambda e: (walls[e], e))] if walls else []
    ordered = sorted(chinese, reverse=True)
    for i in range(len(ordered) - WALL_SUPPORT):        # none when there are WALL_SUPPORT lines or fewer
        width = ordered[i]
        if ordered[i + WALL_SUPPORT] >= width - WALL_BAND:
            if width >= NARROW_MIN and width not in out:
                out.append(width)
            break
    return out


def _evidence(rows: Sequence[Row | None], measure: Measure, width: int,
              breakable: Callable[[str], bool]) -> Column | None:
    present = [r for r in rows if r is not None]
    wall = [r for r in present if width - WALL_BAND <= _edge(r, measure) <= width]
    if len(wall) < MIN_WALL or wide_share([r.text for r in wall]) < MIN_WIDE_SHARE:
        return None
    column = Column(measure, width, min(r.indent for r in wall) - COLUMN_SLACK,
                    max(r.indent for r in wall) + COLUMN_SLACK)
    inside = [r for r in present if column.holds(r) and breakable(r.text)]
    if sum(_edge(r, measure) > PAST * width for r in inside) > max(MAX_WIDER_LINES, MAX_WIDER * len(inside)):
        return None
    cut = [prev is not None and nxt is not None and not ends_sentence(prev.text) and column.holds(prev)
           and column.holds(nxt) and not _ITEM.match(nxt.text)
           and (column.tight(prev) or cut_at_punct(prev, measure, width))
           for prev, nxt in zip(rows, rows[1:], strict=False)]
    cuts = sum(cut)
    if cuts < MIN_CUTS or cuts < MIN_CUT_SHARE * len(inside):
        return None
    # the line after a run of cut lines ends its paragraph at a sentence's end (a list of headlines cut to one
    # length is a run of "cut" lines too, and no line of it ends a sentence)
    ends = [rows[i + 1] for i in range(len(cut)) if cut[i] and (i + 1 == len(cut) or not cut[i + 1])]
    ended = sum(1 for row in ends if row is not None and ends_sentence(row.text))
    return column if ended >= MIN_ENDED else None


def narrow_column(rows: Sequence[Row | None], measure: Measure, breakable: Callable[[str], bool]) -> Column | None:
    """The column a narrow Chinese wrap ran in, under `measure`, if the dump reads as one: a wall of Chinese
    lines ending at one width, hardly a breakable line of the column past it (a line-per-block dump prints
    its paragraphs far wider), and enough pairs cut mid-sentence."""
    present = [r for r in rows if r is not None]
    for width in _widths(present, measure):
        column = _evidence(rows, measure, width, breakable)
        if column is not None:
            return column
    return None


__all__ = ["Column", "cut_at_punct", "ends_sentence", "first_unit", "narrow_column", "narrow_filled", "wide_share"]
