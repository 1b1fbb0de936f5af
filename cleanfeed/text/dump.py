"""Whole-page text dumps (menus, breadcrumbs, sidebars, hot lists and footers around one article): find
the article's lines before textclean reads them.

Each line is scored from its own text (cleanfeed/linescore.py); the article is the contiguous run of lines
with the highest total (Kadane; cleanfeed/text/dumprun.py), which is the context smoothing: a short line
between two paragraphs is carried by them, a long run of short lines sinks. Around that: the run under the
headline the page's `<title>` names is preferred, comment threads and dated teaser lists are cut off, and
the title and header lines (date, source, author) just above the run are kept for textclean (with no
headline found, the page's `<title>`, its first line: textclean drops the site's name), which then applies
its own title, header and boilerplate logic to the region. A page that is already seed-like (hardly any
menu lines outside the article) is returned whole, so textclean reads it as before.

Pure functions over the page's lines; nothing here reads files or keeps state.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, NamedTuple, Protocol, TypeVar

from cleanfeed.model import Removed
from cleanfeed.rules.linerules import LineRule, first_match, generic_rules
from cleanfeed.rules.site import SiteRule
from cleanfeed.text.dumpdoc import sign_off, stretch_down, stretch_up
from cleanfeed.text.dumphead import (
    HEADER_WINDOW,
    MIN_HEADLINE_TOKENS,
    find_headline,
    named_headlines,
    names_headline,
    names_no_line,
    page_titled,
    with_subtitle,
)
from cleanfeed.text.dumpmodel import Run, learned_type, structural_type
from cleanfeed.text.dumprun import Match, cut_at_stamps, settle_run, wrap_width, wrapped_on
from cleanfeed.text.dumptype import dump_page_type, other_content, rule_namer
from cleanfeed.text.linescore import (
    LineScore,
    dump_rules,
    has_full_date,
    is_chrome,
    is_header_line,
    is_menu_like,
    line_scores,
    page_title_match,
    title_head,
)
from cleanfeed.text.listblocks import list_blocks, table_rows
from cleanfeed.text.multiline import CUT_TO_END

MIN_CHROME = 8          # fewer menu lines than this outside the article: a seed-like page, left whole
MIN_CHROME_TITLED = 4   # the same when the first line is a `<title>` naming the headline further down
DATE_OVER_TITLE = 2     # a date / byline line this close above the headline is the story's (`July 29, 2025` / headline)
# The date line nearest the headline among the lines the region leaves out is handed to the dates engine (as a
# `dump-date-near` removal), looked for this far above the headline and down to the run; and the first date line
# this close under the run (`dump-date-after`: a source line, `Page last modified …`), which the engine reads only
# for a source or a labelled publication / update.
NEAR_DATE_LINES = 8
NAMED_REACH = 2
AFTER_BODY_LINES = 3
INLINE_BOX_PROSE = 40.0  # article prose that must follow a `Related` marker inside the run to call it a box
LIST_WEIGHT = 0.5       # a table cell or list item: carried by the article, never a rival to it


@dataclass(frozen=True)
class Region:
    """The article's lines in a whole-page dump (indices into the lines given)."""

    is_dump: bool
    keep: tuple[int, ...]                  # title, header and body lines, in order
    dropped: tuple[tuple[int, str], ...]   # (index, why) for every other line
    body: tuple[int, int] = (0, 0)         # [start, end) of the article run
    title: int | None = None
    header: tuple[int, ...] = ()           # date / source / author lines near the title
    page_type: str = "article"             # a dump that is not an article keeps its content (text/dumptype.py)
    as_content: bool = False               # `keep` are content lines (dumptype.other_content), not an article run
    document: bool = False                 # the run was stretched over a document of short lines (text/dumpdoc.py)


