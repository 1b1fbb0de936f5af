"""`cleanfeed reclean [SITE]`: clean the stored raw pages again (after rules improve); ids never change."""
from __future__ import annotations

import argparse
import sys
from itertools import islice
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import open_project, progress, store_error
from cleanfeed.errors import StoreError, UsageError
from cleanfeed.publish.output import publish
from cleanfeed.store.db import Store
from cleanfeed.store.ingest import BATCH, Failure, clean_one, progress_bar


def register(sub: Any) -> None:
    p = sub.add_parser(
        "reclean",
        description="Run the cleaner again on the raw pages kept in the store: all of them, or those of "
                    "one site rule (plus pages no rule matched, in case the rule now matches them). An "
                    "article whose result changed is updated in place: same id, new updated time.",
        epilog="Exit codes: 0 done; 1 some pages failed (their stored article is kept); 2 usage or "
               "configuration error. Example: cleanfeed reclean cmra")
    p.add_argument("site", nargs="?", metavar="SITE", help="site rule name (a cleaners/<SITE>.toml)")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    if args.site and project.rules.named(args.site) is None:
        known = ", ".join(r.name for r in project.rules.sites) or "none"
        raise UsageError(f"no site rule {args.site!r} in cleaners/ (known: {known})")
    failures: list[Failure] = []
    counts = {"changed": 0, "unchanged": 0}
    try:
        with Store.open(project.store_path) as store:
            ids = store.stored_ids(args.site)
            pending = progress_bar(ids, progress(args), "re-cleaning")
            while batch := list(islice(pending, BATCH)):
                with store.transaction():                  # one transaction per batch
                    for article_id in batch:
                        old_site, page = store.stored_page(article_id)
                        article = clean_one(page, project)
                        if isinstance(article, Failure):
                            failures.append(article)
                        elif not args.site or args.site in (article.site, old_site):
                            counts[store.replace_article(article_id, article)] += 1
        publish(project, args.out)
    except StoreError as exc:
        return store_error(exc)
    for failure in failures:
        print(f"cleanfeed: {failure}", file=sys.stderr)
    if not args.quiet:
        print(f"{len(ids)} pages, {counts['changed']} changed, {len(failures)} failed, "
              f"{len(project.feeds)} feeds written", file=sys.stderr)
    return 1 if failures else 0


__all__ = ["register", "run"]
