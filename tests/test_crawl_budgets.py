"""One slow or hostile URL never stalls a crawl (issue #20): a deadline per request (connect, headers and
body), a budget per URL across retries and redirects, `--max-time` for the run, the size limit on the
decompressed body, and no fetch of file:, non-http(s) or private addresses the site rule does not name.

The unit tests run on a fake transport and clock; the crawls run against helpers/hostile.py on 127.0.0.1,
with short budgets in the fast lane and with the shipped defaults in the slow one (within 2 minutes)."""
from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.hostile import GOOD, HostileSite

from cleanfeed.cli import main
from cleanfeed.commands import crawl as crawl_command
from cleanfeed.crawl.fetch import FetchConfig, Fetcher, HttpxTransport, RawResponse
from cleanfeed.crawl.targets import refusal
from cleanfeed.errors import FetchTimeout, RedirectError, SlowResponse, TargetRefused
from cleanfeed.store.db import Store

FEED = 'title = "Metals"\nself_url = "https://feeds.example.org/"\n[author]\nname = "t"\nemail = "t@example.org"\n'


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def clock(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += seconds


class Slow:
    """A transport whose every answer is an error that costs `cost` seconds of the fake clock."""

    def __init__(self, clock: Clock, error: Exception, cost: float) -> None:
        self.clock, self.error, self.cost, self.calls = clock, error, cost, 0
        self.timeouts: list[float] = []

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int, timeout: float | None = None
            ) -> RawResponse:
        self.calls += 1
        self.timeouts.append(timeout or 0.0)
        self.clock.t += min(self.cost, timeout or self.cost)
        raise self.error

    def close(self) -> None:
        pass


def fetcher(error: Exception, cost: float, **config: float) -> tuple[Fetcher, Slow, Clock]:
    clock = Clock()
    transport = Slow(clock, error, cost)
    cfg = FetchConfig(**{"delay": 0.0, "robots": False, **config})  # type: ignore[arg-type]
    return Fetcher(transport, cfg, clock=clock.clock, sleep=clock.sleep), transport, clock


def test_retries_stop_when_the_url_budget_is_spent() -> None:
    f, transport, clock = fetcher(FetchTimeout("no response"), cost=20.0)     # each attempt: its 20 s deadline
    with pytest.raises(FetchTimeout):
        f.get("http://a.example/x")
    assert clock.t <= 30.0 + 1e-6                          # the default url_timeout, waits included
    assert transport.calls == 2 and transport.timeouts == [20.0, pytest.approx(9.0)]   # 30 - 20 - 1 s backoff


def test_a_slow_body_is_not_asked_again() -> None:
    f, transport, _ = fetcher(SlowResponse("the body did not arrive"), cost=20.0)
    with pytest.raises(SlowResponse):
        f.get("http://a.example/x")
    assert transport.calls == 1


def test_max_time_ends_the_run() -> None:
    f, transport, clock = fetcher(FetchTimeout("no response"), cost=4.0, max_time=10.0, url_timeout=30.0)
    with pytest.raises(FetchTimeout):
        f.get("http://a.example/x")        # 4 s, 1 s backoff, 4 s: a 2 s backoff would pass the run's end
    assert clock.t == pytest.approx(9.0) and not f.out_of_time()
    with pytest.raises(FetchTimeout):
        f.get("http://a.example/y")        # the attempt gets the 1 s left, not its 20 s
    assert clock.t == pytest.approx(10.0) and f.out_of_time() and transport.timeouts[-1] == pytest.approx(1.0)
    with pytest.raises(FetchTimeout, match="max-time"):
        f.get("http://a.example/z")        # nothing is sent any more
    assert transport.calls == 3


@pytest.mark.parametrize("url, refused", [
    ("http://169.254.169.254/latest/meta-data/", True), ("http://10.0.0.1/admin", True),
    ("http://[::1]:8080/", True), ("http://[::ffff:192.168.1.1]/", True), ("http://0.0.0.0/", True),
    ("http://127.0.0.1:9/", False), ("https://93.184.216.34/", False), ("ftp://example.org/", True),
    ("file:///etc/passwd", True), ("http://news.example.cn/a.html", False),
])
def test_private_and_non_http_targets_are_refused_unless_trusted(url: str, refused: bool) -> None:
    trusted = {__import__("ipaddress").ip_address("127.0.0.1")}          # the site rule's own host
    assert (refusal(url, trusted, resolver=None) is not None) == refused


def test_a_name_that_resolves_to_a_private_address_is_refused() -> None:
    assert refusal("http://intranet.example/", set(), resolver=lambda host: ["10.1.2.3"]) is not None
    assert refusal("http://news.example/", set(), resolver=lambda host: ["93.184.216.34"]) is None


# ----------------------------------------------------------------------------- real sockets

@pytest.fixture
def hostile() -> Iterator[HostileSite]:
    with HostileSite() as site:
        yield site


