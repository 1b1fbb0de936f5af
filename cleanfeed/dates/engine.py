"""The dates engine: publication (and modification) dates with provenance.

A cascade read top to bottom (DESIGN.md, Dates): JSON-LD, meta tags, `<time>` in the article, a publish
header near the headline, the URL, the dateline, later body dates. Every strategy returns all the dates
it saw as `Clue`s; each is resolved (year inference, relative forms, zone, plausibility) and the most
trusted plausible one wins (shown in the page's own offset by `shown`). With `explain`, every date considered comes
back as a DateCandidate saying why it won or lost.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from cleanfeed.dates.arbitrate import (
    Judged,
    after_last_change,
    before,
    corroborated,
    first_publication,
    imported_post,
    modification_times,
    no_change,
    permalink_first,
    printed_change,
    printed_first,
    probe_keeps,
    probe_year,
    published_after_creation,
    record_created,
    released_next_day,
    render_time,
)
from cleanfeed.dates.blocks import block_dateline_clues
from cleanfeed.dates.clues import BODY, HEADER, LOOSE, META, PAGE, PUBLISHED, TIME, UPDATED, URL, Clue
from cleanfeed.dates.cutrows import page_stamp_clues
from cleanfeed.dates.dumpdays import page_day_clues
from cleanfeed.dates.explain import explain as candidates_of
from cleanfeed.dates.footer import footer_change
from cleanfeed.dates.header import header_clues as html_header_clues
from cleanfeed.dates.header import marked_clues, under_headline_clues
from cleanfeed.dates.html import itemprop_clues, jsonld_clues, meta_clues, time_clues, time_offsets
from cleanfeed.dates.layout import Layout, Tags, first_h1, layout_of, regional_language, tags_of
from cleanfeed.dates.localzone import page_zones
from cleanfeed.dates.nearhead import lines_near, squeezed_near
from cleanfeed.dates.order import orders_in, page_evidence, settle
from cleanfeed.dates.resolve import (
    AMBIGUOUS,
    Resolved,
    no_zones,
    resolve,
)
from cleanfeed.dates.scan import page_clues
from cleanfeed.dates.shown import printed_kind, shown_date, shown_update
from cleanfeed.dates.text import (
    DATELINE_PARAGRAPHS,
    article_paragraphs,
    body_clues,
    cut_note_clues,
    text_header_clues,
)
from cleanfeed.dates.url import image_clues, page_url, url_clues
from cleanfeed.model import DateCandidate, DateContext, Draft, FoundDate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DateResult:
    published: FoundDate | None
    updated: FoundDate | None = None
    candidates: tuple[DateCandidate, ...] = ()


Strategy = Callable[[Judged], list[Clue]]


@dataclass(frozen=True)
class Stage:
    """A strategy and when it runs: `moot_below` is the tier below which a winner makes it moot (0: it always
    runs); `probe` a cheaper look it takes even when moot, when `arbitrate.probe_keeps` says so (regenerated
    metadata, an evening stamp)."""

    moot_below: int
    run: Strategy
    probe: Strategy | None = None


def _stages(draft: Draft, ctx: DateContext, tags: Tags | None, lang: str) -> list[Stage]:
    """The strategies in the order they run, each with the tier below which a winner makes it moot.
    Cheap strategies always run, with or without --explain: the arbitration in find_dates reads what they
    find (a first-publication note, an update stamp, the day a URL or dateline prints), and --explain shows
    the dateline a header beat. Those that walk the page (the text around the headline, the whole page, the
    body) run only when nothing better was found. `<time>` elements are judged in full only without a better
    date; beside a UTC timestamp they are still read, for the page's own offset."""
    doc = draft.doc
    url = ctx.url or draft.url or (page_url(tags) if tags is not None else None)
    memo: dict[str, Layout] = {}

    near_memo: list[tuple[list[str], list[str]]] = []

    def layout() -> Layout:
        if "layout" not in memo:
            memo["layout"] = layout_of(doc, tags.headings if tags is not None else None)
        return memo["layout"]

    def near() -> tuple[list[str], list[str]]:
        if not near_memo:
            near_memo.append(lines_near(layout()) if layout().head is not None else ([], []))
        return near_memo[0]

    def header_lines(judged: Judged) -> list[Clue]:
        """The extractor's header lines; on an HTML page without a better date, only those the engine also
        sees around the headline: the extractor reads on past the body of a short article, into a related
        or recommended list (`推荐阅读 / 2019-02-25 废铅蓄电池回收试点扩围`) that the regions leave out. A
        date a site rule selected is kept wherever it stands on the page (a footer's `发布日期`)."""
        if tags is None or not draft.header_lines or _winner(judged, HEADER) is not None or layout().head is None:
            return text_header_clues(draft, lang)
        seen = squeezed_near(near())
        kept = tuple(ln for ln in draft.header_lines if "".join(ln.split()) in seen or ln == draft.ruled_date)
        return text_header_clues(replace(draft, header_lines=kept), lang)

    def times(judged: Judged) -> list[Clue]:
        best = _winner(judged, TIME)
        if tags is None:
            return []
        if best is None:
            return time_clues(tags, lang, layout())
        return time_offsets(tags, lang) if best.utcoffset() == timedelta(0) else []

    html = tags is not None
    paragraphs = article_paragraphs(draft)
    never = 0                # no tier is below 0
    return [
        Stage(never, lambda j: [*jsonld_clues(tags, lang), *meta_clues(tags, lang, layout)] if tags else []),
        Stage(never, header_lines),
        Stage(never, lambda j: url_clues(url)),
        Stage(never, lambda j: body_clues(paragraphs[:DATELINE_PARAGRAPHS], lang)),
        Stage(never, lambda j: [*body_clues(paragraphs, lang, start=DATELINE_PARAGRAPHS, lines_only=True),
                                *cut_note_clues(draft, lang)]),
        Stage(never, times),
        Stage(HEADER, lambda j: html_header_clues(doc, lang, layout(), near()) if html else [],
              # regenerated metadata: the few lines under the headline, where a first publication is printed;
              # beside any other machine stamp, only those before the text starts (arbitrate.imported_post)
              lambda j: under_headline_clues(head, lang, before_year=probe_year(j))
              if tags is not None and (head := first_h1(tags.headings)) is not None else []),
        # Microdata dates on other elements and boxes marked date/meta/byline away from the headline: moot
        # once the headline's lines gave a date.
        Stage(URL, lambda j: [*itemprop_clues(doc, lang, layout()), *marked_clues(doc, lang, layout())] if html
              else []),
        Stage(PAGE, lambda j: [*page_clues(doc, lang, layout(), tags.scripts), *image_clues(tags)] if tags is not None
              else [*page_stamp_clues(draft, lang), *page_day_clues(draft, lang)]),
        # The article's opening in <div>s the paragraphs missed; moot once any dateline or better won.
        Stage(LOOSE, lambda j: block_dateline_clues(doc, lang or "", layout()) if html else []),
        Stage(BODY, lambda j: body_clues(paragraphs, lang, start=DATELINE_PARAGRAPHS, skip_lines=True)),
    ]


