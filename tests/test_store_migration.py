"""A store made by the previous release (tests/data/store-v2, schema v2, commit 9885525) opens, migrates
and loses nothing: every row, id, time, alias and story link is still there; the feeds list the same
entries; the articles it stored from shards without `--keep-raw` lose only their fake raw page (their
clean text, which `reclean` used to clean again), so `reclean` now skips them and keeps their titles."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cleanfeed.cli import main
from cleanfeed.store.db import MIGRATIONS, Store

FIXTURE = Path(__file__).resolve().parent / "data" / "store-v2"
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = """title = "Metals"
self_url = "https://feeds.example.org/"
timezone = "Asia/Shanghai"
[author]
name = "fixture"
email = "fixture@example.org"
"""
SHARD_WITHOUT_RAW = "https://wire.example/lead/6.html"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture's project, with a copy of its store (the committed file is never opened for writing)."""
    (tmp_path / "feeds").mkdir()
    (tmp_path / "cleaners").mkdir()
    (tmp_path / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    (tmp_path / "cleaners" / "metals.toml").write_text('hosts = ["metals.example"]\ntimezone = "Asia/Shanghai"\n')
    (tmp_path / ".cleanfeed").mkdir()
    shutil.copy(FIXTURE / "store.sqlite", tmp_path / ".cleanfeed" / "store.sqlite")
    return tmp_path


def old_rows() -> dict[str, Any]:
    return json.loads((FIXTURE / "rows.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def rows(store: Path, table: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(store)
    names = [d[1] for d in conn.execute(f"PRAGMA table_info({table})")]
    out = [{k: (len(v) if isinstance(v, bytes) else v) for k, v in zip(names, r, strict=True)}
           for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    conn.close()
    return out


def entries(path: Path) -> list[tuple[str, str, str | None]]:
    root = etree.fromstring(path.read_bytes())
    return sorted((e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}title"),
                   (e.find(f"{ATOM}link[@rel='alternate']") if e.find(f"{ATOM}link[@rel='alternate']") is not None
                    else e.find(f"{ATOM}link")).get("href")) for e in root.findall(f"{ATOM}entry"))


def test_the_fixture_is_the_previous_schema() -> None:
    assert old_rows()["user_version"] == 2 < len(MIGRATIONS)


def test_the_old_store_opens_migrates_and_keeps_every_row(project: Path) -> None:
    path = project / ".cleanfeed" / "store.sqlite"
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    old = old_rows()
    for table in ("aliases", "dupe_docs", "dupe_links", "dupe_splits"):
        assert rows(path, table) == old[table], table
    new = {r["id"]: r for r in rows(path, "articles")}
    assert set(new) == {r["id"] for r in old["articles"]}
    for before in old["articles"]:
        after = new[before["id"]]
        same = {k: v for k, v in before.items() if k not in ("raw", "page")}
        assert {k: after[k] for k in same} == same, before["id"]   # ids, times, hashes, articles: untouched
        if before["url"] == SHARD_WITHOUT_RAW:                     # its "raw page" was its own clean text
            assert after["raw"] is None and json.loads(after["page"])["raw"] is False
        else:
            assert (after["raw"], after["page"]) == (before["raw"], before["page"])


def test_the_migrated_store_publishes_the_same_entries(project: Path) -> None:
    assert main(["--project", str(project), "-q", "build"]) == 0
    # Entries without a URL now link to their own item page (public/items/), not to an anchor of index.html.
    moved = [(i, title, link.replace("/index.html#", "/items/") + ".html" if "/index.html#" in link else link)
             for i, title, link in entries(FIXTURE / "metals.atom")]
    assert entries(project / "public" / "metals.atom") == moved


def test_reclean_skips_the_shard_article_without_a_raw_page(project: Path, capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    with Store.open(project / ".cleanfeed" / "store.sqlite") as store:
        before = {i.article.url: i.article for i in store.newest(limit=100)}
    assert main(["--project", str(project), "reclean"]) == 0
    assert "1 skipped: no raw page stored" in capsys.readouterr().err
    with Store.open(project / ".cleanfeed" / "store.sqlite") as store:
        after = {i.article.url: i.article for i in store.newest(limit=100)}
    kept = after[SHARD_WITHOUT_RAW]
    assert (kept.title, kept.published) == (before[SHARD_WITHOUT_RAW].title, before[SHARD_WITHOUT_RAW].published)
    assert kept.title == "Lead market report number 6" and kept.published is not None


def test_a_store_opened_twice_migrates_once(project: Path) -> None:
    path = project / ".cleanfeed" / "store.sqlite"
    for _ in range(2):
        with Store.open(path) as store:
            assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert sum(r["raw"] is None and r["article"] is not None for r in rows(path, "articles")) == 1


def test_prune_drops_old_raw_pages_and_keeps_the_articles(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The fixture's pages were first seen in 2024: all older than 30 days."""
    path = project / ".cleanfeed" / "store.sqlite"
    with Store.open(path) as store:
        before = {i.id: i.article for i in store.newest(limit=100)}
        assert store.stored_ids()                                    # raw pages to re-clean
    assert main(["--project", str(project), "prune", "--raw-older-than", "30", "--vacuum"]) == 0
    assert "raw pages dropped" in capsys.readouterr().err
    with Store.open(path) as store:
        assert {i.id: i.article for i in store.newest(limit=100)} == before and not store.stored_ids()
    assert main(["--project", str(project), "prune", "--raw-older-than", "-1"]) == 2
