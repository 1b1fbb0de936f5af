"""A site rule's selectors: CSS by default; one that starts with `/` or `(` is XPath 1.0, so FiveFilters
ftr-site-config lines (`body: //div[@id='story']`, `title: //meta[@property='og:title']/@content`) carry
over unchanged. One translation (`to_xpath`) serves both the loader, which refuses what cannot work, and
the HTML cleaner, which runs it: a selector `cleanfeed check` accepts is one cleaning uses.

What each key needs: `title`, `date` and `author` take text, so an XPath may end in an attribute
(`/@content`), a text node or a string function (`string(//h1)`); `body` and `strip` take elements, so
those are refused there. XPath that yields a number or a truth value (`count(//p)`) fits no key.
"""
from __future__ import annotations

import re
from functools import lru_cache

TEXT_KEYS = ("title", "date", "author")
ELEMENT_KEYS = ("body", "strip")
MAX_SELECTOR_CHARS = 1_000

_ENDS_IN_TEXT = re.compile(r"(/@[\w:*.-]+|/text\(\))\s*\)?\s*(\[\s*\d+\s*\])?\s*$")   # …/@content, (…/text())[1]
_XPATH_FUNCTION = re.compile(r"^\s*(string|normalize-space|concat|substring[\w-]*|translate|id)\s*\(")
# Evaluated once at load time: an XPath that compiles may still fail to run (an undefined namespace prefix,
# an unknown function) or give a number; on this page it shows what it gives.
_PROBE = "<html><head><title>t</title><meta name='d' content='c'></head><body><h1 id='h'>h</h1><p>p</p></body></html>"


def is_xpath(selector: str) -> bool:
    """XPath when it starts with `/`, `(` or an XPath string function (`string(//h1)`); else CSS."""
    selector = selector.strip()
    return selector.startswith(("/", "(")) or _XPATH_FUNCTION.match(selector) is not None


@lru_cache(maxsize=512)
def to_xpath(selector: str) -> str:
    """The XPath 1.0 expression a CSS or XPath selector stands for; ValueError when it has none."""
    from cssselect import GenericTranslator, SelectorError

    selector = selector.strip()
    if is_xpath(selector):
        return selector
    try:
        return str(GenericTranslator().css_to_xpath(selector))
    except SelectorError as exc:
        raise ValueError(f"not a CSS selector: {exc}") from None


def selector_problem(selector: str, key: str) -> str | None:
    """Why `selector` cannot work for site-rule key `key` (`title`, `body`, …), or None when it can."""
    import lxml.html
    from lxml import etree

    if len(selector) > MAX_SELECTOR_CHARS:
        return f"selector longer than {MAX_SELECTOR_CHARS} characters"
    if not selector.strip():
        return "empty selector"
    try:
        xpath = to_xpath(selector)
        result = etree.XPath(xpath)(lxml.html.fromstring(_PROBE))
    except ValueError as exc:               # cssselect's errors and lxml's XPathSyntaxError are ValueErrors
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    except etree.XPathError as exc:
        return f"not a usable XPath 1.0 expression: {exc}"
    if isinstance(result, (bool, float)):
        return "this XPath gives a number or a truth value, not elements or text"
    gives_text = isinstance(result, str) or any(isinstance(r, str) for r in result) or _ENDS_IN_TEXT.search(xpath)
    if key in ELEMENT_KEYS and gives_text:
        return f"'{key}' needs elements, and this XPath gives text (an attribute, a text node or a string)"
    return None


__all__ = ["ELEMENT_KEYS", "MAX_SELECTOR_CHARS", "TEXT_KEYS", "is_xpath", "selector_problem", "to_xpath"]
