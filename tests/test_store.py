"""The article store: stable ids (URL, moved file, edited title, re-clean), in-place updates, tombstones,
unique changed_at, schema versions, and reads that follow the feed size rather than the store size."""
from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.feeds import T0, article, output_files, page, project_with, text_page, write_page

from cleanfeed.errors import StoreError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.model import FoundDate, Page, article_from_json, article_to_json
from cleanfeed.pipeline import clean_page
from cleanfeed.publish.items import select
from cleanfeed.publish.output import publish
from cleanfeed.rules.site import RuleSet
from cleanfeed.store.db import MIGRATIONS, Store
from cleanfeed.store.identity import canonical_url, url_key
from cleanfeed.store.ingest import ingest
from cleanfeed.store.stories import Stories


def rows(store: Store) -> list[tuple[object, ...]]:
    return store.conn.execute("SELECT * FROM articles ORDER BY id").fetchall()


def ingest_files(project, *paths: Path):  # type: ignore[no-untyped-def]
    report = ingest(project, iter_pages([str(p) for p in paths], timezone=project.timezone), progress=False)
    assert not report.failures, report.failures
    return report


# ----------------------------------------------------------------------------- identity

@pytest.mark.parametrize("a, b", [
    ("https://ex.com/a/1.html#comments", "https://ex.com/a/1.html"),
    ("https://EX.com:443/a/1.html?utm_source=rss&id=3", "https://ex.com/a/1.html?id=3"),
    ("http://ex.com/a/1.html", "https://ex.com/a/1.html"),
    ("https://ex.com", "https://ex.com/"),
])
def test_urls_that_name_the_same_article_share_a_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b) is not None


def test_urls_that_differ_keep_apart() -> None:
    assert url_key("https://ex.com/a?id=3") != url_key("https://ex.com/a?id=4")
    assert url_key("https://ex.com/A") != url_key("https://ex.com/a")
    assert canonical_url("ftp://ex.com/a") is None and url_key("not a url") is None


