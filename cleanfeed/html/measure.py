"""How much text an element holds, and of what kind: its text and length (read without an XPath call when
it has no children), its own text beside inline children, the share inside links, the prose under it
(paragraphs of 60+ characters), and a short folded summary for `--explain`. Used by chrome removal,
root scoring, the sibling scorer and the page profiles."""
from __future__ import annotations

import lxml.html


def summary_text(el: lxml.html.HtmlElement, limit: int = 300) -> str:
    return shortened(el.text_content(), limit)


def shortened(raw: str, limit: int) -> str:
    """`raw` with its whitespace folded, cut at `limit` characters (`…` marks the cut). A removed footer
    or comment thread holds thousands of words: only the opening is folded when it is enough, since
    the fold of a prefix is a prefix of the fold."""
    head = " ".join(raw[:SUMMARY_PREFIX * limit].split())
    if len(head) > limit:
        return head[:limit] + "…"
    text = " ".join(raw.split())
    return text if len(text) <= limit else text[:limit] + "…"


SUMMARY_PREFIX = 4          # a prefix of 4 × limit characters holds `limit` folded ones unless mostly spaces


def link_density(el: lxml.html.HtmlElement, size: int | None = None) -> float:
    """Share of `el`'s text inside links."""
    size = text_length(el) if size is None else size
    if not size:
        return 0.0
    links = sum(text_length(a) for a in el.iter("a"))
    return min(1.0, links / size)


def element_text(el: lxml.html.HtmlElement) -> str:
    """`el.text_content()` (as a plain str): an element without children holds its own text only."""
    return el.text_content() if len(el) else el.text or ""


def heading_text(h: lxml.html.HtmlElement) -> str:
    """The heading's text, whitespace folded, without its permalink (`permalink_glyph`)."""
    return " ".join(element_text(h).split()).removesuffix(permalink_glyph(h)).rstrip()


def permalink_glyph(h: lxml.html.HtmlElement) -> str:
    """The glyph of the heading's permalink, or '': documentation generators end every heading with a link
    to itself whose text is a glyph (Sphinx and MkDocs `<a class="headerlink" href="#id">¶</a>`, Docusaurus a
    zero-width space, Hugo themes `#`), and it was read into the headline (`Quickstart¶`). Only a last child
    `<a href="#…">` with nothing after it, of one or two characters that are neither letters nor digits:
    `Learn C#` keeps its `#`, as no self-link holds it."""
    last = h[-1] if len(h) else None
    if last is None or last.tag != "a" or (last.tail or "").strip() or not (last.get("href") or "").startswith("#"):
        return ""
    glyph = "".join(element_text(last).split())
    return "" if len(glyph) > 2 or any(c.isalnum() for c in glyph) else glyph


def text_length(el: lxml.html.HtmlElement) -> int:
    """`len(el.text_content())`: an element without children (4 links in 5, most paragraphs) holds its
    own text only, read without the XPath call behind text_content (half the time on a page's links)."""
    return len(el.text_content()) if len(el) else len(el.text or "")


def own_text_len(el: lxml.html.HtmlElement) -> int:
    """Characters of text directly in `el` (not in child blocks): `<div>text<br>text</div>`."""
    n = len((el.text or "").strip())
    for child in el:
        if child.tag in _INLINE_CHILDREN and child.tail:
            n += len(child.tail.strip())
    return n


_INLINE_CHILDREN = frozenset({"br", "a", "b", "strong", "i", "em", "span", "font", "img"})


_PROSE_TAGS = ("p", "div", "td", "section", "article", "font")
MIN_PROSE_UNIT = 60


def prose_map(body: lxml.html.HtmlElement, measured: dict[lxml.html.HtmlElement, int] | None = None
              ) -> dict[lxml.html.HtmlElement, int]:
    """For every element, the characters of prose under it: paragraphs (and text-bearing containers,
    as in `<div class="zn-body__paragraph">`) of 60+ characters. `measured`: sizes already taken of this
    tree as it is now (`unit_size`), read instead of measuring again."""
    known = measured if measured is not None else {}
    found: dict[lxml.html.HtmlElement, int] = {}
    for el in body.iter(*_PROSE_TAGS):
        n = known.get(el)
        if n is None:
            n = unit_size(el)
        if n >= MIN_PROSE_UNIT:
            found[el] = n
    return _summed_up(found)


