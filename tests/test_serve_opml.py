"""`cleanfeed serve` hands out feeds.opml with the URLs it serves (cleanfeed/serve/opml.py), not self_url's."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers.feeds import article, seed_project
from helpers.servekit import request, running

from cleanfeed.model import Page
from cleanfeed.publish.output import publish
from cleanfeed.rules.project import Project, load_project
from cleanfeed.serve.opml import base_url, localise
from cleanfeed.store.db import Store


@pytest.fixture()
def built(tmp_path: Path) -> Project:
    project = load_project(seed_project(tmp_path))
    with Store.open(project.store_path) as store, store.transaction():
        store.upsert(Page(body="raw", url="https://a.example/1"), article(1, url="https://a.example/1"))
    publish(project)
    return project


def outlines(body: bytes) -> list[dict[str, str]]:
    return [dict(o.attrib) for o in ET.fromstring(body).iter("outline")]


def test_the_built_opml_names_self_url(built: Project) -> None:
    urls = [o["xmlUrl"] for o in outlines((built.out_dir / "feeds.opml").read_bytes())]
    assert urls == ["https://feeds.example.org/recycled-metals-en.atom", "https://feeds.example.org/recycled-metals-zh.atom"]


def test_served_opml_lists_the_feeds_at_the_address_the_reader_used(built: Project) -> None:
    with running(built.out_dir) as server:
        direct = request(server, "/feeds.opml")
        by_name = request(server, "/feeds.opml", headers={"Host": f"localhost:{server.server_port}"})
        for o in outlines(direct.body):
            assert o["xmlUrl"].startswith(f"http://127.0.0.1:{server.server_port}/recycled-metals-")
            assert o["htmlUrl"] == f"http://127.0.0.1:{server.server_port}/"
            assert request(server, "/" + o["xmlUrl"].rsplit("/", 1)[1]).status == 200    # every URL is alive
        assert [o["xmlUrl"] for o in outlines(by_name.body)] == [
            f"http://localhost:{server.server_port}/recycled-metals-{lang}.atom" for lang in ("en", "zh")]
        assert direct.headers["etag"] != by_name.headers["etag"]
        again = request(server, "/feeds.opml", headers={"If-None-Match": direct.headers["etag"]})
        assert again.status == 304
    assert direct.headers["content-type"] == "text/x-opml; charset=utf-8"
    assert [o["title"] for o in outlines(direct.body)] == ["Recycled metals news", "再生金属资讯"]


def test_a_host_header_that_is_no_plain_host_is_not_echoed(built: Project) -> None:
    with running(built.out_dir) as server:
        r = request(server, "/feeds.opml", headers={"Host": 'evil.example"><x a="'})
    assert b"evil" not in r.body
    assert all(o["xmlUrl"].startswith(server.url) for o in outlines(r.body))


@pytest.mark.parametrize(("header", "expected"), [
    ("127.0.0.1:8080", "http://127.0.0.1:8080/"), ("feeds.example.net", "http://feeds.example.net/"),
    ("[::1]:8080", "http://[::1]:8080/"), ("", "http://fallback/"), ("a b", "http://fallback/"),
    ("x/y", "http://fallback/"), ("x@y", "http://fallback/"), ("-x.example", "http://fallback/")])
def test_base_url(header: str, expected: str) -> None:
    assert base_url(header, "http://fallback/") == expected


def test_outlines_of_feeds_not_served_here_are_left_alone() -> None:
    body = (b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>t</title></head><body>'
            b'<outline type="rss" text="a" xmlUrl="https://x.example/a.atom" htmlUrl="https://x.example/"/>'
            b'<outline type="rss" text="b" xmlUrl="https://other.example/b.atom"/></body></opml>')
    out = outlines(localise(body, "http://127.0.0.1:9/", lambda name: name == "a.atom"))
    assert [o["xmlUrl"] for o in out] == ["http://127.0.0.1:9/a.atom", "https://other.example/b.atom"]
    assert localise(b"not xml", "http://127.0.0.1:9/", lambda name: True) == b"not xml"
