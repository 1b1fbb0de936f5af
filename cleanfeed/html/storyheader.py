"""A `<header>` element that belongs to the story, not to the page.

`<header>` without an `<h1>` is chrome by its tag (hints.py): the site's banner, a card's title bar. Two
kinds of `<header>` are the story's own text, though: the standfirst box of an article whose headline sits
elsewhere (`<header>New research investigates when the "a-ha!" moment occurs …</header>` under the
`<h1>`), and the heading of one section of a long page (`<section><header><h2>Features and tools</h2>`).
Held-out (fold models, bench/heldout.py): wcxb-dev-other +0.0007 (unread f3 +0.0032, f4 +0.0003),
wcxb-dev-en +0.0002 (f1 +0.0006, unread f3 +0.0003), mozilla-multi +0.0003 (f1 +0.0013), no set or fold down.
"""
from __future__ import annotations

import lxml.html

from cleanfeed.html.measure import element_text, link_density
from cleanfeed.text.lines import has_sentence

MIN_LEAD = 100             # characters of a standfirst: a sentence or two, longer than a site's tagline
MAX_LEAD_LINKS = 0.2       # share of the text in links: a banner's menu and logo are links
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def story_header(el: lxml.html.HtmlElement) -> bool:
    """`el` (a `<header>` without `<h1>`) is a standfirst (MIN_LEAD+ characters holding a sentence, under
    MAX_LEAD_LINKS in links, no form or navigation in it) or a section's heading (one `h2`–`h6` without a
    link, inside a `<section>` or `<article>`)."""
    text = " ".join(element_text(el).split())
    if not text:
        return False
    if el.find(".//nav") is not None or el.find(".//form") is not None:
        return False
    if len(text) >= MIN_LEAD and has_sentence(text) and link_density(el) < MAX_LEAD_LINKS:
        return True
    kids = [c for c in el if isinstance(c.tag, str)]
    return (len(kids) == 1 and kids[0].tag in _HEADINGS and not (el.text or "").strip()
            and el.find(".//a") is None and any(a.tag in ("section", "article") for a in el.iterancestors()))
