"""The article root → a flat list of blocks (paragraph, heading, list item, quote, table, image), each
with its plain text, its inline HTML and its link share. Filters then work on blocks, and the body
HTML is rebuilt from the blocks that survive (blockhtml.py), so `text` and `html` always say the same
thing.

The walk is iterative (lxml `iterwalk`), so a 5000-deep page cannot exhaust the Python stack.
"""
from __future__ import annotations

import html as htmlmod
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeGuard

import lxml.html
from lxml import etree

from cleanfeed.html.urls import absolute, image_src

BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4",
                        "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody",
                        "thead", "tfoot", "tr", "td", "th", "figure", "figcaption", "center", "address",
                        "form", "fieldset", "details", "summary", "hr", "body", "html", "caption", "nav",
                        "aside", "hgroup", "legend", "noscript", "option"})
_INLINE_KEEP = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "code": "code", "sub": "sub",
                "sup": "sup", "u": "u", "s": "s", "del": "del", "mark": "mark", "q": "q", "cite": "cite",
                "small": "small", "kbd": "kbd"}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """One block of the article in reading order."""

    kind: str                 # p | h1..h6 | li | pre | table | img | figcaption
    text: str                 # plain text ('' for images)
    html: str                 # inline HTML of the block (already escaped), or the image URL for `img`
    link_chars: int = 0
    list_id: int = 0          # the <ul>/<ol> an `li` belongs to (for regrouping in HTML)
    list_tag: str = ""
    quote_id: int = 0         # the <blockquote> around the block, 0 when none

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


LINK_GRID = 0.9        # share of a table's text inside links that makes it a grid of links, not data


def is_data_table(table: lxml.html.HtmlElement) -> bool:
    """A table of data (kept as a table), not a layout grid holding the page. A specification table
    whose every cell wraps its value in one `<p>` or `<div>` is still data; a cell holding several
    blocks is a layout grid's."""
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    if len(rows) < 2:
        return False
    cells = table.findall(".//td") + table.findall(".//th")
    if any(_holds_blocks(c) for c in cells):
        return False
    chars = size = 0          # each cell's text read once (a price table of 100,000 rows holds 600,000 cells)
    for cell in cells:
        text = cell.text_content()
        chars += len("".join(text.split()))
        size += len(text)
    if chars and sum(len("".join(a.text_content().split())) for a in table.iter("a")) >= LINK_GRID * chars:
        return False          # a grid of headline links (`理财：` over three teasers a row): its cells are links
    return bool(cells) and size / len(cells) < 120


def _holds_blocks(cell: lxml.html.HtmlElement) -> bool:
    """More than one `<p>` or `<div>` inside the cell (`len(findall(".//p")) + len(findall(".//div")) > 1`, by
    one walk of the cell that stops at the second: a table of 100,000 rows asked two path searches a cell)."""
    return next(islice(cell.iter("p", "div"), 1, None), None) is not None     # (a td/th: not itself counted)


def fold_spaces(raw: str) -> str:
    """`_SPACE.sub(" ", raw)`: every run of whitespace as one space, by `str.split`, which knows the same
    whitespace as the regex class (both ask Py_UNICODE_ISSPACE; checked over every code point) and is 3x faster on
    the indented text nodes of a page (6.0 → 1.9 µs)."""
    words = raw.split()
    if not words:
        return " " if raw else ""
    folded = " ".join(words)
    if raw[0].isspace():
        folded = " " + folded
    if raw[-1].isspace():
        folded += " "
    return folded


