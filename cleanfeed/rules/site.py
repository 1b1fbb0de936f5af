"""Site rules as data: one per `cleaners/<site>.toml` (with the FiveFilters `cleaners/<host>.txt` of a
page's host merged in), gathered in a project's `RuleSet`. The generic line rules shipped in
`cleanfeed/data/` are in `linerules.py`. Loaders reject unknown keys and bad regexes, naming file and key.

The records are NamedTuples, not dataclasses: `cleanfeed check` builds them at every start, and with no
record on its path needing `dataclasses` it does not load that module (~7 ms with inspect and ast; issue #23)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from cleanfeed.errors import ConfigError
from cleanfeed.rules.crawlrule import CrawlRule, host_name, parse_crawl_rule
from cleanfeed.rules.learned import LEARNED_SUFFIX, learned_path, load_learned
from cleanfeed.rules.linerules import LineRule
from cleanfeed.rules.selectors import MAX_SELECTOR_CHARS, selector_problem
from cleanfeed.rules.tomlfile import Problems, flatten, read_toml, settle, text_list, text_value
from cleanfeed.rules.values import FLAGS
from cleanfeed.timeutil import zone
from cleanfeed.urlnorm import is_http_url

if TYPE_CHECKING:
    from cleanfeed.rules.ftr import FtrRule
    from cleanfeed.rules.ftrlookup import FtrFolder


class SiteRule(NamedTuple):
    """How to read one site. Text keys work on plain-text dumps and HTML blocks alike; the CSS keys
    map onto FiveFilters ftr-site-config (`title`, `body`, `date`, `author`, `strip`,
    `strip_id_or_class`, `next_page_link`, `test_url`). `ftr` is the FiveFilters rule for the page's
    host (`cleaners/<host>.txt`), without the keys this rule sets itself (`with_ftr`)."""

    name: str
    hosts: tuple[str, ...] = ()
    fingerprints: tuple[re.Pattern[str], ...] = ()
    timezone: str | None = None
    language: str | None = None
    drop_lines: tuple[LineRule, ...] = ()
    cut_from: tuple[LineRule, ...] = ()
    # HTML (CSS selectors)
    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    strip_id_or_class: tuple[str, ...] = ()
    next_page_link: tuple[str, ...] = ()     # an article continued on another page (the crawler joins them)
    test_url: tuple[str, ...] = ()
    crawl: CrawlRule | None = None
    ftr: FtrRule | None = None
    template_lines: tuple[str, ...] = ()     # learned by `cleanfeed learn` (cleaners/<site>.learned.toml)
    path: str | None = None                  # the file it was read from (messages)

    def matches_host(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def matches_text(self, text: str) -> bool:
        return any(p.search(text) for p in self.fingerprints)


# ----------------------------------------------------------------------------- site rules

_SELECTOR_KEYS = ("title", "body", "date", "author", "strip", "next_page_link")
# A TOML key and the FiveFilters field it stands for: a TOML rule that sets the key hides the field.
FTR_KEYS = {"title": "title", "body": "body", "date": "date", "author": "author", "strip": "strip",
            "strip_id_or_class": "strip_id_or_class", "next_page_link": "next_page_link", "test_url": "test_urls"}
_REGEX_KEYS = ("fingerprints", "drop_lines", "cut_from")


def _pattern(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, FLAGS)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None


def _selectors(key: str, value: Any, problems: Problems) -> tuple[str, ...]:
    """The key's CSS or XPath selectors; one problem per selector that cleaning could not run."""
    found = text_list(value, limit=MAX_SELECTOR_CHARS)
    for i, selector in enumerate(found):
        if (why := selector_problem(selector, key)) is not None:
            problems.add(f"key '{key}[{i}]': selector {selector!r} does not compile: {why}")
    return found


def _timezone(value: Any) -> str:
    name = text_value(value, limit=64)
    zone(name)                                      # ValueError names the unknown zone
    return name


def _language(value: Any) -> str:
    tag = text_value(value, limit=35)
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", tag):
        raise ValueError(f"{tag!r} is not a language tag (en, zh-CN, …)")
    return tag


def _test_urls(value: Any) -> tuple[str, ...]:
    urls = text_list(value)
    if bad := [u for u in urls if not is_http_url(u)]:
        raise ValueError(f"{bad[0][:80]!r} is not an absolute http(s) URL")
    return urls


_PARSERS: dict[str, Any] = {
    "hosts": lambda v: tuple(host_name(h) for h in text_list(v)),
    "fingerprints": lambda v: tuple(_pattern(p) for p in text_list(v)),
    "drop_lines": lambda v: tuple(_pattern(p) for p in text_list(v)),
    "cut_from": lambda v: tuple(_pattern(p) for p in text_list(v)),
    "strip_id_or_class": lambda v: text_list(v, limit=200),
    "test_url": _test_urls, "timezone": _timezone, "language": _language,
}
KEYS = frozenset([*_PARSERS, *_SELECTOR_KEYS, "crawl"])


