"""A FiveFilters rule applied to a page (cleanfeed/html/ftr.py), on the page and rule files written for these
tests (tests/data/ftr/own)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

from cleanfeed.html.ftr import FtrResult, apply_ftr, apply_ftr_html, preprocess_html
from cleanfeed.rules.ftr import FtrRule, parse_ftr, read_ftr_file

FIX = Path(__file__).parent / "data" / "ftr" / "own"
BASE = "https://example.com/2024/01/story.html"


@pytest.fixture(scope="module")
def example() -> FtrRule:
    return read_ftr_file(FIX / "example.com.txt")


def page(rule: FtrRule, html: str | None = None, base: str | None = BASE, **kw: Any) -> FtrResult:
    html = (FIX / "example-article.html").read_text() if html is None else html
    return apply_ftr_html(html, rule, base, **kw)


def body_html(result: FtrResult) -> str:
    return str(lxml.html.tostring(result.body, with_tail=False, encoding="unicode"))


# ----------------------------------------------------------------------------- applying

def test_preprocess_in_order_and_empty_find_is_noop() -> None:
    r = parse_ftr("find_string: a\nreplace_string: b\nfind_string: b\nreplace_string: c\n"
                  "find_string:\nreplace_string: X\n")
    assert r.replacements == (("a", "b"), ("b", "c"), ("", "X"))
    assert preprocess_html("aXb", r) == "cXc"


def test_apply_example_page(example: FtrRule) -> None:
    res = page(example)
    assert res.title == "The headline"
    assert res.date == "2024-01-05"                                   # string result (substring-after)
    assert res.authors == ("Ann Author", "Bob Writer")                 # every node of the first match
    assert res.native_ad is False and res.lead_image is None and res.errors == ()
    assert [m[0] for m in res.matched] == ["title", "author", "date", "body"]
    html = body_html(res)
    assert html.startswith('<div><div class="part"><h2>The headline</h2>')   # several parts: wrapped
    assert len(res.body_elements) == 2 and "Nested part." in html and html.count("Nested part.") == 1
    assert [c.tail for c in res.body] == [None, None]                      # copies, without the page's tails
    assert "<b>new</b>" in html and '<img src="/img/a.jpg">' in html       # replacements, srcset stripped
    for gone in ("Share this", "Buy now", "pixel.gif", "var x", "data-lazy"):
        assert gone not in html
    assert '<img src="/img/lazy.jpg">' in html
    assert res.stripped == 5                       # share, promo-box, pixel img, srcset, instapaper_ignore
    assert [d for d, _ in res.removed] == ["strip", "strip", "strip_id_or_class", "strip_image_src", "builtin"]
    assert ("strip", "Share this") in res.removed and ("strip_id_or_class", "Buy now") in res.removed
    assert res.removed[1][1].startswith("@srcset=/img/a-2x.jpg")


def test_raw_page_oddities() -> None:
    rule = parse_ftr("title: //h1\n")
    assert page(rule, '<?xml version="1.0" encoding="utf-8"?><html><body><h1>é</h1></body></html>').title == "é"
    assert page(rule, "<!-- only a comment -->").title is None and page(rule, "").title is None


def test_title_element_leaves_the_tree() -> None:
    rule = parse_ftr("title: //h1\nbody: //body\n")
    tree = lxml.html.document_fromstring("<html><body><p>kicker</p><h1>T</h1>tail<p>text</p></body></html>")
    res = apply_ftr(tree.getroottree(), rule)   # a tree works as well as its root element
    assert res.title == "T" and tree.find(".//h1") is None
    assert body_html(res) == "<body><p>kicker</p>tail<p>text</p></body>"   # its tail text stays


def test_title_falls_back_to_attribute_value(example: FtrRule) -> None:
    res = page(example, "<html><head><meta property='og:title' content=' Meta title '></head><body></body></html>")
    assert res.title == "Meta title" and res.body is None


def test_empty_string_result_tries_next_expression() -> None:
    rule = parse_ftr("title: string(//h3)\ntitle: concat('A', 'B')\n")
    assert page(rule, "<p>x</p>").title == "AB"


def test_union_takes_first_in_document_order() -> None:
    rule = parse_ftr("title: //h2 | //h1\n")
    assert page(rule, "<html><body><h1>one</h1><h2>two</h2></body></html>").title == "one"


def test_author_from_string_and_literal() -> None:
    assert page(parse_ftr("author: 'Dan Abramov'\n"), "<p/>").authors == ("Dan Abramov",)
    rule = parse_ftr("author: substring-after(//p[@class='by'], 'By ')\n")
    assert page(rule, "<p class='by'>By Eve</p>").authors == ("Eve",)


def test_date_ok_skips_unparseable_values() -> None:
    rule = parse_ftr("date: //span[@class='d']\ndate: //time/@datetime\n")
    html = "<span class='d'>yesterday;</span><time datetime='2024-03-01'>x</time>"
    assert page(rule, html).date == "yesterday"
    assert page(rule, html, date_ok=lambda v: v[:4].isdigit()).date == "2024-03-01"
    assert page(parse_ftr("date: string(//b)\ndate: //time/@datetime\n"), html).date == "2024-03-01"


def test_single_body_loses_heading_that_repeats_title() -> None:
    rule = parse_ftr("title: //title\nbody: //article\n")
    res = page(rule, "<html><head><title>Big news</title></head>"
                     "<body><article><h2>Big News</h2><p>t</p></article></body></html>")
    assert body_html(res) == "<article><p>t</p></article>" and res.body_elements == (res.body,)


def test_body_string_result_is_no_body() -> None:
    rule = parse_ftr("body: string(//article)\nbody: //main\n")
    res = page(rule, "<article>a</article><main>m</main>")
    assert body_html(res) == "<main>m</main>" and res.matched == (("body", "//main"),)


def test_native_ad_and_lead_image() -> None:
    rule = parse_ftr("native_ad_clue: //meta[@name='sponsored']\nbody: //article\n")
    html = ("<html><head><meta name='sponsored'><meta property='og:image' content='/i.jpg'></head>"
            "<body><article>t</article></body></html>")
    res = page(rule, html)
    assert res.native_ad is True and res.lead_image == "https://example.com/i.jpg"
    assert page(rule, html.replace("t</article>", "<img src='x.png'></article>")).lead_image is None
    no = parse_ftr("body: //article\ninsert_detected_image: no\n")
    assert page(no, html).lead_image is None


def test_strip_id_or_class_is_a_substring_of_id_or_class() -> None:
    rule = parse_ftr("strip_id_or_class: ad\nstrip_id_or_class: \"\"\nbody: //body\n")
    res = page(rule, "<div class='header'>h</div><div id='lead'>l</div><div class='x'>keep</div>")
    assert body_html(res) == '<body><div class="x">keep</div></body>'   # 'ad' in header and lead: FTR


def test_strip_image_src_and_tail_text_kept() -> None:
    rule = parse_ftr("strip_image_src: /ads/\nstrip: //span\nbody: //p\n")
    res = page(rule, "<p>a<img src='http://x/ads/1.gif'>b<span>s</span>c<span>t</span></p>")
    assert body_html(res) == "<p>abc</p>"


def test_builtin_strips_can_be_turned_off() -> None:
    rule = parse_ftr("body: //div\n")
    html = "<div><p class='entry-unrelated'>u</p><p style='display:none'>h</p><a href='#'></a>t</div>"
    assert body_html(page(rule, html)) == "<div>t</div>"
    assert "entry-unrelated" in body_html(page(rule, html, builtin_strips=False))


def test_runtime_xpath_errors_are_reported_not_raised() -> None:
    rule = parse_ftr("title: //h1[has-class('x')]\ntitle: //h1\nstrip: //svg:path\n")
    res = page(rule, "<h1>ok</h1>")
    assert res.title == "ok"
    assert [(d, m.split(":")[0]) for d, _, m in res.errors] == [("title", "evaluation"), ("strip", "evaluation")]
