"""A site rule's selectors on an lxml tree. CSS by default; a selector that starts with `/`, `(` or an
XPath string function is XPath (`rules/selectors.py`), so FiveFilters ftr-site-config lines (`body:
//div[@id='story']`, `title: //meta[@property='og:title']/@content`) carry over unchanged."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import lxml.html
from lxml import etree

from cleanfeed.html.measure import summary_text
from cleanfeed.model import Removed
from cleanfeed.rules.selectors import to_xpath

log = logging.getLogger(__name__)


@lru_cache(maxsize=512)
def compile_selector(selector: str) -> Callable[[lxml.html.HtmlElement], object] | None:
    """An XPath evaluator for a CSS or XPath selector; None (logged once) when it does not compile (the
    rule loader refuses such selectors, so this is for rules built in code)."""
    try:
        compiled: Callable[[lxml.html.HtmlElement], object] = etree.XPath(to_xpath(selector))
        return compiled
    except (etree.XPathSyntaxError, ValueError) as exc:
        log.warning("site rule selector %r does not compile: %s", selector, exc)
        return None


def _results(root: lxml.html.HtmlElement, selector: str) -> list[object]:
    """What one selector gives on `root`: elements, or strings (attributes, text nodes, `string(…)`)."""
    find = compile_selector(selector)
    if find is None:
        return []
    try:
        found = find(root)
    except etree.XPathError:
        return []
    return [found] if isinstance(found, str) else list(found) if isinstance(found, list) else []


def select(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> list[lxml.html.HtmlElement]:
    """Elements matched by the first selector that matches any (FiveFilters semantics)."""
    for selector in selectors:
        found = [el for el in _results(root, selector) if isinstance(el, etree._Element) and isinstance(el.tag, str)]
        if found:
            return found
    return []


def select_text(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> str | None:
    """Text of the first match: a `datetime` / `content` attribute when present, else the element's text;
    an XPath that gives text (`//meta[@property='og:title']/@content`, `//h1/text()`) gives it as is."""
    for selector in selectors:
        for found in _results(root, selector):
            if isinstance(found, str):
                value = " ".join(found.split())
            elif isinstance(found, etree._Element) and isinstance(found.tag, str):
                value = found.get("datetime") or found.get("content") or " ".join(found.text_content().split())
            else:
                continue
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
