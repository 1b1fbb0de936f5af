"""Lists whose items are mostly prose: their link items are points of the text too.

A list of the article's points sometimes names a point by its link alone (`Bug 1677080 – Fullscreen window
…`, `Here's our year in review!`) beside items that are sentences with a link in them. The link-density rule
would keep the sentences and drop the links, tearing the list. A menu, a related box or a list of sources
is links only, and stays subject to the rule.

Held-out (fold models, bench/heldout.py, against the same code without it): mozilla-multi +0.0023 (R +0.0035;
f1 +0.0067, unread f2 +0.0046), wcxb-dev-other +0.0003 (unread f2 +0.0011), wcxb-dev-en +0.0001 (unread f4
+0.0005), cwced-zh +0.0001, aeb-en −0.0000 (unread f3 −0.0003), daniel-zh-dev level.
"""
from __future__ import annotations

from collections.abc import Sequence

from cleanfeed.html.blocks import Block

PROSE_ITEM = 40          # characters of an item with few links that reads as a point of the text
MIN_PROSE_ITEMS = 2


def mixed_list_items(blocks: Sequence[Block]) -> set[int]:
    """Indices of the link-heavy items of lists in which at least half the items, and MIN_PROSE_ITEMS or
    more, are prose (PROSE_ITEM characters or more, under half of them in links)."""
    lists: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        if block.kind == "li" and block.list_id:
            lists.setdefault(block.list_id, []).append(i)
    out: set[int] = set()
    for members in lists.values():
        prose = [i for i in members if len(blocks[i].text) >= PROSE_ITEM and blocks[i].link_density < 0.5]
        if len(prose) >= MIN_PROSE_ITEMS and 2 * len(prose) >= len(members):
            out.update(i for i in members if blocks[i].link_density >= 0.5)
    return out
