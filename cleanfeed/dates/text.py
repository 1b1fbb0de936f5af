"""Strategies over the cleaned text of a Draft: header lines near the headline, the dateline (the first
date in the first two body paragraphs), then dates later in the body.

The text cleaner has already cut teaser lists, comments and copyright lines out of `draft.paragraphs`, so
every date left in them belongs to the article; what remains to judge is which one is the publication.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from cleanfeed.dates.clues import (
    BARE,
    BODY,
    DATELINE,
    HEADER,
    HINTED,
    LABELLED,
    ORIGINAL,
    PAGE,
    PUBLISHED,
    UPDATED,
    Clue,
    Dated,
    is_copyright,
    is_date_line,
    is_prose,
    is_source_line,
    read_line,
    role_of,
)
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import Draft

MAX_BODY_PARAGRAPHS = 40    # a date further down than this is a reference, not the article's own date
DATELINE_PARAGRAPHS = 2
_STRONG = ("published", "original", "updated")   # labels trusted on a short line the cleaner left in the body


def _clue(dated: Dated, source: str, tier: int, rank: int, order: int, text: str) -> Clue:
    role = role_of(dated.label) or "other"
    if dated.mention.relative is not None:
        source, rank = "relative", rank + 1        # an absolute date on the same footing is more precise
    return Clue(dated.mention, source, role, tier, rank, order, text, first=dated.label == ORIGINAL)


def header_clues(lines: Sequence[str], language: str, *, from_html: bool = False) -> list[Clue]:
    """Every date in the header lines the cleaner found near the headline (`Release Time: …`, `发布时间：…`).
    A header line that is really prose (`【看中国2005年07月03日报道】一九八九年四月，我在…`) counts as a
    dateline. For HTML pages the dates engine reads the same region with its structure (html.py), so
    the extractor's lines come second on an equal footing."""
    out = []
    for i, line in enumerate(lines):
        text = normalize(line)
        if is_copyright(text):
            continue
        prose = is_prose(text)
        for j, dated in enumerate(read_line(text, language, relative=not prose)):
            if prose:
                out.append(_clue(dated, "dateline", DATELINE, 1, i * 100 + j, text))
                continue
            rank = (LABELLED if dated.label else BARE) + (1 if from_html else 0)
            out.append(_clue(dated, "header", HEADER, rank, i * 100 + j, text))
    return out


def title_clues(title: str | None, language: str, order: int = 10_000) -> list[Clue]:
    """A "headline" that is really a date line (`17 Jan 2021 | 14:32 GMT`, `3 days ago`): the cleaner took
    the first short line for the title because the page printed nothing better."""
    if not title:
        return []
    text = normalize(title)
    return [_clue(d, "header", HEADER, LABELLED if d.label else HINTED, order + j, text)
            for j, d in enumerate(read_line(text, language)) if is_date_line(text, d) or d.label == "other"]


_DASH_AFTER = re.compile(r"\s*[—–]\s|\s+-\s")


def opens_dashed(text: str, dated: Dated) -> bool:
    """A date that opens the line, set off from the sentence after it by a dash (`2 days ago — Zinc output rose
    …`, `Feb. 3, 2021 – The mill said …`): a dateline glued to the first sentence."""
    return dated.mention.start <= 1 and dated.label != "other" and \
        _DASH_AFTER.match(text, dated.mention.end) is not None


def body_clues(paragraphs: Sequence[str], language: str, start: int = 0, *, lines_only: bool = False,
               skip_lines: bool = False) -> list[Clue]:
    """The dateline (first two paragraphs), later body dates, and date lines left in the body (a labelled
    `Posted on January 10, 2019`, a `3 days ago`) which count as header. `start` skips paragraphs already
    read; `lines_only` keeps just those header-like lines (cheap: short paragraphs only), `skip_lines`
    everything else, so the body can be read in two stages without counting a date twice."""
    out = []
    for i in range(start, min(len(paragraphs), MAX_BODY_PARAGRAPHS)):
        if lines_only and len(paragraphs[i]) > LINE_LIKE:
            out += note_clues(paragraphs[i], language, i)
            continue
        text = normalize(paragraphs[i])
        if len(text) <= COPYRIGHT_LINE and is_copyright(text):     # a story about copyright keeps its dates
            continue
        for j, dated in enumerate(_dates_in(text, language, dateline=i < DATELINE_PARAGRAPHS)):
            clue = _body_clue(dated, text, i, j)
            header = clue is not None and clue.tier == HEADER
            if clue is not None and (not lines_only or header) and not (skip_lines and header):
                out.append(clue)
    return out


