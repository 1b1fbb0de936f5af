"""A line rule held at the line's start is asked only of lines whose first character its match may open
with (`rules.opening`), and `first_match` asks only those rules (`linerules._may_open`): the answers are the
regex's own, on every line."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from cleanfeed.rules.linerules import LineRule, first_match, generic_rules, match_key
from cleanfeed.rules.opening import Opening, opening_class
from cleanfeed.rules.values import FLAGS
from cleanfeed.text.linescore import dump_rules

DUMPS = Path(__file__).parent / "data" / "text"


def _admits(pattern: str, flags: int = FLAGS) -> str:
    """The characters of a small alphabet the opening check of `pattern` lets through."""
    char_class = opening_class(re.compile(pattern, flags))
    assert char_class is not None
    return "".join(ch for ch in "[( \tabprxRP转本K\u212aſs" if Opening(char_class).admits(ch + "rest"))


def test_optional_items_open_with_what_follows_them() -> None:
    # the reprint rule's shape: an optional bracket, optional spaces, then its words
    assert _admits(r"^[\[(]?\s*(reprint|转载)") == "[( \trR转"
    assert _admits(r"^(?:a|b)?p") == "abpP"
    assert _admits(r"^(?=x)p|^(本|b)") == "bpP本"          # a lookahead narrows; it adds nothing


def test_case_folds_as_the_rule_does() -> None:
    """The check is compiled with the rule's flags: `re.I` takes the Kelvin sign for k and `ſ` for s."""
    assert _admits(r"^k") == "K\u212a"
    assert _admits(r"^s") == "ſs"
    assert _admits(r"^k", re.I | re.ASCII) == "K"
    assert _admits(r"^s", 0) == "s"


@pytest.mark.slow
@pytest.mark.parametrize(("pattern", "tail"), [
    (r"^\s*(reprint|转载)", "reprint"), (r"^[a-c\d]x", "x"), (r"^k", ""), (r"^(?:ſ|é)", ""), (r"^\w", ""),
    (r"^[\[【(〔]?\s*本文", "本文"),
])
def test_every_code_point_is_admitted_exactly_when_the_rule_may_open_with_it(pattern: str, tail: str) -> None:
    """A character the check refuses never opens a match (the rule is tried with `tail`, and with `tail`
    less its first character, after it), and a case variant the rule takes is admitted."""
    rule = re.compile(pattern, FLAGS)
    char_class = opening_class(rule)
    assert char_class is not None
    tails = {tail, tail[1:], ""}
    admitted = 0
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            ch = chr(code)
            if char_class.match(ch) is None:
                assert not any(rule.search(ch + t) for t in tails), (pattern, hex(code))
            else:
                admitted += 1
    assert admitted < 0x1000 or pattern == r"^\w"        # (the check does refuse most characters)


@pytest.mark.parametrize("pattern", [
    r"reprint",                 # may match anywhere in the line
    r"^a|b",                    # one branch is not held at the start
    r"^a?",                     # may match the empty line
    r"^(?-i:[A-Z])x",           # a group that changes flags
    r"^.{0,60}(阅读)",          # any character: the check would let nearly every line through
    r"^[^.!?]{1,100}\.",        # a negated class: the same
    r"(?m)^a",                  # `^` after every newline
])
def test_no_check_where_it_is_not_exact_or_pays_nothing(pattern: str) -> None:
    assert opening_class(re.compile(pattern, FLAGS)) is None


def test_a_rule_that_cannot_match_the_empty_line_refuses_it() -> None:
    rule = LineRule("t", re.compile(r"^\s*reprint", FLAGS))
    assert rule.opening is not None and not rule.matches("")
    assert rule.matches("  Reprint policy") and not rule.matches("A reprint policy")


def _dump_lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted(DUMPS.glob("*/html/*.gz")):
        for line in gzip.decompress(path.read_bytes()).decode("utf-8", "replace").splitlines():
            if line.strip():
                lines.add(match_key(line))
    return sorted(lines)


def _plain_first_match(rules: tuple[LineRule, ...], key: str) -> LineRule | None:
    """`first_match` without the opening checks: every rule asked, in order."""
    for r in rules:
        if len(key) <= r.max_len and (not r.gate or r.needs_met(key)) and r.pattern.search(key) is not None:
            return r
    return None


def test_first_match_answers_as_every_rule_asked_in_turn() -> None:
    """Over the committed text dumps' lines (English and Chinese), each line also with its first
    character upper-cased, the Kelvin sign / long s put first, and a bracket or spaces put before it."""
    g = generic_rules()
    lists = [g.lines, g.sections, dump_rules(), (*g.lines, *dump_rules())]
    lines = _dump_lines()
    assert len(lines) > 500
    variants = {v for key in lines[:1500] for v in (key, key[:1].upper() + key[1:], "\u212a" + key,
                                                    "ſ" + key, "【" + key, "  " + key)}
    hits = 0
    for rules in lists:
        for key in variants:
            expected = _plain_first_match(rules, key)
            assert first_match(rules, key) is expected, (key, expected)
            assert first_match(list(rules), key) is expected          # (a list: every rule asked)
            hits += expected is not None
    assert hits > 50                      # the rules do match some of these lines


def test_a_list_built_afresh_with_the_same_rules_gets_the_same_answers() -> None:
    g = generic_rules()
    for key in ("Reprint policy: ask first", "转载请注明出处", "Related articles", "the views expressed"):
        assert first_match(tuple(g.lines), key) is first_match((*g.lines,), key) is _plain_first_match(g.lines, key)
