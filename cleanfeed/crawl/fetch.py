"""The fetcher: the only module that opens network connections.

`Fetcher.get(url)` is one polite GET: robots.txt checked (and its crawl-delay kept), the host's delay
waited, redirects followed by hand (http/https only, at most N, never to a private address the site rule
does not name: `targets.py`), timeouts / 429 / 5xx retried with backoff and Retry-After, the body
streamed and stopped at a size limit (counted after decompression), conditional GET from the HTTP cache.
Budgets keep one hostile site from stalling a crawl: each attempt ends by `total_timeout` (connect,
headers and body together: `deadline.py`), each URL by `url_timeout` (every attempt, wait and redirect),
the run by `max_time`. Everything below it is a `Transport` — one plain GET — so tests inject a fake and
never touch the network. Every exchange (request + response, retries and redirects included) goes to
`on_exchange`: the archive.
"""
from __future__ import annotations

import inspect
import logging
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from cleanfeed.crawl.cache import Cached, CrawlCache
from cleanfeed.crawl.httpclient import HttpxTransport
from cleanfeed.crawl.polite import RobotsPolicy, Throttle, backoff, retry_after
from cleanfeed.crawl.targets import Address, Resolver, addresses, refusal
from cleanfeed.crawl.wire import DEFAULT_CONFIG, Exchange, FetchConfig, Headers, RawResponse, Transport, header_value
from cleanfeed.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    RedirectError,
    ResponseTooLarge,
    RobotsDisallowed,
    SlowResponse,
    TargetRefused,
)
from cleanfeed.urlnorm import host_of, is_http_url
from cleanfeed.version import __version__

log = logging.getLogger(__name__)


def user_agent(contact: str | None) -> str:
    """`cleanfeed/0.1.0 (+https://…)`: names the tool and where its operator can be reached."""
    return f"cleanfeed/{__version__}" + (f" (+{contact})" if contact else "")


@dataclass(frozen=True)
class Response:
    """The answer to one `Fetcher.get`: the final URL after redirects and the decoded body."""

    url: str
    status: int
    headers: Headers
    body: bytes                            # content-encoding removed; the cached body on a 304
    fetched_at: datetime
    attempts: int = 1
    not_modified: bool = False
    redirects: tuple[str, ...] = field(default=())

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")


def decode_content(raw: RawResponse, url: str, max_bytes: int) -> bytes:
    """The body without its Content-Encoding; a gzip bomb stops at `max_bytes` like any other body."""
    encoding = (raw.header("content-encoding") or "identity").strip().lower()
    if encoding in ("identity", ""):
        return raw.raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchConnectionError(f"unsupported Content-Encoding {encoding!r}", source=url)
    for wbits in (47, -15):                  # gzip or zlib header (47), then raw deflate (-15)
        try:
            inflater = zlib.decompressobj(wbits)
            body = inflater.decompress(raw.raw, max_bytes + 1)
        except zlib.error:
            continue
        if len(body) > max_bytes:
            raise ResponseTooLarge(f"body larger than {max_bytes:,} bytes once decompressed", source=url)
        return body
    raise FetchConnectionError(f"broken {encoding} body", source=url)


ExchangeHook = Callable[[Exchange], None]


class _Budget:
    """The time one URL may take: `url_timeout` from its first attempt, and never past the run's end."""

    def __init__(self, clock: Callable[[], float], seconds: float, run_ends: float | None) -> None:
        self._clock, self._seconds, self._run_ends = clock, seconds, run_ends
        self._ends: float | None = None

    def left(self, url: str, attempt: int) -> float:
        """Seconds left for the next attempt (the clock starts at the first); FetchTimeout when none."""
        now = self._clock()
        if self._ends is None:
            self._ends = now + self._seconds
        ends = min(self._ends, self._run_ends) if self._run_ends is not None else self._ends
        if now >= ends:
            what = "the run's --max-time" if self._run_ends is not None and now >= self._run_ends else \
                f"the {self._seconds:g} s budget for one URL"
            raise FetchTimeout(f"{what} is used up" + (f" (after {attempt} attempts)" if attempt else ""),
                               source=url)
        return ends - now

    def allows(self, pause: float) -> bool:
        """Whether waiting `pause` seconds still leaves time for another attempt."""
        now = self._clock()
        ends = self._ends if self._ends is not None else now + self._seconds
        if self._run_ends is not None:
            ends = min(ends, self._run_ends)
        return now + pause < ends


