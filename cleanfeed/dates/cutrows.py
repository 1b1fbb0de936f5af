"""Dates on the lines the text cleaner (or a dump's region) cut from a plain-text page: source credits, date
lines right above the headline or between it and the body, counter rows, labelled stamp rows anywhere on the
page, and the rows of a dated list (a `Latest` box) that must not date the story. text.py asks these beside
the header lines the cleaner kept (`text_header_clues`); HTML pages are read with their structure instead
(header.py).
"""
from __future__ import annotations

import re

from cleanfeed.dates.clues import (
    HEADER,
    HINTED,
    LABELLED,
    ORIGINAL,
    PAGE,
    PUBLISHED,
    UPDATED,
    Clue,
    Dated,
    clue_of,
    is_copyright,
    is_date_line,
    is_prose,
    is_source_line,
    read_line,
    role_of,
)
from cleanfeed.dates.dumpdays import BYLINE_ROW, agrees, byline_row, label_ends, last_sentence, unglued, wire_day
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import Draft

SOURCE_LINE_RULES = ("editor-source",)     # the boilerplate rule that cuts source credits (boilerplate.toml)
ABOVE_TITLE = "above-title"                # read_head's reason for a line above the headline it kept nowhere
COUNTER = "counter"                        # `发布：2019/2/5　浏览：88次`: a stamp row the cleaner cut for its counter
ABOVE_TITLE_LINES = 2                      # a date line right above the headline, not a date bar at the top
# Rows a dump's region or the text cleaner cut that may still state the story's date: the date line nearest the
# headline that the region left out (`dump-date-near`, cleanfeed/text/dump.py), a row between the headline and
# the body (`Share: Facebook Twitter | 9 September 2025`); read like a date line above the headline.
NEAR_RULES = frozenset({"dump-date-near", "above-body", "dump-between-title-and-body"})
# Chrome rows whose only date that counts is a labelled publication (`发布：2019/2/5　浏览：88次`, `当前位置：首页 >
# 行业资讯　发布日期：2025-05-20`); and the first date line right after a dump's body (`dump-date-after`), where a
# source line or a labelled publication or update counts (`来源：江城日报 | 2025年05月16日`, `Page last modified …`;
# a bare date there is as often a related item's).
LABELLED_ROWS = frozenset({"breadcrumb"})
AFTER_BODY = "dump-date-after"


def source_line_clues(draft: Draft, language: str) -> list[Clue]:
    """Dates on the source credits the cleaner cut (`来源：江城日报 | 2019年05月16日` after the body,
    `Source: Metal Trade Weekly, 14 June 2022`): when that outlet published the text. Trusted below the
    header lines near the headline and above the dateline, whose first date is often an event's."""
    out = []
    for k, removed in enumerate(r for r in draft.removed if r.rule in SOURCE_LINE_RULES):
        text = normalize(removed.text)
        if is_source_line(text):
            for j, dated in enumerate(read_line(text, language, relative=False)):
                out.append(clue_of(dated, "source-line", HEADER, HINTED + 1, 5_000 + k * 100 + j, text))
    return out


