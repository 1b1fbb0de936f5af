"""The article store: one SQLite file (stdlib), WAL mode, a schema version with migrations.

One row per article, under an id that never changes: from the canonical URL when one is known, else
from a fingerprint of the opening body text (never the title or the file path). Every way an article
was recognised (URL, exact raw page, opening text) is kept as an alias of that id, so a moved file, an
edited headline or a re-clean lands on the same row. Rows keep the raw page (zlib) for `reclean`, the
Article as JSON, a content hash, first-seen and changed-at times (µs since the epoch, UTC). `changed_at`
is unique across the store: feed validators warn when two entries share an `updated` value.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cleanfeed.errors import StoreError
from cleanfeed.model import Article, Page, article_from_json, article_to_json
from cleanfeed.rules.project import FeedSpec
from cleanfeed.store.gate import admit, admit_article
from cleanfeed.store.identity import canonical_url, fingerprint, identity_keys, new_id, url_key
from cleanfeed.store.records import (
    EPOCH,
    compress_raw,
    content_hash,
    from_us,
    page_from_row,
    page_record,
    same_but_fetch_time,
    to_us,
)
from cleanfeed.store.schema import MIGRATIONS
from cleanfeed.timeutil import UTC

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredItem:
    """One live article as the feed writers see it."""

    id: str
    article: Article
    first_seen: datetime
    changed_at: datetime


# ----------------------------------------------------------------------------- the store

class Store:
    """`with Store.open(path) as store:`; writes go through `transaction()` (one per batch)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: Path, *, timeout: float = 30.0) -> Store:
        """Open (creating or migrating) the store; `timeout` is how long a write waits for another writer."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:                             # `.cleanfeed` is a file, a read-only disk, …
            raise StoreError(f"cannot make the store's folder: {exc.strerror or exc}",
                             source=str(exc.filename or path.parent)) from exc
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store: {exc}", source=str(path)) from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")        # readers (serve) never block the writer
            conn.execute("PRAGMA synchronous=NORMAL")      # WAL + NORMAL: a killed process loses nothing committed
            conn.execute("PRAGMA cache_size=-32768")       # 32 MB of pages (default 2 MB): index pages stay warm
            conn.execute("PRAGMA journal_size_limit=67108864")   # the WAL shrinks back to 64 MB once checkpointed
            store = cls(conn, path)
            store._migrate()
        except BaseException as exc:                       # a store we cannot use is closed, never left open
            conn.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"cannot open the store: {exc}", source=str(path)) from exc
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        if self.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
            return                                             # up to date: no write lock for readers
        with self.transaction():
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"store schema v{version} is newer than this cleanfeed (v{len(MIGRATIONS)})",
                                 source=str(self.path))
            for n in range(version, len(MIGRATIONS)):
                for step in MIGRATIONS[n]:
                    if isinstance(step, str):
                        self.conn.execute(step)
                    else:
                        step(self.conn)
                self.conn.execute(f"PRAGMA user_version = {n + 1}")
                log.info("store %s migrated to schema v%d", self.path, n + 1)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:               # locked by another writer for `timeout` seconds
            raise StoreError(f"cannot write: {exc}", source=str(self.path)) from exc
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:           # disk full, I/O error: nothing of the batch is kept
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"cannot commit: {exc}", source=str(self.path)) from exc
        finally:
            self._depth = 0

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """One record inside a batch transaction: when it fails, only its own writes are undone."""
        self.conn.execute("SAVEPOINT record")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO record")
            self.conn.execute("RELEASE record")
            raise
        self.conn.execute("RELEASE record")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every feed of a publish sees the same store, even while `add` writes."""
        if self._depth:
            yield
            return
        self.conn.execute("BEGIN")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self.conn.execute("COMMIT")

    # -- lookups

    def _find(self, keys: Sequence[str], url: str | None) -> sqlite3.Row | tuple[Any, ...] | None:
        """The row one of `keys` names. A text key (`raw:`, `fp:`) finds a row only when both have the same
        URL or both have none: a page with a URL whose body equals a stored URL-less page is another copy
        (it joins that page's story) and must not overwrite its site, title and date."""
        for key in keys:
            row = self.conn.execute("SELECT a.id, a.url, a.removed, a.changed_at, a.content_hash FROM aliases k "
                                    "JOIN articles a ON a.id = k.id WHERE k.key = ?", (key,)).fetchone()
            if row and (key.startswith("url:") or row[1] == url):
                return row  # type: ignore[no-any-return]
        return None

    def resolve(self, url_or_id: str) -> str | None:
        """The id of a stored article (live or removed) by its URL, its id, or a feed entry's id
        (`tag:host,2024:id`, what a reader shows)."""
        if url_or_id.startswith("tag:"):
            url_or_id = url_or_id.rsplit("/", 1)[-1]
        key = url_key(url_or_id)
        row = self.conn.execute("SELECT id FROM aliases WHERE key = ?", (key,)).fetchone() if key else \
            self.conn.execute("SELECT id FROM articles WHERE id = ?", (url_or_id.strip(),)).fetchone()
        return row[0] if row else None

    def has_url(self, url: str) -> bool:
        """True when an article from `url` is stored, removed ones included (so they are not fetched again)."""
        key = url_key(url)
        return bool(key and self.conn.execute("SELECT 1 FROM aliases WHERE key = ?", (key,)).fetchone())

    def _add_aliases(self, keys: Iterable[str], article_id: str) -> None:
        """Keys (`url:…`, `fp:…`) that find `article_id`; a key already taken keeps its article."""
        self.conn.executemany("INSERT OR IGNORE INTO aliases (key, id) VALUES (?, ?)", [(k, article_id) for k in keys])

    def _free_time(self, us: int) -> int:
        """The first changed_at ≥ `us` no other row holds (equal <updated> values make validators warn)."""
        if not self.conn.execute("SELECT 1 FROM articles WHERE changed_at = ?", (us,)).fetchone():
            return us
        row = self.conn.execute("SELECT MIN(c.changed_at) + 1 FROM articles c WHERE c.changed_at >= ? AND NOT EXISTS "
                                "(SELECT 1 FROM articles d WHERE d.changed_at = c.changed_at + 1)", (us,)).fetchone()
        return int(row[0])

    # -- writes

    def upsert(self, page: Page, article: Article) -> str:
        """Store one cleaned page: "new", "changed" (same id, new changed_at), "unchanged" or "removed"."""
        return self.put(page, article)[0]

    def put(self, page: Page, article: Article, *, keep_raw: bool = True, compressed: bytes | None = None,
            sanitized: bool = False, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> tuple[str, str]:
        """`upsert` that also returns the article's id. A page without fetch time is first seen `now()`.
        The pair passes the gate first (RecordError, nothing written, when it is refused); `keep_raw=False`
        stores no raw page (an article cleaned elsewhere: `reclean` skips it). `compressed` is the raw page
        as `compress_raw` gives it, when the caller made it already (ingest does, on another thread);
        `sanitized` says the body HTML is the cleaner's own output from this process."""
        page, article = admit(page, article, now=now(), sanitized=sanitized)
        keys = identity_keys(page, article)
        canon = canonical_url(article.url or page.url or "")
        data = article_to_json(article)
        digest = content_hash(data)
        seen = to_us(page.fetched_at) if page.fetched_at else to_us(now())   # unknown fetch time: first seen now
        with self.transaction():
            row = self._find(keys, canon)
            if row is None:
                status, article_id = "new", self._unused_id(new_id(keys))
                self.conn.execute("INSERT INTO articles (id, first_seen, changed_at) VALUES (?, ?, ?)",
                                  (article_id, seen, self._free_time(seen)))
            else:
                article_id, _url, removed, old_changed, old_hash = row
                status = "removed" if removed else "unchanged" if old_hash == digest else "changed"
                if status == "changed" and keep_raw and self._same_page(article_id, page):
                    status = "unchanged"
                if status == "changed":
                    when = self._free_time(max(seen, old_changed + 1))
                    self.conn.execute("UPDATE articles SET changed_at = ? WHERE id = ?", (when, article_id))
            if status in ("new", "changed"):
                raw = (compressed if compressed is not None else compress_raw(page)) if keep_raw else None
                self._write(article_id, page, data, digest, canon, keep_raw, raw)
                self._index_story(article_id, article)
            self._add_aliases(keys, article_id)
            # An article's later pages are known too, so a crawl never stores page 2 as an article of its own.
            self._add_aliases([k for part in page.parts if (k := url_key(part.url))], article_id)
        return status, article_id

    def _same_page(self, article_id: str, page: Page) -> bool:
        """The stored page is `page` fetched at another time (records.same_but_fetch_time: the same bytes,
        URL, zone, hints and parts, from wherever it was read; by the record's digest once `prune` dropped
        the raw page). Such a page is read again, not changed: its year-less and relative dates were read
        against its first fetch (re-adding a file with a later `--fetched-at` or a newer file time moved
        `September 29` a year on)."""
        row = self.conn.execute("SELECT raw, page FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row or not row[1]:
            return False
        return same_but_fetch_time(row[0], row[1], page)

    def _index_story(self, article_id: str, article: Article) -> None:
        """Near-duplicate index (cleanfeed/storydb.py), in the same transaction as the article; imported
        here so that readers of the store (serve) never load the fingerprint code."""
        from cleanfeed.store.stories import index_article
        index_article(self.conn, article_id, article)

    def _unused_id(self, candidate: str) -> str:
        n, article_id = 1, candidate
        while self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            n += 1
            article_id = f"{candidate}-{n}"
        return article_id

    def _write(self, article_id: str, page: Page | None, data: dict[str, Any], digest: str, canon: str | None,
               keep_raw: bool = True, raw: bytes | None = None) -> None:
        """The article's columns (a trigger gives the row a new `rev`: the feed bookkeeping catches up from
        it); the raw page too unless `page` is None (a re-clean of the stored one). One UPDATE per write."""
        published = data.get("published")
        sort = to_us(datetime.fromisoformat(published["value"])) if published else None
        sql = ("UPDATE articles SET url = COALESCE(?, url), sort_time = COALESCE(?, first_seen), language = ?, "
               "site = ?, content_hash = ?, article = ?")
        values = [canon, sort, data.get("language"), data.get("site"), digest, json.dumps(data, ensure_ascii=False)]
        if page is not None:
            sql += ", raw = ?, page = ?"
            values += [raw, page_record(page, keep_raw)]
        self.conn.execute(sql + " WHERE id = ?", [*values, article_id])

    def replace_article(self, article_id: str, article: Article) -> str:
        """A re-cleaned article for a stored row (same id, same raw page): "changed" or "unchanged".
        It passes the gate like any article (RecordError, nothing written, when refused)."""
        article = admit_article(article, source=article_id)
        data = article_to_json(article)
        digest = content_hash(data)
        with self.transaction():
            old_changed, old_hash = self.conn.execute(
                "SELECT changed_at, content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if old_hash == digest:
                return "unchanged"
            when = self._free_time(old_changed + 1)                 # no fetch, no clock: just after the last change
            self.conn.execute("UPDATE articles SET changed_at = ? WHERE id = ?", (when, article_id))
            self._write(article_id, None, data, digest, None)
            self._index_story(article_id, article)
            fp = fingerprint(article.text)
            if fp:
                self._add_aliases(["fp:" + fp], article_id)
        return "changed"

    def remove(self, url_or_id: str) -> str | None:
        """Tombstone an article (it stays out of every feed, even when its page comes again); its id or None.
        An unknown URL gets a tombstone too, so the page never gets in."""
        with self.transaction():
            article_id = self.resolve(url_or_id)
            key = url_key(url_or_id)
            if article_id is None and key:
                article_id = self._unused_id(new_id([key]))
                self.conn.execute("INSERT INTO articles (id, url, removed) VALUES (?, ?, 1)",
                                  (article_id, canonical_url(url_or_id)))
                self._add_aliases([key], article_id)
            elif article_id is not None:
                self.conn.execute("UPDATE articles SET removed = 1 WHERE id = ?", (article_id,))
        return article_id

    # -- reads

    def newest(self, *, languages: Sequence[str] = (), sites: Sequence[str] = (), limit: int = 50,
               keep: Callable[[Article], bool] | None = None, members: str | None = None) -> list[StoredItem]:
        """Up to `limit` live articles, newest first (published, else first seen), read through the index:
        the cost follows `limit`, not the size of the store. `members`: the articles a keyword feed of
        that signature takes (`feedindex.py`; its language and site filters are applied already)."""
        if members is not None:
            return self._read_newest("SELECT a.id, a.first_seen, a.changed_at, a.article FROM feed_members m "
                                     "JOIN articles a ON a.id = m.id WHERE m.signature = ? AND a.removed = 0 "
                                     "ORDER BY m.sort_time DESC, m.changed_at DESC", [members], limit, keep)
        where, params = ["removed = 0"], []
        if languages:
            where.append("(" + " OR ".join(["language = ? COLLATE NOCASE OR language LIKE ?"] * len(languages)) + ")")
            for tag in languages:
                params += [tag, tag + "-%"]
        if sites:
            where.append(f"site IN ({', '.join('?' * len(sites))})")
            params += list(sites)
        return self._read_newest("SELECT id, first_seen, changed_at, article FROM articles WHERE "
                                 f"{' AND '.join(where)} ORDER BY sort_time DESC, changed_at DESC", params, limit, keep)

    def _read_newest(self, sql: str, params: Sequence[Any], limit: int, keep: Callable[[Article], bool] | None
                     ) -> list[StoredItem]:
        cur = self.conn.execute(sql, params)
        out: list[StoredItem] = []
        try:
            while len(out) < limit and (rows := cur.fetchmany(max(limit, 16))):
                for article_id, first_seen, changed_at, text in rows:
                    article = article_from_json(json.loads(text))
                    if (keep is None or keep(article)) and len(out) < limit:
                        out.append(StoredItem(article_id, article, from_us(first_seen), from_us(changed_at)))
        finally:
            cur.close()
        return out

    def catch_up_feeds(self, specs: Iterable[FeedSpec], *, drop_others: bool = False) -> int:
        """Bring the keyword feeds' members up to date (`feedindex.catch_up`); how many articles were judged."""
        from cleanfeed.store.feedindex import catch_up

        with self.transaction():
            return catch_up(self.conn, specs, drop_others=drop_others)

    def stored_ids(self, site: str | None = None, *, raw: bool = True) -> list[str]:
        """Ids of live articles with a raw page (`raw=False`: those without one, stored cleaned from a shard):
        all, or one site's plus those no site rule matched."""
        has = "NOT NULL" if raw else "NULL"
        sql = f"SELECT id FROM articles WHERE removed = 0 AND article IS NOT NULL AND raw IS {has}"
        if site:
            return [r[0] for r in self.conn.execute(sql + " AND (site = ? OR site IS NULL) ORDER BY id", (site,))]
        return [r[0] for r in self.conn.execute(sql + " ORDER BY id")]

    def stored_page(self, article_id: str) -> tuple[str | None, Page]:
        """(site, raw page) of one article, to clean it again; one row at a time keeps memory flat."""
        row = self.conn.execute("SELECT site, raw, page FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or row[1] is None:
            raise KeyError(article_id)
        return row[0], page_from_row(row[1], row[2])

    def languages(self) -> dict[str, int]:
        """Live articles per language tag (`""` for none): what an empty feed's language filter left out."""
        rows = self.conn.execute("SELECT COALESCE(language, ''), COUNT(*) FROM articles WHERE removed = 0 "
                                 "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        return {str(lang): int(n) for lang, n in rows}

    def counts(self) -> dict[str, int]:
        live, removed = self.conn.execute("SELECT COALESCE(SUM(removed = 0), 0), COALESCE(SUM(removed), 0) "
                                          "FROM articles").fetchone()
        return {"articles": int(live), "removed": int(removed)}


__all__ = [
    "EPOCH",
    "MIGRATIONS",
    "Store",
    "StoreError",
    "StoredItem",
    "compress_raw",
    "content_hash",
    "from_us",
    "page_from_row",
    "to_us",
]
