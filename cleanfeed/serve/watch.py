"""`cleanfeed serve --watch`: pages dropped into input folders are cleaned and published within seconds.

Polling, not inotify: no dependency, works on network and container mounts, and a poll every second is
nothing next to cleaning a page. A file is read only once its (size, mtime_ns) — and its sidecar's — are
the same on two polls in a row, so a page still being written is never read half-written. A bad page is
logged and skipped until it changes again; the batch around it still publishes.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import is_page_file, iter_pages
from cleanfeed.model import Page
from cleanfeed.rules.project import Project

log = logging.getLogger(__name__)

Stamp = tuple[int, int]                       # (size, mtime_ns)


@dataclass(frozen=True)
class Signature:
    """What a page file looks like on disk; any change means "read it again once it is stable"."""

    page: Stamp
    sidecar: Stamp | None


@dataclass(frozen=True)
class BatchResult:
    paths: tuple[Path, ...]                   # the page files read, cleaned and published in this batch
    failed: tuple[str, ...]                   # one "path: reason" per page that could not be used


def _stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def scan(folders: Iterable[Path]) -> dict[Path, Signature]:
    """The page files directly in `folders` (like `cleanfeed add FOLDER`), hidden and temp files left out."""
    found: dict[Path, Signature] = {}
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            log.warning("cannot read watched folder %s: %s", folder, exc.strerror or exc)
            continue
        for entry in entries:
            path = Path(entry.path)
            if not entry.is_file() or not is_page_file(path):
                continue
            stamp = _stamp(path)
            if stamp is not None:
                found[path] = Signature(stamp, _stamp(path.with_name(path.name + ".meta.json")))
    return found


def ready(previous: Mapping[Path, Signature], current: Mapping[Path, Signature],
          done: Mapping[Path, Signature]) -> list[Path]:
    """Pages unchanged since the previous poll (so not being written) and not yet processed as they are."""
    return sorted(p for p, sig in current.items() if previous.get(p) == sig and done.get(p) != sig)


class Watcher:
    """Polls `folders` on a background thread; `process(pages)` ingests, then `publish()` writes the feeds.

    Both are injected (the CLI passes `publish.ingest` and `publish.publish` bound to the project), so this
    module knows nothing of the store and tests can drive `poll()` directly. `process` returns one
    "source: reason" line per page it could not use.
    """

    def __init__(self, folders: Sequence[Path], process: Callable[[list[Page | CleanfeedError]], Sequence[str]],
                 publish: Callable[[], object], *, interval: float = 1.0, timezone: str | None = None) -> None:
        self.folders = tuple(Path(f) for f in folders)
        self.interval = interval
        self._process, self._publish, self._timezone = process, publish, timezone
        self._previous: dict[Path, Signature] = {}
        self._done: dict[Path, Signature] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll(self) -> BatchResult | None:
        """One look at the folders; cleans and publishes what became stable. None when nothing did."""
        current = scan(self.folders)
        paths = ready(self._previous, current, self._done)
        self._previous = current
        self._done = {p: s for p, s in self._done.items() if p in current}   # deleted pages may come back
        if not paths:
            return None
        result = self._run_batch(paths)
        self._done.update((p, current[p]) for p in paths)    # bad pages too: retried only once they change
        return result

    def _run_batch(self, paths: list[Path]) -> BatchResult:
        # read errors travel with the pages: `process` reports them with the cleaning failures
        failed = list(self._process(list(iter_pages([str(p) for p in paths], timezone=self._timezone))))
        for reason in failed:
            log.warning("skipped %s", reason)
        self._publish()
        log.info("watch: %d new or changed page file(s), %d skipped; feeds published", len(paths), len(failed))
        return BatchResult(tuple(paths), tuple(failed))

    def run(self) -> None:
        """Poll until stop(); an unexpected error is logged and the next poll tries again."""
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except CleanfeedError as exc:             # store locked or broken, rules invalid: one line
                log.error("watch: %s; trying again in %.1f s", exc, self.interval)
            except Exception:
                log.exception("watch: poll failed; trying again in %.1f s", self.interval)

    def start(self) -> Watcher:
        self.poll()                                # the first look only records what is there
        self._thread = threading.Thread(target=self.run, name="cleanfeed-watch", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


def for_project(project: Project, folders: Sequence[Path], out_dir: Path | None = None, *,
                interval: float = 1.0) -> Watcher:
    """A Watcher that cleans pages into the project's store and publishes into `out_dir` (default
    public/), like `cleanfeed add`. Publishes once now, so the folder serves what the store holds."""
    from cleanfeed.publish.output import publish
    from cleanfeed.store.ingest import ingest

    out = Path(out_dir) if out_dir is not None else project.out_dir

    def process(pages: list[Page | CleanfeedError]) -> list[str]:
        return [str(failure) for failure in ingest(project, pages).failures]

    publish(project, out)
    return Watcher(folders, process, lambda: publish(project, out), interval=interval, timezone=project.timezone)
