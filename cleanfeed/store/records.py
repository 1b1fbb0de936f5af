"""How a stored row is written and read back: times as µs since 1970, the content hash, the page record,
the raw page compressed (`compress_raw`). Pure functions, shared by the store and its maintenance."""
from __future__ import annotations

import base64
import hashlib
import json
import zlib
from datetime import datetime, timedelta
from typing import Any

from cleanfeed.model import ItemHints, Page
from cleanfeed.store.identity import short_sha
from cleanfeed.timeutil import UTC

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_us(value: datetime) -> int:
    return (value - EPOCH) // timedelta(microseconds=1)


def from_us(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


def content_hash(data: dict[str, Any]) -> str:
    """What a reader would see: the article without its fetch time (a re-fetch of the same text is no change)."""
    shown = {k: v for k, v in data.items() if k != "fetched_at"}
    return short_sha(json.dumps(shown, sort_keys=True, ensure_ascii=False))


def _record(page: Page) -> dict[str, Any]:
    """The page's record without its body; a feed's hints and an article's later pages (their bodies
    zlib + base64: the record is text) when it has them."""
    rec: dict[str, Any] = {
        "url": page.url, "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
        "content_type": page.content_type, "timezone": page.timezone, "source": page.source,
        "text": isinstance(page.body, str)}
    if page.hints is not None:
        rec["hints"] = page.hints.to_dict()
    if page.parts:
        rec["parts"] = [{**_record(part), "raw": base64.b64encode(zlib.compress(_raw_bytes(part), 6)).decode("ascii")}
                        for part in page.parts]
    return rec


def page_record(page: Page, keep_raw: bool = True) -> str:
    """The `page` column: `_record`, plus `"reading"`, the digest of what the cleaner read of the page
    (`reading_digest`), which `cleanfeed prune` keeps when it drops the raw page (`"raw": false`), so the
    same page fetched later is still known (`same_but_fetch_time`). A shard's article (`keep_raw=False`)
    was cleaned elsewhere: `"raw": false` and no digest. The record is JSON, so a new key needs no schema
    step: records written before a key have none, and every reader takes that as "not known"."""
    record = _record(page)
    if keep_raw:
        record["reading"] = reading_digest(page)
    else:
        record["raw"] = False            # the article came cleaned (a shard): there is no page to clean again
    return json.dumps(record, ensure_ascii=False)


def _page(data: bytes, rec: dict[str, Any]) -> Page:
    body: bytes | str = data.decode("utf-8", "surrogatepass") if rec.get("text") else data
    fetched = datetime.fromisoformat(rec["fetched_at"]) if rec.get("fetched_at") else None
    parts = tuple(_page(zlib.decompress(base64.b64decode(p["raw"])), p) for p in rec.get("parts") or ())
    hints = ItemHints.from_dict(rec["hints"]) if rec.get("hints") else None
    return Page(body=body, url=rec.get("url"), fetched_at=fetched, content_type=rec.get("content_type"),
                source=rec.get("source"), timezone=rec.get("timezone"), hints=hints, parts=parts)


def page_from_row(raw: bytes, record: str) -> Page:
    return _page(zlib.decompress(raw), json.loads(record))


def _raw_bytes(page: Page) -> bytes:
    return page.body.encode("utf-8", "surrogatepass") if isinstance(page.body, str) else page.body


def _reading(page: Page) -> tuple[Any, ...]:
    """What the cleaner reads of a page: its bytes, whether it came as text, URL, content type, zone, hints and
    parts; not its fetch time, nor `source` (where the file was read from: for messages only)."""
    return (_raw_bytes(page), isinstance(page.body, str), page.url, page.content_type, page.timezone,
            page.hints.to_dict() if page.hints is not None else None, tuple(_reading(p) for p in page.parts))


def _digestible(reading: tuple[Any, ...]) -> list[Any]:
    data, *rest, parts = reading
    return [hashlib.sha256(data).hexdigest(), *rest, [_digestible(p) for p in parts]]


def reading_digest(page: Page) -> str:
    """A digest of `_reading(page)`: what the cleaner reads of it, not its fetch time nor its `source`."""
    return hashlib.sha256(json.dumps(_digestible(_reading(page)), sort_keys=True, ensure_ascii=False)
                          .encode("utf-8", "surrogatepass")).hexdigest()[:32]


def same_but_fetch_time(raw: bytes | None, record: str, page: Page) -> bool:
    """A stored raw page (or None: pruned, or a shard's article) and its record (`compress_raw`,
    `page_record`) hold `page` up to its fetch time (and its `source`). The record's digest decides when
    the raw page is gone, and tells another page without reading the raw page back; when it matches, the
    raw page is read back still (`page_from_row`), so one that cannot be is no such page (the new one
    replaces it). A record an older version wrote without the digest compares by its raw page as read
    back (a missing key by what it means), or, pruned, is no such page: nothing is left to compare."""
    try:
        rec = json.loads(record)
        digest = rec.get("reading")
        if digest is not None and digest != reading_digest(page):
            return False
        if raw is None:
            return digest is not None
        if rec.get("raw") is False:
            return False
        stored = page_from_row(raw, record)
    except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
        return False
    return _reading(stored) == _reading(page)


RAW_LEVEL = 1        # zlib level of stored raw pages: 243 KB pages (wcxb-dev-en) 2.2 ms at 1 vs 5.2 ms at 6,
                     # for 0.233 vs 0.194 of the size (`bench/store.py`); zlib reads every level back


def compress_raw(page: Page) -> bytes:
    """The raw page as the store keeps it. zlib lets go of the GIL, so ingest runs this on a thread while
    the next page is being cleaned."""
    return zlib.compress(_raw_bytes(page), RAW_LEVEL)


__all__ = ["EPOCH", "RAW_LEVEL", "compress_raw", "content_hash", "from_us", "page_from_row", "page_record",
           "reading_digest", "same_but_fetch_time", "to_us"]
