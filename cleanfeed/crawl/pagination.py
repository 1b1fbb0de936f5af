"""Articles over several pages: where page N+1 of an article is, read off page N. Pure functions, no I/O.

In order: the site rule's `next_page_link` (TOML: CSS or XPath), the FiveFilters rule's `next_page_link`
(XPath, guarded by `if_page_contains`), then a generic detector. The detector takes a link whose URL is
the first page's own URL with page number N+1 (`a.html` → `a_2.html` or, counted from zero, `a_1.html`;
`?id=7` → `?id=7&page=2`; `/a/` → `/a/2/` or `/a/page/2/`), else a link whose whole text is a "next page"
word (`下一页`, `下页`, `Next page`: cleanfeed/data/pagination.toml) to a URL that continues the first
page's (`88.html` → `88-2.html`).
A FiveFilters `single_page_link` (the print or "view all" version) is read on the first page only.
"""
from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import lxml.html
from cssselect import GenericTranslator, SelectorError
from lxml import etree

from cleanfeed.rules.ftr import FtrRule
from cleanfeed.rules.site import SiteRule
from cleanfeed.urlnorm import clean_url, host_of, resolve_link

log = logging.getLogger(__name__)

_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, collect_ids=False)
_SQUEEZE = re.compile(r"[\s»›>→«‹<←|\[\]()【】…·.:：]+")
_STEM = re.compile(r"^(?P<dir>.*/)(?P<stem>[^/]*?)(?P<ext>\.[A-Za-z0-9]{1,6})?$")


@dataclass(frozen=True)
class PageWords:
    next_words: frozenset[str]
    page_params: frozenset[str]


@cache
def page_words() -> PageWords:
    raw = tomllib.loads(resources.files("cleanfeed").joinpath("data/pagination.toml").read_text("utf-8"))
    return PageWords(frozenset(raw["next_words"]), frozenset(raw["page_params"]))


@dataclass(frozen=True)
class PageLinks:
    next_page: str | None = None        # page N+1 of the article
    single_page: str | None = None      # the whole article on one page (FiveFilters single_page_link)
    how: str = ""                       # which rule found next_page: "rule", "ftr", "url" or "text"


