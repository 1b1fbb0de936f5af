"""WARC reading: record selection, bodies, dates, byte ranges, broken records (files written here)."""
from __future__ import annotations

import gzip
import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.warcbuild import (
    chunked,
    gzip_body,
    http_response,
    raw_record,
    write_pages_warcio,
    write_records,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.inputs.warc import find_record_start, is_splittable, read_warc, read_warc_range
from cleanfeed.model import Page

HTML = "<html><head><title>Copper prices {n}</title></head><body><p>Scrap copper rose {n}% today.</p></body></html>"


def html(n: int) -> bytes:
    return HTML.format(n=n).encode("utf-8")


def crawl_records() -> list[bytes]:
    """A Heritrix / Common Crawl style capture: warcinfo, request, response, metadata, and the
    records a page reader must skip (redirect, image, revisit, non-HTML resource, dns)."""
    return [
        raw_record("warcinfo", b"software: Heritrix/3.4\r\nformat: WARC File Format 1.0\r\n"),
        raw_record("request", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", uri="https://news.example/a"),
        raw_record("response", http_response(html(1)), uri="https://news.example/a",
                   extra=[("WARC-Identified-Payload-Type", "text/html"), ("WARC-IP-Address", "192.0.2.1")]),
        raw_record("metadata", b"via: https://news.example/\r\n", uri="https://news.example/a",
                   content_type="application/warc-fields"),
        raw_record("response", http_response(b"", status="301 Moved Permanently", extra=[("Location", "/b")]),
                   uri="https://news.example/old"),
        raw_record("response", http_response(b"\x89PNG\r\n", content_type="image/png"), uri="https://news.example/i.png"),
        raw_record("dns", b"news.example. 300 IN A 192.0.2.1\n", uri="dns:news.example", content_type="text/dns"),
        # gzip content encoding and chunked transfer, kept as sent (wget and Heritrix do this)
        raw_record("response", http_response(chunked(gzip_body(html(2))), extra=[
            ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]), uri="https://news.example/b",
            date="2021-05-02T09:30:15Z"),
        raw_record("revisit", http_response(b"")[:-2], uri="https://news.example/a",
                   extra=[("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")]),
        raw_record("resource", html(3), uri="file:///srv/site/c.html", content_type="text/html"),
        raw_record("resource", b"wget log", uri="metadata://gnu.org/software/wget/warc/wget.log",
                   content_type="text/plain"),
        # WARC/1.1: fractional seconds, a URI in angle brackets (as the 1.1 grammar once printed it)
        raw_record("response", http_response(html(4), content_type="text/html; charset=gb2312"),
                   uri="<https://news.example/d>", date="2021-05-03T10:00:00.123456Z", version="1.1"),
    ]


EXPECTED = [("https://news.example/a", html(1), datetime(2021, 5, 1, 8, tzinfo=UTC), "text/html; charset=utf-8"),
            ("https://news.example/b", html(2), datetime(2021, 5, 2, 9, 30, 15, tzinfo=UTC),
             "text/html; charset=utf-8"),
            ("file:///srv/site/c.html", html(3), datetime(2021, 5, 1, 8, tzinfo=UTC), "text/html"),
            ("https://news.example/d", html(4), datetime(2021, 5, 3, 10, 0, 0, 123456, tzinfo=UTC),
             "text/html; charset=gb2312")]


def pages_of(items: list[Page | CleanfeedError]) -> list[Page]:
    return [p for p in items if isinstance(p, Page)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_crawl_layout_yields_page_records_only(tmp_path: Path, name: str) -> None:
    path = write_records(tmp_path / name, crawl_records())
    items = list(read_warc(path, timezone="Asia/Shanghai"))
    assert not [i for i in items if isinstance(i, CleanfeedError)]
    got = [(p.url, p.body, p.fetched_at, p.content_type) for p in pages_of(items)]
    assert got == EXPECTED
    assert all(p.fetched_at and p.fetched_at.tzinfo for p in pages_of(items))
    assert {p.timezone for p in pages_of(items)} == {"Asia/Shanghai"}
    assert all(p.source and p.source.startswith(f"{path}@") for p in pages_of(items))


def test_sources_are_seekable_offsets(tmp_path: Path) -> None:
    path = write_records(tmp_path / "crawl.warc.gz", crawl_records())
    for page in pages_of(list(read_warc(path))):
        offset = int(page.source.rsplit("@", 1)[1])  # type: ignore[union-attr]
        again = pages_of(list(read_warc_range(path, offset, offset + 1)))
        assert [(p.url, p.body) for p in again] == [(page.url, page.body)]


def test_warcio_written_file_and_readers(tmp_path: Path) -> None:
    pages = [(f"https://news.example/{n}", html(n)) for n in range(5)]
    path = write_pages_warcio(tmp_path / "w.warc.gz", pages)
    got = list(iter_pages([str(path)]))
    assert [(p.url, p.body) for p in pages_of(got)] == pages and len(got) == 5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=1, max_value=10_000), max_size=6), gz=st.booleans())
