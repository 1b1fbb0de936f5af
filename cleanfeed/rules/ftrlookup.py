"""Which FiveFilters rule applies to a host: FTR's file lookup, its merge of two rules, and the rule files
of a feed project (`cleaners/*.txt`, and a whole copy of ftr-site-config in `cleaners/ftr-site-config/`).

FTR looks up `<host>.txt`, then `.<host less its first label>.txt`, with one leading `www.` removed; the
first file found wins (a host file hides the domain file). A project's own files come first ("custom"),
the collection copy after ("standard"), merged as FTR merges its custom and standard folders, and
`global.txt` under both unless the rule says `autodetect_on_failure: no`. Files are indexed by name when
the project loads and parsed the first time a page of their host is cleaned: the whole collection is
2,040 files, of which a project uses a handful.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cleanfeed.rules.ftr import FLAG_DEFAULTS, STRING_LISTS, STRINGS, XPATH_LISTS, FtrRule, parse_ftr

log = logging.getLogger(__name__)

COLLECTION = "ftr-site-config"          # cleaners/<this>/: a copy of the whole collection
GLOBAL = "global.txt"
_HOSTNAME = re.compile(r"(([a-z0-9-]*[a-z0-9])\.)*([a-z0-9-]*[a-z0-9])")   # FTR's HOSTNAME_REGEX


def normalize_host(host: str) -> str | None:
    """The host as FTR looks it up: lower case, no port or trailing dot, IDNA, one leading `www.` removed;
    None when FTR would refuse it (its HOSTNAME_REGEX, at most 200 characters)."""
    host = host.strip().lower()
    if host.startswith("["):   # an IPv6 literal: FTR's pattern refuses it
        return None
    host = host.split(":", 1)[0].rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    host = host.removeprefix("www.")
    return host if host and len(host) <= 200 and _HOSTNAME.fullmatch(host) else None


def candidate_names(host: str, all_parents: bool = False) -> list[str]:
    """File names FTR tries for a host, in order: `<host>.txt`, then `.<host less its first label>.txt`
    (so `example.com` tries `.com.txt`, and `www.example.com`, being `example.com`, never reads
    `.example.com.txt`). FTR stops at that one level: `a.b.example.com` never reads `.example.com.txt`;
    `all_parents` tries every shorter suffix as well."""
    h = normalize_host(host)
    if h is None:
        return []
    labels = h.split(".")
    suffixes = ["." + ".".join(labels[i:]) + ".txt" for i in range(1, len(labels))]
    return [h + ".txt"] + (suffixes if all_parents else suffixes[:1])


def rule_files_for_host(host: str, names: Iterable[str], all_parents: bool = False) -> list[str]:
    """The site config files among `names` (base names such as `example.com.txt`) that apply to `host`,
    in lookup order. FTR reads only the first; `rule_for_host` does the whole lookup."""
    available = set(names)
    return [n for n in candidate_names(host, all_parents) if n in available]


def merge_rules(rule: FtrRule, fallback: FtrRule) -> FtrRule:
    """FTR's SiteConfig::append: `rule` first, `fallback` after (custom over standard, site over
    global.txt). Lists are joined without repeats, find/replace pairs simply joined, headers and
    link conditions of `rule` win, flags and strings keep `rule`'s unless undeclared. Test URLs,
    lines and diagnostics stay `rule`'s: they describe its file."""
    def joined(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a + b))

    kept = {(d, e) for d, e, _ in rule.if_page_contains}
    merged: dict[str, Any] = {k: joined(getattr(rule, k), getattr(fallback, k)) for k in XPATH_LISTS + STRING_LISTS}
    for k in tuple(FLAG_DEFAULTS) + STRINGS:
        merged[k] = getattr(fallback, k) if getattr(rule, k) is None else getattr(rule, k)
    return FtrRule(
        source=f"{rule.source}+{fallback.source}", **merged,
        if_page_contains=rule.if_page_contains + tuple(c for c in fallback.if_page_contains if c[:2] not in kept),
        replacements=rule.replacements + fallback.replacements,
        http_headers={**fallback.http_headers, **rule.http_headers}, test_urls=rule.test_urls, lines=rule.lines,
        unsupported=rule.unsupported, errors=rule.errors, warnings=rule.warnings)


def rule_for_host(host: str, rules: Mapping[str, FtrRule], use_global: bool = True,
                  all_parents: bool = False) -> FtrRule | None:
    """FTR's lookup: the first matching file only (the host file hides the domain file), then global.txt
    appended unless that rule says `autodetect_on_failure: no`. None when nothing applies."""
    found = rule_files_for_host(host, rules, all_parents)
    rule = rules[found[0]] if found else None
    glob = rules.get(GLOBAL) if use_global else None
    if glob is not None and (rule is None or rule.flag("autodetect_on_failure")):
        return merge_rules(rule or FtrRule(source="(none)"), glob)
    return rule


