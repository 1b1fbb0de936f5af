"""`cleanfeed check`: validate the whole feed project (feeds, site rules, inputs) without writing anything,
and name every problem at once.

FiveFilters files are checked as FTR would read them: the project's own `cleaners/*.txt` strictly (a line
FTR would ignore, or an XPath lxml cannot run, is a config error), the collection copy in
`cleaners/ftr-site-config/` as upstream data (the same findings are warnings, and only for the files that
apply to the hosts this project crawls or names). Directives cleanfeed reads but does not apply are
warnings. Each `test_url` with a page in the store is cleaned again and must give an article (holding its
`test_contains` strings).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cleanfeed.commands.common import input_paths, unmatched_inputs
from cleanfeed.errors import CleanfeedError, ConfigError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.rules.project import Project, load_project
from cleanfeed.urlnorm import host_of

if TYPE_CHECKING:
    from cleanfeed.rules.ftr import FtrRule

# The FiveFilters modules (rules.ftr, rules.ftrlookup, html.ftrcheck) are imported only when the project has
# FiveFilters files: a project without them is checked without loading them (tests/test_cli_startup.py).


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        description="Load every feed and site rule and check every value (types, lengths, time zones, "
                    "regular expressions, CSS and XPath selectors, URLs, host names, unknown keys, unknown "
                    "site names; every problem named with its file and key, not only the first one), check "
                    "the FiveFilters rule files (cleaners/*.txt; "
                    "directives cleanfeed does not apply are listed as warnings), run their test_url / "
                    "test_contains against pages already in the store, then read every input page and its "
                    "sidecar. Site rules are checked with or without a feed.",
        epilog="Exit codes: 0 the project is fine (warnings allowed); 1 some input pages cannot be read or a "
               "site test failed; 2 configuration error (including an inputs pattern that matches nothing).")
    p.set_defaults(run=run)


class Findings(NamedTuple):
    errors: list[str]
    warnings: list[str]


def ftr_rules(project: Project) -> Iterator[tuple[Path, FtrRule, bool]]:
    """(path, rule, is the project's own) for each FiveFilters file to check: every own file, and of the
    collection copy those that serve a host the project's rules name or crawl."""
    folder = project.rules.ftr
    if folder is None:
        return
    from cleanfeed.rules.ftrlookup import candidate_names

    for path in folder.custom.values():
        yield path, folder.rule(path), True
    hosts = {h for r in project.rules.sites for h in r.hosts}
    hosts |= {host_of(u) for r in project.rules.sites if r.crawl for u in r.crawl.start_urls + r.crawl.sitemaps}
    used = {name for host in hosts for name in candidate_names(host)} | {"global.txt"}
    for name, path in folder.standard.items():
        if name in used:
            yield path, folder.rule(path), False


def ftr_findings(project: Project) -> Findings:
    errors: list[str] = []
    warnings: list[str] = []
    for path, rule, own in ftr_rules(project):
        from cleanfeed.html.ftrcheck import compile_check  # lxml: only when there are FiveFilters files
        from cleanfeed.rules.ftr import not_applied

        problems = [(no, msg) for no, msg in rule.errors]

        problems += [(no, f"XPath {expr!r} cannot run: {why}") for no, expr, why in compile_check(rule)]
        (errors if own else warnings).extend(f"{path}:{no}: {msg}" for no, msg in sorted(problems))
        warnings += [f"{path}:{no}: {msg}" for no, msg in sorted(rule.warnings + tuple(not_applied(rule)))]
    return Findings(errors, warnings)


def site_tests(project: Project) -> tuple[int, list[str]]:
    """(tests run, failures): every test_url of a site rule (TOML `test_url`, FiveFilters `test_url` with its
    `test_contains`) whose page the store holds, cleaned again with today's rules. No store: nothing run."""
    tests: list[tuple[str, str, tuple[str, ...]]] = [          # (where, URL, strings the article must hold)
        (rule.path or rule.name, url, ()) for rule in project.rules.sites for url in rule.test_url]
    tests += [(str(path), t.url, t.contains) for path, rule, _ in ftr_rules(project) for t in rule.test_urls]
    if not tests or not project.store_path.is_file():
        return 0, []
    from cleanfeed.store.db import Store
    from cleanfeed.store.ingest import Failure, Skipped, clean_one

    run, failures = 0, []
    with Store.open(project.store_path) as store:
        for where, url, contains in tests:
            article_id = store.resolve(url)
            if article_id is None:
                continue
            try:
                _, page = store.stored_page(article_id)
            except KeyError:
                continue
            run += 1
            article = clean_one(page, project)
            if isinstance(article, (Failure, Skipped)):
                failures.append(f"{where}: test_url {url}: {article.reason}")
                continue
            shown = f"{article.title}\n{article.text}\n{article.html}"
            failures += [f"{where}: test_url {url}: the article does not contain {want!r}"
                         for want in contains if want not in shown]
    return run, failures


def has_feed_files(project: Path) -> bool:
    """Whether `feeds/` holds a feed file, loaded or not: one that failed to load is named as an error, not
    reported missing."""
    return any((project / "feeds").glob("*.toml"))


def run(args: argparse.Namespace) -> int:
    errors: list[ConfigError] = []
    project = load_project(args.project, errors)      # the good files load; the bad ones are named
    if not project.feeds and not project.rules.sites and not errors:
        errors.append(ConfigError("no feeds/*.toml and no cleaners/*.toml: not a feed project (cleanfeed init "
                                  "DIR makes one)", source=str(args.project)))
    elif not project.feeds and not has_feed_files(Path(args.project)) and not args.quiet:
        print("cleanfeed: no feed files (feeds/*.toml): site rules checked, nothing would be published",
              file=sys.stderr)
    findings = ftr_findings(project)
    problems = list(dict.fromkeys([str(e) for e in errors] + unmatched_inputs(project)
                                  + findings.errors))
    for problem in problems:
        print(f"cleanfeed: config error: {problem}", file=sys.stderr)
    if not args.quiet:
        for warning in findings.warnings:
            print(f"cleanfeed: warning: {warning}", file=sys.stderr)
    tests, failed = site_tests(project)
    for failure in failed:
        print(f"cleanfeed: {failure}", file=sys.stderr)
    unreadable = pages = 0
    for item in iter_pages(input_paths(project), timezone=project.timezone):
        if isinstance(item, CleanfeedError):
            unreadable += 1
            print(f"cleanfeed: {item}", file=sys.stderr)
        else:
            pages += 1
    extra = (f", {len(findings.warnings)} warnings" if findings.warnings else "") + (
        f", {tests} site tests ({len(failed)} failed)" if tests else "")
    print(f"{len(project.feeds)} feeds, {len(project.rules.sites)} site rules, {pages} input pages, "
          f"{unreadable} unreadable, {len(problems)} config errors{extra}")
    return 2 if problems else 1 if unreadable or failed else 0


__all__ = ["register", "run", "unmatched_inputs", "ftr_findings", "site_tests"]
