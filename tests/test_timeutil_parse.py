"""`parse_when` reads ISO 8601 fetch times with the standard library and falls back to dateutil for the
spellings only dateutil knows; both give the same instant where both read the text."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from dateutil.parser import isoparse

from cleanfeed.timeutil import UTC, parse_when, zone

SHANGHAI = zone("Asia/Shanghai")


@pytest.mark.parametrize("text", ["2025-10-01T10:00:00Z", "2025-10-01T10:00:00+08:00", "2025-10-01 10:00:00",
                                  "2025-10-01T10:00:00.250-05:30", "2025-10-01T10:00", "2025-10-01T10:00:00.123456Z",
                                  "20251001T100000Z"])
def test_standard_spellings_read_as_dateutil_reads_them(text: str) -> None:
    expected = isoparse(text)
    expected = expected if expected.tzinfo else expected.replace(tzinfo=SHANGHAI)
    assert parse_when(text, SHANGHAI) == expected


def test_spellings_only_dateutil_reads_still_work() -> None:
    assert parse_when("2025-10-01T24:00:00Z", UTC) == datetime(2025, 10, 2, tzinfo=UTC)
    assert parse_when("2025-10-01T10Z", UTC) == datetime(2025, 10, 1, 10, tzinfo=UTC)


def test_naive_times_take_the_zone_and_bad_text_is_a_value_error() -> None:
    assert parse_when("2025-10-01T10:00:00", SHANGHAI).utcoffset() == timedelta(hours=8)
    assert parse_when("2025-10-01T10:00:00+02:00", SHANGHAI).tzinfo == timezone(timedelta(hours=2))
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_when("yesterday", UTC)
