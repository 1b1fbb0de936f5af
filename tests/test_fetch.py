"""The fetcher's politeness and limits, on a fake Transport and a fake clock: no sockets, no waiting."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from cleanfeed.crawl.cache import CrawlCache
from cleanfeed.crawl.fetch import Exchange, FetchConfig, Fetcher, RawResponse, user_agent
from cleanfeed.crawl.polite import RobotsPolicy, Throttle, backoff, retry_after
from cleanfeed.errors import FetchConnectionError, FetchTimeout, RedirectError, ResponseTooLarge, RobotsDisallowed

NOW = datetime(2024, 3, 4, 12, 0, 0, 123456, tzinfo=UTC)
PAGE = b"<html><body><p>news</p></body></html>"


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.t += seconds


class FakeTransport:
    """Answers from a script: url → list of RawResponse or exceptions, used in order (the last repeats)."""

    def __init__(self, clock: FakeClock, script: dict[str, list[RawResponse | Exception]]) -> None:
        self.clock, self.script = clock, script
        self.sent: list[tuple[float, str, dict[str, str]]] = []

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int) -> RawResponse:
        self.sent.append((self.clock.t, url, dict(headers)))
        answers = self.script.get(url) or [ok(b"", status=404)]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        self.clock.t += 0.01                                   # every request takes a little time
        if isinstance(answer, Exception):
            raise answer
        if len(answer.raw) > max_bytes:
            return RawResponse(answer.status, answer.headers, answer.raw[:max_bytes], truncated=True)
        return answer

    def close(self) -> None:
        pass

    def urls(self) -> list[str]:
        return [u for _, u, _ in self.sent]


def ok(body: bytes = PAGE, status: int = 200, **headers: str) -> RawResponse:
    pairs = tuple((k.replace("_", "-"), v) for k, v in headers.items())
    return RawResponse(status, (("Content-Type", "text/html; charset=utf-8"), *pairs), body)


def fetcher(script: dict[str, list[RawResponse | Exception]], *, robots: bytes | None = b"",
            cache: CrawlCache | None = None, **config: float) -> tuple[Fetcher, FakeTransport, FakeClock]:
    clock = FakeClock()
    if robots is not None:
        script.setdefault("http://a.example/robots.txt", [ok(robots)])
    transport = FakeTransport(clock, script)
    cfg = FetchConfig(**{"delay": 1.0, "backoff": 1.0, "retries": 3, **config})  # type: ignore[arg-type]
    return Fetcher(transport, cfg, cache=cache, clock=clock.clock, sleep=clock.sleep, now=lambda: NOW), transport, clock


def test_user_agent_names_cleanfeed_and_the_contact() -> None:
    f, transport, _ = fetcher({"http://a.example/x": [ok()]})
    f.get("http://a.example/x", agent=user_agent("https://ops.example.org/contact"))
    assert {h["User-Agent"] for _, _, h in transport.sent} == {"cleanfeed/0.1.0 (+https://ops.example.org/contact)"}


def test_timeouts_are_retried_with_growing_backoff_then_reported() -> None:
    f, transport, clock = fetcher({"http://a.example/x": [FetchTimeout("read timeout")]}, delay=0)
    with pytest.raises(FetchTimeout, match="after 4 attempts"):
        f.get("http://a.example/x")
    assert transport.urls().count("http://a.example/x") == 4
    assert [round(s, 2) for s in clock.sleeps] == [1.0, 2.0, 4.0]


def test_5xx_is_retried_and_the_success_returned() -> None:
    f, transport, clock = fetcher({"http://a.example/x": [ok(status=500), ok(status=503), ok()]}, delay=0)
    response = f.get("http://a.example/x")
    assert (response.status, response.attempts, response.body) == (200, 3, PAGE)
    assert [round(s, 2) for s in clock.sleeps] == [1.0, 2.0]


def test_429_waits_what_retry_after_asks() -> None:
    f, _, clock = fetcher({"http://a.example/x": [ok(status=429, Retry_After="7"), ok()]}, delay=0)
    assert f.get("http://a.example/x").status == 200
    assert [round(s, 2) for s in clock.sleeps] == [7.0]


def test_retry_after_as_http_date() -> None:
    later = format_datetime(NOW.replace(microsecond=0) + timedelta(seconds=30), usegmt=True)
    assert retry_after(later, NOW) == pytest.approx(29.88, abs=0.01)
    assert retry_after("12", NOW) == 12.0
    assert retry_after("soon", NOW) is None and retry_after(None) is None


def test_retry_after_beyond_the_cap_is_not_retried_early() -> None:
    f, transport, clock = fetcher({"http://a.example/x": [ok(status=503, Retry_After="3600"), ok()]}, delay=0,
                                  max_wait=60)
    response = f.get("http://a.example/x")
    assert response.status == 503 and transport.urls().count("http://a.example/x") == 1 and not clock.sleeps


def test_final_5xx_and_4xx_are_returned_not_raised() -> None:
    f, transport, _ = fetcher({"http://a.example/x": [ok(status=500)], "http://a.example/y": [ok(status=404)],
                               "http://a.example/z": [ok(status=501)]}, delay=0, retries=2, backoff=0.01)
    assert (f.get("http://a.example/x").status, f.get("http://a.example/x").attempts) == (500, 3)
    assert f.get("http://a.example/y").attempts == 1
    assert f.get("http://a.example/z").attempts == 1         # 501 Not Implemented will not get better


def test_redirects_are_followed_and_resolved() -> None:
    f, _, _ = fetcher({"http://a.example/old": [ok(b"", status=301, Location="/new?id=1")],
                       "http://a.example/new?id=1": [ok()]}, delay=0)
    response = f.get("http://a.example/old")
    assert (response.url, response.redirects, response.status) == ("http://a.example/new?id=1",
                                                                  ("http://a.example/old",), 200)


@pytest.mark.parametrize("script, message", [
    ({"http://a.example/1": [ok(b"", 302, Location="/2")], "http://a.example/2": [ok(b"", 302, Location="/1")]},
     "redirect loop"),
    ({f"http://a.example/{i}": [ok(b"", 302, Location=f"/{i + 1}")] for i in range(1, 10)}, "more than 3 redirects"),
    ({"http://a.example/1": [ok(b"", 302, Location="ftp://a.example/file")]}, "non-http"),
    ({"http://a.example/1": [ok(b"", 302, Location="javascript:alert(1)")]}, "non-http"),
])
def test_bad_redirects_stop(script: dict[str, list[RawResponse | Exception]], message: str) -> None:
    f, transport, _ = fetcher(script, delay=0, max_redirects=3)
    with pytest.raises(RedirectError, match=message):
        f.get("http://a.example/1")
    assert len(transport.sent) <= 1 + 4                          # robots.txt + at most max_redirects + 1


def test_body_over_the_limit_stops_there() -> None:
    f, _, _ = fetcher({"http://a.example/big": [ok(b"x" * 5000)]}, delay=0, max_bytes=1000)
    with pytest.raises(ResponseTooLarge, match="1,000 bytes"):
        f.get("http://a.example/big")


def test_gzip_is_decoded_and_a_gzip_bomb_stopped() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 2_000_000)
    f, _, _ = fetcher({"http://a.example/z": [ok(gzip.compress(PAGE), Content_Encoding="gzip")],
                       "http://a.example/d": [ok(zlib.compress(PAGE)[2:-4], Content_Encoding="deflate")],
                       "http://a.example/bomb": [ok(bomb, Content_Encoding="gzip")],
                       "http://a.example/br": [ok(b"\x0b\x02", Content_Encoding="br")]}, delay=0, max_bytes=100_000)
    assert f.get("http://a.example/z").body == PAGE
    assert f.get("http://a.example/d").body == PAGE
    with pytest.raises(ResponseTooLarge, match="decompressed"):
        f.get("http://a.example/bomb")
    with pytest.raises(FetchConnectionError, match="unsupported Content-Encoding"):
        f.get("http://a.example/br")


def test_robots_txt_disallows_and_is_read_once_per_origin() -> None:
    robots = b"User-agent: *\nDisallow: /private/\n\nUser-agent: cleanfeed\nDisallow: /no-cleanfeed/\n"
    f, transport, _ = fetcher({"http://a.example/news/1": [ok()], "http://a.example/news/2": [ok()]},
                              robots=robots, delay=0)
    f.get("http://a.example/news/1")
    f.get("http://a.example/news/2")
    with pytest.raises(RobotsDisallowed):
        f.get("http://a.example/no-cleanfeed/x")
    f.get("http://a.example/private/x")     # our group replaces the * group, as RFC 9309 says
    assert transport.urls().count("http://a.example/robots.txt") == 1


def test_robots_txt_missing_allows_and_unreachable_denies() -> None:
    f, _, _ = fetcher({"http://a.example/robots.txt": [ok(b"", status=404)], "http://a.example/x": [ok()]},
                      robots=None, delay=0)
    assert f.get("http://a.example/x").status == 200
    f, transport, _ = fetcher({"http://a.example/robots.txt": [ok(b"", status=503)], "http://a.example/x": [ok()]},
                              robots=None, delay=0, retries=1, backoff=0.01)
    with pytest.raises(RobotsDisallowed, match="robots.txt answered HTTP 503"):
        f.get("http://a.example/x")
    assert "http://a.example/x" not in transport.urls()


def test_crawl_delay_raises_the_host_delay_and_too_long_a_delay_denies() -> None:
    f, transport, clock = fetcher({"http://a.example/1": [ok()], "http://a.example/2": [ok()]},
                                  robots=b"User-agent: *\nCrawl-delay: 5\n", delay=1.0)
    f.get("http://a.example/1")
    f.get("http://a.example/2")
    starts = [t for t, _, _ in transport.sent]
    assert starts[2] - starts[1] >= 5.0 and f.throttle.delay("a.example") == 5.0
    f, _, _ = fetcher({"http://a.example/1": [ok()]}, robots=b"User-agent: *\nCrawl-delay: 86400\n", max_wait=60)
    with pytest.raises(RobotsDisallowed, match="86400 s between requests"):
        f.get("http://a.example/1")


def test_robots_policy_request_rate() -> None:
    assert RobotsPolicy.parse("User-agent: *\nRequest-rate: 1/10s\n").delay() == 10.0
    assert RobotsPolicy().delay() is None and RobotsPolicy().allows("http://x/any")


def test_per_host_delay_is_shared_and_other_hosts_do_not_wait() -> None:
    """Site A and site B on one host: the gap holds across them; a third host is not slowed."""
    clock = FakeClock()
    throttle = Throttle(1.0, clock=clock.clock, sleep=clock.sleep)
    throttle.set_delay("a.example", 2.0)     # site A's rule
    throttle.set_delay("a.example", 0.5)     # site B's rule on the same host: the larger delay stays
    starts = []
    for host in ("a.example", "a.example", "b.example", "a.example"):
        throttle.wait(host)
        starts.append((host, clock.t))
        clock.t += 0.1
        throttle.done(host)
    assert starts[1][1] - starts[0][1] == pytest.approx(2.1)          # 0.1 s request + 2 s after it
    assert starts[2][1] == starts[1][1] + 0.1                         # b.example: no wait
    assert starts[3][1] - starts[1][1] == pytest.approx(2.1)
    assert backoff(0, 1, 60) == 1 and backoff(3, 1, 60) == 8 and backoff(10, 1, 60) == 60


def test_conditional_get_uses_remembered_validators_and_304_gives_the_cached_body() -> None:
    with CrawlCache() as cache:
        answers = [ok(ETag='"v1"', Last_Modified="Fri, 01 Mar 2024 00:00:00 GMT"), ok(b"", status=304)]
        f, transport, _ = fetcher({"http://a.example/list": answers}, delay=0, cache=cache)
        first = f.get("http://a.example/list", conditional=True, keep_body=True)
        second = f.get("http://a.example/list", conditional=True, keep_body=True)
    headers = transport.sent[-1][2]
    assert headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"].startswith("Fri, 01 Mar 2024")
    assert not first.not_modified and second.not_modified
    assert second.body == first.body == PAGE and second.content_type == "text/html; charset=utf-8"


def test_every_exchange_is_reported_with_a_whole_second_time() -> None:
    seen: list[Exchange] = []
    f, _, _ = fetcher({"http://a.example/x": [ok(status=500), ok()]}, delay=0, backoff=0.01)
    response = f.get("http://a.example/x", on_exchange=seen.append)
    assert [(e.url, e.response.status) for e in seen] == [
        ("http://a.example/robots.txt", 200), ("http://a.example/x", 500), ("http://a.example/x", 200)]
    assert response.fetched_at == NOW.replace(microsecond=0) == seen[-1].at


def test_network_errors_are_fetch_errors_with_the_url() -> None:
    f, _, _ = fetcher({"http://a.example/x": [FetchConnectionError("connection refused")]}, delay=0, retries=0)
    with pytest.raises(FetchConnectionError) as info:
        f.get("http://a.example/x")
    assert str(info.value) == "http://a.example/x: connection refused"