@pytest.mark.slow
def test_a_drip_ends_at_the_request_deadline(hostile: HostileSite) -> None:
    transport = HttpxTransport(FetchConfig(read_timeout=5, total_timeout=1.0))
    for path in ("/drip.html", "/drip-headers.html", "/wrong-length.html"):
        start = time.monotonic()
        with pytest.raises(FetchTimeout):
            transport.get(hostile.base + path, {}, max_bytes=100_000)
        assert time.monotonic() - start < 2.0, path        # read timeout 5 s: only the deadline ended it
    transport.close()


def test_a_gzip_bomb_stops_at_the_decompressed_limit(hostile: HostileSite) -> None:
    transport = HttpxTransport(FetchConfig())
    raw = transport.get(hostile.base + "/bomb.html", {}, max_bytes=1_000_000)
    transport.close()
    assert raw.truncated and len(raw.raw) < 200_000        # 64 MB of zeros: stopped after ~1 MB inflated


def test_redirects_to_file_and_private_addresses_are_refused(hostile: HostileSite) -> None:
    config = FetchConfig(delay=0, robots=False)
    f = Fetcher(HttpxTransport(config), config)
    f.trust(["127.0.0.1"])
    with pytest.raises(RedirectError, match="non-http"):
        f.get(hostile.base + "/to-file.html")
    with pytest.raises(TargetRefused, match="169.254.169.254"):
        f.get(hostile.base + "/to-private.html")
    f.close()
    untrusted = Fetcher(HttpxTransport(config), config)   # 127.0.0.1 itself, when no site rule names it
    with pytest.raises(TargetRefused):
        untrusted.get(hostile.base + "/ok-copper.html")
    untrusted.close()


def _project(root: Path, base: str) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "cleaners").mkdir()
    (root / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    (root / "cleaners" / "hostile.toml").write_text(
        f'[crawl]\nstart_urls = ["{base}/"]\narticle_links = ["ul.news a"]\nmax_pages = 30\n'
        'contact = "https://example.org/cleanfeed-test"\n', encoding="utf-8")
    return root


def _crawl(project: Path) -> tuple[int, float, str]:
    start = time.monotonic()
    code = main(["--project", str(project), "crawl"])
    return code, time.monotonic() - start, ""


def _check_outcome(project: Path, hostile: HostileSite, err: str) -> None:
    with Store.open(project / ".cleanfeed" / "store.sqlite") as store:
        titles = {i.article.title for i in store.newest(limit=100)}
    assert titles == set(GOOD.values())                    # the good articles beside the hostile ones
    for what in ("/endless.html", "/bomb.html", "/wrong-length.html", "/drip.html", "/drip-headers.html",
                 "/to-file.html", "/to-private.html", "/loop.html", "/error.html", "/huge-length.html"):
        assert what in err, what                           # each hostile URL named with its reason
    assert "169.254.169.254" in err and "non-http" in err


@pytest.mark.slow
def test_a_hostile_site_crawl_ends_within_its_budgets(hostile: HostileSite, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Budgets scaled down 20×: one URL ≤ 1.5 s, one request ≤ 1 s; about 5 stalling URLs, so the whole
    crawl must end in well under 15 s."""
    monkeypatch.setattr(crawl_command, "CONFIG", replace(
        crawl_command.CONFIG, total_timeout=1.0, url_timeout=1.5, read_timeout=1.0, connect_timeout=1.0,
        backoff=0.05, delay=0.0, max_bytes=256 * 1024))
    project = _project(tmp_path, hostile.base)
    (project / "cleaners" / "hostile.toml").write_text(
        (project / "cleaners" / "hostile.toml").read_text() + "delay = 0\n", encoding="utf-8")
    code, elapsed, _ = _crawl(project)
    err = capsys.readouterr().err
    assert code == 1 and elapsed < 15, (elapsed, err)
    _check_outcome(project, hostile, err)


@pytest.mark.slow
def test_max_time_stops_the_crawl_and_keeps_what_was_fetched(hostile: HostileSite, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, hostile.base)
    start = time.monotonic()
    code = main(["--project", str(project), "crawl", "--max-time", "3"])
    elapsed = time.monotonic() - start
    assert code == 1 and elapsed < 6, elapsed              # 3 s of fetching, then the store and the feeds
    with Store.open(project / ".cleanfeed" / "store.sqlite") as store:
        assert store.counts()["articles"] >= 1             # the first good article was fetched and kept
    assert "max-time" in capsys.readouterr().err


@pytest.mark.slow
def test_a_hostile_site_crawl_ends_within_two_minutes_with_the_defaults(
        hostile: HostileSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped defaults (1 s between requests, 20 s per request, 30 s per URL): the issue's bound."""
    project = _project(tmp_path, hostile.base)
    code, elapsed, _ = _crawl(project)
    err = capsys.readouterr().err
    assert code == 1 and elapsed < 120, (elapsed, err)
    _check_outcome(project, hostile, err)
