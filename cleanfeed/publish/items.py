"""Stored articles → FeedItem: everything a writer prints, already made valid (pure functions, no I/O).

The writers only format; every rule that makes a feed valid lives here once: absolute URLs in the
content, no XML-illegal characters, no empty titles, offsets in whole minutes, per-feed entry ids.
"""
from __future__ import annotations

import html as htmlmod
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import lxml.html

from cleanfeed.model import Article
from cleanfeed.rules.project import FeedSpec
from cleanfeed.store.db import EPOCH, Store, StoredItem
from cleanfeed.store.feedindex import haystack, keeps_text, matching
from cleanfeed.text.summary import summarise
from cleanfeed.textnorm import normalise_tag, strip_illegal
from cleanfeed.timeutil import zone

MEDIA_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml", "json": "application/feed+json"}


@dataclass(frozen=True)
class FeedItem:
    """One entry of one feed."""

    entry_id: str                 # tag URI with the feed's slug: stable forever, unique across feeds
    article_id: str
    title: str
    url: str | None               # the article's own page; None for text dumps without a URL
    anchor: str                   # the element id of this item in index.html and its page's name (unique across feeds)
    permalink: str                # our copy: items/<anchor>.html under the feed's self_url
    html: str                     # body HTML with absolute URLs only
    description: str              # plain text
    author: str | None
    published: datetime | None    # the article's date, only when the page gives one
    updated: datetime             # when our copy last changed (store changed_at), in the feed's zone
    first_seen: datetime
    language: str | None
    categories: tuple[str, ...]
    image: str | None = None
    source: str | None = None     # who published it: the URL's host (no www.), else the site rule's name


def entry_id(spec: FeedSpec, item: StoredItem) -> str:
    """`tag:<authority>,<first-seen day>:<slug>/<article id>`: neither the day nor the id ever change."""
    return f"tag:{spec.id_authority},{item.first_seen.date().isoformat()}:{spec.slug}/{item.id}"


def anchor(spec: FeedSpec, article_id: str) -> str:
    """`<slug>-<article id>`: article ids have no "-", so two feeds' anchors never collide in index.html."""
    return f"{spec.slug}-{article_id}"


def item_page(spec: FeedSpec, article_id: str) -> str:
    """The item's own page in public/, relative to the folder of the feed files and index.html."""
    return f"items/{anchor(spec, article_id)}.html"


def permalink(spec: FeedSpec, article_id: str) -> str:
    """Our own copy of an item (its page in public/), the link of entries without a page URL."""
    return f"{spec.self_url}{item_page(spec, article_id)}"


