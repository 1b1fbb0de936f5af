"""Helpers several commands share: opening the project, page options, progress, failures, the summary line."""
from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleanfeed.errors import ConfigError, StoreError, UsageError
from cleanfeed.inputs.files import JSONL_SUFFIXES, is_page_file
from cleanfeed.rules.project import Project, load_project
from cleanfeed.timeutil import parse_when, zone
from cleanfeed.urlnorm import is_http_url

if TYPE_CHECKING:            # the cleaner behind ingest loads only for commands that clean (`check`: 0.65 s)
    from cleanfeed.store.ingest import IngestReport


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


def page_options(args: argparse.Namespace, timezone: str | None) -> datetime | None:
    """The fetch time the user gave (naive times in `timezone`), after checking that `--url` names one page."""
    if args.url and (len(args.paths) > 1 or args.paths[0] != "-" and Path(args.paths[0]).is_dir()):
        raise UsageError("--url applies to a single page; give one PATH")
    if args.url and not is_http_url(args.url):
        # It becomes the entry's link and id base in every feed: a relative or non-web one breaks them.
        raise UsageError(f"--url must be an absolute http(s) URL, not {args.url!r}")
    try:
        tz = zone(timezone)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        return parse_when(args.fetched_at, tz) if args.fetched_at else None
    except ValueError as exc:
        raise UsageError(f"--fetched-at: {exc}") from None
