"""The dates engine: publication (and modification) dates with provenance.

A cascade read top to bottom (DESIGN.md, Dates): JSON-LD, meta tags, `<time>` in the article, a publish
header near the headline, the URL, the dateline, later body dates. Every strategy returns all the dates
it saw as `Clue`s; each is resolved (year inference, relative forms, zone, plausibility) and the most
trusted plausible one wins. Every date considered comes back as a DateCandidate saying why it won or lost.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Sequence

from ..draft import DateContext, Draft
from ..model import DateCandidate, FoundDate
from .clues import PUBLISHED, UPDATED, Clue
from .html import html_clues, page_url, url_clues
from .resolve import Resolved, resolve
from .text import text_clues

log = logging.getLogger(__name__)

MAX_CANDIDATES = 40      # --explain lists this many; a long body repeats the same kinds of date


@dataclass(frozen=True)
class DateResult:
    published: FoundDate | None
    updated: FoundDate | None = None
    candidates: tuple[DateCandidate, ...] = ()


def gather(draft: Draft, ctx: DateContext) -> list[Clue]:
    """Every clue from every strategy, most trusted first."""
    clues = []
    if draft.doc is not None:
        clues += html_clues(draft.doc, ctx.language)
    url = ctx.url or draft.url or (page_url(draft.doc) if draft.doc is not None else None)
    clues += url_clues(url)
    clues += text_clues(draft, ctx.language)
    return sorted(clues, key=lambda c: c.key)


def _source(clue: Clue, got: Resolved) -> str:
    return f"{clue.source}:inferred" if got.how == "inferred" else clue.source


def find_dates(draft: Draft, ctx: DateContext) -> DateResult:
    """Every date the page offers, best first; a pure function of the draft and the context."""
    judged = [(clue, resolve(clue.mention, ctx)) for clue in gather(draft, ctx)]
    published = _best(judged, PUBLISHED)
    updated = _best(judged, UPDATED)
    if published and updated and updated[1].value < published[1].value:
        updated = None
    found_pub = FoundDate(published[1].value, _source(*published)) if published else None
    found_upd = FoundDate(updated[1].value, _source(*updated)) if updated else None
    return DateResult(found_pub, found_upd, _explain(judged, published, updated))


def _best(judged: Sequence[tuple[Clue, Resolved | str]], role: str) -> tuple[Clue, Resolved] | None:
    for clue, got in judged:
        if clue.role == role and isinstance(got, Resolved) and got.problem is None:
            return clue, got
    return None


def _explain(judged: Sequence[tuple[Clue, Resolved | str]], published: tuple[Clue, Resolved] | None,
             updated: tuple[Clue, Resolved] | None) -> tuple[DateCandidate, ...]:
    out = []
    for clue, got in judged:
        if not isinstance(got, Resolved):
            log.debug("date %r from %s %s", clue.mention.text, clue.source, got)
            continue
        out.append(DateCandidate(got.value, _source(clue, got), clue.mention.text,
                                 _reason(clue, got, published, updated)))
        if len(out) >= MAX_CANDIDATES:
            break
    return tuple(out)


def _reason(clue: Clue, got: Resolved, published: tuple[Clue, Resolved] | None,
            updated: tuple[Clue, Resolved] | None) -> str:
    if got.problem:
        return got.problem
    if clue.role == "other":
        return "lost: labelled as another kind of date (an event, a deadline, a document's written date)"
    if published and clue is published[0]:
        return f"won: the most trusted plausible publication date ({clue.source})"
    if updated and clue is updated[0]:
        return f"won: the most trusted modification date ({clue.source})"
    best = published if clue.role == PUBLISHED else updated
    if best is None:
        return "lost: a modification date earlier than the publication date"
    return f"lost: less trusted than {best[0].source}"


__all__ = ["DateResult", "find_dates", "UPDATED"]
