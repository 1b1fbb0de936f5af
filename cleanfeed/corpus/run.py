"""Clean a whole crawl on a Dask cluster: plan partitions here, clean and write shards on the workers.

The same code runs on a laptop (`LocalCluster`, one worker process per core) and on a cluster of
`dask scheduler` + `dask worker` machines. Workers read their own slice of the input and write their
own shard, so the client holds only the plan and one small summary per partition: input paths and
the output folder must be reachable under the same names from every worker (a shared file system).

Output is deterministic: shard `part-N` holds partition N's records in input order, whichever worker
cleaned it and however often (a partition recomputed after a lost worker rewrites the same bytes).
Dask is imported only here and only when a run starts: `read_shards` needs no cluster.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanfeed.corpus.parts import PARTITION_BYTES, Partition, plan
from cleanfeed.corpus.shards import MANIFEST, SHARD, is_shard_dir, read_shards
from cleanfeed.corpus.worker import CLEANER, Job, PartResult, run_partition
from cleanfeed.errors import CleanfeedError, CorpusError
from cleanfeed.rules.site import RuleSet

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorpusReport:
    out_dir: Path
    partitions: int
    pages: int
    failed: int                       # pages recorded as failed (reasons are in the shards)
    lost: tuple[str, ...] = ()        # partitions that could not be computed at all (with the reason)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.lost


def default_workers() -> int:
    """One worker process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                         # not Linux
        return max(1, os.cpu_count() or 1)


def clean_corpus(inputs: Sequence[str], out_dir: Path, *, rules: RuleSet | None = None,
                 timezone: str | None = None, fmt: str = "jsonl", scheduler: str | None = None,
                 workers: int | None = None, client: Any = None, partition_bytes: int = PARTITION_BYTES,
                 page_timeout: float = 60.0, keep_raw: bool = False, cleaner: str = CLEANER,
                 on_start: Callable[[int, str | None], None] | None = None,
                 on_done: Callable[[PartResult], None] | None = None) -> CorpusReport:
    """Clean every page of `inputs` into `out_dir/part-*.{fmt}`; returns counts, never the pages.

    `client` (a `distributed.Client`) wins over `scheduler` (an address), which wins over a local
    cluster of `workers` processes (default: one per core). `on_start(partitions, dashboard_link)` and
    `on_done(result)` report progress.
    """
    need_dask()
    if fmt == "parquet":
        need_pyarrow()
    parts = plan(inputs, partition_bytes=partition_bytes)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST).unlink(missing_ok=True)   # present only while the folder holds a finished run
    job = Job(out_dir=str(out_dir.resolve()), fmt=fmt, width=max(5, len(str(len(parts) - 1))), timezone=timezone,
              rules=rules, page_timeout=page_timeout, keep_raw=keep_raw, cleaner=cleaner)
    with _connect(client, scheduler, workers) as dask_client:
        if on_start:
            on_start(len(parts), _dashboard(dask_client))
        results, lost = _run(dask_client, parts, job, on_done)
    _tidy(out_dir, {r.shard for r in results})
    if not lost:
        _write_manifest(out_dir, inputs, fmt, results)
    return CorpusReport(out_dir, len(parts), sum(r.pages for r in results), sum(r.failed for r in results),
                        tuple(lost))


def _run(client: Any, parts: list[Partition], job: Job,
         on_done: Callable[[PartResult], None] | None) -> tuple[list[PartResult], list[str]]:
    from distributed import as_completed

    futures = {client.submit(run_partition, part, job, key=f"cleanfeed-part-{part.index}-{os.urandom(6).hex()}",
                             retries=1): part for part in parts}
    results: list[PartResult] = []
    lost: list[str] = []
    for future in as_completed(futures):  # type: ignore[no-untyped-call]
        part = futures[future]
        try:
            result = future.result()
        except Exception as exc:    # noqa: BLE001  KilledWorker, a full disk …: name the partition, go on
            lost.append(f"partition {part.index} ({part.describe()}): {type(exc).__name__}: {exc}")
            log.error("%s", lost[-1])
            continue
        results.append(result)
        if on_done:
            on_done(result)
    results.sort(key=lambda r: r.index)
    return results, lost


