"""Rules as data: the generic boilerplate knowledge shipped in `cleanfeed/data/`, and one site rule
per `cleaners/<site>.toml`. Loaders reject unknown keys and bad regexes, naming file and key."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleanfeed.errors import ConfigError
from cleanfeed.rules.learned import LEARNED_SUFFIX, learned_path, load_learned
from cleanfeed.rules.tomlfile import read_toml
from cleanfeed.textnorm import nfkc_light, squeeze

_FLAGS = re.I | re.U


@dataclass(frozen=True)
class LineRule:
    """A named pattern that marks one line as boilerplate (`max_len` protects real paragraphs)."""

    rule: str
    pattern: re.Pattern[str]
    max_len: int = 10_000
    rule_class: str = "site"         # the kind of boilerplate it removes (data/boilerplate.toml `class`)
    needs: tuple[str, ...] = ()      # lower-case strings of which a line must hold one to be asked at all

    def matches(self, key: str) -> bool:
        """`key` is the line as `match_key` folds it. `needs` spares a pattern with unanchored branches
        the scan of the many lines that cannot match it (the copyright rule: 0.56 → 0.1 s over the
        73,000 lines of ../shared/data/text)."""
        if len(key) > self.max_len:
            return False
        if self.needs and self.needs_pattern.search(key) is None:
            return False
        return self.pattern.search(key) is not None

    @cached_property
    def needs_pattern(self) -> re.Pattern[str]:
        """`needs` as one case-insensitive alternation of literals: one C-level scan per line."""
        return re.compile("|".join(re.escape(n) for n in self.needs), _FLAGS)


@dataclass(frozen=True)
class GenericRules:
    sections: tuple[LineRule, ...]
    lines: tuple[LineRule, ...]
    header_labels: re.Pattern[str]
    author_labels: re.Pattern[str]
    not_a_person: re.Pattern[str]
    header_max_len: int
    breadcrumb_separators: re.Pattern[str]
    breadcrumb_max_piece: int
    breadcrumb_prefix: re.Pattern[str]


@dataclass(frozen=True)
class CrawlRule:
    """How to find new article pages on a site (used by the crawler, cleanfeed/crawl.py)."""

    start_urls: tuple[str, ...] = ()          # listing / section pages, fetched every run
    article_links: tuple[str, ...] = ()       # CSS selectors of article links on listing pages
    article_url_patterns: tuple[str, ...] = ()  # regexes an article URL must match (any)
    next_page: tuple[str, ...] = ()           # CSS selectors of the "next page" link (`index_2.html`)
    sitemaps: tuple[str, ...] = ()
    max_pages: int = 50                       # listing + sitemap + article fetches per run
    allowed_hosts: tuple[str, ...] = ()       # default: the hosts of start_urls and sitemaps
    delay: float = 1.0                        # seconds between requests to the site's hosts (robots may ask more)
    contact: str | None = None                # URL or mailto: for the User-Agent, so the site can reach us


@dataclass(frozen=True)
class SiteRule:
    """How to read one site. Text keys work on plain-text dumps and HTML blocks alike; the CSS keys
    map onto FiveFilters ftr-site-config (`title`, `body`, `date`, `author`, `strip`,
    `strip_id_or_class`, `test_url`)."""

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
    test_url: tuple[str, ...] = ()
    crawl: CrawlRule | None = None
    template_lines: tuple[str, ...] = ()     # learned by `cleanfeed learn` (cleaners/<site>.learned.toml)
    path: str | None = field(default=None, compare=False)

    def matches_host(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def matches_text(self, text: str) -> bool:
        return any(p.search(text) for p in self.fingerprints)


def match_key(line: str) -> str:
    """The form every line pattern sees: NFKC (full-width → ASCII), spaces folded."""
    return squeeze(nfkc_light(line))


def compile_rule(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise ConfigError(f"bad regular expression in {where}: {exc}") from exc


def line_rules(entries: Any, where: str) -> tuple[LineRule, ...]:
    """Generic line rules from their TOML tables; each names its rule and its class."""
    out = []
    for i, entry in enumerate(entries):
        unknown = set(entry) - {"rule", "class", "pattern", "max_len", "needs"}
        if unknown:
            raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in {where}[{i}]")
        if "class" not in entry:
            raise ConfigError(f"missing key 'class' in {where}[{i}]")
        pattern = compile_rule(entry["pattern"], f"{where}[{i}]")
        needs = tuple(n.lower() for n in entry.get("needs", ()))
        out.append(LineRule(entry["rule"], pattern, int(entry.get("max_len", 10_000)), entry["class"], needs))
    return tuple(out)


@lru_cache(maxsize=1)
def generic_rules() -> GenericRules:
    """The rules shipped inside the package (loaded once per process)."""
    raw = tomllib.loads(resources.files("cleanfeed").joinpath("data/boilerplate.toml").read_text("utf-8"))
    header, crumb = raw["header"], raw["breadcrumb"]
    return GenericRules(
        sections=line_rules(raw["section"], "section"),
        lines=line_rules(raw["line"], "line"),
        header_labels=compile_rule(rf"(?:^|[\s|/【\[(])({header['labels']})\s*:", "header.labels"),
        author_labels=compile_rule(rf"^(?:{header['author_labels']})$", "header.author_labels"),
        not_a_person=compile_rule(header["not_a_person"], "header.not_a_person"),
        header_max_len=int(header["max_len"]),
        breadcrumb_separators=compile_rule(rf"\s*(?:{crumb['separators']})\s*", "breadcrumb.separators"),
        breadcrumb_max_piece=int(crumb["max_piece"]),
        breadcrumb_prefix=compile_rule(crumb["prefix"], "breadcrumb.prefix"),
    )


# ----------------------------------------------------------------------------- site rules

_LIST_KEYS = {"hosts", "fingerprints", "drop_lines", "cut_from", "title", "body", "date", "author",
              "strip", "strip_id_or_class", "test_url"}
_SCALAR_KEYS = {"timezone", "language"}
_CRAWL_KEYS = {f.name for f in fields(CrawlRule)}


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key {key!r} must be a string or a list of strings", source=source)
    return tuple(value)


def _css(selector: str, key: str, source: str) -> None:
    import soupsieve

    try:
        soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
        raise ConfigError(f"bad CSS selector in {key}: {str(exc).splitlines()[0]}", source=source) from exc


def _crawl_rule(raw: Any, source: str) -> CrawlRule:
    if not isinstance(raw, dict):
        raise ConfigError("key 'crawl' must be a table", source=source)
    unknown = set(raw) - _CRAWL_KEYS
    if unknown:
        raise ConfigError(f"unknown key 'crawl.{sorted(unknown)[0]}'", source=source)
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "max_pages":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError("key 'crawl.max_pages' must be a positive integer", source=source)
            kwargs[key] = value
        elif key == "delay":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 3600:
                raise ConfigError("key 'crawl.delay' must be a number of seconds (0 to 3600)", source=source)
            kwargs[key] = float(value)
        elif key == "contact":
            if not isinstance(value, str) or not re.match(r"^(https?://\S+|mailto:\S+@\S+)$", value):
                raise ConfigError("key 'crawl.contact' must be an http(s) URL or a mailto: address", source=source)
            kwargs[key] = value
        else:
            kwargs[key] = _strings(value, f"crawl.{key}", source)
    for i, pattern in enumerate(kwargs.get("article_url_patterns", ())):
        compile_rule(pattern, f"{source}: crawl.article_url_patterns[{i}]")
    for key in ("article_links", "next_page"):
        for i, selector in enumerate(kwargs.get(key, ())):
            _css(selector, f"crawl.{key}[{i}]", source)
    for key in ("start_urls", "sitemaps"):
        if any(not re.match(r"^https?://[^/\s]+", u) for u in kwargs.get(key, ())):
            raise ConfigError(f"key 'crawl.{key}' must hold absolute http(s) URLs", source=source)
    if not kwargs.get("start_urls") and not kwargs.get("sitemaps"):
        raise ConfigError("section 'crawl' needs 'start_urls' or 'sitemaps'", source=source)
    if kwargs.get("start_urls") and not kwargs.get("article_links") and not kwargs.get("article_url_patterns"):
        raise ConfigError("section 'crawl' needs 'article_links' or 'article_url_patterns' to tell articles "
                          "from other links on its start pages", source=source)
    return CrawlRule(**kwargs)


def parse_site_rule(name: str, raw: dict[str, Any], source: str) -> SiteRule:
    """A SiteRule from one parsed TOML table; ConfigError names the file and the key."""
    unknown = set(raw) - _LIST_KEYS - _SCALAR_KEYS - {"crawl"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r}", source=source)
    kw: dict[str, Any] = {}
    for key in _LIST_KEYS & set(raw):
        kw[key] = _strings(raw[key], key, source)
    for key in _SCALAR_KEYS & set(raw):
        if not isinstance(raw[key], str):
            raise ConfigError(f"key {key!r} must be a string", source=source)
        kw[key] = raw[key]
    if "timezone" in kw:
        from cleanfeed.timeutil import zone
        try:
            zone(kw["timezone"])
        except ValueError as exc:
            raise ConfigError(f"key 'timezone': {exc}", source=source) from exc
    kw["hosts"] = tuple(h.lower().removeprefix("www.") for h in kw.get("hosts", ()))
    kw["fingerprints"] = tuple(compile_rule(p, f"{source}: fingerprints[{i}]")
                               for i, p in enumerate(kw.get("fingerprints", ())))
    for key in ("drop_lines", "cut_from"):
        kw[key] = tuple(LineRule(f"site:{name}:{key}", compile_rule(p, f"{source}: {key}[{i}]"))
                        for i, p in enumerate(kw.get(key, ())))
    if "crawl" in raw:
        kw["crawl"] = _crawl_rule(raw["crawl"], source)
    return SiteRule(name=name, path=source, **kw)


def load_site_rule(path: Path) -> SiteRule:
    raw = read_toml(path)
    return parse_site_rule(path.stem, raw, str(path))


@dataclass(frozen=True)
class RuleSet:
    """Every site rule of a feed project; `for_page` picks the one that applies to a page."""

    sites: tuple[SiteRule, ...] = ()

    def for_page(self, url: str | None, text: str) -> SiteRule | None:
        """By host when the URL is known, else (or when no host matches) by fingerprint phrase."""
        if url:
            host = urlsplit(url).hostname or ""
            for rule in self.sites:
                if rule.matches_host(host):
                    return rule
        for rule in self.sites:
            if rule.fingerprints and rule.matches_text(text):
                return rule
        return None

    def named(self, name: str) -> SiteRule | None:
        return next((r for r in self.sites if r.name == name), None)


def load_rules(folder: Path | None) -> RuleSet:
    """Every `*.toml` in `folder` (sorted, so matching order is stable), each with the template lines of
    its `<site>.learned.toml` if there is one (templates.py); no folder means no site rules."""
    if folder is None or not folder.is_dir():
        return RuleSet()
    paths = sorted(p for p in folder.glob("*.toml") if not p.name.endswith(LEARNED_SUFFIX))
    return RuleSet(tuple(_with_template(load_site_rule(p), learned_path(p)) for p in paths))


def _with_template(rule: SiteRule, learned: Path) -> SiteRule:
    return replace(rule, template_lines=load_learned(learned)) if learned.is_file() else rule


def first_match(rules: Iterable[LineRule], key: str) -> LineRule | None:
    return next((r for r in rules if r.matches(key)), None)


class MatchMemo:
    """`first_match` for one page that remembers its answers and shares them between rule lists: the
    dump region finder asks (dump rules, site drops, generic lines) about the article's prose lines,
    ~30 µs a long Chinese line on cwced-zh-text, and the text cleaner then asks (site drops, generic
    lines), a tail of that list, about the same lines. A rule list is known by identity, so pass the
    same tuple each time."""

    def __init__(self) -> None:
        self._answers: dict[tuple[int, str], int] = {}        # (id(rules), key) → index of the hit, or -1
        self._lists: dict[int, Sequence[LineRule]] = {}       # keeps every asked list alive while its id is used
        self._wider: dict[int, list[tuple[int, int]]] = {}    # id(rules) → (id(longer list ending in it), offset)

    def __call__(self, rules: Sequence[LineRule], key: str) -> LineRule | None:
        rid = id(rules)
        if rid not in self._lists:
            self._register(rules)
        found = self._answers.get((rid, key))
        if found is None:
            found = self._known(rid, key)
            if found is None:
                found = next((i for i, r in enumerate(rules) if r.matches(key)), -1)
            self._answers[(rid, key)] = found
        return rules[found] if found >= 0 else None

    def _known(self, rid: int, key: str) -> int | None:
        """The answer for `rules` read off a longer list's: no hit there, or a hit inside our tail."""
        for wid, offset in self._wider[rid]:
            found = self._answers.get((wid, key))
            if found is not None and (found < 0 or found >= offset):
                return found - offset if found >= 0 else -1
        return None

    def _register(self, rules: Sequence[LineRule]) -> None:
        n = len(rules)
        self._wider[id(rules)] = [
            (wid, len(longer) - n) for wid, longer in self._lists.items()
            if len(longer) >= n and all(a is b for a, b in zip(longer[len(longer) - n:], rules, strict=True))]
        self._lists[id(rules)] = rules


__all__ = ["compile_rule", "line_rules", "LineRule", "GenericRules", "SiteRule", "CrawlRule", "RuleSet",
           "generic_rules", "load_rules",
           "load_site_rule", "parse_site_rule", "match_key", "first_match", "MatchMemo", "Sequence"]