def find_region(keys: Sequence[str], drop: Sequence[LineRule] = (), template: frozenset[str] = frozenset(),
                article: bool = False, match: Match = first_match, untitled: bool = False) -> Region:
    """The article region of a page given as its lines in `match_key` form (`keys[0]` is a dump's
    `<title>`). `drop` are the site rule's drop lines, `template` the keys of its learned template
    lines. On a seed-like page, or when the caller knows the text is already an article (`article`),
    `is_dump` is False and every line but the template's is kept. `match` asks the boilerplate rules
    (a MatchMemo shares the answers with the caller). `untitled`: the dump's layout is a rendering tool's, which
    prints no `<title>` (dumphead.tool_layout)."""
    whole = Region(False, tuple(i for i, k in enumerate(keys) if k not in template),
                   tuple((i, "site-template") for i, k in enumerate(keys) if k in template))
    if not keys or article:
        return whole
    scores = line_scores(keys, template)
    kind, first_scores = dump_page_type(keys, scores), tuple(scores)   # before the passes below change them
    tables = lift_tables(keys, scores)
    listed = lift_lists(keys, scores) | tables
    rules = (*dump_rules(), *drop, *generic_rules().lines)
    named = named_headlines(keys)
    start, end = settle_run(keys, scores, rules, match, named)
    if end == 0:
        return whole
    end = cut_at_stamps(keys, scores, start, end)
    every = (*rules, *generic_rules().sections)
    low = stretch_up(keys, scores, (start, end), named, every, match)
    high = stretch_down(keys, scores, (start, end), listed, every, match)
    document = frozenset(range(low, start)) | frozenset(range(end, high))
    signed = sign_off(keys, high)                   # short lines all: no run of menu lines inside the run
    start, end, unlisted = low, signed, document | frozenset(range(high, signed))
    title, heads_prose = find_headline(keys, scores, start, end, untitled)
    width = wrap_width(keys[start:end])
    if title is not None and start < title < end - 1 and wrapped_on(keys[title - 1], keys[title], width) \
            and wrapped_on(keys[title], keys[title + 1], width):
        # a line of the run that the greedy wrap shows going on the line above it and going on in the line below
        # (`…from the first week of` / `November, the operator said on` / `Monday – the…`: headline-shaped, over
        # the prose its paragraph's next lines make) is a paragraph's line, no headline: look above the run
        title, heads_prose = find_headline(keys, scores, start, start, untitled)
    # the headline's first and last line: with its dash-led subtitle on the line under it (with_subtitle)
    title, last = with_subtitle(keys, title) if title is not None else (None, -1)
    if last >= start:    # a cue headline under a menu bar the run began with
        start = last + 1
    top = title if title is not None else start
    above = max(0, top - DATE_OVER_TITLE) if title is not None else max(0, start - HEADER_WINDOW)
    if title is not None and not page_titled(keys, start):    # a headline found by cues alone may be a caption:
        above = max(0, min(above, start - HEADER_WINDOW))      # the date lines it would shut out are kept still
    header = tuple(i for i in range(above, start) if is_header_line(keys[i]) and i not in listed)
    titled = title is not None and page_title_match(keys[title], keys[0])
    run = Run(start, end, title is not None)
    # A page with no run of prose at all is no article, seed-like or not (text/dumpmodel.structural_type).
    bare = structural_type(keys, first_scores, run) if kind == "article" else None
    if bare is not None:
        return _as_content(keys, first_scores, rule_namer(rules, match), bare)
    if not is_dump(keys, scores, top, end, titled):
        return seed_like(whole, keys, scores, title, start, untitled)
    # Where the rules found no shop, thread or manual, the learned model (text/dumpmodel.py) may type the dump,
    # or doubt that one article run holds it: either way the dump keeps its content lines.
    verdict = learned_type(keys, first_scores, run) if kind == "article" else None
    if verdict is not None:
        kind = verdict.page_type
    if kind != "article" or (verdict is not None and verdict.doubtful):
        return _as_content(keys, first_scores, rule_namer(rules, match), kind)
    fallback = {0} if title is None and page_titled(keys, start) else set()      # the `<title>`, if the dump has one
    keep = set(range(start, end)) | set(header) | ({title, last} if title is not None else fallback)
    standfirst = range(top if heads_prose else start, start)
    # a hard-wrapped standfirst keeps its wrapped lines (its first line carries the paragraph's score)
    keep |= {k for i in standfirst if scores[i].quality >= 0.5 and scores[i].tokens >= 8
             for k in range(i, min(start, i + scores[i].span))}
    inner = dict(inner_drops(keys, scores, start, end, listed | unlisted, tables))
    keep -= set(inner)
    anchors = [top, *(i for i in named if i < start and i != top)]
    inner.update(near_date_lines(keys, anchors, (start, end), keep | set(inner) | listed))
    dropped = tuple((i, inner.get(i) or _why(i, scores[i], top, end)) for i in range(len(keys)) if i not in keep)
    return Region(True, tuple(sorted(keep)), dropped, (start, end), title, header, document=bool(document))


