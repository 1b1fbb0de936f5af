"""Which of day and month comes first in a numeric date that reads both ways (`05/06/2020`: 5 June or
6 May?), settled from the page, never guessed.

A reading after the fetch time has already lost (resolve.py). The evidence then, strongest first:
1. another date on the page names one reading's day (`<meta … content="2020-06-05">`, `/2020/06/05/`);
2. the date's own clock is a 12-hour one (`7/5/2005 9:23:57 PM`: the United States' way of printing both;
   day-first countries print numeric dates with a 24-hour clock);
3. the page's other numeric dates fix an order (`21/05/2021` is day first; `06/15/2022` month first), when
   they all agree;
4. the page's language and region (`fr`, `en-GB`: day first; `en-US`, `zh`: month first; plain `en` says
   nothing, British and American pages both call themselves that).
Without any of them the date stays unresolved and loses to any other date (resolve.AMBIGUOUS).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from cleanfeed.dates.patterns import Mention, language_order

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


__all__ = ["orders_in", "settle"]
