"""A FiveFilters site config applied to a page: string replacements on the raw HTML, then on the lxml
tree the title, authors and date (read before stripping, as FTR does), the strips, and the body
(the link directives are the crawler's: cleanfeed/crawl/pagination.py).

Order and meanings as in FTR's ContentExtractor.php (3.8) and graby's; where the two differ, FTR's.
Deliberate differences: an empty string or attribute value is no match (the next expression is tried);
with several body matches the wrapper `<div>` holds copies; dates come back as text for cleanfeed's
dates engine to read; readability is never run here (the caller falls back to its own extraction)."""
from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from cleanfeed.model import inside
from cleanfeed.rules.ftr import FtrRule

_ID_OR_CLASS = etree.XPath("//*[contains(@class, $s) or contains(@id, $s)]")
_IMG_SRC = etree.XPath("//img[contains(@src, $s)]")
# What FTR strips on every page besides the rule's own lines (ContentExtractor.php, graby adds hidden).
_BUILTIN = etree.XPath(
    "//*[contains(concat(' ',normalize-space(@class),' '),' entry-unrelated ')"
    " or contains(concat(' ',normalize-space(@class),' '),' instapaper_ignore ')]"
    " | //*[contains(@style,'display:none') or contains(@style,'visibility:hidden')]"
    " | //a[not(./*) and normalize-space(.)='']")
_OG_IMAGE = etree.XPath("//meta[@property='og:image']/@content")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class FtrResult:
    """What a rule found. `body` is the matched element itself (still in the tree: serialise it with
    `with_tail=False`) or, when an expression matched several, a new detached <div> holding copies of
    them (`body_elements` are the originals, nested ones dropped). `matched` says which expression gave
    each value; `errors` lists (directive, expression, message) for expressions that would not run."""

    title: str | None = None
    body: Any = None
    body_elements: tuple[Any, ...] = ()
    date: str | None = None
    authors: tuple[str, ...] = ()
    native_ad: bool = False
    lead_image: str | None = None
    stripped: int = 0
    removed: tuple[tuple[str, str], ...] = ()    # (directive, what the node held), in removal order
    matched: tuple[tuple[str, str], ...] = ()
    errors: tuple[tuple[str, str, str], ...] = ()


def preprocess_html(html: str, rule: FtrRule) -> str:
    """find_string/replace_string on the raw HTML before parsing: each pair in turn over the whole text,
    like PHP's str_replace with arrays (so a later pair sees the earlier ones' output). An empty find
    string replaces nothing (PHP skips it; Python's str.replace would insert everywhere)."""
    for find, repl in rule.replacements:
        if find:
            html = html.replace(find, repl)
    return html


@lru_cache(maxsize=4096)
def _compiled(expr: str) -> etree.XPath | str:
    try:
        return etree.XPath(expr)
    except etree.XPathSyntaxError as exc:
        return f"syntax: {exc}"


def _text(node: Any) -> str:
    """DOM textContent: string results and attribute or text nodes as they are, elements' descendant text."""
    if isinstance(node, str):
        return str(node)
    if isinstance(node, etree._Element) and isinstance(node.tag, str):
        return "".join(node.itertext())
    return (getattr(node, "text", None) or "") if isinstance(node, etree._Element) else ""


def _remove(node: Any) -> bool:
    """Take a node out of its tree as DOM removeChild / removeAttributeNode would (an element's tail text
    stays in place); False when it has no parent (the root, or already gone with an ancestor)."""
    if isinstance(node, str):   # an attribute or text node comes back as a "smart string"
        smart: Any = node
        parent = smart.getparent() if hasattr(smart, "getparent") else None
        if parent is None:
            return False
        if smart.is_attribute:
            return parent.attrib.pop(smart.attrname, None) is not None
        if smart.is_text:
            parent.text = None
        elif smart.is_tail:
            parent.tail = None
        return True
    parent = node.getparent()
    if parent is None:
        return False
    if node.tail:
        prev = node.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
    return True


