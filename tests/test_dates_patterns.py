"""Every written form of a date the engine reads, and numbers that are not dates."""
from __future__ import annotations

import pytest

from cleanfeed.dates.machine import parse_machine
from cleanfeed.dates.patterns import Relative, find_mentions, language_order, normalize

Parts = tuple[int | None, int | None, int, tuple[int, int, int] | None, str | None]


def first(text: str, language: str = "en") -> Parts:
    mentions = find_mentions(normalize(text), language)
    assert mentions, f"no date found in {text!r}"
    r = mentions[0].readings[0]
    return r.year, r.month, r.day, r.clock, r.zone


@pytest.mark.parametrize("text, want", [
    ("2021-01-17", (2021, 1, 17, None, None)),
    ("2021-01-17T10:20:30Z", (2021, 1, 17, (10, 20, 30), "Z")),
    ("2021-01-17T10:20:30.123+08:00", (2021, 1, 17, (10, 20, 30), "+08:00")),
    ("Release Time:2021/01/17 00:00:00", (2021, 1, 17, (0, 0, 0), None)),
    ("Date: 17.01.2021", (2021, 1, 17, None, None)),
    ("19.10.2019, 05:00 Uhr", (2019, 10, 19, (5, 0, 0), None)),
    ("January 17, 2021", (2021, 1, 17, None, None)),
    ("Monday, March 8th, 2021", (2021, 3, 8, None, None)),
    ("17 Jan 2021 | 14:32 GMT", (2021, 1, 17, (14, 32, 0), "GMT")),
    ("Thursday 4 November 2021 09.30 GMT", (2021, 11, 4, (9, 30, 0), "GMT")),
    ("Sep. 3, 2019 at 5:00 PM EDT", (2019, 9, 3, (17, 0, 0), "EDT")),
    ("Dec 1, 2020, 9:00 am", (2020, 12, 1, (9, 0, 0), None)),
    ("Jan. 17", (None, 1, 17, None, None)),
    ("23. Januar 2020 um 10:30 Uhr", (2020, 1, 23, (10, 30, 0), None)),
    ("1er janvier 2021", (2021, 1, 1, None, None)),
    ("17 de enero de 2021", (2021, 1, 17, None, None)),
    ("2021年1月17日", (2021, 1, 17, None, None)),
    ("2021 年 01 月 17 日 08:12", (2021, 1, 17, (8, 12, 0), None)),
    ("二〇二一年一月十七日", (2021, 1, 17, None, None)),
    ("二〇二〇年十二月三十一日", (2020, 12, 31, None, None)),
    ("２０２１－０１－１７　１０：２０", (2021, 1, 17, (10, 20, 0), None)),
    ("【发布日期】２０２１．０１．１７", (2021, 1, 17, None, None)),
    ("9月28日,中国有色金属工业协会", (None, 9, 28, None, None)),
    ("发布时间：09-30 22:46", (None, 9, 30, (22, 46, 0), None)),
    ("Sun, 17 Jan 2021 10:00:00 +0800", (2021, 1, 17, (10, 0, 0), "+0800")),
    ("Jan 04 09:34 2021", (2021, 1, 4, (9, 34, 0), None)),
    ("26 | 01 | 2022", (2022, 1, 26, None, None)),
    # issue 19: the forms the grammar did not read
    ("Filed 03-Feb-2019 09:40", (2019, 2, 3, (9, 40, 0), None)),
    ("14-DEC-18", (2018, 12, 14, None, None)),
    ("03/Feb/2019", (2019, 2, 3, None, None)),
    ("It was on the 2nd of March 2018 that", (2018, 3, 2, None, None)),
    ("Wednesday the 14th of April, 2021", (2021, 4, 14, None, None)),
    ("Posted 23/11/2020", (2020, 11, 23, None, None)),
    ("17-10-2021", (2021, 10, 17, None, None)),
    ("２０１９年０３月０２日", (2019, 3, 2, None, None)),
    ("21年11月8日 09:12", (2021, 11, 8, (9, 12, 0), None)),
    ("二零二一年六月十八日", (2021, 6, 18, None, None)),
    ("自十一月五日起", (None, 11, 5, None, None)),
    ("2日下午，市商务局召开", (None, None, 2, None, None)),
    ("新华社上海30日电", (None, None, 30, None, None)),
    ("台北12日電", (None, None, 12, None, None)),
    ("本月5日", (None, None, 5, None, None)),
    ("On the 21st, the board met", (None, None, 21, None, None)),
    ("2021년 3월 2일", (2021, 3, 2, None, None)),
    ("3월 2일", (None, 3, 2, None, None)),
    ("2021. április 14.", (2021, 4, 14, None, None)),
    ("14 апреля 2021, 09:30", (2021, 4, 14, (9, 30, 0), None)),
    ("17 июня 2021 г.", (2021, 6, 17, None, None)),
    ("5 травня 2020", (2020, 5, 5, None, None)),
    ("3 kwietnia 2020", (2020, 4, 3, None, None)),
    ("12. března 2019", (2019, 3, 12, None, None)),
    ("14 helmikuuta 2021", (2021, 2, 14, None, None)),
    ("5 maj 2022", (2022, 5, 5, None, None)),
    ("12 Ekim 2020", (2020, 10, 12, None, None)),
    ("3 Μαΐου 2021", (2021, 5, 3, None, None)),
    ("4 de gener de 2021", (2021, 1, 4, None, None)),
    # issue 19, second round: year, month name, day with spaces (PubMed, `citation_publication_date`)
    ("Cureus. 2023 Jan 7;15(1):e33475", (2023, 1, 7, None, None)),
])
def test_formats(text: str, want: tuple[object, ...]) -> None:
    assert first(text) == want


