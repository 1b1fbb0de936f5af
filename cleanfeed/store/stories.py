"""Story groups kept in the store: one MinHash fingerprint per article, an LSH band-key table, and links.

Adding an article (`index_article`, inside the store's write transaction) looks its band keys up
through the `dupe_bands` primary key, so the cost follows the number of look-alikes, not the size of
the store (bench/dupes.py: the same time per add with 10k and 100k stored). The candidates are then
compared exactly: the share of the smaller body's shingles found in the other (`dupes.containment`).
Every pair that reaches `LINK_FLOOR` (the lowest threshold a feed may set) is kept as a link from the
later article (by insertion order) to the earlier one, with that similarity.

Stories are read per feed, at the feed's threshold: an article's parent is its most similar earlier
article above the threshold, and its story is the root of that chain: the earliest-added member. A
story's id therefore never changes when later reprints arrive (they only ever become children), and a
split (`split`) is a remembered pair block, so the split article can never point back into its old story.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cleanfeed.model import Article, article_from_json
from cleanfeed.rules.project import FeedSpec
from cleanfeed.store import fingerprint as dupes

log = logging.getLogger(__name__)

LINK_FLOOR = 0.5          # links below this are not kept; project.py rejects dedupe_threshold below it
DEFAULT_THRESHOLD = 0.8   # bench/dupes.py: precision 0.9994, recall 0.965; recall barely moves from 0.5 to 0.8
MAX_CANDIDATES = 200      # signatures compared per add: an article with thousands of look-alikes stays cheap


@dataclass(frozen=True)
class Member:
    """One article of a story: `parent` is the earlier article it joined, `similarity` to that one."""

    id: str
    parent: str | None
    similarity: float | None


@dataclass(frozen=True)
class Story:
    id: str                               # the root: the member added first
    members: tuple[Member, ...]           # the root first, then in the order they were added


# ----------------------------------------------------------------------------- writing

_BODIES: OrderedDict[str, dupes.Body] = OrderedDict()   # content hash → the body's shingles, most recent last
_LOCK = threading.Lock()
BODY_CACHE = 512      # a crawl compares each new page with the same recent articles again and again: the
                      # crawl fixture's 300 look-alike pages read 40,000 candidate bodies, 134 per add


def _remembered(digest: str | None) -> dupes.Body | None:
    if digest is None:
        return None
    with _LOCK:                   # `serve --watch` stores from its own thread
        found = _BODIES.get(digest)
        if found is not None:
            _BODIES.move_to_end(digest)
        return found


def _remember(digest: str | None, found: dupes.Body) -> None:
    """Keep the body under the article's content hash (`records.content_hash`, 128 bits of SHA-256 over the
    article's JSON, text included): the same hash is the same text in every store and after every re-clean,
    and a candidate's hash comes with the band-key look-up, so a remembered body costs no read of its text."""
    if digest is None:
        return
    with _LOCK:
        _BODIES[digest] = found
        _BODIES.move_to_end(digest)
        if len(_BODIES) > BODY_CACHE:
            _BODIES.popitem(last=False)


def _bodies(conn: sqlite3.Connection, near: list[tuple[int, str | None]]) -> Iterator[tuple[int, dupes.Body]]:
    """The shingles of stored articles (exact comparison of the LSH candidates): remembered ones by their
    content hash, the others from their clean text (SQLite takes it out of the JSON: only the text is decoded)."""
    missing = []
    for seq, digest in near:
        found = _remembered(digest)
        if found is None:
            missing.append(seq)
        else:
            yield seq, found
    if not missing:
        return
    rows = conn.execute(f"SELECT d.seq, a.content_hash, json_extract(a.article, '$.text') FROM dupe_docs d "
                        f"JOIN articles a ON a.id = d.id WHERE d.seq IN ({','.join('?' * len(missing))}) "
                        "AND a.article IS NOT NULL", missing)
    for seq, digest, text in rows:
        found = dupes.Body.of(text or "")
        _remember(digest, found)
        yield seq, found


def _candidates(conn: sqlite3.Connection, keys: list[int], seq: int) -> list[tuple[int, int, str | None]]:
    """(seq, shingle count, content hash) of stored articles sharing a band key, those sharing the most
    bands first, at most MAX_CANDIDATES: read through the (key, seq) primary key, never a scan; the counts
    and hashes are joined to the MAX_CANDIDATES chosen, not to every band row (a crawl of look-alike pages:
    ~130 candidates × 64 bands an add)."""
    rows = conn.execute(f"SELECT c.seq, d.shingles, a.content_hash FROM (SELECT seq, COUNT(*) AS n FROM dupe_bands "
                        f"WHERE key IN ({','.join('?' * len(keys))}) AND seq != ? GROUP BY seq "
                        "ORDER BY n DESC, seq LIMIT ?) c JOIN dupe_docs d ON d.seq = c.seq "
                        "LEFT JOIN articles a ON a.id = d.id ORDER BY c.n DESC, c.seq", [*keys, seq, MAX_CANDIDATES])
    return [(r[0], r[1], r[2]) for r in rows]


