"""Byte-order marks (review r7): the mark decides the encoding, a stream cut inside its last character keeps
the rest, and a UTF-16 mark in front of UTF-8 bytes (a tool that wrote the mark, then UTF-8) is a stray mark,
not a page of Han characters."""
from __future__ import annotations

import codecs

import pytest

from cleanfeed.inputs.decode import decode
from cleanfeed.pipeline import clean

TITLE = "Café prices — 铜价"
PROSE = ("Scrap copper prices rose sharply in Ningbo on Monday as smelters bought more material, traders said. "
         * 3)
HTML = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{PROSE}</p></article></body></html>"
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")]


@pytest.mark.parametrize(("bom", "encoding"), BOMS, ids=[enc for _, enc in BOMS])
def test_the_mark_decides_even_against_a_declared_charset(bom: bytes, encoding: str) -> None:
    data = bom + HTML.encode(encoding)
    assert decode(data, "text/html; charset=iso-8859-1").text == HTML
    assert clean(data, content_type="text/html; charset=gb2312").title == TITLE


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
@pytest.mark.parametrize("extra", [b"", b" "], ids=["even", "odd"])
def test_a_stray_utf16_mark_before_utf8_is_dropped(bom: bytes, extra: bytes) -> None:
    data = bom + HTML.encode("utf-8") + extra
    decoded = decode(data)
    assert decoded.text.startswith("<html>") and decoded.encoding == "utf-8" and decoded.replaced == 1
    assert clean(data).title == TITLE
    dump = bom + f"{TITLE}\n\n{PROSE}\n".encode() + extra
    assert clean(dump).title == TITLE


@pytest.mark.parametrize(("bom", "encoding"), BOMS[1:], ids=[enc for _, enc in BOMS[1:]])
def test_a_stream_cut_inside_its_last_character_keeps_the_rest(bom: bytes, encoding: str) -> None:
    data = (bom + HTML.encode(encoding))[:-1]
    decoded = decode(data)
    assert decoded.encoding == encoding and decoded.text == HTML[:-1] and decoded.replaced == 1
    assert clean(data).title == TITLE


def test_chinese_utf16_with_a_mark_stays_utf16() -> None:
    text = "废铜价格上涨，宁波冶炼厂周一加大采购力度。" * 20
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be")).text == text