def _summed_up(units: dict[lxml.html.HtmlElement, int]) -> dict[lxml.html.HtmlElement, int]:
    """`units` (element → its own prose) with every ancestor holding the sum of the units under it. Each
    element of the units' ancestor chains is visited once and its sum handed to its parent, deepest first:
    adding each unit to every ancestor in turn took units × depth steps, and a theme's 20–40 wrapper
    levels made that the bulk of the map (bench/speed.py --heavy)."""
    depth: dict[lxml.html.HtmlElement, int] = {}
    parent: dict[lxml.html.HtmlElement, lxml.html.HtmlElement | None] = {}
    for el in units:
        chain = []
        node: lxml.html.HtmlElement | None = el
        while node is not None and node not in depth:
            chain.append(node)
            node = node.getparent()
        level = depth[node] if node is not None else -1
        for x in reversed(chain):          # from the known ancestor (or the root) down to the unit
            level += 1
            depth[x] = level
        for x, up in zip(chain, [*chain[1:], node], strict=True):
            parent[x] = up
    found = dict(units)
    for node in sorted(depth, key=depth.__getitem__, reverse=True):
        up = parent[node]
        if up is not None:
            found[up] = found.get(up, 0) + found[node]
    return found


def unit_size(el: lxml.html.HtmlElement) -> int:
    """What a prose unit measures: a paragraph's whole text, any other element's own text."""
    return text_length(el) if el.tag == "p" else own_text_len(el)


# Phrasing children whose words are the text of the block holding them: React rich-text renderers print a
# paragraph as `<div><span>text</span></div>` (Draft.js and CSS-in-JS pages nest two spans), so the block's
# own text (`own_text_len`: text and tails only) is nothing. Not `<a>` (a menu of links is no prose) and not
# `<font>` (a prose unit of its own: counted once). Read by the sibling scorer's prose share (siblings._prose).
_PHRASE_CHILDREN = frozenset({"span", "b", "strong", "i", "em", "u", "small", "mark", "cite", "q", "sub", "sup",
                              "abbr", "code", "s", "del", "ins", "bdi", "time"})


def phrase_text_len(el: lxml.html.HtmlElement) -> int:
    """Characters of the text inside `el`'s phrasing children (not their tails, which `own_text_len` counts),
    without the words of links inside them; a child holding a block element is a wrapper: not counted."""
    n = 0
    for child in el:
        if child.tag in _PHRASE_CHILDREN and (len(child) or child.text):
            n += _phrase_len(child)
    return n


def _phrase_len(el: lxml.html.HtmlElement) -> int:
    """Text of a phrasing element less its links' text; 0 when a block element sits inside it."""
    if not len(el):
        return len((el.text or "").strip())
    total = len(el.text_content().strip())
    for x in el.iterdescendants():
        if not isinstance(x.tag, str):
            continue
        if x.tag not in _PHRASE_CHILDREN and x.tag not in _PHRASE_LEAVES:
            return 0
        if x.tag == "a":
            total -= text_length(x)
    return max(0, total)


_PHRASE_LEAVES = frozenset({"a", "br", "img", "wbr"})


def prose_in(el: lxml.html.HtmlElement, measured: dict[lxml.html.HtmlElement, int] | None = None) -> int:
    """`prose_map(el)[el]` (0 when absent), without the map: the walk up from every paragraph to the
    root is left out."""
    total = 0
    known = measured if measured is not None else {}
    for unit in el.iter(*_PROSE_TAGS):
        n = known.get(unit)
        if n is None:
            n = unit_size(unit)
        if n >= MIN_PROSE_UNIT:
            total += n
    return total
