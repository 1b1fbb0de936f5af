"""The UTF-8 pre-check of a page's bytes never misses a character `strip_illegal` would remove, so the
pipeline may skip the text scan when it says the bytes are clean."""
from __future__ import annotations

import pytest

from cleanfeed import clean
from cleanfeed.model import Page
from cleanfeed.pipeline import page_source
from cleanfeed.textnorm import normalise_newlines, strip_illegal, utf8_may_hold_illegal


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


def test_the_strict_check_misses_nothing_either() -> None:
    """`strict=True` leaves out the surrogates' scan: every other character the text scan removes is still found
    in its strict UTF-8 bytes (a surrogate has no strict UTF-8 form: `str.encode` refuses it)."""
    missed = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
              and strip_illegal(chr(c)) == "" and not utf8_may_hold_illegal(chr(c).encode(), strict=True)]
    assert missed == []


@pytest.mark.parametrize("text", [
    "<p>plain</p>", "<p>a\r\nb\rc</p>", "<p>a\x0cb</p>", "<p>a\x0bb\r</p>", "\ufeff<p>bom</p>", "<p>a\u200bb\x07</p>",
    "<p>Copper — 铜价 ‘q’ \t\n</p>", "<p>\u2028 \ufffd \x85</p>"])
def test_page_source_takes_the_bytes_short_cut_exactly(text: str) -> None:
    """`page_source` answers a clean page without the text's newline scans: the text and bytes it gives are
    what decoding, `normalise_newlines` and `strip_illegal` give, and the bytes only when they are that text."""
    data = (text + "<p>Zinc stocks fell for a third week as smelters restarted lines.</p>" * 4).encode()
    got, raw, _ = page_source(Page(body=data))
    assert got == strip_illegal(normalise_newlines(data.decode("utf-8")))
    assert raw is None or raw.decode("utf-8") == got


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf<p>bom</p>", b"<p>a\x00b</p>", b"<p>caf\xc3\xa9</p>\xff<p>x</p>",
                                  b"<p>a\rb</p>", b"<p>a\r\nb</p>\r\n", b"<p>\xed\x95\x9c\xea\xb5\xad</p>",
                                  b"<p>\xed\xa0\x80</p>"],
                         ids=["bom", "nul", "invalid-after-valid", "lone-cr", "crlf", "korean", "surrogate"])
def test_page_source_gives_its_bytes_only_for_the_very_text(data: bytes) -> None:
    """Guards of the short cut (dea0a12) on the bytes it must refuse (r21 also compared 20,000 random pages of
    such pieces with d4e7dec's page_source: all the same): the text is decoding, newline normalising and
    stripping, and the bytes come back only when they are that text's UTF-8."""
    from cleanfeed.inputs.decode import decode
    body = data + b"<p>Zinc stocks fell for a third week as smelters restarted lines.</p>" * 4
    got, raw, _ = page_source(Page(body=body))
    assert got == strip_illegal(normalise_newlines(decode(body).text))
    assert raw is None or raw == got.encode("utf-8")
