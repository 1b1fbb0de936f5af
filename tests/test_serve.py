"""`cleanfeed serve` over real sockets: content types, validators, 304, HEAD, gzip, errors, path safety."""
from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from helpers.servekit import request, running

from cleanfeed.cli import build_parser
from cleanfeed.serve import files
from cleanfeed.serve import server as serve
from cleanfeed.serve.validators import make_etag

SECRET = b"TOP-SECRET-NOT-FOR-READERS"
ATOM = b"""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><id>tag:example.org,2024:t</id>
<title>\xe5\x86\x8d\xe7\x94\x9f</title>
<updated>2021-05-01T12:00:00.250000+08:00</updated>
<entry><id>tag:example.org,2024:t:1</id><title>one</title><updated>2021-05-01T12:00:00.250000+08:00</updated></entry>
</feed>
"""
RSS = b"""<?xml version='1.0' encoding='UTF-8'?>
<rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
<lastBuildDate>Sat, 01 May 2021 04:00:00 +0000</lastBuildDate>
<item><title>one</title><pubDate>Thu, 15 Apr 2021 00:00:00 +0800</pubDate></item></channel></rss>
"""
JSONFEED = (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": ['
            b'{"id": "1", "date_published": "2021-04-15T00:00:00+08:00", "date_modified": "2021-05-01T12:00:00+08:00"},'
            b'{"id": "2", "date_published": "2020-09-29T00:00:00+08:00"}]}')
OPML = b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>t</title></head><body/></opml>\n'
HTML = "<!doctype html><title>再生金属</title><p>feeds</p>\n".encode()
OLD_MTIME = 1_600_000_000           # 2020-09-13T12:26:40Z: before the feeds' own `updated` (2021-05-01)


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A build output folder, a secret beside it, and every kind of way out of it."""
    root = tmp_path / "public"
    root.mkdir()
    for name, body in [("t.atom", ATOM), ("t.rss", RSS), ("t.json", JSONFEED), ("feeds.opml", OPML),
                       ("index.html", HTML), (".hidden.atom", SECRET)]:
        (root / name).write_bytes(body)
        os.utime(root / name, (OLD_MTIME, OLD_MTIME))
    (tmp_path / "secret.atom").write_bytes(SECRET)
    (root / "sub").mkdir()
    (root / "sub" / "inner.atom").write_bytes(ATOM)
    (root / "out.atom").symlink_to(tmp_path / "secret.atom")      # a symlink leading out of DIR
    (root / "outdir").symlink_to(tmp_path, target_is_directory=True)
    (root / "store.sqlite").write_bytes(SECRET)                    # a type we never serve
    return root


@pytest.mark.parametrize("name, content_type", [
    ("t.atom", "application/atom+xml; charset=utf-8"),
    ("t.rss", "application/rss+xml; charset=utf-8"),
    ("t.json", "application/feed+json"),
    ("feeds.opml", "text/x-opml; charset=utf-8"),
    ("index.html", "text/html; charset=utf-8"),
])
def test_content_types_and_body(site: Path, name: str, content_type: str) -> None:
    with running(site) as server:
        r = request(server, f"/{name}")
    assert r.status == 200
    assert r.headers["content-type"] == content_type
    assert r.body == (site / name).read_bytes()
    assert int(r.headers["content-length"]) == len(r.body)
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("name, last_modified", [
    ("t.atom", "Sat, 01 May 2021 04:00:00 GMT"),       # <updated> 12:00:00.25+08:00, whole seconds in GMT
    ("t.rss", "Sat, 01 May 2021 04:00:00 GMT"),        # <lastBuildDate>
    ("t.json", "Sat, 01 May 2021 04:00:00 GMT"),       # the newest item date
    ("index.html", "Sun, 13 Sep 2020 12:26:40 GMT"),   # no feed date: the file's mtime
])
def test_last_modified_is_never_before_the_feeds_updated(site: Path, name: str, last_modified: str) -> None:
    with running(site) as server:
        assert request(server, f"/{name}").headers["last-modified"] == last_modified


def test_last_modified_follows_a_newer_file_time(site: Path) -> None:
    """A rewrite after the feed's `updated` (a back-dated item added) must move Last-Modified."""
    newer = 1_700_000_000                               # 2023-11-14T22:13:20Z
    os.utime(site / "t.atom", (newer, newer))
    with running(site) as server:
        r = request(server, "/t.atom")
        stale = request(server, "/t.atom", headers={"If-Modified-Since": "Sat, 01 May 2021 04:00:00 GMT"})
    assert r.headers["last-modified"] == "Tue, 14 Nov 2023 22:13:20 GMT"
    assert stale.status == 200


def test_no_last_modified_within_its_own_second(site: Path) -> None:
    """A version replaced later in the same second would keep the same date: no date until the second ends."""
    mtime = 1_700_000_000.25
    os.utime(site / "t.atom", (mtime, mtime))
    with running(site) as server:
        server.clock = lambda: mtime + 0.5                              # same second as the write
        fresh = request(server, "/t.atom")
        server.clock = lambda: mtime + 0.75
        settled = request(server, "/t.atom")
    assert "last-modified" not in fresh.headers and "etag" in fresh.headers
    assert settled.headers["last-modified"] == "Tue, 14 Nov 2023 22:13:20 GMT"


