"""Whole-page text dumps made from HTML pages, the way the shared corpus text sets were made: the page's `<title>`
first, scripts and styles dropped, one line per block element's own text, everything else (menus, footers)
kept. Shared by the dump-headline score gate (tests/test_dump_heads.py, on the committed wcxb-dev-en subset)
and bench/texttitles.py (on the whole shared sets), so both score the same renderings."""
from __future__ import annotations

import lxml.html

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "br"})


def render_dump(html: bytes) -> str:
    """A page as a naive scraper saves it: its `<title>`, then one line per block element's own text."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            lines.append(text)
        run.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in BLOCKS
        if isinstance(el.tag, str):
            if block:
                flush()
            run.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush()
        run.append(el.tail or "")

    title = doc.find(".//title")
    if title is not None and title.text_content().strip():
        lines.append(" ".join(title.text_content().split()))
    body = doc.find("body")
    walk(body if body is not None else doc)
    flush()
    return "\n".join(lines) + "\n"