NOTE_MAX = 320          # a first-publication note is a sentence or two, not a paragraph of prose
NOTE_LEAD_WORDS = 6     # `A version of this story first appeared …`: few words, no clause, before the label
NOTE_LEAD_CHARS = 100   # where those words and the label end
_CLAUSE = re.compile(r"[,;:()，；：（]")


def note_clues(paragraph: str, language: str, i: int) -> list[Clue]:
    """The first date of a note that says when the page was first published (`This article was originally
    published on 2 Jun 2020 at 10:40am but has been regularly updated…`, `This story was first published in
    the print edition on March 3, 2021.`): the label opens the note after a few words and no clause, and the
    date may stand anywhere after it. A label deep in a sentence of prose (`The rules, which the ministry first
    published on May 4, 2019 as a draft, …`) is about something else."""
    if len(paragraph) > NOTE_MAX:
        return []
    lead_text = paragraph[:NOTE_LEAD_CHARS].lower()          # (the label opens the note: a short search)
    label = vocab().original.search(lead_text) if len(lead_text) == min(len(paragraph), NOTE_LEAD_CHARS) else None
    lead = paragraph[:label.start()] if label else ""
    if label is None or len(lead.split()) > NOTE_LEAD_WORDS or _CLAUSE.search(lead):
        return []
    text = normalize(paragraph)
    dates = [d for d in read_line(text, language, relative=False) if d.mention.start >= label.end()]
    return [Clue(dates[0].mention, "note", PUBLISHED, HEADER, LABELLED + 1, 20_000 + i * 100, text, first=True)
            ] if dates and dates[0].mention.has_year else []


def cut_note_clues(draft: Draft, language: str) -> list[Clue]:
    """First-publication notes (`note_clues`) among the blocks the extractor cut: `<p class="…Disclaimer">This
    article was originally published on 26 Sep 2019 …</p>` after the article is cut as a notice. Only a block
    that passes `note_clues`' own test counts (short, the label among its first words)."""
    return [clue for k, removed in enumerate(draft.removed)
            for clue in note_clues(removed.text, language, MAX_BODY_PARAGRAPHS + k)]


LINE_LIKE = 80          # a paragraph this short may be a date line (`3 days ago`, `Posted on …`)
COPYRIGHT_LINE = 200    # `© 2021 Example Media Group. All rights reserved.` is a line, not a paragraph of prose
RELATIVE_LEAD = 40      # a relative date opening a dateline (`昨天 18:32 …`) lies within this many characters


def _dates_in(text: str, language: str, *, dateline: bool) -> list[Dated]:
    """The dates of one body paragraph that can count (`_body_clue`): relative forms only in a short line
    or opening a dateline paragraph ("said yesterday" in prose is the story's own time), so a long
    paragraph is searched for them in its first characters only (the relative words' scan is a third of
    the cost of reading a paragraph)."""
    if len(text) <= LINE_LIKE:
        return read_line(text, language)
    found = read_line(text, language, relative=False)
    if dateline:
        lead = [d for d in read_line(text[:RELATIVE_LEAD], language)
                if d.mention.relative is not None and d.mention.start <= 2]
        if lead and not (found and found[0].mention.start < lead[0].mention.end):
            found = [*lead[:1], *found]
    return found