def test_validators_and_caching_headers(site: Path) -> None:
    with running(site, max_age=123) as server:
        r = request(server, "/t.atom")
    assert r.headers["etag"].startswith('"') and r.headers["etag"].endswith('"')   # strong: no W/
    assert r.headers["etag"] == make_etag(ATOM)
    assert r.headers["cache-control"] == "max-age=123"
    assert r.headers["vary"] == "Accept-Encoding"
    assert "content-encoding" not in r.headers


def test_repeat_with_etag_is_304_without_body(site: Path) -> None:
    with running(site) as server:
        first = request(server, "/t.atom")
        again = request(server, "/t.atom", headers={"If-None-Match": first.headers["etag"]})
        weak = request(server, "/t.atom", headers={"If-None-Match": "W/" + first.headers["etag"]})
        listed = request(server, "/t.atom", headers={"If-None-Match": f'"x", {first.headers["etag"]}'})
        star = request(server, "/t.atom", headers={"If-None-Match": "*"})
        other = request(server, "/t.atom", headers={"If-None-Match": '"not-it"'})
    assert (again.status, again.body) == (304, b"")
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == first.headers["cache-control"]
    assert again.headers["vary"] == "Accept-Encoding"
    assert "content-length" not in again.headers and "content-type" not in again.headers
    assert [weak.status, listed.status, star.status] == [304, 304, 304]   # If-None-Match compares weakly
    assert (other.status, other.body) == (200, ATOM)


def test_if_modified_since(site: Path) -> None:
    lm = "Sat, 01 May 2021 04:00:00 GMT"
    with running(site) as server:
        same = request(server, "/t.atom", headers={"If-Modified-Since": lm})
        later = request(server, "/t.atom", headers={"If-Modified-Since": "Sun, 02 May 2021 00:00:00 GMT"})
        earlier = request(server, "/t.atom", headers={"If-Modified-Since": "Sat, 01 May 2021 03:59:59 GMT"})
        garbage = request(server, "/t.atom", headers={"If-Modified-Since": "yesterday"})
        etag_wins = request(server, "/t.atom", headers={"If-Modified-Since": lm, "If-None-Match": '"old"'})
    assert (same.status, same.body, later.status) == (304, b"", 304)
    assert (earlier.status, earlier.body) == (200, ATOM)
    assert garbage.status == 200                       # an invalid date is ignored
    assert etag_wins.status == 200                     # If-None-Match present: If-Modified-Since ignored


def test_head_has_the_get_headers_and_no_body(site: Path) -> None:
    with running(site) as server:
        get = request(server, "/t.rss")
        head = request(server, "/t.rss", method="HEAD")
        head_gz = request(server, "/t.rss", method="HEAD", headers={"Accept-Encoding": "gzip"})
        head_304 = request(server, "/t.rss", method="HEAD", headers={"If-None-Match": get.headers["etag"]})
    assert (head.status, head.body) == (200, b"")
    drop = ("date",)
    assert {k: v for k, v in head.headers.items() if k not in drop} == \
        {k: v for k, v in get.headers.items() if k not in drop}
    assert head_gz.headers["content-encoding"] == "gzip" and head_gz.body == b""
    assert (head_304.status, head_304.body) == (304, b"")


def test_gzip_variant(site: Path) -> None:
    with running(site) as server:
        plain = request(server, "/t.atom")
        gz = request(server, "/t.atom", headers={"Accept-Encoding": "br, gzip;q=0.8"})
        gz_again = request(server, "/t.atom", headers={"Accept-Encoding": "gzip", "If-None-Match": gz.headers["etag"]})
        plain_tag_gz = request(server, "/t.atom", headers={"Accept-Encoding": "gzip",
                                                           "If-None-Match": plain.headers["etag"]})
        refused = request(server, "/t.atom", headers={"Accept-Encoding": "gzip;q=0, identity"})
        star = request(server, "/t.atom", headers={"Accept-Encoding": "*"})
    assert gz.headers["content-encoding"] == "gzip" and gz.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(gz.body) == ATOM and int(gz.headers["content-length"]) == len(gz.body)
    # a strong tag names exact bytes (RFC 9110 §8.8.3): the gzip variant has its own
    assert gz.headers["etag"] != plain.headers["etag"] and gz.headers["etag"] == make_etag(gz.body)
    assert (gz_again.status, gz_again.headers["etag"]) == (304, gz.headers["etag"])
    assert plain_tag_gz.status == 200 and plain_tag_gz.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in refused.headers and refused.body == ATOM
    assert star.headers["content-encoding"] == "gzip"


def test_gzip_bytes_are_stable_across_reloads(site: Path) -> None:
    """Same file, rewritten (new mtime and inode): same gzip bytes, so the strong tag is still honest."""
    with running(site) as server:
        first = request(server, "/t.atom", headers={"Accept-Encoding": "gzip"})
        tmp = site / "t.atom.tmp"
        tmp.write_bytes(ATOM)
        os.replace(tmp, site / "t.atom")
        second = request(server, "/t.atom", headers={"Accept-Encoding": "gzip"})
    assert (second.headers["etag"], second.body) == (first.headers["etag"], first.body)


