"""The dates engine: publication (and modification) dates with provenance. (Filled in by the dates issue.)"""
from __future__ import annotations

from dataclasses import dataclass

from ..draft import DateContext, Draft
from ..model import DateCandidate, FoundDate


@dataclass(frozen=True)
class DateResult:
    published: FoundDate | None
    updated: FoundDate | None = None
    candidates: tuple[DateCandidate, ...] = ()


def find_dates(draft: Draft, ctx: DateContext) -> DateResult:
    """Every date the page offers, best first; a pure function of the draft and the context."""
    return DateResult(None)
