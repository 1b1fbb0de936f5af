"""`cleanfeed serve` on what `publish` writes: validators across rebuilds, and feedparser as a client."""
from __future__ import annotations

import shutil
import socket
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from helpers.servekit import (
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

from cleanfeed.publish.output import publish

EN_FILES = ("recycled-metals-en.atom", "recycled-metals-en.rss", "recycled-metals-en.json")
FIRST = EN_SEEDS[:3] + ZH_SEEDS            # 004 is kept back: the page added later


@pytest.fixture()
def project(tmp_path: Path) -> Any:
    """The repo's feeds over seeds 000-003, published a few seconds "ago"."""
    project = make_project(tmp_path)
    inbox = tmp_path / "inbox"
    report = add_pages(project, [drop_seed(inbox, stem) for stem in FIRST])
    assert report.ok and report.count("new") == 4
    age_outputs(project.out_dir)
    return project


@pytest.fixture()
def short_socket_timeout() -> Iterator[None]:
    """feedparser has no timeout argument: bound every socket of the test instead."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(10)
    yield
    socket.setdefaulttimeout(previous)


def _atom_updated(body: bytes) -> str | None:
    return ET.fromstring(body).findtext("{http://www.w3.org/2005/Atom}updated")


def test_rebuild_that_changed_nothing_keeps_every_etag(project: Any, tmp_path: Path) -> None:
    out = project.out_dir
    with running(out) as server:
        before = {name: request(server, f"/{name}") for name in EN_FILES}
        gz_before = {name: request(server, f"/{name}", headers={"Accept-Encoding": "gzip"}) for name in EN_FILES}
        again = add_pages(project, [tmp_path / "inbox" / f"{stem}.txt" for stem in FIRST])
        shutil.rmtree(out)                       # and a rebuild from scratch: new files, new inodes, new mtimes
        publish(project)
        for name in EN_FILES:
            etag, gz_etag = before[name].headers["etag"], gz_before[name].headers["etag"]
            assert request(server, f"/{name}", headers={"If-None-Match": etag}).status == 304, name
            assert request(server, f"/{name}", headers={"If-None-Match": gz_etag,
                                                        "Accept-Encoding": "gzip"}).status == 304, name
            fresh = request(server, f"/{name}")
            assert (fresh.headers["etag"], fresh.body) == (etag, before[name].body)
    assert again.count("unchanged") == len(FIRST) and again.ok


def test_rebuild_that_changed_an_item_changes_the_etag(project: Any, tmp_path: Path) -> None:
    with running(project.out_dir) as server:
        en = request(server, "/recycled-metals-en.atom")
        zh = request(server, "/recycled-metals-zh.atom")
        report = add_pages(project, [drop_seed(tmp_path / "inbox", EN_SEEDS[1], edit_001)])
        en_after = request(server, "/recycled-metals-en.atom", headers={"If-None-Match": en.headers["etag"]})
        zh_after = request(server, "/recycled-metals-zh.atom", headers={"If-None-Match": zh.headers["etag"]})
    assert report.count("changed") == 1
    assert en_after.status == 200 and en_after.headers["etag"] != en.headers["etag"]
    assert CHANGED_TITLE.encode() in en_after.body and CHANGED_TITLE.encode() not in en.body
    assert en_after.headers.get("last-modified") != en.headers["last-modified"]   # absent in its own second
    assert zh_after.status == 304                                   # the other feed did not change


def test_if_modified_since_alone_does_not_miss_a_back_dated_page(project: Any, tmp_path: Path) -> None:
    """Seed 004 was fetched before the newest item: the feed's <updated> stays put, Last-Modified must not."""
    with running(project.out_dir) as server:
        before = request(server, "/recycled-metals-en.atom")
        add_pages(project, [drop_seed(tmp_path / "inbox", EN_SEEDS[3])])
        after = request(server, "/recycled-metals-en.atom",
                        headers={"If-Modified-Since": before.headers["last-modified"]})
    assert _atom_updated(after.body) == _atom_updated(before.body)    # why the file time has to count
    assert after.status == 200
    assert expected(EN_SEEDS[3])["title"].encode() in after.body


# feedparser 6.0 does not read JSON Feed; the JSON file's validators are checked above with raw HTTP
@pytest.mark.parametrize("name, version", [("recycled-metals-en.atom", "atom10"), ("recycled-metals-en.rss", "rss20")])
@pytest.mark.usefixtures("short_socket_timeout")
def test_feedparser_fetch_then_304_with_etag_and_with_modified(project: Any, tmp_path: Path, name: str,
                                                               version: str) -> None:
    with running(project.out_dir) as server:
        url = server.url + name
        first = feedparser.parse(url)
        by_etag = feedparser.parse(url, etag=first.etag)
        by_date = feedparser.parse(url, modified=first.modified)
        add_pages(project, [drop_seed(tmp_path / "inbox", EN_SEEDS[1], edit_001)])
        changed = feedparser.parse(url, etag=first.etag, modified=first.modified)
    assert (first.status, first.bozo, first.version) == (200, False, version)
    assert first.headers["content-encoding"] == "gzip"                   # feedparser asks for gzip
    assert sorted(e.title for e in first.entries) == sorted(expected(s)["title"] for s in EN_SEEDS[:3])
    for again in (by_etag, by_date):
        assert (again.status, again.bozo, again.entries) == (304, False, [])
    assert (changed.status, changed.bozo) == (200, False)
    assert CHANGED_TITLE in [e.title for e in changed.entries] and len(changed.entries) == 3
