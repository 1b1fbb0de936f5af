"""`cleanfeed add PATH... [--fetched-at WHEN]`: clean newly scraped pages into the store, update the feeds."""
from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import (
    open_project,
    page_options,
    progress,
    report_failures,
    sized_pages,
    store_error,
    summary_line,
)
from cleanfeed.corpus.shards import is_shard_dir
from cleanfeed.errors import StoreError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.publish.output import publish
from cleanfeed.store.ingest import IngestReport, ingest


def register(sub: Any) -> None:
    p = sub.add_parser(
        "add",
        description="Clean pages (files with their .meta.json sidecars, folders, JSON Lines, WARC, or - for "
                    "stdin; a `cleanfeed clean-corpus` output folder is stored as already cleaned, after the "
                    "same checks and sanitizing as any page), store the articles and rewrite the feeds. A page "
                    "already stored is updated in place (same id); an identical page changes nothing, even "
                    "fetched later (its dates stay read against its first fetch; after editing site rules, "
                    "`cleanfeed reclean`); a removed one stays out. Pages that hold no article (listing pages) "
                    "are skipped and counted.",
        epilog="Exit codes: 0 every page added or skipped as no article; 1 some pages or records failed (each "
               "named on stderr with its reason; the rest is still stored and published); 2 usage or "
               "configuration error. Example: cleanfeed add scraped/*.html")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="page file, folder of pages, .jsonl, .warc / .warc.gz, a clean-corpus output folder, or -")
    p.add_argument("--url", help="the page's URL (only with a single PATH)")
    p.add_argument("--fetched-at", metavar="WHEN",
                   help="when the pages were fetched: ISO date or datetime (a bare date is that day: dates up to its "
                        "end are plausible, and it shows as 12:00 UTC of it, or local noon east of UTC+11; naive "
                        "times are in the feeds' time zone). Default: the sidecar, else the file time")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.add_argument("--explain", action="store_true",
                   help="say on stdout which story each page joined (reprints share one feed item)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    fetched = page_options(args, project.timezone)
    shards = [p for p in args.paths if p != "-" and is_shard_dir(Path(p))]   # `cleanfeed corpus` output
    paths = [p for p in args.paths if p not in shards]
    try:
        reports = [ingest(project, sized_pages(paths, iter_pages(paths, url=args.url, fetched_at=fetched,
                                                                 timezone=project.timezone)),
                          progress=progress(args))] if paths else []
        if shards:
            from cleanfeed.corpus.run import ingest_shards  # cleaned on a cluster: through the same gate
            reports += [ingest_shards(project, Path(folder), progress=progress(args)) for folder in shards]
        report = merge(reports)
        publish(project, args.out, empty_level=logging.WARNING)
    except StoreError as exc:
        return store_error(exc)
    if args.explain:
        from cleanfeed.commands.dupes import explain_lines
        for line in explain_lines(project, report.results):
            print(line)
    report_failures(report)
    summary_line(report, project, args.quiet)
    return 1 if report.failures else 0


def merge(reports: list[IngestReport]) -> IngestReport:
    return sum(reports[1:], reports[0]) if reports else IngestReport(0, (), ())


__all__ = ["merge", "register", "run"]
