"""Mention → aware datetime: year and month inference, relative dates, time zones, day/month order, and
the plausibility bounds.

The bounds live here and nowhere else: not after the fetch time (plus a small tolerance for pages whose
clock runs in a zone ahead of ours) nor after the end of the fetch day, not before 1995. A date printed
without a time becomes 12:00 UTC of the printed day in the page's offset (timeutil.midday, DESIGN.md).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from cleanfeed.dates.patterns import Mention, Reading, Relative
from cleanfeed.dates.vocab import vocab
from cleanfeed.model import DateContext
from cleanfeed.timeutil import end_of_day, midday

EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
# The widest gap between two zones' clocks is 26 h (UTC-12 … UTC+14); a fetch time in the page's zone
# leaves at most 14 h of "future" for a page printing its own local time.
FUTURE_TOLERANCE = timedelta(hours=14)

_OFFSET = re.compile(r"^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$", re.I)


MIDNIGHT = (0, 0, 0)
AMBIGUOUS = "unresolved: day and month order unknown (both readings are plausible and nothing on the page settles it)"


@dataclass(frozen=True)
class Resolved:
    value: datetime
    how: str = ""                 # "" (as printed), "inferred" (year or month from the fetch time) or "relative"
    problem: str | None = None    # why it cannot be the publication date (bounds), None when plausible
    timed: bool = True            # False: printed without a time of day (the value is timeutil.midday)


@lru_cache(maxsize=16)
def latest(ctx: DateContext) -> datetime | None:
    """The latest a page's date can be: the fetch time plus the tolerance, or the end of the fetch day in
    the page's zone when that is later (a fetch time given as a bare date means that whole day)."""
    if ctx.fetched_at is None:
        return None
    return max(ctx.fetched_at + FUTURE_TOLERANCE, end_of_day(ctx.fetched_at.astimezone(ctx.tz).date(), ctx.tz))


def bounds_problem(value: datetime, ctx: DateContext, *, timed: bool = True) -> str | None:
    """Why `value` cannot be a publication date of a page fetched at ctx.fetched_at, or None. A date
    without a time is judged by its day: the fetch day itself is never in the future."""
    if value < EARLIEST:
        return "rejected: before 1995"
    bound = latest(ctx)
    if bound is not None and ctx.fetched_at is not None:
        later = value.date() > bound.astimezone(value.tzinfo).date() if not timed else value > bound
        if later:
            return f"rejected: after the fetch time {ctx.fetched_at.isoformat()}"
    return None


def zone_of(printed: str | None, ctx: DateContext) -> tzinfo:
    """The zone a printed clock time is in: its own offset or abbreviation, else the page's zone."""
    if not printed:
        return ctx.tz
    key = printed.upper()
    if key == "CST":   # China Standard Time on pages in a +08:00 zone, US Central elsewhere
        china = ctx.tz.utcoffset(datetime(2020, 1, 1)) == timedelta(hours=8)
        return timezone(timedelta(hours=8)) if china else ZoneInfo("America/Chicago")
    zones = vocab().zones
    if key in zones:
        known = zones[key]
        return ZoneInfo(known) if isinstance(known, str) else timezone(timedelta(hours=known))
    if m := _OFFSET.match(printed):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if minutes == 0:
            return UTC
        return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    return ctx.tz


def infer_year(month: int, day: int, today: date) -> int | None:
    """The year of the most recent (month, day) not after `today`; Feb 29 looks back to a leap year."""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    for y in range(year, year - 8, -1):
        try:
            date(y, month, day)
            return y
        except ValueError:
            if month != 2:
                return None
    return None


def infer_month(day: int, today: date) -> date | None:
    """The most recent day `day` of a month not after `today` (`30日` read on July 2 is June 30)."""
    y, m = today.year, today.month
    if day > today.day:
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    for _ in range(3):               # the 31st: skip back over months that have no such day
        try:
            return date(y, m, day)
        except ValueError:
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return None


def _calendar_day(r: Reading, ctx: DateContext) -> tuple[date, str] | str:
    """The day a reading names and how it was found ("" or "inferred"), or why there is none."""
    if r.year is not None and r.month is not None:
        try:
            return date(r.year, r.month, r.day), ""
        except ValueError:
            return "rejected: not a calendar date"
    if ctx.fetched_at is None:
        return "skipped: no year and no fetch time to infer it from"
    today = ctx.fetched_at.astimezone(ctx.tz).date()
    if r.month is None:
        found = infer_month(r.day, today)
        return (found, "inferred") if found else "rejected: not a calendar date"
    year = infer_year(r.month, r.day, today)
    return (date(year, r.month, r.day), "inferred") if year is not None else "rejected: not a calendar date"


