"""Text dumps laid out in columns side by side (w3m prints a page's layout table as it is drawn): the columns
read one after the other.

w3m lays a page's layout table out on the terminal: the article's column on the left, a sidebar of links or
headlines beside it on the same lines, each cell wrapped to its own width. Read line by line, every line of the
article then ends in a sidebar item (`……像中彩票。      • 零风险铸就创业梦`), and neither the narrow wrap of the
article's column nor its paragraphs can be seen. Here such a region is cut at the column where its right cell
starts, and the left column's lines are given first, then the right column's, each as its own lines, so the
wrap finders (text/unwrap, text/cjkwrap) and the line reader see one column at a time.

A frame of box characters drawn around the article's cell (`┌──┐`, `│` at both sides) is taken away first,
when it frames Chinese prose. A region is split only on evidence, so a table of figures (prices in columns) and
a line-per-block dump are left alone:

- a boundary: at least MIN_RIGHT lines have text starting within BAND cells of one column, after a gap of
  GAP spaces or more (or as the line's only text, deeply indented), at least MIN_BOUNDARY cells in;
- a region: consecutive lines none of which has text across that column (a headline or a rule drawn across the
  page ends it);
- its left column is Chinese prose: at least MIN_LEFT of its parts are Chinese lines (CJK at least half their
  characters) at least MIN_LEFT_CELLS wide, with a sentence mark (，。) in them, not figures.

Any other text comes back unchanged, the same object. Pure functions over text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cleanfeed.text.cjkwrap import wide_share
from cleanfeed.text.unwrap import display_width
from cleanfeed.textnorm import HAN, count_chars

# A gap between two cells drawn side by side: this many spaces at least.
GAP = 3
# The right cell's text starts within BAND cells of the boundary, on MIN_RIGHT lines of the region at least.
BAND = 2
MIN_RIGHT = 6
# The boundary is this many cells into the line at least (a label column of a form is narrower).
MIN_BOUNDARY = 20
# The left column is prose: this many Chinese parts at least, each this wide, with a comma or a full stop.
MIN_LEFT, MIN_LEFT_CELLS = 5, 16
MIN_WIDE_SHARE = 0.5

_SEGMENT = re.compile(rf"[^ ]+(?: {{1,{GAP - 1}}}[^ ]+)*")
# A table's frame drawn with box characters: a rule of them alone on a line, a side standing at a line's start
# or end (after spaces) or between two gaps; a `│` between two menu items stays.
_RULE = re.compile(r"^ *[\u2500-\u257f]{3,}[^ ]? *$")     # its last character may be cut in two (`�`)
_SIDE = re.compile(r"(?:(?<=^)|(?<= ))[\u2502\u2503\u2551\u2506\u2507\u250a\u250b](?= |$)"
                   r"|^( *)[\u2502\u2503\u2551](?=[^ ])")
# A frame is read as one when this many lines at least have a side or a rule.
MIN_FRAMED = 6
_PROSE = re.compile(r"[，。；！？、]")
# A line of cells side by side that no column reading took apart (fewer than MIN_RIGHT lines beside each other: a
# headline with a hot list's first items beside it, a menu column's item before it) is given a cell a line when
# one cell holds this many Han characters at least (a Chinese headline, a date / source row) and no cell is prose.
MIN_CELL_HAN = 6
# More cells than this on a line is a menu bar or a table's row, read as it is (a row of six section names split
# a line each took one cwced-zh w3m50 page's article run from F1 0.987 to 0.068).
MAX_CELLS = 3


@dataclass(frozen=True)
class Segment:
    """A run of text on a line between gaps of GAP spaces or more, from cell `start` to cell `end`."""
    start: int
    end: int
    text: str


def segments(line: str) -> list[Segment]:
    """The runs of text of a line and the cells they occupy, counted on from the previous run's end (from the
    line's start each time, a long Chinese line of many runs took quadratic time)."""
    out = []
    pos = cells = 0
    for m in _SEGMENT.finditer(line):
        start = cells + display_width(line[pos:m.start()])
        cells, pos = start + display_width(m.group()), m.end()
        out.append(Segment(start, cells, m.group()))
    return out


def _right_starts(rows: Sequence[list[Segment]]) -> Counter[int]:
    """Where text starts after a gap (or alone on a line, deeply indented): the candidates for a boundary."""
    starts: Counter[int] = Counter()
    for segs in rows:
        for i, seg in enumerate(segs):
            if seg.start >= MIN_BOUNDARY and (i > 0 or seg.start >= 2 * MIN_BOUNDARY):
                starts[seg.start] += 1
    return starts


def _boundary(rows: Sequence[list[Segment]]) -> int:
    """The column most right cells start at (within BAND), or 0 when fewer than MIN_RIGHT lines say so."""
    starts = _right_starts(rows)
    best, support = 0, 0
    for column in starts:
        near = sum(starts[column + d] for d in range(-BAND, BAND + 1))
        if near > support or near == support and column < best:
            best, support = column, near
    return best if support >= MIN_RIGHT else 0


def _crosses(segs: Sequence[Segment], boundary: int) -> bool:
    """A run of text of the line spans the boundary (a headline or a rule across the page)."""
    return any(seg.start < boundary - BAND and seg.end > boundary - BAND for seg in segs)


