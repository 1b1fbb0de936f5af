"""A fast path for line rules that answers exactly as the regex it stands for: `needs` literals looked
for case-sensitively in the lower-cased line where that is exactly what a case-insensitive search says
(`folds_like_regex`, `lowered`); under `re.I`, `re` cannot skip ahead on a literal's first character.

Tried and refused: the rules whose every branch starts at `^` joined into one alternation as a gate
before the per-rule loop. It was slower than asking them one by one (113 against 85 ms over 8,900 block
keys): joined, `re` loses each pattern's own first-character check.
"""
from __future__ import annotations

import re
from functools import lru_cache

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
