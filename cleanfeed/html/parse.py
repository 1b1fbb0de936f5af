"""HTML text → lxml document, robust to anything: empty, truncated, huge, deeply nested, not HTML.

lxml parses a news page in under a millisecond (bs4 takes 11 ms, DESIGN.md), recovers from tag soup
like a browser, and libxml2 caps nesting depth on its own, so a 5000-deep page parses into a tree
that iterative code can walk without recursion.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..errors import NoArticleError
from ..textnorm import strip_illegal_references

# Comments and processing instructions carry no article text; dropping them at parse time saves a pass.
# huge_tree lifts libxml2's 10 MB text-node limit (a 20 MB page must not fail half-way).
# The page is handed over as UTF-8 bytes with the encoding fixed: libxml2 parses bytes ~9% faster than a
# Python str (median 0.98 vs 1.07 ms on htmldate-dev), and the fixed encoding overrides any `<meta charset>`
# (the text is already decoded by cleanfeed/decode.py).
# collect_ids=False: nothing looks elements up by id, and the id hash costs ~4% of the parse.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False,
                               encoding="utf-8", collect_ids=False)
# Every element is an HtmlElement (text_content, drop_tree, …) chosen in C: lxml.html's own lookup is a
# Python call per element proxy (picking FormElement, InputElement, … that cleanfeed never uses), about a
# fifth of the cost of walking a tree.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))
# lxml refuses a str that carries an XML encoding declaration (XHTML pages start with one).
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """The page as an lxml document (root `<html>`); NoArticleError when nothing parses."""
    text = _XML_DECL.sub("", text, count=1)
    if not text or text.isspace():
        raise NoArticleError("empty page")
    try:
        doc = lxml.html.document_fromstring(strip_illegal_references(text.encode("utf-8", "replace")),
                                           parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NoArticleError(f"not parseable as HTML ({exc})") from exc
    if doc is None or not isinstance(doc.tag, str):
        raise NoArticleError("not parseable as HTML")
    _adopt_strays(doc)
    return doc


def _adopt_strays(doc: lxml.html.HtmlElement) -> None:
    """Elements libxml2 leaves beside `<body>` (markup after a stray `</body>` or `</html>`, or between
    `</head>` and `<body>`) moved into it, in order, as browsers do: an article after an early `</html>`
    (a theme's footer template closing the page before the post) is still the page's article."""
    body = doc.find("body")
    if body is None:
        return
    for extra in list(doc.itersiblings()):  # markup after `</html>`: libxml2 opens a second root beside it
        if isinstance(extra.tag, str):
            doc.extend(list(extra) if extra.tag in ("html", "body") else [extra])
    children = [el for el in doc if isinstance(el.tag, str) and el.tag != "head"]
    at = children.index(body)
    before, after = children[:at], children[at + 1:]
    if before:
        lead, body.text = body.text, None
        for i, el in enumerate(before):
            body.insert(i, el)
        before[-1].tail = (before[-1].tail or "") + (lead or "")
    for el in after:
        body.append(el)
    if body.tail and body.tail.strip():
        if len(body):
            body[-1].tail = (body[-1].tail or "") + body.tail
        else:
            body.text = (body.text or "") + body.tail
    body.tail = None


def body_of(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The `<body>`, or the document itself for fragments and frameset pages."""
    body = doc.find("body")
    return body if body is not None else doc
