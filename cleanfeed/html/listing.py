"""Pages whose content is a list of items (a category page, a job board, a product grid, a forum index):
when no block of the page reads as an article, the content is its longest run of repeated items, each
a link with its title and blurb, which the article filters would drop as link lists.

An item is a child of one parent sharing its tag and class words (digits aside) with at least two
others, holding a link and some text; the run with the most text wins. Only a fallback: on an article
page the prose root wins and this is never asked.

The same run types a page: a page that says nothing of itself and whose text is mostly a grid of item
cards (`card_stats`, `reads_as_cards`) is a listing before its root is read, so it gets the listing's
profile (html/profiles.py) and is read as its list when that holds more text than its root.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html

from cleanfeed.html.measure import MIN_PROSE_UNIT, unit_size
from cleanfeed.html.pagetype import declares_article, mostly_cjk

MIN_ITEMS = 3             # fewer is not a list
MIN_ITEM_TEXT = 15        # characters: a title of two or three words
MIN_LIST_TEXT = 150       # characters in all the items together


def repeated_items(body: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The longest run of sibling items of one kind that each hold a link and text, in document order;
    [] when the page has none."""
    best: list[lxml.html.HtmlElement] = []
    best_size = MIN_LIST_TEXT - 1
    for parent in body.iter():
        if len(parent) < MIN_ITEMS or not isinstance(parent.tag, str):
            continue
        groups: dict[str, list[lxml.html.HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                groups[_signature(child)].append(child)
        for members in groups.values():
            if len(members) < MIN_ITEMS:
                continue
            sizes = [len(m.text_content().strip()) for m in members]
            items = [m for m, n in zip(members, sizes, strict=True)
                     if n >= MIN_ITEM_TEXT and (m.tag == "a" or m.find(".//a") is not None)]
            size = sum(len(m.text_content().strip()) for m in items)
            if len(items) >= MIN_ITEMS and size > best_size:
                best, best_size = items, size
    return best


def _signature(el: lxml.html.HtmlElement) -> str:
    words = sorted(w for w in (el.get("class") or "").split() if not any(ch.isdigit() for ch in w))
    return ".".join([el.tag, *words])


@dataclass(frozen=True)
class CardStats:
    """How much a page reads as a grid of item cards (measured after chrome removal) — of its longest run
    of repeated items (`repeated_items`): how many, their share of the page's text and their text, the
    median item's text, the share that open with a title link and the share that open one page of the
    site; and the longest run of prose outside them (units of 60+ characters under one parent)."""
    items: int
    text_share: float
    items_text: int
    prose_run: int
    median_item: int
    titled: float
    internal: float


# A page that says nothing of itself reads as a grid of item cards (a blog's index, a category, a shop's
# collection) when at least MIN_ITEMS items hold CARDS_SHARE of the page's text, most of them
# (TITLED_SHARE) open with a title link, the median one holds under CARD_TEXT characters (a title and a
# blurb, not a listicle's sections), each opens one page of the site (HOME_SHARE: a list of sources links
# out, a sidebar's boxes link many pages), and no run of prose outside them is longer than PROSE_RUN
# characters or than the cards (an article's related-posts grid sits under the article's prose). Round
# numbers, chosen on wcxb-dev-other folds f0/f1 and the article sets: held-out (bench/heldout.py, fold
# models) page type right 296 -> 308 of 704 (every fold up), no article of the five article sets typed
# otherwise, wcxb-dev-other F1 +0.0012, the article sets unchanged. The CARD_LINKS limit keeps a short
# blog post with three sidebar boxes an article (htmldate-dev); it costs two unread-fold pages (f3 -0.0019).
CARDS_SHARE = 0.5
TITLED_SHARE = 0.5
CARD_TEXT = 600
HOME_SHARE = 0.8
PROSE_RUN = 500


def card_page(body: lxml.html.HtmlElement, kinds: tuple[str, ...], url: str | None) -> bool:
    """A page that does not say it is an article (`kinds`: its JSON-LD and og types) and is not mostly
    Chinese reads as a grid of item cards. Chinese portals set their stories among link lists (as for
    pagetype.list_factor): without this, one cwced-zh and one daniel-zh-dev article pass `reads_as_cards`."""
    if declares_article(kinds):
        return False
    text = body.text_content()                # read once: the script test and the cards' share of it
    if mostly_cjk(text):
        return False
    items = repeated_items(body)
    # What reads_as_cards asks first, from the items alone: MIN_ITEMS of them holding CARDS_SHARE of the
    # page's text. 57 of the 66 pages of bench/speed.py's dev sample that get here fail it, and 118 of 124 of
    # its --small pages: the rest of their statistics (a walk of the whole body for its prose runs, every
    # item's links) was read for nothing.
    if len(items) < MIN_ITEMS or sum(len(m.text_content().strip()) for m in items) / (len(text.strip()) or 1) \
            < CARDS_SHARE:
        return False
    return reads_as_cards(card_stats(body, url, text, items))


def reads_as_cards(stats: CardStats) -> bool:
    """The page is a grid of item cards, not an article (see the constants above)."""
    return (stats.items >= MIN_ITEMS and stats.text_share >= CARDS_SHARE and stats.titled >= TITLED_SHARE
            and stats.median_item <= CARD_TEXT and stats.internal >= HOME_SHARE
            and stats.prose_run < min(PROSE_RUN, stats.items_text))


def card_stats(body: lxml.html.HtmlElement, url: str | None = None, text: str | None = None,
               items: list[lxml.html.HtmlElement] | None = None) -> CardStats:
    """The card-grid features of `body` (see CardStats); `url`, the page's address, tells which links stay
    on the site; `text`, the body's text, and `items`, its `repeated_items`, when the caller has them already."""
    items = repeated_items(body) if items is None else items
    total = len((body.text_content() if text is None else text).strip()) or 1
    if not items:
        return CardStats(0, 0.0, 0, _prose_run(body, frozenset()), 0, 0.0, 0.0)
    sizes = [len(m.text_content().strip()) for m in items]
    inside = frozenset(el for m in items for el in m.iter())
    host = _host(url)
    return CardStats(
        items=len(items),
        text_share=sum(sizes) / total,
        items_text=sum(sizes),
        prose_run=_prose_run(body, inside),
        median_item=sorted(sizes)[len(sizes) // 2],
        titled=sum(_titled(m) for m in items) / len(items),
        internal=sum(_links_home(m, host) for m in items) / len(items),
    )


def _prose_run(body: lxml.html.HtmlElement, skip: frozenset[lxml.html.HtmlElement]) -> int:
    """The most prose (units of MIN_PROSE_UNIT+ characters: paragraphs, text-bearing blocks) that sits in
    the children of one parent, outside the items in `skip`."""
    runs: dict[lxml.html.HtmlElement, int] = defaultdict(int)
    for el in body.iter("p", "div", "td", "section", "article"):
        if el in skip:
            continue
        n = unit_size(el)
        parent = el.getparent()
        if n >= MIN_PROSE_UNIT and parent is not None:
            runs[parent] += n
    return max(runs.values(), default=0)


MIN_TITLE = 12      # characters of a card's title link: two or three words
TITLE_WITHIN = 40   # characters before it at most: a kicker or a date ("Webcam", "12 March 2024")


def _titled(item: lxml.html.HtmlElement) -> bool:
    """The item opens with its title, a link of a few words (a card's headline), not a paragraph that
    links a phrase in its middle. A paragraph is never a card, and neither is a bare link (a teaser of a
    carousel beside a short article: tests/test_html_roots.py)."""
    if item.tag in ("p", "a"):
        return False
    text = " ".join(item.text_content().split())
    for a in item.iter("a"):
        title = " ".join(a.text_content().split())
        if len(title) >= MIN_TITLE:
            return 0 <= text.find(title) <= TITLE_WITHIN
    return False


def _host(url: str | None) -> str:
    """The host of `url` without `www.`; "" for a relative address or a broken one."""
    try:
        return (urlsplit(url or "").hostname or "").removeprefix("www.")
    except ValueError:
        return ""


CARD_LINKS = 3     # addresses a card links at most: its page, and maybe its section and author


def _links_home(item: lxml.html.HtmlElement, host: str) -> bool:
    """The item opens one page of the same site: its first link is relative or on the page's host, and
    it links at most CARD_LINKS addresses. A listing's cards open its own pages; a list of sources links
    out, and a sidebar's box (archives, recent comments, a calendar) links many pages."""
    hrefs = [h for a in item.iter("a") if (h := (a.get("href") or "").strip())
             and not h.startswith(("#", "javascript:", "mailto:"))]
    if not hrefs or len(set(hrefs)) > CARD_LINKS:
        return False
    return _host(hrefs[0]) in ("", host) if "//" in hrefs[0] else True
