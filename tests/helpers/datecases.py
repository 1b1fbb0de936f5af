"""Our own date cases (tests/data/dates, README.md there): plain-text snippets with the day they were fetched,
and small HTML pages with their sidecar. Each case runs through `cleanfeed.clean` as a user's page would, and
the answer is the Article's publication (and update) day."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from cleanfeed import clean
from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Article, FoundDate
from helpers.data import DATA

DATES = DATA / "dates"
HTML_CASES = DATES / "html_cases"
T = TypeVar("T")
ZH_PORTALS = DATES / "zh_portals"          # 24 Chinese portal builds (issue 19, third round)


@dataclass(frozen=True)
class Days:
    published: str | None
    updated: str | None
    has_updated: bool             # the Article has an `updated` field at all


def day(found: FoundDate | None) -> str | None:
    return found.value.date().isoformat() if found else None


def _days(article: Article | None) -> Days:
    if article is None:                                        # no article at all: no date either
        return Days(None, None, True)
    return Days(day(article.published), day(getattr(article, "updated", None)), hasattr(article, "updated"))


def text_cases() -> list[dict[str, Any]]:
    """{"id", "lang", "kind", "category", "text", "reference_date", "expected", "note"} per snippet."""
    return [json.loads(line) for line in (DATES / "text_cases_own.jsonl").read_text("utf-8").splitlines()]


def more_text_cases() -> list[dict[str, Any]]:
    """The 40 snippets written for issue 19 (text_cases_more.jsonl), same keys plus `split`: "dev" (looked at
    while the engine was changed) or "held-out" (scored only, before and after)."""
    return [json.loads(line) for line in (DATES / "text_cases_more.jsonl").read_text("utf-8").splitlines()]


def html_cases(folder: Path = HTML_CASES) -> dict[str, dict[str, Any]]:
    """File name → {"published", "updated", "note", "meta": {"url", "fetched_at", "timezone"}}."""
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    return {name: {**truth[name], "meta": meta.get(name)} for name in sorted(truth)}


def text_case_days(case: dict[str, Any]) -> Days:
    """The snippet cleaned with its fetch day (a bare date: the end of that day, UTC)."""
    try:
        return _days(clean(case["text"], fetched_at=case["reference_date"]))
    except CleanfeedError:
        return _days(None)


def html_case_days(name: str, meta: dict[str, Any], folder: Path = HTML_CASES, with_url: bool = False) -> Days:
    """The page cleaned with its fetch time and time zone, without its URL: a test of the page alone (the URL
    only repeats or contradicts what the page prints); `with_url` passes the sidecar's URL too, for pages whose
    URL is part of the case (a date in its path)."""
    url = meta.get("url") if with_url else None
    try:
        return _days(clean((folder / name).read_bytes(), url=url, fetched_at=meta["fetched_at"],
                           timezone=meta["timezone"]))
    except CleanfeedError:
        return _days(None)


def by_name(cases: Iterable[T], misses: set[str], name: Callable[[T], str] = str,
            reason: str = "known miss") -> list[Any]:
    """pytest params, one per case, named; a case named in `misses` is a strict xfail, so a fix must take its
    name off the list (the date rounds commit their pages failing, then empty the list)."""
    return [pytest.param(c, id=name(c), marks=[pytest.mark.xfail(strict=True, reason=reason)]
                         if name(c) in misses else []) for c in cases]


def day_tests(folder: Path, misses: Iterable[str] = (), update_misses: Iterable[str] = (), *,
              with_url: bool = False) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """The publication-day and update-day tests of one folder of hand-written pages (a date round's, or the
    dated dumps'): one test per page, each named in `misses` / `update_misses` a strict xfail. A test module
    binds them to its own names (`test_publication_day, test_update_day = day_tests(…)`), which pytest collects."""
    pages = html_cases(folder)

    @pytest.mark.parametrize("name", by_name(sorted(pages), set(misses)))
    def test_publication_day(name: str) -> None:
        case = pages[name]
        assert html_case_days(name, case["meta"], folder, with_url).published == case["published"], case["note"]

    @pytest.mark.parametrize("name", by_name(sorted(n for n, c in pages.items() if c["updated"]), set(update_misses)))
    def test_update_day(name: str) -> None:
        case = pages[name]
        assert html_case_days(name, case["meta"], folder, with_url).updated == case["updated"], case["note"]

    return test_publication_day, test_update_day