class _Pass:
    """One rule over one tree: every XPath run through `run`, so a failing expression is reported in
    `errors` and the next one is tried, and every removal through `strip`, so `removed` says what went."""

    def __init__(self, root: Any, rule: FtrRule) -> None:
        self.root, self.rule = root, rule
        self.errors: list[tuple[str, str, str]] = []
        self.matched: list[tuple[str, str]] = []
        self.removed: list[tuple[str, str]] = []

    def run(self, directive: str, expr: str) -> Any:
        fn = _compiled(expr)
        if isinstance(fn, str):
            self.errors.append((directive, expr, fn))
            return None
        try:
            return fn(self.root)
        except etree.XPathError as exc:
            self.errors.append((directive, expr, f"evaluation: {exc}"))
            return None

    def first(self, directive: str, ok: Callable[[str], bool] = bool) -> tuple[str | None, Any]:
        """The first non-empty value (and its node) of the directive's expressions, in file order."""
        for expr in getattr(self.rule, directive):
            res = self.run(directive, expr)
            if isinstance(res, list) and res:   # FTR takes the first node even if later ones would do
                value, node = _text(res[0]).strip(), res[0]
            elif isinstance(res, str):
                value, node = res.strip(), None
            else:                               # numbers, booleans, nothing
                continue
            if value and ok(value):
                self.matched.append((directive, expr))
                return value, node
        return None, None

    def authors(self) -> tuple[str, ...]:
        """Every node of the first expression that gives any, trimmed, without repeats."""
        for expr in self.rule.author:
            res = self.run("author", expr)
            values = [_text(n).strip() for n in res] if isinstance(res, list) else []
            values = [res.strip()] if isinstance(res, str) else values
            if any(values):
                self.matched.append(("author", expr))
                return tuple(dict.fromkeys(v for v in values if v))
        return ()

    def strip(self, directive: str, nodes: Any) -> None:
        for node in reversed(nodes) if isinstance(nodes, list) else ():   # inner nodes before their ancestors
            text = _summary(node)
            if _remove(node):
                self.removed.append((directive, text))

    def strips(self, builtin: bool) -> None:
        """strip (elements and attributes), strip_id_or_class, strip_image_src, then FTR's own."""
        for expr in self.rule.strip:
            self.strip("strip", self.run("strip", expr))
        needles = [("strip_id_or_class", s, _ID_OR_CLASS) for s in self.rule.strip_id_or_class]
        needles += [("strip_image_src", s, _IMG_SRC) for s in self.rule.strip_image_src]
        for directive, needle, finder in needles:
            needle = needle.replace("'", "").replace('"', "")   # FTR strips quotes before building its XPath
            if needle:
                self.strip(directive, finder(self.root, s=needle))
        if builtin:
            self.strip("builtin", _BUILTIN(self.root))

    def body(self) -> tuple[Any, tuple[Any, ...]]:
        """(body, the elements it came from) of the first expression that yields elements."""
        for expr in self.rule.body:
            res = self.run("body", expr)   # FTR queries: a string result is no body
            els = [n for n in res if isinstance(n, etree._Element) and isinstance(n.tag, str)] \
                if isinstance(res, list) else []
            kept: list[Any] = []
            for el in els:   # document order, so an ancestor always comes before its descendants
                if not any(inside(el, k) for k in kept):
                    kept.append(el)
            if not kept:
                continue
            self.matched.append(("body", expr))
            if len(kept) == 1:
                return kept[0], tuple(kept)
            wrapper = lxml.html.Element("div")
            for el in kept:
                clone = copy.deepcopy(el)
                clone.tail = None
                wrapper.append(clone)
            return wrapper, tuple(kept)
        return None, ()


def apply_ftr(tree: Any, rule: FtrRule, base_url: str | None = None, *, builtin_strips: bool = True,
              remove_title: bool = True, date_ok: Callable[[str], bool] | None = None) -> FtrResult:
    """Run a rule over a parsed page (an lxml element or tree; it is changed in place, as FTR changes its
    DOM). Order as in FTR's ContentExtractor: native-ad clue, title (its element then leaves the tree,
    unless `remove_title` is off), authors, date, then strip / strip_id_or_class / strip_image_src and
    FTR's built-in strips, then body, then FTR's clean-ups of the body. Every list is first-match: the
    first expression giving a non-empty value wins. `date_ok` lets a date parser reject a value so the
    next expression is tried, as FTR's strtotime() check does. The link directives are the crawler's
    (cleanfeed/crawl/pagination.py)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    ftr = _Pass(root, rule)
    native_ad = any(isinstance(r := ftr.run("native_ad_clue", e), list) and r for e in rule.native_ad_clue)
    title, node = ftr.first("title")
    if remove_title and node is not None and not getattr(node, "is_attribute", False):
        _remove(node)
    authors = ftr.authors()
    date, _ = ftr.first("date", lambda v: date_ok is None or date_ok(v.strip(_DATE_JUNK)))
    og_image = next((str(v).strip() for v in _OG_IMAGE(root) if str(v).strip()), None)
    ftr.strips(builtin_strips)
    body, parts = ftr.body()
    lead_image = None
    if body is not None:
        _tidy_body(body, title, rule.src_lazy_load_attr, builtin_strips)
        if rule.flag("insert_detected_image") and og_image and next(body.iter("img"), None) is None:
            lead_image = urljoin(base_url, og_image) if base_url else og_image
    return FtrResult(title=title, body=body, body_elements=parts, date=date.strip(_DATE_JUNK) if date else None,
                     authors=authors, native_ad=native_ad, lead_image=lead_image, stripped=len(ftr.removed),
                     removed=tuple(ftr.removed), matched=tuple(ftr.matched), errors=tuple(ftr.errors))


_DATE_JUNK = "; \t\n\r\0\x0b"      # PHP trim()'s characters, and the ';' FTR strips from dates


def _summary(node: Any, limit: int = 300) -> str:
    """What a removed node held, for --explain: an element's text, an attribute's name and value."""
    if getattr(node, "is_attribute", False):
        return f"@{node.attrname}={str(node)[:limit]}"
    text = " ".join(_text(node).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _tidy_body(body: Any, title: str | None, lazy_attr: str | None, scripts: bool) -> None:
    """FTR's clean-ups of a found body: scripts out, a leading h1-h6 that repeats the title out, and the
    site's lazy-load attribute (`src_lazy_load_attr`) made the img src (graby)."""
    if scripts:
        for el in list(body.iter("script")):
            if el is not body:
                _remove(el)
    first_el = next((c for c in body if isinstance(c.tag, str)), None)
    if (title and first_el is not None and str(first_el.tag).lower() in _HEADINGS
            and _text(first_el).strip().lower() == title.strip().lower()):
        _remove(first_el)
    if lazy_attr:
        for img in body.iter("img"):
            if img.get(lazy_attr):
                img.set("srcset" if lazy_attr == "data-srcset" else "src", img.attrib.pop(lazy_attr))


def apply_ftr_html(html: str, rule: FtrRule, base_url: str | None = None, **kwargs: Any) -> FtrResult:
    """preprocess_html, parse with lxml.html, apply_ftr: the whole FTR pass over a raw page."""
    html = preprocess_html(html, rule)
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8)   # bytes: an <?xml?> header is fine
    except etree.ParserError:   # nothing but comments or blanks
        tree = lxml.html.Element("html")
    return apply_ftr(tree, rule, base_url, **kwargs)


_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


__all__ = ["FtrResult", "preprocess_html", "apply_ftr", "apply_ftr_html"]
