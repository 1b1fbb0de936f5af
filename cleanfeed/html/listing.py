"""Pages whose content is a list of items (a category page, a job board, a product grid, a forum index):
when no block of the page reads as an article, the content is its longest run of repeated items, each
a link with its title and blurb, which the article filters would drop as link lists.

An item is a child of one parent sharing its tag and class words (digits aside) with at least two
others, holding a link and some text; the run with the most text wins. Only a fallback: on an article
page the prose root wins and this is never asked.
"""
from __future__ import annotations

from collections import defaultdict

import lxml.html

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
