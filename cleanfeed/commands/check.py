"""`cleanfeed check`: validate the whole feed project (feeds, site rules, inputs) without writing anything."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from cleanfeed.commands.common import input_paths, open_project, unmatched_inputs
from cleanfeed.errors import CleanfeedError, ConfigError
from cleanfeed.html.siterule import selector_error
from cleanfeed.inputs.files import iter_pages
from cleanfeed.rules.project import Project


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        description="Load every feed and site rule (unknown keys, bad values and unknown site names are "
                    "errors naming the file and the key), then read every input page and its sidecar. "
                    "Site rules are checked with or without a feed.",
        epilog="Exit codes: 0 the project is fine; 1 some input pages cannot be read; 2 configuration "
               "error (including an inputs pattern that matches nothing).")
    p.set_defaults(run=run)


def bad_selectors(project: Project) -> list[str]:
    """One message per CSS/XPath selector of a site rule that does not compile (cleaning skips it)."""
    problems = []
    for rule in project.rules.sites:
        for key in ("title", "body", "date", "author", "strip"):
            for i, selector in enumerate(getattr(rule, key)):
                if (why := selector_error(selector)) is not None:
                    problems.append(f"{rule.path}: key '{key}[{i}]': selector {selector!r} does not compile: {why}")
    return problems


def run(args: argparse.Namespace) -> int:
    project = open_project(args, need_feeds=False)   # ConfigError (exit 2) names the file and the key
    if not project.feeds and not project.rules.sites:
        raise ConfigError("no feeds/*.toml and no cleaners/*.toml: not a feed project (cleanfeed init DIR makes one)",
                          source=str(args.project))
    if not project.feeds:
        print("cleanfeed: no feed files (feeds/*.toml): site rules checked, nothing would be published",
              file=sys.stderr)
    problems = unmatched_inputs(project) + bad_selectors(project)
    for problem in problems:
        print(f"cleanfeed: config error: {problem}", file=sys.stderr)
    unreadable = pages = 0
    for item in iter_pages(input_paths(project), timezone=project.timezone):
        if isinstance(item, CleanfeedError):
            unreadable += 1
            print(f"cleanfeed: {item}", file=sys.stderr)
        else:
            pages += 1
    print(f"{len(project.feeds)} feeds, {len(project.rules.sites)} site rules, {pages} input pages, "
          f"{unreadable} unreadable, {len(problems)} config errors")
    return 2 if problems else 1 if unreadable else 0


__all__ = ["register", "run", "unmatched_inputs", "bad_selectors"]
