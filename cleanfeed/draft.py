"""What a reader-specific cleaner (plain text or HTML) hands to the shared stages (language, dates)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from .model import Removed


@dataclass(frozen=True)
class Draft:
    """A cleaned page before dates and language are settled."""

    title: str | None
    paragraphs: tuple[str, ...]          # the article body as plain-text blocks, in order
    author: str | None = None
    html: str | None = None              # sanitized body HTML; None → built from `paragraphs`
    header_lines: tuple[str, ...] = ()   # metadata lines near the headline ("Release Time: …", "发布时间：…")
    removed: tuple[Removed, ...] = ()
    language: str | None = None          # as the page declares it (`<html lang>`), if it does
    url: str | None = None               # canonical URL the page states, if any
    image: str | None = None             # lead image (absolute URL)
    description: str | None = None       # the page's own summary (meta description)
    doc: Any = None                      # HTML only: the *uncleaned* lxml document, for the dates engine


@dataclass(frozen=True)
class DateContext:
    """What the dates engine needs besides the page: when it was fetched and which zone its clocks use."""

    fetched_at: datetime | None   # aware; None → year-less and relative dates cannot be resolved
    tz: tzinfo                    # for wall-clock times printed without an offset
    language: str                 # BCP 47 of the page: decides 03/04 day-first vs month-first
    url: str | None = None
