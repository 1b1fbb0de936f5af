"""Code out of the page before anything reads it: scripts, styles, form controls and the head go with their
content; widgets (`<noscript>`, `<iframe>`, `<textarea>`, embedded media) go too, unless libxml2 let one swallow
the story. Split from hints.py, whose removals are chrome by structure and class.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from cleanfeed.html.hints import CODE_TAGS, FORMULA, WIDGET_TAGS

# Markup printed as text: `&lt;div&gt;&lt;a href=…&gt;` in a `<noscript>` ad fallback, a `<textarea>` of
# embed code. Two tag-like pieces in a widget's own text say it is code, never the page's story.
_TAG_AS_TEXT = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.I)


def _markup_as_text(text: str | None) -> bool:
    """`text` (a widget's own text, before its first child) holds two tags or more."""
    return text is not None and "<" in text and len(_TAG_AS_TEXT.findall(text, 0, 5000)) >= 2


def prune_code(work: lxml.html.HtmlElement) -> None:
    """Drop script, style, form controls, embedded media and the head (tails stay)."""
    for frame in list(work.iter(*_RAW_TEXT_TAGS)):
        if _MARKUP_TEXT.match(frame.text or "") and _ran_to_the_end(frame):
            _parse_back(frame)
    etree.strip_elements(work, *CODE_TAGS, with_tail=False)
    for formula in list(work.iter("math")):
        _formula_as_text(formula)
    for el in list(work.iter(*WIDGET_TAGS)):
        if len(el.text_content()) > 200 and not _markup_as_text(el.text):
            el.drop_tag()
        elif el.getparent() is not None:
            el.drop_tree()


# A MathML formula is part of the sentence or the worked example it sits in (`there are two solutions to
# <math>…</math> and they are …`): its symbols stay as text, one token apart as a reader sees them rendered
# (`a x 2 + b x + c = 0`); its `<annotation>` (the TeX source, never shown) goes.
_MATH_SOURCE = ("annotation", "annotation-xml")


def _formula_as_text(formula: lxml.html.HtmlElement) -> None:
    """Replace a `<math>` element by a `<span>` holding the text of its symbols, space-separated; drop it
    (as the sanitizer would) when it is the screen readers' copy of a formula drawn as text."""
    parent = formula.getparent()
    if parent is None:
        return
    if _drawn_beside(formula):
        formula.drop_tree()
        return
    etree.strip_elements(formula, *_MATH_SOURCE, with_tail=False)
    symbols = [t.strip() for t in formula.itertext() if t.strip()]
    holder = formula.makeelement("span", {FORMULA: ""})
    holder.text = f" {' '.join(symbols)} " if symbols else " "
    holder.tail = formula.tail
    parent.replace(formula, holder)


# The inline wrappers of a formula renderer: KaTeX's `<span class="katex">`, MathJax 2's `<span class="MathJax">`
# and `<nobr>`, MathJax 3's `<mjx-container>` (a custom element).
_FORMULA_WRAPPERS = frozenset({"span", "nobr"})


def _drawn_beside(formula: lxml.html.HtmlElement) -> bool:
    """The formula's inline wrappers also hold a copy drawn for the eye with text and hidden from screen
    readers (`aria-hidden="true"`: KaTeX's `katex-html`, MathJax 2's `<nobr>`): the MathML is that copy's twin
    for screen readers, and reading both printed the formula twice (`C = w ⋅ m C=w⋅m`). MathJax 3 draws
    with CSS glyphs, no text, so its MathML is the formula's only text."""
    el = formula
    while (up := el.getparent()) is not None and (up.tag in _FORMULA_WRAPPERS or "-" in str(up.tag)):
        for other in up:
            if other is not el and isinstance(other.tag, str) and _hidden_text(other):
                return True
        el = up
    return False


def _hidden_text(el: lxml.html.HtmlElement) -> bool:
    """`el`, or an element inside it, is hidden from screen readers and holds text."""
    return any(x.get("aria-hidden") == "true" and (x.text_content() or "").strip()
               for x in el.iter() if isinstance(x.tag, str))


# An `<iframe>`'s or a `<textarea>`'s content is raw text to libxml2, up to its end tag. A closed one's markup is
# its fallback or embed code, never shown with the page: an ad's `<SCRIPT SRC=…></SCRIPT><NOSCRIPT><A HREF=…>
# <IMG …></A></NOSCRIPT>`, `<p>Your browser does not support inline frames.</p>`; it goes with the widget
# (`_markup_as_text`). One left unclosed swallowed the rest of the page as literal `<p>…</p>` text: that
# markup is parsed back, so its paragraphs are paragraphs again and its scripts go the way of the page's own.
_RAW_TEXT_TAGS = ("iframe", "textarea")
_MARKUP_TEXT = re.compile(r"\s*<[a-zA-Z!/]")


def _ran_to_the_end(el: lxml.html.HtmlElement) -> bool:
    """Nothing follows `el` in the document: an element read as raw text ran to its end, never closed."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        if (node.tail and node.tail.strip()) or node.getnext() is not None:
            return False
        node = node.getparent()
    return True


def _parse_back(frame: lxml.html.HtmlElement) -> None:
    """Replace an unclosed `<iframe>` or `<textarea>` whose text is markup by that markup parsed."""
    try:
        parts = lxml.html.fragments_fromstring(frame.text or "")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return
    parent = frame.getparent()
    if parent is None:
        return
    holder = frame.makeelement("span")
    holder.tail = frame.tail
    for part in parts:
        if isinstance(part, str):
            holder.text = (holder.text or "") + part
        else:
            holder.append(part)
    parent.replace(frame, holder)
    holder.drop_tag()


__all__ = ["prune_code"]
