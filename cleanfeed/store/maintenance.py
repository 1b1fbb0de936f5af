"""Store upkeep that no write needs: dropping old raw pages (`cleanfeed prune`), giving space back."""
from __future__ import annotations

from cleanfeed.store.db import Store


def drop_raw(store: Store, before_us: int) -> tuple[int, int]:
    """Drop the raw pages of live and removed articles first seen before `before_us` (µs since 1970):
    (pages dropped, bytes freed). Their page records say `"raw": false`, as for shards without raw."""
    with store.transaction():
        pages, size = store.conn.execute("SELECT COUNT(*), COALESCE(SUM(LENGTH(raw)), 0) FROM articles "
                                         "WHERE raw IS NOT NULL AND first_seen < ?", (before_us,)).fetchone()
        store.conn.execute("UPDATE articles SET raw = NULL, page = json_set(COALESCE(page, '{}'), '$.raw', "
                           "json('false')) WHERE raw IS NOT NULL AND first_seen < ?", (before_us,))
    return int(pages), int(size)


def vacuum(store: Store) -> None:
    """Rewrite the file without its free pages (needs as much free disk as the store takes)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("VACUUM")


__all__ = ["drop_raw", "vacuum"]
