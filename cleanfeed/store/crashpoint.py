"""A test hook for the crash-safety tests: kill this process at a named point of a write.

The store's batch writes and the feed writers call `crash_point` where a crash would hurt most (before a
commit, after a temporary file is written); tests set `CLEANFEED_CRASH_AT` and check that nothing stored
or published was lost.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

_hits: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """Test hook for the crash-safety tests: `CLEANFEED_CRASH_AT=name[:n]` SIGKILLs this process the
    n-th time (default first) it passes `name`. Costs one dict lookup when unset."""
    wanted = os.environ.get("CLEANFEED_CRASH_AT")
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point == name:
        _hits[name] += 1
        if _hits[name] >= int(nth or 1):
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
