"""A page nested deeper than libxml2 builds (2048 elements) keeps its text (review r7): a broken CMS can wrap
a story in thousands of `<div>`s, and libxml2 drops everything after its depth limit."""
from __future__ import annotations

import time

import pytest

from cleanfeed import clean
from cleanfeed.html.nesting import MAX_DEPTH, SLACK, flatten_nesting
from cleanfeed.html.parse import parse_html

TITLE = "Copper prices rise in Shanghai"
PARA = ("<p>Copper prices rose sharply in Shanghai on Tuesday as traders bought on news of lower stocks and "
        "strong demand from <a href='/cable'>cable makers</a>, brokers said.</p>")


def page(depth: int, opener: str = "<div>", closer: str = "</div>") -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Home</a></nav>"
            + opener * depth + f"<h1>{TITLE}</h1>" + PARA * 4 + closer * depth
            + "<footer><p>Copyright the publisher</p></footer></body></html>")


@pytest.mark.parametrize("depth", [1000, 2047, 3000, 20_000])
def test_a_story_under_thousands_of_divs_keeps_its_text(depth: int) -> None:
    article = clean(page(depth))
    assert article.title == TITLE
    assert article.text.count("Copper prices rose sharply") == 4
    assert "Copyright" not in article.text and not article.text.startswith(TITLE)


def test_deep_inline_nesting_keeps_the_text_after_it() -> None:
    html = "<html><body>" + PARA + "<span><b><i>" * 3000 + "The deep end of the story is still text." + "</body></html>"
    assert "The deep end of the story is still text." in parse_html(html).text_content()


def test_flattening_caps_the_depth_and_keeps_every_character_of_text() -> None:
    html = page(3000, "<div class='w'><section>", "</section></div>").encode()
    flat = flatten_nesting(html)
    doc = parse_html(flat.decode())
    deepest = max(sum(1 for _ in el.iterancestors()) for el in doc.iter())
    assert deepest <= MAX_DEPTH + SLACK
    assert doc.text_content() == parse_html(page(0)).text_content()


def test_a_shallow_page_is_left_as_it_is() -> None:
    html = page(40).encode() + b"<script>if (a<b) { x = '<div>'.repeat(3000); }</script><!-- <div><div> -->"
    assert flatten_nesting(html) == html


def test_unclosed_items_do_not_count_as_nesting() -> None:
    items = b"<ul>" + b"<li>item" * 2000 + b"</ul>"
    assert flatten_nesting(items, max_depth=10) == items


def test_flattening_reads_each_tag_once() -> None:
    unclosed = b"<div" * 50_000 + b"<!--" + b"<a " * 50_000
    started = time.process_time()
    flatten_nesting(unclosed)
    assert time.process_time() - started < 1.0
