"""cleanfeed's own notes in its crawl archives (written by crawl/archive.py), read back by inputs/warc.py.

An article assembled from several responses (its later pages, its single-page version) or found through a
feed is described by one `metadata` record (ARTICLE_TYPE, JSON) after its responses, and the extra
responses carry `WARC-Cleanfeed-Part-Of: <first page URL>`. `assemble` turns the record stream back into
the same Pages the crawler stored: a first page waits for the next page record, and is joined with its
held parts when its note comes first.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcio.recordloader import ArcWarcRecord

from cleanfeed.errors import CleanfeedError
from cleanfeed.page import MAX_BYTES, ItemHints, Page
from cleanfeed.urlnorm import clean_url

log = logging.getLogger(__name__)

PART_OF = "WARC-Cleanfeed-Part-Of"     # a response that belongs to the article first fetched from that URL
ARTICLE_TYPE = "application/vnd.cleanfeed.article+json"   # the metadata record that assembles an article


@dataclass(frozen=True)
class Part:
    page: Page
    first: str                         # the article's first page URL (clean)


@dataclass(frozen=True)
class Note:
    url: str                           # the article's first page URL (clean)
    parts: tuple[str, ...]             # its later pages (clean URLs), in order
    single_page: str | None
    hints: ItemHints | None

    def apply(self, page: Page, held: list[Page]) -> Page:
        """The first page with its later pages (up to the first one missing), single-page body and hints."""
        by_url = {p.url: p for p in held}
        parts: list[Page] = []
        for url in self.parts:
            if url not in by_url:
                break
            parts.append(by_url[url])
        single = by_url.get(self.single_page) if self.single_page else None
        if single is not None:
            page = page._replace(body=single.body, content_type=single.content_type)
        return page._replace(parts=tuple(parts), hints=self.hints)


def assemble(items: Iterator[Page | CleanfeedError | Part | Note]) -> Iterator[Page | CleanfeedError]:
    """Pages in file order, cleanfeed's multi-response articles joined: a first page waits for the next
    page record or error (later parts and its note come before either)."""
    pending: Page | None = None
    held: dict[str, list[Page]] = {}
    for item in items:
        if isinstance(item, Part):
            held.setdefault(item.first, []).append(item.page)
        elif isinstance(item, Note):
            parts = held.pop(item.url, [])
            if pending is not None and pending.url is not None and clean_url(pending.url) == item.url:
                yield item.apply(pending, parts)
                pending = None
        else:
            if pending is not None:
                yield pending
            pending = item if isinstance(item, Page) else None
            if not isinstance(item, Page):
                yield item
    if pending is not None:
        yield pending


def read_note(record: ArcWarcRecord) -> Note | None:
    """cleanfeed's description of an assembled article; None for any other metadata record."""
    if (record.rec_headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower() != ARTICLE_TYPE:
        return None
    try:
        data: dict[str, Any] = json.loads(record.content_stream().read(MAX_BYTES).decode("utf-8"))
        return Note(clean_url(data["url"]), tuple(clean_url(u) for u in data.get("parts") or ()),
                    clean_url(data["single_page"]) if data.get("single_page") else None,
                    ItemHints.from_dict(data["hints"]) if data.get("hints") else None)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        log.debug("unreadable cleanfeed article note: %s", exc)
        return None


__all__ = ["ARTICLE_TYPE", "PART_OF", "Note", "Part", "assemble", "read_note"]