NO_WINNER = BODY + 1


def _winner(judged: Judged, below: int) -> datetime | None:
    """The value of the most trusted plausible publication date from a tier below `below`, if any."""
    best = min(((c.key, g.value) for c, g in judged if c.tier < below and c.role == PUBLISHED
                and isinstance(g, Resolved) and g.problem is None), default=None)
    return best[1] if best else None


def gather(draft: Draft, ctx: DateContext, tags: Tags | None) -> Judged:
    """Every clue the strategies found, resolved against the fetch time and zone, most trusted first. `tags`:
    the page's elements by tag (layout.tags_of), None for a text page."""
    lang = regional_language(draft.doc, tags, ctx.language) if tags is not None and ctx.language else ctx.language
    judged: Judged = []
    top = NO_WINNER          # the tier of the most trusted plausible publication date so far
    for stage in _stages(draft, ctx, tags, lang):
        strategy, keep = stage.run, None
        if stage.moot_below and top < stage.moot_below:        # (as _winner(judged, moot_below) is not None)
            if stage.probe is None or (keep := probe_keeps(judged)) is None:
                continue
            strategy = stage.probe
        new = modification_times(judged, [(clue, resolve(clue.mention, ctx)) for clue in strategy(judged)])
        if keep is not None:
            new = keep(judged, new)
        top = min([top, *(c.tier for c, g in new if c.role == PUBLISHED and isinstance(g, Resolved)
                          and g.problem is None)])
        judged += new
    if any(isinstance(g, Resolved) and g.problem == AMBIGUOUS for _, g in judged):
        judged = _settled(judged, draft, ctx, lang)
    return sorted(judged, key=lambda cg: cg[0].key)


