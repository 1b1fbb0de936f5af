"""The summary's display width: the fast path for text with no possibly wide character (`len`) gives the
per-character measure's answer, on either side of U+0378 and for any limit."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.text import summary


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _prefix(text: str, limit: int) -> str:
    used = 0
    for i, ch in enumerate(text):
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > limit:
            return text[:i]
    return text


def test_no_code_point_below_the_fast_range_is_wide() -> None:
    assert not any(unicodedata.east_asian_width(chr(c)) in "WF" for c in range(0x378))
    assert unicodedata.east_asian_width("\u0378") in "WF"      # why the range stops there


_TEXT = st.text(st.sampled_from("ab é\u00a0\u0377\u0378中。Ｘ—x."), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=50))
def test_width_and_prefix_match_the_per_character_measure(text: str, limit: int) -> None:
    assert summary.width(text) == _width(text)
    assert summary._prefix(text, limit) == _prefix(text, limit)


def test_a_wide_character_just_past_the_limit_is_not_counted_in() -> None:
    assert summary._prefix("a" * 10 + "中", 11) == "a" * 10
    assert summary._prefix("a" * 10 + "中", 12) == "a" * 10 + "中"
    assert summary._prefix("a" * 12, 10) == "a" * 10