def cut_stamp_clues(draft: Draft, language: str, items: frozenset[str] = frozenset()) -> list[Clue]:
    """Date lines the text cleaner or a dump's region cut: one of the last lines above the headline that is a
    date line (`Tue 05 Apr 2022 18.40 BST`, `Madrid, 5 de octubre de 2020`, a notice's `二〇二〇年一月十日`), a
    row between the headline and the body, the date line nearest a dump's headline (`NEAR_RULES`), a publication
    date on a counter row (`发布：2019/2/5　浏览：88次`), a labelled one in a breadcrumb, and a source line or a
    labelled publication or update right under a dump's body (`AFTER_BODY`). Trusted below the header lines
    the cleaner kept and the title, above the dateline (often an event's date). Plain-text pages only: an
    HTML page's lines around the headline are read with their structure (header.py). Rows in `items` are a
    dated list's (`dated_items`)."""
    if draft.doc is not None:
        return []
    above = [r.text for r in draft.removed if r.rule == ABOVE_TITLE and r.text not in items][-ABOVE_TITLE_LINES:]
    near = [r.text for r in draft.removed if r.rule in NEAR_RULES and r.text not in items]
    rows = [*((t, "line") for t in (*above, *near)),
            *((r.text, "counter") for r in draft.removed if r.rule == COUNTER),
            *((r.text, "labelled") for r in draft.removed if r.rule in LABELLED_ROWS),
            *((r.text, "after") for r in draft.removed if r.rule == AFTER_BODY)]
    out = []
    wire = wire_day(draft, language)
    for k, (line, kind) in enumerate(rows):
        text = normalize(unglued(line))
        if kind == "line" and is_prose(text):         # a byline the renderer joined to the standfirst
            text = last_sentence(text)
        if is_copyright(text) or is_prose(text) and not (kind == "line" and len(text) <= BYLINE_ROW):
            continue
        source = kind == "after" and is_source_line(text)
        shaped_end = -1             # where the last date line's date ended: a second date right after it is one too
        for j, dated in enumerate(read_line(text, language)):
            role = role_of(dated.label)
            labelled = dated.label is not None
            wanted = kind == "line" or source or kind == "counter" and role == PUBLISHED \
                or labelled and (role == PUBLISHED or kind == "after" and role == UPDATED and opens_row(text, dated))
            # a line near the headline: a byline row too (`By Bryon Powell on March 1, 2026 | Comments`), when it
            # agrees with the wire dateline under it (a teaser's date over the headline does not)
            shaped = is_date_line(text, dated) or kind == "line" and (byline_row(text, dated)
                                                                       or labelled_cell(text, dated)) \
                or shaped_end >= 0 and only_label_between(text[shaped_end:dated.mention.start], dated)
            shaped_end = dated.mention.end if shaped else -1
            if wanted and shaped and (kind != "line" or agrees(dated, wire)):
                out.append(clue_of(dated, "header", HEADER, HINTED + 1, 6_000 + k * 100 + j, text))
    return out


def only_label_between(gap: str, dated: Dated) -> bool:
    """What separates a date from the date line's date before it is nothing but separators, or its own update
    label (`Published: Mar 8, 2024 · Modified: May 19, 2025 by Jessica Robinson · This post may …`: a theme's two
    stamps on one row, whatever follows the second)."""
    gap = gap.strip(" ,|·•;/")
    return not gap or role_of(dated.label) == UPDATED and label_ends(gap.strip(" :：").lower())


_CELL_WALL = re.compile(r"\s[|·•]\s")
CELL_TAIL_WORDS = 3     # after a cell's date: a clock, a zone, `ET` (`at 5:10 p.m. EST`)


def labelled_cell(text: str, dated: Dated) -> bool:
    """The date is its own cell's labelled stamp on a row of cells apart by ` · `, ` | `, ` • ` (`Words by <two
    long names>, Transport Desk · First published 2 March 2025 · Last updated 9 March 2025`: a byline row too
    long, or of too many names, to read whole as a byline): the cell opens with its publication or update label,
    and a clock or a zone at most follows the date."""
    if dated.label is None or role_of(dated.label) not in (PUBLISHED, UPDATED):
        return False
    m = dated.mention
    start = max((w.end() for w in _CELL_WALL.finditer(text, 0, m.start)), default=-1)
    end = next((w.start() for w in _CELL_WALL.finditer(text, m.end)), len(text))
    if start < 0 and end == len(text):          # no wall: not a row of cells
        return False
    lead, tail = text[max(start, 0):m.start], text[m.end:end]
    return not _DIGITS.search(lead) and len(lead.split()) <= STAMP_LEAD_WORDS \
        and len(tail.split()) <= CELL_TAIL_WORDS and not _SENTENCE.search(tail)


