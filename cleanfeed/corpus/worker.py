"""One partition on one worker: read it, clean every page in a child process, write its shard.

Why a child process: a page that hangs cannot be stopped inside a thread, and one that kills its
process (a C extension crash, memory exhaustion) would take the Dask worker, then every retry of the
partition, with it. The child streams one result per page; the worker thread watches it with the
per-page time limit, records a page that hangs or kills the child as failed, and starts a fresh child
that goes on after that page. Each worker thread keeps its child for the next partitions. The shard is
written under a temporary name and renamed, so a partition recomputed after a lost worker (or a re-run)
replaces it with the same bytes.
"""
from __future__ import annotations

import contextlib
import importlib
import json
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from cleanfeed.corpus.parts import Partition, read_partition
from cleanfeed.corpus.shards import ShardWriter, shard_name
from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Article, Page
from cleanfeed.pipeline import page_text
from cleanfeed.rules.site import RuleSet

CLEANER = "cleanfeed.pipeline:clean_page"
_CHILD = "from cleanfeed.corpus.worker import child_main; child_main()"


@dataclass(frozen=True)
class Job:
    """What every partition task needs; pickled to the workers once per task."""

    out_dir: str
    fmt: str = "jsonl"
    width: int = 5                   # digits in shard names: part-00000 …
    timezone: str | None = None
    rules: RuleSet | None = None
    page_timeout: float = 60.0       # seconds of cleaning one page may take
    keep_raw: bool = False           # add the page as decoded text (`raw`), for the store's `reclean`
    cleaner: str = CLEANER           # "module:function" (page, rules, timezone=) -> Article; tests inject faults


@dataclass(frozen=True)
class PartResult:
    index: int
    shard: str
    pages: int
    failed: int                      # records with an error: unreadable, crashed, timed out
    skipped: int = 0                 # pages that hold no article (NoArticleError): handled, not failed


def run_partition(part: Partition, job: Job) -> PartResult:
    """The Dask task: clean `part` and write `part-NNNNN.<fmt>` into `job.out_dir`."""
    name = shard_name(part.index, job.fmt, job.width)
    final = Path(job.out_dir) / name
    temp = final.with_name(f".{name}.{uuid.uuid4().hex}.tmp")
    pages = failed = skipped = 0
    try:
        with ShardWriter(temp, job.fmt) as writer:
            for record in partition_records(part, job):
                writer.write(record)
                pages += 1
                no_article = record.get("error_type") == "NoArticleError"
                failed += "error" in record and not no_article
                skipped += no_article
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    return PartResult(part.index, name, pages, failed, skipped)


def partition_records(part: Partition, job: Job) -> Iterator[dict[str, Any]]:
    """The partition's output records in input order; every input item gives exactly one record."""
    done, reader_died_at = 0, -1
    while True:
        pending: dict[str, Any] | None = None
        with _child() as child:
            for kind, msg in child.run(part, job, done):
                if kind == "begin":
                    pending = msg
                elif kind == "record":
                    pending, done = None, done + 1
                    yield msg["rec"]
                elif kind == "end":
                    return
                elif pending is None:        # died while reading, not cleaning: try once more, then give up
                    if reader_died_at == done:
                        yield failure(part.describe(), None, f"reading stopped: {msg['why']}", "crash")
                        return
                    reader_died_at = done
                    break
                else:
                    kind_ = "timeout" if kind == "timeout" else "crash"
                    yield failure(pending["source"], pending["url"], msg["why"], kind_)
                    done = pending["begin"] + 1
                    break


def failure(source: str | None, url: str | None, error: str, error_type: str,
            fetched_at: str | None = None) -> dict[str, Any]:
    return {"source": source, "url": url, "fetched_at": fetched_at, "error": error, "error_type": error_type}


def article_record(page: Page, article: Article, keep_raw: bool = False, timezone: str | None = None
                   ) -> dict[str, Any]:
    """`Article.to_dict()` plus where the page came from, the `updated` date's provenance and the zone
    the page was cleaned in (so `reclean` of a kept raw page reads its clocks the same way)."""
    rec = {"source": page.source, **article.to_dict(explain=False)}
    if article.updated:
        rec["updated_source"] = article.updated.source
    if page.timezone or timezone:
        rec["timezone"] = page.timezone or timezone
    if keep_raw:
        rec["raw"] = page.body if isinstance(page.body, str) else page_text(page)[0]
    return rec