def test_byte_ranges_partition_the_records(tmp_path: Path, cuts: list[int], gz: bool) -> None:
    path = write_records(tmp_path / ("r.warc.gz" if gz else "r.warc"), crawl_records() * 2)
    size = path.stat().st_size
    bounds = [0, *sorted({c % size for c in cuts} - {0}), size]
    pieces = [p for a, b in itertools.pairwise(bounds) for p in read_warc_range(path, a, b)]
    whole = list(read_warc(path))
    assert [(p.source, p.body) for p in pages_of(pieces)] == [(p.source, p.body) for p in pages_of(whole)]
    assert len(pages_of(whole)) == 8 and len(pieces) == len(whole)


def test_record_start_skips_lookalikes(tmp_path: Path) -> None:
    # a page quoting WARC text in its body must not be taken for a record start
    quoted = b"<p>\nWARC/1.0\r\nWARC-Type: response\r\n</p>"
    records = [raw_record("response", http_response(quoted), uri="https://q.example/"), *crawl_records()[:3]]
    path = write_records(tmp_path / "q.warc", records)
    with path.open("rb") as handle:
        assert find_record_start(handle, 1, None, gz=False) == len(records[0])
    assert is_splittable(path)


def test_broken_record_is_an_error_in_place(tmp_path: Path) -> None:
    records = crawl_records()
    path = write_records(tmp_path / "b.warc.gz", records)
    data = bytearray(path.read_bytes())
    second = data.index(b"\x1f\x8b\x08", 1)          # damage the compressed bytes of record 2
    data[second + 30: second + 60] = b"\x00" * 30
    path.write_bytes(bytes(data))
    items = list(read_warc(path))
    errors = [i for i in items if isinstance(i, CleanfeedError)]
    assert len(errors) == 1 and "broken WARC record" in str(errors[0]) and f"{path}@{second}" in str(errors[0])
    assert [p.url for p in pages_of(items)] == [e[0] for e in EXPECTED]   # record 2 was a request


def test_plain_warc_with_wrong_length_recovers(tmp_path: Path) -> None:
    records = crawl_records()
    declared = records[2].split(b"Content-Length: ")[1].split(b"\r")[0]
    records[2] = records[2].replace(b"Content-Length: " + declared, b"Content-Length: 40", 1)  # far too short
    path = write_records(tmp_path / "l.warc", records)
    items = list(read_warc(path))
    errors = [i for i in items if isinstance(i, CleanfeedError)]
    assert errors and all("broken WARC record" in str(e) for e in errors)
    assert [p.url for p in pages_of(items)][-3:] == [e[0] for e in EXPECTED[1:]]   # reading went on


def test_truncated_and_bad_body_are_errors(tmp_path: Path) -> None:
    bad_gzip = raw_record("response", http_response(b"not gzip at all", extra=[("Content-Encoding", "gzip")]),
                          uri="https://news.example/z")
    path = write_records(tmp_path / "t.warc.gz", [*crawl_records()[:3], bad_gzip, crawl_records()[2]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])          # the last record is cut short
    items = list(read_warc(path))
    assert len(pages_of(items)) >= 1 and pages_of(items)[0].url == "https://news.example/a"
    assert all(isinstance(i, (Page, CleanfeedError)) for i in items)


