"""Two readings of one page's root that check each other (html/score.py): the root chosen with every text
counted once against the one chosen with a list item's text counted twice, and the widening of a short
story that must not swallow a list of teasers. Pure functions over lxml elements."""
from __future__ import annotations

import lxml.html

from cleanfeed.html.measure import text_length
from cleanfeed.model import inside

# A list item whose text is in `<p>`s used to score for itself and again through its `<p>`s, so a list of
# teaser cards with a blurb each, or of readers' posts, outscored the story beside it and became the whole
# article (P = R = 0). The root is now chosen with every text counted once, as Readability does, and
# agreed with the old choice: when the two roots nest, the outer one is taken when what it adds to the
# inner one is text, not links (under OUTER_LINKS of it in links: a menu, a related box and a footer are
# mostly links), so a how-to whose steps are `li > p` keeps its steps' container. Unrelated roots: the
# once-counted one. Held-out (fold models, base 1629cea): mozilla-multi +0.0133 (unread f2 +0.0332, f4
# +0.0330; 3 pages up from 0, 0.50 and 0.00, none down), wcxb-dev-en +0.0003, wcxb-dev-other +0.0007
# (unread f3 +0.0034, f4 +0.0009, f2 -0.0006: one page whose story is split between a list and a div),
# aeb-en and the Chinese sets unchanged; with `mostly_teasers` below, wcxb-dev-other f2 +0.0015 too.
OUTER_LINKS = 0.25


def prefers_twice(once: lxml.html.HtmlElement, twice: lxml.html.HtmlElement) -> bool:
    """The root chosen with a list item's text counted twice is kept over the one chosen with every text
    counted once when the two nest and the outer one adds only links, or when it is the outer one and
    adds text: the two methods agree on where the story is, and disagree only on how far it goes."""
    if inside(once, twice):
        return _takes_outer(twice, once)
    return inside(twice, once) and not _takes_outer(once, twice)


def _takes_outer(outer: lxml.html.HtmlElement, inner: lxml.html.HtmlElement) -> bool:
    """What `outer` holds beyond `inner` is text with few links in it."""
    size = text_length(outer) - text_length(inner)
    links = sum(text_length(a) for a in outer.iter("a")) - sum(text_length(a) for a in inner.iter("a"))
    return size > 0 and links < OUTER_LINKS * size


# On a page that says it is an article, a short story is not widened over a list of teasers: when most of
# the prose the ancestor adds is in list items holding a link (other pages' headlines with their blurbs),
# the ancestor is no page of sections. Held-out (fold models): wcxb-dev-other +0.0004 (unread f2 +0.0021,
# precision), every other set and fold unchanged.
def mostly_teasers(anc: lxml.html.HtmlElement, top: lxml.html.HtmlElement,
                   prose: dict[lxml.html.HtmlElement, int]) -> bool:
    """Most of the prose `anc` adds to `top` is in list items that hold a link: teasers of other pages."""
    extra = prose.get(anc, 0) - prose.get(top, 0)
    linked = sum(prose.get(li, 0) for li in anc.iter("li")
                 if li.find(".//a") is not None and not inside(li, top)
                 and not any(a.tag == "li" for a in li.iterancestors()))
    return linked >= 0.5 * extra