def page_links(html: str, url: str, *, first_url: str, page_no: int, rule: SiteRule | None,
               hosts: Iterable[str]) -> PageLinks:
    """The links of article page `page_no` (1 for the first) fetched from `url` that lead on: its next
    page, and on the first page its single-page version. Links leave neither the allowed hosts nor
    point back at `url`."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return PageLinks()
    base = _base(root, url)
    hosts = tuple(hosts)

    def usable(href: str | None) -> str | None:
        link = resolve_link(href, base)
        ok = link and link != clean_url(url) and any(host_of(link) == h or host_of(link).endswith("." + h)
                                                     for h in hosts)
        return link if ok else None

    ftr = rule.ftr if rule else None
    single = usable(ftr_link(root, ftr, "single_page_link")) if ftr and page_no == 1 else None
    for how, href in _next_candidates(root, base, rule, first_url, page_no):
        if link := usable(href):
            return PageLinks(link, single, how)
    return PageLinks(None, single)


def _next_candidates(root: Any, base: str, rule: SiteRule | None, first_url: str,
                     page_no: int) -> Iterator[tuple[str, str | None]]:
    """(how, href) of every link that may be the next page, best way first; each way is tried only when
    the ones before it gave nothing usable."""
    if rule and rule.next_page_link:
        yield "rule", _selected(root, rule.next_page_link)
    if rule and rule.ftr and rule.ftr.next_page_link:
        yield "ftr", ftr_link(root, rule.ftr, "next_page_link")
    yield from (("url", link) for link in _by_url(root, base, first_url, page_no + 1))
    yield from (("text", link) for link in _by_text(root, base, first_url))


def _base(root: Any, url: str) -> str:
    href = next(iter(root.xpath("//base/@href")), None)
    return (resolve_link(str(href), url) or url) if href else url


# ----------------------------------------------------------------------------- rule links

@lru_cache(maxsize=256)
def _xpath(selector: str, css: bool) -> Callable[[Any], Any] | None:
    """A compiled XPath for a selector: XPath, or with `css` CSS unless it starts with `/` or `(` (a
    TOML rule's key); None (logged once) when it does not compile."""
    selector = selector.strip()
    try:
        compiled: Callable[[Any], Any] = etree.XPath(
            GenericTranslator().css_to_xpath(selector) if css and not selector.startswith(("/", "(")) else selector)
        return compiled
    except (SelectorError, etree.XPathSyntaxError, ValueError) as exc:
        log.warning("next_page_link %r does not compile: %s", selector, exc)
        return None


def _run(root: Any, expr: str, *, css: bool = False) -> Any:
    fn = _xpath(expr, css)
    try:
        return fn(root) if fn is not None else None
    except etree.XPathError as exc:
        log.debug("%r failed: %s", expr, exc)
        return None


def _href(result: Any) -> str | None:
    """The first element with an href, the first non-empty attribute, or a string result."""
    if isinstance(result, str):
        return result.strip() or None
    if not isinstance(result, list):
        return None
    return next((n.get("href") for n in result if isinstance(n, etree._Element) and n.get("href")), None) \
        or next((str(n).strip() for n in result if getattr(n, "is_attribute", False) and str(n).strip()), None)


def _selected(root: Any, selectors: tuple[str, ...]) -> str | None:
    return next((h for s in selectors if (h := _href(_run(root, s, css=True)))), None)


def ftr_link(root: Any, rule: FtrRule, directive: str) -> str | None:
    """FiveFilters `next_page_link` / `single_page_link`: the first expression whose `if_page_contains`
    condition (if any) matches and that gives a link."""
    for expr in getattr(rule, directive):
        cond = rule.condition(directive, expr)
        if cond is not None and not (isinstance(found := _run(root, cond), list) and found):
            continue
        if href := _href(_run(root, expr)):
            return href
    return None


# ----------------------------------------------------------------------------- the generic detector

def _anchors(root: Any) -> Iterable[Any]:
    yield from root.iter("a")
    yield from (el for el in root.iter("link") if "next" in (el.get("rel") or "").lower().split())


def _by_url(root: Any, base: str, first_url: str, n: int) -> Iterator[str]:
    """Links that are page `n` of the article at `first_url` by their URL alone."""
    numbers = (str(n), str(n - 1))
    path = urlsplit(first_url).path
    name = path.rstrip("/").rsplit("/", 1)[-1].split(".", 1)[0]     # `story` of /2024/01/story.html, /a/story/
    for a in _anchors(root):
        href = a.get("href") or ""
        # Cheap tests first (a page has hundreds of links; resolving each costs ~50 µs): page n's link
        # holds n and either the article's own name or is relative to it (`?page=2`, `2/`, `page/2/`).
        if not any(d in href for d in numbers) or name and name not in href and not href.startswith(
                ("?", "page", str(n), str(n - 1), "./")):
            continue
        link = resolve_link(href, base)
        if link and is_page_of(link, first_url, n):
            yield link


def _by_text(root: Any, base: str, first_url: str) -> Iterator[str]:
    """Links whose whole text says "next page" and whose URL continues the first page's: the same path
    with another query, or a path that starts with the first one's stem (`88.html` → `88-2.html`,
    `88/2.html`), never a section's listing (`index_2.html`) beside it."""
    first = urlsplit(clean_url(first_url))
    stem = first.path.rsplit(".", 1)[0] if "." in first.path.rsplit("/", 1)[-1] else first.path.rstrip("/")
    words = page_words().next_words
    for a in root.iter("a"):
        if _SQUEEZE.sub("", a.text_content()).lower() not in words:
            continue
        link = resolve_link(a.get("href"), base)
        if link is None or urlsplit(link).netloc != first.netloc:
            continue
        path = urlsplit(link).path
        if path == first.path or (stem and path.startswith(stem) and len(path) > len(stem)):
            yield link


def is_page_of(link: str, first_url: str, n: int) -> bool:
    """Whether `link` is page `n` (≥ 2) of the article whose first page is `first_url`: the same URL with
    `_n` (or `_{n-1}`, counted from zero: `index_1.html`) before the extension, `/n` or `/page/n` after the
    path, or one more query parameter named like a page number with the value n."""
    a, b = urlsplit(clean_url(link)), urlsplit(clean_url(first_url))
    if a.netloc != b.netloc:
        return False
    if a.path == b.path:
        extra = sorted(set(parse_qsl(a.query)) - set(parse_qsl(b.query)))
        rest = set(parse_qsl(b.query)) - set(parse_qsl(a.query))
        return (len(extra) == 1 and extra[0][0].lower() in page_words().page_params and extra[0][1] == str(n)
                and all(k.lower() in page_words().page_params for k, _ in rest))
    if sorted(parse_qsl(a.query)) != sorted(parse_qsl(b.query)):
        return False
    return a.path in _paged_paths(b.path, n)


def _paged_paths(path: str, n: int) -> set[str]:
    if path.endswith("/"):
        return {f"{path}{n}/", f"{path}{n}", f"{path}page/{n}/", f"{path}page/{n}"}
    m = _STEM.match(path)
    if m is None:
        return set()
    d, stem, ext = m["dir"], m["stem"], m["ext"] or ""
    out = {f"{d}{stem}_{n}{ext}", f"{d}{stem}_{n - 1}{ext}" if n > 1 else ""}
    if not ext:
        out |= {f"{path}/{n}", f"{path}/{n}/", f"{path}/page/{n}", f"{path}/page/{n}/"}
    return out - {""}


__all__ = ["PageLinks", "ftr_link", "is_page_of", "page_links", "page_words"]
