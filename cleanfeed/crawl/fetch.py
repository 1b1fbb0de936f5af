"""The fetcher: the only module that opens network connections.

`Fetcher.get(url)` is one polite GET: robots.txt checked (and its crawl-delay kept), the host's delay
waited, redirects followed by hand (http/https only, at most N), timeouts / 429 / 5xx retried with backoff
and Retry-After, the body streamed and stopped at a size limit, conditional GET from the HTTP cache.
Everything below it is a `Transport` — one plain GET — so tests inject a fake and never touch the network.
Every exchange (request + response, retries and redirects included) goes to `on_exchange`: the archive.
"""
from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from cleanfeed.crawl.cache import Cached, CrawlCache
from cleanfeed.crawl.polite import RobotsPolicy, Throttle, backoff, retry_after
from cleanfeed.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    RedirectError,
    ResponseTooLarge,
    RobotsDisallowed,
)
from cleanfeed.urlnorm import host_of, is_http_url
from cleanfeed.version import __version__

log = logging.getLogger(__name__)

Headers = tuple[tuple[str, str], ...]


def header_value(headers: Headers, name: str) -> str | None:
    """The first value of header `name` (any case), or None."""
    name = name.lower()
    return next((v for k, v in headers if k.lower() == name), None)

@dataclass(frozen=True)
class RawResponse:
    """What a Transport returns: the response as received (content-encoding still applied)."""

    status: int
    headers: Headers
    raw: bytes
    truncated: bool = False
    reason: str = ""
    http_version: str = "HTTP/1.1"
    request_headers: Headers = ()

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)


@dataclass(frozen=True)
class Exchange:
    """One request and its response, for the archive."""

    url: str
    response: RawResponse
    at: datetime


class Transport(Protocol):
    """One plain GET, no redirects followed, reading at most `max_bytes` of body."""

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int) -> RawResponse: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class FetchConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0            # a server dripping one byte per read timeout still ends
    max_bytes: int = 5 * 2**20            # news pages are 50–500 KB; 5 MB is a download, not an article
    max_redirects: int = 5
    retries: int = 3                       # extra attempts after a timeout, 429 or 5xx
    backoff: float = 1.0                   # first retry wait; doubles each time
    max_wait: float = 60.0                 # the longest Retry-After or crawl-delay we honour; beyond: give up
    delay: float = 1.0                     # per host, between requests, unless a site rule says otherwise
    robots: bool = True


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


class HttpxTransport:
    """The real network, through httpx: streamed, redirects left to the Fetcher, raw bytes kept."""

    def __init__(self, config: FetchConfig = FetchConfig()) -> None:
        import httpx

        self._httpx = httpx
        self._total = config.total_timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            follow_redirects=False, headers={"Accept-Encoding": "gzip, deflate"})

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int) -> RawResponse:
        httpx = self._httpx
        deadline = time.monotonic() + self._total
        try:
            with self._client.stream("GET", url, headers=dict(headers)) as resp:
                length = resp.headers.get("content-length", "")
                chunks: list[bytes] = []
                size, truncated = 0, length.isdigit() and int(length) > max_bytes
                for chunk in () if truncated else resp.iter_raw():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > max_bytes:
                        truncated = True
                        break
                    if time.monotonic() > deadline:
                        raise FetchTimeout(f"no complete response within {self._total:g} s", source=url)
                return RawResponse(
                    status=resp.status_code, headers=tuple(resp.headers.multi_items()),
                    raw=b"".join(chunks)[: max_bytes], truncated=truncated, reason=resp.reason_phrase,
                    http_version=resp.http_version, request_headers=tuple(resp.request.headers.multi_items()))
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"timed out ({type(exc).__name__})", source=url) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise FetchConnectionError(f"{type(exc).__name__}: {exc}", source=url) from None

    def close(self) -> None:
        self._client.close()


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


class Fetcher:
    """Polite GETs over a Transport; one Fetcher serves every site of a run, so host delays are shared."""

    def __init__(self, transport: Transport, config: FetchConfig = FetchConfig(), *,
                 cache: CrawlCache | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.transport = transport
        self.config = config
        self.cache = cache
        self.throttle = Throttle(config.delay, clock=clock, sleep=sleep)
        self._now = now
        self._robots: dict[str, RobotsPolicy] = {}

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
        for _ in range(self.config.max_redirects + 1):
            if robots:
                self._check_robots(current, agent, on_exchange)
            response = self._get_once(current, agent, conditional, keep_body, on_exchange, max_bytes)
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
                  on_exchange: ExchangeHook | None, max_bytes: int) -> Response:
        """One URL, retried on timeouts, 429 and 5xx; the host's delay waited before every attempt."""
        host = host_of(url)
        cached = self.cache.get(url) if conditional and self.cache else None
        headers = {"User-Agent": agent, **(cached.conditional_headers() if cached else {})}
        for attempt in range(self.config.retries + 1):
            self.throttle.wait(host)
            try:
                raw = self.transport.get(url, headers, max_bytes=max_bytes)
            except (FetchTimeout, FetchConnectionError) as exc:
                self.throttle.done(host)
                if attempt == self.config.retries:
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise type(exc)(exc.message + tries, source=url) from None
                pause = backoff(attempt, self.config.backoff, self.config.max_wait)
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
            self.throttle.done(host, at_least=wait or 0.0)
            if wait is None or attempt == self.config.retries:
                return self._response(url, raw, at, attempt + 1, cached, conditional, keep_body, max_bytes)
            log.info("%s: HTTP %d; retrying in %.1f s", url, raw.status, wait)
        raise AssertionError("unreachable")  # pragma: no cover — the loop always returns or raises

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
           "RobotsDisallowed", "user_agent", "decode_content"]
