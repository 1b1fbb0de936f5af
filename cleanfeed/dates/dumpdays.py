"""Days a whole-page text dump states without the markup that would say which date is the story's: bylines
the renderer glued to their dates, byline rows with a name before the date, two unlabelled days on one row
(publication and update), a wire dateline that the date line over the headline must agree with, the one day a
page prints over its body (against a dated list under it), and an update note in prose.

Plain-text pages only (`draft.doc is None`), but for the update note, read on HTML pages too: an HTML page's lines
are read with their structure (header.py).
cutrows.py and text.py ask these beside the rows the dump's region handed over (text/dump.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from cleanfeed.dates.clues import (
    HEADER,
    HINTED,
    LABELLED,
    PAGE,
    PUBLISHED,
    UPDATED,
    Clue,
    Dated,
    clue_of,
    is_copyright,
    is_date_line,
    is_prose,
    read_line,
    role_of,
)
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import Draft


@lru_cache(maxsize=1)
def _glued() -> re.Pattern[str]:
    """A capitalised month name glued to the word before it by a renderer that joins inline elements without a
    space (`By Jane DoeMarch 3, 2024`, `Updated onJanuary 12, 2026`)."""
    return re.compile(rf"(?<=[a-z])(?=[A-Z])(?=(?i:{vocab().month_names})\.?\s?\d)")


def unglued(text: str) -> str:
    """`By Jane DoeMarch 3, 2024` → `By Jane Doe March 3, 2024`: the name (or label) and the date apart again.
    A digit glued to a letter needs nothing (`2025January` reads already), nor does a period where the comma
    before the year belongs (`Jul. 11. 2025`: the date grammar's `mdy`)."""
    return _glued().sub(" ", text) if any("A" <= ch <= "Z" for ch in text) else text


BYLINE_ROW = 160        # a byline row with a title or categories after its date (`… | Comments`, `5 Comments on …`)
NAME_WORDS = 6          # `By Craig Randall, Alli Miles, Eszter Horanyi on`: names, a few glue words
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_END = re.compile(r"[^\W\d_]{3}[.!?;](?:\s|$)")


def byline_row(text: str, dated: Dated) -> bool:
    """A row whose date follows a byline or a name (`By Bryon Powell on March 1, 2026 | Comments`, `Zach Lezberg
    | May 22, 2025`, `Posted on December 20, 2025 by Jean-Luc Aufranc - 5 Comments on …`): before the date only
    capitalised names, a date label and short glue words (by, on, at), no digit and no sentence; anything may
    follow the date. `Register by March 3, 2026 …`, `the plant opened on …` are not bylines (a lower-case word)."""
    if len(text) > BYLINE_ROW or dated.label == "other" or not dated.mention.has_year:
        return False
    lead = text[:dated.mention.start]
    if any(ch.isdigit() for ch in lead) or _SENTENCE_END.search(lead):
        return False
    if dated.label:
        lead = vocab().label.sub(" ", lead)          # `Posted on `, `Published: `
    names = _LONG_WORD.findall(lead)
    return len(names) <= NAME_WORDS and all(w[0].isupper() for w in names)


# A wire or agency dateline opening the first paragraph: a place, the date, then the agency or a dash
# (`JAKARTA, March 3 (Wire Desk) -`, `CHICAGO, March 3, 2025 /PRNewswire/ --`, `新华社北京3月3日电`).
WIRE_LEAD = 40
_WIRE_AFTER = re.compile(r"\s*(?:,\s*\d{4}\s*)?(?:\(|/|-|–|—|电|電|讯|訊)")


def wire_day(draft: Draft, language: str | None) -> tuple[int, int] | None:
    """The month and day of the dateline that opens a dump's first paragraph, when it has a wire's shape
    (a short place before the date, an agency, a slash or a dash right after it); None otherwise."""
    if not draft.paragraphs:
        return None
    text = normalize(draft.paragraphs[0][:WIRE_LEAD + 40])
    dated = read_line(text, language, relative=False)
    if not dated or dated[0].mention.start > WIRE_LEAD or not dated[0].mention.readings:
        return None
    m, r = dated[0].mention, dated[0].mention.readings[0]
    lead = text[:m.start].strip()
    shaped = len(lead.split()) <= 4 and (not lead or lead.endswith((",", "--", "-")) or not lead.isascii())
    if not shaped or r.month is None or r.day is None or _WIRE_AFTER.match(text, m.end) is None:
        return None
    return r.month, r.day


AGREE_DAYS = 1          # a wire story dated March 3 in London is often out on March 4 in Sydney


def agrees(dated: Dated, wire: tuple[int, int] | None) -> bool:
    """A date line read off a dump agrees with its wire dateline (or there is none to agree with): the same
    day of the date line's year, give or take `AGREE_DAYS`."""
    r = dated.mention.readings[0] if dated.mention.readings else None
    if wire is None or r is None or r.year is None or r.month is None or r.day is None:
        return True
    try:
        apart = abs((date(r.year, r.month, r.day) - date(r.year, *wire)).days)
    except ValueError:                  # a 29 February of the wire in another year
        return False
    return min(apart, 366 - apart) <= AGREE_DAYS


def earliest_first(clues: list[Clue]) -> list[Clue]:
    """On a dump's header row that prints two unlabelled days (`May 21, 2025April 24, 2025 by The Ritualist`,
    `January 21, 2025January 12, 2026`: a theme's publication and update stamps with their labels lost), the
    earlier day is the publication: the later one ranks below it (a page is not changed before it is out), and
    is the update too (on wcxb-dev-en's development folds, every such row of a page whose metadata carries an
    update names that update; no update was read where the metadata has none). A row of three or more days
    is a range or a list, not two stamps."""
    rows: dict[str, list[Clue]] = {}
    for c in clues:
        if c.source == "header" and c.role == PUBLISHED and not label_of_clue(c) and c.mention.has_year:
            rows.setdefault(c.text, []).append(c)
    ordered = [sorted(row, key=_day_of) for row in rows.values() if len(row) > 1]
    later = {id(c) for row in ordered for c in row[1:]}
    updates = [replace(row[1], role=UPDATED, rank=row[1].rank + 1) for row in ordered
               if len(row) == 2 and _day_of(row[0]) != _day_of(row[1])]
    return [*(replace(c, rank=c.rank + 1) if id(c) in later else c for c in clues), *updates] if later else clues


def _day_of(clue: Clue) -> tuple[int, int, int]:
    r = clue.mention.readings[0]
    return r.year or 0, r.month or 0, r.day


_LAST_SENTENCE = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s+(?=[^\W\d_])")


def last_sentence(text: str) -> str:
    """The last sentence of a row (`… beyond the U.S. and Canada. By Lisa Jennings on Dec. 19, 2025` → the
    byline a renderer joined to the standfirst above it); a period after an abbreviation or before a number
    (`Dec. 19`) ends nothing."""
    return _LAST_SENTENCE.split(text)[-1]


def wire_agrees(clues: list[Clue], draft: Draft, language: str | None) -> list[Clue]:
    """A dump's unlabelled header dates less those that disagree with its wire dateline (`Zinc refiners seek lower
    fees / Feb 27, 2025` over the headline, `JAKARTA, March 3 (Wire Desk) -` under it: the teaser's date)."""
    wire = wire_day(draft, language) if draft.doc is None and clues else None
    if wire is None:
        return clues
    return [c for c in clues if c.tier != HEADER or c.source != "header" or c.role != PUBLISHED
            or label_of_clue(c) or agrees(Dated(c.mention, None), wire)]


def label_of_clue(clue: Clue) -> bool:
    """Whether a header clue's date was labelled (`Published …`): its rank says so (clues.LABELLED)."""
    return clue.rank <= LABELLED + 1


PAGE_ROW = 160
ABOVE, BELOW = "above", "below"
_BELOW_RULES = frozenset({"dump-below-article", "dump-date-after"})
LIST_ROWS = 3           # a related or recent box under the body: three dated items (`20 May 2025` / `11 Oct 2024` / …)
LIST_DAYS = 2


def _page_rows(draft: Draft) -> Iterator[tuple[str, str]]:
    """The rows of a dump that may state its day, each with its side: `below` the article's text (rows the
    region cut under it, short paragraphs after its last long one: a related box the region kept) or not
    (the title, header lines, rows cut over the run or inside it, short paragraphs within the text)."""
    yield from ((draft.title, ABOVE),) if draft.title else ()
    yield from ((line, ABOVE) for line in draft.header_lines)
    yield from ((r.text, BELOW if r.rule in _BELOW_RULES else ABOVE) for r in draft.removed)
    last_long = max((k for k, p in enumerate(draft.paragraphs) if len(p) > PAGE_ROW), default=-1)
    yield from ((p, BELOW if k > last_long else ABOVE) for k, p in enumerate(draft.paragraphs) if len(p) <= PAGE_ROW)


_YEAR = re.compile(r"(?:19|20)\d\d")
_MACHINE_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _row_days(row: str, language: str | None) -> Iterator[tuple[Dated, str]]:
    """The publication-like days a row states as a date line or a byline row (not prose, not an update stamp,
    not a copyright year, not a machine timestamp leaked into the text: `2025-10-30T10:45:07-04:00` is a
    `<time>` element's or a script's value, as often the page's last change as its publication)."""
    if len(row) > PAGE_ROW or not _YEAR.search(row) or _MACHINE_STAMP.search(row):
        return
    text = normalize(unglued(row))
    if is_copyright(text):
        return
    for dated in read_line(text, language, relative=False):
        if not dated.mention.has_year or dated.label == "other" or role_of(dated.label) == UPDATED:
            continue
        if not (is_date_line(text, dated) or byline_row(text, dated)) or is_prose(text) and not dated.label:
            continue
        yield dated, text


def page_day_clues(draft: Draft, language: str | None) -> list[Clue]:
    """The one day a plain-text page prints on its date rows (a date line, a byline row; not prose), when every
    such row names that same day: a dump whose region found no date near the headline (a listicle whose date
    sits far above the run it chose, a date under the last paragraph). Rows that name other days are a list's,
    a comment thread's or an event's, and the page then says nothing this way, unless those other days are
    all under the body, on at least `LIST_ROWS` rows naming `LIST_DAYS` days or more (a related or recent
    box: the story's date over a table of contents, three dated teasers under the text). Update stamps do not
    count; a day against the wire dateline does not either. Read at the page's tier, below labelled stamp rows."""
    if draft.doc is not None:
        return []
    wire = wire_day(draft, language)
    days: dict[str, set[tuple[int, int, int]]] = {ABOVE: set(), BELOW: set()}
    rows_below = 0
    first: dict[str, tuple[Dated, str]] = {}
    for row, side in _page_rows(draft):
        counted = False
        for dated, text in _row_days(row, language):
            if side == ABOVE and not agrees(dated, wire):
                return []
            r = dated.mention.readings[0]
            days[side].add((r.year or 0, r.month or 0, r.day or 0))
            first.setdefault(side, (dated, text))
            if side == ABOVE and len(days[ABOVE]) > 1:
                return []
            counted = True
        rows_below += counted and side == BELOW
    if days[ABOVE]:
        listed = rows_below >= LIST_ROWS and len(days[BELOW]) >= LIST_DAYS
        if days[BELOW] <= days[ABOVE] or listed:
            return [clue_of(first[ABOVE][0], "page-day", PAGE, HINTED, 31_000, first[ABOVE][1])]
        return []
    if len(days[BELOW]) == 1 and agrees(first[BELOW][0], wire):
        return [clue_of(first[BELOW][0], "page-day", PAGE, HINTED, 31_000, first[BELOW][1])]
    return []


NOTE_MAX = 320          # an update note is a sentence or two
NOTE_LEAD_WORDS = 6     # `This article was updated on …`: a few words before the label, no clause
_CLAUSE = re.compile(r"[,;:()，；：（]")
_AFTER_LABEL = 6        # `（本文已于2025年3月6日更新，…）`: the label right after the date


@lru_cache(maxsize=4096)
def has_update_word(row: str) -> bool:
    """A row with a year and an update label (`updated`, `correction`, `更新`) anywhere: the cheap test a row
    passes before it is read for an update note or stamp (reading every short row of a dump cost ~15 % of a
    Chinese dump's time; cached: the update notes and the update stamps ask the same cut rows)."""
    return _YEAR.search(row) is not None and vocab().updated.search(row.lower()) is not None


def update_note_clues(draft: Draft, language: str | None) -> list[Clue]:
    """The day of a note in prose that says when the story was changed (`This article was updated on March 5,
    2025 to correct …`, `Correction: March 6, 2025`, `（本文已于2025年3月6日更新，补充了…）`), in the body or cut
    under it: the label opens the note after a few words and no clause, or follows the date right away. A row
    the cleaner cut counts only as a sentence that goes on after the date (a widget's `Amazon prices last
    updated: March 15, 2026 at 3:21 AM`, a list's `Updated November 23, 2013` are stamps: `page_stamp_clues`).
    A page's update, trusted below its header stamps; on an HTML page too, in its paragraphs only (a correction
    note after the body is printed the same way there, and no other strategy reads it; the blocks an HTML page's
    extractor cut are whole boxes, a sidebar's `Zinc stocks fall Updated March 6, 2025 Nickel steady …`)."""
    cut_rows = draft.removed if draft.doc is None else ()    # an HTML page's cut blocks are whole boxes (a sidebar)
    rows = [*((p, False) for p in draft.paragraphs), *((r.text, True) for r in cut_rows)]
    for k, (row, cut) in enumerate(rows):
        if len(row) > NOTE_MAX or not (has_update_word(row) or _dated_note(row)):
            continue
        text = normalize(row)
        for dated in read_line(text, language, relative=False):
            lead, rest = text[:dated.mention.start], text[dated.mention.end:]
            says = says_updated(rest)
            if (dated.label == "updated" or updated_after(text, dated) or says) and (dated.mention.has_year or says) \
                    and len(lead.split()) <= NOTE_LEAD_WORDS + 2 and not _CLAUSE.search(lead.strip(" :：(（,，")) \
                    and (not cut or len(_WORD.findall(rest)) >= NOTE_GOES_ON):
                clue = clue_of(dated, "update-note", HEADER, HINTED + 2, 25_000 + k * 100, text)
                return [replace(clue, role=UPDATED)]
    return []


NOTE_GOES_ON = 3        # words (or Han characters) after the date: `… to correct the number of crews`
_WORD = re.compile(r"[^\W\d_]{2,}|[\u4e00-\u9fff]")


_MONTH_DAY = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _dated_note(row: str) -> bool:
    """A row without a year that may still be a dated update note (`Editor's note, March 12: This story has been
    updated …`, `says_updated`): a digit and an update word; the cheap test before it is read."""
    return _MONTH_DAY.search(row) is not None and vocab().updated.search(row.lower()) is not None


SAYS_WITHIN = 60        # characters of the sentence after a note's date that hold its update word


def says_updated(rest: str) -> bool:
    """The sentence right after a note's date says its page was changed (`Editor's note, March 12: This story has
    been updated with a response from the ministry.`): the page speaks of itself (vocab `self_reference`) and an
    update word follows within `SAYS_WITHIN` characters. Such a note names the day of the change even without
    its year (resolved against the fetch time); a date before a sentence about something else is the story's."""
    rest = rest.lstrip(" :：,，.–—-")
    return vocab().self_reference.match(rest) is not None \
        and vocab().updated.search(rest[:SAYS_WITHIN].lower()) is not None


def label_ends(text: str) -> bool:
    """An update label ends the (lower-cased) text (`last revised`, `page last updated`, `modified`), a word or two
    before it at most: a label printed on its own, apart from its date."""
    found = [m for m in vocab().updated.finditer(text) if m.end() == len(text)]
    return bool(found) and len(text[:found[0].start()].split()) <= 2


def updated_after(text: str, dated: Dated) -> bool:
    """An update label right after the date (`2025年3月6日更新`)."""
    end = dated.mention.end
    return any((m := vocab().label.match(text[end:end + k])) is not None and m.lastgroup == "updated"
               for k in range(2, _AFTER_LABEL + 1))
