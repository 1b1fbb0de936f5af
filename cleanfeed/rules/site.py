"""Rules as data: the generic boilerplate knowledge shipped in `cleanfeed/data/`, and one site rule
per `cleaners/<site>.toml` (with the FiveFilters `cleaners/<host>.txt` of a page's host merged in).
Loaders reject unknown keys and bad regexes, naming file and key.

The records are NamedTuples, not dataclasses: `cleanfeed check` builds them at every start, and with no
record on its path needing `dataclasses` it does not load that module (~7 ms with inspect and ast; issue #23)."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from cleanfeed.errors import ConfigError
from cleanfeed.rules.crawlrule import CrawlRule, host_name, parse_crawl_rule
from cleanfeed.rules.learned import LEARNED_SUFFIX, learned_path, load_learned
from cleanfeed.rules.linematch import derived_needs, folds_like_regex, lowered, scans_line
from cleanfeed.rules.opening import Opening, opening_class
from cleanfeed.rules.selectors import MAX_SELECTOR_CHARS, selector_problem
from cleanfeed.rules.tomlfile import Problems, flatten, read_toml, settle, text_list, text_value
from cleanfeed.rules.values import FLAGS, compile_regex
from cleanfeed.textnorm import nfkc_light, squeeze
from cleanfeed.timeutil import zone
from cleanfeed.urlnorm import is_http_url

if TYPE_CHECKING:
    from cleanfeed.rules.ftr import FtrRule
    from cleanfeed.rules.ftrlookup import FtrFolder


class _LineRuleFields(NamedTuple):
    rule: str
    pattern: re.Pattern[str]
    max_len: int = 10_000
    rule_class: str = "site"         # the kind of boilerplate it removes (data/boilerplate.toml `class`)
    needs: tuple[str, ...] = ()      # lower-case strings of which a line must hold one to be asked at all


class LineRule(_LineRuleFields):
    """A named pattern that marks one line as boilerplate (`max_len` protects real paragraphs). A subclass of
    its fields without `__slots__`: the instances keep a dict for the cached `needs` matchers below."""

    def matches(self, key: str) -> bool:
        """`key` is the line as `match_key` folds it. `needs` spares a pattern with unanchored branches
        the scan of the many lines that cannot match it (the copyright rule: 0.56 → 0.1 s over the
        73,000 lines of ../shared/data/text)."""
        if len(key) > self.max_len:
            return False
        if self.opening is not None and not self.opening.admits(key):
            return False
        if self.gate and not self.needs_met(key):
            return False
        return self.pattern.search(key) is not None

    @cached_property
    def opening(self) -> Opening | None:
        """For a regex held at the line's start, the characters its match may open with (`opening_class`):
        most lines are refused by a dict lookup on their first character, without the regex's try."""
        char_class = opening_class(self.pattern)
        return Opening(char_class) if char_class is not None else None

    @cached_property
    def gate(self) -> tuple[str, ...]:
        """`needs`; for a rule without them whose regex is tried along the whole line (`scans_line`), the
        literals its regex itself requires (`derived_needs`): the photo-credit rule, 9.7 µs a line, is
        asked of every block of every page."""
        return self.needs or (derived_needs(self.pattern) if scans_line(self.pattern) else ())

    def needs_met(self, key: str) -> bool:
        """`key` holds one of `needs`, case-insensitively as the pattern reads it: a case-sensitive scan
        of the lower-cased line where that is exactly the `re.I` scan's answer (`folds_like_regex`).
        The `re.I` alternation was 3/4 of the line rules' time (0.47 s over the 8,900 block keys of a
        240-page sample; 0.07 s this way): without `re.I`, `re` skips ahead on the literals' first
        characters."""
        low = lowered(key) if self.needs_fold else None
        if low is not None:
            return self.needs_plain.search(low) is not None
        return self.needs_pattern.search(key) is not None

    @cached_property
    def needs_fold(self) -> bool:
        return all(folds_like_regex(n) for n in self.gate)

    @cached_property
    def needs_plain(self) -> re.Pattern[str]:
        """`needs` (lower case) as a case-sensitive alternation, for lower-cased lines."""
        return re.compile("|".join(re.escape(n) for n in self.gate))

    @cached_property
    def needs_pattern(self) -> re.Pattern[str]:
        """`needs` as one case-insensitive alternation of literals: one C-level scan per line."""
        return re.compile("|".join(re.escape(n) for n in self.gate), FLAGS)


class GenericRules(NamedTuple):
    sections: tuple[LineRule, ...]
    lines: tuple[LineRule, ...]
    header_labels: re.Pattern[str]
    author_labels: re.Pattern[str]
    not_a_person: re.Pattern[str]
    header_max_len: int
    breadcrumb_separators: re.Pattern[str]
    breadcrumb_max_piece: int
    breadcrumb_prefix: re.Pattern[str]


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


