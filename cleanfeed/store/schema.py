"""The store's schema, one step per version: `PRAGMA user_version` says which steps a store has had, and
`Store.open` runs the rest in one transaction. A step is SQL, or a data migration in Python. Never edit a
step once released: add one (tests/test_store_migration.py opens a store the previous release made).
A new key in a JSON column (`page`, `article`) needs no step: rows written before lack it, and its readers
take that as "not known" (the page record's `reading` digest, records.page_record)."""
from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable

Step = str | Callable[[sqlite3.Connection], None]      # an SQL statement, or a data migration in Python


def _refingerprint(conn: sqlite3.Connection) -> None:
    """v5: the reprint index's MinHash changed scheme (datasketch → store/minhash.py, no numpy)."""
    from cleanfeed.store.stories import refingerprint
    refingerprint(conn)


def _drop_copied_text(conn: sqlite3.Connection) -> None:
    """v3: articles stored from clean-corpus shards without `--keep-raw` kept their clean *text* as the
    "raw page", so `reclean` cleaned clean text again (titles became first sentences, dates were lost).
    Such rows (text/plain, stored from a str, no time zone — every page `add` reads gets the project's —
    and a raw page equal to the article's text) now have no raw page; `reclean` skips them and says so."""
    rows = conn.execute(
        "SELECT id, raw, page, article FROM articles WHERE raw IS NOT NULL AND article IS NOT NULL "
        "AND json_extract(page, '$.content_type') = 'text/plain' AND json_extract(page, '$.text') = 1 "
        "AND json_extract(page, '$.timezone') IS NULL")
    for article_id, raw, record, article in rows.fetchall():
        if zlib.decompress(raw).decode("utf-8", "surrogatepass") == json.loads(article).get("text"):
            conn.execute("UPDATE articles SET raw = NULL, page = ? WHERE id = ?",
                         (json.dumps({**json.loads(record), "raw": False}, ensure_ascii=False), article_id))


MIGRATIONS: tuple[tuple[Step, ...], ...] = (   # one tuple of statements per schema version
    (  # v1
        """CREATE TABLE articles (
            id           TEXT PRIMARY KEY,
            url          TEXT,                    -- canonical URL, NULL when the page had none
            removed      INTEGER NOT NULL DEFAULT 0,
            first_seen   INTEGER,                 -- µs since 1970 UTC: the page's fetch time when it was new
            changed_at   INTEGER UNIQUE,          -- µs: when the content last changed, unique per store
            sort_time    INTEGER,                 -- published if known, else first_seen: feed order
            language     TEXT,
            site         TEXT,
            content_hash TEXT,
            raw          BLOB,                    -- zlib-compressed page body, to clean it again
            page         TEXT,                    -- JSON: the page's record (url, fetched_at, ...)
            article      TEXT                     -- JSON: the Article
        )""",
        "CREATE INDEX articles_newest ON articles (sort_time DESC, changed_at DESC) WHERE removed = 0",
        "CREATE TABLE aliases (key TEXT PRIMARY KEY, id TEXT NOT NULL) WITHOUT ROWID",
        "CREATE INDEX aliases_id ON aliases (id)",
    ),
    (  # v2: story groups (cleanfeed/storydb.py): MinHash fingerprints, LSH band keys, links, splits
        """CREATE TABLE dupe_docs (
            seq      INTEGER PRIMARY KEY,            -- insertion order: a story's id is its earliest member
            id       TEXT NOT NULL UNIQUE,           -- articles.id
            shingles INTEGER NOT NULL,
            sig      BLOB NOT NULL                   -- MinHash signature, little-endian uint32s
        )""",
        "CREATE TABLE dupe_bands (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID",
        """CREATE TABLE dupe_links (
            later INTEGER NOT NULL, earlier INTEGER NOT NULL,
            sim   REAL NOT NULL,                     -- estimated Jaccard similarity of the clean bodies
            floor REAL NOT NULL,                     -- the least threshold this pair needs (short articles)
            PRIMARY KEY (later, earlier)) WITHOUT ROWID""",
        "CREATE INDEX dupe_links_earlier ON dupe_links (earlier)",
        "CREATE TABLE dupe_splits (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID",
    ),
    (  # v3: no copied text posing as a raw page (see _drop_copied_text)
        _drop_copied_text,
    ),
    (  # v4: `rev`, a store-wide write counter, and the members of keyword feeds kept up to it (feedindex.py)
        "ALTER TABLE articles ADD COLUMN rev INTEGER",
        "UPDATE articles SET rev = rowid WHERE article IS NOT NULL",
        "CREATE INDEX articles_rev ON articles (rev)",
        """CREATE TABLE feed_state (
            signature TEXT PRIMARY KEY,                 -- a feed's filters (language, sites, keywords), hashed
            rev       INTEGER NOT NULL                  -- every article up to this rev has been judged
        ) WITHOUT ROWID""",
        """CREATE TABLE feed_members (
            signature  TEXT NOT NULL,
            id         TEXT NOT NULL,                   -- articles.id
            sort_time  INTEGER, changed_at INTEGER,     -- copies of the article's, for the feed's order
            PRIMARY KEY (signature, id)) WITHOUT ROWID""",
        "CREATE INDEX feed_members_newest ON feed_members (signature, sort_time DESC, changed_at DESC)",
        # Triggers, so that every writer (an older tool, a script, a bench filling the store with SQL) moves
        # `rev` when an article's content, order or filters change: no write can hide from a feed.
        """CREATE TRIGGER articles_rev_insert AFTER INSERT ON articles WHEN NEW.article IS NOT NULL BEGIN
            UPDATE articles SET rev = (SELECT COALESCE(MAX(rev), 0) + 1 FROM articles) WHERE rowid = NEW.rowid;
        END""",
        """CREATE TRIGGER articles_rev_update AFTER UPDATE OF article, sort_time, changed_at, language, site
            ON articles BEGIN
            UPDATE articles SET rev = (SELECT COALESCE(MAX(rev), 0) + 1 FROM articles) WHERE rowid = NEW.rowid;
        END""",
    ),
    (  # v5: every stored signature and band key in the pure-Python MinHash scheme; links and splits kept
        _refingerprint,
    ),
)


__all__ = ["MIGRATIONS", "Step"]
