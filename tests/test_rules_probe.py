"""`first_match` asks a tuple of rules through each rule's `probe` (`LineRule.matches` unrolled: the line
lower-cased once for all the rules' `needs`, a few needs looked up one by one instead of by one regex):
the gate answers as `needs_met`, and the first rule found is the one `matches` finds, on every line."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.rules.linematch import lowered
from cleanfeed.rules.linerules import LineRule, _any_in, _scan_each, first_match, generic_rules, match_key
from cleanfeed.text.linescore import dump_rules

DUMPS = Path(__file__).parent / "data" / "text"
HAND = ["reproduced without consent", "Disclaimer: none", "Reprinted", "price +3%", "©2024",
        "PHOTO: Reuters", "Credit: AP", "(Image: Getty)", "1,234 Views", "阅读 1024", "Hits: 12", "İmage: x",
        "copyrıght 2024", "\u212a views", "Shutterstock", "REUTERS/Jane Doe", "no picture here", "",
        "plain prose line with nothing to find", "本文仅供参考，不构成投资建议"]


def _rules() -> list[LineRule]:
    g = generic_rules()
    return [*g.lines, *g.sections, *dump_rules()]


def _gate(rule: LineRule, key: str) -> bool:
    """The probe's answer to "one of the needs is in the line", as `_first_of_tuple` reads it."""
    plains, printed, _ = rule.probe
    assert printed is not None
    low = lowered(key) if plains is not None else None
    return bool(plains[low.isascii()](low) if plains is not None and low is not None else printed(key))


def _lines() -> list[str]:
    lines: set[str] = set(HAND)
    for path in sorted(DUMPS.glob("*/html/*.gz"))[:40]:
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        lines.update(match_key(line) for line in text.splitlines() if line.strip())
    return sorted(lines)


def test_the_probe_gate_answers_as_needs_met() -> None:
    gated = [r for r in _rules() if r.gate]
    assert any(_scan_each(r.gate) for r in gated) and not all(_scan_each(r.gate) for r in gated)
    lines = _lines()
    opened = 0
    for rule in gated:
        for key in lines:
            assert _gate(rule, key) is rule.needs_met(key), (rule.rule, key)
            opened += rule.needs_met(key)
    assert opened > 100                    # (the needs are found in some of these lines)


def test_a_rule_without_needs_has_no_gate() -> None:
    rule = next(r for r in _rules() if not r.gate)
    plains, printed, search = rule.probe
    assert plains is None and printed is None and search == rule.pattern.search


@pytest.mark.parametrize(("needs", "one_by_one"), [
    (("credit", "image", "photo"), True),
    (("not constitute", "not be construed"), False),     # one opening character: the regex skips along
    (("+", "-", "%"), False),                            # single characters: a set
    (tuple(f"word{n}" for n in range(11)), False),       # too many
])
def test_which_needs_are_looked_up_one_by_one(needs: tuple[str, ...], one_by_one: bool) -> None:
    assert _scan_each(needs) is one_by_one


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcpho©(", min_size=1, max_size=4), min_size=1, max_size=5),
       st.text("abcphoto ©(", max_size=30))
def test_any_in_finds_what_the_alternation_finds(needs: list[str], line: str) -> None:
    import re
    alternation = re.compile("|".join(re.escape(n) for n in needs))
    assert _any_in(tuple(needs))(line) is (alternation.search(line) is not None)


def test_first_match_finds_the_rule_matches_finds() -> None:
    lists = [generic_rules().lines, generic_rules().sections, dump_rules()]
    lines = _lines()
    sample = lines[:3000] + [key for key in lines if not key.isascii()][:1500]   # (and Chinese lines: the
    for rules in lists:                                                          # ASCII needs alone miss them)
        for key in sample:
            for variant in (key, key.upper(), key[:1].upper() + key[1:]):
                expected = next((r for r in rules if r.matches(variant)), None)
                assert first_match(rules, variant) is expected, (variant, expected)