def _settled(judged: Judged, draft: Draft, ctx: DateContext, lang: str) -> Judged:
    """Numeric dates that read both ways (`05/06/2020`) resolved in the order the page settles (order.py):
    the days its other dates name, the order its other numeric dates fix, its language; else the same
    evidence from the whole page (its teasers and sidebars too)."""
    days = {g.value.date() for c, g in judged if isinstance(g, Resolved) and g.problem is None
            and c.mention.order != "either"}
    orders = orders_in((c.mention for c, _ in judged), (draft.title or "", *draft.header_lines, *draft.paragraphs))
    page: list[tuple[set[date], set[str]]] = []         # page-wide evidence, read once if needed
    out: Judged = []
    for clue, got in judged:
        if isinstance(got, Resolved) and got.problem == AMBIGUOUS:
            md, dm = (resolve(clue.mention, ctx, order) for order in ("md", "dm"))
            if isinstance(md, Resolved) and isinstance(dm, Resolved):
                readings = (md.value.date(), dm.value.date())
                order = settle(clue.mention, readings, days, orders, lang)
                if order is None and draft.doc is not None:
                    page = page or [page_evidence(draft.doc, lang)]
                    order = settle(clue.mention, readings, *page[0], None)
                got = resolve(clue.mention, ctx, order)
        out.append((clue, got))
    return out


def find_dates(draft: Draft, ctx: DateContext, *, explain: bool = False) -> DateResult:
    """The publication and modification dates of the page; a pure function of the draft and the context.
    `explain`: also every date considered, best first, with why it won or lost (`--explain`; DateResult.
    candidates stays empty without it). The dates themselves do not depend on it: every stage runs either way,
    since the arbitration below reads what the cheap stages found (a first-publication note, an update stamp,
    the days a URL or dateline prints)."""
    tags = tags_of(draft.doc, draft.elements) if draft.doc is not None else None
    judged = gather(draft, ctx, tags)
    published = printed_first(judged, permalink_first(judged, corroborated(judged, _best(judged, PUBLISHED))))
    published = published_after_creation(judged, published)
    published = first_publication(judged, imported_post(judged, released_next_day(judged, published)))
    updated = no_change(judged, printed_change(judged, _best(judged, UPDATED), published), published)
    if updated is None and published is not None and published[0].tier < PAGE and draft.doc is not None:
        # The whole-page scan, which reads a footer's labelled dates, was moot: the footer's last change.
        updated = footer_change(draft.doc, ctx, published[1], tags)
        judged = [*judged, updated] if updated is not None else judged
    rendered = None
    if published and updated and updated[0].tier < BODY and (published[0].tier == BODY or record_created(published[0])
                                                               or after_last_change(published, updated)):
        # A date in the running text is what the story is about, no publication stamp (nor is a state blob's
        # `createdAt`, nor an opening date after the page's own printed last change): the page's own last-change
        # stamp (`[Stand: 09.10.2017, 01:40 Uhr]`) is the better date.
        published = None
    if published and updated and before(updated[1], published[1]):
        if render_time(published[0]) and updated[0].tier > META:
            # A bare `<meta name="date">` later than the last-change stamp the page prints ("Stand:
            # 28.04.2020 18:00"): the time the page was rendered. The next publication date the page gives
            # wins; without one, the stamp is the latest the text is from (below).
            rendered = published[0]
            published = _best(judged, PUBLISHED, skip=rendered)
        else:
            updated = None                  # "changed" before it was published: a stale field
    others = [(g.value, printed_kind(c)) for c, g in judged if isinstance(g, Resolved) and g.problem is None]
    doc = draft.doc
    zones = (lambda: page_zones(doc)) if doc is not None else no_zones      # read only when a day is at stake
    found_pub = shown_date(published, others, ctx, zones)
    found_upd = shown_update(updated, found_pub, judged, ctx, zones)
    if found_pub is None and found_upd is not None:
        # A page that states only when it was last changed: that is the best date it gives for its text.
        found_pub = FoundDate(found_upd.value, f"{found_upd.source}:updated")
    if not explain:
        return DateResult(found_pub, found_upd)
    winners = {id(best[0]): found for best, found in ((published, found_pub), (updated, found_upd)) if best}
    return DateResult(found_pub, found_upd, candidates_of(judged, published, updated, winners, rendered))


def _best(judged: Judged, role: str, skip: Clue | None = None) -> tuple[Clue, Resolved] | None:
    for clue, got in judged:
        if clue.role == role and clue is not skip and isinstance(got, Resolved) and got.problem is None:
            return clue, got
    return None


__all__ = ["DateResult", "find_dates"]
