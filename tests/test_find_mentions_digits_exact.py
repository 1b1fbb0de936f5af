"""patterns.find_mentions skips a text without a digit when it looks for absolute dates only (issue 17, speed):
the skip is exact because `_anchors` starts an absolute date only at a run of ASCII digits of the lower-cased text.
Checked on every text piece of the committed pages and on every code point."""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from cleanfeed.dates.patterns import _anchors, _lowered, find_mentions, has_digit, normalize
from cleanfeed.html.parse import parse_html

TESTS = Path(__file__).parent
HTML = sorted([*TESTS.glob("data/dates/**/*.html"), *TESTS.glob("pages/**/*.html"),
               *TESTS.glob("pages/**/*.html.gz")])
_DIGIT = re.compile(r"[0-9]")


def test_no_code_point_lower_cases_to_a_digit() -> None:
    for c in map(chr, range(sys.maxunicode + 1)):
        assert has_digit(c.lower()) == has_digit(c) == (_DIGIT.search(c) is not None), hex(ord(c))


def test_a_text_without_a_digit_has_no_anchor() -> None:
    seen = 0
    for path in HTML:
        data = path.read_bytes()
        doc = parse_html((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
        for piece in doc.itertext():
            text = normalize(piece)
            assert has_digit(text) == (_DIGIT.search(text) is not None)
            if not has_digit(text):
                seen += 1
                assert _anchors(_lowered(text), False) == [], text
    assert seen > 10_000


def test_relative_forms_are_still_read_without_a_digit() -> None:
    assert find_mentions("yesterday", "en") and find_mentions("vor drei Tagen", "de")
    assert find_mentions("yesterday", "en", relative=False) == []
    assert find_mentions("3. März 2019", "de", relative=False) != []
    assert find_mentions("März", "de", relative=False) == []
