"""A root deep in a story's outline: the story is the outermost `<section>` of that outline.

HTML5 outlines nest: a `<section>` per part of a story holds the part's heading, its paragraphs and the
`<section>`s of its sub-parts (a Prismic or Storyblok slice inside a slice, a long guide whose last part —
the gear list, the steps — is the longest). Readability's scoring then picks the longest part, four or
more `<section>`s below the story, and the sibling scorer, which looks four levels up at most and sees
the earlier parts as loose paragraphs far from the root, leaves the opening of the story out
(tests/pages/families/outline-*: recall 0.56). A root that is a `<section>` climbs through the
`<section>`s holding it while each of them is a part of the same text: what it adds beside the path holds
no page chrome (`nav`, `aside`, `header`, `footer`, `form`), has a heading or paragraph of its own, and is
not mostly links. The climb stops below `<article>`, `<main>` and `<body>`: the blocks beside the
outermost section are then the sibling scorer's to judge, as before.
"""
from __future__ import annotations

import lxml.html

from cleanfeed.html.measure import link_density, text_length

_CHROME = frozenset({"nav", "aside", "header", "footer", "form"})
_PART_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "pre", "dl", "section"})
MAX_PART_LINKS = 0.3        # what a part adds beside the path is text, not a list of links


def outline_root(top: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """`top`, or the outermost `<section>` above it of which every level is a part of the same outline."""
    if top.tag != "section":
        return top
    el = top
    while (parent := el.getparent()) is not None and parent.tag == "section" and _part_of_outline(parent, el):
        el = parent
    return el


def _part_of_outline(parent: lxml.html.HtmlElement, child: lxml.html.HtmlElement) -> bool:
    """`parent` holds `child` and, beside it, only text of the story: headings, paragraphs, lists, nested
    sections (or nothing: a wrapper)."""
    others = [c for c in parent if isinstance(c.tag, str) and c is not child]
    if any(c.tag in _CHROME or next(c.iter(*_CHROME), None) is not None for c in others):
        return False
    size = sum(text_length(c) for c in others)
    if not size:
        return True
    if not any(c.tag in _PART_TAGS for c in others):
        return False
    links = sum(text_length(a) for c in others for a in c.iter("a"))
    return links <= MAX_PART_LINKS * size and link_density(parent) <= MAX_PART_LINKS