def _body_clue(dated: Dated, text: str, i: int, j: int) -> Clue | None:
    order = 20_000 + i * 100 + j
    line_like = is_date_line(text, dated, max_len=LINE_LIKE)
    if dated.label in _STRONG and line_like:      # `Posted on January 10, 2019` the cleaner left in the body
        return _clue(dated, "header", HEADER, LABELLED + 1, order, text)
    if dated.mention.relative is not None:
        # "yesterday" in prose is relative to the story, not to us: only a timestamp-like line counts.
        # So is one that opens the paragraph set off by a dash (`2 days ago — Zinc output rose …`).
        at_start = dated.mention.start <= 2 and (dated.mention.relative.clock is not None
                                                 or opens_dashed(text, dated))
        if line_like:
            return _clue(dated, "header", HEADER, HINTED + 2, order, text)
        if at_start and i < DATELINE_PARAGRAPHS:
            return _clue(dated, "dateline", DATELINE, 0, order, text)
        return None
    if i < DATELINE_PARAGRAPHS:
        return _clue(dated, "dateline", DATELINE, 0, order, text)
    return _clue(dated, "body", BODY, 0, order, text)


SOURCE_LINE_RULES = ("editor-source",)     # the boilerplate rule that cuts source credits (boilerplate.toml)
ABOVE_TITLE = "above-title"                # read_head's reason for a line above the headline it kept nowhere
COUNTER = "counter"                        # `发布：2019/2/5　浏览：88次`: a stamp row the cleaner cut for its counter
ABOVE_TITLE_LINES = 2                      # a date line right above the headline, not a date bar at the top
# Rows a dump's region or the text cleaner cut that may still state the story's date: the date line nearest the
# headline that the region left out (`dump-date-near`, cleanfeed/text/dump.py), a row between the headline and
# the body (`Share: Facebook Twitter | 9 September 2025`); read like a date line above the headline.
NEAR_RULES = frozenset({"dump-date-near", "above-body"})
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
                out.append(_clue(dated, "source-line", HEADER, HINTED + 1, 5_000 + k * 100 + j, text))
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
    rows = [*((t, "line") for t in above), *((r.text, "line") for r in draft.removed if r.rule in NEAR_RULES),
            *((r.text, "counter") for r in draft.removed if r.rule == COUNTER),
            *((r.text, "labelled") for r in draft.removed if r.rule in LABELLED_ROWS),
            *((r.text, "after") for r in draft.removed if r.rule == AFTER_BODY)]
    out = []
    for k, (line, kind) in enumerate(rows):
        text = normalize(line)
        if is_copyright(text) or is_prose(text):
            continue
        source = kind == "after" and is_source_line(text)
        for j, dated in enumerate(read_line(text, language)):
            role = role_of(dated.label)
            labelled = dated.label is not None
            wanted = kind == "line" or source or kind == "counter" and role == PUBLISHED \
                or labelled and (role == PUBLISHED or kind == "after" and role == UPDATED)
            if wanted and is_date_line(text, dated):
                out.append(_clue(dated, "header", HEADER, HINTED + 1, 6_000 + k * 100 + j, text))
    return out


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
            out.append(_clue(dated, "page-stamp", PAGE, LABELLED, 30_000, text))
    return out


STAMP_LEAD_WORDS = 4    # `Page last modified Jan. 17, 2025`, `Posted on …`: the label opens the row


_LETTER = re.compile(r"[^\W\d_]")


def may_open_with_label(text: str) -> bool:
    """A cheap test before the row is read: some words, a few at most, before its first digit (a label, maybe a
    month's or a weekday's name); most cut rows with a year open with the date itself or are prose."""
    digit = _DIGITS.search(text)
    lead = text[:digit.start()] if digit else text
    return bool(_LETTER.search(lead)) and len(lead.split()) <= STAMP_LEAD_WORDS + 2


def opens_row(text: str, dated: Dated) -> bool:
    """The labelled date is the row's own statement: only its label (a few words, no number) before it, not the
    end of a ticker (`Tin 29,850 +1.2% | Copper 9,410 | Updated Mar 4, 2025 09:15`) or a second stamp."""
    lead = text[:dated.mention.start]
    return not _DIGITS.search(lead) and len(lead.split()) <= STAMP_LEAD_WORDS