def match_key(line: str) -> str:
    """The form every line pattern sees: NFKC (full-width → ASCII), spaces folded."""
    return squeeze(nfkc_light(line))


def line_rules(entries: Any, where: str) -> tuple[LineRule, ...]:
    """Generic line rules from their TOML tables; each names its rule and its class."""
    out = []
    for i, entry in enumerate(entries):
        unknown = set(entry) - {"rule", "class", "pattern", "max_len", "needs"}
        if unknown:
            raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in {where}[{i}]")
        if "class" not in entry:
            raise ConfigError(f"missing key 'class' in {where}[{i}]")
        pattern = compile_regex(entry["pattern"], f"{where}[{i}]")
        needs = tuple(n.lower() for n in entry.get("needs", ()))
        out.append(LineRule(entry["rule"], pattern, int(entry.get("max_len", 10_000)), entry["class"], needs))
    return tuple(out)


@lru_cache(maxsize=1)
def generic_rules() -> GenericRules:
    """The rules shipped inside the package (loaded once per process)."""
    from importlib import resources  # 5-10 ms with tempfile and shutil: only the cleaner needs it, not `check`

    raw = tomllib.loads(resources.files("cleanfeed").joinpath("data/boilerplate.toml").read_text("utf-8"))
    header, crumb = raw["header"], raw["breadcrumb"]
    return GenericRules(
        sections=line_rules(raw["section"], "section"),
        lines=line_rules(raw["line"], "line"),
        header_labels=compile_regex(rf"(?:^|[\s|/【\[(])({header['labels']})\s*:", "header.labels"),
        author_labels=compile_regex(rf"^(?:{header['author_labels']})$", "header.author_labels"),
        not_a_person=compile_regex(header["not_a_person"], "header.not_a_person"),
        header_max_len=int(header["max_len"]),
        breadcrumb_separators=compile_regex(rf"\s*(?:{crumb['separators']})\s*", "breadcrumb.separators"),
        breadcrumb_max_piece=int(crumb["max_piece"]),
        breadcrumb_prefix=compile_regex(crumb["prefix"], "breadcrumb.prefix"),
    )


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


def first_match(rules: Iterable[LineRule], key: str) -> LineRule | None:
    if key and isinstance(rules, tuple):
        rules = _may_open(rules, key[0])
    size = len(key)
    for r in rules:                       # the length check inline: a third of the rules refuse a line by it
        if size <= r.max_len and r.matches(key):
            return r
    return None


# Rule lists → first character → the rules of the list a line opening with it may match, in the list's
# order (`_may_open`). An HTML page's filter builds its lists afresh (site rules + generic ones), so a list
# is found by identity first, then by the identities of its rules; each entry keeps its tuple alive, so an
# id in these keys is never another object's while the entry is here.
_BY_LIST: dict[int, tuple[tuple[LineRule, ...], dict[str, tuple[LineRule, ...]]]] = {}
_BY_RULES: dict[tuple[int, ...], tuple[tuple[LineRule, ...], dict[str, tuple[LineRule, ...]]]] = {}
MAX_LISTS = 256             # rule lists remembered (one or two per site rule in use)
MAX_FIRSTS = 2048           # first characters remembered per list (a Chinese page opens lines with hundreds)


def _may_open(rules: tuple[LineRule, ...], first: str) -> tuple[LineRule, ...]:
    """The rules of `rules` that a line opening with `first` may match (`LineRule.opening`): the others
    are not even asked: 10-19 of the 23 generic line rules are left to ask (the rules with no opening check
    are always asked), and `first_match` takes 170 instead of 225 ms over bench/speed.py's 22,468 block
    keys. The answer is `first_match`'s either way: the rules left out cannot match, and the order is kept."""
    entry = _BY_LIST.get(id(rules))
    if entry is None or entry[0] is not rules:
        entry = _list_entry(rules)
    table = entry[1]
    found = table.get(first)
    if found is None:
        found = tuple(r for r in rules if r.opening is None or r.opening.admits(first))
        if len(table) < MAX_FIRSTS:
            table[first] = found
    return found


def _list_entry(rules: tuple[LineRule, ...]) -> tuple[tuple[LineRule, ...], dict[str, tuple[LineRule, ...]]]:
    if len(_BY_LIST) >= MAX_LISTS:
        _BY_LIST.clear()
    if len(_BY_RULES) >= MAX_LISTS:
        _BY_RULES.clear()
    members = tuple(map(id, rules))
    shared = _BY_RULES.get(members)
    if shared is None:
        shared = _BY_RULES[members] = (rules, {})
    entry = _BY_LIST[id(rules)] = (rules, shared[1])
    return entry


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


__all__ = ["line_rules", "LineRule", "GenericRules", "SiteRule", "CrawlRule", "RuleSet", "generic_rules", "load_rules",
           "load_site_rule", "parse_site_rule", "rule_paths", "match_key", "first_match", "MatchMemo", "Sequence",
           "with_ftr", "FTR_KEYS"]
