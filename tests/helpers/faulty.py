"""A cleaner with injected faults, for tests/test_corpus*.py: imported by name (`helpers.faulty:clean_page`) in
the Dask workers and cleaning processes (the `faulty_cleaner` fixture of tests/conftest.py puts tests/ on
PYTHONPATH). Pages whose text holds a marker misbehave; others are cleaned by the real pipeline."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from cleanfeed.model import Article, Page
from cleanfeed.pipeline import clean_page as real_clean_page


def _text(page: Page) -> str:
    return page.body if isinstance(page.body, str) else page.body.decode("utf-8", "replace")


def clean_page(page: Page, rules: Any = None, *, timezone: str | None = None) -> Article:
    text = _text(page)
    if "FAULT-RAISE" in text:
        raise RuntimeError("injected bug")
    if "FAULT-SEGV" in text:
        os.kill(os.getpid(), signal.SIGSEGV)        # the cleaning process dies as a C crash would
    if "FAULT-HANG" in text:
        time.sleep(3600)
    marker = os.environ.get("CLEANFEED_TEST_KILL_MARKER")
    if "FAULT-KILL-WORKER" in text and marker and not Path(marker).exists():
        Path(marker).write_text(str(os.getppid()))
        os.kill(os.getppid(), signal.SIGKILL)       # the Dask worker running this partition is lost
        time.sleep(30)
    return real_clean_page(page, rules, timezone=timezone)
