"""A shop's page for one product, as a whole-page dump: one price line, one buy button (`Add to cart`, `Add to
basket`, `Buy now`) and a description too short to count as a story (tests/buybutton/SOURCE.md). The rules of
cleanfeed/data/dumptype.toml needed rows repeated down the page (a grid's prices and buttons, star ratings), so
a single product's page passed as an article and reached the feeds. Articles that sell something stay articles:
a review with a spec list and a `Buy now` box, a story with a price table, an interview, a how-to's steps."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean

OWN = Path(__file__).parent / "buybutton"
PRODUCTS = ["product_kettle.txt", "product_printer.txt", "product_tent.txt"]
# article → a line of its story that the clean text must keep
ARTICLES = {
    "review_spec_buy.txt": "We spent three weeks in the Ridgeline 2",
    "story_price_table.txt": "Prices for most grades of ferrous scrap fell this week",
    "interview.txt": "Less than you would think.",
    "howto_steps.txt": "A dripping tap wastes thousands of litres of water a year",
}


@pytest.mark.xfail(strict=True, reason="a single product's page is typed article")
@pytest.mark.parametrize("name", PRODUCTS)
def test_a_shops_page_for_one_product_is_no_article(name: str) -> None:
    page = clean((OWN / name).read_text("utf-8"))
    assert page.page_type == "product"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_an_article_that_names_prices_or_buttons_stays_an_article(name: str) -> None:
    page = clean((OWN / name).read_text("utf-8"))
    assert page.page_type == "article"
    assert ARTICLES[name] in page.text
