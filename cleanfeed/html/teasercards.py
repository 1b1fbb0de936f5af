"""Other stories' teaser cards under a story: a headline link over a blurb, again and again.

A portal prints under a short story, inside the story's own box and with no heading, a list of its other
stories: each a headline that is a link and a sentence or two of blurb (`<li><h4><a>…</a></h4><p>…</p></li>`,
or the link and the blurb on one line, `<li><a>…</a><span>…</span></li>`). The link-density rule drops the
headlines and leaves the blurbs, which read as prose: a two-paragraph flash came out as a third of its text
(own pages tests/pages/zhportals/teaser-blurbs-flash*.html, P 0.34 / 0.42). A run of MIN_CARDS cards or more
after the story's first paragraph, with nothing but cards, images and short lines after it, is the list.

Chinese cards only: on English pages the same shape is often the story's own (a product roundup, a list of
linked sections with a sentence each). Tried on every language first, against the same code without it
(bench/extraction.py, folds of bench/folds.json): aeb-en f0 +0.0021 (1 page), but wcxb-dev-en f3 −0.0016
(one page −0.43), f4 −0.0004 (−0.07), wcxb-dev-other f0 −0.0045 (−0.18), f3 (−0.56); the Chinese sets did
not move either way.
"""
from __future__ import annotations

from collections.abc import Sequence

from cleanfeed.html.blocks import Block
from cleanfeed.html.pagetype import mostly_cjk

MIN_CARDS = 3
MAX_HEADLINE = 60        # characters of a teaser's headline link
MAX_BLURB = 160          # characters of a blurb: a story's paragraph is longer, or not alone
MAX_SHORT = 40           # characters of a line after the cards that is no prose (a `more` link, a date)
PROSE = 40               # characters of a paragraph with few links that opens the story (a flash's are short)


def teaser_cards(blocks: Sequence[Block]) -> set[int]:
    """Indices of the headline and blurb blocks of a trailing run of teaser cards (none when there is no
    such run, or prose follows it)."""
    start = next((i for i, b in enumerate(blocks) if b.kind == "p" and len(b.text) >= PROSE
                  and b.link_density < 0.2 and not (i and _headline_link(blocks[i - 1]))), None)
    if start is None:
        return set()
    cards: list[int] = []
    count = 0                                # cards, not linked blocks: a blurb may hold a small link
    i = start + 1
    while i < len(blocks):
        width = _card_at(blocks, i)
        if width:
            cards += range(i, i + width)
            count += 1
            i += width
        elif blocks[i].kind == "img" or len(blocks[i].text) <= MAX_SHORT or blocks[i].link_density >= 0.5:
            i += 1
        elif cards:
            return set()                     # prose after the cards: they are the story's own
        else:
            i += 1
    if count < MIN_CARDS or not mostly_cjk("".join(blocks[k].text for k in cards)):
        return set()
    return set(cards)


def _card_at(blocks: Sequence[Block], i: int) -> int:
    """How many blocks the teaser card at `i` spans: 2 (a headline link, then its blurb), 1 (a list item
    opening with its headline link and going on with the blurb) or 0 (no card)."""
    block = blocks[i]
    if _headline_link(block) and i + 1 < len(blocks) and _blurb(blocks[i + 1]):
        return 2
    if block.kind == "li" and block.html.startswith("<a") and 0.15 <= block.link_density <= 0.6 \
            and len(block.text) <= MAX_HEADLINE + MAX_BLURB and _reads_as_blurb(block.text[block.link_chars:]):
        return 1
    return 0


_CLAUSE_MARKS = "，。；！？、,.;!?"
MIN_BLURB = 20           # characters: a sentence or two, not a reply's `【name】08-11 16:58 138字 [140/0]`


def _reads_as_blurb(text: str) -> bool:
    """A sentence or two of prose: long enough and holding a clause mark (a forum's reply line, the poster's
    name, a date and counts after the reply's linked title, holds none)."""
    text = text.strip()
    return len(text) >= MIN_BLURB and any(mark in text for mark in _CLAUSE_MARKS)


def _headline_link(block: Block) -> bool:
    return block.kind != "img" and 0 < len(block.text) <= MAX_HEADLINE and block.link_density >= 0.9


def _blurb(block: Block) -> bool:
    return block.kind in ("p", "li") and len(block.text) <= MAX_BLURB and block.link_density < 0.2 \
        and _reads_as_blurb(block.text)
