"""Schema v5: a store written before it (datasketch MinHash, tests/data/store-v2-stories) is re-fingerprinted once
when opened; its story links and splits stay, and new reprints still find their story."""
from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.data import DATA
from helpers.feeds import CST
from helpers.stories import NOTICE, page

from cleanfeed.errors import StoreError
from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet
from cleanfeed.store import fingerprint as dupes
from cleanfeed.store.db import MIGRATIONS, Store
from cleanfeed.store.stories import Stories

V2_STORE = DATA / "store-v2-stories" / "store.sqlite"
ROOT, WIRE, DUMP, COPY = "u53fc5a1c3a7655dd", "u6e3746f279a48f24", "t818856ec893eef58", "u07ec78716f0d8239"
ZH, ZH_REPRINT = "u62822432bcab6757", "u0f5b9d5ee3df3b9b"


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("dupe_docs", "dupe_bands", "dupe_links", "dupe_splits")}


@pytest.fixture
def v2_store(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(V2_STORE, path)
    return path


def test_the_fixture_is_a_v2_store() -> None:
    with closing(sqlite3.connect(V2_STORE)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert len(MIGRATIONS) == 5


def test_opening_a_v2_store_refingerprints_every_article_and_keeps_links_and_splits(v2_store: Path) -> None:
    before = _tables(v2_store)
    with Store.open(v2_store) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        texts = {seq: json.loads(article)["text"] for seq, article in store.conn.execute(
            "SELECT d.seq, a.article FROM dupe_docs d JOIN articles a ON a.id = d.id")}
    after = _tables(v2_store)
    assert after["dupe_links"] == before["dupe_links"] and after["dupe_splits"] == before["dupe_splits"]
    assert len(texts) == len(after["dupe_docs"]) == len(before["dupe_docs"]) == 9
    bands = set()
    for (seq, article_id, shingles, sig), old in zip(after["dupe_docs"], before["dupe_docs"], strict=True):
        fp = dupes.fingerprint(texts[seq])
        assert (seq, article_id, shingles) == old[:3] and shingles == fp.shingles
        assert sig == fp.to_bytes() != old[3]                      # the new scheme's values, not the old ones
        bands |= {(key, seq) for key in dupes.band_keys(fp)} if shingles >= dupes.MIN_SHINGLES else set()
    assert set(after["dupe_bands"]) == bands and not bands & set(before["dupe_bands"])


def test_stories_read_the_same_after_the_migration(v2_store: Path) -> None:
    with Store.open(v2_store) as store:
        stories = Stories(store.conn)
        assert {m.id for m in stories.story(WIRE).members} == {ROOT, WIRE, DUMP}
        assert stories.story(DUMP).id == ROOT
        assert [m.id for m in stories.story(COPY).members] == [COPY]          # the split holds
        assert {m.id for m in stories.story(ZH_REPRINT).members} == {ZH, ZH_REPRINT}
        assert len(stories.all_groups()) == 2


def test_a_reprint_added_after_the_migration_finds_its_story_through_the_new_band_keys(v2_store: Path) -> None:
    with Store.open(v2_store) as store:
        p = Page(body=page("Scrap Weekly", "Monthly scrap stock reports", NOTICE[:5]), url="https://sw.example/9",
                 fetched_at=datetime(2024, 3, 2, 12, 0, tzinfo=CST) + timedelta(hours=1), source="sw.txt",
                 timezone="Asia/Shanghai")
        status, new_id = store.put(p, clean_page(p, RuleSet()))
        assert status == "new"
        assert Stories(store.conn).story(new_id).id == ROOT


def test_the_migration_runs_once(v2_store: Path) -> None:
    Store.open(v2_store).close()
    migrated = _tables(v2_store)
    Store.open(v2_store).close()
    assert _tables(v2_store) == migrated


def test_a_store_from_a_newer_cleanfeed_is_refused(v2_store: Path) -> None:
    with closing(sqlite3.connect(v2_store, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer than this cleanfeed"):
        Store.open(v2_store)
