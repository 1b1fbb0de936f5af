"""Dates printed for readers near the headline: the lines just above and below it and the first text pieces under
it (read by nearhead.py: `lines_near`, `pieces_under`), and boxes whose class or id says date/meta/byline
(`<div class="entry-meta">`), each as a header Clue. The machine-readable fields (JSON-LD, meta, `<time>`) are
html.py's; where the headline is and which regions never count, layout.py's."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from lxml import etree

from cleanfeed.dates.clues import (
    BARE,
    HEADER,
    HINTED,
    LABELLED,
    ORIGINAL,
    UPDATED,
    Clue,
    is_copyright,
    is_date_line,
    is_prose,
    read_line,
    role_of,
)
from cleanfeed.dates.layout import Layout, page_titles, text_of
from cleanfeed.dates.nearhead import lines_near, pieces_under
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.rows import label_cells, post_shape
from cleanfeed.dates.text import date_runs, title_clues
from cleanfeed.rules.html_words import role_names

# Elements whose class or id says they hold a date: an XPath with a dozen contains() takes 4 ms on a
# 1000-element page; all class and id values searched as one string take 0.3 ms (`_marked`).
_HINTED_LOW = re.compile(r"date|time|publish|posted|byline|author|meta|info|datum|zeit|(?<![a-z])pub")
MAX_HINTED = 40
_DIGIT = re.compile(r"[0-9０-９〇零一二三四五六七八九十]")


def _line(el: Any) -> int:
    return getattr(el, "sourceline", None) or 0


def header_clues(doc: Any, language: str, layout: Layout,
                 near: tuple[list[str], list[str]] | None = None) -> list[Clue]:
    """Dates printed around the headline (`Release Time: …`, `发布时间：…`, a bare date line, a date in the
    headline's own `<small>`) and in the page titles (`08.11.2021 | Online-Fachtag`); `near` is
    `lines_near(layout)` when the caller has it."""
    out: list[Clue] = []
    head = layout.head
    if head is not None:
        above, below = (label_cells(lines) for lines in (near if near is not None else lines_near(layout)))
        listed = date_runs(above, language) | date_runs(below, language)
        for pos, line in [(-1 - k, ln) for k, ln in enumerate(reversed(above))] + list(enumerate(below)):
            if line not in listed:
                out += _header_line_clues(normalize(line), language, pos)
        out += title_clues(text_of(head, 300), language, order=900)   # "23.01.2022 - Wierer wins"
        for k, child in enumerate(head.iterdescendants("small", "span", "time", "em")):   # <h1>…<small>02.02.2022
            for d in read_line(normalize(text_of(child, 120)), language, relative=False)[:1]:
                out.append(Clue(d.mention, "header", role_of(d.label) or "other", HEADER, BARE, 880 + k,
                                text_of(child), first=d.label == ORIGINAL))
    for k, title in enumerate(page_titles(doc)):                        # "08.11.2021 | Online-Fachtag"
        out += title_clues(title, language, order=950 + k * 10)
    return out


BYLINE_PIECES = 6     # a byline box under the headline: `Ana Ferreira`, `6 min read`, `·`, `Mar 14, 2012`
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def under_headline_clues(head: Any, language: str, *, before_year: int | None = None) -> list[Clue]:
    """Date lines among the first text pieces under the headline (`pieces_under`), as header date lines:
    the quick look beside metadata that may have been regenerated (engine._regenerated). `before_year`: only
    the lines printing a year before it among the first BYLINE_PIECES pieces before the first paragraph of
    prose (a byline box; a `Lesen Sie auch` teaser's date after the lede is another page's): the look for a
    post imported years after it was first published (arbitrate.imported_post), which a page pays for
    beside every machine stamp, so it reads only what could count."""
    out: list[Clue] = []
    if before_year is None:
        pieces = pieces_under(head)
        listed = date_runs(pieces, language)
        for pos, piece in enumerate(pieces):
            if len(piece) <= HEADER_LINE_MAX and _DIGIT.search(piece) and piece not in listed:
                out += _header_line_clues(normalize(piece), language, pos)
        return out
    for pos, piece in enumerate(pieces_under(head, BYLINE_PIECES, stop_over=HEADER_LINE_MAX)):
        if any(int(year) < before_year for year in _YEAR.findall(piece)):
            out += _header_line_clues(normalize(piece), language, pos)
    return out


def _marked(doc: Any) -> Iterator[Any]:
    """The elements whose class or id says they hold a date, a byline or meta data, in document order.
    All class and id values joined and searched once: a regex per element costs twice as much (1.4 ms
    against 0.7 ms on the median htmldate-dev page). The values are read off a walk of the elements, not an
    XPath for `//@class|//@id`: each of its answers is a smart string holding its element, which made that
    XPath two thirds of this search (i17cq: 2.3 against 0.8 ms a page on bench/speed.py's sample)."""
    owners, names = _class_and_id(doc)
    starts = []
    at = 0
    for value in names:
        starts.append(at)
        at += len(value) + 1
    joined = "\n".join(names)
    low = joined.lower()
    if len(low) != len(joined):                 # a letter whose lower case is longer ("İ"): read as printed
        low = joined
    last = None
    for start in hinted_starts(low):
        owner = owners[bisect_right(starts, start) - 1]
        if owner is not last:
            last = owner
            yield owner


def _class_and_id(doc: Any) -> tuple[list[Any], list[str]]:
    """Every class and id value of the document (as `role_names` reads it; a post's `tag-author-interviews`
    marks no byline) and the element holding it, in document order: what `//@class|//@id` finds, the order
    of one element's two values aside (they name the same element)."""
    owners: list[Any] = []
    names: list[str] = []
    for el in doc.getroottree().getroot().iter(etree.Element):
        for value in (el.get("class"), el.get("id")):
            if value is not None:
                owners.append(el)
                names.append(role_names(value))
    return owners, names


# `_HINTED_LOW` without its one lookbehind: a plain alternation of words, which `re` scans 3x faster.
_HINTED_WORDS = re.compile(r"date|time|publish|posted|byline|author|meta|info|datum|zeit|pub")


def hinted_starts(low: str) -> Iterator[int]:
    """Where `_HINTED_LOW.finditer(low)` finds its matches: a `pub` after a letter is no match there, and
    the search goes on from the next character, as the lookbehind failing at that position would."""
    pos = 0
    while (m := _HINTED_WORDS.search(low, pos)) is not None:
        start = m.start()
        if m.end() - start == 3 and m.group() == "pub" and start and "a" <= low[start - 1] <= "z":
            pos = start + 1
            continue
        yield start
        pos = m.end()


def marked_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    """Dates in elements whose class or id says date/time/meta (`marked`), in document order: where a page
    prints its date away from the headline (a byline box under the body, a table layout without h1)."""
    out: list[Clue] = []
    base = _line(layout.head) if layout.head is not None else 0
    looked = 0
    numbered: set[str] = set()
    for el in _marked(doc):
        looked += 1
        if looked > MAX_HINTED * 3 or len(out) >= MAX_HINTED:
            break
        raw = text_of(el, 300)
        if not (6 <= len(raw) <= 200) or _DIGIT.search(raw) is None:
            continue
        text = normalize(raw)
        # Reading the line is cheaper than judging the element's ancestors: most hinted boxes hold no date.
        dates = read_line(text, language, relative=False)[:2]
        shape = post_shape(el)
        if shape in numbered and not any(d.label == UPDATED for d in dates):
            continue                    # a reply's date; an update label is the page's (`time1`, `time2` slots)
        if not dates or is_copyright(text) or layout.excluded(el):
            continue
        if shape:
            numbered.add(shape)
        inside = layout.inside(el)
        before = _line(el) < base
        for j, dated in enumerate(dates):
            rank = HINTED + (0 if inside else 1) + (2 if before else 0)
            out.append(Clue(dated.mention, "header", role_of(dated.label) or "other", HEADER, rank,
                            1000 + _line(el) * 10 + j, text, first=dated.label == ORIGINAL))
    return out


HEADER_LINE_MAX = 160     # a longer line is prose: neither a date line nor a short hinted one (is_prose)


def _header_line_clues(text: str, language: str, pos: int) -> list[Clue]:
    out: list[Clue] = []
    if len(text) > HEADER_LINE_MAX or is_copyright(text):
        return out
    for j, dated in enumerate(read_line(text, language)):
        if dated.label is not None and is_date_line(text, dated, max_len=HEADER_LINE_MAX):
            rank = LABELLED
        elif is_date_line(text, dated, max_len=HEADER_LINE_MAX):
            rank = BARE + (1 if pos < 0 else 0)
        elif not is_prose(text) and dated.mention.relative is None:
            rank = HINTED
        else:
            continue
        source = "relative" if dated.mention.relative is not None else "header"
        rank += 1 if dated.mention.relative is not None else 0
        out.append(Clue(dated.mention, source, role_of(dated.label) or "other", HEADER, rank,
                        abs(pos) * 10 + j, text, first=dated.label == ORIGINAL))
    return out
