"""What the crawler remembers between runs about URLs: validators for conditional GET, listing bodies, redirects.

A separate SQLite file (`.cleanfeed/http-cache.sqlite`), not a table in the article store: the store is
the project's record (schema versions, migrations, crash-safety promises), while this is a disposable
cache — deleting it costs one full refetch and nothing else, and it never has to migrate with the store.
"""
from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from cleanfeed.errors import CacheError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    body BLOB,              -- zlib; kept for listing pages only, so a 304 still yields their links
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS redirects (
    url TEXT PRIMARY KEY,   -- an article link that redirected …
    target TEXT NOT NULL    -- … to the URL the page is stored under
);
"""


@dataclass(frozen=True)
class Cached:
    etag: str | None
    last_modified: str | None
    content_type: str | None
    body: bytes | None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class CrawlCache:
    """Per-URL validators (ETag, Last-Modified) and redirect targets; `":memory:"` for tests."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise CacheError(f"cannot open the crawl cache: {exc}", source=str(path)) from exc
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")   # no fsync per response (was 10+ ms each): a cache
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:           # not a cache file: closed, not left to the collector
            self._db.close()
            raise CacheError(f"cannot open the crawl cache: {exc}", source=str(path)) from exc

    def get(self, url: str) -> Cached | None:
        row = self._db.execute("SELECT etag, last_modified, content_type, body FROM validators WHERE url = ?",
                               (url,)).fetchone()
        if row is None:
            return None
        return Cached(row[0], row[1], row[2], zlib.decompress(row[3]) if row[3] is not None else None)

    def remember(self, url: str, *, etag: str | None, last_modified: str | None, content_type: str | None,
                 body: bytes | None, fetched_at: datetime) -> None:
        """Keep the validators (and `body` when given); a response without validators forgets the URL."""
        if not etag and not last_modified:
            self._db.execute("DELETE FROM validators WHERE url = ?", (url,))
            return
        self._db.execute(
            "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?, ?, ?)",
            (url, etag, last_modified, content_type, zlib.compress(body) if body is not None else None,
             fetched_at.isoformat()))

    def remember_redirect(self, url: str, target: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (url, target))

    def redirect_target(self, url: str) -> str | None:
        row = self._db.execute("SELECT target FROM redirects WHERE url = ?", (url,)).fetchone()
        return str(row[0]) if row else None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CrawlCache:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


__all__ = ["CrawlCache", "Cached", "CacheError"]
