"""What kind of page this is (DESIGN.md `page_type`): `article`, or `listing`, `forum`, `product`,
`documentation`, `service`. Only articles reach the feeds, so the decision leans to `article`: another
type needs the page to say so (its JSON-LD `@type` or `og:type`) or its address to say so with nothing
in the page saying article. Forum software prints `og:type` article on every thread, so a forum host
(`forum.…`, `bbs.…`), a forum script (`viewtopic.php`) or a forum `@type` beats a bare `og:type` article;
a JSON-LD Article still wins over all. A page that says nothing may still be typed by its structure once
chrome is removed (html/listing.py `card_page`: a grid of item cards is a listing).

Measured on the shared sets (`python bench/pagetype.py`): of 1,365 article pages, how many are called
something else, and how many of the 704 non-article pages of wcxb-dev-other are recognised.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from cleanfeed.textnorm import CJK_RANGES, count_chars

PAGE_TYPES = ("article", "listing", "forum", "product", "documentation", "service", "other")

# JSON-LD @type / og:type values → page type. An article type anywhere on the page wins.
_ARTICLE_KINDS = re.compile(r"^(og:)?(\w*article|blogposting|liveblogposting|report|og:news|og:blog|newsarticle)$",
                            re.I)
_KINDS = {
    "product": "product", "productgroup": "product", "og:product": "product", "og:product.group": "listing",
    "og:ebay-objects:item": "product", "itempage": "product",
    "discussionforumposting": "forum", "qapage": "forum",
    "collectionpage": "listing", "searchresultspage": "listing", "itemlist": "listing",
    "service": "service", "softwareapplication": "service",
}
# Folder words in the URL path (a whole segment): what kind of page lives there.
_PATHS = {
    "product": "product", "products": "product", "shop": "product", "item": "product", "itm": "product",
    "dp": "product",
    "forum": "forum", "forums": "forum", "thread": "forum", "threads": "forum", "topic": "forum",
    "questions": "forum", "discussion": "forum", "discussions": "forum", "community": "forum",
    "docs": "documentation", "documentation": "documentation", "reference": "documentation",
    "manual": "documentation", "api": "documentation", "latest": "documentation", "stable": "documentation",
    "category": "listing", "categories": "listing", "collections": "listing",
    "tag": "listing", "tags": "listing", "search": "listing", "jobs": "listing", "careers": "listing",
    "services": "service", "service": "service", "solutions": "service", "pricing": "service",
}
_SEGMENT = re.compile(r"[^a-z0-9]+")
# The first label of the host (`forum.example.org`, `community.example.com`, `bbs.example.cn`) and the
# script names of forum software (phpBB's `viewtopic.php`, vBulletin's `showthread.php`) say forum too.
# On the shared sets: 24 of 113 wcxb-dev-other forum pages typed article are now forum (their text did not
# move); no page of the five article sets changed type.
_FORUM_HOSTS = frozenset({"forum", "forums", "community", "discuss", "bbs", "boards"})
_FORUM_SCRIPTS = frozenset({"viewtopic.php", "showthread.php"})
# A documentation host (`docs.example.org`, `developer.example.com`, `wiki.example.org`), and the version
# folders of documentation hosting (`/en/latest/`, `/en/stable/`: Read the Docs, Sphinx). Chosen from a
# list of such words written first (docs doc developer developers learn help support kb wiki manual api;
# guide(s) tutorial(s) …); the ones any page of the five article sets lives under were left out
# (developers., learn., /guides/, /tutorials/: one to four wcxb-dev-en articles each). Shared sets
# (`python bench/pagetype.py`): documentation typed right 20 → 49 of 91, no article page changed type.
# Forum packages by the name their generator meta opens with; wcxb-dev-other's dev folds f0/f1 print
# Discourse on 13 of their 48 forum pages and vBulletin on one, no page of the article sets prints any.
_FORUM_SOFTWARE = ("discourse", "vbulletin", "xenforo", "nodebb", "flarum", "mybb", "phpbb", "simple machines")
_DOC_HOSTS = frozenset({"docs", "doc", "developer", "wiki"})
_CJK = re.compile(f"[{CJK_RANGES}]")
# A page that does not say it is an article, in a script written with spaces, whose best root holds no
# paragraph of prose is read as a list when its run of list items holds LIST_OVER_UNDECLARED times the
# root's text (a declared article, or a Chinese page, needs article.LIST_OVER_TEXT: a Chinese news flash
# of three short paragraphs sits under a portal's link lists, daniel-zh-dev -0.032 with 3x for all).
# Held-out: wcxb-dev-other +0.0053 (every fold up or level, 10 pages up, 2 down), no other set moved.
LIST_OVER_UNDECLARED = 3
CJK_SHARE = 0.3


def declares_article(kinds: tuple[str, ...]) -> bool:
    """The page says it is an article (`og:type` article, a JSON-LD `NewsArticle`), not merely defaults to one."""
    return any(_ARTICLE_KINDS.match(k) for k in kinds)


def list_factor(kinds: tuple[str, ...], paragraphs: tuple[str, ...], declared_factor: int) -> int:
    """How many times the root's text a run of list items must hold for the page to be read as a list."""
    if declares_article(kinds):
        return declared_factor
    return declared_factor if mostly_cjk("".join(paragraphs)) else LIST_OVER_UNDECLARED


