"""Which of day and month comes first in a numeric date that reads both ways (`05/06/2020`: 5 June or
6 May?), settled from the page, never guessed.

A reading after the fetch time has already lost (resolve.py). The evidence then, strongest first:
1. another date on the page names one reading's day (`<meta … content="2020-06-05">`, `/2020/06/05/`);
2. the date's own clock is a 12-hour one (`7/5/2005 9:23:57 PM`: the United States' way of printing both;
   day-first countries print numeric dates with a 24-hour clock);
3. the page's other numeric dates fix an order (`21/05/2021` is day first; `06/15/2022` month first), when
   they all agree;
4. the page's language and region (`fr`, `en-GB`: day first; `en-US`, `zh`: month first; plain `en` says
   nothing, British and American pages both call themselves that);
5. the same two kinds of evidence (1 and 3) from the whole page, teasers and sidebars included
   (`page_evidence`): a site prints its dates one way, and its list of recent posts often names this
   post's day in words (`03/10/2023` beside `3 October 2023`).
Without any of them the date stays unresolved and loses to any other date (resolve.AMBIGUOUS).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from cleanfeed.dates.patterns import Mention, find_mentions, language_order, normalize

# A numeric date with a four- or two-digit year, anywhere in running text: only its order matters here.
_TWELVE_HOUR = re.compile(r"\d\s*[ap]\.?\s?m\b", re.I)
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(?:(?:19|20)\d{2}|\d{2})(?![\d/\-])")


def orders_in(mentions: Iterable[Mention], texts: Iterable[str]) -> set[str]:
    """The orders ("md", "dm") the page's numeric dates fix: from the mentions already read, and from a
    scan of `texts` (the page's text, read only when a date needs settling). A dotted date (`17.01.2021`,
    `03.04.2021`) is day first by convention wherever it is printed."""
    found = {m.order for m in mentions if m.order in ("md", "dm")}
    for text in texts:
        for m in _NUMERIC.finditer(text):
            a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
            if sep == "." or (a > 12 >= b >= 1):
                found.add("dm")
            elif b > 12 >= a >= 1:
                found.add("md")
    return found


def settle(mention: Mention, readings: tuple[date, date], days: set[date], orders: set[str],
           language: str | None) -> str | None:
    """"md" or "dm" for `mention`, whose readings (month first, day first) name these two days; None when
    nothing settles it. `days`: the days the page's other, unambiguous dates name; `orders`: orders_in()."""
    md, dm = readings
    if (md in days) != (dm in days):
        return "md" if md in days else "dm"
    if _TWELVE_HOUR.search(mention.text):
        return "md"
    if len(orders) == 1:
        return next(iter(orders))
    return language_order(language)


_NOT_TEXT = ("script", "style", "noscript", "template")
_DIGIT = re.compile(r"\d")
MAX_PAGE_TEXT = 200_000      # characters read for page-wide evidence; later text is more of the same lists


def page_evidence(doc: Any, language: str | None) -> tuple[set[date], set[str]]:
    """The days the page's full, unambiguous dates name and the orders its numeric dates fix, read from all
    its text pieces (steps 1 and 3 of the docstring, page-wide). Only for a date nothing else settles: it
    walks the whole page."""
    mentions: list[Mention] = []
    size = 0
    for el in doc.iter():
        own = el.text if isinstance(el.tag, str) and el.tag not in _NOT_TEXT else None
        for piece in (own, el.tail):
            if piece and _DIGIT.search(piece):
                mentions += find_mentions(normalize(piece.strip()), language, relative=False)
                size += len(piece)
        if size > MAX_PAGE_TEXT:
            break
    days = set()
    for m in mentions:
        r = m.readings[0] if m.readings else None
        if r is not None and r.year is not None and r.month is not None and m.order != "either":
            try:
                days.add(date(r.year, r.month, r.day))
            except ValueError:
                continue
    return days, orders_in(mentions, ())


__all__ = ["orders_in", "page_evidence", "settle"]
