"""`cleanfeed build [--out DIR]`: clean the feed project's inputs into the store, then write every feed.

The helpers here (loading the project, naming failures, the summary line) are shared by the other
store commands: add, reclean, remove.
"""
from __future__ import annotations

import argparse
import glob
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..project import Project, load_project
from ..publish import IngestReport, ingest, publish
from ..readers import JSONL_SUFFIXES, is_page_file, iter_pages
from ..store import StoreError

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "build", help="clean the project's pages and write its feeds",
        description="Read every input named by feeds/*.toml, clean each page with the site rules in "
                    "cleaners/, keep the articles in the store (.cleanfeed/store.sqlite) and write, for "
                    "every feed, <slug>.atom, <slug>.rss and <slug>.json, plus index.html and feeds.opml.",
        epilog="Exit codes: 0 all pages cleaned; 1 some pages failed (named on stderr; the rest is still "
               "published); 2 configuration error. Example: cleanfeed build --out /var/www/feeds")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.set_defaults(run=run)


def open_project(args: argparse.Namespace, *, need_feeds: bool = True) -> Project:
    project = load_project(args.project)
    if need_feeds and not project.feeds:
        raise ConfigError("no feed files (feeds/*.toml): nothing to publish", source=str(args.project / "feeds"))
    return project


def progress(args: argparse.Namespace) -> bool | None:
    """None lets tqdm decide (a bar only on a terminal); -q means never."""
    return False if getattr(args, "quiet", False) else None


def input_paths(project: Project) -> list[str]:
    """Every page file or folder the feeds' `inputs` globs name, once each, in a stable order."""
    found: dict[str, None] = {}
    for spec in project.feeds:
        for pattern in spec.inputs:
            for match in sorted(glob.glob(str(project.root / pattern), recursive=True)):
                path = Path(match)
                if path.is_dir() or (path.is_file() and is_page_file(path)):
                    found.setdefault(str(path), None)
    return list(found)


def unmatched_inputs(project: Project) -> list[str]:
    """One message per `inputs` pattern that names no file, with the feed file and the key."""
    problems = []
    for spec in project.feeds:
        for i, pattern in enumerate(spec.inputs):
            if not glob.glob(str(project.root / pattern), recursive=True):
                problems.append(f"{spec.path}: key 'inputs[{i}]': {pattern!r} matches no file")
    return problems


class _Sized:
    """An iterator with a length: one page per file path, read lazily."""

    def __init__(self, it: Iterator[Any], n: int) -> None:
        self.it, self.n = it, n

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Any]:
        return self.it


def sized_pages(paths: list[str], pages: Iterator[Any]) -> Iterator[Any] | _Sized:
    """`pages` with a length (so the progress bar knows the total) unless folders or JSON Lines expand."""
    if any(Path(p).suffix.lower() in JSONL_SUFFIXES or Path(p).is_dir() for p in paths):
        return pages
    return _Sized(pages, len(paths))


def report_failures(report: IngestReport) -> None:
    for failure in report.failures:
        print(f"cleanfeed: {failure.source}: {failure.reason}", file=sys.stderr)


def summary_line(report: IngestReport, project: Project, quiet: bool) -> None:
    """`12 pages, 11 articles, 1 failed, 2 feeds written` on stderr (data goes to stdout, not this)."""
    if not quiet:
        print(report.summary(len(project.feeds)), file=sys.stderr)


def store_error(exc: StoreError) -> int:
    print(f"cleanfeed: store error: {exc}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    for problem in unmatched_inputs(project):   # `check` calls this a config error; `build` publishes the rest
        log.warning("warning: %s", problem)
    try:
        paths = input_paths(project)
        pages = sized_pages(paths, iter_pages(paths, timezone=project.timezone))
        report = ingest(project, pages, progress=progress(args))
        publish(project, args.out)
    except StoreError as exc:
        return store_error(exc)
    report_failures(report)
    summary_line(report, project, args.quiet)
    return 1 if report.failures else 0


__all__ = ["input_paths", "open_project", "progress", "register", "report_failures", "run", "summary_line"]
