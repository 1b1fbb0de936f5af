"""Pages → clean → gate → store, in batches: the one way in, for every input.

This is the batch boundary (feedparser's "bozo" idea): an input that cannot be read, a page the cleaner
cannot use, a record the gate refuses, even a bug on one page, becomes a Failure naming its source and
the reason, and everything beside it is stored. A page that holds no article (a listing page, only
boilerplate) is not a failure: it is skipped and counted (DESIGN.md, `page_type`); an empty page is one.
Pages are cleaned before the write transaction opens, so the store's write lock is held for milliseconds
per batch; inside the batch each record has its own savepoint, so one that fails to write takes only
itself back.
"""
from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from cleanfeed.errors import CleanfeedError, EmptyPageError, InputError, NoArticleError, StoreError
from cleanfeed.model import Article, Cleaned, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.project import Project
from cleanfeed.store.crashpoint import crash_point
from cleanfeed.store.db import Store
from cleanfeed.store.records import compress_raw

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
    """A page read and cleaned, but not an article (a listing page, only boilerplate): counted, not failed."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


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
        """`12 pages, 11 articles, 1 failed, 2 feeds written (3 new, 1 changed, 2 not articles)`."""
        parts = [f"{self.pages} pages", f"{self.articles} articles", f"{len(self.failures)} failed"]
        if feeds is not None:
            parts.append(f"{feeds} feeds written")
        changes = [f"{self.count(s)} {s}" for s in ("new", "changed", "removed") if self.count(s)]
        if self.skipped:
            changes.append(f"{len(self.skipped)} not articles, skipped")
        return ", ".join(parts) + (f" ({', '.join(changes)})" if changes else "")

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(self.pages + other.pages, self.results + other.results, self.failures + other.failures,
                            self.skipped + other.skipped)


def clean_one(page: Page, project: Project) -> Article | Failure | Skipped:
    """The page's article, or why there is none; never raises (a bug on one page is that page's failure)."""
    source = page.source or page.url or "<page>"
    try:
        return clean_page(page, project.rules, timezone=project.timezone)
    except EmptyPageError as exc:                 # a scrape that saved nothing: worth a failure
        return Failure(source, exc.message)
    except NoArticleError as exc:
        return Skipped(source, exc.message)
    except CleanfeedError as exc:
        return Failure(source, exc.message)
    except RecursionError:
        return Failure(source, "page too deeply nested to read")
    except Exception as exc:     # the batch boundary: one page's bug must not sink the others
        log.debug("unexpected error cleaning %s", source, exc_info=True)
        return Failure(source, f"internal error: {type(exc).__name__}: {exc}")


def progress_bar(items: Iterable[T], progress: bool | None, desc: str = "cleaning") -> Iterator[T]:
    """`items` with a page counter on stderr: None lets tqdm decide (only on a terminal, never in pipes,
    CI or tests), False never shows one."""
    from tqdm import tqdm  # 0.1 s of imports (importlib.metadata): only when pages are cleaned

    total = len(items) if isinstance(items, Sized) else None
    return iter(tqdm(items, total=total, unit="page", desc=desc, file=sys.stderr, leave=False,
                     disable=None if progress is None else not progress))


Item = Page | Cleaned | CleanfeedError


@dataclass(frozen=True)
class Pending:
    """A page ready to write: its article, and its raw page being compressed on the helper thread."""

    page: Page
    article: Article
    keep_raw: bool
    compressed: Future[bytes] | None
    sanitized: bool                    # the article's HTML is the cleaner's own, made here


def guarded(items: Iterable[T]) -> Iterator[T | CleanfeedError]:
    """`items`, with an exception raised by the reader itself (a bug: readers yield their errors) turned
    into one InputError in place, after which that reader is done: what was read before it is kept."""
    it = iter(items)
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except Exception as exc:   # a broken reader ends its input, never the batch
            log.debug("reader failed", exc_info=True)
            yield InputError(f"reading stopped: internal error: {type(exc).__name__}: {exc}")
            return
        yield item


def ingest(project: Project, items: Iterable[Item], *, progress: bool | None = None,
           store: Store | None = None, batch: int = BATCH) -> IngestReport:
    """Clean each page with the project's rules (a Cleaned item came cleaned), pass it through the gate
    and store it; read errors, cleaning failures and refused records are collected in the report with
    their source and reason, pages that are not articles are counted as skipped. Opens the project's
    store unless given one."""
    if store is None:
        with Store.open(project.store_path) as own:
            return ingest(project, items, progress=progress, store=own, batch=batch)
    results: list[Ingested] = []
    failures: list[Failure] = []
    skipped: list[Skipped] = []
    pending: list[Pending] = []
    count = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cleanfeed-compress") as helper:
        for item in progress_bar(guarded(items), progress):
            count += 1
            outcome = _prepare(item, project, helper)
            if isinstance(outcome, Failure):
                failures.append(outcome)
            elif isinstance(outcome, Skipped):
                skipped.append(outcome)
            else:
                pending.append(outcome)
            if len(pending) >= batch:
                _write(store, pending, results, failures)
                pending = []
        if pending:
            _write(store, pending, results, failures)
    for failure in failures:
        log.debug("failed: %s", failure)
    for skip in skipped:
        log.info("skipped, not an article: %s", skip)
    return IngestReport(count, tuple(results), tuple(failures), tuple(skipped))


def not_an_article(article: Article, page: Page) -> Skipped | None:
    """A page that cleaned fine but is not an article (a listing, a product, a forum thread …): DESIGN.md
    publishes articles only, so it is counted, never stored, and not a failure."""
    if article.page_type == "article":
        return None
    kind = "no known kind of" if article.page_type == "other" else f"a {article.page_type}"
    return Skipped(page.source or page.url or "<page>", f"{kind} page, not an article")


def _prepare(item: object, project: Project, helper: ThreadPoolExecutor) -> Pending | Failure | Skipped:
    """The item cleaned (a Page) or taken as it is (Cleaned), its raw page compressed on `helper` while
    the cleaner works: zlib lets go of the GIL, so on two cores the compression costs no wall time."""
    if isinstance(item, NoArticleError) and not isinstance(item, EmptyPageError):
        return Skipped(item.source or "<input>", item.message)
    if isinstance(item, CleanfeedError):
        return Failure(item.source or "<input>", item.message)
    if isinstance(item, Cleaned):
        if (skip := not_an_article(item.article, item.page)) is not None:
            return skip
        raw = helper.submit(compress_raw, item.page) if item.raw_kept else None
        return Pending(item.page, item.article, item.raw_kept, raw, sanitized=False)
    if isinstance(item, Page):
        raw = helper.submit(compress_raw, item)
        cleaned = clean_one(item, project)
        if not isinstance(cleaned, (Failure, Skipped)) and (skip := not_an_article(cleaned, item)) is not None:
            cleaned = skip
        if isinstance(cleaned, (Failure, Skipped)):
            raw.cancel()
            return cleaned
        return Pending(item, cleaned, True, raw, sanitized=True)
    return Failure("<input>", f"internal error: not a page: {type(item).__name__}")


def _write(store: Store, batch: list[Pending], results: list[Ingested], failures: list[Failure]) -> None:
    """One transaction for the batch, one savepoint per record: a record the gate refuses, or that fails
    to write, is named in `failures` and the others commit."""
    with store.transaction():
        for item in batch:
            source = item.page.source or item.page.url or "<page>"
            try:
                compressed = item.compressed.result() if item.compressed is not None else None
                with store.savepoint():
                    status, article_id = store.put(item.page, item.article, keep_raw=item.keep_raw,
                                                   compressed=compressed, sanitized=item.sanitized)
            except CleanfeedError as exc:
                if isinstance(exc, StoreError):
                    raise
                failures.append(Failure(exc.source or source, exc.message))
                continue
            except sqlite3.OperationalError:
                raise                       # the disk or the lock, not this record: the batch stops
            except Exception as exc:        # bad data in one record (a bug): that record fails alone
                log.debug("cannot store %s", source, exc_info=True)
                failures.append(Failure(source, f"internal error: {type(exc).__name__}: {exc}"))
                continue
            results.append(Ingested(source, article_id, status))
        crash_point("ingest-before-commit")
    crash_point("ingest-committed")


__all__ = ["BATCH", "Failure", "IngestReport", "Ingested", "Skipped", "clean_one", "guarded", "ingest",
           "not_an_article", "progress_bar"]
