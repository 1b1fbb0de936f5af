"""`cleanfeed clean-corpus INPUT... --out DIR`: clean a whole crawl on a Dask cluster into shards."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from cleanfeed.errors import UsageError
from cleanfeed.rules.project import load_project
from cleanfeed.timeutil import zone


def register(sub: Any) -> None:
    p = sub.add_parser(
        "clean-corpus",
        description="Clean every page of a crawl (folders of pages, JSON Lines files, WARC files) on a Dask "
                    "cluster and write part-00000.jsonl … into --out: one record per page, in input order, "
                    "with the failure reason for pages that failed. Without --scheduler, a local cluster "
                    "with one worker per core runs it. Input paths and --out must be reachable under the "
                    "same names from every worker. Needs: pip install 'cleanfeed[corpus]'.",
        epilog="Exit codes: 0 every page handled (cleaned, or recorded as holding no article); 1 some pages "
               "failed (see their records) or a partition was lost; 2 usage or configuration error. "
               "Example: cleanfeed clean-corpus crawl/*.warc.gz --out shards/ && cleanfeed add shards/")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folder of pages, .jsonl file, or .warc[.gz] file")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the shards")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: one per core)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://HOST:8786")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="shard format (default: jsonl)")
    p.add_argument("--timezone", metavar="TZ",
                   help="IANA zone for times printed without an offset, when neither the site rule nor the page's "
                        "sidecar says (default: the project's, as `add` uses it, else UTC); recorded in each record")
    p.add_argument("--partition-mb", type=float, default=16.0, metavar="MB",
                   help="input bytes per partition (default: 16; gzip WARC bytes count as stored)")
    p.add_argument("--page-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="a page whose cleaning takes longer is recorded as failed (default: 60)")
    p.add_argument("--keep-raw", action="store_true",
                   help="keep each page (decoded) in its record, so the store can clean it again later")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleanfeed.corpus.run import clean_corpus
    from cleanfeed.errors import CorpusError

    if "-" in args.inputs:
        raise UsageError("clean-corpus reads files and folders, not stdin")
    if args.workers is not None and args.workers < 1 or args.partition_mb <= 0 or args.page_timeout <= 0:
        raise UsageError("--workers, --partition-mb and --page-timeout must be positive")
    try:
        zone(args.timezone)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    # The project's site rules and zone, as `cleanfeed add` would clean the same pages: a shard added to
    # the store and re-cleaned there later must read the same clocks (an explicit --timezone wins).
    project = load_project(args.project)
    timezone = args.timezone or project.timezone
    bar = tqdm(unit="part", desc="cleaning", file=sys.stderr, disable=None)

    def started(partitions: int, dashboard: str | None) -> None:
        bar.reset(total=partitions)
        if dashboard and not args.quiet:
            print(f"cleanfeed: {partitions} partitions; Dask dashboard: {dashboard}", file=sys.stderr)

    def done(result: Any) -> None:
        bar.update(1)
        bar.set_postfix(pages=result.pages, refresh=False)

    try:
        report = clean_corpus(args.inputs, args.out, rules=project.rules, timezone=timezone, fmt=args.format,
                              scheduler=args.scheduler, workers=args.workers,
                              partition_bytes=int(args.partition_mb * 1024 * 1024),
                              page_timeout=args.page_timeout, keep_raw=args.keep_raw, on_start=started, on_done=done)
    except CorpusError as exc:
        bar.close()
        print(f"cleanfeed: error: {exc}", file=sys.stderr)
        return 2
    bar.close()
    for lost in report.lost:
        print(f"cleanfeed: lost {lost}", file=sys.stderr)
    if not args.quiet:
        print(f"cleanfeed: {report.pages} pages in {report.partitions} shards, {report.skipped} not articles "
              f"(skipped), {report.failed} failed (records with \"error\"); output in {report.out_dir}",
              file=sys.stderr)
    return 0 if report.ok else 1