class _Child:
    """A `python -c` process that cleans partitions sent to it, one at a time (subprocess, not
    multiprocessing: Dask workers are daemonic processes, which may not start children that way)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=None)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.lines: queue.Queue[bytes] = queue.Queue()
        self.pump = threading.Thread(target=_pump, args=(self.proc.stdout, self.lines), daemon=True)
        self.pump.start()
        self.jobs = 0
        self.idle = True             # between partitions: safe to reuse

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.pump.join(10)            # the pipe is at EOF once the child is gone
        for pipe in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                pipe.close()          # type: ignore[union-attr]

    def run(self, part: Partition, job: Job, skip: int) -> Iterator[tuple[str, dict[str, Any]]]:
        """Send one partition; ("begin" | "record" | "end" | "timeout" | "died", message) as reported."""
        self.idle, self.jobs = False, self.jobs + 1
        data = pickle.dumps((part, job, skip))
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(struct.pack(">Q", len(data)) + data)
            self.proc.stdin.flush()
        except OSError:
            pass                      # it died: the pipe says so below
        cleaning = False
        while True:
            try:
                line = self.lines.get(timeout=job.page_timeout if cleaning else None)
            except queue.Empty:
                self.proc.kill()
                yield "timeout", {"why": f"timed out: cleaning took over {job.page_timeout:g} s"}
                return
            if not line:
                yield "died", {"why": f"the cleaning process died ({_exit_reason(self.proc.wait())})"}
                return
            msg = json.loads(line)
            kind = "begin" if "begin" in msg else "record" if "rec" in msg else "end"
            cleaning = kind == "begin"
            self.idle = kind == "end"
            yield kind, msg


_local = threading.local()
JOBS_PER_CHILD = 100             # then a fresh process: whatever a long run leaks is given back


@contextmanager
def _child() -> Iterator[_Child]:
    """This worker thread's cleaning process: reused between partitions (starting one costs ~0.25 s),
    replaced after a crash, a timeout, or anything that leaves it mid-partition."""
    child: _Child | None = getattr(_local, "child", None)
    if child is None or child.proc.poll() is not None or child.jobs >= JOBS_PER_CHILD:
        if child is not None:
            child.close()
        child = _local.child = _Child()
    try:
        yield child
    finally:
        if not child.idle or child.proc.poll() is not None:
            child.close()
            _local.child = None


def release_child() -> None:
    """Stop this thread's cleaning process (tests; a worker's children end with it on their own)."""
    child: _Child | None = getattr(_local, "child", None)
    if child is not None:
        child.close()
        _local.child = None


def _pump(stream: IO[bytes], lines: queue.Queue[bytes]) -> None:
    for line in iter(stream.readline, b""):
        lines.put(line)
    lines.put(b"")


def _exit_reason(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def child_main() -> None:
    """The child's side: partitions arrive on stdin (length-prefixed pickles, until EOF); results go
    out as JSON lines on the original stdout (fd 1 is moved to stderr, so nothing printed by library
    code can corrupt them)."""
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _watch_parent()
    source = sys.stdin.buffer
    while len(head := source.read(8)) == 8:
        part, job, skip = pickle.loads(source.read(struct.unpack(">Q", head)[0]))
        clean = _load(job.cleaner)
        for i, item in enumerate(read_partition(part, timezone=job.timezone)):
            if i < skip:
                continue
            if isinstance(item, Page):
                proto.write(json.dumps({"begin": i, "source": item.source, "url": item.url}) + "\n")
                proto.flush()
            rec = clean_record(item, clean, job)
            proto.write(json.dumps({"rec": rec}) + "\n")       # ASCII: lone surrogates survive the pipe
            proto.flush()
        proto.write('{"end": true}\n')
        proto.flush()


def clean_record(item: Page | CleanfeedError, clean: Callable[..., Article], job: Job) -> dict[str, Any]:
    """One output record: the article, or why there is none (the batch boundary: never raises)."""
    if isinstance(item, CleanfeedError):
        return failure(item.source, None, item.message, type(item).__name__)
    when = item.fetched_at.isoformat() if item.fetched_at else None
    try:
        return article_record(item, clean(item, job.rules, timezone=job.timezone), job.keep_raw, job.timezone)
    except CleanfeedError as exc:
        return failure(item.source, item.url, exc.message, type(exc).__name__, when)
    except RecursionError:
        return failure(item.source, item.url, "page too deeply nested to read", "crash", when)
    except Exception as exc:        # noqa: BLE001  a bug on one page must not lose the partition
        return failure(item.source, item.url, f"internal error: {type(exc).__name__}: {exc}", "crash", when)


@lru_cache(maxsize=8)
def _load(spec: str) -> Callable[..., Article]:
    module, _, name = spec.partition(":")
    fn: Callable[..., Article] = getattr(importlib.import_module(module), name)
    return fn


def _watch_parent() -> None:
    """Exit when the worker that started us is gone (killed workers must not leave cleaners behind)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(3)

    threading.Thread(target=watch, daemon=True).start()
