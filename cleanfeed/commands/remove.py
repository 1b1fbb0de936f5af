"""`cleanfeed remove URL|ID...`: drop articles from every feed and keep a tombstone so they stay out."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import open_project, store_error
from cleanfeed.errors import StoreError
from cleanfeed.publish.output import publish
from cleanfeed.store.db import Store


def register(sub: Any) -> None:
    p = sub.add_parser(
        "remove",
        description="Mark stored articles as removed and rewrite the feeds. The tombstone stays: adding "
                    "or crawling the page again does not bring it back. A URL that was never stored gets "
                    "a tombstone too. Ids are the last part of an entry id (…/<id>) and `u…`/`t…` strings.",
        epilog="Exit codes: 0 removed; 1 some ids were not found; 2 configuration error.")
    p.add_argument("targets", nargs="+", metavar="URL|ID")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    missing = 0
    try:
        with Store.open(project.store_path) as store:
            for target in args.targets:
                article_id = store.remove(target)
                if article_id is None:
                    missing += 1
                    print(f"cleanfeed: {target}: no stored article with this id", file=sys.stderr)
                elif not args.quiet:
                    print(f"removed {article_id}", file=sys.stderr)
        publish(project, args.out)
    except StoreError as exc:
        return store_error(exc)
    if not args.quiet:
        print(f"{len(args.targets) - missing} removed, {len(project.feeds)} feeds written", file=sys.stderr)
    return 1 if missing else 0


__all__ = ["register", "run"]
