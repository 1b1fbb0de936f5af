"""Text dumps saved by a text-mode browser (`lynx -dump`, `w3m -dump`) → one line per block.

Such a dump hard-wraps every paragraph at a width (~72–80 columns), so one paragraph spans several lines
that each look like a short line (a menu item, a caption) to the line-based dump reader. It also prints
link references (`[12]` before or after a link's text) and a numbered list of their URLs at the end. Here
the wrapped lines of a paragraph are joined again, the reference markers and the URL list dropped, and
list items, table rows, headings and short menu lines stay lines, so region finding, titles and dates see
one line per block, as in the dumps the cleaner was built on.

A dump is read as hard-wrapped only on evidence, under one measure of a line or the other (characters: lynx
counts a Chinese character as one; terminal columns: w3m counts it as two): a width a browser uses, held up
by a wall of lines filled up to it and hardly a line past it, and pairs of lines cut mid-sentence where the
first is filled so far that the next line's first word could not have fitted on it (the greedy wrap every
browser does). Any other text comes back unchanged, the same object: a line-per-block dump prints its
paragraphs on lines far wider than any browser's width, and a page of short lines has no wall. Measured on
the shared text sets (442 line-per-block dumps): none is changed but four cwced-zh-text pages whose article
is itself hard-wrapped at 73–76 columns on the page (their score is the same to four decimals).

Chinese wrapped narrower than any browser (16–55 columns: mobile exports, digests, `fold`, a w3m table column)
has no wall at a browser's width; text/cjkwrap finds its column on evidence of its own, and the same join runs.

Pure functions over text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cleanfeed.text.cjkwrap import Column, first_unit, narrow_column

# Browsers wrap at 60–132 columns; lynx's and w3m's default is 80 (their lines fill to 74 and 79 columns).
MIN_WIDTH, MAX_WIDTH = 56, 140
# A line is filled when the next word plus a space would pass the width less this slack: the width read from
# the widest lines may be a little above where a browser broke a given line (lynx breaks Chinese by
# characters at 70–77 of its 80 columns).
SLACK = 4
# A line filled this share of the width at least may have been broken short of it (lynx's Chinese).
RAGGED_FILL = 0.75
# The width a browser wrapped at is held up by a wall of filled lines: WALL_SUPPORT lines at least within
# WALL_BAND columns of it, and MIN_WALL for a dump to be read as wrapped at all (the line-per-block dumps of
# our text sets have 1–3 lines near their widest line; lynx and w3m dumps of the committed wcxb-dev-en pages
# 29–334, our own short wrapped dumps 5–14).
WALL_SUPPORT, WALL_BAND, MIN_WALL = 3, 6, 5
# Columns a centred row's centre may stand off its row above's (lynx rounds half a column either way).
CENTRE_SLACK = 2
# Breakable lines wider than the width (a table, a preformatted block): this share at most.
MAX_WIDER = 0.01
# Evidence for a wrapped dump: at least this many wrapped pairs cut mid-sentence (the first line does not end a
# sentence), and this share of its text lines.
MIN_PAIRS, MIN_PAIR_SHARE = 3, 0.03
# A short Chinese page (a notice of a few paragraphs) has too few wrapped lines for that wall: at a text-mode
# browser's default width (80 columns: lynx fills Chinese to 72-77 characters, w3m to 76-80 cells) two filled lines
# of Chinese and two pairs cut mid-sentence will do, with no breakable line past the width.
SHORT_WALL, SHORT_PAIRS = 2, 2
DEFAULT_WIDTHS = (70, 80)

Measure = Callable[[str], int]

_BULLET = re.compile(r"(?:[*+o#•◦▪▫■□●○·‣–-]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(?=\S)")
_RUN = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")   # no space, no CJK
_RULE_LINE = re.compile(r"[\u2500-\u257f]{3,}$")     # a rule of box characters drawn under a headline (`━━━━`)
_TABLE_GAP = re.compile(r"\S {3,}\S|\t")
_TERMINAL = re.compile(r"[.!?。！？]['\"’”」』)）]?$")
# an image's file name alone on a row (lynx prints an alt that is the name right under the paragraph, no blank line)
_IMAGE_NAME = re.compile(r"\[?[^\s\[\]]{1,200}\.(?:jpe?g|png|gif|webp|svg|avif|bmp)(?:\?\S*)?\]?", re.I)
_MARKER = re.compile(r"(\s?)\[\d{1,4}\](\s?)")
_REFERENCES = re.compile(r"^\s*(?:references|links|visible links|hidden links)\s*:?\s*$", re.I)
# lynx prints the page's `<link>` elements (feeds, oEmbed, `alternate` languages) as the dump's first paragraph:
# `#[1]Site » Feed [2]Site » Comments Feed [3]oEmbed (JSON)`; browser chrome, never the page's text.
_LINK_TOOLBAR = re.compile(r"\s*#\[1\]\S")
_REFERENCE_ITEM = re.compile(r"^\s*(?:\d{1,4}\.|\[\d{1,4}\])\s+(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")   # `12. https://…`


def display_width(text: str) -> int:
    """Columns on a terminal: a wide (CJK) character takes two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class _Row:
    """One non-blank line: where its text starts, where an item's text starts (its continuation indent)."""
    text: str       # without the leading indentation
    lead: str       # the indentation
    indent: int
    hang: int       # the column a wrapped continuation of this line starts at
    bullet: bool
    table: bool


