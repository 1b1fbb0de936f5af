"""The first character a line must have for a line rule held at the line's start to match it: a one-character
regex read off the rule's own regex (`opening_class`), asked once per rule and first character (`Opening`).

Why: `re` skips a pattern anchored at `^` quickly only when it can tell the characters its match opens with,
and it cannot when the pattern opens with an optional item. The reprint rule
(`^[\\[【(〔]?\\s*(reprint(ed)?\\s+…|转载请|…)`) cost 5 µs on every block of every page trying its two dozen
branches case-insensitively (112 ms over the 22,277 block keys of bench/speed.py's 240 pages), though 99 %
of the lines open with a character none of its branches can open with.

Exact by construction: for a regex every match of which starts at the line's start and takes at least one
character there, the set of items one of which its first character matches (a literal, a class, `.`) is read
through optional items, groups, branches and zero-width assertions (`first_items`); the one-character regex
is those items compiled with the rule's own flags, so `re` folds case for it exactly as for the rule. A line
whose first character it refuses cannot match. Anything this reader does not follow (back-references,
groups that change flags, a regex that can match the empty line) gets no opening check at all.
"""
from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_SINGLE = (_parser.LITERAL, _parser.NOT_LITERAL, _parser.IN, _parser.ANY)
_ZERO_WIDTH = (_parser.ASSERT, _parser.ASSERT_NOT)
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
_STARTS = (_parser.AT_BEGINNING, _parser.AT_BEGINNING_STRING)
_CATEGORIES = {
    _parser.CATEGORY_DIGIT: r"\d", _parser.CATEGORY_NOT_DIGIT: r"\D",
    _parser.CATEGORY_SPACE: r"\s", _parser.CATEGORY_NOT_SPACE: r"\S",
    _parser.CATEGORY_WORD: r"\w", _parser.CATEGORY_NOT_WORD: r"\W",
}
Items = set[tuple[Any, Any]]


def opening_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching one character exactly when a match of `pattern` (searched from the line's start)
    may open with it; None when `pattern` may match away from the line's start, may match the empty string
    there, or uses a construct this reader does not follow."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.MULTILINE:
        return None                     # (with re.M, `^` also matches after every newline)
    try:
        items = first_items(list(_parser.parse(pattern.pattern, pattern.flags)), anchored=False)
    except (re.error, RecursionError):
        return None
    if items is None or any(_broad(op, arg) for op, arg in items):
        return None                     # (`^.{0,60}…`, `^[^.!?]…`: nearly every line would pass the check)
    parts = {_source(op, arg) for op, arg in items}
    if None in parts:
        return None
    return re.compile("|".join(sorted(p for p in parts if p is not None)), pattern.flags)


def first_items(items: list[Any], anchored: bool) -> Items | None:
    """The one-character items of which every match of the sequence `items` opens with one, given that the
    match is (`anchored`) or is not yet held at the line's start. None where the sequence may take a
    character before a `^`, may match without taking one, or holds a construct not followed here
    (back-references, a group that changes flags)."""
    for i, (op, arg) in enumerate(items):
        rest = items[i + 1:]
        if op is _parser.AT:
            anchored = anchored or arg in _STARTS          # `\b`, `$`: zero width, no condition kept
        elif op in _ZERO_WIDTH:
            continue                                       # a lookaround only narrows the matches
        elif op in _SINGLE:
            return {(op, arg if op is not _parser.IN else tuple(arg))} if anchored else None
        elif op is _parser.SUBPATTERN:
            return None if arg[1] or arg[2] else first_items([*arg[3], *rest], anchored)
        elif op is _parser.ATOMIC_GROUP:
            return first_items([*arg, *rest], anchored)    # atomic: fewer matches, none opening otherwise
        elif op is _parser.BRANCH:
            found = [first_items([*alt, *rest], anchored) for alt in arg[1]]
            return _union(found)
        elif op in _REPEATS:
            low, high, body = arg
            if high == 0:
                continue
            taken = first_items([*body, *rest], anchored)
            return _union([taken, first_items(rest, anchored)]) if low == 0 else taken
        else:
            return None
    return None                         # the sequence may match the empty string


def _union(found: list[Items | None]) -> Items | None:
    out: Items = set()
    for items in found:
        if items is None:
            return None
        out |= items
    return out


def _broad(op: Any, arg: Any) -> bool:
    """An item that takes nearly any character: `.`, `[^x]`, a negated class or category."""
    return op is _parser.ANY or op is _parser.NOT_LITERAL or (op is _parser.IN and any(
        kind is _parser.NEGATE or (kind is _parser.CATEGORY and _CATEGORIES.get(value, "").isupper())
        for kind, value in arg))


def _source(op: Any, arg: Any) -> str | None:
    """One item back as regex source (compiled with the rule's flags); None for a class item not followed."""
    if op is _parser.LITERAL:
        return re.escape(chr(arg))
    if op is _parser.NOT_LITERAL:
        return f"[^{re.escape(chr(arg))}]"
    if op is _parser.ANY:
        return "."
    parts = []
    negate = ""
    for kind, value in arg:
        if kind is _parser.NEGATE:
            negate = "^"
        elif kind is _parser.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is _parser.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _parser.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return f"[{negate}{''.join(parts)}]"


class Opening:
    """`opening_class` of a rule, its answer remembered per first character: a line whose first character
    it refuses cannot match. A dict lookup per line instead of the rule's failing try (5 µs for the reprint
    rule). The dict holds at most one entry per character ever seen first on a line."""

    __slots__ = ("_class", "_seen")

    def __init__(self, char_class: re.Pattern[str]) -> None:
        self._class = char_class
        self._seen: dict[str, bool] = {}

    def admits(self, key: str) -> bool:
        """`key` may match: it opens with a character the rule's match may open with."""
        if not key:
            return False                # (the rule cannot match the empty string)
        first = key[0]
        found = self._seen.get(first)
        if found is None:
            found = self._seen[first] = self._class.match(first) is not None
        return found
