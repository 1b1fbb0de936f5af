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
    PUBLISHED,
    UPDATED,
    Clue,
    Dated,
    clue_of,
    is_copyright,
    is_date_line,
    is_prose,
    read_line,
)
from cleanfeed.dates.cutrows import STAMP_LINE, cut_stamp_clues, dated_items, page_stamp_clues, source_line_clues
from cleanfeed.dates.dumpdays import (
    earliest_first,
    has_update_word,
    label_ends,
    unglued,
    update_note_clues,
    wire_agrees,
)
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import Draft, Removed

MAX_BODY_PARAGRAPHS = 40    # a date further down than this is a reference, not the article's own date
DATELINE_PARAGRAPHS = 2
_STRONG = ("published", "original", "updated")   # labels trusted on a short line the cleaner left in the body


DATE_RUN = 3     # bare date lines in a row: an index of issues or an archive, not a byline


def date_runs(lines: Sequence[str], language: str) -> set[str]:
    """The lines of a run of DATE_RUN or more consecutive lines that are each one bare date, of different days
    (`Jan 31, 05` / `Feb 7, 05` / `Feb 14, 05`, an issue index beside the headline): a list's entries, none the
    page's own date. A byline prints one date, or labelled ones (`Published …` / `Updated …`)."""
    out: set[str] = set()
    run: list[tuple[str, tuple[int | None, int | None, int | None]]] = []
    for line in [*lines, ""]:
        text = normalize(line)
        dated = read_line(text, language, relative=False) if len(text) <= 40 else []
        if len(dated) == 1 and dated[0].label is None and dated[0].mention.readings \
                and is_date_line(text, dated[0], max_len=40):
            r = dated[0].mention.readings[0]
            run.append((line, (r.year, r.month, r.day)))
            continue
        if len(run) >= DATE_RUN and len({day for _, day in run}) == len(run):
            out.update(ln for ln, _ in run)
        run = []
    return out


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
                out.append(clue_of(dated, "dateline", DATELINE, 1, i * 100 + j, text))
                continue
            rank = (LABELLED if dated.label else BARE) + (1 if from_html else 0)
            out.append(clue_of(dated, "header", HEADER, rank, i * 100 + j, text))
    return out


def title_clues(title: str | None, language: str, order: int = 10_000) -> list[Clue]:
    """A "headline" that is really a date line (`17 Jan 2021 | 14:32 GMT`, `3 days ago`): the cleaner took
    the first short line for the title because the page printed nothing better."""
    if not title:
        return []
    text = normalize(title)
    return [clue_of(d, "header", HEADER, LABELLED if d.label else HINTED, order + j, text)
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
        return clue_of(dated, "header", HEADER, LABELLED + 1, order, text)
    if dated.mention.relative is not None:
        # "yesterday" in prose is relative to the story, not to us: only a timestamp-like line counts.
        # So is one that opens the paragraph set off by a dash (`2 days ago — Zinc output rose …`).
        at_start = dated.mention.start <= 2 and (dated.mention.relative.clock is not None
                                                 or opens_dashed(text, dated))
        if line_like:
            return clue_of(dated, "header", HEADER, HINTED + 2, order, text)
        if at_start and i < DATELINE_PARAGRAPHS:
            return clue_of(dated, "dateline", DATELINE, 0, order, text)
        return None
    if i < DATELINE_PARAGRAPHS:
        return clue_of(dated, "dateline", DATELINE, 0, order, text)
    return clue_of(dated, "body", BODY, 0, order, text)


def text_header_clues(draft: Draft, language: str) -> list[Clue]:
    title = None if draft.title and is_list_item(draft.title) and listed(draft) else draft.title
    items = dated_items(draft, language) if draft.doc is None else frozenset()
    lines = tuple(ln if draft.doc is not None else unglued(ln) for ln in draft.header_lines if ln not in items)
    if draft.doc is None:    # a dump's header lines follow one another on the page: a list of bare dates dates nothing
        entries = date_runs(lines, language)
        lines = tuple(ln for ln in lines if ln not in entries)
    heads = header_clues(lines, language, from_html=draft.doc is not None)
    cut = cut_stamp_clues(draft, language, items)
    return [*(heads if draft.doc is not None else earliest_first([*wire_agrees(heads, draft, language), *cut])),
            *title_clues(title, language), *source_line_clues(draft, language),
            *(cut if draft.doc is not None else ()), *update_note_clues(draft, language),
            *update_stamp_clues(draft, language),
            *title_dateline_clues(title if draft.doc is None else None, language)]


def update_stamp_clues(draft: Draft, language: str) -> list[Clue]:
    """A plain-text page's labelled update stamp rows wherever the cleaner cut them, when they all name one day
    (`Last updated February 20, 2025` under the body; cutrows.page_stamp_clues): read beside the header lines,
    so that a publication date found near the headline does not make the page's last change moot."""
    if draft.doc is not None:
        return []
    rows = tuple(r for r in labels_joined(draft.removed) if len(r.text) <= STAMP_LINE and has_update_word(r.text))
    return [c for c in page_stamp_clues(replace(draft, removed=rows), language) if c.role == UPDATED] if rows else []


def labels_joined(removed: tuple[Removed, ...]) -> tuple[Removed, ...]:
    """Cut rows with an update label alone on its row joined to the date row under it (`Last revised` /
    `3 February 2025`: a text browser or Markdown writer puts a `<dt>`'s label and its `<dd>` on two lines), so
    that the pair reads as the one stamp row it was on the page."""
    out = list(removed)
    for k in range(len(out) - 1):
        label = out[k].text.strip(" :：").lower()
        if label and len(label) <= LABEL_ALONE and label_ends(label) and has_update_word(f"{label} {out[k + 1].text}"):
            out[k] = replace(out[k], text=f"{out[k].text.strip(' :：')}: {out[k + 1].text}")
    return tuple(out)


LABEL_ALONE = 24        # `Last revised`, `Zuletzt aktualisiert`, `最后更新时间`: a label, no more


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

