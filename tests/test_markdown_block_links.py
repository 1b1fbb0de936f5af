"""A link around blocks (a teaser card's headline, byline and date inside one `<a>`; a logo image over a line
break) is read as its blocks: no `[` or `](…)` is left as a line of its own, the card's headline is a line,
and the story above the cards is the body. Own dumps of the same page as html2text and markdownify write it
(tests/markdowndumps/SOURCE.md). In aeb-en, 109 of 161 pages saved by html2text hold such a link."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.text.markdown import read_markdown

OWN = Path(__file__).parent / "markdowndumps"
# en_markdownify_thumb_cards.md: the cards also hold a thumbnail image inside the link (`[![alt](/img/…)` then
# the headline): the image's brackets inside the link's text must not stop it being read as its blocks.
PAGES = ["en_html2text_card_links.md", "en_markdownify_card_links.md", "en_markdownify_thumb_cards.md"]


@pytest.mark.parametrize("name", PAGES)
def test_a_link_around_blocks_leaves_no_syntax_lines(name: str) -> None:
    lines = read_markdown((OWN / name).read_text("utf-8")).split("\n")
    assert not [ln for ln in lines if "](" in ln or ln.startswith(("[", "!"))]
    assert "Copper cathode premiums ease in Shanghai" in lines
    assert "03/01/2026 09:40 AM" in lines


@pytest.mark.parametrize("name", PAGES)
def test_the_story_over_the_cards_is_the_body(name: str) -> None:
    article = clean((OWN / name).read_text("utf-8"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "Ferrous scrap exporters face longer waits at Baltic ports"
    assert paragraphs[0].startswith("Ferrous scrap exporters shipping from Baltic ports")
    assert paragraphs[-1].endswith("buyers in Turkey had so far accepted the delays.")
    assert "](" not in article.text and "Scrap Ledger staff" not in article.text


def test_a_bracket_without_a_link_stays() -> None:
    text = "[a](https://x.example/) [b](https://x.example/b) [c](/c)\n\n[1] A note\n\nthat goes on]\n"
    assert "[1] A note" in read_markdown(text)


def test_many_open_brackets_over_lines_are_read_in_linear_time() -> None:
    text = "[a](https://x.example/) " * 3 + "[x\n" * 100_000 + "](/y)\n" + "[\n]" * 100_000
    assert read_markdown(text).startswith("a a a")


def test_many_images_inside_open_links_are_read_in_linear_time() -> None:
    text = "[a](https://x.example/) " * 3 + ("[![i](/i.png)\n" * 50 + "x") * 1_000 + "](/y)\n"
    assert read_markdown(text).startswith("a a a")
