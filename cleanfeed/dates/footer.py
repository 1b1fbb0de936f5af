"""The page's last change as its site footer prints it: `Page last modified: 12 April 2021`, a wiki's `This page
was last edited on 3 March 2021, at 14:02` or `Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr
geändert`, `Dernière modification le 16 juin 2022`.

Footers never count for the publication (their dates are the site's: copyright years, teasers, a date bar).
The whole-page scan (`scan.page_clues`) reads a labelled date in a footer when nothing better was found; beside a
publication from the header or the metadata it does not run, so a page whose only update stamp is the footer's
showed none. `footer_update` is that one line, looked for only then (`footer_change`, from engine.find_dates):
an update label opening a short line in a footer container, its first date with a year.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from cleanfeed.dates.arbitrate import before
from cleanfeed.dates.cjk import normalize
from cleanfeed.dates.clues import PAGE, UPDATED, Clue, read_line
from cleanfeed.dates.resolve import Resolved, resolve
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import DateContext

_FOOTER_MARK = re.compile(r"footer|pied-de-page|(?<![a-z])pied(?![a-z])")
FOOTER_DEPTH = 3        # a site footer is the body's last child, or within its last children this many levels down
LAST_CHILDREN = 4       # children looked at per element, from the end: a footer follows the content
_DIGIT = re.compile(r"[0-9]")
FOOTER_LINE = 160       # a last-change line is short; a footer paragraph of prose (an address, a disclaimer) is not
MAX_PIECES = 80         # text pieces read per page: a footer with more is a site map, read no further
# A site's own stamp (`Site last updated 28 October 2022`, `Website zuletzt aktualisiert …`), not this page's.
_SITE = re.compile(r"\b(?:web\s?)?site\b|\bsitio\b|\bwebseite\b", re.I)


def _is_footer(el: Any) -> bool:
    marks = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return el.tag == "footer" or _FOOTER_MARK.search(marks) is not None


_OWNERS = ("article", "aside", "blockquote")     # the elements whose <footer> is theirs, not the page's


def _owned_by_page(footer: Any, first_article: Any) -> bool:
    """A `<footer>` of the site (in no article, aside or quote) or of the page's first article (in no other);
    one in a quote is its attribution, one in a nested or later article a related story's card or a comment
    (`<article class="comment"><footer>last edited 7 May 2021`): their dates are not this page's change."""
    owner = next(footer.iterancestors(*_OWNERS), None)
    return owner is None or (owner is first_article and next(owner.iterancestors(*_OWNERS), None) is None)


def footer_boxes(doc: Any) -> list[Any]:
    """The site footers: `<footer>` elements (the site's, or the page's first article's: `_owned_by_page`), and
    the elements named a footer by id or class (`<div id="footer">`, `site-footer`, `pied-de-page`) among the
    body's last children a few levels down; none inside another. A walk of a few elements from the end, not a
    search of the whole page (an XPath over every element's class cost 0.4-0.7 ms a page on htmldate-dev)."""
    body = next(doc.iter("body"), None)
    if body is None:
        return []
    first_article = next(doc.iter("article"), None)
    found = [el for el in doc.iter("footer") if _owned_by_page(el, first_article)]
    level = [body]
    for _ in range(FOOTER_DEPTH):
        level = [c for n in level for c in n[-LAST_CHILDREN:] if isinstance(c.tag, str)]
        found += [c for c in level if c.tag != "footer" and _is_footer(c)]
    chosen = set(found)
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


# The text a reader sees in a footer: no script, style or template source (`var note = 'Last modified: …'`).
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]",
                          smart_strings=False)
_ALL_TEXT = etree.XPath(".//text()", smart_strings=False)
_UNSHOWN = ("script", "style", "template")


def shown_text(box: Any) -> list[str]:
    """`_SHOWN_TEXT` of `box`. A box with no script, style or template in it or around it (most footers) has
    nothing to leave out, and all its text is asked without the per-node look up its ancestors (a footer of
    link columns: 0.2 → 0.1 ms)."""
    if next(box.iter(*_UNSHOWN), None) is None and next(box.iterancestors(*_UNSHOWN), None) is None:
        return list(_ALL_TEXT(box))
    return list(_SHOWN_TEXT(box))


def footer_update(doc: Any, language: str) -> Clue | None:
    """The first update-labelled date with a year on a short line of a footer, unless the line calls it the
    site's."""
    read = 0
    for box in footer_boxes(doc):
        for piece in shown_text(box):
            read += 1
            if read > MAX_PIECES:
                return None
            if not _DIGIT.search(piece):
                continue
            text = normalize(" ".join(piece.split()))
            if len(text) > FOOTER_LINE or vocab().updated.search(text.lower()) is None:
                continue
            for dated in read_line(text, language, relative=False):
                if dated.label == UPDATED and dated.mention.has_year and not _SITE.search(
                        text, 0, dated.mention.start):
                    return Clue(dated.mention, "footer", UPDATED, PAGE, 0, 90_000 + read, text)
    return None


def footer_change(doc: Any, ctx: DateContext, published: Resolved) -> tuple[Clue, Resolved] | None:
    """The last change a site footer prints (footer.footer_update), when it is not before the publication: a
    template's stale stamp (`Last modified: January 4, 2019` under a post of 2021) is no change of this page."""
    clue = footer_update(doc, ctx.language)
    got = resolve(clue.mention, ctx) if clue is not None else None
    if clue is None or not isinstance(got, Resolved) or got.problem is not None or before(got, published):
        return None
    return clue, got


__all__ = ["FOOTER_LINE", "footer_boxes", "footer_change", "footer_update"]