_SENTENCE = re.compile(r"[^\W\d_]{3}[.!?]")
STAMP_LINE = 100        # a labelled stamp row is short (`Published: 11 Mar 2026`, `Last updated: November 13, 2025`)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS = re.compile(r"\d")
_STAMP_LABELS = ("published", ORIGINAL, "updated")


def page_stamp_clues(draft: Draft, language: str) -> list[Clue]:
    """A plain-text page's labelled stamp rows wherever the cleaner cut them (`Published: 11 Mar 2026` in a
    dump's byline box far above the article run, `Last updated: November 13, 2025` under a table of contents,
    `Page last modified …` in the footer): a publication (or update) day when every labelled publication (or
    update) row of the page names the same day. Rows that disagree are a list's (each comment's `Posted on …`,
    each teaser's `Published …`) and say nothing about this page. Read at the page's tier, only when no header
    line near the headline gave a date (the engine's PAGE stage)."""
    if draft.doc is not None:
        return []
    found: dict[str, list[tuple[Dated, str]]] = {}
    for removed in draft.removed:
        if len(removed.text) > STAMP_LINE or not _YEAR.search(removed.text) or not may_open_with_label(removed.text):
            continue
        text = normalize(removed.text)
        for dated in read_line(text, language, relative=False):
            if dated.label in _STAMP_LABELS and dated.mention.has_year and opens_row(text, dated) \
                    and is_date_line(text, dated):
                found.setdefault(role_of(dated.label) or "", []).append((dated, text))
    out = []
    for items in found.values():
        days = {(r.year, r.month, r.day) for dated, _ in items for r in dated.mention.readings[:1]}
        if len(days) == 1:
            dated, text = items[0]
            out.append(clue_of(dated, "page-stamp", PAGE, LABELLED, 30_000, text))
    return out


# A label opens a stamp row: at most 4 words before its date (`Page last modified Jan. 17, 2025`), or 6 when the row
# speaks of its page (`This page was last modified on …`, vocab.toml `self_reference`). Six words for any row (i19m)
# also took a teaser's `Scrap metal dealer licence guidance updated 6 March 2025` for the page's update (own dump e43).
STAMP_LEAD_WORDS = 4
SELF_STAMP_LEAD_WORDS = 6


_LETTER = re.compile(r"[^\W\d_]")


def may_open_with_label(text: str) -> bool:
    """A cheap test before the row is read: some words, a few at most, before its first digit (a label, maybe a
    month's or a weekday's name); most cut rows with a year open with the date itself or are prose."""
    digit = _DIGITS.search(text)
    lead = text[:digit.start()] if digit else text
    return bool(_LETTER.search(lead)) and len(lead.split()) <= SELF_STAMP_LEAD_WORDS + 2


def opens_row(text: str, dated: Dated) -> bool:
    """The labelled date is the row's own statement: only its label (a few words, no number) before it, not the
    end of a ticker (`Tin 29,850 +1.2% | Copper 9,410 | Updated Mar 4, 2025 09:15`) or a second stamp."""
    lead = text[:dated.mention.start]
    words = len(lead.split())
    return not _DIGITS.search(lead) and (words <= STAMP_LEAD_WORDS or words <= SELF_STAMP_LEAD_WORDS
                                         and vocab().self_reference.match(lead) is not None)


ITEM_WORDS = 2          # a dated teaser row: a date and at least this many words of a headline or a name
ITEM_ROWS = 6           # the rows cut right above the headline that are compared with the header lines


