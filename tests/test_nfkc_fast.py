"""`textnorm.nfkc` answers exactly as `unicodedata.normalize("NFKC", …)`: the full-width punctuation it
replaces by its NFKD form first must never change the result, whatever stands around it (combining marks
that could compose with the replacement, other compatibility characters, Hangul jamo)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.dates.cjk import normalize
from cleanfeed.text.lines import line_key
from cleanfeed.textnorm import WIDE_PUNCT, nfkc


def reference(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# Each replaced character, its replacement, and what might interact with either: combining marks (the
# long solidus overlay composes `=` into `≠`), other full-width and compatibility forms, Hangul jamo
# (which compose with each other), Han, a ligature, spaces.
_ALPHABET = ("".join(w + n for w, n in WIDE_PUNCT) + "\u0301\u0308\u0327\u0338\u0323=<>a e Aé中國，ＡＢ１２ﬁ²"
             "\u1100\u1161\u11a8\uac00\u3000\u00a0\u2026\u30fb\uff61\ufe50\ufe55")


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=600, deadline=None)
def test_the_same_as_nfkc_on_text_around_the_replaced_characters(text: str) -> None:
    assert nfkc(text) == reference(text)


@given(st.text(max_size=30))
@settings(max_examples=400, deadline=None)
def test_the_same_as_nfkc_on_any_text(text: str) -> None:
    assert nfkc(text) == reference(text)


@pytest.mark.parametrize("wide,narrow", WIDE_PUNCT)
def test_each_replacement_is_the_full_decomposition(wide: str, narrow: str) -> None:
    assert narrow == unicodedata.normalize("NFKD", wide) != wide
    for mark in ("\u0301", "\u0338", "\u0323"):     # a mark after it composes (or not) the same way
        assert nfkc(wide + mark) == reference(wide + mark)
        assert nfkc(mark + wide + "e" + mark) == reference(mark + wide + "e" + mark)


def test_a_chinese_line_and_its_readers() -> None:
    line = "發布時間：２０２２年０３月０２日（星期三）　來源：中國有色金屬工業協會…"
    assert nfkc(line) == reference(line)
    assert normalize(line).startswith("發布時間:2022年03月02日(星期三)")
    assert line_key(line) == " ".join(reference(line_key(line)).split())


def test_ascii_is_returned_as_it_is() -> None:
    text = "Posted on 2 March 2022 | Reuters"
    assert nfkc(text) is text
