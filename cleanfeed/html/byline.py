"""Who wrote it: the byline elements of a page (`rel=author`, `itemprop=author`, classes naming a byline
or an author) and the author chosen from the site rule, the page's metadata, a byline or a header line.
Pure: reads the trees it is given, changes nothing."""
from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from cleanfeed.html.metadata import Metadata
from cleanfeed.html.siterule import select_text
from cleanfeed.rules.html_words import role_names
from cleanfeed.rules.linerules import generic_rules
from cleanfeed.rules.site import SiteRule
from cleanfeed.text.headerlines import header_author, join_names
from cleanfeed.textnorm import HAN

_NOT_A_NAME = frozenset({"author", "authors", "editor", "editors", "staff", "team", "admin", "name", "the"})
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_BY_PREFIX = re.compile(r"^(by|written by|posted by|作者|文)\s*[:：]?\s*", re.I)


# `work` and everything under it; the union is in document order and holds each element once, as the walk did.
_MARKED_AS_BYLINE = etree.XPath("descendant-or-self::*/@class[contains(., 'byline') or contains(., 'author')]/.. "
                                "| descendant-or-self::*/@rel[. = 'author']/.. "
                                "| descendant-or-self::*/@itemprop[. = 'author']/..", smart_strings=False)


def byline_elements(work: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Elements that may hold a byline, in document order: `rel=author`, `itemprop=author`, or a class
    containing `byline` / `author` (the exact word is checked by `byline_in`). The XPath reads the
    attributes, not every element: on pages of big menus and footers it takes 0.19 ms where the walk in
    Python over every element took 0.33 (bench/speed.py --heavy's pages), 0.06 against 0.07 on small
    pages, 0.46 against 0.43 on the dev sample; an XPath testing every element (`//*[contains(@class,
    'author') or …]`) takes twice as long as the walk."""
    found: list[lxml.html.HtmlElement] = _MARKED_AS_BYLINE(work)
    return found


def _in_tree(el: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    """`el` is still under `root` (not inside a subtree dropped since)."""
    ancestors = list(el.iterancestors())
    return (ancestors[-1] if ancestors else el) is root


def byline_in(found: list[lxml.html.HtmlElement], compound: bool = False) -> str | None:
    """A short byline element's name: `rel=author`, `itemprop=author`, class `byline` / `author`; with
    `compound`, a class that ends in one (`story__author`) outside comment threads and forms, when its
    text reads as a name. `found`: `byline_elements` of the page."""
    marked = [el for el in found if el.get("rel") == "author" or el.get("itemprop") == "author"
              or {"byline", "author"} & set((el.get("class") or "").lower().split())]
    if compound:
        marked = [el for el in found if el not in marked and not _in_thread(el)
                  and any(_names_a_byline(c) for c in (el.get("class") or "").lower().split())]
    for el in marked[:5]:
        text = _BY_PREFIX.sub("", " ".join(el.text_content().split()))
        if HAN.search(text) and (name := header_author([text], generic_rules())):
            return name                                 # `记者 孙立新 郑可欣` → `孙立新, 郑可欣`
        if 2 <= len(text) <= 60 and not any(ch.isdigit() for ch in text) and (not compound or _looks_like_name(text)):
            return text
    return None


def _in_thread(el: lxml.html.HtmlElement) -> bool:
    """Inside a comment thread, a review list or a form: its `comment-author` names a commenter."""
    return any(a.tag == "form" or _THREAD.search(role_names(a.get("class") or "")) for a in (el, *el.iterancestors()))


_THREAD = re.compile(r"comment|review|testimonial|reply|respond")     # (not a post's own `category-reviews`)


def _looks_like_name(text: str) -> bool:
    """A person's name as a byline element prints it (`Sofia Lindqvist`), not a form label (`Name *`), a
    comment header (`Jiobal says:`), a role (`The Author`) or a sentence."""
    if HAN.search(text):
        return 2 <= len(text) <= 4
    words = text.split()
    return 2 <= len(words) <= 4 and not _NOT_A_NAME & {w.lower() for w in words} \
        and all(w[0].isupper() and _NAME_WORD.fullmatch(w) is not None for w in words)


def _names_a_byline(css_class: str) -> bool:
    """`byline`, `author`, and BEM or dashed names that end in them (`story__author`, `post-author`,
    `c-byline`, `author-name`); not `author-bio` or `author-avatar`."""
    parts = [p for p in re.split(r"[-_]+", css_class) if p]
    return bool(parts) and (parts[-1] in ("byline", "author", "authors")
                            or parts[-2:] in (["author", "name"], ["byline", "name"]))


def author_of(rule: SiteRule | None, work: lxml.html.HtmlElement, md: Metadata, header: list[str],
            byline: str | None, marked: list[lxml.html.HtmlElement], ftr_authors: tuple[str, ...]) -> str | None:
    """The site rule's author (TOML, then FiveFilters), else the page's metadata, byline or header line.
    `marked`: `byline_elements` before chrome removal; those still in the tree are what a new walk
    would find (chrome removal only drops subtrees)."""
    if rule and rule.author and (name := select_text(work, rule.author)):
        return _BY_PREFIX.sub("", name) or None
    if names := [n for n in (_BY_PREFIX.sub("", a) for a in ftr_authors) if n]:
        return ", ".join(names)
    g = generic_rules()
    finders: tuple[Callable[[], str | None], ...] = (
        lambda: md.author, lambda: byline, lambda: header_author(header, g),
        lambda: byline_in([el for el in marked if _in_tree(el, work)], compound=True))
    for find in finders:
        if (name := find()) and not g.not_a_person.search(name):
            return join_names(name)
    return None
