"""The UTF-8 pre-check of a page's bytes never misses a character `strip_illegal` would remove, so the
pipeline may skip the text scan when it says the bytes are clean."""
from __future__ import annotations

from cleanfeed import clean
from cleanfeed.textnorm import strip_illegal, utf8_may_hold_illegal


def test_no_illegal_character_passes_the_byte_check() -> None:
    missed = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
              and strip_illegal(chr(c)) == "" and not utf8_may_hold_illegal(chr(c).encode())]
    assert missed == []


def test_legal_text_passes() -> None:
    assert not utf8_may_hold_illegal("Copper rose 3% — 铜价上涨 ‘quoted’ \t\n\r".encode())


def test_a_page_with_a_control_character_is_still_cleaned_of_it() -> None:
    body = "<html><head><title>Zinc</title></head><body><article><p>Zinc\u200b stocks fell for a third week\x07 " \
           "as smelters restarted lines in Yunnan and Guangxi, traders said on Monday.</p></article></body></html>"
    article = clean(body.encode())
    assert "\u200b" not in article.text and "\x07" not in article.text and "Zinc stocks fell" in article.text
