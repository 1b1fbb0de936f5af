"""The dateline of an article whose text sits in `<div>`s and `<span>`s rather than `<p>`s.

The dateline strategy reads the Draft's paragraphs; an extractor (or a page) that gives none leaves a
`Karlsruhe, (12.11.2021). Traditionell …` opening unread. This reads the first few text blocks of the
article root (the container holding the most running text) and keeps only a date that opens its block
(after at most a place name) or stands alone: a date further into prose is the body's, never a dateline.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from cleanfeed.dates.clues import DATELINE, ORIGINAL, PUBLISHED, Clue, is_copyright, is_date_line, read_line, role_of
from cleanfeed.dates.layout import BLOCK_TAGS, Layout
from cleanfeed.dates.patterns import normalize

PROSE_PIECE = 30          # a text piece this long is running text, shorter ones are labels and links
# Only pieces of at least PROSE_PIECE characters count (article_root); asking libxml2 for their length
# leaves the shorter four in five (labels, links, the spaces between tags) out of the result.
_TEXTS = etree.XPath("//body//text()[not(parent::script) and not(parent::style)"
                     f" and string-length(normalize-space()) > 0 and string-length(.) >= {PROSE_PIECE}]")
ROOT_MIN_TEXT = 200       # characters of running text for a container to be an article at all
MAX_BLOCKS = 3            # the dateline opens the article; a date further down is the body's
# What may stand in front of a dateline's date: a place name and punctuation (`Karlsruhe, (`,
# `BERLIN –`), no digits and no sentence.
_PLACE = re.compile(r"^[^\W\d_][^\d.!?。:：]{0,38}[,(–—\-]\s*\(?\s*$")


def _block(el: Any) -> Any:
    while el is not None and el.tag not in BLOCK_TAGS:
        el = el.getparent()
    return el


def _in_link(el: Any) -> bool:
    return el.tag == "a" or any(a.tag == "a" for a in el.iterancestors("a"))


def article_root(doc: Any, layout: Layout) -> Any | None:
    """The container whose blocks hold the most running text outside excluded regions, if any holds
    enough to be an article."""
    score: dict[Any, int] = {}
    for piece in _TEXTS(doc):
        text = str(piece).strip()
        if len(text) < PROSE_PIECE:
            continue
        parent = piece.getparent()
        if parent is None or _in_link(parent):
            continue
        block = _block(parent)
        root = block.getparent() if block is not None else None
        if root is not None and root.tag not in ("html", "body"):
            score[root] = score.get(root, 0) + len(text)
    best = max(score.items(), key=lambda kv: kv[1], default=None)
    if best is None or best[1] < ROOT_MIN_TEXT or layout.excluded(best[0]):
        return None
    return best[0]


def _blocks(root: Any, layout: Layout) -> list[str]:
    """The texts of the root's first blocks, in document order; link text (teasers) and text in
    excluded containers are left out."""
    out: list[tuple[Any, list[str]]] = []
    for piece in root.xpath(".//text()[not(parent::script) and not(parent::style)]"):
        text = str(piece).strip()
        parent = piece.getparent()
        if not text or parent is None or _in_link(parent) or layout.excluded(parent):
            continue
        block = _block(parent)
        if out and out[-1][0] is block:
            out[-1][1].append(text)
        elif len(out) < MAX_BLOCKS:
            out.append((block, [text]))
        else:
            break
    return [" ".join(texts) for _, texts in out]


def _opens(text: str, start: int) -> bool:
    before = text[:start]
    return not before.strip() or _PLACE.match(before) is not None


def block_dateline_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    """Datelines in the first text blocks of the article root (see the module docstring)."""
    root = article_root(doc, layout)
    if root is None:
        return []
    out = []
    for i, raw in enumerate(_blocks(root, layout)):
        text = normalize(raw[:300])
        if is_copyright(text):
            continue
        for dated in read_line(text, language, relative=False)[:1]:
            if dated.label == "other" or not dated.mention.has_year:
                continue
            if is_date_line(text, dated, max_len=80) or _opens(text, dated.mention.start):
                role = role_of(dated.label) or PUBLISHED       # `Stand: 09.10.2017`, `Updated June 13, 2019`
                out.append(Clue(dated.mention, "dateline", role, DATELINE, 1, 30_000 + i * 100, text,
                                first=dated.label == ORIGINAL))
    return out