def parse_site_rule(name: str, raw: dict[str, Any], source: str) -> SiteRule:
    """A SiteRule from one parsed TOML table. Every key is checked (type, length, regex, selector, zone,
    URL, host) and every problem named: ConfigError (ConfigErrors for several) names the file and keys."""
    problems = Problems(source)
    kw: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            problems.add(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
            continue
        with problems.key(key):
            if key == "crawl":
                kw[key] = parse_crawl_rule(value, problems)
            elif key in _SELECTOR_KEYS:
                kw[key] = _selectors(key, value, problems)
            else:
                kw[key] = _PARSERS[key](value)
    problems.raise_any()
    for key in ("drop_lines", "cut_from"):
        kw[key] = tuple(LineRule(f"site:{name}:{key}", p) for p in kw.get(key, ()))
    return SiteRule(name=name, path=source, **kw)


def load_site_rule(path: Path) -> SiteRule:
    raw = read_toml(path)
    return parse_site_rule(path.stem, raw, str(path))


def with_ftr(rule: SiteRule | None, name: str, ftr: FtrRule, host: str) -> SiteRule:
    """A site rule with the FiveFilters rule of the page's host: the TOML rule wins key by key (a key it
    sets hides the FiveFilters lines of that key); without a TOML rule, one named after the rule file."""
    if rule is None:
        return SiteRule(name=name, hosts=(host,), ftr=ftr, path=ftr.source)
    from dataclasses import replace  # FtrRule is a dataclass: loaded only with FiveFilters files

    hidden: dict[str, Any] = {field: () for key, field in FTR_KEYS.items() if getattr(rule, key)}
    return rule._replace(ftr=replace(ftr, **hidden))


class RuleSet(NamedTuple):
    """Every site rule of a feed project; `for_page` picks the one that applies to a page. `ftr` holds
    the project's FiveFilters files (`cleaners/*.txt`, `cleaners/ftr-site-config/`), read on use."""

    sites: tuple[SiteRule, ...] = ()
    ftr: FtrFolder | None = None

    def for_page(self, url: str | None, text: str) -> SiteRule | None:
        """By host when the URL is known (with its FiveFilters rule, if any), else (or when nothing
        matches the host) by fingerprint phrase."""
        if url:
            host = urlsplit(url).hostname or ""
            rule = next((r for r in self.sites if r.matches_host(host)), None)
            if self.ftr is not None and (merged := self._with_ftr(rule, host)) is not None:
                return merged
            if rule is not None:
                return rule
        for rule in self.sites:
            if rule.fingerprints and rule.matches_text(text):
                return rule
        return None

    def _with_ftr(self, rule: SiteRule | None, host: str) -> SiteRule | None:
        assert self.ftr is not None
        key = (rule.name if rule else None, host)
        if key not in self.ftr.merged:
            found = self.ftr.for_host(host)
            self.ftr.merged[key] = with_ftr(rule, found[0], found[1], host) if found else None
        merged: SiteRule | None = self.ftr.merged[key]
        return merged

    def named(self, name: str) -> SiteRule | None:
        """The TOML rule `name`, else the FiveFilters rule file of the site `name` (`example.com`)."""
        rule = next((r for r in self.sites if r.name == name), None)
        if rule is None and self.ftr is not None and (found := self.ftr.named(name)) is not None:
            return with_ftr(None, found[0], found[1], name)
        return rule


def rule_paths(folder: Path | None) -> list[Path]:
    """The site rule files of `folder` (sorted, so matching order is stable)."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.endswith(LEARNED_SUFFIX))


def load_rules(folder: Path | None, errors: list[ConfigError] | None = None) -> RuleSet:
    """Every `*.toml` in `folder`, each with the template lines of its `<site>.learned.toml` if there is
    one (learned.py), and the FiveFilters files beside them (their names now, their text when a page of
    their host is cleaned); no folder means no site rules. Every file is read: the problems of all of them
    are raised together (ConfigErrors), or, with `errors`, appended there while the good rules load."""
    rules, found = [], []
    for path in rule_paths(folder):
        try:
            rules.append(_with_template(load_site_rule(path), learned_path(path)))
        except ConfigError as exc:
            found += flatten(exc)
    settle(found, errors)
    return RuleSet(tuple(rules), _ftr_folder(folder))


def _ftr_folder(folder: Path | None) -> FtrFolder | None:
    """The FiveFilters files beside the site rules, if any. The FiveFilters reader (rules.ftr, ftrlookup: 3-4 ms
    of imports) is loaded only when the folder holds a `*.txt` file or a collection copy."""
    if folder is None or not folder.is_dir():
        return None
    if not any(folder.glob("*.txt")) and not (folder / "ftr-site-config").is_dir():   # ftrlookup.COLLECTION
        return None
    from cleanfeed.rules.ftrlookup import FtrFolder

    return FtrFolder.load(folder)


def _with_template(rule: SiteRule, learned: Path) -> SiteRule:
    return rule._replace(template_lines=load_learned(learned)) if learned.is_file() else rule


__all__ = ["SiteRule", "CrawlRule", "RuleSet", "load_rules", "load_site_rule", "parse_site_rule", "rule_paths",
           "with_ftr", "FTR_KEYS"]