def _as_content(keys: Sequence[str], first_scores: Sequence[LineScore], rule_of: Callable[[str], str | None],
                kind: str) -> Region:
    """The region of a dump that is not an article (or an article in doubt): its content lines
    (text/dumptype.other_content)."""
    keep, why = other_content(keys, first_scores, rule_of, kind)
    return Region(True, tuple(keep), tuple(sorted(why.items())), page_type=kind, as_content=True)


def seed_like(whole: Region, keys: Sequence[str], scores: Sequence[LineScore], title: int | None,
              start: int, untitled: bool = False) -> Region:
    """A seed-like page comes back whole; with no `<title>` line, the headline its cues found goes with it
    when it has MIN_HEADLINE_TOKENS+ tokens, so that textclean does not take the nearest line over the body (a
    contents entry, `Simple tests at the yard`); a shorter one is as often a notice's number or a label
    (`Bulletin No. 47` over its date lines), and textclean's own choice stands. A first line taken for the
    `<title>` by its shape alone in a tool's dump (`untitled`, dumphead.names_no_line: a banner, a logo and its
    login links) does not stand in for the cues' headline; there a headline the `<title>` words alike
    (names_headline: `HARBOUR LOGISTICS OPENS …` under markdownify's `Harbour Logistics Opens …`) goes with the
    page too, both finders agreeing on it (not the first line itself, which cues may pick: a portal's name over its
    menu, `南江市生态环境局`). A title-first scraper's dump keeps its `<title>` line as before (a
    Chinese portal's `<title>` is often its office's name, which the notice's headline shares words with)."""
    if title is None or scores[title].tokens < MIN_HEADLINE_TOKENS:
        return whole
    if page_titled(keys, start) and not (untitled and (names_no_line(keys) or title > 0
                                                       and names_headline(keys[title], keys[0], title_head(keys[0])))):
        return whole
    return replace(whole, title=title)


def near_date_lines(keys: Sequence[str], anchors: Sequence[int], run: tuple[int, int],
                    skip: set[int] | frozenset[int]) -> dict[int, str]:
    """The story's date lines the region leaves out, for the dates engine: the date line nearest the headline
    (`anchors[0]`, else the run's start) from `NEAR_DATE_LINES` above it down to the run (a date row over a
    kicker, a byline row under a standfirst), or right by another line the `<title>` names above the run (a
    headline printed far above a run that starts under a table of contents: `NAMED_REACH` lines either side);
    and the first date line right under the run (`来源：江城日报 | 2025年05月16日`). Lines in `skip` (kept,
    dropped inside the run, items of a dated list) are not asked."""
    start, end = run
    top, others = anchors[0], anchors[1:]
    near = [(abs(i - top), i) for i in range(max(1, top - NEAR_DATE_LINES), start)
            if i not in skip and has_full_date(keys[i])]
    near += [(abs(i - a), i) for a in others for i in range(max(1, a - NAMED_REACH), min(start, a + NAMED_REACH + 1))
             if i not in skip and i != a and has_full_date(keys[i])]
    out = {min(near)[1]: "dump-date-near"} if near else {}
    after = next((i for i in range(end, min(len(keys), end + AFTER_BODY_LINES))
                  if i not in skip and has_full_date(keys[i])), None)
    if after is not None:
        out[after] = "dump-date-after"
    return out


