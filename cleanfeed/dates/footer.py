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
from cleanfeed.dates.dumpdays import label_ends
from cleanfeed.dates.layout import Tags
from cleanfeed.dates.resolve import Resolved, resolve
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import DateContext
from cleanfeed.rules.html_words import role_names

_FOOTER_MARK = re.compile(r"footer|pied-de-page|(?<![a-z])pied(?![a-z])")
FOOTER_DEPTH = 3        # a site footer is the body's last child, or within its last children this many levels down
LAST_CHILDREN = 4       # children looked at per element, from the end: a footer follows the content
_DIGIT = re.compile(r"[0-9]")
FOOTER_LINE = 160       # a last-change line is short; a footer paragraph of prose (an address, a disclaimer) is not
MAX_PIECES = 80         # text pieces read per page: a footer with more is a site map, read no further
# A site's own stamp (`Site last updated 28 October 2022`, `Website zuletzt aktualisiert …`), not this page's.
_SITE = re.compile(r"\b(?:web\s?)?site\b|\bsitio\b|\bwebseite\b", re.I)


def _is_footer(el: Any) -> bool:
    marks = role_names(f"{el.get('id') or ''} {el.get('class') or ''}".lower())
    return el.tag == "footer" or _FOOTER_MARK.search(marks) is not None


_OWNERS = ("article", "aside", "blockquote")     # the elements whose <footer> is theirs, not the page's


def _owned_by_page(footer: Any, first_article: Any) -> bool:
    """A `<footer>` of the site (in no article, aside or quote) or of the page's first article (in no other);
    one in a quote is its attribution, one in a nested or later article a related story's card or a comment
    (`<article class="comment"><footer>last edited 7 May 2021`): their dates are not this page's change."""
    owner = next(footer.iterancestors(*_OWNERS), None)
    return owner is None or (owner is first_article and next(owner.iterancestors(*_OWNERS), None) is None)


def footer_boxes(doc: Any, tags: Tags | None = None) -> list[Any]:
    """The site footers: `<footer>` elements (the site's, or the page's first article's: `_owned_by_page`), and
    the elements named a footer by id or class (`<div id="footer">`, `site-footer`, `pied-de-page`) among the
    body's last children a few levels down; none inside another. A walk of a few elements from the end, not a
    search of the whole page (an XPath over every element's class cost 0.4-0.7 ms a page on htmldate-dev).
    `tags`: the page's `<footer>`s and `<article>`s from the engine's one walk (layout.tags_of), so that this
    walks the page for neither."""
    body = next(doc.iter("body"), None)
    if body is None:
        return []
    footers, articles = (tags.footers, tags.articles) if tags is not None else (doc.iter("footer"), doc.iter("article"))
    first_article = next(iter(articles), None)
    found = [el for el in footers if _owned_by_page(el, first_article)]
    level = [body]
    for _ in range(FOOTER_DEPTH):
        level = [c for n in level for c in n[-LAST_CHILDREN:] if isinstance(c.tag, str)]
        found += [c for c in level if c.tag != "footer" and _is_footer(c)]
    chosen = set(found)
    boxes = [el for el in found if not any(a in chosen for a in el.iterancestors())]
    feet = [*map(stamp_over, boxes), article_foot(first_article)]
    return [*boxes, *(el for el in feet if el is not None and el not in chosen)]


STAMP_BOX = 120         # characters: a box over the footer that holds a stamp line, not a story or a list


def article_foot(article: Any) -> Any | None:
    """The first `<article>`'s last element when it is a short box after the story (`<div class="page-info"><dl>
    <dt>Last revised</dt><dd>3 February 2025</dd>…`): the page's own stamp box at the story's foot. Not a quote,
    a nested article or an aside, nor a box holding one (a related card's or a comment's stamp, a quote's
    attribution: `_owned_by_page`; `_short_box`)."""
    if article is None:
        return None
    last = next((c for c in reversed(article) if isinstance(c.tag, str)), None)
    return last if last is not None and _short_box(last) else None


_NOT_STAMPS = (*_OWNERS, "figure", "li", "h2", "h3", "h4")     # a quote, a card, a list, a box with a heading


def _short_box(el: Any) -> bool:
    """A box of a line or two that is no quote, aside, nested article, figure, list or headed box (a sidebar's
    `Latest` list, each teaser with its `Updated …`)."""
    return el.tag not in (*_UNSHOWN, *_NOT_STAMPS) and next(el.iter(*_NOT_STAMPS), None) is None \
        and len(" ".join(el.text_content().split())) <= STAMP_BOX


def stamp_over(footer: Any) -> Any | None:
    """The element right above a site footer when it is a short box of its own (`<div class="page-stamp"><p>This
    page was updated on February 27, 2025.</p></div>` between the related list and the footer): the page's
    stamp line printed at the foot of the page, outside the footer's markup. None for anything longer."""
    prev = footer.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev if prev is not None and _short_box(prev) else None


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


LABEL_ALONE = 24        # `Last revised`, `Zuletzt aktualisiert`: a label printed apart from its date, no more


def labels_with_dates(pieces: list[str]) -> list[str]:
    """The text pieces with an update label alone in its piece joined to the piece after it (`<dt>Last
    revised</dt><dd>3 February 2025</dd>`: two text nodes, one stamp)."""
    out = []
    for k, piece in enumerate(pieces):
        label = " ".join(piece.split()).strip(" :：")
        if k + 1 < len(pieces) and label and len(label) <= LABEL_ALONE and not _DIGIT.search(label) \
                and _DIGIT.search(pieces[k + 1]) and label_ends(label.lower()):
            piece = f"{label}: {pieces[k + 1]}"
        out.append(piece)
    return out


def footer_update(doc: Any, language: str, tags: Tags | None = None) -> Clue | None:
    """The first update-labelled date with a year on a short line of a footer, unless the line calls it the
    site's."""
    read = 0
    for box in footer_boxes(doc, tags):
        for piece in labels_with_dates(shown_text(box)):
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


def footer_change(doc: Any, ctx: DateContext, published: Resolved, tags: Tags | None = None) \
        -> tuple[Clue, Resolved] | None:
    """The last change a site footer prints (footer.footer_update), when it is not before the publication: a
    template's stale stamp (`Last modified: January 4, 2019` under a post of 2021) is no change of this page."""
    clue = footer_update(doc, ctx.language, tags)
    got = resolve(clue.mention, ctx) if clue is not None else None
    if clue is None or not isinstance(got, Resolved) or got.problem is not None or before(got, published):
        return None
    return clue, got


__all__ = ["FOOTER_LINE", "footer_boxes", "footer_change", "footer_update"]
