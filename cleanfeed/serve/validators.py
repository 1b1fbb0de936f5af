"""HTTP validators and conditional requests (RFC 9110 §8.8, §13): pure functions, no sockets.

Kept apart from the server so every rule is unit-tested on its own: strong ETags from the bytes sent,
Last-Modified from the feed's own `updated`, the precondition order of §13.2.2, Accept-Encoding q-values.
"""
from __future__ import annotations

import logging
import re
from base64 import urlsafe_b64encode
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import NamedTuple, Protocol

log = logging.getLogger(__name__)

_ATOM = "{http://www.w3.org/2005/Atom}"
_ETAGS = re.compile(r'\s*(W/)?("[^"]*")\s*(?:,|$)')


class Headers(Protocol):
    """Request headers: a dict in tests, http.server's Message in the server."""

    def get(self, name: str, default: None = None) -> str | None: ...


class Variant(NamedTuple):      # not a dataclass: `serve` starts without dataclasses (issue #23)
    """One representation's bytes as sent; the strong ETag is the hash of exactly these bytes."""

    body: bytes
    etag: str
    encoding: str | None          # None (identity) or "gzip"


def make_etag(body: bytes) -> str:
    """A strong validator: 144 bits of SHA-256, so equal tags mean equal bytes."""
    import hashlib  # on the first request of a file, not on the start path of `serve`

    return '"' + urlsafe_b64encode(hashlib.sha256(body).digest()[:18]).decode("ascii") + '"'


def feed_updated(suffix: str, body: bytes) -> datetime | None:
    """The feed's own `updated` (Atom), `lastBuildDate` (RSS) or newest item date (JSON Feed), or None."""
    import xml.etree.ElementTree as ET  # on the first request of a file, not on the start path of `serve`

    try:
        if suffix == ".atom":
            text = ET.fromstring(body).findtext(f"{_ATOM}updated")
            return _aware(datetime.fromisoformat(text.strip())) if text else None
        if suffix == ".rss":
            channel = ET.fromstring(body).find("channel")
            text = None if channel is None else channel.findtext("lastBuildDate") or channel.findtext("pubDate")
            return _aware(parsedate_to_datetime(text.strip())) if text else None
        if suffix == ".json":
            import json

            items = json.loads(body).get("items") or []
            dates = [_aware(datetime.fromisoformat(d)) for d in
                     (i.get("date_modified") or i.get("date_published") for i in items if isinstance(i, dict))
                     if isinstance(d, str)]
            return max(dates, default=None)
    except (ET.ParseError, ValueError, TypeError, AttributeError) as exc:
        log.debug("no feed date in %s file: %s", suffix, exc)
    return None


def last_modified(file_mtime: datetime, content_updated: datetime | None, now: datetime) -> datetime:
    """When this representation last changed, in whole seconds: the file's mtime, never earlier than the
    feed's own `updated`, never later than now (RFC 9110 §8.8.2.1).

    Why not the feed's `updated` alone: it does not move when a back-dated page is added (a new entry's
    `updated` is its fetch time), when an item is removed or when the feed's title changes, so a reader
    sending only If-Modified-Since would get a 304 and miss the change (tests/test_serve_publish.py).
    `publish` rewrites a file only when its bytes change, so the mtime moves exactly when the content does,
    and rebuilds that change nothing keep it.
    """
    newest = max(file_mtime, content_updated) if content_updated else file_mtime
    return min(newest, now).replace(microsecond=0)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)   # HTTP dates are GMT


def http_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC), usegmt=True)


def parse_http_date(value: str | None) -> datetime | None:
    """IMF-fixdate, RFC 850 or asctime (RFC 9110 §5.6.7); None when invalid, which means "ignore it"."""
    if not value or value.count(",") > 1:               # a list of dates is invalid too
        return None
    try:
        return _aware(parsedate_to_datetime(value))
    except (ValueError, TypeError, IndexError):
        return None


def accepts_gzip(header: str | None) -> bool:
    """Whether Accept-Encoding allows gzip (or x-gzip, or `*`) with a q-value above zero."""
    if not header:
        return False                                      # absent or empty: send identity
    found: dict[str, float] = {}
    for part in header.lower().split(","):
        name, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, val = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        found[name] = q
    q = found.get("gzip", found.get("x-gzip", found.get("*", 0.0)))
    return q > 0


def etag_matches(header: str, etag: str, *, weak: bool) -> bool:
    """Does an If-None-Match (weak comparison) or If-Match (strong) list name `etag`? `*` matches any."""
    if header.strip() == "*":
        return True
    pos, tags = 0, []
    while pos < len(header):
        m = _ETAGS.match(header, pos)
        if not m:
            return False                                  # malformed list: no match, serve normally
        tags.append((bool(m.group(1)), m.group(2)))
        pos = m.end()
    return any(tag == etag and (weak or not is_weak) for is_weak, tag in tags)


def precondition(method: str, headers: Headers, variant: Variant, last_modified: datetime) -> int | None:
    """412, 304 or None (serve the body), evaluated in RFC 9110 §13.2.2 order."""
    if_match = headers.get("If-Match")
    if if_match is not None:
        if not etag_matches(if_match, variant.etag, weak=False):
            return 412
    else:
        since = parse_http_date(headers.get("If-Unmodified-Since"))
        if since is not None and last_modified > since:
            return 412
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:                         # when present, If-Modified-Since is ignored
        return 304 if etag_matches(if_none_match, variant.etag, weak=True) else None
    since = parse_http_date(headers.get("If-Modified-Since"))
    if since is not None and method in ("GET", "HEAD") and last_modified <= since:
        return 304
    return None
