"""Feeds as crawl starts: an RSS 0.9x/1.0/2.0, Atom or JSON Feed document → the article links of its items,
each with what the item says about its page (title, date, author, categories) as `ItemHints`.

RSS and Atom are read by feedparser, which keeps what it could read of a broken document and says so
(`bozo`); JSON Feed (which feedparser 6.0 does not read) by `json`. An item's description or content is
never kept: it is the teaser the user wants replaced by the page. Pure functions, no I/O.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from dateutil.parser import isoparse

from cleanfeed.model import ItemHints
from cleanfeed.urlnorm import resolve_link

log = logging.getLogger(__name__)

_XML_ROOT = re.compile(rb"<(?:rss|feed|(?:[\w-]+:)?RDF|channel)[\s>/]")
_JSON_FEED = re.compile(rb"^\s*\{.*?\"version\"\s*:\s*\"https?://jsonfeed\.org/version/", re.S)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class FeedItem:
    link: str                  # absolute, clean URL of the article page
    hints: ItemHints


@dataclass(frozen=True)
class FeedRead:
    """What a feed held: its items in feed order, and what was wrong with it (`problem`, feedparser's
    bozo for broken XML: the items are those read before the break)."""

    kind: str                                   # "rss20", "atom10", "json11", … (feedparser's names)
    items: tuple[FeedItem, ...] = ()
    skipped: tuple[str, ...] = field(default=())    # why items without a usable link were left out
    problem: str | None = None


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """RSS, Atom, RDF or JSON Feed by its first bytes; the media type alone is not trusted (feeds are
    served as text/html, pages as text/xml)."""
    head = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        mime = (content_type or "").split(";", 1)[0].strip().lower()
        return _JSON_FEED.match(head) is not None or mime == "application/feed+json"
    if _HTML_ROOT.search(head[:512]):
        return False
    return _XML_ROOT.search(head) is not None


def read_feed(body: bytes, url: str, content_type: str | None = None) -> FeedRead:
    """The items of a feed document fetched from `url` (relative links resolve against the feed's
    xml:base or its URL)."""
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _read_json_feed(body, url)
    import feedparser  # ~40 ms to import: only crawls that meet a feed pay it

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    problem = _bozo(parsed)
    items, skipped = [], []
    for n, entry in enumerate(parsed.entries, 1):
        link = _entry_link(entry, url)
        if link is None:
            skipped.append(f"item {n} has no http(s) link")
            continue
        items.append(FeedItem(link, ItemHints(
            title=_text(entry.get("title")), published=_entry_date(entry, parsed.version or ""),
            author=_text(entry.get("author")), feed=url,
            categories=_unique(t.get("term") or t.get("label") for t in entry.get("tags") or ()))))
    return FeedRead(parsed.version or "unknown", tuple(items), tuple(skipped), problem)


def _bozo(parsed: Any) -> str | None:
    """Broken XML as a one-line reason; a wrong media type or encoding label is no problem of the feed's items."""
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if type(exc).__name__ in ("NonXMLContentType", "CharacterEncodingOverride"):
        return None
    line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
    return f"not well-formed XML ({getattr(exc, 'getMessage', lambda: str(exc))()}" + (
        f" at line {line})" if line else ")")


def _entry_link(entry: Mapping[str, Any], base: str) -> str | None:
    """The item's page: FeedBurner's `origLink` (its <link> is a redirect through feedproxy, another
    host), else its alternate link (feedparser puts RSS <link>, a permalink <guid> and Atom's
    rel=alternate in `link`), resolved against the feed's base."""
    candidates = [entry.get("feedburner_origlink"), entry.get("link")]
    candidates += [x.get("href") for x in entry.get("links") or () if x.get("rel", "alternate") == "alternate"]
    for href in candidates:
        if href and (link := resolve_link(str(href), base)):
            return link
    return None


def _entry_date(entry: Mapping[str, Any], version: str) -> datetime | None:
    """The item's publication date in its own offset. RSS 1.0's dc:date (feedparser: `updated`) is its
    publication date; Atom's `updated` is not (it is when the entry last changed)."""
    raw = entry.get("published") or (entry.get("updated") if not version.startswith("atom") else None)
    return parse_feed_date(raw)


def parse_feed_date(raw: object) -> datetime | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed, dc:date) date with its offset; None when it has none
    or does not parse (never a guess)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip()
    value: datetime | None
    try:
        value = isoparse(raw)
    except (ValueError, OverflowError):
        try:
            value = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return value if value is not None and value.tzinfo is not None else None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if isinstance(value, str) else ""
    return text or None


def _unique(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for v in values if (t := _text(v))))


def _read_json_feed(body: bytes, url: str) -> FeedRead:
    """JSON Feed 1.0 / 1.1: `items[].url` (else `external_url`), `title`, `date_published`, `authors`
    (1.1) or `author` (1.0), `tags`."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return FeedRead("json", problem=f"not valid JSON ({exc})")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return FeedRead("json", problem="not a JSON Feed (no items list)")
    version = str(data.get("version", "")).rsplit("/", 1)[-1]
    base = data.get("feed_url") if isinstance(data.get("feed_url"), str) else url
    items, skipped = [], []
    for n, item in enumerate(data["items"], 1):
        if not isinstance(item, dict):
            skipped.append(f"item {n} is not an object")
            continue
        href = item.get("url") or item.get("external_url")
        link = resolve_link(href, urljoin(url, base)) if isinstance(href, str) else None
        if link is None:
            skipped.append(f"item {n} has no http(s) url")
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        names = _unique(a.get("name") for a in authors if isinstance(a, dict))
        tags: list[object] = item["tags"] if isinstance(item.get("tags"), list) else []
        items.append(FeedItem(link, ItemHints(
            title=_text(item.get("title")), published=parse_feed_date(item.get("date_published")),
            author=", ".join(names) or None, categories=_unique(tags), feed=url)))
    return FeedRead(f"json{version.replace('.', '')}", tuple(items), tuple(skipped))


__all__ = ["FeedItem", "FeedRead", "looks_like_feed", "parse_feed_date", "read_feed"]
