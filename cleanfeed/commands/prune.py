"""`cleanfeed prune --raw-older-than DAYS`: drop the raw pages of old articles, the bulk of the store.

A stored article is its clean JSON (~28 KB for a 240 KB news page) plus its raw page, kept so `reclean`
can clean it again after the rules improve (~56 KB compressed: two thirds of the store, bench/store.py).
Old articles are rarely re-cleaned; their raw pages can go. The articles, their ids, dates and stories
stay; `reclean` then skips them and says so. SQLite reuses the freed pages for new articles; `--vacuum`
also gives the space back to the disk (it rewrites the file: that needs as much free space again).
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from cleanfeed.commands.common import open_project, store_error
from cleanfeed.errors import StoreError, UsageError

DAY_US = 86_400 * 1_000_000


def register(sub: Any) -> None:
    p = sub.add_parser(
        "prune",
        description="Drop the stored raw pages of articles first seen more than DAYS days ago (the articles "
                    "stay, with their ids, dates and stories; `reclean` skips them afterwards). Raw pages are "
                    "about two thirds of a store's size.",
        epilog="Exit codes: 0 done; 2 usage or store error. Example: cleanfeed prune --raw-older-than 90 --vacuum")
    p.add_argument("--raw-older-than", type=float, required=True, metavar="DAYS",
                   help="drop the raw pages of articles first seen more than DAYS days ago")
    p.add_argument("--vacuum", action="store_true",
                   help="rewrite the store file afterwards so the disk gets the space back")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.raw_older_than < 0:
        raise UsageError("--raw-older-than must be a number of days, 0 or more")
    project = open_project(args, need_feeds=False)
    from cleanfeed.store.db import Store
    from cleanfeed.store.maintenance import drop_raw, vacuum

    cutoff = int(time.time() * 1_000_000) - int(args.raw_older_than * DAY_US)
    try:
        with Store.open(project.store_path) as store:
            pages, freed = drop_raw(store, cutoff)
            if args.vacuum:
                vacuum(store)
    except StoreError as exc:
        return store_error(exc)
    if not args.quiet:
        print(f"{pages} raw pages dropped ({freed / 2**20:.1f} MB){', store rewritten' if args.vacuum else ''}",
              file=sys.stderr)
    return 0


__all__ = ["register", "run"]
