"""A real feed reader against `cleanfeed serve`: newsboat (Debian package `newsboat`, installed by .ci/run).

newsboat runs headless (`-x reload`) with its own urls, config and cache files in a temporary folder;
the tests read what it stored from its SQLite cache. In CI (CI=true) a missing newsboat is a failure.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from helpers.servekit import (
    ADDED_SENTENCE,
    CHANGED_TITLE,
    EN_SEEDS,
    ZH_SEEDS,
    add_pages,
    age_outputs,
    drop_seed,
    edit_001,
    expected,
    make_project,
    request,
    running,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def newsboat_bin() -> str:
    found = shutil.which("newsboat")
    if found:
        return found
    message = "newsboat is not installed (apt-get install -y newsboat; .ci/run does it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)                 # CI must prove the reader works: never a silent skip there
    pytest.skip(message)


@dataclass(frozen=True)
class Item:
    id: int                                  # newsboat's row id: the same row means updated in place
    guid: str
    title: str
    pub_date: int
    feed_url: str
    content: str


class Newsboat:
    """One newsboat profile: urls, config and cache files of its own, nothing read from $HOME."""

    def __init__(self, binary: str, home: Path, urls: list[str]) -> None:
        self.binary, self.home = binary, home
        home.mkdir()
        (home / "urls").write_text("".join(u + "\n" for u in urls), encoding="utf-8")
        (home / "config").write_text("download-timeout 10\ndownload-retries 1\n", encoding="utf-8")
        self.cache = home / "cache.db"

    def run(self, *args: str) -> str:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home), "LANG": "C.UTF-8",
               "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": str(self.home / "xdg-config"),
               "XDG_DATA_HOME": str(self.home / "xdg-data"), "TERM": "dumb"}
        done = subprocess.run([self.binary, *args, "-u", str(self.home / "urls"), "-c", str(self.cache),
                               "-C", str(self.home / "config")],
                              env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr + done.stdout
        assert "error" not in (done.stderr + done.stdout).lower(), done.stderr + done.stdout
        return done.stdout

    def reload(self) -> None:
        self.run("-x", "reload")

    def import_opml(self, path: Path) -> list[str]:
        """`newsboat -i FILE`, as a user imports a subscription list; the URLs it subscribed to."""
        self.run("-i", str(path))
        return (self.home / "urls").read_text(encoding="utf-8").split()

    def items(self) -> list[Item]:
        with closing(sqlite3.connect(self.cache)) as db:
            rows = db.execute("SELECT id, guid, title, pubDate, feedurl, content FROM rss_item WHERE deleted = 0 "
                              "ORDER BY id").fetchall()
        return [Item(*row) for row in rows]


def _entries(atom: bytes) -> dict[str, dict[str, str]]:
    """entry id → {title, published} as the served Atom file says."""
    root = ET.fromstring(atom)
    return {e.findtext(f"{ATOM}id", ""): {"title": e.findtext(f"{ATOM}title", ""),
                                          "published": e.findtext(f"{ATOM}published", "")}
            for e in root.iter(f"{ATOM}entry")}


def _day(pub_date: int) -> str:
    return datetime.fromtimestamp(pub_date, SHANGHAI).date().isoformat()


def _published(project: Any, stems: tuple[str, ...], inbox: Path) -> None:
    report = add_pages(project, [drop_seed(inbox, stem) for stem in stems])
    assert report.ok and report.count("new") == len(stems)
    age_outputs(project.out_dir)


def test_reload_stores_every_item_with_its_title_and_date(newsboat_bin: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _published(project, EN_SEEDS[:3], tmp_path / "project" / "inbox")
    with running(project.out_dir) as server:
        url = server.url + "recycled-metals-en.atom"
        reader = Newsboat(newsboat_bin, tmp_path / "newsboat", [url])
        reader.reload()
        served = _entries(request(server, "/recycled-metals-en.atom").body)
    items = reader.items()
    assert sorted(i.title for i in items) == sorted(expected(s)["title"] for s in EN_SEEDS[:3])
    assert {i.guid for i in items} == set(served) and len(items) == 3
    for item in items:
        assert item.feed_url == url
        assert item.title == served[item.guid]["title"]
        assert item.pub_date == int(datetime.fromisoformat(served[item.guid]["published"]).timestamp())
    days = {i.title: _day(i.pub_date) for i in items}
    assert days == {expected(s)["title"]: expected(s)["published"]["day"] for s in EN_SEEDS[:3]}


def test_one_new_page_and_one_changed_page_give_exactly_one_more_item(newsboat_bin: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    inbox = tmp_path / "project" / "inbox"
    _published(project, EN_SEEDS[:3], inbox)
    with running(project.out_dir, access_log=None) as server:
        reader = Newsboat(newsboat_bin, tmp_path / "newsboat", [server.url + "recycled-metals-en.atom"])
        reader.reload()
        before = {i.guid: i for i in reader.items()}
        report = add_pages(project, [drop_seed(inbox, EN_SEEDS[3]), drop_seed(inbox, EN_SEEDS[1], edit_001)])
        assert (report.count("new"), report.count("changed")) == (1, 1)
        reader.reload()
        reader.reload()                                   # a third look changes nothing (304 or same items)
        after = reader.items()
    assert len(after) == len(before) + 1
    assert len({i.guid for i in after}) == len(after) and len({i.title for i in after}) == len(after)
    changed = [i for i in after if i.title == CHANGED_TITLE]
    assert len(changed) == 1
    old = before[changed[0].guid]                         # same guid as before the change ...
    assert changed[0].id == old.id                        # ... in the same row: updated in place
    assert ADDED_SENTENCE in changed[0].content and ADDED_SENTENCE not in old.content
    assert changed[0].pub_date == old.pub_date            # the article's date did not move
    new = [i for i in after if i.guid not in before]
    assert [i.title for i in new] == [expected(EN_SEEDS[3])["title"]]
    assert _day(new[0].pub_date) == expected(EN_SEEDS[3])["published"]["day"]


def test_english_and_chinese_feeds_keep_their_items_apart(newsboat_bin: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _published(project, EN_SEEDS + ZH_SEEDS, tmp_path / "project" / "inbox")
    with running(project.out_dir, access_log=None) as server:
        en, zh = server.url + "recycled-metals-en.atom", server.url + "recycled-metals-zh.atom"
        reader = Newsboat(newsboat_bin, tmp_path / "newsboat", [en, zh])
        reader.reload()
        ids = {url: set(_entries(request(server, "/" + url.rsplit("/", 1)[1]).body)) for url in (en, zh)}
    items = reader.items()
    by_feed = {url: sorted(i.title for i in items if i.feed_url == url) for url in (en, zh)}
    assert by_feed == {en: sorted(expected(s)["title"] for s in EN_SEEDS),
                       zh: sorted(expected(s)["title"] for s in ZH_SEEDS)}
    assert len({i.guid for i in items}) == len(items) == len(EN_SEEDS) + len(ZH_SEEDS)
    assert {url: {i.guid for i in items if i.feed_url == url} for url in (en, zh)} == ids   # each under its feed


def test_importing_the_served_opml_subscribes_to_every_feed_and_shows_every_item(newsboat_bin: str,
                                                                                tmp_path: Path) -> None:
    """The OPML a reader downloads from `cleanfeed serve` names this server, not self_url (which says
    feeds.example.org: two dead feeds before issue #21)."""
    project = make_project(tmp_path / "project")
    _published(project, EN_SEEDS + ZH_SEEDS, tmp_path / "project" / "inbox")
    with running(project.out_dir, access_log=None) as server:
        opml = tmp_path / "feeds.opml"
        opml.write_bytes(request(server, "/feeds.opml").body)
        reader = Newsboat(newsboat_bin, tmp_path / "newsboat", [])
        urls = reader.import_opml(opml)
        assert urls == [f"{server.url}recycled-metals-{lang}.atom" for lang in ("en", "zh")]
        reader.reload()
        served = {url: _entries(request(server, "/" + url.rsplit("/", 1)[1]).body) for url in urls}
    items = reader.items()
    assert len(items) == sum(len(entries) for entries in served.values()) == len(EN_SEEDS) + len(ZH_SEEDS)
    for url, entries in served.items():
        assert sorted((i.guid, i.title) for i in items if i.feed_url == url) == sorted(
            (guid, entry["title"]) for guid, entry in entries.items())
