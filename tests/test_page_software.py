"""The small readers behind tests/test_html_software.py: a cart form, forum software named by the generator
meta, a Product that only a sold page turns into a product page, a heading's permalink glyph, and a thread's
signatures and profile boxes."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from cleanfeed import clean
from cleanfeed.html.measure import heading_text, permalink_glyph
from cleanfeed.html.pagetype import has_cart_form, page_type
from cleanfeed.html.profiles import drop_poster_boxes


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{html}</body></html>")


@pytest.mark.parametrize("html", [
    '<form action="/cart/add" method="post"><button type="submit">Buy</button></form>',          # Shopify
    '<form class="cart" method="post"><button name="add-to-cart" value="881">Add</button></form>',  # WooCommerce
    '<form id="product_addtocart_form"><input type="number" name="qty"></form>',                    # Magento 2
    '<form method="post"><button type="submit">Add to basket</button></form>',
    '<form method="post"><button type="submit">Add to Bag</button></form>',
])
def test_a_form_that_fills_a_cart(html: str) -> None:
    assert has_cart_form(_doc(html))


@pytest.mark.parametrize("html", [
    '<a class="button" href="https://shop.example/item" rel="sponsored">Check price</a>',  # a review's link away
    '<form class="search" action="/search"><input name="q"><button>Go</button></form>',
    '<form action="/newsletter"><input name="email"><button>Subscribe</button></form>',
    '<form action="/maps"><input name="cartography" value="Descartes"></form>',     # words that only hold "cart"
    '<button class="header-cart-button">Cart</button>',                             # a cart icon, no form
])
def test_no_cart_form(html: str) -> None:
    assert not has_cart_form(_doc(html))


def test_a_product_sold_on_the_page_beats_a_bare_og_article() -> None:
    kinds = ("WebPage", "Product", "og:article")
    assert page_type(kinds, None, lambda: True) == "product"
    assert page_type(kinds, None, lambda: False) == "article"          # a review post with a Product
    assert page_type(("NewsArticle", "Product", "og:article"), None, lambda: True) == "article"   # JSON-LD wins
    assert page_type(("WebPage", "og:article"), None, lambda: True) == "article"        # no Product: no question


def test_the_cart_question_is_asked_only_when_it_decides() -> None:
    def never() -> bool:
        raise AssertionError("asked")
    assert page_type(("NewsArticle",), None, never) == "article"
    assert page_type(("og:article",), None, never) == "article"
    assert page_type(("Product",), None, never) == "product"


@pytest.mark.parametrize("generator", ["Discourse 3.2.0.beta4 - https://github.com/discourse/discourse version 8b3d",
                                       "vBulletin 4.2.5", "XenForo", "MyBB"])
def test_forum_software_says_forum_over_a_bare_og_type(generator: str) -> None:
    assert page_type(("og:article",), "https://hub.example.org/t/slug/1", software=generator) == "forum"
    assert page_type(("og:website",), None, software=generator) == "forum"


@pytest.mark.parametrize("generator", [None, "", "WordPress 6.4", "Discuz! X3.4", "Drupal 10", "mkdocs-1.5.3"])
def test_other_software_says_nothing(generator: str | None) -> None:
    assert page_type(("og:article",), "https://www.example.org/2025/01/story", software=generator) == "article"


def test_a_json_ld_article_beats_forum_software() -> None:
    assert page_type(("NewsArticle", "og:article"), None, software="Discourse 3.2") == "article"


@pytest.mark.parametrize(("html", "text"), [
    ('<h1>Quickstart<a class="headerlink" href="#quickstart" title="Link to this heading">¶</a></h1>', "Quickstart"),
    ('<h2 id="a">Where it lives<a class="headerlink" href="#a">&para;</a></h2>', "Where it lives"),
    ('<h2>Retries<a class="hash-link" href="#retries" aria-label="Direct link">\u200b</a></h2>', "Retries"),
    ('<h2>Install <a class="anchor" href="#install">#</a></h2>', "Install"),
    ('<h1>Learn C#</h1>', "Learn C#"),                                          # no self-link: the # is the text's
    ('<h1>Prices <a href="#table">§ 4</a></h1>', "Prices § 4"),                  # a digit: a reference, kept
    ('<h1>Read <a href="/more">¶</a></h1>', "Read ¶"),                           # a link away, not to itself
    ('<h1>Intro<a href="#i">¶</a> and more</h1>', "Intro¶ and more"),            # text after it: not the end
])
def test_a_headings_permalink_is_not_its_text(html: str, text: str) -> None:
    h = lxml.html.fragment_fromstring(html)
    assert heading_text(h) == text
    assert (permalink_glyph(h) != "") == (text != " ".join(h.text_content().split()))


def test_a_threads_signatures_and_profile_boxes_go_and_its_posts_stay() -> None:
    page = Path(__file__).parent / "pages" / "software" / "phpbb-topic.html"
    text = " ".join(clean(page.read_bytes(), url="https://forum-mopeds.example/viewtopic.php?t=18832").text.split())
    assert "the float sits about 18 mm" in text and "nearly always the needle seat" in text \
        and "groove worn into its tip" in text                                  # every post
    assert "too many spare carbs" not in text and "Read the FAQ before posting" not in text   # signatures
    assert "Posts: 9204" not in text and "Joined:" not in text                               # profile column


def test_poster_boxes_only_by_whole_class_words() -> None:
    body = lxml.html.fromstring('<div><div class="post"><p>The post text.</p><div class="signature">My sig</div>'
                                '<div class="signatures-info">Also a signature box</div>'
                                '<div class="designature">not one</div><div class="user-info-x">kept</div></div></div>')
    removed = drop_poster_boxes(body)
    assert [r.text for r in removed] == ["My sig", "Also a signature box"]
    assert [t.strip() for t in body.itertext() if t.strip()] == ["The post text.", "not one", "kept"]
