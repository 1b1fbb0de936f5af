"""Typing own non-article dumps (tests/dumptypes2, tests/dumptypes3): what a dump is typed, and the test cases of
pages × tools with the pairs still typed `article` as strict xfails."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.errors import NoArticleError


def typed(path: Path) -> str:
    """The dump's page type; `none` when cleanfeed finds no text to keep (it reaches no feed either)."""
    try:
        return clean(path.read_text("utf-8")).page_type
    except NoArticleError:
        return "none"


def cases(pages: Iterable[str], tools: Iterable[str], missed: set[tuple[str, str]]) -> list[object]:
    """One case per (page, tool); a pair in `missed` (still typed `article`) is a strict xfail."""
    tools = tuple(tools)
    return [pytest.param(p, t, marks=pytest.mark.xfail(strict=True, reason="typed article")) if (p, t) in missed
            else pytest.param(p, t) for p in pages for t in tools]
