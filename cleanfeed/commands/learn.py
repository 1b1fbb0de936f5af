"""`cleanfeed learn SITE PAGES...`: learn a site's template (the lines printed on most of its pages) into
`cleaners/<SITE>.learned.toml`, rule data to review like any rule. Nothing is learned while cleaning:
the template applies from the next `clean` / `build` / `reclean`, and only where this command wrote it."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleanfeed.errors import CleanfeedError, UsageError
from cleanfeed.html.article import looks_like_html
from cleanfeed.inputs.files import iter_pages
from cleanfeed.model import Page
from cleanfeed.pipeline import page_text
from cleanfeed.rules.learned import MIN_PAGES, MIN_SHARE, learn_template, learned_path, to_toml
from cleanfeed.rules.site import SiteRule, load_site_rule


def register(sub: Any) -> None:
    p = sub.add_parser(
        "learn",
        description="Read several plain-text pages of one site and write the lines printed on most of them "
                    "(menus, footers, the site's own blurbs) to cleaners/SITE.learned.toml, beside the site "
                    "rule cleaners/SITE.toml. Cleaning then drops those lines on the site's pages. The file "
                    "is rule data: review it, edit it, or delete it to forget the template.",
        epilog="Exit codes: 0 written; 1 some pages could not be read (learned from the others); 2 usage or "
               "configuration error (no such site rule, fewer than 3 distinct text pages). "
               "Example: cleanfeed learn cmra scraped/cmra/")
    p.add_argument("site", metavar="SITE", help="site rule name (cleaners/SITE.toml must exist)")
    p.add_argument("paths", nargs="+", metavar="PAGE", help="page file, folder of pages, .jsonl, .warc.gz, or -")
    p.add_argument("--min-share", type=float, default=MIN_SHARE, metavar="SHARE",
                   help=f"a line is template when this share of the pages print it (default {MIN_SHARE})")
    p.add_argument("--dry-run", action="store_true", help="print the learned-rules file instead of writing it")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rule_path = args.project / "cleaners" / f"{args.site}.toml"
    if not rule_path.is_file():
        raise UsageError(f"no site rule {args.site!r}: write cleaners/{args.site}.toml first (its hosts or "
                         "fingerprints decide which pages the template applies to)")
    if not 0 < args.min_share <= 1:
        raise UsageError("--min-share must be greater than 0 and at most 1")
    rule = load_site_rule(rule_path)
    texts, failed = read_texts(args.paths, rule)
    template = learn_template(args.site, texts, min_share=args.min_share)
    if template.pages < MIN_PAGES:
        raise UsageError(f"need at least {MIN_PAGES} distinct plain-text pages of {args.site!r} to tell its "
                         f"template from its articles, got {template.pages}")
    content = to_toml(template, args.min_share)
    target = learned_path(rule_path)
    if args.dry_run:
        sys.stdout.write(content)
    else:
        write_atomically(target, content)
    print(f"cleanfeed: {len(template.lines)} template lines (each on at least {template.need} of "
          f"{template.pages} pages) {'for' if args.dry_run else '→'} {target}", file=sys.stderr)
    return 1 if failed else 0


def read_texts(paths: list[str], rule: SiteRule) -> tuple[list[str], int]:
    """The decoded plain-text pages of `paths` that may belong to `rule`'s site, and how many failed.
    HTML pages and pages whose URL names another host are skipped, each said on stderr."""
    texts: list[str] = []
    failed = 0
    for item in iter_pages(paths):
        try:
            if isinstance(item, CleanfeedError):
                raise item
            text, _ = page_text(item)
        except CleanfeedError as exc:
            print(f"cleanfeed: {exc}", file=sys.stderr)
            failed += 1
            continue
        why = _skip_reason(item, text, rule)
        if why:
            print(f"cleanfeed: {item.source or '<page>'}: skipped: {why}", file=sys.stderr)
        else:
            texts.append(text)
    return texts, failed


def _skip_reason(page: Page, text: str, rule: SiteRule) -> str | None:
    if looks_like_html(text):
        return "HTML (templates are learned from plain-text pages)"
    host = urlsplit(page.url).hostname if page.url else None
    if host and rule.hosts and not rule.matches_host(host):
        return f"{host} is not a host of site rule {rule.name!r}"
    return None


def write_atomically(path: Path, content: str) -> None:
    """Write `content` to `path` so that a reader sees the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["register", "run", "read_texts", "write_atomically"]