def _row(line: str) -> _Row:
    text = line.lstrip()
    indent = len(line) - len(text)
    m = _BULLET.match(text)
    return _Row(text.rstrip(), line[:indent], indent, indent + (m.end() if m else 0), m is not None,
                _TABLE_GAP.search(text) is not None)


def references_start(lines: Sequence[str]) -> int:
    """Where the trailing list of link URLs begins (`References` over `1. https://…` lines, lynx's `Visible
    links:` and `Hidden links:` parts within it), else len(lines). An article's own `References` section
    (citations, not bare URLs) stays."""
    start, items, others = len(lines), 0, 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _REFERENCES.match(line):
            if items and others <= 0.1 * items:
                start = i
        elif _REFERENCE_ITEM.match(line):
            items += 1
        elif line.strip():
            others += 1
            if others > max(2, 0.1 * items):
                break
    return start


def wrap_width(rows: Sequence[_Row], measure: Callable[[str], int], support: int = WALL_SUPPORT) -> int:
    """The width the dump was wrapped at, under one measure of a line (characters or terminal columns): the
    widest line the browser could have broken (a space or a CJK character in it) that has others as wide as
    it, give or take a few columns. A lone wider line (a table, a preformatted block) is not the width; nor is
    a line the browser could not break short enough (a long URL)."""
    widths = sorted((r.indent + measure(r.text) for r in rows if _breakable(r.text)), reverse=True)
    for i, width in enumerate(widths[:len(widths) - support + 1]):
        if widths[i + support - 1] >= width - WALL_BAND:
            return width
    return 0


def wrapped_at(rows: Sequence[_Row], measure: Callable[[str], int], width: int) -> bool:
    """The dump reads as wrapped at `width`: a browser's width, a wall of lines filled up to it, and hardly
    a breakable line past it (a line-per-block dump prints its paragraphs on lines far wider)."""
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    widths = [r.indent + measure(r.text) for r in rows if _breakable(r.text)]
    wall = sum(1 for w in widths if width - WALL_BAND <= w <= width)
    return wall >= MIN_WALL and sum(w > width for w in widths) <= max(1, MAX_WIDER * len(widths))


_CLAUSE = re.compile(r"[，。；！？、]")


