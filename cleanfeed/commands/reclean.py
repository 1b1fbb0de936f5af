"""`cleanfeed reclean [SITE]`: clean the stored raw pages again (after rules improve); ids never change."""
from __future__ import annotations

import argparse
import sys
from itertools import islice
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import open_project, progress, store_error
from cleanfeed.errors import CleanfeedError, StoreError, UsageError
from cleanfeed.model import Article
from cleanfeed.publish.output import publish
from cleanfeed.rules.project import Project
from cleanfeed.store.db import Store
from cleanfeed.store.ingest import BATCH, Failure, Skipped, clean_one, progress_bar

NO_RAW = "no raw page stored (added from clean-corpus shards without --keep-raw, or pruned): kept as they are"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "reclean",
        description="Run the cleaner again on the raw pages kept in the store: all of them, or those of "
                    "one site rule (plus pages no rule matched, in case the rule now matches them). An "
                    "article whose result changed is updated in place: same id, new updated time. Articles "
                    "stored without a raw page (added from clean-corpus shards made without --keep-raw, or "
                    "dropped by `cleanfeed prune`) are skipped and counted: their titles and dates stay.",
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
            without_raw = len(store.stored_ids(args.site, raw=False))
            pending = progress_bar(ids, progress(args), "re-cleaning")
            while batch := list(islice(pending, BATCH)):
                cleaned = [(article_id, _clean_again(store, article_id, project, args.site)) for article_id in batch]
                with store.transaction():                  # one transaction per batch, cleaned before it opens
                    for article_id, article in cleaned:
                        if isinstance(article, Failure):
                            failures.append(article)
                        elif article is not None:
                            _replace(store, article_id, article, counts, failures)
        publish(project, args.out)
    except StoreError as exc:
        return store_error(exc)
    for failure in failures:
        print(f"cleanfeed: {failure}", file=sys.stderr)
    if not args.quiet:
        skipped = f" ({without_raw} skipped: {NO_RAW})" if without_raw else ""
        print(f"{len(ids)} pages, {counts['changed']} changed, {len(failures)} failed, "
              f"{len(project.feeds)} feeds written{skipped}", file=sys.stderr)
    return 1 if failures else 0


def _clean_again(store: Store, article_id: str, project: Project, site: str | None) -> Article | Failure | None:
    """The stored page cleaned with today's rules; None when it belongs to another site now and then."""
    old_site, page = store.stored_page(article_id)
    article = clean_one(page, project)
    if isinstance(article, Skipped):          # the current rules find no article: keep the stored one
        return Failure(article.source, f"{article.reason}; the stored article is kept")
    if isinstance(article, Failure) or not site or site in (article.site, old_site):
        return article
    return None


def _replace(store: Store, article_id: str, article: Article, counts: dict[str, int],
             failures: list[Failure]) -> None:
    try:
        with store.savepoint():
            counts[store.replace_article(article_id, article)] += 1
    except CleanfeedError as exc:
        if isinstance(exc, StoreError):
            raise
        failures.append(Failure(exc.source or article_id, f"{exc.message}; the stored article is kept"))


__all__ = ["register", "run"]