@pytest.mark.parametrize("text", [
    "Call 555-0123 for details. Open 9 to 5, Monday to Friday.",
    "电话：010-12345678 邮编：100080",
    "Version 2.3.1 of the app, 4 min read",
    "The score was 3-1 after 90 minutes.",
    "2019年3月，该项目正式立项。",          # a month, not a day
    "He was out 5 times and set 10 goals.",  # English words that are Romance month abbreviations
    "Omar 5 said",
    "Pages 1 | 2 | 3 | 20 | 21",             # a pager: bars need a four-digit year
    "Seite 1 | 2 | 3 | 4 | 5 | 2019",        # … and no number in bars on either side
    "10 | 11 | 2019 | 2020",
    "12-34-56",
    "请于3日内完成报送",                      # a count of days is no dateline's day
    "on the 1st floor of the building",       # an ordinal that is no day
    "近10年12月份的数据",                     # two-digit "year" without the day's 日
])
def test_not_dates(text: str) -> None:
    assert find_mentions(normalize(text), "en") == []


def test_a_numeric_date_that_reads_both_ways_keeps_both_readings_month_first_first() -> None:
    mention = find_mentions("03/04/2021", "de")[0]
    assert mention.order == "either"
    assert [(r.month, r.day) for r in mention.readings] == [(3, 4), (4, 3)]


def test_the_order_a_language_writes_numeric_dates_in() -> None:
    assert language_order("en-US") == "md" and language_order("zh-CN") == "md"
    assert language_order("en-GB") == "dm" and language_order("fr") == "dm" and language_order("ru") == "dm"
    assert language_order("en") is None and language_order("") is None


def test_only_valid_reading_when_one_part_exceeds_twelve() -> None:
    day_first = find_mentions("Posted: 31/12/2020", "en")[0]
    month_first = find_mentions("Updated 06/15/2022", "en")[0]
    assert [(r.month, r.day) for r in day_first.readings] == [(12, 31)] and day_first.order == "dm"
    assert [(r.month, r.day) for r in month_first.readings] == [(6, 15)] and month_first.order == "md"


@pytest.mark.parametrize("text, want", [
    ("3 days ago", Relative(3, "days")),
    ("an hour ago", Relative(1, "hours")),
    ("1 week ago", Relative(1, "weeks")),
    ("yesterday at 9:14 PM", Relative(1, "days", (21, 14, 0))),
    ("Today, 10:42 AM", Relative(0, "days", (10, 42, 0))),
    ("vor 3 Tagen", Relative(3, "days")),
    ("3天前", Relative(3, "days")),
    ("5小时前", Relative(5, "hours")),
    ("20分钟前", Relative(20, "minutes")),
    ("昨天 18:32", Relative(1, "days", (18, 32, 0))),
    ("前天", Relative(2, "days")),
    ("今天", Relative(0, "days")),
    ("刚刚", Relative(0, "seconds")),
])
def test_relative_forms(text: str, want: Relative) -> None:
    mentions = find_mentions(normalize(text), "en")
    assert mentions and mentions[0].relative == want


def test_relative_forms_can_be_left_out() -> None:
    assert find_mentions("3 days ago", "en", relative=False) == []


@pytest.mark.parametrize("value, want", [
    ("2021-01-17T10:00:00+08:00", (2021, 1, 17)),
    ("20210117", (2021, 1, 17)),
    ("Di., 25.01.2022 - 14:45", (2022, 1, 25)),
    ("January 17, 2021", (2021, 1, 17)),
])
def test_machine_fields(value: str, want: tuple[int, int, int]) -> None:
    mention = parse_machine(value)
    assert mention is not None
    r = mention.readings[0]
    assert (r.year, r.month, r.day) == want


@pytest.mark.parametrize("value", ["", "n/a", "September 29", "3 days ago", "12345"])
def test_machine_fields_without_a_full_date(value: str) -> None:
    assert parse_machine(value) is None
