"""`pagetype.microdata_kinds` finds the elements that carry an `itemtype` through the attributes (`//@itemtype`,
each value's element), no longer through a predicate asked of every element (`//*[@itemtype]`). The elements and
the kinds must be the old ones: nested items, an empty or spaced `itemtype`, one on `<html>` itself, none."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.html.pagetype import _ITEMTYPES, microdata_kinds

_PAGES = [
    "<html><body><p>No microdata.</p></body></html>",
    "<html itemscope itemtype='https://schema.org/QAPage'><body><div itemprop='mainEntity'>Q</div></body></html>",
    "<html><body><div itemscope itemtype='http://schema.org/Product/'><div itemscope itemtype='https://schema.org/"
    "Review'><span itemtype=''>x</span></div></div><div itemtype=' https://schema.org/DiscussionForumPosting  "
    "https://schema.org/Thing '>post</div></body></html>",
    "<html><body><article itemscope itemtype='https://schema.org/NewsArticle'><div itemscope "
    "itemtype='https://schema.org/Product'>inside</div></article><aside itemtype='product'>side</aside>"
    "</body></html>",
]


@pytest.mark.parametrize("html", _PAGES)
def test_the_elements_of_the_old_predicate(html: str) -> None:
    doc = lxml.html.document_fromstring(html)
    assert [value.getparent() for value in _ITEMTYPES(doc)] == doc.xpath("//*[@itemtype]")


def test_the_kinds() -> None:
    kinds = [microdata_kinds(lxml.html.document_fromstring(html)) for html in _PAGES]
    assert kinds == [(), ("qapage",), ("product", "discussionforumposting"), ("product",)]
