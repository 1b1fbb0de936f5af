"""Year inference, relative dates, time zones and the plausibility bounds."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cleanfeed.dates.engine import find_dates
from cleanfeed.dates.patterns import find_mentions, normalize
from cleanfeed.dates.resolve import Resolved, infer_year, own_offset, resolve
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC, parse_when

SHANGHAI = ZoneInfo("Asia/Shanghai")


def ctx(fetched: str | None, tz: object = UTC, language: str = "en") -> DateContext:
    tzinfo = tz if tz is not None else UTC
    return DateContext(parse_when(fetched, tzinfo) if fetched else None, tzinfo, language)  # type: ignore[arg-type]


def resolved(text: str, context: DateContext) -> Resolved | str:
    mentions = find_mentions(normalize(text), context.language)
    assert mentions, text
    return resolve(mentions[0], context)


def day(text: str, context: DateContext) -> str:
    got = resolved(text, context)
    assert isinstance(got, Resolved) and got.problem is None, got
    return got.value.date().isoformat()


@pytest.mark.parametrize("text, fetched, want", [
    ("12月30日下午", "2022-01-02", "2021-12-30"),          # across the new year
    ("12月30日下午", "2021-12-30", "2021-12-30"),          # the fetch day itself
    ("September 29", "2021-09-20", "2020-09-29"),         # not after the fetch: last year's
    ("September 29", "2021-10-08", "2021-09-29"),
    ("Jan. 17", "2021-02-05", "2021-01-17"),
])
def test_year_inference(text: str, fetched: str, want: str) -> None:
    got = resolved(text, ctx(fetched, SHANGHAI, "zh"))
    assert isinstance(got, Resolved) and got.how == "inferred"
    assert got.value.date().isoformat() == want


def test_february_29_looks_back_to_a_leap_year() -> None:
    assert infer_year(2, 29, date(2023, 3, 1)) == 2020
    assert infer_year(2, 30, date(2023, 3, 1)) is None


def test_without_fetch_time_yearless_and_relative_dates_are_skipped_with_a_reason() -> None:
    assert "no year" in str(resolved("9月28日", ctx(None)))
    assert "fetch time" in str(resolved("3 days ago", ctx(None)))
    result = find_dates(Draft(title=None, paragraphs=("On April 15, the symposium was held.",)), ctx(None))
    assert result.published is None


@pytest.mark.parametrize("text, want", [
    ("3 days ago", "2022-05-07"),
    ("yesterday at 9:14 PM", "2022-05-09"),
    ("2 hours ago", "2022-05-10"),
    ("1 week ago", "2022-05-03"),
    ("前天 09:15", "2022-05-08"),
    ("5小时前", "2022-05-10"),
    ("刚刚", "2022-05-10"),
])
def test_relative_dates_count_back_from_the_fetch_time(text: str, want: str) -> None:
    got = resolved(text, ctx("2022-05-10"))
    assert isinstance(got, Resolved) and got.how == "relative"
    assert got.value.date().isoformat() == want


def test_wall_clock_without_offset_takes_the_page_zone() -> None:
    got = resolved("2021-01-17 09:30", ctx("2021-01-20", SHANGHAI))
    assert isinstance(got, Resolved)
    assert got.value.isoformat() == "2021-01-17T09:30:00+08:00"


def test_a_date_alone_is_noon_utc_of_its_day_in_the_page_offset() -> None:
    """DESIGN.md: 12:00 UTC of the printed day written in the page's offset, so that readers from UTC-12 to
    UTC+11 all show the printed day (local midnight in +08:00 shows the day before in a UTC reader)."""
    got = resolved("2021/01/17", ctx("2021-01-20", SHANGHAI))
    assert isinstance(got, Resolved) and got.value.isoformat() == "2021-01-17T20:00:00+08:00" and not got.timed
    new_york = resolved("2021/01/17", ctx("2021-01-20", ZoneInfo("America/New_York")))
    assert isinstance(new_york, Resolved) and new_york.value.isoformat() == "2021-01-17T07:00:00-05:00"
    auckland = resolved("2021/01/17", ctx("2021-01-20", ZoneInfo("Pacific/Auckland")))   # 12:00 UTC is the 18th there
    assert isinstance(auckland, Resolved) and auckland.value.isoformat() == "2021-01-17T12:00:00+13:00"
    for reader in ("Pacific/Honolulu", "UTC", "Asia/Shanghai", "Asia/Tokyo", "Etc/GMT+12", "Etc/GMT-11"):
        shown = got.value.astimezone(ZoneInfo(reader))
        assert shown.date() == date(2021, 1, 17), reader


def test_a_date_printed_on_the_fetch_day_is_never_in_the_future() -> None:
    fetched_early = DateContext(datetime(2021, 1, 17, 1, 0, tzinfo=SHANGHAI), SHANGHAI, "zh")
    got = resolved("2021年1月17日", fetched_early)           # 20:00+08:00 is later than 01:00, but the same day
    assert isinstance(got, Resolved) and got.problem is None
    got = resolved("2021年1月18日", fetched_early)
    assert isinstance(got, Resolved) and got.problem is not None


def test_a_day_printed_alone_resolves_to_the_latest_such_day_not_after_the_fetch() -> None:
    assert day("2日下午", ctx("2020-12-04", SHANGHAI, "zh")) == "2020-12-02"
    assert day("新华社上海30日电", ctx("2021-07-02", SHANGHAI, "zh")) == "2021-06-30"     # across a month end
    assert day("31日电", ctx("2021-03-02", SHANGHAI, "zh")) == "2021-01-31"              # February has no 31st
    assert day("28日上午", ctx("2021-01-04", SHANGHAI, "zh")) == "2020-12-28"            # across the new year
    assert resolved("30日电", ctx(None)) == "skipped: no year and no fetch time to infer it from"


def test_printed_offsets_stay_as_printed() -> None:
    got = resolved("2020-11-05T09:00:00+08:00", ctx("2020-11-06"))    # page zone UTC: no conversion
    assert isinstance(got, Resolved) and got.value.isoformat() == "2020-11-05T09:00:00+08:00"


@pytest.mark.parametrize("text, tz, want", [
    ("Sep. 3, 2019 at 5:00 PM EDT", UTC, -4),
    ("Jan 17, 2021 at 5:00 PM ET", UTC, -5),        # Eastern in winter
    ("Jul 17, 2021 at 5:00 PM ET", UTC, -4),        # and in summer
    ("2021-01-17 10:00 CST", SHANGHAI, 8),          # China Standard Time on a page in +08:00
    ("2021-01-17 10:00 CST", UTC, -6),              # US Central elsewhere
    ("2021-01-17 10:00 GMT+8", UTC, 8),
])
def test_zone_abbreviations(text: str, tz: object, want: int) -> None:
    got = resolved(text, ctx("2021-12-31", tz))
    assert isinstance(got, Resolved)
    assert got.value.utcoffset() == timedelta(hours=want)


@pytest.mark.parametrize("text, fetched, reason", [
    ("January 15, 2021", "2021-01-02", "after the fetch time"),
    ("10 April 1994", "2021-01-02", "before 1995"),
    ("2021-02-30", "2021-05-01", "not a calendar date"),
])
def test_plausibility(text: str, fetched: str, reason: str) -> None:
    got = resolved(text, ctx(fetched))
    problem = got.problem if isinstance(got, Resolved) else got
    assert problem is not None and reason in problem


def test_a_few_hours_ahead_of_the_fetch_time_is_tolerated() -> None:
    """A page in UTC+14 prints tomorrow's date while our clock (UTC) still says today."""
    fetched = DateContext(datetime(2021, 1, 17, 12, 0, tzinfo=UTC), UTC, "en")
    got = resolved("2021-01-18T01:00:00+14:00", fetched)
    assert isinstance(got, Resolved) and got.problem is None
    assert isinstance(resolved("2021-01-19", fetched), Resolved)
    assert resolved("2021-01-19", fetched).problem is not None  # type: ignore[union-attr]