def lift_lists(keys: Sequence[str], scores: list[LineScore]) -> frozenset[int]:
    """The lines of flattened tables and item lists (cleanfeed/text/listblocks.py), which now weigh a
    little instead of sinking like menu items: a table between two paragraphs, or a list right under the
    last one, joins the article run (`scores` is updated)."""
    listed = frozenset(i for a, b in list_blocks(keys) for i in range(a, b) if scores[i].boiler is None)
    for i in listed:
        if scores[i].weight <= 0:
            scores[i] = replace(scores[i], weight=LIST_WEIGHT, lifted=True)
    return listed


def lift_tables(keys: Sequence[str], scores: list[LineScore]) -> frozenset[int]:
    """The rows of a Chinese table printed a row a line (text/listblocks.table_rows), which now cost nothing
    instead of sinking like menu items: a table between two paragraphs of the story no longer ends the run above
    it, and one under the story does not draw the run down (no weight to gain; `scores` is updated)."""
    rows = frozenset(i for a, b in table_rows(keys) for i in range(a, b) if scores[i].boiler is None)
    for i in rows:
        if scores[i].weight < 0:
            scores[i] = replace(scores[i], weight=0.0, lifted=True)
    return rows


def is_dump(keys: Sequence[str], scores: Sequence[LineScore], top: int, end: int, titled: bool) -> bool:
    """A whole-page dump has navigation outside the article: menu items and navigation bars that no
    boilerplate rule or header pattern explains (or the site's learned template lines). A seed-like page
    has at most a site name, a breadcrumb and a share line or two there, which textclean handles alone;
    a dump whose first line is the `<title>` naming the headline further down needs fewer of them."""
    rules = (*generic_rules().lines, *generic_rules().sections, *dump_rules())
    need = MIN_CHROME_TITLED if titled else MIN_CHROME
    chrome = 0
    for i, score in enumerate(scores):
        if top <= i < end:
            continue
        if score.boiler == "site-template" or (
                is_chrome(keys[i], score) and not is_header_line(keys[i]) and first_match(rules, keys[i]) is None):
            chrome += 1
            if chrome >= need:
                return True
    return False


