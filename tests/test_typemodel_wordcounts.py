"""html/typemodel._we_you counts "we" and "you" words from one word pass over the lower-cased text: it must give
the counts of the case-blind patterns it replaced (`_WE`, `_YOU`, `_WORD`) on every text, the odd ones too."""
from __future__ import annotations

import random

import pytest

from cleanfeed.html.typemodel import _WE, _WORD, _YOU, _we_you


def _by_patterns(text: str) -> tuple[int, int, int]:
    return len(_WE.findall(text)), len(_YOU.findall(text)), len(_WORD.findall(text))


@pytest.mark.parametrize("text", [
    "", "We build what you need: our team, ours, and US.",       # capitals; `ours` after `our` in the alternation
    "weird users yourself you're we'd",                          # words holding the words are not them
    "我们的产品，您和你们的需要：本公司与我司",                        # Chinese forms, no word boundary between them
    "we我们 you您 WEyou",                                          # Latin and Han in one \w run
    "uſ and Uſ",                                                 # long s: re.I reads it as s (the patterns decide)
    "İus we",                                                    # İ lower-cases to two characters (likewise)
    "KE we_you we-you",                                          # Kelvin sign; `_` is a word character, `-` not
])
def test_counts_are_the_patterns_counts(text: str) -> None:
    assert _we_you(text) == _by_patterns(text)


def test_counts_match_on_random_texts() -> None:
    alphabet = [*"weoursyWEOURSY _-'.1我们司本公您你", "ſ", "İ", "K", "é", "\u0307", "ß"]
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _we_you(text) == _by_patterns(text), text


def test_counts_match_on_random_ascii_texts() -> None:
    """ASCII text takes its own path (translate and split): every ASCII character, controls included."""
    alphabet = [*"weoursyWEOURSY", *map(chr, range(128))]
    rng = random.Random(23)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _we_you(text) == _by_patterns(text), text
    assert _we_you("KE we, \x1c us\x1fyou_r yours") == _by_patterns("KE we, \x1c us\x1fyou_r yours")   # Kelvin sign