def test_id_from_url_else_from_opening_text(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        _, with_url = store.put(page(1, url="https://ex.com/1"), article(1, url="https://ex.com/1"))
        _, without = store.put(page(2), article(2))
        # same opening text, different title and raw page: the same article
        status, again = store.put(page(3, body="other raw bytes"), article(3, text=article(2).text))
    assert with_url.startswith("u") and without.startswith("t")
    assert (status, again) == ("changed", without)               # the new title is a change of the same item


def test_same_url_fetched_twice_is_one_item(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        s1, id1 = store.put(page(1, url="https://ex.com/1?utm_medium=x"), article(1, url="https://ex.com/1?utm_medium=x"))
        s2, id2 = store.put(page(1, url="http://ex.com/1", body="new raw", fetched_at=T0 + timedelta(hours=1)),
                            article(1, url="http://ex.com/1", text="A completely rewritten story " * 5))
        assert (s1, s2, id1) == ("new", "changed", id2)
        assert store.counts()["articles"] == 1
        assert store.has_url("https://ex.com/1#top") and not store.has_url("https://ex.com/2")


def test_different_urls_with_the_same_text_stay_two_items(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(page(1, url="https://ex.com/1"), article(1, url="https://ex.com/1"))
        status, _ = store.put(page(1, url="https://mirror.example/1"), article(1, url="https://mirror.example/1"))
        assert status == "new" and store.counts()["articles"] == 2


def test_text_dump_then_same_article_with_url_joins_its_story(tmp_path: Path) -> None:
    """The same body first as a URL-less text dump (site rule, title, date), then with a URL: a second
    copy in the first one's story (one feed item), never an overwrite of the first one's site, title and
    earlier date (issue #20)."""
    text = " ".join(f"Copper scrap sentence {n} about smelters in Ningbo buying more material." for n in range(8))
    dated = FoundDate(T0 - timedelta(days=2), "header")
    project = project_with(tmp_path)
    with Store.open(project.store_path) as store:
        _, first = store.put(page(1), article(1, text=text, site="alloy-wiki", title="Dump title", published=dated))
        status, second = store.put(page(1, url="https://ex.com/1", body="<html>…</html>"),
                                   article(1, text=text, url="https://ex.com/1", title="Web title"))
        assert status == "new" and second != first and store.has_url("https://ex.com/1")
        kept = article_from_json(json.loads(store.conn.execute(
            "SELECT article FROM articles WHERE id = ?", (first,)).fetchone()[0]))
        assert (kept.site, kept.title, kept.published) == ("alloy-wiki", "Dump title", dated)
        assert {m.id for m in Stories(store.conn).story(second).members} == {first, second}
        items = select(store, project.feeds[0])
    assert len(items) == 1 and items[0].published == dated.value


# ----------------------------------------------------------------------------- the three stable-id cases

def test_id_stable_when_file_moves(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    src = write_page(tmp_path / "in", "copper.txt", text_page("Copper climbs", 1))
    first = ingest_files(project, src).results[0]
    moved = tmp_path / "archive" / "2024" / "renamed.txt"
    moved.parent.mkdir(parents=True)
    shutil.move(src, moved)
    shutil.move(src.with_name("copper.txt.meta.json"), moved.with_name("renamed.txt.meta.json"))
    again = ingest_files(project, moved).results[0]
    assert (again.id, again.status) == (first.id, "unchanged")


def test_id_stable_when_title_is_edited(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    path = write_page(tmp_path / "in", "copper.txt", text_page("Copper climbs", 1))
    first = ingest_files(project, path).results[0]
    with Store.open(project.store_path) as store:
        before = store.newest()[0]
    write_page(tmp_path / "in", "copper.txt", text_page("Copper prices climb again in Ningbo", 1),
               fetched_at="2024-03-06T10:00:00+08:00")
    again = ingest_files(project, path).results[0]
    with Store.open(project.store_path) as store:
        after = store.newest()
    assert (again.id, again.status) == (first.id, "changed")
    assert len(after) == 1 and after[0].article.title == "Copper prices climb again in Ningbo"
    assert after[0].changed_at > before.changed_at and after[0].first_seen == before.first_seen


def test_id_stable_when_rules_change_and_page_is_recleaned(tmp_path: Path) -> None:
    from cleanfeed.cli import main
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text('title = "F"\nself_url = "https://f.example/"\ninputs = ["in/*.txt"]\n')
    path = write_page(tmp_path / "in", "copper.txt", text_page("Copper climbs", 1))
    assert main(["-q", "--project", str(tmp_path), "build"]) == 0
    with Store.open(tmp_path / ".cleanfeed" / "store.sqlite") as store:
        (before,) = store.newest()
    # a new site rule drops the opening paragraph: the opening-text fingerprint changes
    (tmp_path / "cleaners").mkdir()
    (tmp_path / "cleaners" / "region.toml").write_text(
        "fingerprints = ['Recyclers in the region']\ndrop_lines = ['^Scrap copper prices rose']\n")
    assert main(["-q", "--project", str(tmp_path), "reclean", "region"]) == 0
    with Store.open(tmp_path / ".cleanfeed" / "store.sqlite") as store:
        (after,) = store.newest()
    assert after.id == before.id and after.article.site == "region"
    assert not after.article.text.startswith("Scrap copper") and before.article.text.startswith("Scrap copper")
    assert after.changed_at > before.changed_at
    # building again (the same raw page, cleaned with the new rules) lands on the same row
    assert main(["-q", "--project", str(tmp_path), "build"]) == 0
    with Store.open(tmp_path / ".cleanfeed" / "store.sqlite") as store:
        assert [i.id for i in store.newest()] == [before.id]
    assert path.exists()


# ----------------------------------------------------------------------------- updates and tombstones

def test_readding_identical_page_changes_nothing(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    path = write_page(tmp_path / "in", "copper.txt", text_page("Copper climbs", 1))
    ingest_files(project, path)
    publish(project)
    files = {name: (p.read_bytes(), p.stat().st_mtime_ns) for name, p in output_files(project.out_dir).items()}
    with Store.open(project.store_path) as store:
        before = rows(store)
    report = ingest_files(project, path)
    publish(project)
    assert [r.status for r in report.results] == ["unchanged"]
    with Store.open(project.store_path) as store:
        assert rows(store) == before
    assert {name: (p.read_bytes(), p.stat().st_mtime_ns) for name, p in output_files(project.out_dir).items()} == files


def test_refetch_with_same_text_is_unchanged(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(page(1, url="https://ex.com/1"), article(1, url="https://ex.com/1", fetched_at=T0))
        later = T0 + timedelta(days=3)
        status, _ = store.put(page(1, url="https://ex.com/1", fetched_at=later),
                              article(1, url="https://ex.com/1", fetched_at=later))
        assert status == "unchanged"


def _yearless_page(fetched: datetime, *, timezone: str | None = None, body: str | None = None) -> Page:
    """A text page whose only date is `September 29`: its year comes from the fetch time."""
    text = body or text_page("Copper climbs", 1).replace("\n\n", "\n\nSeptember 29\n\n", 1)
    return Page(body=text, url="https://ex.com/news/1", fetched_at=fetched, source="a.txt", timezone=timezone)


def test_the_same_page_fetched_later_keeps_its_first_reading(tmp_path: Path) -> None:
    """The same bytes from the same place, read again later (`add` of the same file with a later
    `--fetched-at`, a copy with a newer file time, a refetch from a server without ETags), are no new
    version: a year-less `September 29` stays in the year it was first read, and the entry's updated stays."""
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        (old,) = store.newest()
        status, _ = store.put(later, clean_page(later))
        (new,) = store.newest()
    assert clean_page(later).published != clean_page(first).published          # (the case: a reading that moves)
    assert status == "unchanged" and new == old


@pytest.mark.parametrize("again", [
    {"body": text_page("Copper climbs", 1).replace("\n\n", "\n\nSeptember 29\n\nUpdated copy.\n\n", 1)},
    {"timezone": "Asia/Shanghai"},
], ids=["other-bytes", "other-zone"])
def test_a_page_that_differs_in_more_than_its_fetch_time_is_a_change(tmp_path: Path, again: dict) -> None:
    first = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC))
    later = _yearless_page(datetime(2024, 5, 1, tzinfo=UTC), **again)
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        status, _ = store.put(later, clean_page(later))
    assert status == "changed"


def _stored_twice(tmp_path: Path, first: Page, later: Page, between=None) -> str:  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        if between is not None:
            between(store.conn)
        return store.put(later, clean_page(later))[0]


def _old_record(conn: sqlite3.Connection) -> None:
    """The record as an older version wrote it: no `source` or `timezone` key."""
    (rid, record) = conn.execute("SELECT id, page FROM articles").fetchone()
    conn.execute("UPDATE articles SET page = ? WHERE id = ?",
                 (json.dumps({k: v for k, v in json.loads(record).items() if k not in ("source", "timezone")}),
                  rid))


def _fetched_twice(case: str) -> tuple[Page, Page]:
    """The year-less page read in 2020 and again in 2024, the second time differing in what the cleaner does
    not read: `copy-elsewhere` (another file), `parts` (each part's fetch time and file), `bytes` (both read
    as bytes, not text); any other case, the same page."""
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    if case == "copy-elsewhere":
        later = later._replace(source="inbox/2024/a.txt")
    elif case == "parts":
        part = Page(body="The second page of the story. " * 20, url="https://ex.com/news/1?page=2", source="b.txt")
        first = first._replace(parts=(part._replace(fetched_at=first.fetched_at),))
        later = later._replace(parts=(part._replace(fetched_at=later.fetched_at, source="c.txt"),))
    elif case == "bytes":
        first, later = (p._replace(body=str(p.body).encode("utf-8")) for p in (first, later))
    return first, later


@pytest.mark.parametrize("case", ["copy-elsewhere", "parts", "bytes", "old-record"])
def test_the_same_page_fetched_later_is_unchanged_whatever_its_record(tmp_path: Path, case: str) -> None:
    """Only what the cleaner reads counts: not where the file was read from (a copy in another folder, the
    message's `source`), not the keys an older version left out of the record, not each part's fetch time."""
    first, later = _fetched_twice(case)
    assert _stored_twice(tmp_path, first, later, _old_record if case == "old-record" else None) == "unchanged"


@pytest.mark.parametrize("broken", [("raw", b"not zlib"), ("page", "{not json"), ("page", "[1, 2]")],
                         ids=["raw", "record", "record-not-an-object"])
def test_a_stored_page_that_cannot_be_read_back_is_replaced_not_a_failure(tmp_path: Path, broken: tuple) -> None:
    """A stored raw page or record that cannot be read back is not the same page: the new one replaces it
    (it used to: only the content hash was compared), instead of failing that page on every `add`."""
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    column, value = broken
    assert _stored_twice(tmp_path, first, later,
                         lambda conn: conn.execute(f"UPDATE articles SET {column} = ?", (value,))) == "changed"


def test_the_same_page_fetched_later_is_unchanged_after_its_raw_page_was_pruned(tmp_path: Path) -> None:
    """`cleanfeed prune --raw-older-than DAYS`, then `add` of the same file with a later fetch time: its
    year-less `September 29` moves to the later year, as before 284c874."""
    from cleanfeed.store.maintenance import drop_raw
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    assert _stored_twice(tmp_path, first, later, lambda conn: None) == "unchanged"            # (the case unpruned)
    with Store.open(tmp_path / "p.sqlite") as store:
        store.put(first, clean_page(first))
        drop_raw(store, 2**62)
        assert store.put(later, clean_page(later))[0] == "unchanged"


@pytest.mark.parametrize("case", ["copy-elsewhere", "parts", "bytes", "recleaned"])
def test_a_pruned_page_fetched_later_is_unchanged_whatever_its_record(tmp_path: Path, case: str) -> None:
    """The record's digest of what the cleaner reads stands in for the pruned raw page: not where the file
    was read from, not each part's fetch time; a `reclean` (a new article, the same page) keeps it."""
    from cleanfeed.store.maintenance import drop_raw
    first, later = _fetched_twice(case)
    with Store.open(tmp_path / "s.sqlite") as store:
        _, article_id = store.put(first, clean_page(first))
        if case == "recleaned":
            again = replace(clean_page(first), title="Copper climbs again")
            assert store.replace_article(article_id, again) == "changed"
        drop_raw(store, 2**62)
        assert store.put(later, clean_page(later))[0] == "unchanged"


@pytest.mark.parametrize("again", [
    {"body": text_page("Copper climbs", 1).replace("\n\n", "\n\nSeptember 29\n\nUpdated copy.\n\n", 1)},
    {"timezone": "Asia/Shanghai"},
], ids=["other-bytes", "other-zone"])
def test_a_page_that_differs_in_more_than_its_fetch_time_is_a_change_after_a_prune(tmp_path: Path,
                                                                                    again: dict) -> None:
    from cleanfeed.store.maintenance import drop_raw
    first = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC))
    later = _yearless_page(datetime(2024, 5, 1, tzinfo=UTC), **again)
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        drop_raw(store, 2**62)
        assert store.put(later, clean_page(later))[0] == "changed"


def _no_digest(conn: sqlite3.Connection) -> None:
    """The record as a version before the digest wrote it."""
    (rid, record) = conn.execute("SELECT id, page FROM articles").fetchone()
    conn.execute("UPDATE articles SET page = ? WHERE id = ?",
                 (json.dumps({k: v for k, v in json.loads(record).items() if k != "reading"}), rid))


def test_a_record_written_before_the_digest_compares_its_raw_page_or_is_changed_once_pruned(tmp_path: Path) -> None:
    """No migration: a record without the digest is compared by its raw page as before, and a pruned one
    (nothing left to compare) is a change, as before."""
    from cleanfeed.store.maintenance import drop_raw
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    assert _stored_twice(tmp_path / "kept", first, later, _no_digest) == "unchanged"

    def pruned(conn: sqlite3.Connection) -> None:
        _no_digest(conn)
        drop_raw(Store(conn, tmp_path / "p.sqlite"), 2**62)
    assert _stored_twice(tmp_path / "pruned", first, later, pruned) == "changed"


def test_a_page_whose_digest_differs_is_a_change_without_reading_the_raw_page_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited page (the usual "changed") is told by the digest alone: no raw page decompressed."""
    import cleanfeed.store.records as records
    first = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC))
    later = _yearless_page(datetime(2024, 5, 1, tzinfo=UTC), body=text_page("Copper climbs", 1) + "\n\nMore.\n")
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        monkeypatch.setattr(records, "page_from_row", lambda *a: pytest.fail("raw page read back"))
        assert store.put(later, clean_page(later))[0] == "changed"


def test_only_a_cleaned_page_keeps_a_digest_not_a_shard_article(tmp_path: Path) -> None:
    """An article cleaned elsewhere (`keep_raw=False`: shards) has no page the cleaner read: no digest, so
    a page added later over it is a change, pruned or not."""
    first, later = _yearless_page(datetime(2020, 5, 1, tzinfo=UTC)), _yearless_page(datetime(2024, 5, 1, tzinfo=UTC))
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(first, clean_page(first))
        store.put(first._replace(url="https://ex.com/news/2"), replace(clean_page(first), url="https://ex.com/news/2"),
                  keep_raw=False)
        records = [json.loads(r[0]) for r in store.conn.execute("SELECT page FROM articles ORDER BY url")]
        assert [("reading" in r, r.get("raw", True)) for r in records] == [(True, True), (False, False)]
        assert store.put(later._replace(url="https://ex.com/news/2"),
                         replace(clean_page(later), url="https://ex.com/news/2"))[0] == "changed"


def test_changed_at_moves_forward_even_for_an_older_fetch(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(page(1), article(1))
        (old,) = store.newest()
        store.put(page(1, fetched_at=T0 - timedelta(days=30), body="raw page 1, edited"), article(1, title="Edited"))
        (new,) = store.newest()
    assert new.id == old.id and new.changed_at > old.changed_at and new.first_seen == old.first_seen


def test_changed_at_is_unique_for_pages_fetched_at_the_same_moment(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store, store.transaction():
        for n in range(300):
            store.put(page(n), article(n))
        values = [r[0] for r in store.conn.execute("SELECT changed_at FROM articles")]
        first_seen = {r[0] for r in store.conn.execute("SELECT first_seen FROM articles")}
    assert len(set(values)) == 300 and first_seen == {int((T0 - datetime(1970, 1, 1, tzinfo=UTC))
                                                         / timedelta(microseconds=1))}


def test_remove_keeps_a_tombstone(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        _, by_url = store.put(page(1, url="https://ex.com/1"), article(1, url="https://ex.com/1"))
        _, by_id = store.put(page(2), article(2))
        assert store.remove("https://ex.com/1?utm_source=x") == by_url
        assert store.remove(by_id) == by_id
        assert store.newest() == []
        assert store.put(page(1, url="https://ex.com/1"), article(1, url="https://ex.com/1"))[0] == "removed"
        assert store.put(page(2, body="moved and edited"), article(2, title="New title"))[0] == "removed"
        assert store.remove("t0000000000000000") is None
        # a URL never seen gets a tombstone too: the crawler skips it and it never gets in
        assert store.remove("https://ex.com/unwanted") is not None and store.has_url("https://ex.com/unwanted")
        put = store.put(page(3, url="https://ex.com/unwanted"), article(3, url="https://ex.com/unwanted"))
        assert put[0] == "removed"
        assert store.counts() == {"articles": 0, "removed": 3}


def test_page_without_fetch_time_is_first_seen_when_stored(tmp_path: Path) -> None:
    when = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put(page(1, fetched_at=None), article(1), now=lambda: when)
        assert store.newest()[0].first_seen == when


# ----------------------------------------------------------------------------- the file itself

def test_schema_version_wal_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "store.sqlite"
    with Store.open(path) as store:
        store.put(page(1), article(1))
    with Store.open(path) as store:                              # migrations run once
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.counts()["articles"] == 1


def test_newer_schema_or_garbage_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.sqlite"):
        Store.open(junk)


def test_failed_batch_stores_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.put(page(1), article(1))
            raise RuntimeError("crash in the middle of a batch")
        assert store.counts()["articles"] == 0


def test_newest_reads_through_the_index(tmp_path: Path) -> None:
    """The feed query walks `articles_newest` and stops at max_items: no sort of the whole store."""
    with Store.open(tmp_path / "s.sqlite") as store:
        plan = " ".join(str(r[-1]) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, first_seen, changed_at, article FROM articles WHERE removed = 0 "
            "AND (language = ? COLLATE NOCASE OR language LIKE ?) ORDER BY sort_time DESC, changed_at DESC",
            ("en", "en-%")))
    assert "articles_newest" in plan and "TEMP B-TREE" not in plan


def test_article_and_raw_page_round_trip(tmp_path: Path) -> None:
    a = article(1, url="https://ex.com/1", author="Li",
                published=FoundDate(datetime(2024, 3, 1, 9, tzinfo=T0.tzinfo), "header"), fetched_at=T0, site="s")
    assert article_from_json(article_to_json(a)) == a
    raw = "再生铝 <p>".encode("gb18030")
    with Store.open(tmp_path / "s.sqlite") as store:
        _, id_bytes = store.put(Page(body=raw, fetched_at=T0, content_type="text/html; charset=gbk", source="a"), a)
        _, id_text = store.put(Page(body="plain str body", fetched_at=T0, source="b"), article(2))
        assert store.stored_page(id_bytes)[1].body == raw
        assert store.stored_page(id_bytes)[1].content_type == "text/html; charset=gbk"
        assert store.stored_page(id_text)[1].body == "plain str body"


def test_seed_pages_get_text_fingerprint_ids(tmp_path: Path) -> None:
    """The seeds have no URL: their ids come from the opening body text, so cleaning twice agrees."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    pages = [p for p in iter_pages([str(s) for s in seeds]) if isinstance(p, Page)]
    with Store.open(tmp_path / "s.sqlite") as store:
        ids = [store.put(p, clean_page(p, RuleSet()))[1] for p in pages]
        again = [store.put(p, clean_page(p, RuleSet()))[1] for p in pages]
    assert ids == again and len(set(ids)) == len(pages) and all(i.startswith("t") for i in ids)



def test_short_texts_are_told_apart_by_their_raw_page(tmp_path: Path) -> None:
    """Two different pages whose whole body is "Photo news" must not become one item."""
    with Store.open(tmp_path / "s.sqlite") as store:
        s1, id1 = store.put(page(1, body="gallery one"), article(1, text="Photo news"))
        s2, id2 = store.put(page(2, body="gallery two"), article(2, text="Photo news"))
        assert (s1, s2) == ("new", "new") and id1 != id2
        assert store.put(page(1, body="gallery one"), article(1, text="Photo news")) == ("unchanged", id1)


def test_text_body_with_lone_surrogates_is_stored(tmp_path: Path) -> None:
    """JSON Lines can carry "\\ud800"; the raw page keeps it, byte for byte."""
    body = "Copper \ud800 climbs " * 10
    with Store.open(tmp_path / "s.sqlite") as store:
        _, article_id = store.put(Page(body=body, fetched_at=T0, source="x.jsonl:1"), article(1))
        assert store.stored_page(article_id)[1].body == body


def test_a_locked_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path):
        pass
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, timeout=0.05) as store:         # reading needs no lock
            assert store.newest() == []
            with pytest.raises(StoreError, match="cannot write.*locked"):
                store.put(page(1), article(1))
    finally:
        other.rollback()
        other.close()
