"""Politeness as small pure pieces: per-host spacing of requests, Retry-After, backoff, robots.txt rules.

No sockets here (fetch.py is the only module that opens connections); the clock and sleep are
injected so tests can check the spacing without waiting for it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from protego import Protego

log = logging.getLogger(__name__)

AGENT_TOKEN = "cleanfeed"           # the product token robots.txt groups are matched against


class Throttle:
    """At least `delay(host)` seconds between the end of one request to a host and the start of the next.

    Keyed by host name, not by site: two site rules on one host share one clock, and so do its ports.
    """

    def __init__(self, default_delay: float = 1.0, *, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.default_delay = default_delay
        self._clock = clock
        self._sleep = sleep
        self._delay: dict[str, float] = {}
        self._next: dict[str, float] = {}

    def delay(self, host: str) -> float:
        return self._delay.get(host, self.default_delay)

    def set_delay(self, host: str, seconds: float) -> None:
        """Raise the host's delay to `seconds` (site rule or crawl-delay); several callers: the largest wins."""
        self._delay[host] = max(self._delay.get(host, 0.0), seconds)

    def wait(self, host: str) -> None:
        pause = self._next.get(host, 0.0) - self._clock()
        if pause > 0:
            log.debug("waiting %.2f s before the next request to %s", pause, host)
            self._sleep(pause)

    def done(self, host: str, *, at_least: float = 0.0) -> None:
        """A request to `host` just ended; `at_least` stretches the gap (Retry-After, backoff)."""
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + max(self.delay(host), at_least))


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff for the retry after `attempt` (0-based): base, 2·base, 4·base … up to cap."""
    return float(min(cap, base * (2 ** attempt)))


@dataclass(frozen=True)
class RobotsPolicy:
    """What one host's robots.txt allows. `parser` None means "allow all" (no file, 4xx)."""

    parser: Protego | None = None
    deny_all: bool = False                  # 5xx or unreachable: RFC 9309 says assume complete disallow
    reason: str = ""
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, text: str) -> RobotsPolicy:
        return cls(parser=Protego.parse(text))

    def allows(self, url: str) -> bool:
        if self.deny_all:
            return False
        if self.parser is None:
            return True
        if url not in self._cache:
            self._cache[url] = bool(self.parser.can_fetch(url, AGENT_TOKEN))
        return self._cache[url]

    def delay(self) -> float | None:
        """Crawl-delay, or the interval implied by Request-rate, for our agent (None when neither is set)."""
        if self.parser is None:
            return None
        crawl_delay = self.parser.crawl_delay(AGENT_TOKEN)
        rate = self.parser.request_rate(AGENT_TOKEN)
        from_rate = rate.seconds / rate.requests if rate and rate.requests else None
        delays = [float(d) for d in (crawl_delay, from_rate) if d is not None]
        return max(delays) if delays else None


__all__ = ["Throttle", "retry_after", "backoff", "RobotsPolicy", "AGENT_TOKEN"]
