"""A site rule's selectors on an lxml tree. CSS by default; a selector that starts with `/` or `(` is
XPath, so FiveFilters ftr-site-config lines (`body: //div[@id='story']`) carry over unchanged."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import lxml.html
from cssselect import GenericTranslator, SelectorError
from lxml import etree

from cleanfeed.html.hints import summary_text
from cleanfeed.model import Removed

log = logging.getLogger(__name__)


def selector_error(selector: str) -> str | None:
    """Why a CSS or XPath selector does not compile, or None when it does (`cleanfeed check` asks)."""
    selector = selector.strip()
    try:
        etree.XPath(selector if selector.startswith(("/", "(")) else GenericTranslator().css_to_xpath(selector))
    except (SelectorError, etree.XPathSyntaxError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return None


@lru_cache(maxsize=512)
def compile_selector(selector: str) -> Callable[[lxml.html.HtmlElement], list[object]] | None:
    """An XPath evaluator for a CSS or XPath selector; None (logged once) when it does not compile."""
    selector = selector.strip()
    try:
        xpath = selector if selector.startswith(("/", "(")) else GenericTranslator().css_to_xpath(selector)
        compiled: Callable[[lxml.html.HtmlElement], list[object]] = etree.XPath(xpath)
        return compiled
    except (SelectorError, etree.XPathSyntaxError, ValueError) as exc:
        log.warning("site rule selector %r does not compile: %s", selector, exc)
        return None


def select(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> list[lxml.html.HtmlElement]:
    """Elements matched by the first selector that matches anything (FiveFilters semantics)."""
    for selector in selectors:
        find = compile_selector(selector)
        if find is None:
            continue
        try:
            found = [el for el in find(root) if isinstance(el, etree._Element) and isinstance(el.tag, str)]
        except etree.XPathError:
            continue
        if found:
            return found
    return []


def select_text(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> str | None:
    """Text of the first match: a `datetime` / `content` attribute when present, else the element's text."""
    for el in select(root, selectors):
        value = el.get("datetime") or el.get("content") or " ".join(el.text_content().split())
        if value.strip():
            return value.strip()
    return None


def apply_strip(root: lxml.html.HtmlElement, strip: tuple[str, ...], id_or_class: tuple[str, ...]) -> list[Removed]:
    """Remove `strip` matches and elements whose id or class contains a `strip_id_or_class` string."""
    doomed: list[tuple[lxml.html.HtmlElement, str]] = []
    for selector in strip:
        doomed += [(el, "site:strip") for el in select(root, (selector,))]
    for needle in id_or_class:
        needle = needle.strip()
        if needle:
            doomed += [(el, "site:strip_id_or_class") for el in root.iter()
                       if isinstance(el.tag, str)
                       and (needle in (el.get("class") or "") or needle in (el.get("id") or ""))]
    removed = []
    for el, why in doomed:
        if el.getparent() is None:       # already gone with an ancestor, or the root itself
            continue
        text = summary_text(el)
        if text:
            removed.append(Removed(text, why))
        el.drop_tree()
    return removed
