"""`cleanfeed check`: validate the whole feed project (feeds, site rules, inputs) without writing anything,
and name every problem at once."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from cleanfeed.commands.common import input_paths, unmatched_inputs
from cleanfeed.errors import CleanfeedError, ConfigError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.rules.project import load_project


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        description="Load every feed and site rule and check every value (types, lengths, time zones, "
                    "regular expressions, CSS and XPath selectors, URLs, host names, unknown keys, unknown "
                    "site names), then read every input page and its sidecar. Every problem is named, "
                    "with its file and key, not only the first one.",
        epilog="Exit codes: 0 the project is fine; 1 some input pages cannot be read; 2 configuration "
               "error (including an inputs pattern that matches nothing).")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problems: list[ConfigError] = []
    project = load_project(args.project, problems)      # the good files load; the bad ones are named
    if not project.feeds and not problems:
        problems.append(ConfigError("no feed files (feeds/*.toml): nothing to publish",
                                    source=str(args.project / "feeds")))
    messages = [str(p) for p in problems] + unmatched_inputs(project)
    for message in messages:
        print(f"cleanfeed: config error: {message}", file=sys.stderr)
    unreadable = pages = 0
    for item in iter_pages(input_paths(project), timezone=project.timezone):
        if isinstance(item, CleanfeedError):
            unreadable += 1
            print(f"cleanfeed: {item}", file=sys.stderr)
        else:
            pages += 1
    print(f"{len(project.feeds)} feeds, {len(project.rules.sites)} site rules, {pages} input pages, "
          f"{unreadable} unreadable, {len(messages)} config errors")
    return 2 if messages else 1 if unreadable else 0


__all__ = ["register", "run", "unmatched_inputs"]
