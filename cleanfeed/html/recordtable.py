"""A page printed as a record: a table of label / value rows (標題, 發布日期, 發布單位, 內容, 附件, 聯絡人) one of
whose values is the story. Government press releases and notices are laid out so (own page
tests/pages/zhsplit/tw-gov-form.html). Read as they are, the labels and the other fields stood among the
story's paragraphs (P 0.88): the story is the value that holds the prose; the other rows are the record's
fields (the date and unit are read as header lines before this runs, from the uncleaned page), and the
story's own label cell goes with them.
"""
from __future__ import annotations

import re

import lxml.html

from cleanfeed.model import Removed
from cleanfeed.text.lines import has_sentence

RULE = "record-field"
MIN_ROWS = 3              # a record of fields; two rows are a caption and its picture, a term and its note
MAX_LABEL = 10            # characters of a field's label (`發布日期：`, `Contact`)
STORY_SHARE = 0.6         # of the values' text in the one value cell that is the story
MIN_STORY = 100           # characters of that value: a story, not a long field
_LABEL_PUNCT = re.compile(r"[。，！？；,.!?;]")


def drop_record_fields(body: lxml.html.HtmlElement) -> list[Removed]:
    """Every record table's fields other than its story, and the story's label cell, removed from the tree
    (what was removed, for the draft's record). Nothing for a table that is not a record with a story."""
    removed: list[Removed] = []
    for table in list(body.iter("table")):
        rows = _rows(table)
        story = _story_row(rows) if rows is not None else None
        if rows is None or story is None:
            continue
        for row in rows:
            doomed = [row] if row is not story else [row[0]]
            for el in doomed:
                text = " ".join(el.text_content().split())
                if text:
                    removed.append(Removed(text, RULE))
                el.drop_tree()
    return removed


def _rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement] | None:
    """The table's rows when each is a label cell and a value cell, MIN_ROWS or more; else None."""
    rows: list[lxml.html.HtmlElement] = table.xpath("./tr | ./tbody/tr | ./thead/tr")
    if len(rows) < MIN_ROWS:
        return None
    for row in rows:
        cells = [c for c in row if isinstance(c.tag, str)]
        if len(cells) != 2 or any(c.tag not in ("th", "td") for c in cells) or not _label(cells[0]):
            return None
    return rows


def _label(cell: lxml.html.HtmlElement) -> bool:
    """A field's label: a few characters, no clause mark, no nested block."""
    text = " ".join(cell.text_content().split())
    return 0 < len(text) <= MAX_LABEL and not _LABEL_PUNCT.search(text) and cell.find(".//table") is None


def _story_row(rows: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """The row whose value holds STORY_SHARE of the values' text, MIN_STORY characters or more, in sentences."""
    values = [" ".join(row[-1].text_content().split()) for row in rows]
    total = sum(map(len, values))
    best = max(range(len(rows)), key=lambda i: len(values[i]))
    text = values[best]
    if len(text) < MIN_STORY or len(text) < STORY_SHARE * total or not has_sentence(text):
        return None
    return rows[best]
