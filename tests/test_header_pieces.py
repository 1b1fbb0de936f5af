"""`headerlines._pieces_are_headers` answers a line without a bar (`|`, `｜`) at once, without splitting it:
exactly what the split gives, since every separator holds a bar. Checked against the split on generated
lines and on header lines of both kinds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.rules.linerules import generic_rules, match_key
from cleanfeed.text.headerlines import _PIECE_SEPARATOR, _header_piece, _pieces_are_headers


def split_reference(text: str, key: str) -> bool:
    """The answer as the split gives it, for every line."""
    g = generic_rules()
    texts, keys = _PIECE_SEPARATOR.split(text), _PIECE_SEPARATOR.split(key)
    return 1 < len(keys) == len(texts) and all(
        _header_piece(t.strip(), k.strip(), g) for t, k in zip(texts, keys, strict=True) if k.strip())


@pytest.mark.parametrize("text", [
    "Updated Jan 10, 2024 | Published Jan 9, 2024",
    "By Grace Liu | August 24, 2021 4:10 PM",
    "发布时间：2022-03-02｜来源：中国有色网",
    "作者：李明 ｜ 2022-03-02",
    "Copper prices rose on Tuesday as stocks fell",
    "Home | News | Metals",
    "a|b",
    "",
])
def test_the_same_as_the_split(text: str) -> None:
    for key in (match_key(text), text):          # the key as the cleaner makes it, and as it is
        assert _pieces_are_headers(text, key, generic_rules()) is split_reference(text, key)


def test_a_full_width_bar_in_the_key_still_splits() -> None:
    text = "By Grace Liu ｜ August 24, 2021 4:10 PM"
    assert _pieces_are_headers(text, text, generic_rules())


@given(st.text(alphabet="ab 1|｜:：2021-年月日By ", max_size=30))
@settings(max_examples=400, deadline=None)
def test_generated_lines(text: str) -> None:
    key = match_key(text)
    assert _pieces_are_headers(text, key, generic_rules()) is split_reference(text, key)
    assert _pieces_are_headers(text, text, generic_rules()) is split_reference(text, text)