def item_shape(text: str, language: str) -> tuple[str, tuple[int, int, int]] | None:
    """Where a bare date stands in a row that also names something (`May 21, 2024 Scrap rules tightened`:
    "lead"; `Subharun Mukherjee | July 15, 2025`: "tail"), and its day; None for a row that is only a date,
    a labelled stamp, or prose. A row whose other text holds no letter (`* 14:05, 1 FEB 2023`: a bullet and the
    clock of a byline's stamps printed as a list) names nothing: it is a date line."""
    dated = read_line(normalize(text), language, relative=False)
    if len(dated) != 1 or dated[0].label is not None or not dated[0].mention.readings:
        return None
    m, r = dated[0].mention, dated[0].mention.readings[0]
    before, after = text[:m.start].strip(" |·•-–—:"), text[m.end:].strip(" |·•-–—:")
    where = "lead" if not before else "tail" if not after else None
    rest = before or after
    if where is None or not any(ch.isalpha() for ch in rest) or r.year is None or r.month is None \
            or len(rest.split()) < ITEM_WORDS and len(rest) < 6:
        return None
    return where, (r.year, r.month, r.day)


def dated_items(draft: Draft, language: str) -> frozenset[str]:
    """Among a plain-text page's header lines and the rows cut right above its headline, the items of a dated
    list (a `Latest` box over the headline, the bylines of the teasers beside it): rows with a bare date and a
    headline or a name whose shape another such row repeats with another day. A story's own row (`By Jane Doe |
    March 3, 2025`) has no twin of another day."""
    above = [r.text for r in draft.removed if r.rule == ABOVE_TITLE][-ITEM_ROWS:]
    rows = [ln for ln in (*draft.header_lines, *above) if len(ln) <= STAMP_LINE and _YEAR.search(ln)]
    if len(rows) < 2:
        return frozenset()
    shaped = [(ln, shape) for ln in rows if (shape := item_shape(ln, language))]
    return frozenset(ln for ln, (where, day) in shaped if any(w == where and d != day for _, (w, d) in shaped)) \
        | list_date_over_head(draft, language)


# Rows a dump's region cut over the article, in the dump's order (the `header` rows follow them in `removed`).
_OVER_RULES = frozenset({"dump-above-article", "dump-date-near", ABOVE_TITLE})


def date_only_days(text: str, language: str) -> frozenset[tuple[int, int, int]] | None:
    """The days a row that is only a bare date may stand for (`27/02/2025` both ways); None for any other row."""
    text = normalize(text).strip()
    dated = read_line(text, language, relative=False)
    if len(dated) != 1 or dated[0].label is not None or not dated[0].mention.has_year:
        return None
    m = dated[0].mention
    if len((text[:m.start] + text[m.end:]).split()) > 1:      # a weekday at most beside the date
        return None
    return frozenset((r.year, r.month, r.day) for r in m.readings if r.year and r.month and r.day)


def list_date_over_head(draft: Draft, language: str) -> frozenset[str]:
    """The first header line when it is the last item's date of a list whose items print their date under their
    title (`Aluminium can recycling rate hits record` / `28/02/2025` / `Steel scrap prices steady` / `27/02/2025`
    / headline): the rows cut right over the article hold a bare date of another day and a title, and the story
    prints a bare date line of its own further down its header. (The cut rows are not always in the dump's order:
    read_head adds the rows above a headline it chose without a `<title>` line after the others.) The list's other
    date rows go with it: cut right over the headline, they would otherwise be read as the story's date line.
    A list runs newest first, so its last date is not newer than any other: a date over the headline newer than a
    list date is the story's own (`03/03/2025` / `Cobalt hydroxide payables slip` / `28/02/2025` / `Lithium …` /
    `04/03/2025` / headline: items print their date before their title; own dump e45)."""
    heads = draft.header_lines
    first = date_only_days(heads[0], language) if heads else None
    if not first or not any(date_only_days(ln, language) for ln in heads[1:]):
        return frozenset()
    over = [r.text for r in draft.removed if r.rule in _OVER_RULES][-ITEM_ROWS:]
    twins = [(ln, days) for ln in over if (days := date_only_days(ln, language)) and days != first]
    titles = [ln for ln in over if len(ln.split()) > ITEM_WORDS and not _YEAR.search(ln)]
    if not twins or not titles or any(min(first) > max(days) for _, days in twins):
        return frozenset()
    return frozenset({heads[0], *(ln for ln, _ in twins)})
