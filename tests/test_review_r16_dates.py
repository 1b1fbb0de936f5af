"""Review r16: arbitrate.default_stamp knows a year's first instant in the zone offsets kept on 1 January
(tzdata: Chatham's +13:45, Venezuela's −04:30 of 2008-16, North Korea's +08:30 of 2016-18), and a stamp on
midnight in its own written offset is a default whatever that offset, as it was before round16."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cleanfeed.dates.arbitrate import default_stamp
from cleanfeed.dates.resolve import Resolved


def stamp(text: str) -> Resolved:
    return Resolved(datetime.fromisoformat(text))


@pytest.mark.parametrize("text", [
    "2019-01-01T00:00:00+13:45",      # Chatham Islands' summer time: midnight in its own offset (as before round16)
    "2018-12-31T10:15:00+00:00",      # … that midnight written in UTC
    "2019-01-01T00:00:00-09:30",      # Marquesas, in its own offset
    "2013-01-01T04:30:00+00:00",      # Caracas 2007-2016 (UTC−04:30)
    "2017-12-31T15:30:00+00:00",      # Pyongyang 2015-2018 (UTC+08:30)
])
def test_a_first_instant_in_a_part_hour_zone_is_a_default(text: str) -> None:
    assert default_stamp(stamp(text))


@pytest.mark.parametrize("text", [
    "2018-12-31T11:15:00+00:00",      # UTC+12:45: Chatham keeps +13:45 on 1 January, never its standard time
    "2018-12-31T22:30:00+00:00",      # UTC+01:30: no zone
    "2018-12-31T23:17:00+00:00",
    "2023-01-01T09:30:00+00:00",      # Marquesas' midnight written in UTC: too few people; a real entry
])
def test_an_instant_no_zone_starts_the_year_at_is_no_default(text: str) -> None:
    assert not default_stamp(stamp(text))


def test_midnight_in_its_own_offset_whatever_the_offset() -> None:
    assert default_stamp(Resolved(datetime(2019, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=20)))))


def test_a_chatham_default_yields_to_the_printed_day() -> None:
    from test_dates_round15_rules import days, page
    stamps = {"datePublished": "2019-01-01T00:00:00+13:45", "dateModified": "2019-01-01T00:00:00+13:45"}
    assert days(page(stamps, "12 September 2023"))[0] == "2023-09-12"