class Fetcher:
    """Polite GETs over a Transport; one Fetcher serves every site of a run, so host delays are shared."""

    def __init__(self, transport: Transport, config: FetchConfig = DEFAULT_CONFIG, *,
                 cache: CrawlCache | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.transport = transport
        self.config = config
        self.cache = cache
        self.throttle = Throttle(config.delay, clock=clock, sleep=sleep)
        self._clock = clock
        self._now = now
        self._robots: dict[str, RobotsPolicy] = {}
        self._run_ends = clock() + config.max_time if config.max_time is not None else None
        self._resolve: Resolver | None = getattr(transport, "resolve", None)   # fakes: IP literals only
        self._trusted: set[Address] = set()
        self._timeout_kw = "timeout" in inspect.signature(transport.get).parameters

    def trust(self, hosts: Iterable[str]) -> None:
        """The site rule's own hosts: their addresses may be private (an intranet site, a test server)."""
        for host in hosts:
            self._trusted.update(addresses(host, self._resolve))

    def out_of_time(self) -> bool:
        """True once the run's `max_time` is used up: the crawl stops asking."""
        return self._run_ends is not None and self._clock() >= self._run_ends

    def get(self, url: str, *, agent: str | None = None, conditional: bool = False, keep_body: bool = False,
            on_exchange: ExchangeHook | None = None) -> Response:
        """GET `url` following redirects. Non-2xx answers are returned, not raised (the caller decides);
        FetchError is raised for what yields no answer: timeout, too large, redirect loop, robots, network."""
        return self._follow(url, agent or user_agent(None), conditional, keep_body, on_exchange,
                            robots=self.config.robots, max_bytes=self.config.max_bytes)

    def _follow(self, url: str, agent: str, conditional: bool, keep_body: bool, on_exchange: ExchangeHook | None,
                *, robots: bool, max_bytes: int) -> Response:
        hops: list[str] = []
        current = url
        budget = _Budget(self._clock, self.config.url_timeout, self._run_ends)
        for _ in range(self.config.max_redirects + 1):
            if (why := refusal(current, self._trusted, self._resolve)) is not None:
                raise TargetRefused(f"refused {current[:200]}: {why}", source=url)
            if robots:
                self._check_robots(current, agent, on_exchange)
            response = self._get_once(current, agent, conditional, keep_body, on_exchange, max_bytes, budget)
            location = response.header("location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                return replace(response, redirects=tuple(hops))
            hops.append(current)
            current = urljoin(current, location.strip())
            if not is_http_url(current):
                raise RedirectError(f"redirect to a non-http(s) URL: {current[:200]}", source=url)
            if current in hops:
                raise RedirectError(f"redirect loop after {len(hops)} hops (back to {current})", source=url)
        raise RedirectError(f"more than {self.config.max_redirects} redirects", source=url)

    def _get_once(self, url: str, agent: str, conditional: bool, keep_body: bool,
                  on_exchange: ExchangeHook | None, max_bytes: int, budget: _Budget) -> Response:
        """One URL, retried on timeouts, 429 and 5xx within its budget; the host's delay waited before
        every attempt (the first wait is politeness, not part of the URL's budget)."""
        host = host_of(url)
        cached = self.cache.get(url) if conditional and self.cache else None
        headers = {"User-Agent": agent, **(cached.conditional_headers() if cached else {})}
        for attempt in range(self.config.retries + 1):
            self.throttle.wait(host)
            left = budget.left(url, attempt)
            try:
                raw = self._transport_get(url, headers, max_bytes, min(left, self.config.total_timeout))
            except (FetchTimeout, FetchConnectionError) as exc:
                self.throttle.done(host)
                pause = backoff(attempt, self.config.backoff, self.config.max_wait)
                if attempt == self.config.retries or isinstance(exc, SlowResponse) or not budget.allows(pause):
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise type(exc)(exc.message + tries, source=url) from None
                log.info("%s: %s; retrying in %.1f s", url, exc.message, pause)
                self.throttle.done(host, at_least=pause)
                continue
            at = self._now().replace(microsecond=0)   # WARC-Date has whole seconds: same instant on re-read
            if on_exchange:
                on_exchange(Exchange(url, raw, at))
            if raw.truncated:
                self.throttle.done(host)
                raise ResponseTooLarge(f"body larger than {max_bytes:,} bytes; stopped there", source=url)
            wait = self._retry_pause(raw, attempt, url)
            if wait is not None and not budget.allows(wait):
                log.info("%s: HTTP %d; no time left to retry", url, raw.status)
                wait = None
            self.throttle.done(host, at_least=wait or 0.0)
            if wait is None or attempt == self.config.retries:
                return self._response(url, raw, at, attempt + 1, cached, conditional, keep_body, max_bytes)
            log.info("%s: HTTP %d; retrying in %.1f s", url, raw.status, wait)
        raise AssertionError("unreachable")  # pragma: no cover — the loop always returns or raises

    def _transport_get(self, url: str, headers: Mapping[str, str], max_bytes: int, timeout: float) -> RawResponse:
        if self._timeout_kw:
            return self.transport.get(url, headers, max_bytes=max_bytes, timeout=timeout)   # type: ignore[call-arg]
        return self.transport.get(url, headers, max_bytes=max_bytes)     # a Transport of the first protocol

    def _retry_pause(self, raw: RawResponse, attempt: int, url: str) -> float | None:
        """How long to wait before retrying this answer, or None when it is final."""
        if raw.status != 429 and not 500 <= raw.status <= 599 or raw.status == 501:
            return None
        asked = retry_after(raw.header("retry-after"), self._now())
        if asked is not None and asked > self.config.max_wait:
            log.warning("%s: HTTP %d asks to wait %.0f s (more than %.0f s): not retrying",
                        url, raw.status, asked, self.config.max_wait)
            return None
        return asked if asked is not None else backoff(attempt, self.config.backoff, self.config.max_wait)

    def _response(self, url: str, raw: RawResponse, at: datetime, attempts: int, cached: Cached | None,
                  conditional: bool, keep_body: bool, max_bytes: int) -> Response:
        body = decode_content(raw, url, max_bytes)
        not_modified = raw.status == 304 and cached is not None
        if cached is not None and not_modified:
            body = cached.body or b""
        elif conditional and self.cache and 200 <= raw.status < 300:
            self.cache.remember(url, etag=raw.header("etag"), last_modified=raw.header("last-modified"),
                                content_type=raw.header("content-type"), body=body if keep_body else None,
                                fetched_at=at)
        headers = raw.headers
        if cached is not None and not_modified and cached.content_type and not raw.header("content-type"):
            headers = headers + (("Content-Type", cached.content_type),)
        return Response(url=url, status=raw.status, headers=headers, body=body, fetched_at=at,
                        attempts=attempts, not_modified=not_modified)

    # --------------------------------------------------------------------------------- robots.txt

    def _check_robots(self, url: str, agent: str, on_exchange: ExchangeHook | None) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        policy = self._robots.get(origin)
        if policy is None:
            policy = self._robots[origin] = self._load_robots(origin, agent, on_exchange)
            asked = policy.delay()
            if asked is not None:
                if asked > self.config.max_wait:
                    policy = self._robots[origin] = RobotsPolicy(
                        deny_all=True, reason=f"robots.txt asks for {asked:g} s between requests "
                                              f"(more than {self.config.max_wait:g} s)")
                else:
                    self.throttle.set_delay(host_of(url), asked)
                    log.info("%s: robots.txt crawl-delay %.1f s", origin, asked)
        if not policy.allows(url):
            raise RobotsDisallowed(policy.reason or "disallowed by robots.txt", source=url)

    def _load_robots(self, origin: str, agent: str, on_exchange: ExchangeHook | None) -> RobotsPolicy:
        """RFC 9309: 2xx → its rules; 4xx → allow all; 5xx or unreachable → disallow all for this run."""
        url = origin + "/robots.txt"
        try:
            response = self._follow(url, agent, True, True, on_exchange, robots=False, max_bytes=512 * 1024)
        except ResponseTooLarge:
            return RobotsPolicy()            # RFC 9309 asks to parse at least 500 KiB; we skip a bigger one
        except FetchError as exc:
            return RobotsPolicy(deny_all=True, reason=f"robots.txt unreachable ({exc.message})")
        if 200 <= response.status < 300 or response.not_modified:
            return RobotsPolicy.parse(response.body.decode("utf-8", errors="replace"))
        if 400 <= response.status < 500 and response.status != 429:   # 429 is "unreachable" (as Google reads it)
            return RobotsPolicy()
        return RobotsPolicy(deny_all=True, reason=f"robots.txt answered HTTP {response.status}")

    def close(self) -> None:
        self.transport.close()


__all__ = ["Fetcher", "FetchConfig", "Response", "RawResponse", "Exchange", "Transport", "HttpxTransport",
           "FetchError", "FetchTimeout", "FetchConnectionError", "ResponseTooLarge", "RedirectError",
           "RobotsDisallowed", "TargetRefused", "user_agent", "decode_content"]