def inner_drops(keys: Sequence[str], scores: Sequence[LineScore], start: int, end: int,
                listed: frozenset[int] = frozenset(), tables: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """Lines inside the article run that are not article: dump-only boilerplate (consent banners, widget
    labels), runs of menu lines, and inline boxes (`Related articles` + links) that prose follows —
    textclean would read such a section marker as the end of the article. A table's rows (`tables`) are no
    menu lines and part no run of them: its caption over it is not one of five menu lines in a row."""
    asked = [i for i in range(start, end) if scores[i].weight <= 0]   # settle_run asked the others
    dump, sections = dump_rules(), generic_rules().sections
    only = {r.rule for r in dump} | {"site-template"}        # rules textclean does not know
    out: list[tuple[int, str]] = [(i, s.boiler) for i, s in enumerate(scores[start:end], start) if s.boiler in only]
    out += [(i, r.rule) for i in asked if (r := first_match(dump, keys[i])) is not None]
    out += [(i, "dump-menu") for i in menu_runs(scores, start, end, tables=tables) if i not in listed]
    for i in asked:
        marker = first_match(sections, keys[i])
        if marker is None or marker.rule_class in CUT_TO_END:    # textclean ends the article there
            continue
        j = i + 1
        while j < end and scores[j].weight <= 0:
            j += 1
        if j < end and sum(s.weight for s in scores[j:end] if s.weight > 0) >= INLINE_BOX_PROSE:
            out += [(k, "dump-inline-box") for k in range(i, j)]
    return out


def menu_runs(scores: Sequence[LineScore], start: int, end: int, min_run: int = 5,
              tables: frozenset[int] = frozenset()) -> list[int]:
    """Lines inside the run that belong to `min_run` or more menu lines in a row: navigation between
    two paragraphs (a tag cloud, a share bar, an inline list of links); a table's row (`tables`) ends a run."""
    out: list[int] = []
    run: list[int] = []
    for i in range(start, end + 1):
        if i < end and is_menu_like(scores[i]) and i not in tables:
            run.append(i)
            continue
        if len(run) >= min_run:
            out.extend(run)
        run = []
    return out


def _why(i: int, score: LineScore, top: int, end: int) -> str:
    if score.boiler == "site-template":
        return "site-template"
    if i < top:
        return "dump-above-article"
    return "dump-below-article" if i >= end else "dump-between-title-and-body"


class _Line(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def raw(self) -> str: ...
    @property
    def key(self) -> str: ...


L = TypeVar("L", bound=_Line)


class TypedDump(NamedTuple, Generic[L]):
    """What `typed_dump` hands textclean."""

    kept: list[L]               # the lines kept, in page order
    removed: list[Removed]      # the lines dropped, with why
    headline: L | None          # the headline line the region found
    page_type: str              # cleanfeed/text/dumptype.py's type (or the learned model's)
    as_content: bool            # `kept` are content lines (a non-article, an article in doubt), not an article run
    document: bool = False      # the body is a document of short lines under its headline (text/dumpdoc.py)


def typed_dump(lines: Sequence[L], rule: SiteRule | None = None, article: bool = False,
               match: Match = first_match, untitled: bool = False) -> TypedDump[L]:
    """textclean's hook: the lines kept of a whole-page dump and what was dropped. An article keeps its
    article run; a listing, thread, product page or manual keeps its content lines, and so does an article in
    doubt; a seed-like page, or text textclean knows to be an article already (`article`), comes back whole,
    less the lines of the site's learned template if it has one."""
    region = find_region([ln.key for ln in lines], rule.drop_lines if rule else (), _template(lines, rule), article,
                         match, untitled)
    headline = lines[region.title] if region.title is not None else None
    return TypedDump([lines[i] for i in region.keep], [Removed(lines[i].raw, why) for i, why in region.dropped],
                     headline, region.page_type, region.as_content, region.document)


def content_fallback(lines: Sequence[L], rule: SiteRule | None = None, titled: bool = True,
                     match: Match = first_match) -> TypedDump[L]:
    """The content lines of a text page in which textclean found no article body (no run of prose, or one the
    body rules emptied), typed `other`: every stretch of the whole page that pays for its lines, as a listing's
    (dumptype.other_content), less boilerplate; the first line is left out when it is the `<title>` (`titled`).
    Such a page was refused as "no article" and scored nothing; it now returns what it holds, and being no
    article it never reaches a feed (wcxb-dev-other rendered without `<title>`, bench/otherdumps.py -r b: 13
    pages had text and were refused)."""
    keys = [ln.key for ln in lines]
    rules = (*dump_rules(), *(rule.drop_lines if rule else ()), *generic_rules().lines)
    keep, why = other_content(keys, line_scores(keys, _template(lines, rule)), rule_namer(rules, match), "other",
                              titled)
    return TypedDump([lines[i] for i in keep], [Removed(lines[i].raw, w) for i, w in sorted(why.items())], None,
                     "other", True)


def _template(lines: Sequence[L], rule: SiteRule | None) -> frozenset[str]:
    """The keys of the lines of the site's learned template, as the page prints them."""
    learned = frozenset(rule.template_lines) if rule else frozenset()
    return frozenset(ln.key for ln in lines if ln.text in learned)


__all__ = ["Region", "TypedDump", "content_fallback", "find_region", "typed_dump"]
