"""A fast path for line rules that answers exactly as the regex it stands for: `needs` literals looked
for case-sensitively in the lower-cased line where that is exactly what a case-insensitive search says
(`folds_like_regex`, `lowered`); under `re.I`, `re` cannot skip ahead on a literal's first character.

Tried and refused: the rules whose every branch starts at `^` joined into one alternation as a gate
before the per-rule loop. It was slower than asking them one by one (113 against 85 ms over 8,900 block
keys): joined, `re` loses each pattern's own first-character check.

Also refused: one Aho-Corasick pass (pyahocorasick) over the lower-cased line for the needs of every rule of
a list, each rule then asking a bit mask. Replaying every `_first_of_tuple` call of clean() on
bench/speed.py's samples (CPU time, best of 9): --long 0.43 -> 0.57 ms a page, --small 0.33 -> 0.28 (frequent
needles, `-`, `+`, `by`, `read`, yield a match each, read in Python); with the one-character needles left to
their rules, 0.43 -> 0.40-0.43 and 0.48 -> 0.44. The gates are ~0.2 ms of a ~9 ms page (--long): too little
to pay for a C dependency.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# The characters outside ASCII that a case-insensitive regex takes for an ASCII one (`ı` for `i`, `ſ`
# for `s`, the Kelvin sign for `k`), or whose lower case holds one (`İ`): found by trying every code
# point (tests/test_rules_needs.py). A line without them holds a lower-case literal of ASCII and
# caseless characters exactly where `re.I` finds it, so a scan of `line.lower()` answers as the regex.
FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_like_regex(literal: str) -> bool:
    """`literal` (lower case) is ASCII or caseless characters (Han, `©`, `·`), so finding it in
    `line.lower()` is what a case-insensitive search for it says on a line without `FOLD_UNSAFE`."""
    return literal == literal.lower() and all(ch.isascii() or ch.lower() == ch.upper() == ch for ch in literal)


def lower_if_safe(text: str) -> str | None:
    """`text` lower-cased, or None when it holds a `FOLD_UNSAFE` character (`İ` is the one character
    whose lower case is longer: without it, `text.lower()` lines up with `text` character for character)."""
    return None if FOLD_UNSAFE.search(text) else text.lower()


def lowered(key: str) -> str | None:
    """`lower_if_safe` of a line, remembered when short: several rules ask per line. A site rule may look
    at lines of 10,000 characters; 4,096 of those kept would hold ~160 MB in a long crawl."""
    return _lowered(key) if len(key) <= MAX_REMEMBERED else lower_if_safe(key)


MAX_REMEMBERED = 600                      # characters: the built-in rules look at lines up to this long


@lru_cache(maxsize=4096)
def _lowered(key: str) -> str | None:
    return lower_if_safe(key)


# Reading a rule's own regex for the literals one of which every match holds: a rule written without
# `needs` gets the same prefilter. re._parser is the parser `re.compile` itself uses (3.11+).
_LITERAL = _parser.LITERAL
_PASS_THROUGH = (_parser.SUBPATTERN, _parser.ATOMIC_GROUP)
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
Need = frozenset[str]          # one of these strings is in every match


def scans_line(pattern: re.Pattern[str]) -> bool:
    """The regex is tried along the whole line: a branch not anchored at `^`, or one that opens with a
    repeat of any character (`^.{0,60}`, tried at every length). A pattern held at the line's start fails
    in a fraction of a microsecond, cheaper than any prefilter (measured: a derived prefilter made such
    rules 3-30x slower)."""
    return _scans(list(_parser.parse(pattern.pattern, pattern.flags)), anchored=False)




def _group_items(op: Any, arg: Any) -> Any:
    """The items inside a group: a SUBPATTERN's argument is (group, add flags, del flags, items), an
    ATOMIC_GROUP's (`(?>…)`) is the items themselves."""
    return arg if op is _parser.ATOMIC_GROUP else arg[-1]


def _scans(items: list[Any], anchored: bool) -> bool:
    """Whether the sequence `items`, read from its first item, may start matching past the line's start
    or opens with a wide repeat there."""
    for i, (op, arg) in enumerate(items):
        if op is _parser.AT and arg is _parser.AT_BEGINNING:
            anchored = True
        elif op is _parser.BRANCH:
            return any(_scans([*alt, *items[i + 1:]], anchored) for alt in arg[1])
        elif op in _PASS_THROUGH:
            return _scans([*_group_items(op, arg), *items[i + 1:]], anchored)
        elif not anchored:
            return True
        else:
            return op in _REPEATS and arg[1] > 1 and len(arg[2]) == 1 and arg[2][0][0] is _parser.ANY
    return not anchored


def derived_needs(pattern: re.Pattern[str], *, min_other: int = 2) -> tuple[str, ...]:
    """Lower-case literals of which every match of `pattern` holds one, as `LineRule.needs` lists them;
    () when the regex names none worth a scan (a branch of only classes and repeats, or a 1-character one;
    `min_other` is the shortest literal outside ASCII taken: 1 takes the caption credit's `©`).
    Exact by construction: each literal is a run of literal characters that a match must pass through."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:                     # (cannot happen for a compiled pattern; nothing derived then)
        return ()
    need = _need_of(parsed)
    if not need or any(len(n) < (MIN_NEED_CHARS if n.isascii() else min_other) for n in need):
        return ()
    # ASCII lower-cased, as `needs` are written; other literals as the regex holds them (`İ`.lower() is two
    # characters): the case-insensitive scan then reads them as the regex does.
    low = {n.lower() if n.isascii() else n for n in need}
    # (a literal holding another is found whenever that one is: `photo credit` goes with `photo`)
    return tuple(sorted(n for n in low if not any(m != n and m in n for m in low)))


MIN_NEED_CHARS = 3       # a line of prose holds most two-letter strings (`re`, `et`): no prefilter then (a
                         # two-character Han word, `人气`, is rare enough)


def _need_of(items: Any) -> Need | None:
    """The best requirement of a sequence: a run of literals, or what one required item needs."""
    found: list[Need] = []
    run: list[str] = []
    for op, arg in items:
        if op is _LITERAL:
            run.append(chr(arg))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        inner = _item_need(op, arg)
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset({"".join(run)}))
    return max(found, key=_strength, default=None)


def _item_need(op: Any, arg: Any) -> Need | None:
    if op in _PASS_THROUGH:
        return _need_of(_group_items(op, arg))
    if op in _REPEATS and arg[0] >= 1:
        return _need_of(arg[2])
    if op is _parser.BRANCH:
        needs = [_need_of(alt) for alt in arg[1]]
        return frozenset().union(*needs) if all(needs) else None     # type: ignore[arg-type]
    return None


def _strength(need: Need) -> tuple[int, int]:
    """A requirement scans better the longer its shortest literal and the fewer its literals."""
    return min(map(len, need)), -len(need)
