"""A strict-UTF-8 page's own bytes go to the HTML parser instead of its text encoded again (issue 17,
speed): only when they are exactly that text's UTF-8, and the tree is the same."""
from __future__ import annotations

import pytest
from lxml import etree

from cleanfeed import clean
from cleanfeed.html.parse import parse_html
from cleanfeed.model import Page
from cleanfeed.pipeline import page_source, page_text

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Aluminium scrap prices rise</title></head>"
        "<body><article><h1>Aluminium scrap prices rise</h1><p>Published 3 March 2024</p>"
        "<p>Prices of aluminium scrap rose again this week, traders in Foshan said, as smelters bought "
        "ahead of the holiday and stocks at the ports fell to their lowest in a year.</p>"
        "<p>再生铝价格本周继续上涨，佛山贸易商表示，冶炼厂在假期前采购，港口库存降至一年来的最低水平。</p>"
        "</article></body></html>")
LATIN = PAGE.split("<p>再生铝")[0] + "</article></body></html>"


def test_strict_utf8_bytes_are_handed_on_as_they_are() -> None:
    data = PAGE.encode("utf-8")
    text, raw, notes = page_source(Page(body=data))
    assert raw is data and raw == text.encode("utf-8") and notes == ()
    assert (text, notes) == page_text(Page(body=data))


@pytest.mark.parametrize("data", [
    PAGE.replace("</p>", "</p>\r\n").encode("utf-8"),          # CR LF: the text is normalised, the bytes not
    b"\xef\xbb\xbf" + PAGE.encode("utf-8"),                     # a BOM: stripped from the text
    PAGE.replace("rose", "ro\u200bse").encode("utf-8"),         # a zero-width space: stripped from the text
    LATIN.replace("utf-8", "windows-1252").replace("rose", "rosé").encode("cp1252"),   # not UTF-8
    LATIN.replace("rose", "rosé").encode("cp1252"),             # declared UTF-8, but not UTF-8
])
def test_bytes_that_are_not_the_texts_utf8_are_not_handed_on(data: bytes) -> None:
    text, raw, _ = page_source(Page(body=data))
    assert raw is None
    assert text == page_text(Page(body=data))[0]


def test_a_str_page_has_no_bytes() -> None:
    assert page_source(Page(body=PAGE))[1] is None


@pytest.mark.parametrize("text", [
    PAGE,
    "<?xml version='1.0' encoding='utf-8'?>" + PAGE,            # the declaration is cut from the text only
    "  <?XML version='1.0'?>\n" + PAGE,
    PAGE.replace("Published", "&#1;&#x0b;Published"),         # illegal references are still removed
])
def test_the_parser_builds_the_same_tree_from_the_bytes(text: str) -> None:
    from_text = parse_html(text)
    from_bytes = parse_html(text, text.encode("utf-8"))
    assert etree.tostring(from_bytes, encoding="unicode") == etree.tostring(from_text, encoding="unicode")


def test_clean_reads_a_page_the_same_from_bytes_and_from_text() -> None:
    data = PAGE.encode("utf-8")
    assert page_source(Page(body=data))[1] is data
    assert clean(data).to_dict(explain=True) == clean(PAGE).to_dict(explain=True)
