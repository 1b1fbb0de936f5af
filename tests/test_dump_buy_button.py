"""A shop's page for one product, as a whole-page dump: one price line, one buy button (`Add to cart`, `Add to
basket`, `Buy now`) and a description too short to count as a story (tests/buybutton/SOURCE.md). The rules of
cleanfeed/data/dumptype.toml needed rows repeated down the page (a grid's prices and buttons, star ratings), so
a single product's page passed as an article and reached the feeds. Articles that sell something stay articles:
a review with a spec list and a `Buy now` box, a story with a price table, an interview, a how-to's steps.

Measured and not shipped (i17cs): a `product` rule in dumptype.toml before the forum rule, `buy_button` (a line
that is only `Add to cart|bag|basket|trolley` / `Buy now`) on 1 or 2 lines (a deals roundup, an aeb-en-text
article, prints 10), a `price_tag` line (a line that is only a price) and prose share <= 0.55. It turns the
three xfails to passes and keeps the guards; `python bench/otherdumps.py --articles` stays 0 under renderer a
(b 2 -> 2 and c 1 -> 1, the same forum/listing pages as on main 994b742); bench/textdumps.py --tools cleanfeed
unchanged (.949/.961/.977). Pages typed non-article, `python bench/otherdumps.py [--renderer b|c]`, main ->
rule, dev folds f0 f1 / held-out f2 f3 f4: renderer a 30 24 -> 34 29 / 38 43 21 -> 45 47 23 (all 156 -> 178);
held-out renderer b 25 19 -> 27 23 / 34 30 19 -> 37 32 21; c 26 25 -> 30 30 / 38 41 23 -> 45 45 25. So the
typing carries to held-out folds and renderers. What does not carry is the content: a page typed `product`
keeps dumptype.other_content's product profile (every stretch, plus every price and `Key: value` row of the
page) instead of the article run, which on these pages was the product's description: per-fold F1 a f2 0.611 ->
0.607, f3 0.629 -> 0.627 (f0 +0.001, f1 =, f4 +0.001); product pages a 0.494 -> 0.473, b 0.461 -> 0.453, c 0.487
-> 0.468; and tests/test_otherdump_gate.py's pinned F1 fails (0.600 floor -> 0.592: fixture page 0583 F1 0.98 as
an article run, 0.31 as product content). The rule waits for a product content profile that keeps the
description run (and the price near the button) rather than every price row of the page.

i17ct measured such a profile and did not ship it either (patch and numbers in the commit message): a page typed
`product` read as the article path reads it (its run, its headline the title, textclean's body rules), still typed
`product`, when the run is the product's description (two prose lines or more, a quarter of the page's prose or
more, and a price in or within a few lines of it, or half the page's prose without one); else its content lines as
before. Alone (no new rule), it changes no dev page (a/b/c f0 f1 equal) and loses held-out f3 on every renderer: a
f2 0.611 -> 0.609, f3 0.629 -> 0.625, f4 0.595 -> 0.596; b f3 0.501 -> 0.496; c f3 0.571 -> 0.563 (f2 0.591 ->
0.593): the pages typed `product` today (star ratings, the dump model) keep more of their gold as content lines than
as a description run. With i17cs's rule on top: dev a f0 0.584 -> 0.590, f1 0.636 -> 0.637; held-out a f2 0.609, f3
0.623, f4 0.596; b f2 0.540 -> 0.547, f3 0.496; c f2 0.593, f3 0.566; product pages up (a 0.494 -> 0.497, b 0.461 ->
0.467, c 0.487 -> 0.499), the gate's fixture 0.6027 -> 0.6029 with 7 pages typed. Keeping the price, buy and spec
rows by the run instead of textclean's body cost dev F1 (page 0583 0.98 -> 0.93). A product page whose description
is long (product_grinder) must keep it without the shop's `You may also like` grid and footer: a strict xfail with
the other three."""
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


@pytest.mark.xfail(strict=True, reason="a single product's page is typed article (the rule is not shipped)")
def test_a_product_page_keeps_its_description_not_the_shops_other_products_or_footer() -> None:
    """A product's page typed `product` keeps its description run (i17ct), not every price row of the page: the
    `You may also like` grid's names and prices, the newsletter box and the footer stay out; its name is the
    title."""
    page = clean((OWN / "product_grinder.txt").read_text("utf-8"))
    assert page.page_type == "product" and page.title == "Burr Coffee Grinder, 40 settings"
    assert "A conical steel burr grinder with forty settings" in page.text
    assert "so the same cup comes out every day" in page.text
    for other in ("Hand Grinder, ceramic burrs", "£34.00", "£12.00", "Subscribe", "About us", "© 2026"):
        assert other not in page.text


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_an_article_that_names_prices_or_buttons_stays_an_article(name: str) -> None:
    page = clean((OWN / name).read_text("utf-8"))
    assert page.page_type == "article"
    assert ARTICLES[name] in page.text
