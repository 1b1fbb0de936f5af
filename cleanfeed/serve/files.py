"""The files `cleanfeed serve` hands out: which request target names which file (never one outside the
folder), and each file read whole once, with its gzip variant and validators, kept in memory until it changes
on disk (keyed by device, inode, mtime_ns and size; files are written with `os.replace`, so a read never sees
half a file)."""
from __future__ import annotations

import gzip
import os
import re
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from cleanfeed.serve.validators import Variant, feed_updated, http_date, last_modified, make_etag

CONTENT_TYPES: Mapping[str, str] = {
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/feed+json",                 # JSON is UTF-8 by definition (RFC 8259): no charset
    ".opml": "text/x-opml; charset=utf-8",            # text/* without charset would mean US-ASCII (RFC 6657)
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",                # public/style.css of the news site
}
MAX_FILE_BYTES = 64 * 2**20       # a feed of max_items entries is KBs to a few MB; anything bigger is not ours


class Resource:
    """One file as served: its two variants and the header lines built for them so far. A plain class, not
    a dataclass: `serve` starts without loading dataclasses (6-7 ms, issue #23)."""

    __slots__ = ("content_type", "last_modified", "identity", "gzipped", "heads")

    def __init__(self, content_type: str, last_modified: datetime, identity: Variant, gzipped: Variant) -> None:
        self.content_type = content_type
        self.last_modified = last_modified           # aware, whole seconds
        self.identity = identity
        self.gzipped = gzipped
        self.heads: dict[tuple[int, bool, bool], bytes] = {}

    def head(self, code: int, gzipped: bool, dated: bool, max_age: int) -> bytes:
        """The response's header lines but Date, built once per (status, variant, Last-Modified shown):
        a feed reader's 304 then costs a dict lookup and one string join instead of ten header lines."""
        key = (code, gzipped, dated)
        if (found := self.heads.get(key)) is not None:
            return found
        variant = self.gzipped if gzipped else self.identity
        lines = [f"ETag: {variant.etag}", f"Cache-Control: max-age={max_age}", "Vary: Accept-Encoding"]
        if code == 200:
            lines += [f"Content-Type: {self.content_type}", "X-Content-Type-Options: nosniff"]
            if dated:
                lines.append(f"Last-Modified: {http_date(self.last_modified)}")
            if variant.encoding:
                lines.append(f"Content-Encoding: {variant.encoding}")
            lines.append(f"Content-Length: {len(variant.body)}")
        head = ("".join(f"{line}\r\n" for line in lines)).encode("latin-1")
        self.heads[key] = head
        return head


def resolve(root: str, target: str) -> str | None:
    """The real path of the file a request target names inside `root`, or None (answer 404).

    Refused without touching the disk: encoded slashes or backslashes, NUL, `.`/`..`/hidden segments,
    empty segments (`//x`, `dir/`), types we do not serve. Then the real path must stay inside `root`
    and not be hidden there, so a symlink cannot lead out.
    """
    if target[:8].lower().startswith(("http://", "https://")):   # absolute-form (RFC 9112 §3.2.2)
        target = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or re.search(r"%(2f|5c|00)", path, re.IGNORECASE):
        return None
    try:
        path = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if path == "/":
        path = "/index.html"
    parts = path[1:].split("/")
    if "\\" in path or "\x00" in path or any(not p or p.startswith(".") for p in parts):
        return None
    real = os.path.realpath(os.path.join(root, *parts))
    rel = os.path.relpath(real, root)
    if rel.startswith("..") or any(p.startswith(".") for p in Path(rel).parts):
        return None
    return real if Path(real).suffix.lower() in CONTENT_TYPES else None


Rewrite = Callable[[bytes], bytes]


def load_resource(real: str, now: float, rewrite: Rewrite | None = None
                  ) -> tuple[tuple[int, int, int, int], Resource] | None:
    """Read the whole file once (handed out through `rewrite` when given); None when it is gone, not a
    regular file, unreadable or too big."""
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
            return None
        body = fh.read()
    if rewrite is not None:
        body = rewrite(body)
    suffix = Path(real).suffix.lower()
    modified = last_modified(datetime.fromtimestamp(st.st_mtime, UTC), feed_updated(suffix, body),
                             datetime.fromtimestamp(now, UTC))
    packed = gzip.compress(body, compresslevel=6, mtime=0)    # mtime=0: same input, same bytes, same tag
    resource = Resource(CONTENT_TYPES[suffix], modified, Variant(body, make_etag(body), None),
                        Variant(packed, make_etag(packed), "gzip"))
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size), resource


class FileCache:
    """Whole files in memory, re-read when (device, inode, mtime_ns, size) changes; LRU-bounded."""

    def __init__(self, max_entries: int = 256) -> None:
        self._items: OrderedDict[str, tuple[tuple[int, int, int, int], Resource]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries

    def get(self, real: str, now: float, rewrite: Rewrite | None = None, variant: str = "") -> Resource | None:
        """The file's resource; a rewritten one is kept apart per `variant` (what the rewrite depends on)."""
        try:
            st = os.stat(real)
        except OSError:
            return None
        key = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
        slot = f"{real}\0{variant}"
        with self._lock:
            hit = self._items.get(slot)
            if hit and hit[0] == key:
                self._items.move_to_end(slot)
                return hit[1]
        loaded = load_resource(real, now, rewrite)   # outside the lock: a slow read never blocks other requests
        if loaded is None:
            return None
        with self._lock:
            self._items[slot] = loaded
            self._items.move_to_end(slot)
            while len(self._items) > self._max:
                self._items.popitem(last=False)
        return loaded[1]