def test_atomic_replace_is_picked_up(site: Path) -> None:
    changed = ATOM.replace(b"<title>one</title>", b"<title>one, corrected</title>")
    with running(site) as server:
        before = request(server, "/t.atom")
        tmp = site / ".t.atom.tmp"
        tmp.write_bytes(changed)
        os.replace(tmp, site / "t.atom")
        after = request(server, "/t.atom", headers={"If-None-Match": before.headers["etag"]})
    assert (after.status, after.body) == (200, changed)
    assert after.headers["etag"] != before.headers["etag"]


def test_errors(site: Path) -> None:
    with running(site) as server:
        missing = request(server, "/nope.atom")
        posted = request(server, "/t.atom", method="POST")
        put = request(server, "/t.atom", method="PUT")
        deleted = request(server, "/t.atom", method="DELETE")
        failed = request(server, "/t.atom", headers={"If-Match": '"other"'})
        matched = request(server, "/t.atom", headers={"If-Match": make_etag(ATOM)})
        unmodified = request(server, "/t.atom", headers={"If-Unmodified-Since": "Fri, 30 Apr 2021 00:00:00 GMT"})
    assert missing.status == 404 and SECRET not in missing.body
    for r in (posted, put, deleted):
        assert r.status == 405 and r.headers["allow"] == "GET, HEAD"
    assert (failed.status, unmodified.status, matched.status) == (412, 412, 200)


def test_root_is_index_and_directories_are_not_listed(site: Path) -> None:
    with running(site) as server:
        root = request(server, "/")
        listing = [request(server, p).status for p in ("/sub/", "/sub", "/outdir/", "/index.html/")]
        nested = request(server, "/sub/inner.atom")
    assert (root.status, root.body) == (200, HTML)
    assert listing == [404, 404, 404, 404]
    assert (nested.status, nested.body) == (200, ATOM)     # files inside DIR may sit in folders


TRAVERSALS = [
    "/../secret.atom", "/sub/../../secret.atom", "/%2e%2e/secret.atom", "/%2E%2E/secret.atom",
    "/..%2fsecret.atom", "/%2e%2e%2fsecret.atom", "/sub%2f..%2f..%2fsecret.atom", "/..%5csecret.atom",
    "/..\\secret.atom", "/out.atom", "/outdir/secret.atom", "/outdir/public/.hidden.atom", "/.hidden.atom",
    "/%2ehidden.atom", "/store.sqlite", "//secret.atom", "/./t.atom/../../secret.atom",
    "/t.atom%00.html", "/%c0%ae%c0%ae/secret.atom", "http://127.0.0.1/../secret.atom",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_way_out_of_dir(site: Path, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_load = files.load_resource

    def spy(path: str, now: float, rewrite: serve.Rewrite | None = None) -> object:
        opened.append(path)
        return real_load(path, now, rewrite)

    monkeypatch.setattr(files, "load_resource", spy)
    with running(site) as server:
        r = request(server, target)
        read_for_attempt = list(opened)
        control = request(server, "/t.atom")          # the spy does see what is read
    assert r.status in (400, 403, 404)
    assert SECRET not in r.body
    assert read_for_attempt == []                      # refused before any file was opened
    assert control.status == 200 and opened == [os.path.realpath(site / "t.atom")]


def test_access_log_lines(site: Path) -> None:
    log = io.StringIO()
    with running(site, access_log=log) as server:
        request(server, "/t.atom", headers={"User-Agent": "newsboat/2.21"})
        request(server, "/missing.rss")
    lines = log.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("127.0.0.1 - - [") and '"GET /t.atom HTTP/1.1" 200 ' in lines[0]
    assert lines[0].endswith('"newsboat/2.21"')
    assert '"GET /missing.rss HTTP/1.1" 404 ' in lines[1]


def test_keep_alive_serves_several_requests_on_one_connection(site: Path) -> None:
    import http.client

    with running(site) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=5)
        try:
            bodies = []
            for path in ("/t.atom", "/t.rss", "/t.json"):
                conn.request("GET", path)
                bodies.append(conn.getresponse().read())
            conn.request("GET", "/t.atom", headers={"If-None-Match": make_etag(ATOM)})
            not_modified = conn.getresponse()
            assert (not_modified.status, not_modified.read()) == (304, b"")
            conn.request("GET", "/t.rss")
            assert conn.getresponse().read() == RSS        # the 304 left nothing behind on the connection
        finally:
            conn.close()
    assert bodies == [ATOM, RSS, JSONFEED]


def test_binds_to_localhost_unless_told() -> None:
    args = build_parser("serve").parse_args(["serve"])          # the serve module registers its options
    assert (args.host, args.port, args.max_age) == ("127.0.0.1", 8080, 300)
    assert serve.make_server.__defaults__ is not None and serve.make_server.__defaults__[0] == "127.0.0.1"
