"""`cleanfeed update`: crawl every site the feeds use, then build the feeds — the one cron line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import open_project
from cleanfeed.commands.crawl import add_crawl_options, run_crawl
from cleanfeed.errors import StoreError
from cleanfeed.publish.output import publish
from cleanfeed.rules.project import Project
from cleanfeed.rules.site import SiteRule


def register(sub: Any) -> None:
    p = sub.add_parser(
        "update",
        description="Crawl every site used by the feeds (a feed's `sites`, or every site rule with a [crawl] "
                    "section when a feed names none), store the new articles, then write every feed as "
                    "`cleanfeed build` does. Meant for cron: `cd PROJECT && cleanfeed -q update`.",
        epilog="Exit codes: 0 all sites crawled and feeds written; 1 some pages or sites failed (named on "
               "stderr; the feeds are still written); 2 usage or configuration error.")
    add_crawl_options(p)
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: public/ in the project)")
    p.set_defaults(run=run)


def feed_sites(project: Project) -> list[SiteRule]:
    """The crawlable site rules the feeds draw on, in rule order."""
    crawlable = [r for r in project.rules.sites if r.crawl is not None]
    if any(not spec.sites for spec in project.feeds):
        return crawlable
    wanted = {name for spec in project.feeds for name in spec.sites}
    return [r for r in crawlable if r.name in wanted]


def run(args: argparse.Namespace) -> int:
    project = open_project(args)
    sites = feed_sites(project)
    failed = False
    if sites:
        report = run_crawl(args, project, sites)
        if isinstance(report, int):
            return report
        failed = bool(report.errors)
    elif not args.quiet:
        print("cleanfeed: the feeds use no site with a [crawl] section: nothing to crawl", file=sys.stderr)
    try:
        publish(project, args.out)
    except StoreError as exc:
        print(f"cleanfeed: store error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"{len(project.feeds)} feeds written", file=sys.stderr)
    return 1 if failed else 0


__all__ = ["register", "run", "feed_sites"]
