"""A second HTML→text-dump renderer with other conventions than tests/helpers/dumps.py, so that a measure of
how dumps are read does not depend on one scraper's habits. Chosen before anything was measured with it, after
the way `get_text`-style scrapers and text browsers save a page:

- no `<title>` line: the dump starts with the body's first block (the scraper saved only `<body>`);
- a blank line between blocks, and none inside one;
- a list item starts with `* `; a table row is one line, its cells joined by ` | `;
- `<br>` breaks the line; inline elements' texts are joined with a space (`<span>March</span><span>3</span>`
  → `March 3`), then spaces are folded;
- an element marked hidden (`hidden`, `aria-hidden="true"`, an inline `display:none`) is left out, and so are
  scripts, styles, `<noscript>`, `<template>` and forms' `<select>` options;
- everything else (menus, sidebars, footers) is kept, as in the other renderer."""
from __future__ import annotations

import re

import lxml.html

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
    "section", "table", "ul", "li", "tr"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_hidden(el: lxml.html.HtmlElement) -> bool:
    return (el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style") or "")))


def render_dump(html: bytes) -> str:
    """A page as a body-only scraper saves it: one line per block (a list item marked, a table row's cells on
    one line), a blank line between blocks, no `<title>`."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath("//script|//style|//noscript|//template|//select"):
        el.drop_tree()
    lines: list[str] = []
    run: list[str] = []

    def flush(prefix: str = "") -> None:
        text = " ".join(" ".join(run).split())
        if text:
            lines.append(prefix + text)
        run.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and is_hidden(el):
            run.append(el.tail or "")
            return
        if tag == "br":
            flush()
        elif tag == "tr":
            flush()
            cells = [" ".join(c.text_content().split()) for c in el if isinstance(c.tag, str) and not is_hidden(c)]
            row = " | ".join(c for c in cells if c)
            if row:
                lines.append(row)
            run.append(el.tail or "")
            return
        elif tag in BLOCKS:
            flush()
        if tag:
            run.append(el.text or "")
            for child in el:
                walk(child)
        if tag in BLOCKS:
            flush("* " if tag == "li" else "")
        run.append(el.tail or "")

    body = doc.find("body")
    walk(body if body is not None else doc)
    flush()
    return "\n\n".join(lines) + "\n"