def short_wrapped_at(rows: Sequence[_Row], measure: Callable[[str], int], width: int) -> bool:
    """A short dump reads as wrapped at `width`: a browser's default width (DEFAULT_WIDTHS), SHORT_WALL lines of
    Chinese text (wide characters half of it or more: a menu's Markdown links of one length are no wall) filled up
    to it, each with a clause mark (`，。、`: a menu bar of Chinese items is no wall either), and no breakable line
    past it."""
    if not DEFAULT_WIDTHS[0] <= width <= DEFAULT_WIDTHS[1]:
        return False
    breakable = [r for r in rows if _breakable(r.text)]
    wall = sum(1 for r in breakable if width - WALL_BAND <= r.indent + measure(r.text) <= width
               and 2 * sum(map(_wide, r.text)) >= len(r.text) and _CLAUSE.search(r.text) is not None)
    return wall >= SHORT_WALL and max(r.indent + measure(r.text) for r in breakable) <= width


def _breakable(text: str) -> bool:
    """A line a browser wraps at will: words, or CJK characters, and no unbreakable run of 30+ characters."""
    return (" " in text or not text.isascii()) and all(len(run) < 30 for run in _RUN.findall(text))


def _filled(prev: _Row, nxt: _Row, measure: Callable[[str], int], width: int) -> bool:
    """`nxt`'s first word would not have fitted at the end of `prev`: the browser wrapped there."""
    filled = prev.indent + measure(prev.text)
    if filled > width:
        return False        # wider than the width: a line the browser did not wrap
    if filled + 1 + measure(first_unit(nxt.text)) > width - SLACK:
        return True
    # a line filled most of the way whose next line's text up to its first space would not have fitted: lynx
    # breaks Chinese short of its width; a short line (a sub-heading) before `“……”` is a block of its own
    chunk = nxt.text.split(" ", 1)[0]
    return filled >= RAGGED_FILL * width and filled + 1 + measure(chunk) > width - SLACK


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in "WF"


def _continues(group: Sequence[_Row], nxt: _Row, fills: Callable[[_Row, _Row], bool]) -> bool:
    """`nxt` is a wrapped continuation of the logical line `group` (its rows so far)."""
    head, prev = group[0], group[-1]
    if nxt.bullet and nxt.indent != head.hang or nxt.table or head.table or _RULE_LINE.match(nxt.text):
        return False
    if _IMAGE_NAME.fullmatch(nxt.text) and _TERMINAL.search(prev.text):     # an image under a finished sentence
        return False
    if len(group) > 1:
        indented = nxt.indent == group[1].indent
    else:       # a paragraph's first line may be indented deeper than the rest (`　　` in Chinese); an item's
        # text may go on under its bullet rather than under its text
        indented = nxt.indent == head.hang or (nxt.indent <= head.indent if not head.bullet else
                                               nxt.indent == head.indent and not nxt.bullet)
    return (indented or _centred(prev, nxt)) and fills(prev, nxt)


def _centred(prev: _Row, nxt: _Row) -> bool:
    """`nxt` is centred under `prev`, deeper than it: lynx centres an `<h1>`, so the rest of a headline longer than
    the width is printed alone in mid-line (`Decade`, 37 columns in) under its first row (from column 0)."""
    centre = 2 * prev.indent + display_width(prev.text)
    return nxt.indent > prev.indent and abs(2 * nxt.indent + display_width(nxt.text) - centre) <= CENTRE_SLACK


def _groups(rows: Sequence[_Row | None], fills: Callable[[_Row, _Row], bool]) -> list[list[_Row] | None]:
    """The logical lines: runs of wrapped rows; None stays a blank line."""
    out: list[list[_Row] | None] = []
    for row in rows:
        group = out[-1] if out else None
        if row is not None and group is not None and _continues(group, row, fills):
            group.append(row)
        else:
            out.append(None if row is None else [row])
    return out


def _join(group: Sequence[_Row]) -> str:
    """The wrapped rows as one line: words joined by a space, CJK characters by nothing."""
    text = group[0].text
    for row in group[1:]:
        glue = "" if _wide(text[-1:]) or _wide(row.text[:1]) else " "
        text += glue + row.text
    return group[0].lead + text


