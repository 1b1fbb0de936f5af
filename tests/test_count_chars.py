"""`textnorm.count_chars` counts a one-character class by its runs, and answers `len(findall)` exactly."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanfeed.html.pagetype import _CJK
from cleanfeed.text.language import _HANGUL, _KANA
from cleanfeed.textnorm import HAN, _runs_of, count_chars

CLASSES = [HAN, _CJK, _KANA, _HANGUL, re.compile(r"[^\u4e00-\u9fff]"), re.compile("[a-c]", re.I),
           re.compile(r"[\u3040-\u30ff]")]
# Han, kana, Hangul, Latin, punctuation and spaces, so runs of every length and their edges occur
ALPHABET = st.sampled_from("中国铜价上涨。ひらカナ한국어 abcABC,.!?\n\u00a0\uf900\u4dbf\u3400")


@pytest.mark.parametrize("char_class", CLASSES, ids=lambda p: p.pattern[:12])
@given(text=st.text(ALPHABET, max_size=80))
def test_count_is_len_findall(char_class: re.Pattern[str], text: str) -> None:
    assert count_chars(char_class, text) == len(char_class.findall(text))


def test_real_text() -> None:
    text = "据上海有色网（SMM）报道，3月1日LME铜价上涨1.2%，报8,500美元/吨。ニュース 뉴스 " * 50
    for char_class in CLASSES:
        assert count_chars(char_class, text) == len(char_class.findall(text))
    assert count_chars(HAN, text) == len(HAN.findall(text)) == 18 * 50


@pytest.mark.parametrize("source", [r"\w", r"[a-c]+", r"[a]|b", r"[\d]", r"(?!)", r"[a]{2}"])
def test_only_a_plain_class_is_counted_by_runs(source: str) -> None:
    """Anything but one class of characters, ranges and \\u escapes keeps `len(findall)`."""
    pattern = re.compile(source)
    assert _runs_of(pattern) is None
    assert count_chars(pattern, "aab1 [a]b") == len(pattern.findall("aab1 [a]b"))
