"""A bound in time for a test that could hang: SIGALRM interrupts the block (Python's `re` checks for signals
while it backtracks, sockets and sleeps are interrupted too). Not a timing assertion: the bound is seconds
where the work takes milliseconds; passing it means the code hung."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def hang_guard(seconds: float, what: str) -> Iterator[None]:
    """Raise TimeoutError(`what` …) when the block runs past `seconds` (main thread only, as signals are)."""
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"{what}: still running after {seconds:g} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