def text_header_clues(draft: Draft, language: str) -> list[Clue]:
    title = None if draft.title and is_list_item(draft.title) and listed(draft) else draft.title
    items = dated_items(draft, language) if draft.doc is None else frozenset()
    lines = tuple(ln for ln in draft.header_lines if ln not in items)
    return [*header_clues(lines, language, from_html=draft.doc is not None),
            *title_clues(title, language), *source_line_clues(draft, language),
            *cut_stamp_clues(draft, language, items),
            *title_dateline_clues(title if draft.doc is None else None, language)]


ITEM_WORDS = 2          # a dated teaser row: a date and at least this many words of a headline or a name
ITEM_ROWS = 6           # the rows cut right above the headline that are compared with the header lines


def item_shape(text: str, language: str) -> tuple[str, tuple[int, int, int]] | None:
    """Where a bare date stands in a row that also names something (`May 21, 2024 Scrap rules tightened`:
    "lead"; `Subharun Mukherjee | July 15, 2025`: "tail"), and its day; None for a row that is only a date,
    a labelled stamp, or prose."""
    dated = read_line(normalize(text), language, relative=False)
    if len(dated) != 1 or dated[0].label is not None or not dated[0].mention.readings:
        return None
    m, r = dated[0].mention, dated[0].mention.readings[0]
    before, after = text[:m.start].strip(" |·•-–—:"), text[m.end:].strip(" |·•-–—:")
    where = "lead" if not before else "tail" if not after else None
    rest = before or after
    if where is None or r.year is None or r.month is None or len(rest.split()) < ITEM_WORDS and len(rest) < 6:
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
    return frozenset(ln for ln, (where, day) in shaped if any(w == where and d != day for _, (w, d) in shaped))


def title_dateline_clues(title: str | None, language: str) -> list[Clue]:
    """A plain-text page's first line taken for its title that opens with a dateline (`Vilnius, 2021 m. gegužės
    7 d. – Gamykla …`, `Hà Nội, ngày 14 tháng 6 năm 2021`): the dump had no headline, and that line is the
    story's first paragraph; its dateline counts as one, just before the paragraphs'."""
    if not title:
        return []
    return [replace(c, order=c.order - 100) for c in body_clues([title], language) if c.tier == DATELINE]


# A list item: a bullet, or a number with `.`/`)`/`、` and a space, before its text (`1. Copper falls … - 12 Jan
# 2022`, `· 2021-08-03 铝价震荡上行`). `12. März 2019` is a date, not item 12 (the date starts at the number).
_LIST_MARK = re.compile(r"^\s*(?:[·•▪◦►▶■□◆◇●○*]\s*|\d{1,2}[.)、]\s+)")
LIST_ITEMS = 2            # two list items among the headline and the first paragraphs make the page a list


def is_list_item(text: str) -> bool:
    m = _LIST_MARK.match(text)
    if m is None:
        return False
    numbered = m.group().strip()[:1].isdigit()
    number_at = len(text) - len(text.lstrip())     # the pattern opens with `\s*`: m.start() is always 0
    return not (numbered and any(d.mention.start <= number_at for d in read_line(normalize(text[:40]), None)))


def article_paragraphs(draft: Draft) -> tuple[str, ...]:
    """The paragraphs whose dates can be the page's: a list's items left out (blank, so indices hold)."""
    if not listed(draft):
        return draft.paragraphs
    return tuple("" if is_list_item(p) else p for p in draft.paragraphs)


def listed(draft: Draft) -> bool:
    """The page's headline and opening paragraphs are a list of items (a most-read or related list a text
    dump kept for want of an article): their dates are the items', not the page's."""
    lines = [draft.title or "", *draft.paragraphs[:DATELINE_PARAGRAPHS + 2]]
    return sum(is_list_item(t) for t in lines) >= LIST_ITEMS

