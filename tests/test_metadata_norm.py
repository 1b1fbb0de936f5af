"""html/metadata.norm drops every character but letters and digits with one class (`[\\W_]+`) instead of the
alternation `\\W+|_`: the same characters go, so every text must norm as before (odd ones too)."""
from __future__ import annotations

import random
import re

import pytest

from cleanfeed.html.metadata import norm

_OLD = re.compile(r"\W+|_", re.U)


@pytest.mark.parametrize("text", [
    "", "  ", "Hello_World -- 2021!", "___", "a__b  _ c", "中新视频-标题 | 新闻", "İstanbul ſ Kelvin K",
    "x\u0301y\u200bz\u00a0w", "①②③ ²³ ٢٠٢١",
])
def test_norm_drops_what_the_alternation_dropped(text: str) -> None:
    assert norm(text) == _OLD.sub("", text.lower())


def test_norm_matches_on_random_texts() -> None:
    alphabet = [*"aZ9 _-|.\t\n", "中", "ß", "İ", "\u0301", "\u200b", "\u00a0", "①", "²", "٢", "🙂"]
    rng = random.Random(41)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert norm(text) == _OLD.sub("", text.lower()), text
