"""No exception escapes for any HTML: empty, truncated, huge, deeply nested, not HTML at all."""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.errors import CleanfeedError, NoArticleError
from cleanfeed.html.article import extract_html
from cleanfeed.html.parse import parse_html

PARA = ("<p>The council voted on Tuesday to expand the recycling programme to every district, a decision "
        "officials said would divert thousands of tonnes of waste from landfill each year.</p>")


def extract_or_clean_error(html: str) -> None:
    """The extractor either returns a draft or raises a CleanfeedError: never anything else."""
    try:
        d = extract_html(html, url=None, rule=None)
    except CleanfeedError:
        return
    assert d.paragraphs and d.html is not None


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body></body></html>", "<", "<<<>>>",
                                  "<?xml version='1.0' encoding='utf-8'?><html><body>" + PARA + "</body></html>",
                                  "\x00\x01\x02<p>", "<p>" * 3 + "text"])
def test_odd_inputs(html: str) -> None:
    extract_or_clean_error(html)


def test_empty_page_is_no_article() -> None:
    with pytest.raises(NoArticleError):
        extract_html("", url=None, rule=None)


def test_truncated_page_still_gives_its_text() -> None:
    page = Path(__file__).parent / "pages" / "aeb-en" / "05844573ca7e1fba.html.gz"
    html = gzip.decompress(page.read_bytes()).decode("utf-8")
    for cut in (len(html) // 3, len(html) // 2, len(html) - 17):
        extract_or_clean_error(html[:cut])
    cut = html.rindex("Nissan is hoping") + 3000      # inside the article body, far from its end
    d = extract_html(html[:cut], url=None, rule=None)
    assert "sleek redesign of the Sentra" in "\n".join(d.paragraphs)


def test_deeply_nested_page() -> None:
    html = "<html><body>" + "<div>" * 5000 + PARA * 3 + "</div>" * 5000 + "</body></html>"
    extract_or_clean_error(html)
    html = "<html><body>" + PARA + "<span><b><i>" * 3000 + "deep" + "</body></html>"
    extract_or_clean_error(html)


@pytest.mark.slow
def test_huge_page() -> None:
    """20 MB of markup: parses and extracts (or refuses cleanly) without crashing."""
    chunk = "<div class='row'><p>" + "word " * 200 + "</p><a href='/x'>link</a></div>\n"
    html = "<html><body>" + chunk * (19_000_000 // len(chunk)) + "</body></html>"
    assert len(html) > 18_000_000
    extract_or_clean_error(html)


@pytest.mark.parametrize("seed", range(5))
def test_binary_garbage_through_the_pipeline(seed: int) -> None:
    data = os.urandom(1) and bytes((i * 7919 + seed * 104729) % 256 for i in range(20_000))
    with pytest.raises(CleanfeedError):
        clean(data)


def test_garbage_text_that_looks_like_html() -> None:
    junk = "".join(chr(0x20 + (i * 31) % 0x2000) for i in range(50_000))
    extract_or_clean_error("<html><body>" + junk)


def test_character_references_in_title_and_byline_stay_out_of_the_article() -> None:
    """`&#1;` or `&#0;` decode after the raw page was stripped of XML-illegal characters."""
    body = "<p>" + "Molybdenum prices soared on Wednesday as steel mills bought more ferro-molybdenum. " * 3 + "</p>"
    page = (f"<html><head><title>Molybdenum &#1; prices &#xFFFE;soar &#0;today</title>"
            f'<meta name="author" content="Jane&#8;Doe"></head><body><article>{body}{body}</article></body></html>')
    article = clean(page, url="https://example.com/mo")
    assert article.title == "Molybdenum prices soar today"
    assert article.author == "JaneDoe"
    bare = clean(page.replace("Molybdenum &#1; prices &#xFFFE;soar &#0;today", "&#1;"))
    assert bare.title.startswith("Molybdenum prices soared")


def test_character_references_to_illegal_characters_stay_out_of_the_body() -> None:
    """The body too, not only title and byline; &#128;–&#159; read as windows-1252, as browsers do."""
    prose = "Molybdenum prices soared on Wednesday as steel mills bought more ferro-molybdenum. " * 3
    page = (f"<html><head><title>Mo</title></head><body><article><p>{prose}&#1;&#x0B;&#0;&#xFFFE;&#xD800;"
            f"mills&#146; &#x93;orders&#148; &#233;tat &amp;</p><p>{prose}</p></article></body></html>")
    article = clean(page, url="https://example.com/mo")
    assert "mills’ “orders” état &" in article.text
    for field in (article.text, article.html, article.summary):
        assert not any(ord(ch) < 32 and ch not in "\t\n\r" or 0x7F <= ord(ch) <= 0x9F
                       or ch in "\ufffe\ufffd" or 0xD800 <= ord(ch) <= 0xDFFF for ch in field)


@pytest.mark.parametrize("html", [
    "<html><head><title>T</title></head><body><nav>Home News</nav></body></html><div class=post>" + PARA + "</div>",
    "<html><head><title>T</title></head><body><nav>Home News</nav></body><div class=post>" + PARA + "</div></html>",
    "<html><head><title>T</title></head></html><div class=post>" + PARA + "</div>",      # no <body> at all
])
def test_an_article_outside_the_body_is_still_the_article(html: str) -> None:
    # A theme template that closes the page (`</body></html>`) before the post: browsers show the post.
    draft = extract_html(html, url=None, rule=None)
    assert draft.paragraphs == (PARA.removeprefix("<p>").removesuffix("</p>"),)


def test_text_and_markup_after_the_body_keep_their_order() -> None:
    doc = parse_html("<html><body><p>a</p></body>between<p>b</p></html>after html<p>c</p>more")
    assert " ".join(doc.find("body").itertext()) == "a between b after html c more"


def test_a_second_documents_head_after_html_is_not_this_pages() -> None:
    page = ("<html><head><title>T</title></head><body>" + PARA + "</body></html><html><head>"
            "<meta property='article:published_time' content='2019-05-05T10:00:00Z'>"
            "<link rel=canonical href='https://ads.example/x'></head><body><p>second</p></body></html>")
    article = clean(page)
    assert article.published is None and article.url is None
