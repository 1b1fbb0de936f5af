"""HTML text → lxml document, robust to anything: empty, truncated, huge, deeply nested, not HTML.

lxml parses a news page in under a millisecond (bs4 takes 11 ms, DESIGN.md), recovers from tag soup
like a browser. libxml2 stops at 2048 open elements; a page nested deeper is parsed again with the
elements past depth 512 flattened as browsers do (html/nesting.py), so it keeps its text.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from cleanfeed.errors import NoArticleError
from cleanfeed.html.nesting import flatten_nesting
from cleanfeed.textnorm import strip_illegal_references

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


def parse_html(text: str, utf8: bytes | None = None) -> lxml.html.HtmlElement:
    """The page as an lxml document (root `<html>`); NoArticleError when nothing parses. `utf8`, when
    given, must be exactly `text.encode("utf-8")`: the page's own bytes (pipeline.page_source), handed to
    libxml2 as they are instead of encoding the text again (0.09 ms a page)."""
    declared = _XML_DECL.match(text)
    if declared:
        text, utf8 = text[declared.end():], None
    if not text or text.isspace():
        raise NoArticleError("empty page")
    try:
        data = utf8 if utf8 is not None else text.encode("utf-8", "replace")
        data = strip_illegal_references(data)
        doc = lxml.html.document_fromstring(data, parser=_PARSER)
        if _too_deep():
            doc = lxml.html.document_fromstring(flatten_nesting(data), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NoArticleError(f"not parseable as HTML ({exc})") from exc
    if doc is None or not isinstance(doc.tag, str):
        raise NoArticleError("not parseable as HTML")
    _adopt_strays(doc)
    return doc


def _too_deep() -> bool:
    """Whether the last parse stopped at libxml2's depth limit (a fatal error: the rest of the page lost)."""
    last = _PARSER.error_log.last_error
    return last is not None and last.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _adopt_strays(doc: lxml.html.HtmlElement) -> None:
    """Markup libxml2 leaves beside `<body>` (after a stray `</body>` or `</html>`, even as a second root
    element beside `<html>`) moved to the end of the body, text and elements in order, as browsers do: an
    article after an early `</html>` (a theme's footer template closing the page first) is still the
    page's article. A second document's `<head>` stays out (its metadata are not this page's)."""
    extras = [el for el in doc.itersiblings() if isinstance(el.tag, str)]
    body = doc.find("body")
    if body is None:
        if not extras:
            return
        body = doc.makeelement("body")
        doc.append(body)
    children = list(doc)
    strays = [el for el in children[children.index(body) + 1:] if isinstance(el.tag, str) and el.tag != "head"]
    _append_text(body, body.tail)           # the text right after `</body>` comes first
    body.tail = None
    for el in strays:
        body.append(el)
    for extra in extras:
        _adopt_root(body, extra)


def _adopt_root(body: lxml.html.HtmlElement, extra: lxml.html.HtmlElement) -> None:
    if extra.tag not in ("html", "body"):
        body.append(extra)
        return
    _append_text(body, extra.text)
    for child in list(extra):
        if not isinstance(child.tag, str) or child.tag == "head":
            continue
        if child.tag == "body":
            _adopt_root(body, child)
        else:
            body.append(child)


def _append_text(el: lxml.html.HtmlElement, text: str | None) -> None:
    """`text` after everything `el` holds so far."""
    if not text or not text.strip():
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def body_of(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The `<body>`, or the document itself for fragments and frameset pages."""
    body = doc.find("body")
    return body if body is not None else doc
