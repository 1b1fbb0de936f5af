"""`clean --format markdown`: an article as CommonMark, from its sanitized body HTML, so the article's own
headings, lists, quotes and links survive (the plain text keeps paragraphs only). Every piece of text is
escaped so that Markdown shows it as written."""
from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from cleanfeed.model import Article

_MD_INLINE = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?\w+;)")
_MD_URL = re.compile(r"https?://[^\s<>]+")
_MD_BLOCK_START = re.compile(r"^[ \t]*(#{1,6}|[-+*]|\d{1,9}[.)])(?=\s|$)|^[ \t]*([=-]+)[ \t]*$", re.M)
_MD_INDENT = re.compile(r"^[ \t]+", re.M)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CONTAINERS = {"div", "section", "article", "figure", "tbody", "thead", "tfoot", "table", "dl", "main", "body"}


def escape_inline(text: str) -> str:
    """Emphasis, links, code, raw HTML and entities backslash-escaped; URLs left whole (an escape would end
    up in the link)."""
    parts = []
    last = 0
    for url in _MD_URL.finditer(text):
        parts += [_MD_INLINE.sub(r"\\\g<0>", text[last:url.start()]), url.group(0)]
        last = url.end()
    parts.append(_MD_INLINE.sub(r"\\\g<0>", text[last:]))
    return "".join(parts)


def escape_blocks(text: str) -> str:
    """Block markers at a line's start (`# `, `- `, `1. `, `===`) escaped; indentation dropped (four spaces
    make a code block)."""
    return _MD_BLOCK_START.sub(_escape_marker, _MD_INDENT.sub("", text))


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (CommonMark allows a backslash before any punctuation)."""
    return escape_blocks(escape_inline(text))


def _escape_marker(m: re.Match[str]) -> str:
    marker = m.group(1) or m.group(2)
    return marker[:-1] + "\\" + marker[-1] if m.group(1) else "\\" + marker


def _link_target(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _inline(el: etree._Element) -> str:
    """The element's content as one line of Markdown: text escaped, links, emphasis and code kept."""
    out = [escape_inline(el.text or "")]
    for child in el:
        out += [_inline_child(child), escape_inline(child.tail or "")]
    return " ".join("".join(out).split())


def _inline_child(child: etree._Element) -> str:
    """One inline element (its tail not included)."""
    if not isinstance(child.tag, str):                       # a comment or processing instruction
        return ""
    if child.tag == "br":
        return " "
    if child.tag == "a" and child.get("href"):
        return f"[{_inline(child)}]({_link_target(child.get('href', ''))})"
    if child.tag in ("strong", "b", "em", "i") and "".join(child.itertext()).strip():
        mark = "**" if child.tag in ("strong", "b") else "*"
        return f"{mark}{_inline(child)}{mark}"
    if child.tag == "code":
        code = "".join(child.itertext()).replace("`", "'")
        return f"`{code}`" if code.strip() else ""
    if child.tag == "img" and child.get("src"):
        return f"![{escape_inline(child.get('alt', ''))}]({_link_target(child.get('src', ''))})"
    return _inline(child)


def _blocks(el: etree._Element) -> Iterator[str]:
    """Markdown blocks of a container's children; loose text between blocks becomes a paragraph."""
    loose: list[str] = [escape_inline(el.text or "")]
    for child in el:
        if isinstance(child.tag, str) and (child.tag in _HEADINGS or child.tag in _CONTAINERS or child.tag in (
                "p", "ul", "ol", "blockquote", "pre", "hr", "tr", "figcaption", "dd", "dt", "caption")):
            if (para := " ".join("".join(loose).split())):
                yield escape_blocks(para)
            loose = []
            yield from _block(child)
        else:
            loose.append(_inline_child(child))
        loose.append(escape_inline(child.tail or ""))
    if (para := " ".join("".join(loose).split())):
        yield escape_blocks(para)


def _block(el: etree._Element) -> Iterator[str]:
    tag = el.tag
    if tag in _HEADINGS:
        if (text := _inline(el)):
            yield "#" * max(2, _HEADINGS[tag]) + " " + text       # the article's title is the one `#`
    elif tag in ("ul", "ol"):
        items = [li for li in el if li.tag == "li"]
        start = int(el.get("start", "1")) if el.get("start", "1").isdigit() else 1
        lines = [(f"{start + n}. " if tag == "ol" else "- ") + _inline(li) for n, li in enumerate(items)]
        if lines:
            yield "\n".join(lines)
    elif tag == "blockquote":
        inner = list(_blocks(el))
        if inner:
            yield "\n>\n".join("\n".join("> " + line for line in block.split("\n")) for block in inner)
    elif tag == "pre":
        code = "".join(el.itertext()).strip("\n")
        fence = "~~~~" if "```" in code else "```"
        yield f"{fence}\n{code}\n{fence}"
    elif tag == "hr":
        yield "---"
    elif tag == "tr":
        cells = [_inline(cell) for cell in el if cell.tag in ("td", "th")]
        if any(cells):
            yield escape_blocks(" · ".join(c for c in cells if c))
    elif tag in _CONTAINERS:
        yield from _blocks(el)
    elif (text := _inline(el)):
        yield escape_blocks(text)


def body_markdown(article: Article) -> str:
    """The body as Markdown blocks separated by blank lines; the plain text when there is no HTML."""
    if article.html.strip():
        root = lxml.html.fragment_fromstring(article.html, create_parent="div")
        blocks = [b for b in _blocks(root) if b.strip()]
        if blocks:
            return "\n\n".join(blocks)
    return md_escape(article.text)


def to_markdown(article: Article, meta: str) -> str:
    head = f"# {md_escape(article.title)}\n\n" + (f"*{md_escape(meta)}*\n\n" if meta else "")
    return head + body_markdown(article) + "\n"


__all__ = ["body_markdown", "md_escape", "to_markdown"]
