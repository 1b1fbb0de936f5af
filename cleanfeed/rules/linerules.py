"""Generic line rules: the boilerplate knowledge shipped in `cleanfeed/data/boilerplate.toml` as named
patterns (`LineRule`), loaded once per process (`generic_rules`), and the two ways a cleaner asks them
about a line (`first_match`, and `MatchMemo` for a page that asks the same lines of several lists).
Site rules (`cleaners/<site>.toml`) are in `site.py`; both share the line form `match_key` makes."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from cleanfeed.errors import ConfigError
from cleanfeed.rules.linematch import derived_needs, folds_like_regex, lowered, scans_line
from cleanfeed.rules.opening import Opening, opening_class
from cleanfeed.rules.values import FLAGS, compile_regex
from cleanfeed.textnorm import nfkc, squeeze

_Search = Callable[[str], object]      # a search: its answer is truthy when it found something
SCAN_EACH_MAX = 10      # needs of a rule looked up one by one (`_scan_each`)


def _scan_each(needs: tuple[str, ...]) -> bool:
    """Find `needs` in a line one by one (`str.find`'s fast search, per needle) rather than by one regex
    alternation: the regex tries every branch at every character, unless all the needles open with one
    character or are single characters, which it turns into a prefix or a set it skips along. Per rule, over
    the 10,000 block keys of bench/speed.py's dev sample: the photo-credit needles (`credit`, `image`, `photo`,
    …) 49 → 19 ms, the counter's 16 → 6 ms; the disclaimer's five `no…` needles 2 → 16 ms the other way, and
    more needles than SCAN_EACH_MAX cost as much one by one as in the regex (11: level; 22: 40 → 50 ms)."""
    return (len(needs) <= SCAN_EACH_MAX and len({n[0] for n in needs}) > 1
            and all(len(n) > 1 for n in needs))


def _any_in(needs: tuple[str, ...]) -> _Search:
    """A search that answers whether one of `needs` is in the line (the alternation's `search`, exactly)."""
    def found(line: str) -> bool:
        for need in needs:      # noqa: SIM110 (any() over a generator or map: first_match 5-10 % slower)
            if need in line:
                return True
        return False
    return found


def _plain_search(needs: tuple[str, ...]) -> _Search:
    """The search of lower-case `needs` in a lower-cased line: one by one or one alternation (`_scan_each`)."""
    return _any_in(needs) if _scan_each(needs) else re.compile("|".join(re.escape(n) for n in needs)).search


def _never(line: str) -> bool:
    """The search of no needs: it finds nothing."""
    return False


def _ascii_search(needs: tuple[str, ...]) -> _Search:
    """`_plain_search` for a lower-cased line of ASCII only: its needs outside ASCII (Han, `©`, `▲`; caseless,
    `folds_like_regex`) cannot be in it, so only the ASCII ones are looked for. Most lines of an English page
    are ASCII, most rules' needs mixed: the reprint notice's 24 needs are 10 for such a line, the Chinese
    disclaimer's 6 are 1 (`disclaimer`), and a rule of only Chinese needs refuses it at once."""
    ascii_needs = tuple(n for n in needs if n.isascii())
    if not ascii_needs:
        return _never
    return _plain_search(ascii_needs)


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
    def probe(self) -> tuple[tuple[_Search, _Search] | None, _Search | None, _Search]:
        """What `matches` asks past the length and opening checks, as `first_match` asks it: (the searches of
        `needs` in the lower-cased line, when that is exact (`needs_fold`), else None: for any line, and for
        a line of ASCII only (`_ascii_search`), indexed by `line.isascii()`; the search of `needs` in the line
        as printed, None when the rule has no needs; the pattern's search)."""
        if not self.gate:
            return None, None, self.pattern.search
        plains = (_plain_search(self.gate), _ascii_search(self.gate)) if self.needs_fold else None
        return plains, self.needs_pattern.search, self.pattern.search

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


def match_key(line: str) -> str:
    """The form every line pattern sees: NFKC (full-width → ASCII), spaces folded."""
    return squeeze(nfkc(line))


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


def first_match(rules: Iterable[LineRule], key: str) -> LineRule | None:
    """The first rule of `rules` that matches `key` (`LineRule.matches`), or None."""
    if not key or not isinstance(rules, tuple):
        size = len(key)
        for r in rules:                   # the length check inline: a third of the rules refuse a line by it
            if size <= r.max_len and r.matches(key):
                return r
        return None
    return _first_of_tuple(rules, key)


def _first_of_tuple(rules: tuple[LineRule, ...], key: str) -> LineRule | None:
    """`first_match` of a non-empty line against a tuple of rules, `LineRule.matches` unrolled: the rules
    whose opening refuses the line's first character are left out by `_may_open`, and the line is
    lower-cased once for all the rules' `needs`, not once per rule (with `_scan_each`, first_match's calls
    of bench/speed.py replayed: 0.76 → 0.58 ms a page on the dev sample, 0.62 → 0.49 on --heavy). The same
    checks in the same order."""
    size = len(key)
    low: str | None = None
    folded = ascii_only = False               # the line lower-cased; and that is ASCII only
    for r in _may_open(rules, key[0]):
        if size > r.max_len:
            continue
        plains, printed, search = r.probe
        if printed is not None:               # the rule has `needs`: one of them must be in the line
            if plains is not None and not folded:
                low, folded = lowered(key), True
                ascii_only = low is not None and low.isascii()
            if plains is None or low is None:
                if not printed(key):
                    continue
            elif not plains[ascii_only](low):
                continue
        if search(key):
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
