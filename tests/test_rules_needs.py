"""A line rule's `needs` prefilter answers exactly as the case-insensitive regex it stands for, on the
fast path (a plain scan of the lower-cased line) as on the slow one."""
from __future__ import annotations

import re

import pytest

from cleanfeed.rules.linematch import FOLD_UNSAFE, derived_needs, folds_like_regex, scans_line
from cleanfeed.rules.linerules import LineRule, generic_rules
from cleanfeed.rules.values import FLAGS

_ANY_ASCII = re.compile(r"[\x00-\x7f]", FLAGS)


def test_every_character_that_folds_onto_ascii_is_known() -> None:
    """Outside ASCII, only the characters `FOLD_UNSAFE` lists match an ASCII one under `re.I` or
    lower-case to one: on any other line, `in` on `line.lower()` finds what the regex finds."""
    unsafe = set()
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if _ANY_ASCII.fullmatch(ch) or any(c.isascii() for c in ch.lower()):
            unsafe.add(ch)
    assert unsafe == {ch for ch in "\u0130\u0131\u017f\u212a" if FOLD_UNSAFE.search(ch)}


def test_the_shipped_needs_take_the_fast_path() -> None:
    ruled = [r for r in (*generic_rules().lines, *generic_rules().sections) if r.needs]
    assert ruled and all(r.needs_fold for r in ruled)


@pytest.mark.parametrize("line", [
    "COPYRIGHT 2024 Example Ltd", "copyrıght 2024", "Copyright\u0130", "\u212a views", "ſource: wire",
    "版权所有 © 2024", "本文仅供参考，不构成投资建议", "Reproduction is strictly prohibited", "plain prose line",
    "İcp备 12345号", "Mixed 中文 and ENGLISH ©", "",
])
def test_needs_answer_as_the_regex(line: str) -> None:
    for rule in (*generic_rules().lines, *generic_rules().sections):
        if rule.needs:
            assert rule.needs_met(line) == (rule.needs_pattern.search(line) is not None), (rule.rule, line)


def test_a_line_with_a_folding_character_is_asked_of_the_regex() -> None:
    """`re.I` takes the Kelvin sign for `k` and the long s for `s`: such a line still meets `needs`."""
    rule = LineRule("t", re.compile("kb|st", FLAGS), needs=("kb", "st"))
    assert rule.needs_met("5 \u212aB")
    assert rule.needs_met("\u017fT")
    assert not rule.needs_met("plain")


def test_only_ascii_or_caseless_literals_fold() -> None:
    assert folds_like_regex("copyright") and folds_like_regex("版权") and folds_like_regex("(c)")
    assert not folds_like_regex("привет")      # Cyrillic has case equivalents the fold does not know
    assert not folds_like_regex("µ")


# Derived prefilters (linematch.derived_needs): what a rule's regex itself requires, for rules written
# without `needs` whose regex is tried along the whole line (linematch.scans_line).

@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(getty images|shutterstock)\s*$", ("getty images", "shutterstock")),
    (r"^(file photo|photo|image)\s*:", ("image", "photo")),             # `file photo` holds `photo`
    (r"^.{0,60}(浏览次数|阅读量)\s*\d+$", ("浏览次数", "阅读量")),
    (r"(Views?|reads)+\d", ("reads", "view")),                          # a required repeat; ASCII lower-cased
    (r"x?(ab|c)", ()),                                                  # a branch of one character
    (r"(abc)?def", ("def",)),                                           # an optional group requires nothing
    (r"[a-z]+\d{4}", ()),
    (r"(?-i:SOURCE)\s+[A-Z]", ("source",)),
    (r"İstanbul|Ärger", ("Ärger", "İstanbul")),                         # cased non-ASCII: kept as written
    (r"(?>photo|image) credit", (" credit",)),                          # an atomic group is read inside
    (r"x(?>getty images|shutterstock)", ("getty images", "shutterstock")),
])
def test_derived_needs(pattern: str, expected: tuple[str, ...]) -> None:
    assert derived_needs(re.compile(pattern, FLAGS)) == expected


