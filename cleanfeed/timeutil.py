"""Time zones and fetch times: every datetime leaving this module is aware."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo  # UTC: re-exported
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_ZONE_CHARS = 64        # the longest IANA name is 32 characters (America/Argentina/ComodRivadavia)


@lru_cache(maxsize=64)
def zone(name: str | None) -> tzinfo:
    """The IANA zone `name` (UTC when None); ValueError names an unknown zone (never an OSError: a
    300-character name is a "File name too long" to zoneinfo, which looks it up as a file)."""
    if not name:
        return UTC
    if name.upper() in ("UTC", "Z", "GMT"):
        return UTC
    shown = name if len(name) <= MAX_ZONE_CHARS else name[:MAX_ZONE_CHARS] + "…"
    if len(name) > MAX_ZONE_CHARS:
        raise ValueError(f"unknown time zone {shown!r} (use an IANA name such as Asia/Shanghai)")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"unknown time zone {shown!r} (use an IANA name such as Asia/Shanghai)") from exc


def parse_when(value: str | datetime | date, tz: tzinfo) -> datetime:
    """A fetch time from an ISO string or datetime; naive means `tz`. A bare date is that day, which the
    dates engine reads up to its end (`end_of_day`) and which prints as `midday` of it, like every date
    given without a time: never as `23:59:59.999999`, and on its own day in every reader."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return midday(value, tz)
    text = value.strip()
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return midday(date.fromisoformat(text), tz)
        parsed = _isoparse(text)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not an ISO date or datetime: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _isoparse(text: str) -> datetime:
    """The standard library reads the usual ISO 8601 spellings (`2025-10-01T10:00:00Z`, offsets, fractions)
    since Python 3.11; dateutil only for the rest (`24:00`, reduced precision), so that `check` and `add`
    of files with sidecars do not load it (15-25 ms of imports)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        from dateutil.parser import isoparse

        parsed: datetime = isoparse(text)     # dateutil ships no type hints: its result is Any
        return parsed


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """The last microsecond of `day` in `tz`: a page fetched 'on 2021-05-01' may date from that day."""
    return datetime.combine(day, time(23, 59, 59, 999999), tzinfo=tz)


def midday(day: date, tz: tzinfo) -> datetime:
    """A day given without a time (`2020-09-29`, `9月28日`, a fetch day): 12:00 UTC of it, written in the
    offset of `tz` (`2020-09-29T20:00:00+08:00`), so that readers anywhere from UTC-12 to UTC+11 show that
    day (local midnight in +08:00 is the day before in a UTC reader). Where 12:00 UTC is another day in
    `tz` (UTC+12 and beyond), noon there: the day stays the printed one in the page's own zone."""
    noon = datetime.combine(day, time(12), tzinfo=UTC).astimezone(tz)
    return noon if noon.date() == day else datetime.combine(day, time(12), tzinfo=tz)


def mtime_datetime(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def isoformat_z(value: datetime) -> str:
    """RFC 3339 in UTC with a `Z`, for places that want one canonical spelling (store keys)."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


__all__ = ["UTC", "zone", "parse_when", "end_of_day", "midday", "mtime_datetime", "isoformat_z", "timedelta"]