def _from_reading(r: Reading, ctx: DateContext) -> Resolved | str:
    got = _calendar_day(r, ctx)
    if isinstance(got, str):
        return got
    day, how = got
    if r.clock is None or r.clock == MIDNIGHT:
        # `2021/01/17 00:00:00`, `"2019-06-17T00:00:00+00:00"`: a CMS printing a day with a zero clock
        # says no more than the day (an article at exactly midnight is rare; a placeholder is common).
        return Resolved(midday(day, zone_of(r.zone, ctx) if r.clock else ctx.tz), how, timed=False)
    return Resolved(datetime.combine(day, time(*r.clock), tzinfo=zone_of(r.zone, ctx)), how)


def _from_relative(rel: Relative, ctx: DateContext) -> Resolved | str:
    if ctx.fetched_at is None:
        return "skipped: a relative date needs the fetch time"
    try:
        return _back_from(rel, ctx.fetched_at.astimezone(ctx.tz), ctx)
    except (OverflowError, ValueError):        # `1719943天前`: before year 1, no date at all
        return "rejected: before 1995"


def _back_from(rel: Relative, now: datetime, ctx: DateContext) -> Resolved:
    if rel.unit in ("seconds", "minutes", "hours"):
        return Resolved(now - timedelta(**{rel.unit: rel.amount}), "relative")
    days = {"days": 1, "weeks": 7}.get(rel.unit)
    if days is not None:
        day = now.date() - timedelta(days=rel.amount * days)
    else:
        months = rel.amount * (12 if rel.unit == "years" else 1)
        y, m = divmod(now.year * 12 + now.month - 1 - months, 12)
        day = date(y, m + 1, min(now.day, 28))
    if rel.clock is None:
        return Resolved(midday(day, ctx.tz), "relative", timed=False)
    return Resolved(datetime.combine(day, time(*rel.clock), tzinfo=ctx.tz), "relative")


Zones = Callable[[], tuple[tzinfo, ...]]   # the page's country zones, read when asked (localzone.page_zones)


def no_zones() -> tuple[tzinfo, ...]:
    """A page that declares no country (or a text dump): only the nearest whole-hour offset is tried."""
    return ()


def own_offset(value: datetime, others: list[tuple[datetime, str]], ctx: DateContext,
               zones: Zones = no_zones) -> datetime:
    """A UTC timestamp shown in the page's own offset: machine fields are often serialised in UTC while
    the page prints local time (`2023-11-09T02:11:03Z` is `November 8` in Boston). The evidence, in order:
    the page's zone when known; another date on the page at the same instant with an offset; a clock
    time without an offset (printed, or in a machine field) that differs from it by whole quarter hours
    (`17:49:09` beside `01:49:09Z` says UTC-8); the day the page prints (URL, header, dateline) when it is
    the next or previous day. `others` holds (value, kind) for the other dates, most trusted first; kind
    is "clock" (printed clock time, no offset; "stamp" with its date, under the headline), "field" (the same
    in a machine field), "day" (a date alone) or "" (anything else). `zones`: those of the country the page
    declares (localzone.page_zones, read only when a day is at stake), tried before the nearest offset."""
    if value.utcoffset() != timedelta(0):
        return value
    local = value.astimezone(ctx.tz)
    if local.utcoffset() != timedelta(0):
        return local
    for other, _kind in others:
        if other == value and other.utcoffset() not in (None, timedelta(0)):
            return value.astimezone(other.tzinfo)
    # A bare hour (or midnight) matches too much to say anything, except beside the date and time printed
    # under the headline (`2021-03-02 01:00` beside `2021-03-01T17:00:00Z`: UTC+8).
    kinds = ("clock", "field", "stamp") if value.minute or value.second else ("stamp",)
    for other, kind in others:
        diff = other.replace(tzinfo=None) - value.replace(tzinfo=None)
        if kind in kinds and diff and abs(diff) <= timedelta(hours=14) and not diff % timedelta(minutes=15):
            return value.astimezone(timezone(diff))
    return onto_printed_day(value, others, zones)


