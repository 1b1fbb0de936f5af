"""The text printed around the headline, as a reader sees it: the lines just above and below it
(`lines_near`: one line per block element or table row, up to the first teaser list or, past the body's
opening, the first line outside the article), and the first text pieces under it (`pieces_under`: a byline
box's date, at a fraction of the cost). header.py reads dates from both."""
from __future__ import annotations

from collections import deque
from typing import Any

from lxml import etree

from cleanfeed.dates.clues import is_prose
from cleanfeed.dates.layout import BLOCK_TAGS, Layout, is_excluded_element
from cleanfeed.dates.vocab import vocab
from cleanfeed.text.language import to_simplified
from cleanfeed.textnorm import squeeze

_NO_TEXT = frozenset({"script", "style", "noscript", "template", "svg"})


def pieces_under(head: Any, limit: int = 12, levels: int = 3, stop_over: int | None = None) -> list[str]:
    """The first `limit` text pieces printed after `head` (its following siblings' text, then its parents'
    following siblings', `levels` up), leaving out excluded containers: where a byline box puts the date
    (`<div class="text__date">August 25, 2024</div>`). One piece per text node, no block assembly: a
    fraction of `lines_near`'s cost. `stop_over`: stop before the first piece longer than that (prose)."""
    out: list[str] = []
    node = head
    for _ in range(levels):
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str) or sib.tag in _NO_TEXT or is_excluded_element(sib):
                continue
            for el in sib.iter():
                if not isinstance(el.tag, str) or el.tag in _NO_TEXT or el.tag == "figcaption":
                    continue
                for text in (el.text, el.tail if el is not sib else None):
                    if text and not text.isspace():
                        out.append(squeeze(text))
                        if stop_over is not None and len(out[-1]) > stop_over:
                            return out[:-1]
                        if len(out) >= limit:
                            return out
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return out


def squeezed_near(near: tuple[list[str], list[str]]) -> str:
    """The lines around the headline as one string without spaces: what an extractor's header line (joined
    with other spacing) is looked up in."""
    return "".join("".join(line.split()) for part in near for line in part)


# A table row reads as one line, as a reader sees it (`发布日期： 2022-07-01　文号： 东财建〔2022〕41号`): a cell
# is a block, but a label in one cell names the value in the next.
_CELLS = frozenset({"td", "th"})


_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def lines_near(layout: Layout, before: int = 3, after: int = 12) -> tuple[list[str], list[str]]:
    """The text lines printed just above and below the headline (its own text excluded), skipping
    excluded containers; a line is the text of one block element, or of one table row (`_CELLS`)."""
    el = layout.head
    if el is None:
        return [], []
    root = el
    for _ in range(4):
        parent = root.getparent()
        if parent is None or parent.tag == "html":
            break
        root = parent
        if parent.tag == "body":
            break
    above: deque[str] = deque(maxlen=before)
    below: list[str] = []
    outside: list[bool] = []       # per line below: outside the article container the layout found
    parts: list[str] = []
    state = {"inside": False, "seen": False, "in_article": False}

    def flush() -> None:
        if not parts:
            return
        line = squeeze(" ".join(parts))
        parts.clear()
        if line and not state["inside"]:
            (below if state["seen"] else above).append(line)
            if state["seen"]:
                outside.append(layout.article is not None and not state["in_article"])

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            if event == "end" and node.tail:
                parts.append(node.tail)
            continue
        if event == "start":
            if node is el:
                flush()
                state["inside"] = True
            elif node.tag in BLOCK_TAGS and node.tag not in _CELLS:
                flush()
                if node.tag in _SUBHEADINGS and state["seen"] and any(is_prose(line) for line in below):
                    break               # a section of the body begins: its dated list is the body's
            state["in_article"] = state["in_article"] or node is layout.article
            if not before and not state["seen"] and node not in layout.chain:
                walker.skip_subtree()            # nothing above the headline is wanted: only its ancestors
                continue
            # Soft words ("latest", "teaser", a <footer>) exclude only outside the article; a photo's caption
            # (`Aufnahme vom 9. Juni 2021`) dates the photo, never the article.
            if node not in layout.chain and (node.tag == "figcaption"
                                             or is_excluded_element(node, soft=not state["in_article"])):
                walker.skip_subtree()
                continue
            if node.text:
                parts.append(node.text)
        else:
            if node is el:
                parts.clear()
                state["inside"], state["seen"] = False, True
            if node is layout.article:
                state["in_article"] = False
            elif node.tag in BLOCK_TAGS and node.tag not in _CELLS:
                flush()
                if len(below) >= after:
                    break
            if node.tail and node is not root:
                parts.append(node.tail)
    flush()
    return list(above), _before_teasers(below[:after], outside)


def _before_teasers(below: list[str], outside: list[bool]) -> list[str]:
    """The lines under the headline up to a list heading (`最新资讯`, `Most read`), and, once the body's
    first paragraphs are past, up to the first line outside the article container: on a short page that is
    a rail of other pages (`Lantern festival celebrated across China (Feb 19)`), never the header. A footer
    inside the article (`Gespeichert von rasos am 24. Juli 2017`) still counts."""
    heading = vocab().teaser_heading
    prose = 0
    for i, line in enumerate(below):
        if len(line) <= 30 and heading.match(to_simplified(line)):
            return below[:i]
        prose += is_prose(line)
        if prose >= BODY_LINES and i < len(outside) and outside[i]:
            return below[:i]
    return below


BODY_LINES = 2           # the body's opening paragraphs (a dateline) may sit among the header lines
