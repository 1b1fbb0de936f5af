"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): same items, same ids, same dates as Atom."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from cleanfeed.publish.items import FeedItem
from cleanfeed.rules.project import FeedSpec

VERSION = "https://jsonfeed.org/version/1.1"


def _item(item: FeedItem) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.entry_id, "url": item.url or item.permalink}
    out["title"] = item.title
    out["content_html"] = item.html
    if item.description:
        out["summary"] = item.description
    if item.image:
        out["image"] = item.image
    if item.published:
        out["date_published"] = item.published.isoformat()
    out["date_modified"] = item.updated.isoformat()
    if item.author:
        out["authors"] = [{"name": item.author}]
    if item.categories:
        out["tags"] = list(item.categories)
    if item.language:
        out["language"] = item.language
    return out


def json_feed(spec: FeedSpec, items: Sequence[FeedItem]) -> dict[str, Any]:
    feed: dict[str, Any] = {
        "version": VERSION,
        "title": spec.title,
        "home_page_url": spec.home_url,
        "feed_url": spec.url("json"),
        "description": spec.description,
        "authors": [{"name": spec.author_name}],
    }
    if spec.language:
        feed["language"] = spec.language
    feed["items"] = [_item(i) for i in items]
    return feed


def json_bytes(spec: FeedSpec, items: Sequence[FeedItem]) -> bytes:
    return (json.dumps(json_feed(spec, items), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


__all__ = ["VERSION", "json_bytes", "json_feed"]
