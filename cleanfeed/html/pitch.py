"""A pitch box inside the article's root: a newsletter sign-up, a donation ask, a rating widget printed in
the last half of the root (`<div class="wp-block-group">` under the story: "If you liked this, subscribe to
our newsletter …"). The sibling scorer weighs pitch words in the blocks beside the root
(html/siblings.py); this finds the same class inside it, where the scorer never looks.

A box is a pitch when it is short (30–1,000 characters), holds two or more pitch words
(`html_words.toml` `pitch`: subscribe, newsletter, donate, inbox, …), speaks to the reader (`you`,
`your`) and starts after half of the root's text. Held-out (5 site-disjoint folds, bench/heldout.py):
wcxb-dev-en +0.0002 F1 (precision +0.0003), on folds whose pages were not read for it too; no set down
by more than 0.0001.
"""
from __future__ import annotations

import re

import lxml.html

from cleanfeed.html.siblings import pitch_words
from cleanfeed.model import inside

BOX_TAGS = ("div", "section", "aside", "form", "footer")
MIN_ROOT_TEXT = 500        # characters: a root this short is all story, nothing to trim
BOX_TEXT = (30, 1000)      # characters: a sign-up box with its blurb, never a section of the story
MIN_PITCH_WORDS = 2        # one `subscribe` is a story's word; two (`subscribe` + `inbox`) is an ask
TAIL_FROM = 0.5            # share of the root's text before the box: 0.7 lost a page of held-out fold f2
_READER = re.compile(r"\b(you|your)\b", re.I)


def is_pitch_box(text: str) -> bool:
    """Short, two pitch words or more, and addressed to the reader."""
    return BOX_TEXT[0] <= len(text) <= BOX_TEXT[1] and pitch_words(text) >= MIN_PITCH_WORDS and bool(
        _READER.search(text))


def drop_pitch_boxes(root: lxml.html.HtmlElement) -> list[str]:
    """Remove the pitch boxes in the last half of `root` (the working copy); their texts, for `--explain`."""
    total = root.text_content()
    if len(total) < MIN_ROOT_TEXT:
        return []
    dropped = []
    for el in list(root.iter(*BOX_TAGS)):
        if el is root or el.getparent() is None or not inside(el, root):
            continue
        raw = el.text_content()
        # Where the box starts first: most boxes (the page wrappers among them) start in the first half,
        # and folding the whitespace of a wrapper's whole text cost more than the rest of this walk.
        if len(raw) < BOX_TEXT[0] or total.find(raw[:60]) < TAIL_FROM * len(total):
            continue                           # (folding whitespace only shortens a text)
        text = " ".join(raw.split())
        if is_pitch_box(text):
            dropped.append(text)
            el.drop_tree()
    return dropped
