"""Write every feed of a project: one consistent read of the store, then each file atomically.

A file is written to a temporary name beside it, flushed to disk, then `os.replace`d: a reader or a
crash sees the old file or the new one, never half of one. Files whose bytes did not change are left
alone, so their modification time (and `serve`'s Last-Modified) only moves when the content does.
Reading the store and writing the files happen under one lock per project (`.cleanfeed/publish.lock`):
two `add`s that overlap publish one after the other, so the render of the older store is never the one
written last.
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from cleanfeed.errors import OutputError, StoreError
from cleanfeed.publish.items import FeedItem, select
from cleanfeed.publish.jsonfeed import json_bytes
from cleanfeed.publish.site import STYLESHEET, index_html, item_pages, opml, stylesheet
from cleanfeed.publish.xmlfeeds import atom_bytes, rss_bytes
from cleanfeed.rules.project import FeedSpec, Project
from cleanfeed.store.crashpoint import crash_point
from cleanfeed.store.db import Store

log = logging.getLogger(__name__)

RENDERERS: dict[str, Callable[[FeedSpec, Sequence[FeedItem]], bytes]] = {
    "atom": atom_bytes, "rss": rss_bytes, "json": json_bytes}
TEMP_MARK = ".tmp-"
ITEMS = "items"                   # public/items/<slug>-<id>.html: one page per item (publish/site.py)
LOCK_NAME = "publish.lock"       # beside the store, in the project's .cleanfeed/
LOCK_TIMEOUT = 120.0             # a publish takes well under a second; two minutes means something is stuck


def write_atomic(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` atomically; False (and nothing touched) when it already holds them."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:                     # a full disk: no half-written temporary file is left behind (nor below)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    crash_point("publish-temp-written")
    try:
        os.replace(tmp, path)
    except OSError as exc:              # `path` is a folder, or on another file system: the error names `path`
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    crash_point("publish-replaced")
    return True


def _sweep_temps(folder: Path) -> None:
    """Temporary files a killed run left behind (not those of a publish running right now)."""
    for stale in folder.glob(f".*{TEMP_MARK}*"):
        pid = stale.name.rpartition(TEMP_MARK)[2]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            stale.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:               # exists, owned by someone else
        return True
    return True


def render(project: Project, store: Store, *, empty: list[tuple[str, str]] | None = None) -> dict[str, bytes]:
    """Every output file's name and bytes: a pure function of the project and the store's content (the
    keyword feeds' members are brought up to date first: bookkeeping, not content). `empty` gets one
    (kind, line) per reason a feed is empty (`empty_feeds`); the caller decides how loud to say it."""
    store.catch_up_feeds(project.feeds, drop_others=True)
    with store.snapshot():
        selection = [(spec, select(store, spec)) for spec in project.feeds]
    if empty is not None:
        empty += empty_feeds(store, [spec for spec, items in selection if not items])
    files = {spec.filename(fmt): RENDERERS[fmt](spec, items) for spec, items in selection for fmt in spec.formats}
    files["index.html"] = index_html(project.site, selection)
    files[STYLESHEET] = stylesheet()
    files.update(item_pages(project.site, selection))
    files["feeds.opml"] = opml(project.feeds, project.site.title)
    return files


WORDS_SHOWN = 5          # include words an empty keyword feed's note lists


def empty_feeds(store: Store, empty: Sequence[FeedSpec]) -> list[tuple[str, str]]:
    """Why each of the `empty` feeds is: ("warning", line) for filters no stored article passes (a likely
    mistake: `init --language zh` over an English page), ("note", line) for a keyword feed whose other
    filters keep articles but none mentions its words yet (its usual state), one ("warning", line) when
    every stored article was removed; nothing for an empty store (nothing was added yet)."""
    if not empty:
        return []
    stored = store.languages()
    if not stored:
        removed = store.counts()["removed"]
        return [("warning", f"every feed is empty: the store's {removed} article{'s' if removed != 1 else ''} "
                            f"{'was' if removed == 1 else 'were'} removed (`cleanfeed remove`)")] if removed else []
    lines = []
    for spec in empty:
        if spec.include and select(store, spec._replace(include=(), exclude=(), max_items=1)):
            words = ", ".join(spec.include[:WORDS_SHOWN]) + (", …" if len(spec.include) > WORDS_SHOWN else "")
            lines.append(("note", f"feed {spec.slug} ({_where(spec)}) has no entry yet: no stored article "
                                  f"mentions one of its include words ({words})"))
        else:
            lines.append(("warning", why_empty(spec, stored)))
    return lines


def _where(spec: FeedSpec) -> str:
    return spec.path or f"feeds/{spec.slug}.toml"


def why_empty(spec: FeedSpec, stored: dict[str, int]) -> str:
    """One line for a feed no stored article reaches (`init --language zh` over an English example page gave
    an empty feed and a summary of "1 articles", and nothing said why): its filters and what the store holds."""
    total = sum(stored.values())
    held = ", ".join(f"{n} {lang or 'without a language'}" for lang, n in stored.items())
    filters = [f"language {' or '.join(spec.languages)}"] if spec.languages else []
    filters += [f"sites {', '.join(spec.sites)}"] if spec.sites else []
    filters += ["its include words"] if spec.include else []
    filters += ["its exclude words"] if spec.exclude else []
    why = f"it keeps {'; '.join(filters)}" if filters else "no stored article reaches it"
    return (f"feed {spec.slug} ({_where(spec)}) is empty: {why}, and the store "
            f"holds {total} article{'s' if total != 1 else ''} ({held})")


@contextlib.contextmanager
def publish_lock(project: Project, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Exclusive right to publish the project (an flock on `.cleanfeed/publish.lock`, dropped by the
    kernel if the holder dies). Waits for another publish, at most `timeout` seconds (StoreError then)."""
    try:
        import fcntl
    except ImportError:              # not POSIX: no lock, as before
        yield
        return
    path = project.store_path.parent / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise StoreError(f"another publish held the lock for {timeout:g} s", source=str(path)) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def publish(project: Project, out_dir: Path | None = None, *, store: Store | None = None,
            empty_level: int = logging.INFO) -> list[Path]:
    """Write every feed of `project` (Atom, RSS, JSON Feed), index.html, the item pages, the stylesheet
    and feeds.opml into `out_dir` (default `public/`); returns the paths of all of them, changed or not.
    Item pages of items no feed shows any more are deleted. Why a feed is empty is logged at `empty_level`:
    WARNING from the commands a user runs to add pages (`build`, `add`), INFO otherwise (a `reclean`, a
    `remove`, and each `serve --watch` publish, every few seconds: -v shows it)."""
    out = Path(out_dir) if out_dir is not None else project.out_dir
    try:
        return _publish(project, out, store, empty_level)
    except OSError as exc:            # a read-only or full disk, a file where the folder goes: one line
        raise OutputError(f"cannot write the feeds ({exc.strerror or exc}); what was stored stays stored, and "
                          "`cleanfeed build` writes the feeds once this can be written",
                          source=str(exc.filename or out)) from exc


def _publish(project: Project, out: Path, store: Store | None, empty_level: int) -> list[Path]:
    (out / ITEMS).mkdir(parents=True, exist_ok=True)
    empty: list[tuple[str, str]] = []
    with publish_lock(project):      # the store is read *inside* the lock: the last writer has the newest
        _sweep_temps(out)
        _sweep_temps(out / ITEMS)
        if store is None:
            with Store.open(project.store_path) as own:
                files = render(project, own, empty=empty)
        else:
            files = render(project, store, empty=empty)
        paths, changed = [], 0
        for name, data in files.items():
            path = out / name
            changed += write_atomic(path, data)
            paths.append(path)
        gone = _sweep_items(out / ITEMS, {p.name for p in paths if p.parent.name == ITEMS})
    for kind, line in empty:          # "warning: …" only where it is one; INFO lines go bare, as the server's
        log.log(empty_level, "%s%s", f"{kind}: " if empty_level >= logging.WARNING else "", line)
    log.info("%d files in %s, %d changed, %d item pages deleted", len(paths), out, changed, gone)
    return paths


def _sweep_items(folder: Path, keep: set[str]) -> int:
    """Delete the item pages (`<slug>-<id>.html`, only those) that this publish did not write."""
    gone = 0
    for stale in folder.glob("*-*.html"):
        if stale.name not in keep:
            with contextlib.suppress(OSError):
                stale.unlink()
                gone += 1
    return gone


__all__ = ["LOCK_NAME", "RENDERERS", "empty_feeds", "publish", "publish_lock", "render", "why_empty", "write_atomic"]