def _chinese_prose(text: str) -> bool:
    return (wide_share((text,)) >= MIN_WIDE_SHARE and display_width(text) >= MIN_LEFT_CELLS
            and _PROSE.search(text) is not None)


def _split(lines: Sequence[str], rows: Sequence[list[Segment]], boundary: int) -> tuple[list[str], list[str]]:
    """The region's left column (its lines as printed, cut before the boundary) and its right column."""
    left, right = [], []
    for line, segs in zip(lines, rows, strict=True):
        lefts = [s for s in segs if s.end <= boundary - BAND]
        rights = [s for s in segs if s.start >= boundary - BAND]
        left.append(line[:len(line) - len(line.lstrip(" "))] + "   ".join(s.text for s in lefts) if lefts else "")
        right.append("   ".join(s.text for s in rights))
    return left, right


def _region_ok(left: Sequence[str], right: Sequence[str]) -> bool:
    return (sum(bool(r) for r in right) >= MIN_RIGHT
            and sum(_chinese_prose(t.strip()) for t in left) >= MIN_LEFT)


def _unframed(line: str) -> str:
    """The line with its frame's rules and sides as spaces (each side one space: the columns stay where
    they were)."""
    if _RULE.match(line):
        return ""
    return _SIDE.sub(lambda m: (m.group(1) or "") + " ", line)


def unframe(lines: Sequence[str]) -> list[str]:
    """The lines without the frame of a table drawn around them (w3m draws `border` tables), when
    MIN_FRAMED lines at least show one and MIN_LEFT of them are Chinese prose; else the same lines."""
    unframed = [_unframed(ln) for ln in lines]
    changed = [b for a, b in zip(lines, unframed, strict=True) if a != b]
    if len(changed) < MIN_FRAMED or sum(_chinese_prose(ln.strip()) for ln in changed) < MIN_LEFT:
        return list(lines)
    return unframed


def read_columns(text: str) -> str:
    """The dump with each region of two columns drawn side by side given as its left column, then its right;
    any other text unchanged (the same object)."""
    if "   " not in text:
        return text
    given = text.split("\n")
    lines = unframe(given)
    rows = [segments(ln) for ln in lines]
    boundary = _boundary(rows)
    if not boundary:
        return text if lines == given else "\n".join(lines)
    out: list[str] = []
    changed = lines != given
    i = 0
    while i < len(lines):
        if _crosses(rows[i], boundary):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and not _crosses(rows[j], boundary):
            j += 1
        left, right = _split(lines[i:j], rows[i:j], boundary)
        if _region_ok(left, right):
            out.extend(left)
            out.append("")
            out.extend(right)
            changed = True
        else:
            out.extend(lines[i:j])
        i = j
    return "\n".join(out) if changed else text


def side_by_side(segs: Sequence[Segment]) -> bool:
    """The line's runs are cells drawn side by side, not one block's text: two or three runs, one of them Chinese
    of MIN_CELL_HAN Han characters at least, none prose (a wrapped paragraph beside a sidebar item is left to
    read_columns and the wrap finders: cut off its line, it would no longer join its next)."""
    return 2 <= len(segs) <= MAX_CELLS and any(count_chars(HAN, s.text) >= MIN_CELL_HAN for s in segs) \
        and not any(_PROSE.search(s.text) for s in segs)


def _alone(segs: Sequence[Segment], above: Sequence[Segment], below: Sequence[Segment]) -> bool:
    """One of the line's Chinese cells stands alone: no text of the lines above and below overlaps it (a headline
    or a row set off in its cell, a hot list's items beside it), and no cell has prose over or under it: a line
    of a paragraph wrapped in a narrow column has its paragraph's lines there, and cut off its line it would no
    longer join them (w3m at 50 columns, cwced-zh 0.8503 -> 0.8297 on the gate's pages when such lines were
    split too)."""
    near = (*above, *below)
    cells = [s for s in segs if count_chars(HAN, s.text) >= MIN_CELL_HAN]
    prose_over = any(o.start < c.end and c.start < o.end and _PROSE.search(o.text) for c in segs for o in near)
    return not prose_over and any(not any(o.start < c.end and c.start < o.end for o in near) for c in cells)


def split_cells(text: str) -> str:
    """The dump with each line of cells side by side (side_by_side, _alone) given as one line per cell, each at its own
    column: w3m prints a layout table's row on one line, so a headline reads `最新消息   本會舉辦…說明會` (a menu
    column's item before it) or `废铜进口量…国内货源   2. 四月有色金属价格走势预测` (a hot list beside it), and no
    line of the dump is the headline. Any other text unchanged (the same object)."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        segs = segments(line) if "   " in line.strip() else []
        if side_by_side(segs) and _alone(segs, segments(lines[i - 1]) if i else [],
                                         segments(lines[i + 1]) if i + 1 < len(lines) else []):
            out.extend(" " * seg.start + seg.text for seg in segs)
        else:
            out.append(line)
    return "\n".join(out) if len(out) != len(lines) else text


__all__ = ["Segment", "read_columns", "segments", "side_by_side", "split_cells"]