def index_article(conn: sqlite3.Connection, article_id: str, article: Article) -> None:
    """Add or refresh one article's fingerprint, band keys and links (call inside a write transaction)."""
    reading = dupes.read(article.text)              # tokenised once, for the fingerprint and the comparison
    fp = dupes.fingerprint_of(reading)
    row = conn.execute("SELECT seq, shingles, sig FROM dupe_docs WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        seq = int(conn.execute("INSERT INTO dupe_docs (id, shingles, sig) VALUES (?, ?, ?)",
                               (article_id, fp.shingles, fp.to_bytes())).lastrowid or 0)
    else:
        seq, old = row[0], dupes.Fingerprint.from_bytes(row[2], row[1])
        if old.shingles == fp.shingles and old.signature == fp.signature:
            return                                         # a re-clean that left the body as it was
        conn.executemany("DELETE FROM dupe_bands WHERE key = ? AND seq = ?", [(k, seq) for k in dupes.band_keys(old)])
        conn.execute("DELETE FROM dupe_links WHERE later = ?", (seq,))
        conn.execute("DELETE FROM dupe_links WHERE earlier = ?", (seq,))
        conn.execute("UPDATE dupe_docs SET shingles = ?, sig = ? WHERE seq = ?", (fp.shingles, fp.to_bytes(), seq))
    if fp.shingles < dupes.MIN_SHINGLES:
        return                                             # too short to ever be merged: not in the index
    keys = dupes.band_keys(fp)
    near = [(other, digest) for other, n, digest in _candidates(conn, keys, seq)
            if dupes.required(0.0, fp.shingles, n) is not None]
    if near:
        own = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        links = _links(seq, dupes.Body.of_reading(reading), own[0] if own else None, _bodies(conn, near))
    else:
        links = []
    conn.executemany("INSERT OR REPLACE INTO dupe_links (later, earlier, sim, floor) VALUES (?, ?, ?, ?)", links)
    conn.executemany("INSERT OR IGNORE INTO dupe_bands (key, seq) VALUES (?, ?)", [(k, seq) for k in keys])


def _links(seq: int, mine: dupes.Body, digest: str | None, others: Iterable[tuple[int, dupes.Body]]
           ) -> list[tuple[int, int, float, float]]:
    """(later, earlier, similarity, floor) for the candidates whose bodies this one really repeats. Its
    own body is remembered: the next look-alike of a crawl compares with it without reading its text."""
    _remember(digest, mine)
    links = []
    for other_seq, other in others:
        found = dupes.link(mine, other)
        if found is not None and found[0] >= max(found[1], LINK_FLOOR):
            links.append((max(seq, other_seq), min(seq, other_seq), *found))
    return links


def feed_threshold(spec: FeedSpec) -> float:
    """The story-grouping threshold a feed asks for (`dedupe_threshold`), else the default."""
    return spec.dedupe_threshold or DEFAULT_THRESHOLD


def index_missing(conn: sqlite3.Connection) -> int:
    """Index the stored articles that have no fingerprint yet (a store made before schema v2), oldest
    first so that story ids follow arrival order; how many. Call inside a write transaction."""
    rows = conn.execute("SELECT a.id, a.article FROM articles a LEFT JOIN dupe_docs d ON d.id = a.id "
                        "WHERE d.id IS NULL AND a.article IS NOT NULL ORDER BY a.first_seen, a.id").fetchall()
    for article_id, text in rows:
        index_article(conn, article_id, article_from_json(json.loads(text)))
    return len(rows)