def test_whole_file_gzip_is_read_but_not_split(tmp_path: Path) -> None:
    plain = b"".join(crawl_records())
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain))
    items = list(read_warc(path))
    assert [(p.url, p.body) for p in pages_of(items)] == [(e[0], e[1]) for e in EXPECTED]
    assert not is_splittable(path)
    assert is_splittable(write_records(tmp_path / "ok.warc.gz", crawl_records()))


def test_missing_and_empty_files(tmp_path: Path) -> None:
    missing = list(read_warc(tmp_path / "none.warc.gz"))
    assert len(missing) == 1 and isinstance(missing[0], CleanfeedError)
    (tmp_path / "empty.warc").write_bytes(b"")
    assert list(read_warc(tmp_path / "empty.warc")) == []
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8bnot a gzip stream at all")
    assert all(isinstance(i, CleanfeedError) for i in read_warc(tmp_path / "junk.warc.gz"))


def test_robots_txt_is_skipped_and_a_truncated_body_is_named(tmp_path: Path) -> None:
    robots = raw_record("response", http_response(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
                        uri="https://news.example/robots.txt")
    cut = raw_record("response", http_response(html(7)), uri="https://news.example/long",
                     extra=[("WARC-Truncated", "length")])
    page = raw_record("response", http_response(html(8)), uri="https://news.example/ok")
    items = list(read_warc(write_records(tmp_path / "c.warc.gz", [robots, cut, page])))
    errors = [i for i in items if isinstance(i, CleanfeedError)]
    assert [p.url for p in pages_of(items)] == ["https://news.example/ok"]
    assert len(errors) == 1 and "truncated" in str(errors[0])


def test_a_last_record_cut_short_is_an_error_not_silence(tmp_path: Path) -> None:
    """A crawl killed while it wrote its archive (or a download cut off) ends inside its last gzip member;
    warcio's iterator stops there as at the end of the file, so the record was dropped without a word and
    `clean`/`add` exited 0. It is an error at the member's offset; the records before it are read."""
    path = write_records(tmp_path / "cut.warc.gz", [*crawl_records()[:3], crawl_records()[2]])
    data = path.read_bytes()
    last = data.rindex(b"\x1f\x8b\x08")
    path.write_bytes(data[: last + (len(data) - last) // 2])
    items = list(read_warc(path))
    errors = [i for i in items if isinstance(i, CleanfeedError)]
    assert [p.url for p in pages_of(items)] == ["https://news.example/a"]
    assert len(errors) == 1 and f"{path}@{last}" in str(errors[0]) and "ends inside" in str(errors[0])


@pytest.mark.parametrize("name", ["notes.warc", "notes.warc.gz"])
def test_a_file_that_holds_no_warc_record_is_one_error(tmp_path: Path, name: str) -> None:
    """A file that is no WARC at all (a text file, a log saved under the wrong name) was read by warcio as
    ARC-like lines, a "not followed by a blank line" warning for each, and yielded nothing: `clean` then said
    "no page files", `add` of a folder passed it over. It is one error saying what it is."""
    path = tmp_path / name
    path.write_bytes(b"this is not a warc at all\n" * 10)
    items = list(read_warc(path))
    assert len(items) == 1 and isinstance(items[0], CleanfeedError) and "not a WARC file" in str(items[0])


def test_a_response_without_its_target_uri_is_named_so(tmp_path: Path) -> None:
    """A response record that lacks WARC-Target-URI (a hand-made or damaged archive) stopped warcio with
    "AttributeError: 'NoneType' object has no attribute 'startswith'", which was the error shown; it says
    what is missing, and the records after it are read."""
    missing = raw_record("response", http_response(html(5)))
    path = write_records(tmp_path / "m.warc.gz", [crawl_records()[2], missing, crawl_records()[2]])
    items = list(read_warc(path))
    errors = [str(i) for i in items if isinstance(i, CleanfeedError)]
    assert len(errors) == 1 and "WARC-Target-URI" in errors[0] and "AttributeError" not in errors[0], errors
    assert [p.url for p in pages_of(items)] == ["https://news.example/a", "https://news.example/a"]
