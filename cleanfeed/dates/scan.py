"""The last HTML strategy: the whole page read as short text pieces, for pages whose headline cannot be
found or prints no date near it (old table layouts, forums, blogs): a labelled publication date
anywhere (`发表于:2005-07-31 12:30`, `<dt>Datum</dt><dd>12.01.2017</dd>`), then a piece of text that
is just a date. Sidebars, comments and related lists are skipped as everywhere else."""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .clues import LOOSE, PAGE, Clue, Dated, is_date_line, read_line, role_of
from .layout import Layout
from .patterns import normalize
from .vocab import vocab

# Short text pieces with a digit, outside scripts: prose paragraphs are the dateline's and body's job.
_PIECES = etree.XPath("//body//text()[not(parent::script) and not(parent::style)"
                      " and string-length(normalize-space()) > 3 and string-length(.) < 300]")
_DIGIT = re.compile(r"[0-9０-９]")
_LETTERS = re.compile(r"[^\W\d_]")
MAX_HITS = 12


def page_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    out: list[Clue] = []
    previous = ""
    for n, piece in enumerate(_PIECES(doc)):
        raw = str(piece)
        if _DIGIT.search(raw) is None:
            previous = raw
            continue
        text = normalize(raw.strip())
        label_before = _label_at_end(normalize(previous.strip()))
        previous = raw
        dated = [d for d in read_line(text, language, relative=False) if d.mention.has_year]
        if not dated or layout.excluded(piece.getparent()):
            continue
        for j, d in enumerate(dated[:2]):
            label = d.label or (label_before if j == 0 else None)
            role = role_of(label) or "other"
            if label is not None:
                out.append(Clue(d.mention, "page", role, PAGE, 0, n * 10 + j, text))
            elif is_date_line(text, d, max_len=80) or _bare(text, d):
                out.append(Clue(d.mention, "page", role, LOOSE, 0, n * 10 + j, text))
        if len(out) >= MAX_HITS:
            break
    return out


def _label_at_end(text: str) -> str | None:
    """The label a piece of text ends with (`发布日期：`, `Datum`), for the date in the next piece."""
    if not text or len(text) > 60:
        return None
    m = vocab().label.search(text[-48:])
    return m.lastgroup if m else None


def _bare(text: str, dated: Dated) -> bool:
    """A piece that is a date and little else (`am 20.09.2020`, `(2005-06-14 03:25)`)."""
    rest = text[:dated.mention.start] + text[dated.mention.end:]
    return len(_LETTERS.findall(rest)) <= 12
