"""`cleanfeed init DIR`: start a feed project that builds at once (templates: cleanfeed/rules/scaffold.py)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cleanfeed.errors import ConfigError, UsageError
from cleanfeed.rules.scaffold import EXAMPLE_PAGE, EXAMPLE_SITE, NewProject, project_files


def register(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        description="Write a new feed project into DIR: cleanfeed.toml (the site's title), a commented feed "
                    "in feeds/, a commented example site rule in cleaners/, one example page with its "
                    ".meta.json sidecar in pages/, and a .gitignore for the store and public/. "
                    "Then 'cd DIR && cleanfeed build' writes the feed. DIR may exist; no file in it is "
                    "ever overwritten.",
        epilog="Exit codes: 0 written; 2 usage error (a file would be overwritten, a bad option). "
               "Example: cleanfeed init metals-news --title 'Metals news' --timezone Asia/Shanghai")
    p.add_argument("dir", type=Path, metavar="DIR", help="the project folder (made if missing)")
    defaults = NewProject()
    p.add_argument("--feed", default=defaults.slug, metavar="SLUG",
                   help=f"the feed's name: feeds/SLUG.toml, public/SLUG.atom (default {defaults.slug})")
    p.add_argument("--title", default=defaults.title,
                   help=f"the feed's and the site's title (default {defaults.title})")
    p.add_argument("--language", default=defaults.language, metavar="LANG",
                   help=f"keep articles in this language (default {defaults.language}; zh keeps zh-CN and zh-TW); "
                        "the example page is written in it (English, or Chinese for zh, zh-TW)")
    p.add_argument("--timezone", default=defaults.timezone, metavar="TZ",
                   help=f"IANA zone for times printed without an offset (default {defaults.timezone})")
    p.add_argument("--url", default=defaults.self_url, metavar="URL",
                   help="where public/ will be served: the feeds' self URL (default: what 'cleanfeed serve' "
                        f"serves, {defaults.self_url})")
    p.add_argument("--from-opml", type=Path, metavar="FILE",
                   help="also write one site rule per site of a feed reader's exported subscriptions (OPML), "
                        "whose feeds become crawl starts, as 'cleanfeed add-feeds FILE' does; then 'cleanfeed "
                        "update' fetches each item's page and publishes the full text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    new = NewProject(slug=args.feed, title=args.title, language=args.language, timezone=args.timezone,
                     self_url=args.url)
    try:
        files = project_files(new)
    except ConfigError as exc:
        raise UsageError(f"cannot make that project: {exc.message}") from None
    root: Path = args.dir
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} exists and is not a folder")
    taken = [name for name in files if os.path.lexists(root / name)]
    if taken:
        raise UsageError(f"{root / taken[0]} already exists: nothing written (init never overwrites)")
    if args.from_opml is not None:
        _readable_opml(args.from_opml)           # before anything is written: no half-made project
    write_new(root, files)
    status = 0
    if args.from_opml is not None:
        from cleanfeed.commands.add_feeds import import_subscriptions

        status = import_subscriptions(args.from_opml, root / "cleaners", quiet=args.quiet)
    if not args.quiet:
        print(f"cleanfeed: new feed project in {root}\n"
              f"  feeds/{new.slug}.toml            the feed: title, self_url, language, inputs\n"
              f"  cleaners/{EXAMPLE_SITE}.toml   how to read one site (example)\n"
              f"  {EXAMPLE_PAGE}   an example page (+ .meta.json)\n"
              f"next: cd {root} && cleanfeed {'update' if args.from_opml else 'build'} && cleanfeed serve",
              file=sys.stderr)
    return status


def _readable_opml(path: Path) -> None:
    """UsageError / ConfigError (exit 2) unless `path` is a readable OPML subscription list."""
    from cleanfeed.rules.opml import read_opml

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"--from-opml: cannot read {path}: {exc.strerror or exc}") from None
    read_opml(data, str(path))


def write_new(root: Path, files: dict[str, bytes]) -> None:
    """Create every file (and its folders); `x` mode: a file that appeared meanwhile is not overwritten."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "xb") as handle:
                handle.write(data)
        except FileExistsError:
            raise UsageError(f"{path} already exists: init never overwrites") from None
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


__all__ = ["register", "run", "write_new"]
