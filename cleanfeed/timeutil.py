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
    """A fetch time from an ISO string or datetime: a bare date is the end of that day, naive means `tz`."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return end_of_day(value, tz)
    from dateutil.parser import isoparse  # 20-40 ms of imports: only when a time is given as text

    text = value.strip()
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return end_of_day(date.fromisoformat(text), tz)
        parsed: datetime = isoparse(text)     # dateutil ships no type hints: its result is Any
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not an ISO date or datetime: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """The last microsecond of `day` in `tz`: a page fetched 'on 2021-05-01' may date from that day."""
    return datetime.combine(day, time(23, 59, 59, 999999), tzinfo=tz)


def mtime_datetime(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def isoformat_z(value: datetime) -> str:
    """RFC 3339 in UTC with a `Z`, for places that want one canonical spelling (store keys)."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


__all__ = ["UTC", "zone", "parse_when", "end_of_day", "mtime_datetime", "isoformat_z", "timedelta"]
