"""Markup nested deeper than libxml2 will build, flattened the way browsers do.

libxml2 stops parsing at its depth limit (2048 elements with XML_PARSE_HUGE): everything after the 2048th
open element is lost, so a page a broken CMS nested 3,000 `<div>`s deep came out with no text at all. Blink
keeps such a page by attaching every element past depth 512 at depth 512 (kMaximumHTMLParserDOMTreeDepth);
`flatten_nesting` does much the same on the page's bytes before a second parse: past `MAX_DEPTH` the tags of
wrappers (`<div>`, `<span>`, …) are dropped, their text staying where it was, and the blocks inside them
(`<h1>`, `<p>`, `<li>`, links) are kept for `SLACK` more levels, so the story past the wrappers keeps its
headline and paragraphs.
"""
from __future__ import annotations

import re

MAX_DEPTH = 512
SLACK = 64         # well under libxml2's 2048
_WRAPPERS = frozenset({b"div", b"span", b"section", b"font", b"center", b"main", b"article", b"b", b"i"})
# A comment or a raw-text element (its content is not markup), else a start or end tag. An unclosed
# comment, raw-text element or tag runs to the end of the page: each is read once, never re-scanned.
_TOKEN = re.compile(rb"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|noscript)\b.*?(?:</\1\s*>|\Z)"
                    rb"|<(/?)([A-Za-z][^\s/>]*)[^>]*(?:>|\Z)", re.S | re.I)
_VOID = frozenset({b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
                   b"param", b"source", b"track", b"wbr", b"basefont", b"bgsound", b"frame", b"keygen"})
# A start tag of these closes an open one of its name right above it (`<p>a<p>b`, `<li>a<li>b`): without
# this, a long list of unclosed items would count as nesting.
_SIBLING_CLOSES = frozenset({b"p", b"li", b"option", b"tr", b"td", b"th", b"dt", b"dd"})


class _OpenElements:
    """The elements open at a point of the page, as a tag-soup parser sees them, and which of them are kept."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.stack: list[tuple[bytes, bool]] = []    # (name, kept), outermost first
        self.kept_depth = 0                          # how many of them are kept
        self.count: dict[bytes, int] = {}            # how many of each name are open

    def open(self, name: bytes) -> bool:
        """Open `name` (closing an open one of its name right above it); whether its start tag is kept."""
        if self.stack and self.stack[-1][0] == name and name in _SIBLING_CLOSES:
            self.close(name)
        depth = self.kept_depth
        kept = depth < self.max_depth or (depth < self.max_depth + SLACK and name not in _WRAPPERS)
        self.stack.append((name, kept))
        self.kept_depth += kept
        self.count[name] = self.count.get(name, 0) + 1
        return kept

    def close(self, name: bytes) -> bool:
        """Close the nearest open `name` and everything opened inside it; whether its end tag is kept (one
        with nothing of its name open is kept, for the parser to ignore)."""
        if not self.count.get(name):
            return True
        at = len(self.stack) - 1
        while self.stack[at][0] != name:
            at -= 1
        kept = self.stack[at][1]
        for popped, was_kept in self.stack[at:]:
            self.count[popped] -= 1
            self.kept_depth -= was_kept
        del self.stack[at:]
        return kept


def flatten_nesting(data: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """`data` without the start and end tags of elements opened deeper than `max_depth` (`SLACK` deeper for
    blocks that are not wrappers): the kept elements nest at most that deep. An end tag closes the nearest
    open element of its name and what was opened inside it, as tag-soup parsers do."""
    pieces: list[bytes] = []
    start = 0
    elements = _OpenElements(max_depth)
    for m in _TOKEN.finditer(data):
        if m.group(3) is None:
            continue                              # a comment or a raw-text element: no nesting inside
        name = m.group(3).lower()
        if m.group(2):
            kept = elements.close(name)
        elif name in _VOID or m.group(0).endswith(b"/>"):
            continue
        else:
            kept = elements.open(name)
        if not kept:
            pieces.append(data[start:m.start()])
            start = m.end()
    pieces.append(data[start:])
    return b"".join(pieces)
