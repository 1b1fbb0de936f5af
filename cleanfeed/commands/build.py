"""`cleanfeed build [--out DIR]`: clean the feed project's inputs into the store, then write every feed.
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import (
    input_paths,
    open_project,
    progress,
    report_failures,
    sized_pages,
    store_error,
    summary_line,
    unmatched_inputs,
)
from cleanfeed.errors import StoreError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.publish.output import publish
from cleanfeed.store.ingest import ingest

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "build",
        description="Read every input named by feeds/*.toml, clean each page with the site rules in "
                    "cleaners/, keep the articles in the store (.cleanfeed/store.sqlite) and write, for "
                    "every feed, <slug>.atom, <slug>.rss and <slug>.json, plus index.html and feeds.opml.",
        epilog="Exit codes: 0 all pages cleaned; 1 some pages failed (named on stderr; the rest is still "
               "published); 2 configuration error. Example: cleanfeed build --out /var/www/feeds")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    for problem in unmatched_inputs(project):   # `check` calls this a config error; `build` publishes the rest
        log.warning("warning: %s", problem)
    try:
        paths = input_paths(project)
        pages = sized_pages(paths, iter_pages(paths, timezone=project.timezone))
        report = ingest(project, pages, progress=progress(args))
        publish(project, args.out, empty_level=logging.WARNING)
    except StoreError as exc:
        return store_error(exc)
    report_failures(report)
    summary_line(report, project, args.quiet)
    return 1 if report.failures else 0