def _too_wide(lines: Sequence[str]) -> bool:
    """More breakable lines wider than any browser's width than a wrapped dump may hold, under either measure
    (characters count no more than columns): a line-per-block dump, told apart cheaply (its detection would
    cost 20 % of cleaning an aeb-en-text dump, 2 ms). Never says so of a dump `wrapped_at` would accept."""
    wide = [ln for ln in lines if len(ln) > MAX_WIDTH and len(ln.rstrip()) > MAX_WIDTH]
    allowed = max(1, MAX_WIDER * len(lines))
    return len(wide) > allowed and sum(_breakable(ln.strip()) for ln in wide) > allowed


def link_toolbar_end(lines: Sequence[str]) -> int:
    """How many leading lines are lynx's link toolbar (`#[1]… [2]…`, up to the first blank line), else 0: the
    titles of the page's feeds repeat its site name and headline, and a headline finder would take the
    paragraph for the page's `<title>`."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first == len(lines) or not _LINK_TOOLBAR.match(lines[first]):
        return 0
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    return end


def _unmark(line: str) -> str:
    """Link reference markers dropped: `[12]Prices` → `Prices`, `report[3] says` → `report says`."""
    return _MARKER.sub(lambda m: " " if m.group(1) or m.group(2) else "", line)


def _wrapped_groups(rows: Sequence[_Row | None], present: Sequence[_Row], measures: Sequence[tuple[Measure, int]],
                    columns: Sequence[Column], min_pairs: int = MIN_PAIRS) -> list[list[_Row] | None] | None:
    """The logical lines when the wrap at those widths (or in those narrow columns) joins enough pairs cut
    mid-sentence to be one (`min_pairs`); else None."""
    def fills(prev: _Row, nxt: _Row) -> bool:
        return any(_filled(prev, nxt, m, w) for m, w in measures) or any(c.cut(prev, nxt) for c in columns)

    groups = _groups(rows, fills)
    pairs = sum(not _TERMINAL.search(row.text) for g in groups if g for row in g[:-1])     # cut mid-sentence
    return None if pairs < min_pairs or pairs < MIN_PAIR_SHARE * len(present) else groups


def unwrap_dump(text: str) -> str:
    """The dump with lynx's link toolbar dropped, and its wrapped paragraphs joined into one line each and its
    link references dropped when it reads as saved by a text-mode browser; any other text unchanged (the
    same object)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    if toolbar := link_toolbar_end(lines):
        lines = lines[toolbar:]
        text = "\n".join(lines)
    cut = references_start(lines)
    if _too_wide(lines[:cut]):
        return text
    rows = [_row(ln) if ln.strip() else None for ln in lines[:cut]]
    present = [r for r in rows if r is not None]
    measures = [(m, w) for m in (len, display_width) if wrapped_at(present, m, w := wrap_width(present, m))]
    groups = _wrapped_groups(rows, present, measures, []) if measures else None
    if groups is None and present:     # a short page at a browser's default width: fewer pairs will do
        short = [(m, w) for m in (len, display_width)
                 if short_wrapped_at(present, m, w := wrap_width(present, m, SHORT_WALL))]
        groups = _wrapped_groups(rows, present, short, [], SHORT_PAIRS) if short else None
    if groups is None:      # Chinese wrapped narrower than a browser, in a column of its own (text/cjkwrap): a
        # few wide lines (a menu, a breadcrumb) may show a browser's width that joins nothing
        columns = [c for m in (len, display_width) if (c := narrow_column(rows, m, _breakable))]
        groups = _wrapped_groups(rows, present, [], columns) if columns else None
    if groups is None:
        return text
    marked = cut < len(lines) or sum(bool(_MARKER.search(r.text)) for r in present) >= MIN_PAIRS
    out = []
    for group in groups:
        line = "" if group is None else _join(group)
        if marked and group is not None:
            line = _unmark(line).rstrip()
            if not line.strip():
                continue        # an image link's marker alone
        out.append(line)
    return "\n".join(out)


__all__ = ["unwrap_dump", "display_width", "link_toolbar_end", "references_start", "wrap_width", "wrapped_at"]