@pytest.mark.parametrize(("pattern", "scans"), [
    (r"^(share|print)\s*:", False),
    (r"^.{0,60}(views|reads)$", True),
    (r"^(a|b)|photo credit", True),
    (r"\d+ comments", True),
    (r"^\d+\s+comments?$", False),
    (r"^(?:(x)|.{0,9}y)", True),
    (r"(?>^share)\s*:", False),                                          # atomic group: read inside
    (r"(?>photo|image):", True),
])
def test_scans_line(pattern: str, scans: bool) -> None:
    assert scans_line(re.compile(pattern, FLAGS)) is scans


_LINES = ["Photo: Reuters/Jane Doe", "(Image credit: NASA)", "A man walks by. Getty Images", "PHOTO CREDIT: x",
          "Views: 1,234", "浏览次数：12次", "阅读 35", "plain prose about prices and photos of metal",
          "This site uses cookies. Accept", "ſhutterstock", "\u212aelvin views 12", "İmage: x", ""]


@pytest.mark.parametrize("line", _LINES)
def test_derived_prefilters_answer_as_the_regex(line: str) -> None:
    """Every shipped rule, with its derived prefilter, matches exactly where its regex alone does."""
    from cleanfeed.rules.classes import textdump_rules
    rules = (*generic_rules().lines, *generic_rules().sections, *textdump_rules())
    derived = [r for r in rules if r.gate and not r.needs]
    assert derived                                     # the photo-credit and counter rules at least
    for rule in rules:
        key = line.lower()
        expected = len(key) <= rule.max_len and rule.pattern.search(key) is not None
        assert rule.matches(key) == expected, (rule.rule, line)
        assert rule.matches(line) == (len(line) <= rule.max_len and rule.pattern.search(line) is not None)


def test_a_site_rule_with_an_atomic_group_cleans() -> None:
    """A user's drop_lines regex may use `(?>…)` (Python 3.11): its derived prefilter is read inside the
    group, and the rule still drops exactly the lines its regex matches (it raised TypeError on every line)."""
    rule = LineRule("site:x:drop_lines", re.compile(r"Photo: (?>[A-Z][a-z]+) Images", FLAGS))
    assert rule.gate == ("photo: ",)
    assert rule.matches("Photo: Getty Images") and not rule.matches("Photos of scrap yards")


def _committed_lines() -> set[str]:
    """Every line of the committed text dumps and of the hand-written class pages, as the rules see it."""
    import gzip
    from pathlib import Path

    import lxml.html

    from cleanfeed.rules.linerules import match_key
    here = Path(__file__).parent
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
             for p in sorted((here / "data" / "text").glob("*/html/*.gz"))]
    texts += [el.text_content() for p in sorted((here / "pages" / "classes").glob("*.html"))
              for el in lxml.html.fromstring(p.read_bytes()).iter("p", "div", "li", "span", "figcaption", "small")]
    return {match_key(line) for text in texts for line in text.splitlines() if line.strip()}


def test_hand_written_needs_never_refuse_a_line_their_pattern_matches() -> None:
    """`needs` are written by hand beside the pattern (data/boilerplate.toml): a branch added to the
    pattern without its word in `needs` would never fire. Over ~55,000 committed lines, every line a
    rule's pattern matches meets its `needs` (the notice, subscribe, disclaimer and comment rules match
    some of them)."""
    from cleanfeed.rules.classes import textdump_rules
    rules = [r for r in (*generic_rules().lines, *generic_rules().sections, *textdump_rules()) if r.needs]
    matched: set[LineRule] = set()
    for key in _committed_lines():
        for rule in rules:
            if rule.pattern.search(key):
                assert rule.needs_met(key), (rule.rule, key)
                matched.add(rule)
    assert len(matched) >= 6, sorted(r.rule for r in matched)
