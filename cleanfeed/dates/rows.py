"""Rows of a page that a line-by-line reading gets wrong: a label printed in a cell of its own, before the cell
with its value (`label_cells`), and a thread's later posts whose marked date elements repeat the first one's
numbered id (`post_shape`)."""
from __future__ import annotations

import re
from typing import Any

from cleanfeed.dates.vocab import vocab
from cleanfeed.text.language import to_simplified

_DIGIT = re.compile(r"[0-9０-９〇零一二三四五六七八九十]")
_LABEL_CELL_MAX = 20      # `发布日期`, `張貼日期`, `Last updated:`: a label printed in its own cell is short,
_LABEL_CELL_LEAD = 4      # with at most a word before it (`张贴` before `日期`; a heading ending in 日期 is no label)


def label_cells(lines: list[str]) -> list[str]:
    """The lines with a label printed alone in its block joined to the value after it: a `<dt>更新时间</dt>
    <dd>2019年03月04日</dd>` list, label and value in sibling `<div>`s. Each block is a line of its own, so the
    date would read as a bare date line and the label say nothing. (A table row is one line already:
    nearhead.lines_near.)"""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if k + 1 < len(lines) and (paired := head_over_row(line, lines[k + 1])):
            out.append(paired)
            k += 2
            continue
        if k + 1 < len(lines) and is_label_cell(line) and not is_label_cell(lines[k + 1]):
            out.append(f"{line} {lines[k + 1]}")
            k += 2
            continue
        out.append(line)
        k += 1
    return out


def head_over_row(head: str, row: str) -> str | None:
    """A table's head of labels over its row of values, as two lines of cells (`发布日期 更新日期 来源` over
    `2025-03-03 2025-03-07 区市场监管局`: an information table's columns) read as each label before its value
    (`发布日期 2025-03-03 | 更新日期 2025-03-07 | 来源 区市场监管局`); None unless the head has no digit, as many cells
    as the row (one word each) and a date label among them."""
    if _DIGIT.search(head) or not _DIGIT.search(row):
        return None
    labels, values = head.split(), row.split()
    if not 2 <= len(labels) == len(values) or not any(is_label_cell(label) for label in labels):
        return None
    return " | ".join(f"{label} {value}" for label, value in zip(labels, values, strict=True))


def is_label_cell(text: str) -> bool:
    """A short line without digits that is a date label, or ends with one after a short word (`发布日期`,
    `张贴日期：`, `Last updated:`)."""
    if len(text) > _LABEL_CELL_MAX or _DIGIT.search(text) or not text.strip():
        return False
    folded = to_simplified(text)
    m = vocab().label.search(folded)
    return m is not None and m.end() == len(folded) and m.start() <= _LABEL_CELL_LEAD


_NUMBER = re.compile(r"\d+")


def post_shape(el: Any) -> str | None:
    """The shape of a numbered id (`authorposton1001` → `authorposton#`): once a dated element of one shape has
    been read, a later one (`authorposton1002`) is the next post of a thread or comment list, whose date is a
    reply's; the first is the thread's own. An element left out (a sidebar's) does not count as the first."""
    ident = el.get("id")
    if not ident or not any(c.isdigit() for c in ident):
        return None
    return _NUMBER.sub("#", ident)
