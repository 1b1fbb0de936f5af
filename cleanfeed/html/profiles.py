"""What counts as content on a page that is not an article (html/pagetype.py): a product page's text is
its description and specifications; the customers' reviews and testimonials under it are the shop's
voice of others, as comments are under a story (WCXB's references leave them out). A documentation page's
lists of links (a reference's see-also, a wiki's list of guides) are its text, not navigation, and so are
a listing's (a category's links to its jobs or its sub-categories).

The profile runs after chrome removal, on the working copy, only for the page type it names, so an
article is never touched by it. A type the learned second opinion gives after the root was read
(html/typemodel.py) takes its profile from a second read of the same root (html/article.py).
"""
from __future__ import annotations

from collections.abc import Sequence

import lxml.html
from lxml import etree

from cleanfeed.html.hints import class_id, class_words
from cleanfeed.html.measure import summary_text
from cleanfeed.html.pagetype import mostly_cjk
from cleanfeed.model import Removed

# Class / id words of a block of customer reviews (`product-reviews`, `TestimonialSlider`, `yotpo-review`).
# Held-out: wcxb-dev-other +0.0050 (f0 +0.0064, f1 +0.0128 | unread f2 -0.0001, f3 +0.0050, f4 +0.0011;
# 12 pages up, 1 down); no page of the article sets is typed product, none moved. Without the
# testimonial words: f0 -0.0047 (a shop's "What our clients say" slider became the root again).
_REVIEW_WORDS = frozenset({"review", "reviews", "testimonial", "testimonials"})


# Held-out (fold models, bench/heldout.py), wcxb-dev-other: documentation pages +0.0011 (f0 +0.0008,
# f1 +0.0038 | unread f2 0, f3 +0.0001, f4 +0.0005; 1 page up, none down); listing pages then +0.0023
# (f0 +0.0031, f1 -0.0001 | f2 -0.0007, f3 +0.0041, f4 +0.0054; 7 up, 6 down; wcxb-dev-en -0.00006, its
# one article typed listing). Product and service pages as well: 16 pages down (f0 -0.0032), left out.
# A page the learned type model (html/typemodel.py) types documentation or listing after its root was read
# is read again from the same root with this profile. Held-out (sibling and type models of the page's fold,
# bench/heldout.py --type-models): wcxb-dev-other +0.0023 (P +0.0004, R +0.0042; dev f0 0, f1 +0.0001 |
# f2 +0.0039, f3 +0.0081, f4 -0.0006; 10 pages up, 4 down), no page of the article sets moved.
_LINKS_ARE_TEXT = frozenset({"documentation", "listing"})

# Class / id words of what forum software prints around each post but is not the post: the poster's
# signature (phpBB `signature`, vBulletin `signaturecontainer`'s parent `signature`), the profile column (phpBB
# `postprofile`, others `userinfo`). wcxb-dev-other's dev folds f0/f1, forum pages: 145 signature blocks,
# none in the reference text, 32 of them kept; 36 userinfo blocks, none in the reference, 17 kept.
_POSTER_WORDS = frozenset({"signature", "signatures", "postprofile", "userinfo"})


# A page that does not say it is an article, read as one, whose root lost to the link-dense rule LINKS_OVER_TEXT
# times the text it kept or more is an index of links (a library's subject browse, a council's forms page, a
# job board): it is read as a listing, whose profile keeps its links. Dev folds f0/f1 (ratio of the link-dense
# text dropped from the root to the text kept, pages typed article that declare nothing): wcxb-dev-en articles
# 75 pages, all at 0.23 or under; wcxb-dev-other listing 13 pages, 6 at 0.5 or over (0.56 … 6.7), collection 1 of
# 13, service 3 of 35 (0.96 … 1.58). MIN_LINK_TEXT keeps a short page's menu from deciding. An index holds no
# paragraph of prose (PROSE_PARAGRAPH characters, as article.MIN_PROSE_PARAGRAPH): without that test, of the 9
# dev pages it turned listing, the 4 with such a paragraph went down 3 times (-0.07 … -0.19, one +0.41), the 5
# without went up (+0.25 … +0.63); and two held-out wcxb-dev-en articles (fold f4, paragraphs of 387 and 462
# characters) were typed listing, one losing 0.54. That loss is why the dev pages were looked at again.
# Not for Chinese, Japanese or Korean text (a short news flash's paragraphs are under 200 characters beside a
# portal's link lists): measured on English only, it typed 1 cwced-zh and 2 daniel-zh-dev articles listing
# (-0.09, -0.31, -0.27), as html/listing.py's card rule never types a CJK page by its cards.
LINKS_OVER_TEXT = 0.5
MIN_LINK_TEXT = 200
PROSE_PARAGRAPH = 200


def links_outweigh_text(dropped: Sequence[Removed], kept: Sequence[str]) -> bool:
    """The article reading dropped as link-dense (`dropped`: its removed blocks) LINKS_OVER_TEXT times the text
    it kept (`kept`) or more, and kept no paragraph of prose: the root is a list of links, not a story with a
    few link lines."""
    if any(len(text) >= PROSE_PARAGRAPH for text in kept) or mostly_cjk("".join(kept)):
        return False
    links = sum(len(r.text) for r in dropped if r.rule == "link-dense")
    return links >= MIN_LINK_TEXT and links >= LINKS_OVER_TEXT * sum(map(len, kept))


def links_are_text(kind: str) -> bool:
    """A page of this type keeps its link-dense blocks (html/extract.py `links_ok`)."""
    return kind in _LINKS_ARE_TEXT


def drop_reviews(body: lxml.html.HtmlElement) -> list[Removed]:
    """Remove the blocks of customer reviews from a product page's `body`; never one that holds the
    page's `<h1>` (a wrapper of the whole product, `product-page has-reviews`)."""
    return _drop_named(body, _REVIEW_WORDS, "reviews")


def drop_poster_boxes(body: lxml.html.HtmlElement) -> list[Removed]:
    """Remove the posters' signatures and profile boxes from a forum thread's `body` (`_POSTER_WORDS`)."""
    return _drop_named(body, _POSTER_WORDS, "poster-box")


def _drop_named(body: lxml.html.HtmlElement, words: frozenset[str], rule: str) -> list[Removed]:
    """Remove the blocks whose class or id has one of `words`; never one that holds the page's `<h1>`."""
    doomed: list[lxml.html.HtmlElement] = []
    walker = etree.iterwalk(body, events=("start",))
    for _, el in walker:
        if el is body or not isinstance(el.tag, str) or not _named(el, words):
            continue
        if el.tag != "h1" and el.find(".//h1") is None:
            doomed.append(el)
            walker.skip_subtree()
    removed = [Removed(text, rule) for el in doomed if (text := summary_text(el))]
    for el in doomed:
        el.drop_tree()
    return removed


def _named(el: lxml.html.HtmlElement, words: frozenset[str]) -> bool:
    """`el`'s class or id has one of `words`."""
    names = class_id(el)
    return bool(names) and not words.isdisjoint(class_words(names))
