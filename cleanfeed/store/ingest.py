"""Pages → clean → store, in batches: one transaction per batch, failures reported, never raised.

This is the batch boundary (feedparser's "bozo" idea): a page that cannot be read or holds no article
becomes a Failure naming its source and the reason, and the rest of the batch goes on. Pages are cleaned
before the write transaction opens, so the store's write lock is held for milliseconds per batch.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from typing import TypeVar

from tqdm import tqdm

from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Article, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.project import Project
from cleanfeed.store.crashpoint import crash_point
from cleanfeed.store.db import Store

T = TypeVar("T")

log = logging.getLogger(__name__)

BATCH = 200      # pages per transaction: a crash loses at most the batch being written, never a stored one


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """A page that cleaned fine but is not an article (a product, a listing, a forum thread …): DESIGN.md
    publishes articles only, so it is counted, not stored, and not a failure."""

    source: str
    page_type: str


@dataclass(frozen=True)
class Ingested:
    source: str
    id: str
    status: str          # new / changed / unchanged / removed (tombstoned: stays out of the feeds)


@dataclass(frozen=True)
class IngestReport:
    pages: int
    results: tuple[Ingested, ...]
    failures: tuple[Failure, ...]
    skipped: tuple[Skipped, ...] = ()

    @property
    def articles(self) -> int:
        return len(self.results)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self, feeds: int | None = None) -> str:
        """`12 pages, 11 articles, 1 failed, 2 feeds written (3 new, 1 changed)`: the CLI's one line."""
        parts = [f"{self.pages} pages", f"{self.articles} articles"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} not articles (skipped)")
        parts.append(f"{len(self.failures)} failed")
        if feeds is not None:
            parts.append(f"{feeds} feeds written")
        changes = [f"{self.count(s)} {s}" for s in ("new", "changed", "removed") if self.count(s)]
        return ", ".join(parts) + (f" ({', '.join(changes)})" if changes else "")


def clean_one(page: Page, project: Project) -> Article | Failure:
    source = page.source or page.url or "<page>"
    try:
        return clean_page(page, project.rules, timezone=project.timezone)
    except CleanfeedError as exc:
        return Failure(source, exc.message)
    except RecursionError:
        return Failure(source, "page too deeply nested to read")
    except Exception as exc:
        log.debug("unexpected error cleaning %s", source, exc_info=True)
        return Failure(source, f"internal error: {type(exc).__name__}: {exc}")


def progress_bar(items: Iterable[T], progress: bool | None, desc: str = "cleaning") -> Iterator[T]:
    """`items` with a page counter on stderr: None lets tqdm decide (only on a terminal, never in pipes,
    CI or tests), False never shows one."""
    total = len(items) if isinstance(items, Sized) else None
    return iter(tqdm(items, total=total, unit="page", desc=desc, file=sys.stderr, leave=False,
                     disable=None if progress is None else not progress))


def ingest(project: Project, pages: Iterable[Page | CleanfeedError], *, progress: bool | None = None,
           store: Store | None = None, batch: int = BATCH) -> IngestReport:
    """Clean each page with the project's rules and store it; read errors and cleaning failures are
    collected in the report with their source and reason. Opens the project's store unless given one."""
    if store is None:
        with Store.open(project.store_path) as own:
            return ingest(project, pages, progress=progress, store=own, batch=batch)
    results: list[Ingested] = []
    failures: list[Failure] = []
    skipped: list[Skipped] = []
    pending: list[tuple[Page, Article]] = []
    count = 0
    for item in progress_bar(pages, progress):
        count += 1
        if isinstance(item, CleanfeedError):
            failures.append(Failure(item.source or "<input>", item.message))
            continue
        cleaned = clean_one(item, project)
        if isinstance(cleaned, Failure):
            failures.append(cleaned)
            continue
        if cleaned.page_type != "article":
            skipped.append(Skipped(item.source or item.url or "<page>", cleaned.page_type))
            continue
        pending.append((item, cleaned))
        if len(pending) >= batch:
            results += _write(store, pending)
            pending = []
    if pending:
        results += _write(store, pending)
    for failure in failures:
        log.debug("failed: %s", failure)
    return IngestReport(pages=count, results=tuple(results), failures=tuple(failures), skipped=tuple(skipped))


def _write(store: Store, batch: list[tuple[Page, Article]]) -> list[Ingested]:
    out = []
    with store.transaction():
        for page, article in batch:
            status, article_id = store.put(page, article)
            out.append(Ingested(page.source or page.url or "<page>", article_id, status))
        crash_point("ingest-before-commit")
    crash_point("ingest-committed")
    return out


__all__ = ["BATCH", "Failure", "IngestReport", "Ingested", "Skipped", "clean_one", "ingest", "progress_bar"]
