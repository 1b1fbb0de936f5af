"""Indented code blocks in a page saved as Markdown (html2text writes `<pre>` as lines indented by four spaces
after a blank line, CommonMark's indented code block): each code line stays a line, as a fenced block's do, so
a manual's code reads as code under html2text as under markdownify and the text browsers
(bench/dumptypes.py: a documentation page is typed by its code lines)."""
from __future__ import annotations

import pytest

from cleanfeed.text.markdown import blocks

# class: html2text's `<pre>` (blank lines of spaces around a block indented by four)
HTML2TEXT_PRE = ["Install it:", "", "    ", "    ", "    import scrapindex", "    ", "    client = Client(key)",
                 "    for p in client.latest():", "        print(p.grade)", "    ", "", "Then ask for prices."]


@pytest.mark.xfail(strict=True, reason="not yet")
def test_an_indented_code_block_keeps_its_lines() -> None:
    assert blocks(HTML2TEXT_PRE) == ["Install it:", "import scrapindex", "client = Client(key)",
                                     "for p in client.latest():", "print(p.grade)", "Then ask for prices."]


def test_a_list_item_wrapped_by_html2text_is_one_item() -> None:
    # class: html2text's wrapped list item (continuation indented, no blank line): not code
    assert blocks(["  * Copper cathode premiums rose for a third week as smelters", "    restocked ahead of winter",
                   "  * Brass mills slowed"]) == [
        "Copper cathode premiums rose for a third week as smelters restocked ahead of winter", "Brass mills slowed"]


def test_a_loose_list_items_second_paragraph_is_no_code() -> None:
    # class: a loose list, an item's second paragraph indented under it after a blank line: CommonMark reads it
    # as the item's paragraph
    assert blocks(["  * First point of the item", "", "    its second paragraph goes on here", "", "Next."]) == [
        "First point of the item", "its second paragraph goes on here", "Next."]