def test_the_other_reading_is_used_when_one_is_in_the_future() -> None:
    assert day("03/04/2021", ctx("2021-03-10")) == "2021-03-04"      # April 3 is after the fetch
    assert day("03/04/2021", ctx("2021-03-10", language="de")) == "2021-03-04"


def test_two_plausible_readings_stay_unresolved_unless_an_order_is_given() -> None:
    got = resolved("05/06/2020", ctx("2020-07-01"))
    assert isinstance(got, Resolved) and got.problem is not None and "order unknown" in got.problem
    mention = find_mentions("05/06/2020")[0]
    md, dm = (resolve(mention, ctx("2020-07-01"), order) for order in ("md", "dm"))
    assert isinstance(md, Resolved) and md.value.date() == date(2020, 5, 6)
    assert isinstance(dm, Resolved) and dm.value.date() == date(2020, 6, 5)


def test_own_offset_from_the_same_instant_printed_with_an_offset() -> None:
    utc = datetime(2023, 11, 9, 2, 11, 3, tzinfo=UTC)
    boston = datetime(2023, 11, 8, 21, 11, 3, tzinfo=timezone(timedelta(hours=-5)))
    assert own_offset(utc, [(boston, "")], ctx(None)).date() == date(2023, 11, 8)


def test_own_offset_from_a_clock_printed_without_offset() -> None:
    utc = datetime(2023, 11, 9, 1, 49, 9, tzinfo=UTC)
    local = datetime(2023, 11, 8, 17, 49, 9, tzinfo=UTC)          # "2023-11-08 17:49:09", no zone
    assert own_offset(utc, [(local, "clock")], ctx(None)).utcoffset() == timedelta(hours=-8)


def test_own_offset_from_the_day_the_page_prints() -> None:
    utc = datetime(2023, 11, 1, 23, 1, tzinfo=UTC)
    url_day = datetime(2023, 11, 2, tzinfo=UTC)
    assert own_offset(utc, [(url_day, "day")], ctx(None)).date() == date(2023, 11, 2)
    morning = datetime(2020, 7, 9, 10, 4, tzinfo=UTC)             # 11 h away: not a zone shift
    assert own_offset(morning, [(datetime(2020, 7, 8, tzinfo=UTC), "day")], ctx(None)) == morning


def test_own_offset_uses_the_page_zone_first() -> None:
    utc = datetime(2021, 1, 16, 16, 30, tzinfo=UTC)
    assert own_offset(utc, [], ctx(None, SHANGHAI)).isoformat() == "2021-01-17T00:30:00+08:00"


def test_a_relative_amount_beyond_the_calendar_is_rejected_not_raised() -> None:
    ctx = DateContext(parse_when("2000-01-01", UTC), UTC, "zh-CN")
    for text in ("1719943天前", "999999999 hours ago", "9999999 years ago"):
        assert find_dates(Draft(title="T", paragraphs=(text,)), ctx).published is None
