"""`cleanfeed crawl [SITE...] [--refresh]`: fetch new article pages of the sites' [crawl] sections, store them."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from cleanfeed.crawl.fetch import FetchConfig
from cleanfeed.crawl.run import CrawlReport, crawl_project, select_sites
from cleanfeed.errors import CrawlLocked, StoreError, UsageError
from cleanfeed.rules.project import Project, load_project
from cleanfeed.rules.site import SiteRule

CONFIG = FetchConfig()      # module-level so tests can shorten timeouts; the CLI changes only what it is told


def register(sub: Any) -> None:
    p = sub.add_parser(
        "crawl",
        description="For each site rule with a [crawl] section (or only the SITEs named): fetch its start "
                    "URLs (listing pages, or RSS/Atom/JSON feeds whose items link the articles) and sitemaps, "
                    "fetch the article pages not yet in the store (with their later pages when an article is "
                    "split over several), clean and store them. Polite: robots.txt, a delay per host (1 s "
                    "unless the rule says otherwise), conditional GET. Every response is archived in "
                    "archive/<site>/<date>.warc.gz.",
        epilog="Exit codes: 0 every site crawled without error; 1 some pages or sites failed (named on "
               "stderr; the rest is stored); 2 usage or configuration error. Example: cleanfeed crawl cmra")
    add_crawl_options(p)
    p.add_argument("sites", nargs="*", metavar="SITE", help="site rule names (cleaners/SITE.toml); default: all")
    p.set_defaults(run=run)


def add_crawl_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--refresh", action="store_true",
                   help="fetch article pages again even when the store has them (conditional GET)")
    p.add_argument("--contact", metavar="URL",
                   help="URL or mailto: for the User-Agent (default: [crawl] contact, else $CLEANFEED_CONTACT)")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help=f"the longest silence between two reads of a response (default {CONFIG.read_timeout:g}); "
                        f"one request never takes more than {CONFIG.total_timeout:g} s, one URL with its retries "
                        f"and redirects more than {CONFIG.url_timeout:g} s")
    p.add_argument("--max-time", type=float, metavar="SECONDS",
                   help="stop fetching after this long (the pages fetched so far are stored, the rest waits for "
                        "the next run); default: no limit")


def config(args: argparse.Namespace) -> FetchConfig:
    from dataclasses import replace

    chosen = replace(CONFIG, read_timeout=args.timeout) if args.timeout else CONFIG
    return replace(chosen, max_time=args.max_time) if args.max_time else chosen


def run_crawl(args: argparse.Namespace, project: Project, sites: list[SiteRule]) -> CrawlReport | int:
    """The crawl and its report on stderr, or an exit code when it could not run at all."""
    if args.timeout is not None and args.timeout <= 0 or args.max_time is not None and args.max_time <= 0:
        raise UsageError("--timeout and --max-time must be positive numbers of seconds")
    try:
        report = crawl_project(project, sites, refresh=args.refresh, contact=args.contact, config=config(args),
                               progress=False if args.quiet else None)
    except (StoreError, CrawlLocked) as exc:
        print(f"cleanfeed: {exc}", file=sys.stderr)
        return 1 if isinstance(exc, CrawlLocked) else 2
    for site, error in report.errors:
        print(f"cleanfeed: {site}: {error}", file=sys.stderr)
    for site, warning in report.warnings:
        print(f"cleanfeed: {site}: warning: {warning}", file=sys.stderr)
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return report


def run(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    sites = select_sites(args.sites, project.rules.sites)
    if not sites:
        print("cleanfeed: no site rule has a [crawl] section: nothing to crawl", file=sys.stderr)
        return 0
    report = run_crawl(args, project, sites)
    if isinstance(report, int):
        return report
    return 1 if report.errors else 0


__all__ = ["register", "run", "run_crawl", "add_crawl_options", "CONFIG"]