def site_name(file_name: str) -> str:
    """The site rule name of a rule file: `example.com.txt` and `.example.com.txt` are both `example.com`."""
    return file_name.removesuffix(".txt").lstrip(".")


class FtrFolder:
    """The FiveFilters rule files of one `cleaners/` folder, read on first use.

    `custom` and `standard` map base names (`example.com.txt`) to paths. A folder pickles with the text
    of every file (Dask workers on other machines clean with the rules the client loaded)."""

    def __init__(self, custom: Mapping[str, Path], standard: Mapping[str, Path]) -> None:
        self.custom, self.standard = dict(custom), dict(standard)
        self._texts: dict[Path, str] = {}
        self._parsed: dict[Path, FtrRule] = {}
        self._hosts: dict[str, tuple[str, FtrRule] | None] = {}
        self.merged: dict[tuple[str | None, str], Any] = {}     # RuleSet's cache of rules merged with TOML

    @classmethod
    def load(cls, folder: Path) -> FtrFolder | None:
        """The `*.txt` files of `folder` and of `folder/ftr-site-config/` (dot files included: they are
        the domain rules), or None when there are none."""
        custom = _rule_files(folder)
        standard = _rule_files(folder / COLLECTION)
        return cls(custom, standard) if custom or standard else None

    def __getstate__(self) -> dict[str, Any]:
        for path in self.paths():
            self._text(path)
        return {**self.__dict__, "_parsed": {}, "_hosts": {}, "merged": {}}

    def paths(self) -> Iterator[Path]:
        yield from self.custom.values()
        yield from self.standard.values()

    def names(self) -> set[str]:
        """Site rule names of every file (global.txt excepted)."""
        return {site_name(n) for n in (*self.custom, *self.standard) if n != GLOBAL}

    def rule(self, path: Path) -> FtrRule:
        """One file, parsed once (an unreadable file is a rule with an error on line 0, never an exception)."""
        if path not in self._parsed:
            text = self._text(path)
            self._parsed[path] = (parse_ftr(text, str(path)) if text is not None
                                  else FtrRule(source=str(path), errors=((0, "cannot read the file"),)))
        return self._parsed[path]

    def _text(self, path: Path) -> str | None:
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                log.warning("%s: cannot read: %s", path, exc)
                return None
        return self._texts[path]

    def for_host(self, host: str) -> tuple[str, FtrRule] | None:
        """(site name, rule) for a page's host: the project's own file merged over the collection's, with
        global.txt under it unless the rule turns autodetection off; None when no site file applies
        (global.txt alone is not applied: cleanfeed's own metadata reading already covers it)."""
        if host not in self._hosts:
            self._hosts[host] = self._lookup(host)
        return self._hosts[host]

    def _lookup(self, host: str) -> tuple[str, FtrRule] | None:
        return self._resolve(candidate_names(host))

    def named(self, name: str) -> tuple[str, FtrRule] | None:
        """The rule of the site named `name`: its host file, else its domain file."""
        return self._resolve([f"{name}.txt", f".{name}.txt"]) if name + ".txt" != GLOBAL else None

    def _resolve(self, candidates: list[str]) -> tuple[str, FtrRule] | None:
        """The first candidate file of each folder, the custom one merged over the standard one, then
        global.txt under them unless autodetection is off."""
        found = [(name, self.rule(folder[name])) for folder in (self.custom, self.standard)
                 if (name := next((c for c in candidates if c in folder), None))]
        if not found:
            return None
        name, rule = found[0]
        if len(found) == 2:
            rule = merge_rules(rule, found[1][1])
        glob = self.custom.get(GLOBAL) or self.standard.get(GLOBAL)
        if glob is not None and rule.flag("autodetect_on_failure"):
            rule = merge_rules(rule, self.rule(glob))
        return site_name(name), rule


def _rule_files(folder: Path) -> dict[str, Path]:
    """The rule files of a folder: `<host>.txt`, `.<domain>.txt` and `global.txt`. Other text files (a
    README.txt, notes, the collection's LICENSE.txt) are not rules: a rule file is named after a host."""
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.glob("*.txt")) if p.is_file() and is_rule_file_name(p.name)}


def is_rule_file_name(name: str) -> bool:
    host = name.removesuffix(".txt").lstrip(".")
    return name == GLOBAL or ("." in host and normalize_host(host) == host.removeprefix("www."))


__all__ = ["COLLECTION", "FtrFolder", "candidate_names", "is_rule_file_name", "merge_rules", "normalize_host",
           "rule_files_for_host", "rule_for_host", "site_name"]