class _connect:
    """The Dask client to use, closing only what this run started."""

    def __init__(self, client: Any, scheduler: str | None, workers: int | None) -> None:
        self.given, self.scheduler, self.workers = client, scheduler, workers
        self.own: list[Any] = []

    def __enter__(self) -> Any:
        if self.given is not None:
            return self.given
        from distributed import Client, LocalCluster
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="20s")  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise CorpusError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
            self.own = [client]
            return client
        cluster = LocalCluster(n_workers=self.workers or default_workers(), threads_per_worker=1,  # type: ignore[no-untyped-call]
                               processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(cluster)  # type: ignore[no-untyped-call]
        self.own = [client, cluster]
        return client

    def __exit__(self, *exc: object) -> None:
        for thing in self.own:
            thing.close()


def _dashboard(client: Any) -> str | None:
    """The dashboard link, when the dashboard can be served (it needs bokeh, which we do not require)."""
    return getattr(client, "dashboard_link", None) if importlib.util.find_spec("bokeh") else None


def ingest_shards(project: Any, folder: Path, *, store: Any = None, batch: int = 200) -> Any:
    """Store the articles of a shard folder (no cleaning: the cluster did it) → publish's IngestReport.

    `cleanfeed add SHARD_DIR` uses this; the store stays the only writer, one transaction per batch.
    """
    from cleanfeed.store.db import Store
    from cleanfeed.store.ingest import Failure, Ingested, IngestReport, Skipped

    if store is None:
        with Store.open(project.store_path) as own:
            return ingest_shards(project, folder, store=own, batch=batch)
    results: list[Any] = []
    failures: list[Any] = []
    skipped: list[Any] = []
    pending: list[tuple[Any, Any]] = []
    count = 0

    def flush() -> None:
        with store.transaction():
            for page, article in pending:
                status, article_id = store.put(page, article)
                results.append(Ingested(page.source or page.url or "<page>", article_id, status))
        pending.clear()

    for item in read_shards(folder):
        count += 1
        if isinstance(item, CleanfeedError):
            failures.append(Failure(item.source or str(folder), item.message))
            continue
        if item[1].page_type != "article":           # counted, never stored (DESIGN.md: articles only)
            skipped.append(Skipped(item[0].source or item[0].url or "<page>", item[1].page_type))
            continue
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return IngestReport(pages=count, results=tuple(results), failures=tuple(failures), skipped=tuple(skipped))


def _tidy(out_dir: Path, keep: set[str]) -> None:
    """Drop shards a previous, larger run left behind, and temporary files of lost attempts."""
    for path in out_dir.iterdir():
        stale = SHARD.match(path.name) and path.name not in keep
        if stale or path.name.startswith(".part-") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)


def _write_manifest(out_dir: Path, inputs: Sequence[str], fmt: str, results: list[PartResult]) -> None:
    """Written last, atomically: its presence means every shard of this run is complete."""
    data = {"format": fmt, "inputs": list(inputs), "pages": sum(r.pages for r in results),
            "failed": sum(r.failed for r in results),
            "partitions": [{"shard": r.shard, "pages": r.pages, "failed": r.failed} for r in results]}
    temp = out_dir / (MANIFEST + ".tmp")
    temp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, out_dir / MANIFEST)


def need_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise CorpusError("clean-corpus needs Dask: pip install 'cleanfeed[corpus]'") from None


def need_pyarrow() -> None:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise CorpusError("--format parquet needs pyarrow: pip install 'cleanfeed[corpus]' (or pyarrow)") from None


__all__ = ["clean_corpus", "CorpusReport", "CorpusError", "read_shards", "is_shard_dir", "ingest_shards",
           "default_workers",
           "Partition", "plan"]
