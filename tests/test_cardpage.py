"""The structural listing test (html/listing.py `card_page`): a page that says nothing of itself and is
mostly a grid of item cards is a listing; an article with a related-posts grid, a listicle whose items
link out, paragraphs that link a phrase, a declared article and a Chinese page are not."""
from __future__ import annotations

import lxml.html

from cleanfeed.html.listing import card_page, card_stats, reads_as_cards

URL = "https://yard.example.org/notes/"


def card(n: int, href: str = "/notes/{n}") -> str:
    return (f'<div class="tile"><h3><a href="{href.format(n=n)}">Note number {n} on sorting scrap</a></h3>'
            f"<p>A short blurb of the note, one sentence about what the yard learned this week.</p></div>")


def body(html: str) -> lxml.html.HtmlElement:
    found: lxml.html.HtmlElement = lxml.html.fromstring(f"<html><body>{html}</body></html>").find("body")
    return found


PROSE = "".join(f"<p>{'The grader cuts a short length of the wire and files its end under the lamp. ' * 3}</p>"
                for _ in range(5))


def test_a_grid_of_cards_that_says_nothing_is_a_listing() -> None:
    page = body("<h1>Field notes</h1><div class='grid'>" + "".join(card(n) for n in range(6)) + "</div>")
    stats = card_stats(page, URL)
    assert stats.items == 6 and stats.titled == 1.0 and stats.internal == 1.0 and stats.prose_run == 0
    assert card_page(page, (), URL)


def test_an_article_with_a_related_posts_grid_is_not() -> None:
    page = body(f"<h1>How wire is graded</h1><div class='post'>{PROSE}</div><div class='grid'>"
                + "".join(card(n) for n in range(6)) + "</div>")
    assert card_stats(page, URL).prose_run > 500
    assert not card_page(page, (), URL)


def test_cards_that_link_out_are_a_list_of_sources_not_a_listing() -> None:
    page = body("<div class='grid'>" + "".join(card(n, "https://elsewhere{n}.example.com/") for n in range(6))
                + "</div>")
    assert card_stats(page, URL).internal == 0.0
    assert not card_page(page, (), URL)


def test_paragraphs_that_link_a_phrase_are_not_cards() -> None:
    para = ("<div class='sec'><p>The yard weighs every load twice, and the <a href='/scale'>weighbridge "
            "records</a> are kept for a year so that any seller can ask to see them again.</p></div>")
    page = body(para * 6)
    assert card_stats(page, URL).titled == 0.0
    assert not card_page(page, (), URL)


def test_a_declared_article_or_a_chinese_page_is_never_typed_by_its_cards() -> None:
    grid = "<div class='grid'>" + "".join(card(n) for n in range(6)) + "</div>"
    assert not card_page(body(grid), ("og:article",), URL)
    zh = "".join(f'<div class="tile"><a href="/n/{n}">再生铝价格本周小幅上涨第{n}篇</a><p>本周废铝回收价格继续上涨，'
                 f"冶炼厂采购积极。</p></div>" for n in range(6))
    assert reads_as_cards(card_stats(body(zh), URL))
    assert not card_page(body(zh), (), URL)


def test_a_short_post_beside_sidebar_boxes_is_not_a_listing() -> None:
    box = ("<div class='box'><h3>Archives</h3><ul>"
           + "".join(f"<li><a href='/20{n:02d}/'>Posts of the year 20{n:02d}</a></li>" for n in range(8))
           + "</ul></div>")
    page = body(f"<div class='post'><p>{'A short note on interned integers, with one example. ' * 3}</p></div>"
                f"<div class='side'>{box * 3}</div>")
    assert card_stats(page, URL).internal == 0.0
    assert not card_page(page, (), URL)