def source_name(url: str | None, site: str | None) -> str | None:
    """`cmra.cn` for https://www.cmra.cn/…; the site rule's name for a page without URL."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or site or None


def whole_minutes(value: datetime) -> datetime:
    """RFC 822 / RFC 3339 offsets have no seconds (zoneinfo's local mean times do): fall back to UTC."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"naive datetime {value!r}")
    return value if offset % timedelta(minutes=1) == timedelta(0) else value.astimezone(UTC)


def clean_line(text: str | None) -> str:
    """One line of plain text: no XML-illegal characters, spaces folded."""
    return " ".join(strip_illegal(text or "").split())


_LINKED = re.compile(r"\s(href|src|srcset|cite|poster)\s*=", re.IGNORECASE)


def absolute_html(fragment: str, base: str | None) -> str:
    """`fragment` with every URL absolute: resolved against `base`; without a base, relative links are
    unwrapped and relative images dropped (feed readers resolve against the feed, not the page)."""
    fragment = strip_illegal(fragment)
    if not _LINKED.search(fragment):              # text pages: `<p>…</p>` only, nothing to resolve
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        el.attrib.pop("srcset", None)             # candidates lists; `src` is enough for readers
        for attr in ("href", "src", "cite", "poster"):
            value = el.get(attr)
            if value is None:
                continue
            resolved = _absolute(value.strip(), base)
            if resolved is not None:
                el.set(attr, resolved)
            elif el.tag == "a" and attr == "href":
                el.drop_tag()
                break
            elif el.tag == "img":
                el.drop_tree()
                break
            else:
                del el.attrib[attr]
    head = htmlmod.escape(root.text or "", quote=False)
    return head + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _absolute(url: str, base: str | None) -> str | None:
    if url.startswith("#"):                       # a fragment means nothing without the article's page
        return None if base is None else urljoin(base, url)
    if urlsplit(url).scheme in ("http", "https", "mailto"):
        return url
    if urlsplit(url).scheme or base is None:      # data:, javascript:, or nothing to resolve against
        return None
    joined = urljoin(base, url)
    return joined if urlsplit(joined).scheme in ("http", "https") else None


def _title(article: Article) -> str:
    return clean_line(article.title) or clean_line(summarise(article.paragraphs, limit=100)) or "(untitled)"


def _matches(words: Sequence[str], hay: str) -> list[str]:
    return matching(words, hay)


def _haystack(article: Article) -> str:
    return haystack(article.title, article.text)


def keeps(spec: FeedSpec, article: Article) -> bool:
    """The feed's keyword filters: some `include` word (when any are given) and no `exclude` word (the
    store keeps each keyword feed's members by the same rule: store/feedindex.py)."""
    return (not spec.include and not spec.exclude) or keeps_text(spec, _haystack(article))


def feed_item(spec: FeedSpec, item: StoredItem) -> FeedItem:
    article = item.article
    hay = _haystack(article) if spec.include else ""
    categories = tuple(dict.fromkeys(c for c in ([article.site] if article.site else []) + list(article.categories)
                                     + _matches(spec.include, hay)))
    url = article.url if article.url and urlsplit(article.url).scheme in ("http", "https") else None
    image = article.image if article.image and urlsplit(article.image).scheme in ("http", "https") else None
    title = _title(article)
    return FeedItem(
        entry_id=entry_id(spec, item),
        article_id=item.id,
        title=title,
        url=url,
        anchor=anchor(spec, item.id),
        permalink=permalink(spec, item.id),
        html=absolute_html(article.html, url) or f"<p>{htmlmod.escape(title, quote=False)}</p>",
        description=clean_line(article.summary) or clean_line(summarise(article.paragraphs)),
        author=clean_line(article.author) or None,
        published=whole_minutes(article.published.value) if article.published else None,
        updated=whole_minutes(item.changed_at.astimezone(zone(spec.timezone))),
        first_seen=item.first_seen,
        language=normalise_tag(article.language),
        categories=tuple(line for c in categories if (line := clean_line(c))),
        image=image,
        source=clean_line(source_name(url, article.site)) or None,
    )


def select(store: Store, spec: FeedSpec) -> list[FeedItem]:
    """The newest `max_items` stories of the feed (one item per story: reprints collapse, storyfeed.py):
    published date, else first seen, newest first."""
    from cleanfeed.publish.stories import select_stories  # the story index: only when feeds are written
    stored = select_stories(store, spec, keep=lambda a: keeps(spec, a))
    return distinct_updates([feed_item(spec, s) for s in stored])


SECOND = timedelta(seconds=1)


def distinct_updates(items: Sequence[FeedItem]) -> list[FeedItem]:
    """The entries with `updated` to the whole second and unique in the feed (validators warn on two equal
    values). The store tells changes apart by the microsecond (`12:00:00.000001` and `.000002` for two
    pages fetched on one day), which a reader would show as invented precision. So: oldest change first
    (ties by entry id), each takes its own second, or the second after the entry before it when that one
    is taken: `12:00:00`, `12:00:01`. An entry moves by as many seconds as changes shared its second, and
    the same feed always gets the same values."""
    out = list(items)
    last: datetime | None = None
    for i in sorted(range(len(out)), key=lambda i: (out[i].updated, out[i].entry_id)):
        value = out[i].updated.replace(microsecond=0)
        if last is not None and value <= last:
            value = last + SECOND
        out[i] = replace(out[i], updated=value)
        last = value
    return out


def feed_updated(spec: FeedSpec, items: Sequence[FeedItem]) -> datetime:
    """The newest entry's `updated`; an empty feed says 1970 rather than "now" (same store, same bytes)."""
    return max((i.updated for i in items), default=whole_minutes(EPOCH.astimezone(zone(spec.timezone))))


__all__ = ["MEDIA_TYPES", "FeedItem", "absolute_html", "anchor", "clean_line", "distinct_updates", "entry_id",
           "feed_item", "feed_updated", "item_page", "keeps", "permalink", "select", "source_name"]
