"""What passes between the Fetcher and a Transport: the request's configuration, the raw response and
the exchange the archive keeps. Plain records, no network."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

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
    """One plain GET, no redirects followed, reading at most `max_bytes` of body. A transport may also
    take `timeout=` (seconds for the whole request; the Fetcher passes it when it does) and offer
    `resolve(host) -> [addresses]` (the Fetcher then checks names, not only IP literals)."""

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int) -> RawResponse: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class FetchConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0             # the longest silence between two reads
    total_timeout: float = 20.0            # one attempt, connect + headers + body: a dripping server still ends
    url_timeout: float = 30.0              # one URL: all its attempts, backoff waits and redirects together
    max_time: float | None = None          # the whole run (`--max-time`); None: no limit
    max_bytes: int = 5 * 2**20            # news pages are 50–500 KB; 5 MB is a download, not an article
                                           # (counted after decompression: a gzip bomb stops there too)
    max_redirects: int = 5
    retries: int = 3                       # extra attempts after a timeout, 429 or 5xx
    backoff: float = 1.0                   # first retry wait; doubles each time
    max_wait: float = 60.0                 # the longest Retry-After or crawl-delay we honour; beyond: give up
    delay: float = 1.0                     # per host, between requests, unless a site rule says otherwise
    robots: bool = True



DEFAULT_CONFIG = FetchConfig()          # frozen: one shared default is safe

__all__ = ["DEFAULT_CONFIG", "Exchange", "FetchConfig", "Headers", "RawResponse", "Transport", "header_value"]
