"""What `--explain` shows of the dates engine's work: every date it considered, most trusted first, with the
value it stands for, where it was read (`source_label`) and why it won or lost."""
from __future__ import annotations

import logging

from cleanfeed.dates.arbitrate import Judged
from cleanfeed.dates.clues import META, PUBLISHED, URL, Clue
from cleanfeed.dates.resolve import Resolved
from cleanfeed.model import DateCandidate, FoundDate

log = logging.getLogger(__name__)

MAX_CANDIDATES = 40      # --explain lists this many; a long body repeats the same kinds of date


def source_label(clue: Clue, got: Resolved) -> str:
    """The clue's source, with `:inferred` when the year (or month) came from the fetch time and
    `:date-only` when no time of day was printed (the value is then 12:00 UTC of the printed day)."""
    return clue.source + (":inferred" if got.how == "inferred" else "") + ("" if got.timed else ":date-only")


def explain(judged: Judged, published: tuple[Clue, Resolved] | None, updated: tuple[Clue, Resolved] | None,
             winners: dict[int, FoundDate | None], rendered: Clue | None) -> tuple[DateCandidate, ...]:
    """The candidates for --explain, most trusted first; a winner shows the value as published (in the
    page's own offset). Mentions that are no date at all without a fetch time (`9月28日`, `3 days ago`)
    have no value to show: they are logged."""
    out = []
    for clue, got in judged:
        if not isinstance(got, Resolved):
            log.debug("date %r from %s %s", clue.mention.text, clue.source, got)
            continue
        shown = winners.get(id(clue))
        out.append(DateCandidate(shown.value if shown else got.value, source_label(clue, got), clue.mention.text,
                                 _reason(clue, got, published, updated, rendered)))
        if len(out) >= MAX_CANDIDATES:
            break
    return tuple(out)


def _reason(clue: Clue, got: Resolved, published: tuple[Clue, Resolved] | None,
            updated: tuple[Clue, Resolved] | None, rendered: Clue | None) -> str:
    if got.problem:
        return got.problem
    if clue.role == "other":
        return "lost: labelled as another kind of date (an event, a deadline, a document's written date)"
    if published and clue is published[0]:
        return f"won: the most trusted plausible publication date ({clue.source})"
    if updated and clue is updated[0]:
        return f"won: the most trusted modification date ({clue.source})"
    best = published if clue.role == PUBLISHED else updated
    if clue.role == PUBLISHED and best and best[0].tier == URL and clue.tier <= META:
        return "lost: the page's permalink is dated days earlier (the metadata are a re-publication's)"
    if clue is rendered:
        return "lost: later than the modification date the page prints (the time it was rendered)"
    if best is None:
        return ("lost: no publication date won" if clue.role == PUBLISHED
                else "lost: a modification date earlier than the publication date")
    return f"lost: less trusted than {best[0].source}"
