"""How a date that won is shown: in which offset, and on which day.

A winner printed in UTC is shown in the page's own offset when the page gives evidence of it (the days it
prints, its declared country's zones); a machine field's clock of unknown zone goes onto the day the page
prints; an update's UTC stamp takes the offset the publication was shown in, for its own day. Split from
`engine`, which chooses the winners (`find_dates`).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from cleanfeed.dates.arbitrate import Judged
from cleanfeed.dates.clues import DATELINE, HEADER, META, PUBLISHED, Clue
from cleanfeed.dates.explain import source_label
from cleanfeed.dates.resolve import Resolved, Zones, in_offset_of, no_zones, onto_printed_day, own_offset
from cleanfeed.model import DateContext, FoundDate

ZERO = timedelta(0)


def printed_kind(clue: Clue) -> str:
    """"clock": printed with a clock time but no offset (its wall clock is the page's local time), "stamp" when
    that is a full date and time printed under the headline (`2021-03-02 01:00`); "field":
    the same in a machine field (JSON-LD, meta), not printed for readers; "day": a date alone from a
    trusted place (URL, header, dateline), which names the page's local day; "zoned": a clock printed for readers
    with its zone in the lines at the headline (`Feb. 9, 2024 7:30 p.m. EST`), the offset the page shows its time
    in (a `<time datetime>` in UTC is a machine field like JSON-LD, not what readers are shown)."""
    readings = clue.mention.readings
    if not readings:
        return ""
    if readings[0].zone is not None:
        return "zoned" if readings[0].clock is not None and clue.tier == HEADER else ""
    if readings[0].clock is not None:
        if clue.tier <= META:
            return "field"
        return "stamp" if clue.tier == HEADER and readings[0].year is not None else "clock"
    return "day" if HEADER <= clue.tier <= DATELINE and readings[0].year is not None else ""


def in_printed_zone(value: datetime, others: list[tuple[datetime, str]]) -> datetime:
    """A machine field's instant in the offset the page prints the same instant in for its readers (JSON-LD
    `2024-02-10T01:30:00+01:00`, the CMS server's offset, beside a byline's `Feb. 9, 2024 7:30 p.m. EST`): the
    readers' day is the printed one. `others` as in `shown_date`, "zoned" marking a printed clock with its zone."""
    printed = next((other for other, kind in others if kind == "zoned" and other == value
                    and other.utcoffset() != value.utcoffset()), None)
    return value.astimezone(printed.tzinfo) if printed is not None else value


def shown_date(best: tuple[Clue, Resolved] | None, others: list[tuple[datetime, str]],
           ctx: DateContext, zones: Zones = no_zones) -> FoundDate | None:
    """The winner as a FoundDate; a time printed in UTC is shown in the page's own offset when the page
    gives evidence of it (a time printed without offset is the page's own already; `zones`: those of the
    country the page declares)."""
    if best is None:
        return None
    clue, got = best
    readings = clue.mention.readings
    if readings and readings[0].zone is not None:                # printed with an offset or in UTC
        value = own_offset(got.value, others, ctx, zones)
        return FoundDate(in_printed_zone(value, others) if clue.tier <= META else value, source_label(clue, got))
    if clue.tier <= META and readings and readings[0].clock is not None and ctx.tz.utcoffset(got.value) == ZERO:
        # A machine field's clock without an offset (`"datePublished": "2020-12-05T23:15"`) on a page of
        # unknown zone is as often UTC as local: the day the page prints decides (`06 Dicembre 2020`).
        return FoundDate(onto_printed_day(got.value, others, zones), source_label(clue, got))
    return FoundDate(got.value, source_label(clue, got))


def shown_update(updated: tuple[Clue, Resolved] | None, found_pub: FoundDate | None, judged: Judged,
                  ctx: DateContext, zones: Zones) -> FoundDate | None:
    """The update winner as a FoundDate. A time in UTC is shown in the offset the publication was shown in
    (`en-AU`: a publication at +10:00 on its printed day puts an update stamp of 23:30Z on the next day there);
    else the page's evidence is read without the publication's printed days: `June 15, 2022` under the
    headline dates the publication, and says nothing about a stamp of 02:30Z on the 16th printed nowhere
    (moving it 3 hours west onto the 15th would invent an offset from another date's day)."""
    others = [(g.value, kind if c.role != PUBLISHED or kind != "day" else "")
              for c, g in judged if isinstance(g, Resolved) and g.problem is None for kind in (printed_kind(c),)]
    found = shown_date(updated, others, ctx, zones)
    if found is None or found_pub is None or updated is None or not updated[1].timed \
            or found.value.utcoffset() != ZERO or found_pub.value.utcoffset() == ZERO:
        return found
    return replace(found, value=in_offset_of(found.value, found_pub.value, ctx, zones))


__all__ = ["in_printed_zone", "printed_kind", "shown_date", "shown_update"]
