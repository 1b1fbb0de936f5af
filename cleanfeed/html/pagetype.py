"""What kind of page this is (DESIGN.md `page_type`): `article`, or `listing`, `forum`, `product`,
`documentation`, `service`. Only articles reach the feeds, so the decision leans to `article`: another
type needs the page to say so (its JSON-LD `@type` or `og:type`) or its address to say so with nothing
in the page saying article.

Measured on the shared sets (`python bench/pagetype.py`): of 1,365 article pages, how many are called
something else, and how many of the 704 non-article pages of wcxb-dev-other are recognised.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

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
    "manual": "documentation", "api": "documentation",
    "category": "listing", "categories": "listing", "collections": "listing",
    "tag": "listing", "tags": "listing", "search": "listing", "jobs": "listing", "careers": "listing",
    "services": "service", "service": "service", "solutions": "service", "pricing": "service",
}
_SEGMENT = re.compile(r"[^a-z0-9]+")


def declares_article(kinds: tuple[str, ...]) -> bool:
    """The page says it is an article (`og:type` article, a JSON-LD `NewsArticle`), not merely defaults to one."""
    return any(_ARTICLE_KINDS.match(k) for k in kinds)


def page_type(kinds: tuple[str, ...], url: str | None) -> str:
    """The page's type from what it says it is (`kinds`: JSON-LD @type values and `og:<type>`) and its URL."""
    if declares_article(kinds):
        return "article"
    for kind in kinds:
        if (found := _KINDS.get(kind.lower())) is not None:
            return found
    return _from_url(url) or "article"


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