def onto_printed_day(value: datetime, others: list[tuple[datetime, str]], zones: Zones = no_zones) -> datetime:
    """A time in UTC (or read as UTC for want of the page's zone) moved onto the day the page prints
    (its URL, header or dateline, or a clock time without offset) when that day is the next or previous one and
    the page's own country's zone (`zones`: 14:30Z is 00:30 the next day in Sydney, 10 hours) or else a
    whole-hour offset of at most MAX_DAY_SHIFT hours gets it there (`_onto_day`)."""
    if value.utcoffset() != timedelta(0):
        return value
    day = next((other.date() for other, kind in others if kind in ("day", "clock", "stamp")), None)
    if day is None or day == value.date():
        return value
    local = next((value.astimezone(z) for z in zones() if value.astimezone(z).date() == day), None)
    if local is not None:
        return local.astimezone(timezone(local.utcoffset() or timedelta(0)))   # the offset of that day
    return _onto_day(value, day)


def in_offset_of(value: datetime, shown: datetime, ctx: DateContext, zones: Zones = no_zones) -> datetime:
    """`value` shown where `shown` (another date of the page, in its offset) was: in the zone that gives `shown`'s
    offset at `shown`'s time, the site's (`ctx.tz`) else one of the declared country's, so a change across a DST
    switch takes its own day's offset (a London page published at +01:00 in July and changed at 23:30Z on
    1 December was changed on 1 December, at +00:00, not on the 2nd at 00:30+01:00); with no such zone, in
    `shown`'s offset itself (+05:45 beside a Nepali publication)."""
    offset = shown.utcoffset()
    zone = next((z for z in (ctx.tz, *zones()) if shown.astimezone(z).utcoffset() == offset), shown.tzinfo)
    return value.astimezone(zone)


MAX_DAY_SHIFT = 5   # hours; a URL dated the day before a 10:04Z timestamp is the story's creation, not UTC


def _onto_day(value: datetime, day: date) -> datetime:
    """`value` (UTC) in the whole-hour offset nearest to UTC that puts it on `day`, when one within
    MAX_DAY_SHIFT hours does (23:01Z beside a URL's /11/02/ is 00:01+01:00). The printed day is the
    page's; the offset is the nearest that agrees with it, since the page does not say more."""
    hour = timedelta(hours=1)
    if day == value.date() + timedelta(days=1):
        hours = -(-(datetime.combine(day, time(0), tzinfo=UTC) - value) // hour)   # ceiling
        return value.astimezone(timezone(hours * hour)) if hours <= MAX_DAY_SHIFT else value
    if day == value.date() - timedelta(days=1):
        hours = (value - datetime.combine(value.date(), time(0), tzinfo=UTC)) // hour + 1
        return value.astimezone(timezone(-hours * hour)) if hours <= MAX_DAY_SHIFT else value
    return value


def _checked(got: Resolved | str, ctx: DateContext) -> Resolved | str:
    if isinstance(got, Resolved) and (problem := bounds_problem(got.value, ctx, timed=got.timed)):
        return Resolved(got.value, got.how, problem, got.timed)
    return got


def resolve(mention: Mention, ctx: DateContext, order: str | None = None) -> Resolved | str:
    """The first reading of `mention` that is a real, plausible date; else the first one that is a date
    (with `problem` set), else why there is no date at all (a string). A numeric date whose day and month
    can be read both ways (`05/06/2020`) takes the one plausible reading, else the one `order` ("md" or
    "dm") names; with two plausible readings and no order it stays unresolved (AMBIGUOUS), never guessed."""
    if mention.relative is not None:
        return _checked(_from_relative(mention.relative, ctx), ctx)
    got = [_checked(_from_reading(reading, ctx), ctx) for reading in mention.readings]
    plausible = [g for g in got if isinstance(g, Resolved) and g.problem is None]
    if mention.order == "either" and len(plausible) == 2:
        if order in ("md", "dm"):
            return plausible[0 if order == "md" else 1]
        return Resolved(plausible[0].value, plausible[0].how, AMBIGUOUS, plausible[0].timed)
    if plausible:
        return plausible[0]
    return next((g for g in got if isinstance(g, Resolved)), got[0] if got else "rejected: not a date")