def mostly_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean text: more than CJK_SHARE of its characters are of those scripts."""
    return count_chars(_CJK, text) > CJK_SHARE * len(text)


def page_type(kinds: tuple[str, ...], url: str | None, sells: Callable[[], bool] = lambda: False,
              software: str | None = None) -> str:
    """The page's type from what it says it is (`kinds`: JSON-LD @type values and `og:<type>`), its URL and the
    software that made it (`software`: `<meta name="generator">`). `sells`: whether the page offers its item
    for sale (a cart form), asked only of a page whose one article claim is a bare `og:type` article beside a
    JSON-LD Product."""
    if declares_article(tuple(k for k in kinds if not k.startswith("og:"))):
        return "article"                      # a JSON-LD Article / NewsArticle / BlogPosting
    if _forum_address(url) or _forum_software(software) or any(_KINDS.get(k.lower()) == "forum" for k in kinds):
        return "forum"                        # forum software prints `og:type` article on every thread
    if declares_article(kinds):
        return "product" if _sold_here(kinds, sells) else "article"
    for kind in kinds:
        if (found := _KINDS.get(kind.lower())) is not None:
            return found
    return _from_host(url) or _from_url(url) or "article"


def _forum_software(software: str | None) -> bool:
    """The page was made by forum software (`Discourse 3.2.0 - https://github.com/discourse/discourse …`,
    `vBulletin 4.2.5`): a thread, whatever its host is called (`hub.…`, `talk.…`). Packages that also run a
    site's articles are not here: Discuz! prints the same generator on its portal's stories (cwced-zh)."""
    return software is not None and software.lower().startswith(_FORUM_SOFTWARE)


def _sold_here(kinds: tuple[str, ...], sells: Callable[[], bool]) -> bool:
    """A JSON-LD Product on a page that sells it (`sells`): a shop's product page, though its only article
    claim, `og:type` article, is what an SEO plugin prints on every page (WordPress with Yoast and
    WooCommerce: 4 of the 6 product pages typed article in wcxb-dev-other's dev folds f0/f1). A review post
    prints a Product too (2 dated posts of htmldate-dev, og:type article and a JSON-LD Product), but sells
    nothing: its "Check price" is a link, not a cart form, and it stays an article."""
    return any(_KINDS.get(k.lower()) == "product" for k in kinds if not k.startswith("og:")) and sells()


def _forum_address(url: str | None) -> bool:
    """The host or the script says forum: `forum.example.org`, `bbs.example.cn`, `…/viewtopic.php?t=1`."""
    try:
        parts = urlsplit(url or "")
        host, script = parts.hostname or "", parts.path.lower().rsplit("/", 1)[-1]
    except ValueError:
        return False
    return host.split(".")[0] in _FORUM_HOSTS or script in _FORUM_SCRIPTS


def _from_host(url: str | None) -> str | None:
    """A documentation host says documentation (`docs.example.org/install`). A site's front page says
    nothing: 68 non-article front pages in WCXB dev, but two blogs whose front page is their one article."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return None
    return "documentation" if host.split(".")[0] in _DOC_HOSTS else None


def _from_url(url: str | None) -> str | None:
    """The first folder of the path that names a kind of page (`/forums/t/123`, `/docs/install`)."""
    if not url:
        return None
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    for seg in segments[:-1] if len(segments) > 1 else segments[:0]:
        if (found := _PATHS.get(seg)) is not None:
            return found
    return None


# Microdata types (schema.org `itemtype` of an outermost `itemscope`) that say forum or product: Q&A and forum
# software print `QAPage` / `DiscussionForumPosting`, shop themes `Product`, as microdata rather than JSON-LD.
# Only these two: an outermost microdata `ItemList` / `CollectionPage` is printed by 2 article pages of
# wcxb-dev-en and an `Article` would turn the article profile on or off (metadata counts over every set: the
# forum and product types are printed by no page of aeb-en, wcxb-dev-en, mozilla-multi, cwced-zh, daniel-zh-dev;
# in wcxb-dev-other the forum types by 41 pages, all forum, Product by 13 product and 2 collection pages).
_MICRODATA_TYPES = frozenset({"qapage", "discussionforumposting", "product"})
# The `itemtype` attributes, each a smart string that knows its element: the elements that carry one, in document
# order, as `//*[@itemtype]` finds them (the same list on 141 small pages cut from the English dev sets). In
# clean(): 0.080 -> 0.036 ms a page there, 0.070 -> 0.030-0.040 on bench/speed.py --small (the predicate was
# asked of every element; the attribute step reads only the attributes).
_ITEMTYPES = etree.XPath("//@itemtype")


def microdata_kinds(doc: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The forum and product types the page declares in microdata, on an element no other item holds (a
    Product inside a review is the review's subject, not the page's): kinds for `page_type`."""
    found: list[str] = []
    for el in (value.getparent() for value in _ITEMTYPES(doc)):
        if any(a.get("itemtype") for a in el.iterancestors()):
            continue
        found += [name for t in (el.get("itemtype") or "").split()
                  if (name := t.rstrip("/").rsplit("/", 1)[-1].lower()) in _MICRODATA_TYPES]
    return tuple(dict.fromkeys(found))


# A cart form's marks: its action, name, id or class, or a control's name, id, class, value or text, say cart or
# basket (Shopify `action="/cart/add"`, WooCommerce `form.cart` and `button[name=add-to-cart]`, Magento
# `#product_addtocart_form`), or a button says "Add to bag".
_CART = re.compile(r"cart(?![a-z])|basket(?![a-z])|add.?to.?bag(?![a-z])", re.I)
_FORM_ATTRS = ("action", "name", "id", "class")
_CONTROL_ATTRS = ("name", "id", "class", "value")


def has_cart_form(doc: lxml.html.HtmlElement) -> bool:
    """The page holds a form that puts something in a cart (a shop's product page; a review links away)."""
    for form in doc.iter("form"):
        if any(_CART.search(form.get(a) or "") for a in _FORM_ATTRS):
            return True
        for control in form.iter("button", "input"):
            if any(_CART.search(control.get(a) or "") for a in _CONTROL_ATTRS) or (
                    control.tag == "button" and _CART.search(control.text_content())):
                return True
    return False
