"""An update printed with a clock alone after the publication on its line: `Publié le 6 décembre 2024 à 10h32,
mis à jour à 14h05`, `06.12.2024, 14:05 Uhr · aktualisiert um 18:30 Uhr`, `06/12/2024 - 10:15 aggiornato alle
18:40`. The update is on the publication's day; nothing else on the line names it (issue 19, ninth round: French,
German, Italian, Spanish and Dutch news pages print a same-day change this way)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from cleanfeed.dates.patterns import Mention, Reading, clock_at
from cleanfeed.dates.vocab import vocab

# The label opens the gap after the publication, after at most a separator (`, `, ` · `, ` - `, ` (`, `h. `).
_GAP_BEFORE = r"[\s.,;|·•/\-–—(\[]{0,4}"
# A clock the next date follows at once is that date's (`Updated: 09:10 GMT, 5 March 2025`, British papers' style).
_OPENS_NEXT = re.compile(r"[\s,]{0,3}")


@lru_cache(maxsize=1)
def _update_label() -> re.Pattern[str]:
    return re.compile(rf"{_GAP_BEFORE}(?:{vocab().updated.pattern})[\s:]*", re.I)


_UTC_OFFSET = re.compile(r"^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$", re.I)
# `CST` is US Central or China Standard Time (resolve.zone_of settles it by the page's zone): never converted here.
_AMBIGUOUS_ZONES = frozenset({"CST"})


def _offset_minutes(zone: str, reading: Reading) -> int | None:
    """Minutes east of UTC of a printed zone (`CET`, `GMT`, `+08:00`, `ET` on the reading's day); None when it
    cannot be told from the line alone (an unknown or ambiguous name, a named zone on a day without its year)."""
    key = zone.upper()
    known = vocab().zones.get(key) if key not in _AMBIGUOUS_ZONES else None
    if isinstance(known, int | float):
        return int(known * 60)
    if isinstance(known, str):
        if reading.year is None or reading.month is None:
            return None
        try:
            noon = datetime(reading.year, reading.month, reading.day, 12)
        except ValueError:      # a day the calendar lacks (`February 30, 2024 10:00 ET`): no offset, no crash
            return None
        offset = ZoneInfo(known).utcoffset(noon)
        return int(offset.total_seconds()) // 60 if offset is not None else None
    if m := _UTC_OFFSET.match(zone):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return minutes if m.group(1) == "+" else -minutes
    return None


def _minutes(clock: tuple[int, int, int]) -> int:
    return clock[0] * 60 + clock[1]


def is_earlier(update: tuple[int, int, int], update_zone: str | None, published: Reading) -> bool:
    """The update's clock is before the publication's on their day: compared in UTC when both print a zone
    that names an offset (`10:00 CET · Updated 09:30 GMT` is 09:00 then 09:30 UTC: later), else as printed (an
    update without a zone is in the publication's)."""
    if published.clock is None:
        return False
    shift = 0
    if update_zone and published.zone and update_zone.upper() != published.zone.upper():
        ours, theirs = _offset_minutes(update_zone, published), _offset_minutes(published.zone, published)
        if ours is not None and theirs is not None:
            shift = theirs - ours          # the update's clock moved into the publication's zone
    return _minutes(update) + shift < _minutes(published.clock)


def same_day_update(text: str, mention: Mention, until: int) -> Mention | None:
    """The update `text` prints between `mention` (a date with its month, with or without its year: `Publié le
    6 mars à 10h32, mis à jour à 14h05`) and `until` as an update label and a clock alone, read as a mention of
    `mention`'s day at that clock; None when there is none, or when the clock is before the publication's own
    (then it is no later change of that day)."""
    if mention.relative is not None or not mention.readings or any(r.month is None for r in mention.readings):
        return None
    label = _update_label().match(text, mention.end, until)
    if label is None:
        return None
    clock, zone, end = clock_at(text, label.end(), until)
    if clock is None or (until < len(text) and _OPENS_NEXT.fullmatch(text, end, until)):
        return None
    if any(is_earlier(clock, zone, r) for r in mention.readings):
        return None
    readings = tuple(Reading(r.year, r.month, r.day, clock, zone or r.zone) for r in mention.readings)
    return Mention(label.start(), end, text[label.start():end], readings, order=mention.order)


def with_same_day_updates(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, bool]]:
    """`mentions` in order, each followed by the same-day update printed after it, if any (flagged True)."""
    out: list[tuple[Mention, bool]] = []
    for i, mention in enumerate(mentions):
        out.append((mention, False))
        until = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if update := same_day_update(text, mention, until):
            out.append((update, True))
    return out


__all__ = ["is_earlier", "same_day_update", "with_same_day_updates"]
