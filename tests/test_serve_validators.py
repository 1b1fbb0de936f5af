"""The HTTP rules `cleanfeed serve` follows (RFC 9110), one pure function at a time."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cleanfeed.serve.validators import (
    Variant,
    accepts_gzip,
    etag_matches,
    feed_updated,
    http_date,
    last_modified,
    make_etag,
    parse_http_date,
    precondition,
)

LM = datetime(2021, 5, 1, 4, 0, 0, tzinfo=UTC)
TAG = make_etag(b"feed")
VARIANT = Variant(b"feed", TAG, None)


@pytest.mark.parametrize("header, expected", [
    (None, False), ("", False), ("identity", False), ("gzip", True), ("GZIP", True), ("x-gzip", True),
    ("deflate, gzip;q=0.5", True), ("gzip;q=0", False), ("gzip; q=0.000", False), ("*", True),
    ("*;q=0", False), ("*, gzip;q=0", False), ("br", False), ("gzip;q=bogus", False),
])
def test_accepts_gzip(header: str | None, expected: bool) -> None:
    assert accepts_gzip(header) is expected


@pytest.mark.parametrize("header, weak, expected", [
    (TAG, True, True), (TAG, False, True), (f"W/{TAG}", True, True), (f"W/{TAG}", False, False),
    (f'"a", {TAG}', True, True), (f'"a",{TAG} , "b"', True, True), ('"a", "b"', True, False),
    ("*", True, True), ("*", False, True), (TAG[1:-1], True, False), (f"{TAG} junk", True, False), ("", True, False),
])
def test_etag_matches(header: str, weak: bool, expected: bool) -> None:
    assert etag_matches(header, TAG, weak=weak) is expected


def test_make_etag_is_strong_and_content_derived() -> None:
    assert make_etag(b"a") == make_etag(b"a") != make_etag(b"b")
    assert make_etag(b"a").startswith('"') and not make_etag(b"a").startswith("W/")


@pytest.mark.parametrize("text", [
    "Sat, 01 May 2021 04:00:00 GMT",           # IMF-fixdate
    "Saturday, 01-May-21 04:00:00 GMT",         # obsolete RFC 850
    "Sat May  1 04:00:00 2021",                 # asctime, no zone: GMT
])
def test_parse_http_date_formats(text: str) -> None:
    assert parse_http_date(text) == LM


@pytest.mark.parametrize("text", [None, "", "yesterday",
                                  "Sat, 01 May 2021 04:00:00 GMT, Sun, 02 May 2021 04:00:00 GMT"])
def test_parse_http_date_invalid_is_none(text: str | None) -> None:
    assert parse_http_date(text) is None


def test_http_date_is_gmt() -> None:
    assert http_date(datetime.fromisoformat("2021-05-01T12:00:00+08:00")) == "Sat, 01 May 2021 04:00:00 GMT"


@pytest.mark.parametrize("headers, method, expected", [
    ({}, "GET", None),
    ({"If-None-Match": TAG}, "GET", 304),
    ({"If-None-Match": TAG}, "HEAD", 304),
    ({"If-None-Match": '"x"', "If-Modified-Since": "Sat, 01 May 2021 04:00:00 GMT"}, "GET", None),
    ({"If-Modified-Since": "Sat, 01 May 2021 04:00:00 GMT"}, "GET", 304),
    ({"If-Modified-Since": "Sat, 01 May 2021 03:59:59 GMT"}, "GET", None),
    ({"If-Match": '"x"', "If-None-Match": TAG}, "GET", 412),        # If-Match is evaluated first
    ({"If-Match": TAG, "If-None-Match": TAG}, "GET", 304),
    ({"If-Match": f"W/{TAG}"}, "GET", 412),                          # If-Match compares strongly
    ({"If-Unmodified-Since": "Fri, 30 Apr 2021 00:00:00 GMT"}, "GET", 412),
    ({"If-Unmodified-Since": "Sat, 01 May 2021 04:00:00 GMT"}, "GET", None),
    ({"If-Match": TAG, "If-Unmodified-Since": "Fri, 30 Apr 2021 00:00:00 GMT"}, "GET", None),  # If-Match wins
])
def test_precondition_order(headers: dict[str, str], method: str, expected: int | None) -> None:
    assert precondition(method, headers, VARIANT, LM) == expected


ATOM_NS = "http://www.w3.org/2005/Atom"


@pytest.mark.parametrize("suffix, body, expected", [
    (".atom", f'<feed xmlns="{ATOM_NS}"><updated>2021-05-01T12:00:00+08:00</updated>'
              f'<entry><updated>2030-01-01T00:00:00Z</updated></entry></feed>', LM),   # the feed's, not an entry's
    (".atom", f'<feed xmlns="{ATOM_NS}"><updated>2021-05-01T04:00:00Z</updated></feed>', LM),
    (".rss", "<rss><channel><lastBuildDate>Sat, 01 May 2021 04:00:00 +0000</lastBuildDate></channel></rss>", LM),
    (".rss", "<rss><channel><pubDate>Sat, 01 May 2021 12:00:00 +0800</pubDate></channel></rss>", LM),
    (".json", '{"items": [{"date_published": "2020-01-01T00:00:00Z"}, '
              '{"date_published": "2019-01-01T00:00:00Z", "date_modified": "2021-05-01T04:00:00Z"}]}', LM),
    (".atom", "<feed><unclosed>", None), (".atom", f'<feed xmlns="{ATOM_NS}"/>', None),
    (".atom", f'<feed xmlns="{ATOM_NS}"><updated>soon</updated></feed>', None),
    (".rss", "<rss><channel><lastBuildDate>someday</lastBuildDate></channel></rss>", None),
    (".json", "[1, 2]", None), (".json", '{"items": [{"date_modified": 5}]}', None), (".json", "{", None),
    (".html", "<html></html>", None),
])
def test_feed_updated(suffix: str, body: str, expected: datetime | None) -> None:
    assert feed_updated(suffix, body.encode()) == expected


def test_last_modified_is_the_later_of_file_and_feed_time_never_the_future() -> None:
    feed, file_time, now = LM, datetime(2023, 1, 1, 0, 0, 0, 700_000, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC)
    assert last_modified(file_time, feed, now) == datetime(2023, 1, 1, tzinfo=UTC)   # whole seconds
    assert last_modified(file_time, None, now) == datetime(2023, 1, 1, tzinfo=UTC)
    assert last_modified(datetime(2020, 1, 1, tzinfo=UTC), feed, now) == feed
    assert last_modified(file_time, datetime(2030, 1, 1, tzinfo=UTC), now) == now
