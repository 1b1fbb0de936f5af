"""HttpxTransport and the archive on real sockets: the fixture site on 127.0.0.1, no other network."""
from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from crawlsite.server import FixtureSite

from cleanfeed.crawl.archive import WarcArchive
from cleanfeed.crawl.fetch import FetchConfig, Fetcher, HttpxTransport, user_agent
from cleanfeed.errors import FetchConnectionError, FetchTimeout
from cleanfeed.inputs.warc import read_warc

# Generous timeouts for the pages that answer at once (a loaded CI machine can take a second to send headers:
# a 0.3 s read timeout failed `big.html` under load); only the slow page's test waits briefly, for a server
# that sleeps 1 s before it answers, so its timeout fires however loaded the machine is.
CONFIG = FetchConfig(read_timeout=20, connect_timeout=10, retries=0, delay=0, max_bytes=100_000)
IMPATIENT = replace(CONFIG, read_timeout=0.3, connect_timeout=2)


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite(slow=1.0, big=20 * 2**20) as fixture:
        yield fixture


@pytest.fixture
def transport() -> Iterator[HttpxTransport]:
    t = HttpxTransport(CONFIG)
    yield t
    t.close()


def test_a_page_its_headers_and_the_request_sent(site: FixtureSite, transport: HttpxTransport) -> None:
    raw = transport.get(site.url("/zh/guonei-tongjia.html"), {"User-Agent": user_agent("https://x.example/")},
                        max_bytes=CONFIG.max_bytes)
    assert raw.status == 200 and raw.header("content-type") == "text/html; charset=gbk"
    assert "冶炼".encode("gbk") in raw.raw and not raw.truncated
    assert dict(raw.request_headers)["user-agent"] == "cleanfeed/0.1.0 (+https://x.example/)"
    assert raw.http_version == "HTTP/1.1"


def test_chunked_body_is_streamed_and_stopped_at_the_limit(site: FixtureSite, transport: HttpxTransport) -> None:
    raw = transport.get(site.url("/stream.html"), {}, max_bytes=CONFIG.max_bytes)
    assert raw.truncated and len(raw.raw) == CONFIG.max_bytes
    assert site.streamed < site.big            # the server was cut off long before its 20 MB


def test_declared_length_over_the_limit_is_not_read(site: FixtureSite, transport: HttpxTransport) -> None:
    raw = transport.get(site.url("/en/big.html"), {}, max_bytes=CONFIG.max_bytes)
    assert raw.truncated and raw.raw == b""


def test_read_timeout_and_refused_connection(site: FixtureSite) -> None:
    transport = HttpxTransport(IMPATIENT)
    try:
        with pytest.raises(FetchTimeout, match="ReadTimeout"):
            transport.get(site.url("/en/slow.html"), {}, max_bytes=CONFIG.max_bytes)
        with socket.socket() as s:               # a port nobody listens on: bound, never listening
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            with pytest.raises(FetchConnectionError, match="ConnectError"):
                transport.get(f"http://127.0.0.1:{port}/", {}, max_bytes=CONFIG.max_bytes)
    finally:
        transport.close()


def test_gzip_response_is_decoded_for_the_page_and_archived_as_received(
        site: FixtureSite, transport: HttpxTransport, tmp_path: Path) -> None:
    fetcher = Fetcher(transport, CONFIG)
    fetcher.trust(["127.0.0.1"])              # the site's own host: a loopback address, trusted as such
    with WarcArchive(tmp_path, "s") as archive:
        response = fetcher.get(site.url("/gz.html"), on_exchange=archive.write)
        paths = archive.paths
    plain = (site.root / "en" / "copper-prices.html").read_bytes()
    assert response.body == plain
    pages = [p for p in read_warc(paths[0]) if not isinstance(p, Exception)]
    page = next(p for p in pages if p.url == site.url("/gz.html"))
    assert page.body == plain and page.fetched_at == response.fetched_at


def test_archive_appends_to_the_days_file_and_starts_a_new_one_each_day(
        site: FixtureSite, transport: HttpxTransport, tmp_path: Path) -> None:
    from datetime import datetime
    days = iter([datetime(2024, 3, 4, 23, 59, 59, tzinfo=UTC)] * 3 +
                [datetime(2024, 3, 5, 0, 0, 1, tzinfo=UTC)] * 2)
    fetcher = Fetcher(transport, CONFIG, now=lambda: next(days))
    fetcher.trust(["127.0.0.1"])
    for _ in range(2):                       # two runs on the same day: one file, both runs in it
        with WarcArchive(tmp_path, "s") as archive:
            fetcher.get(site.url("/en/copper-prices.html"), on_exchange=archive.write)
    with WarcArchive(tmp_path, "s") as archive:
        fetcher.get(site.url("/en/zinc-output.html"), on_exchange=archive.write)
    files = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert files == ["2024-03-04.warc.gz", "2024-03-05.warc.gz"]
    from warcio.archiveiterator import ArchiveIterator
    with (tmp_path / "s" / files[0]).open("rb") as handle:
        archived = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)
                    if r.rec_type == "response"]
    assert archived == [site.url("/robots.txt"), site.url("/en/copper-prices.html"), site.url("/en/copper-prices.html")]
    # read back as pages, robots.txt (archived, but crawl housekeeping) is not one
    first_day = [p.url for p in read_warc(tmp_path / "s" / files[0]) if not isinstance(p, Exception)]
    assert first_day == [site.url("/en/copper-prices.html"), site.url("/en/copper-prices.html")]