class _Walker:
    """Accumulates inline text into blocks while walking the tree."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.text: list[str] = []
        self.html: list[str] = []
        self.links = 0
        self.in_link = 0
        self.in_pre = 0
        self.blocks: list[Block] = []
        self.numbers: dict[lxml.html.HtmlElement, int] = {}
        self.open: list[tuple[str, str]] = []    # inline tags open now: (name, opening markup)

    def number(self, el: lxml.html.HtmlElement) -> int:
        """A small number per element, in walk order. Not `id()`: lxml proxies are freed and their ids
        reused, which made a page's list/quote grouping depend on the pages cleaned before it."""
        return self.numbers.setdefault(el, len(self.numbers) + 1)   # the dict keeps each proxy alive

    def open_tag(self, name: str, markup: str) -> None:
        self.open.append((name, markup))
        self.html.append(markup)

    def close_tag(self, name: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == name:
                del self.open[i]
                self.html.append(f"</{name}>")
                return

    def add_text(self, raw: str | None) -> None:
        if not raw:
            return
        # Printable text has no whitespace but ' ' (every other `\s` character is a control or a Z*
        # separator): without two spaces in a row, folding would change nothing.
        text = raw if self.in_pre or raw.isprintable() and "  " not in raw else fold_spaces(raw)
        self.text.append(text)
        self.html.append(htmlmod.escape(text, quote=False))
        if self.in_link:
            self.links += len(text.strip())

    def close_block(self, stack: list[lxml.html.HtmlElement]) -> None:
        """End the block being written (its kind from the block elements around it); most block
        boundaries come with no text at all (`</div></div><div>`): those cost a check, not a walk up."""
        if self.text and not "".join(self.text).isspace():
            self.flush(*_context(stack, self))
            return
        self.text.clear()
        if self.open:
            self.html[:] = [markup for _, markup in self.open]
        else:
            self.html.clear()
        self.links = 0

    def flush(self, kind: str, list_id: int = 0, list_tag: str = "", quote_id: int = 0) -> None:
        raw = "".join(self.text)
        if kind == "pre":
            text = raw.strip("\n")
        elif "\n" not in raw:                   # one line, most blocks: its spaces folded
            text = " ".join(raw.split())
        else:
            text = "\n".join(s for s in (" ".join(line.split()) for line in raw.split("\n")) if s)
        if text.strip():
            # Inline tags still open close with the block and reopen in the next: each block's HTML is
            # balanced, so an `<a>` cut by a `<div>` cannot swallow the paragraphs after it.
            markup = ("".join(self.html) + "".join(f"</{n}>" for n, _ in reversed(self.open))).strip()
            self.blocks.append(Block(kind, text, markup, min(self.links, len(text)), list_id, list_tag, quote_id))
        self.text.clear()
        self.html[:] = [markup for _, markup in self.open]
        self.links = 0


def _context(stack: list[lxml.html.HtmlElement], w: _Walker) -> tuple[str, int, str, int]:
    """(kind, list id, list tag, quote id) for text whose block ancestors are `stack`."""
    kind, list_id, list_tag, quote_id = "p", 0, "", 0
    for el in reversed(stack):
        tag = el.tag
        if kind == "p" and tag in HEADINGS or tag in ("pre", "figcaption") and kind == "p":
            kind = tag
        elif tag == "li" and kind == "p" and not list_id:
            kind = "li"
            parent = el.getparent()
            list_id = w.number(parent if parent is not None else el)
            list_tag = parent.tag if parent is not None and parent.tag in ("ul", "ol") else "ul"
        elif tag == "blockquote" and not quote_id:
            quote_id = w.number(el)
    return kind, list_id, list_tag, quote_id


def linearize(elements: tuple[lxml.html.HtmlElement, ...] | list[lxml.html.HtmlElement], base: str | None
              ) -> list[Block]:
    """Blocks of `elements` in reading order."""
    w = _Walker(base)
    for root in elements:
        for _ in _walk(root, w):
            pass
    return w.blocks


def iter_blocks(root: lxml.html.HtmlElement, base: str | None = None) -> Iterator[Block]:
    """Blocks of one element, lazily (the header-line search stops after a few)."""
    w = _Walker(base)
    seen = 0
    for _ in _walk(root, w):
        while seen < len(w.blocks):
            yield w.blocks[seen]
            seen += 1
    yield from w.blocks[seen:]


def _walk(root: lxml.html.HtmlElement, w: _Walker) -> Iterator[None]:
    stack: list[lxml.html.HtmlElement] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el is not root:
                w.add_text(el.tail)
            continue
        if event == "start":
            if tag in BLOCK_TAGS or tag == "br" and not any(s.tag == "p" for s in stack[-2:]):
                w.close_block(stack)
                yield None
            if tag == "br":
                if any(s.tag == "p" for s in stack[-2:]):
                    w.add_text("\n")
                continue
            if tag == "img":
                src = image_src(el, w.base)
                small = any((el.get(a) or "").strip().isdigit() and int(el.get(a).strip()) <= 10
                            for a in ("width", "height"))
                if src and not small:
                    w.close_block(stack)
                    w.blocks.append(Block("img", "", src, quote_id=_context(stack, w)[3]))
                continue
            if tag == "table" and is_data_table(el):
                w.close_block(stack)
                w.blocks.append(_table_block(el))
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                stack.append(el)
                if tag == "pre":
                    w.in_pre += 1
            elif tag == "a":
                href = absolute(el.get("href"), w.base)
                w.in_link += 1
                w.open_tag("a", f'<a href="{htmlmod.escape(href)}">' if _linkable(href) else "<a>")
            elif tag in _INLINE_KEEP:
                w.open_tag(_INLINE_KEEP[tag], f"<{_INLINE_KEEP[tag]}>")
            w.add_text(el.text)
        else:  # end
            if tag in ("br", "img") or tag == "table" and (not stack or stack[-1] is not el):
                if el is not root:
                    w.add_text(el.tail)
                continue
            if tag in BLOCK_TAGS:
                w.close_block(stack)
                yield None
                if stack and stack[-1] is el:
                    stack.pop()
                if tag == "pre":
                    w.in_pre -= 1
            elif tag == "a":
                w.in_link -= 1
                w.close_tag("a")
            elif tag in _INLINE_KEEP:
                w.close_tag(_INLINE_KEEP[tag])
            if el is not root:
                w.add_text(el.tail)
    w.close_block(stack)


def _table_block(table: lxml.html.HtmlElement) -> Block:
    rows = []
    cells_html = []
    for tr in table.iter("tr"):
        cells = [(c.tag, " ".join(c.text_content().split())) for c in tr if c.tag in ("td", "th")]
        if any(text for _, text in cells):
            rows.append(" | ".join(text for _, text in cells))
            cells_html.append("<tr>" + "".join(f"<{tag}>{htmlmod.escape(text, quote=False)}</{tag}>"
                                               for tag, text in cells) + "</tr>")
    return Block("table", "\n".join(rows), "<table>" + "".join(cells_html) + "</table>")


def _linkable(href: str | None) -> TypeGuard[str]:
    """An href worth keeping in the body HTML: present, and not an inline `data:` blob."""
    return bool(href) and not str(href).startswith("data:")
