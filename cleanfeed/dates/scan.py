"""The last HTML strategy: the whole page read as short text pieces, for pages whose headline cannot be
found or prints no date near it (old table layouts, forums, blogs): a labelled publication date
anywhere (`发表于:2005-07-31 12:30`, `<dt>Datum</dt><dd>12.01.2017</dd>`), then a piece of text that
is just a date. Sidebars, comments and related lists are skipped as everywhere else."""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .clues import LOOSE, PAGE, Clue, is_date_line, read_line, role_of
from .layout import Layout
from .patterns import normalize

# Short text pieces with a digit, outside scripts: prose paragraphs are the dateline's and body's job.
_PIECES = etree.XPath("//body//text()[not(parent::script) and not(parent::style)"
                      " and string-length(normalize-space()) > 3 and string-length(.) < 300]")
_DIGIT = re.compile(r"[0-9０-９]")
MAX_HITS = 12


def page_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    out: list[Clue] = []
    previous = ""
    for n, piece in enumerate(_PIECES(doc)):
        text = str(piece)
        if _DIGIT.search(text) is None:
            previous = text
            continue
        # A label often sits in its own element just before the date (`<span>发布日期：</span>2021-…`).
        context = normalize(f"{previous[-40:].strip()} {text.strip()}")
        previous = text
        dated = [d for d in read_line(context, language, relative=False) if d.mention.has_year]
        if not dated or layout.excluded(piece.getparent()):
            continue
        for j, d in enumerate(dated[:2]):
            role = role_of(d.label) or "other"
            if d.label is not None:
                out.append(Clue(d.mention, "page", role, PAGE, 0, n * 10 + j, context))
            elif is_date_line(context, d, max_len=80):
                out.append(Clue(d.mention, "page", role, LOOSE, 0, n * 10 + j, context))
        if len(out) >= MAX_HITS:
            break
    return out
