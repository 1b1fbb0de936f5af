"""A second, independent HTML → whole-page text dump renderer, with other conventions than tests/helpers/dumps.py,
so that a dump-headline rule can be checked not to fit one renderer's habits. It saves a page the way a
browser scraper copying `document.body.innerText` (plus image alt text) would. Its conventions, chosen before
any score was taken with it:

- **no `<title>` line**: only the body is saved, so the dump's first line is whatever the page prints first
  (a skip link, a logo, a menu item), never the page's `<title>`;
- a blank line after each paragraph, heading, list and table, and none elsewhere (innerText's habit);
- `<br>` ends a line; the cells of a table row are joined on one line by tabs;
- an image's `alt` text is kept on its own line (alt-text aware scrapers; logos and photos print their names);
- the items of a list are one line each; a `<nav>`'s links are joined on one line by ` | `
  (a menu bar copied as it shows);
- elements a browser does not show (`hidden`, `aria-hidden="true"`, `<head>`, scripts, styles, `<template>`,
  `<noscript>`) are left out; inline elements (`<a>`, `<span>`, `<em>`) stay in the line they sit in;
- text is whitespace-folded per line; `&nbsp;` becomes a plain space.

Used by bench/texttitles.py (`--renderer b`) and the dump-headline tests (tests/test_dump_heads.py).
"""
from __future__ import annotations

import lxml.html

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "ul", "tr", "caption", "summary", "details", "menu"})
SPACED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre"})
UNSEEN = "//script|//style|//noscript|//template|//*[@hidden]|//*[@aria-hidden='true']"


def render_dump_b(html: bytes) -> str:
    """A page as a browser scraper saves it: the body's visible text (see the module's conventions)."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath(UNSEEN):
        el.drop_tree()
    lines: list[str] = []
    run: list[str] = []

    def flush(blank: bool = False) -> None:
        text = " ".join("".join(run).replace("\t", "\x00").split()).replace("\x00", "\t").strip("\t ")
        if text:
            lines.append(text)
        run.clear()
        if blank and lines and lines[-1] != "":
            lines.append("")

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "nav":
            flush()
            links = [" ".join(a.text_content().split()) for a in el.iter("a")]
            menu = " | ".join(t for t in links if t) or " ".join(el.text_content().split())
            if menu:
                lines.append(menu)
        elif tag == "br":
            flush()
        elif tag == "img":
            alt = " ".join((el.get("alt") or "").split())
            if alt:
                flush()
                lines.append(alt)
        elif tag in ("td", "th"):
            run.append("\t")
            run.append(el.text or "")
            for child in el:
                walk(child)
        elif tag:
            block = tag in BLOCKS
            if block:
                flush()
            run.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush(tag in SPACED)
        run.append(el.tail or "")

    body = doc.find("body")
    walk(body if body is not None else doc)
    flush()
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines).replace("\xa0", " ") + "\n"