def refingerprint(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Compute every stored fingerprint and band key again (the MinHash scheme changed: schema v5) and
    keep every link and split: a story found before stays the same story. Oldest first, `batch` articles
    read at a time; how many. Call inside a write transaction."""
    seqs = [r[0] for r in conn.execute("SELECT seq FROM dupe_docs ORDER BY seq")]
    if seqs:
        log.warning("updating the reprint index of %d stored articles to the new fingerprint scheme (once)",
                    len(seqs))
    conn.execute("DELETE FROM dupe_bands")
    for start in range(0, len(seqs), batch):
        chunk = seqs[start:start + batch]
        rows = conn.execute("SELECT d.seq, a.article FROM dupe_docs d LEFT JOIN articles a ON a.id = d.id "
                            f"WHERE d.seq IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        for seq, text in rows:
            fp = dupes.fingerprint((json.loads(text).get("text") or "") if text else "")
            conn.execute("UPDATE dupe_docs SET shingles = ?, sig = ? WHERE seq = ?", (fp.shingles, fp.to_bytes(), seq))
            if fp.shingles >= dupes.MIN_SHINGLES:
                conn.executemany("INSERT OR IGNORE INTO dupe_bands (key, seq) VALUES (?, ?)",
                                 [(k, seq) for k in dupes.band_keys(fp)])
    return len(seqs)


# ----------------------------------------------------------------------------- reading

class Stories:
    """Story membership at one threshold, read lazily from the links and memoised (one publish, one audit)."""

    def __init__(self, conn: sqlite3.Connection, threshold: float = DEFAULT_THRESHOLD) -> None:
        if threshold < LINK_FLOOR:
            raise ValueError(f"threshold {threshold} is below the stored links' floor {LINK_FLOOR}")
        self.conn, self.threshold = conn, threshold
        self._ids: dict[int, str] = {}
        self._parents: dict[int, tuple[int, float] | None] = {}

    def seq(self, article_id: str) -> int | None:
        row = self.conn.execute("SELECT seq FROM dupe_docs WHERE id = ?", (article_id,)).fetchone()
        if row:
            self._ids[row[0]] = article_id
        return row[0] if row else None

    def id(self, seq: int) -> str:
        if seq not in self._ids:
            self._ids[seq] = self.conn.execute("SELECT id FROM dupe_docs WHERE seq = ?", (seq,)).fetchone()[0]
        return self._ids[seq]

    def blocked(self, a: int, b: int) -> bool:
        x, y = sorted((self.id(a), self.id(b)))
        return self.conn.execute("SELECT 1 FROM dupe_splits WHERE a = ? AND b = ?", (x, y)).fetchone() is not None

    def parent(self, seq: int) -> tuple[int, float] | None:
        """The most similar earlier article above the threshold (not split from this one), and the similarity."""
        if seq not in self._parents:
            rows = self.conn.execute("SELECT earlier, sim FROM dupe_links WHERE later = ? AND sim >= MAX(?, floor) "
                                     "ORDER BY sim DESC, earlier", (seq, self.threshold)).fetchall()
            self._parents[seq] = next(((e, s) for e, s in rows if not self.blocked(seq, e)), None)
        return self._parents[seq]

    def root(self, seq: int) -> int:
        while (up := self.parent(seq)) is not None:       # parents are always earlier: the chain ends
            seq = up[0]
        return seq

    def members(self, root: int) -> list[int]:
        """The root and everything whose chain leads to it, in the order they were added."""
        out, todo = [], [root]
        while todo:
            seq = todo.pop()
            out.append(seq)
            for (later,) in self.conn.execute("SELECT later FROM dupe_links WHERE earlier = ? AND sim >= MAX(?, floor)",
                                              (seq, self.threshold)).fetchall():
                parent = self.parent(later)
                if parent is not None and parent[0] == seq:
                    todo.append(later)
        return sorted(out)

    def story(self, article_id: str) -> Story:
        """The story an article belongs to (a story of one when it has no look-alike or was never indexed)."""
        seq = self.seq(article_id)
        if seq is None:
            return Story(article_id, (Member(article_id, None, None),))
        return self._story(self.root(seq))

    def _story(self, root: int) -> Story:
        members = []
        for seq in self.members(root):
            parent = self.parent(seq) if seq != root else None
            members.append(Member(self.id(seq), self.id(parent[0]) if parent else None, parent[1] if parent else None))
        return Story(self.id(root), tuple(members))

    def all_groups(self) -> list[Story]:
        """Every story with more than one member, oldest root first (for `cleanfeed dupes`)."""
        linked = [r[0] for r in self.conn.execute("SELECT DISTINCT later FROM dupe_links WHERE sim >= MAX(?, floor)",
                                                  (self.threshold,))]
        roots = sorted({self.root(seq) for seq in linked if self.parent(seq) is not None})
        return [self._story(root) for root in roots]


def split(conn: sqlite3.Connection, article_id: str, threshold: float = DEFAULT_THRESHOLD) -> Story | None:
    """Take an article out of its story for good: every pair (it, other member) is blocked. Returns the
    story it was in, or None when it was alone. Call inside a write transaction."""
    story = Stories(conn, threshold).story(article_id)
    if len(story.members) < 2:
        return None
    pairs = [tuple(sorted((article_id, m.id))) for m in story.members if m.id != article_id]
    conn.executemany("INSERT OR IGNORE INTO dupe_splits (a, b) VALUES (?, ?)", pairs)
    log.info("split %s from story %s (%d blocks)", article_id, story.id, len(pairs))
    return story


__all__ = ["DEFAULT_THRESHOLD", "LINK_FLOOR", "Member", "Stories", "Story", "index_article", "index_missing",
           "refingerprint", "split"]
