"""Flattened tables and item lists in a whole-page text dump: the lines of a table saved one cell per
line (`1` / `Kyle Busch` / `5040` / `5` …), a numbered list with a link under each item (`1) Lego …` /
`http://amzn.to/…`), a tour's dates (`June 9 -- Coral Sky Amphitheatre, …`).

One such line reads like a menu item (short, no sentence), so the article run used to end above them, or
drop them as a run of menu lines. What a menu does not have is a repeating *shape*: lines mapped to a
few classes (a number, a numbered item, a dated item, a link, a sentence, other text) repeat with a
short period, and the period holds a number, a numbered or dated item or a link, not only words (a menu
is `W W W W …`, a most-read box `1` / `headline` has one number and one text line and does not count).

Pure functions over the page's lines in `match_key` form.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

MIN_PERIODS = 3      # a shape seen three times in a row is a table or a list, twice may be chance
MIN_LINES = 4
MAX_PERIOD = 10      # columns of a flattened table; wider tables are rare in news pages
_NUMBER = re.compile(r"^[-+–]?[\d][\d.,:%/ ]*%?$|^[\d.,]+\s*[%°$€£¥₩]$|^[$€£¥₩]\s*[\d.,]+$")
# `1)`, `1.`, `#1`, `1a etapa:`, `1st`, `3 tackles`, `一、`: a number, then the item's words
_NUMBERED = re.compile(r"^([(#]?\d{1,3}([.)、:]|[a-zºª]{1,3}\b|\s)|[(（]?[一二三四五六七八九十]{1,3}[)）、])"
                       r"\s*[^\W\d]", re.I)
# A day without its year, then the item: a tour's or a season's dates (`June 9 -- Coral Sky …`, `3月5日 北京站`).
# A date with its year heads a teaser or an archive list (`2012-01-17 标题`) and tells nothing.
_DATED = re.compile(
    r"^((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!\s*,?\s*(19|20)\d\d)|\d{1,2}\s+"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b(?!\s*,?\s*(19|20)\d\d)|\d{1,2}月\d{1,2}日)"
    r"[\d\s,.:/–—-]*(?P<item>.)", re.I)
_WORD_OR_HAN = re.compile(r"[^\W\d_]{2}|[\u4e00-\u9fff]")
_MONTHS = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
_SIGNS = frozenset("+-–$€£¥₩")
_NUMBER_OPENERS = frozenset("(#（一二三四五六七八九十")
_LINK = re.compile(r"^(https?://|www\.)\S+$", re.I)
_SENTENCE = re.compile(r"[.!?。；;]$|[。，,;；]")


def line_shape(key: str) -> str:
    """One letter for what a line is: `D` a number, `N` a numbered item, `T` a dated item, `U` a link,
    `S` a sentence or clause, `W` other text (a name, a label, a menu item); `-` an empty line. Most lines
    start with a letter that opens no month name, and take one regex."""
    key = key.strip()
    if not key:
        return "-"
    first = key[0]
    if first.isdigit() or first in _SIGNS:
        if _NUMBER.match(key):
            return "D"
        if _NUMBERED.match(key):
            return "N"
    elif first in "hHwW" and _LINK.match(key):
        return "U"
    elif first in _NUMBER_OPENERS and _NUMBERED.match(key):
        return "N"
    if (first.isdigit() or key[:3].lower() in _MONTHS) and (dated := _DATED.match(key)):
        item = key[dated.start("item"):]       # a bare date (`March 1`) is an item's stamp: no tell
        return "T" if _WORD_OR_HAN.match(item) else "W"
    return "S" if _SENTENCE.search(key) else "W"


def _tells(period: str) -> bool:
    """The period holds what a menu cannot: a numbered or dated item or a link, or two numbers or more."""
    return "N" in period or "T" in period or "U" in period or period.count("D") >= 2


def list_blocks(keys: Sequence[str]) -> list[tuple[int, int]]:
    """[start, end) of every stretch of lines whose shapes repeat with one short period, three times or
    more, where each period tells a table or a list from a menu; a header row of plain labels just above
    a table (one period of lines without numbers or links) belongs to it."""
    shapes = "".join(line_shape(k) for k in keys)
    out: list[tuple[int, int]] = []
    tells = [i for i, c in enumerate(shapes) if c in "DNTU"]
    i = 0
    while i < len(shapes):
        ahead = bisect_left(tells, i)           # a block's first period holds a telling line
        if ahead == len(tells):
            break
        i = max(i, tells[ahead] - MAX_PERIOD + 1)
        best = _block_at(shapes, i, tells[ahead] - i + 1)
        if best is None:
            i += 1
            continue
        start, end, period = best
        head = shapes[start - period:start] if start >= period else ""
        if period > 1 and head and set(head) <= set("WS"):
            start -= period          # `Pos` / `Player` / `Plays` / `%` / `Stats` over the rows
        out.append((start, end))
        i = end
    return out


def _same(a: str, b: str) -> bool:
    """Two shapes that fill one column: equal, or a numbered line and a sentence (`3 tackles (3
    combined).` and `No stats registered.`)."""
    return a == b or a + b in ("NS", "SN")


def _repeats(cells: str, pattern: str) -> bool:
    """`cells` repeat the period `pattern`, and tell a list by themselves (`Permalink` / `34 Comments` /
    `Back to top` / `34 responses to …` / `name says:` does not)."""
    return len(cells) == len(pattern) and _tells(cells) and all(map(_same, cells, pattern))


def _block_at(shapes: str, i: int, shortest: int) -> tuple[int, int, int] | None:
    """The longest periodic stretch starting at line `i` with a period of `shortest` lines or more, with
    its period, if it is a table or a list."""
    best: tuple[int, int, int] | None = None
    for p in range(max(1, shortest), MAX_PERIOD + 1):
        if i + MIN_PERIODS * p > len(shapes):
            break
        if not (_same(shapes[i + p], shapes[i]) and _same(shapes[i + 2 * p], shapes[i])):
            continue
        pattern = shapes[i:i + p]
        if "-" in pattern or not _tells(pattern):
            continue
        end = i + p
        while _repeats(shapes[end:end + p], pattern):
            end += p
        if end - i >= max(MIN_LINES, MIN_PERIODS * p) and (best is None or end - i > best[1] - best[0]):
            best = (i, end, p)
    return best


# A table printed a row a line (lynx, w3m, html2text and markdownify; text/markdown.table_lines writes a Markdown
# row's cells apart by one space): cells apart by spaces, or by the walls of w3m's box drawing (`│ 1 │ 企业 │`),
# whose rules (`├──┼──┤`) stand between the rows.
MIN_TABLE_ROWS = 3      # a header and two rows
MIN_CELLS = 3           # two cells (`1 headline`, `headline 2024-02-27`) are a ranked or dated list's item
_WALLS = re.compile(r"\s*[│┃|]\s*")
_BOX_RULE = re.compile(r"^[\s─━┄┈═┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬+|-]+$")
_CELL_SENTENCE = re.compile(r"[。！？!?；;]$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_FULL_DATE = re.compile(r"(19|20)\d\d\s*[-/.年]\s*\d{1,2}")


def table_cells(key: str) -> list[str] | None:
    """A line's cells when it may be a table row: split at box walls (`│`, `|`) when it has two or more, else at
    spaces; None for a line of a sentence (a cell never ends one), or one with fewer than MIN_CELLS cells."""
    walls = len(_WALLS.findall(key.strip()))
    cells = [c for c in (_WALLS.split(key.strip()) if walls >= 2 else key.split()) if c]
    if len(cells) < MIN_CELLS or any(_CELL_SENTENCE.search(c) for c in cells):
        return None
    return cells


def table_rows(keys: Sequence[str]) -> list[tuple[int, int]]:
    """[start, end) of every Chinese table printed a row a line: MIN_TABLE_ROWS or more rows in a row (w3m's rules
    between them) with the same number of cells, Han in most rows, a digit in two rows or more (a quantity, an
    order number: a second menu bar of as many items has none), and no full date (a dated teaser list). Such
    rows read like menu items, and the article run ended above a table between two of its paragraphs.

    Read in one pass: a row's table is its run's rows from it on (a run: the lines of one cell count in a row,
    rules skipped), counted from the run's end, so a start that fails costs nothing more. Scanned again from each
    failed start, 8,000 lines of `标签 标签 标签` (no digit) took 90 s; the answers are those of that scan
    (tests/test_table_rows_linear.py)."""
    rows = _Rows(keys)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(keys):
        table = rows.from_start(i)
        if table is None:
            i += 1
            continue
        last = table
        top = i - 1 if i > 0 and rows.rule[i - 1] else i
        out.append((top, last + 1 + (last + 1 < len(keys) and rows.rule[last + 1])))
        i = last + 1
    return out


class _Rows:
    """Each line's table-row facts, and per line of a run the counts of the run's rows from it to the run's end."""

    def __init__(self, keys: Sequence[str]) -> None:
        n = len(keys)
        self.cells = [table_cells(k) for k in keys]
        self.rule = [bool(k.strip()) and _BOX_RULE.match(k) is not None for k in keys]
        self.han = [_HAN.search(k) is not None for k in keys]
        self.digit = [_DIGIT.search(k) is not None for k in keys]
        self.dated = [_FULL_DATE.search(k) is not None for k in keys]
        self.next_row = [n] * (n + 1)             # the first line at or after k that is not a rule
        for k in range(n - 1, -1, -1):
            self.next_row[k] = self.next_row[k + 1] if self.rule[k] else k
        # from each non-rule line to its run's end (the next non-rule line of another cell count): rows, Han
        # rows, digit rows, dated rows, and the run's last row
        self.after: list[tuple[int, int, int, int, int]] = [(0, 0, 0, 0, -1)] * n
        for k in range(n - 1, -1, -1):
            if self.rule[k]:
                continue
            nxt = self.next_row[k + 1]
            if nxt < n and self._count(nxt) == self._count(k):
                size, han, digit, dated, last = self.after[nxt]
            else:
                size, han, digit, dated, last = 0, 0, 0, 0, k
            self.after[k] = (size + 1, han + self.han[k], digit + self.digit[k], dated + self.dated[k], last)

    def _count(self, k: int) -> int:
        cells = self.cells[k]
        return -1 if cells is None else len(cells)

    def from_start(self, i: int) -> int | None:
        """The last row of the table whose first row is line `i`, None when the rows from `i` are no table. A
        rule line may be a first row (a Markdown `| --- | --- | --- |` has cells); inside a table it is skipped."""
        if self.cells[i] is None:
            return None
        if not self.rule[i]:
            size, han, digit, dated, last = self.after[i]
        else:
            nxt = self.next_row[i + 1]
            if nxt < len(self.cells) and self._count(nxt) == self._count(i):
                size, han, digit, dated, last = self.after[nxt]
            else:
                size, han, digit, dated, last = 0, 0, 0, 0, i
            size, han, digit, dated = size + 1, han + self.han[i], digit + self.digit[i], dated + self.dated[i]
        if size >= MIN_TABLE_ROWS and han * 2 > size and digit >= 2 and not dated:
            return last
        return None


__all__ = ["line_shape", "list_blocks", "table_cells", "table_rows"]
