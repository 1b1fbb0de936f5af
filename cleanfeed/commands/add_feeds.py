"""`cleanfeed add-feeds FILE`: a feed reader's subscriptions (OPML) → one site rule per site in cleaners/,
whose crawl starts are its feeds; `cleanfeed update` then turns them into full-text feeds."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cleanfeed.errors import ConfigError, UsageError
from cleanfeed.rules.opml import NewSite, new_sites, read_opml, rule_text
from cleanfeed.rules.site import RuleSet, load_rules, parse_site_rule
from cleanfeed.urlnorm import page_key


def register(sub: Any) -> None:
    p = sub.add_parser(
        "add-feeds",
        description="Read a feed reader's exported subscriptions (OPML) and write one site rule per site "
                    "into cleaners/ (cleaners/<host>.toml), whose [crawl] start_urls are that site's feeds. "
                    "`cleanfeed update` then fetches every item's page and publishes the full text. Sites "
                    "that already have a rule are left alone (the command says which feeds to add by hand).",
        epilog="Exit codes: 0 done; 1 some subscriptions were left out (named on stderr); 2 the file is not "
               "OPML or cannot be read. Example: cleanfeed add-feeds subscriptions.opml")
    p.add_argument("file", type=Path, metavar="FILE", help="an OPML file (File → Export in most feed readers)")
    p.add_argument("--dry-run", action="store_true", help="print the rules instead of writing them")
    p.set_defaults(run=run)


def existing(rules: RuleSet, site: NewSite) -> tuple[str, list[str]] | None:
    """(rule file, feeds it does not crawl yet) when a rule already serves the site's host."""
    rule = next((r for r in rules.sites if r.matches_host(site.host)), None)
    if rule is None:
        return None
    known = {page_key(u) for u in rule.crawl.start_urls} if rule.crawl else set()
    return rule.path or rule.name, [f for f in site.feeds if page_key(f) not in known]


def free_path(folder: Path, name: str) -> Path:
    path, n = folder / f"{name}.toml", 1
    while path.exists():
        n += 1
        path = folder / f"{name}-{n}.toml"
    return path


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run(args: argparse.Namespace) -> int:
    return import_subscriptions(args.file, args.project / "cleaners", dry_run=args.dry_run, quiet=args.quiet)


def import_subscriptions(file: Path, cleaners: Path, *, dry_run: bool = False, quiet: bool = False) -> int:
    """Write a site rule into `cleaners` for every site of the OPML `file` (`add-feeds`, `init --from-opml`);
    the exit code: 1 when some subscriptions were left out (each named on stderr)."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from None
    subs, skipped = read_opml(data, str(file))
    rules = load_rules(cleaners)
    written = feeds = 0
    for site in new_sites(subs):
        if (found := existing(rules, site)) is not None:
            path, missing = found
            for feed in missing:
                print(f"cleanfeed: {site.host}: {path} already reads this site; to crawl {feed}, add it to its "
                      f"[crawl] start_urls", file=sys.stderr)
            continue
        text = rule_text(site, file.name)
        target = free_path(cleaners, site.name)
        parse_site_rule(target.stem, _toml(text), str(target))       # what we write must load
        if dry_run:
            print(f"# {target}\n{text}")
        else:
            cleaners.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text)
        written, feeds = written + 1, feeds + len(site.feeds)
    for why in skipped:
        print(f"cleanfeed: left out: {why}", file=sys.stderr)
    if not quiet:
        verb = "would write" if dry_run else "wrote"
        print(f"{len(subs) + len(skipped)} subscriptions: {verb} {written} site rules ({feeds} feeds), "
              f"{len(skipped)} left out", file=sys.stderr)
    return 1 if skipped else 0


def _toml(text: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:          # a bug here, not in the user's file
        raise ConfigError(f"generated site rule is not valid TOML: {exc}") from exc


__all__ = ["import_subscriptions", "register", "run"]
