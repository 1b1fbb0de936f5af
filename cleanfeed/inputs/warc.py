"""WARC files → Page: HTTP response records (and HTML `resource` records), via warcio.

Reads files written by warcio, `wget --warc-file`, Heritrix and Common Crawl: per-record gzip
(`.warc.gz`), plain `.warc`, and whole-file gzip (not seekable, so never split). A broken record is
yielded as a `CleanfeedError` in place and reading goes on at the next record that parses.

`read_warc_range` reads only the records that *start* inside a byte range, so a large WARC can be
cut into byte ranges planned from its size alone (no pre-scan): each reader skips to the first real
record start at or after its range start (a gzip member that inflates to `WARC/`, or a `WARC/1.x`
line that parses) and reads on past its range end to finish the last record it owns.

cleanfeed's own crawl archives note which responses make one article (its later pages, the feed item
that linked it): those are read back into the same Page (`crawlnotes`). A byte range that cuts an
article's records apart yields its first page alone.
"""
from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Generator, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from cleanfeed.errors import CleanfeedError, NoArticleError, WarcError
from cleanfeed.inputs.crawlnotes import ARTICLE_TYPE, PART_OF, Note, Part, assemble, read_note
from cleanfeed.page import MAX_BYTES, PAGE_TYPES, Page
from cleanfeed.timeutil import UTC
from cleanfeed.urlnorm import clean_url

log = logging.getLogger(__name__)


class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its multi-line "WARNING: Record not followed by newline" on stderr (a
    record whose Content-Length is wrong): the same check, logged as one line naming the file offset."""

    def __init__(self, fileobj: IO[bytes] | gzip.GzipFile, name: str = "WARC") -> None:
        super().__init__(fileobj)
        self.name = name
        self.loader = TargetCheckingLoader(verify_http=False, arc2warc=False)   # warcio's defaults

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """As warcio's: skip the blank lines between records; a first line that is not blank means the
        record before was cut or mis-measured (its Content-Length), noted in one log line."""
        empty_size, first_line = 0, True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            stripped = line.rstrip()
            if not stripped or first_line:
                empty_size += len(line)
                if stripped:
                    offset = self.fh.tell() - self.reader.rem_length() - empty_size
                    log.warning("%s@%d: the WARC record before is not followed by a blank line (wrong "
                                "Content-Length?): %s", self.name, offset, printable(stripped.decode("latin-1"))[:80])
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


class TargetCheckingLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, with a record that may hold HTTP headers but names no WARC-Target-URI (a
    hand-made or damaged archive) refused in words: warcio's own loader stops on it with "AttributeError:
    'NoneType' object has no attribute 'startswith'", which is all the user saw."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: object, length: int | None) -> object:
        if uri is None and length != 0 and rec_type in self.HTTP_RECORDS:
            raise ValueError(f"a {rec_type} record without WARC-Target-URI")
        return super().load_http_headers(rec_type, uri, stream, length)


def printable(text: str) -> str:
    """`text` for a one-line message: runs of whitespace folded, control and other unprintable characters
    (a binary file's first line) dropped."""
    return "".join(ch for ch in " ".join(text.split()) if ch.isprintable())


_GZIP_MAGIC = b"\x1f\x8b\x08"
_SCAN = 1 << 16                        # bytes read at a time while looking for a record start
Raw = Page | CleanfeedError | Part | Note


def read_warc(path: Path, *, timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """Every page record of the WARC file at `path`, in file order; broken records as errors."""
    return read_warc_range(path, 0, None, timezone=timezone)


def read_warc_range(path: Path, start: int, end: int | None, *,
                    timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """The page records that start in bytes [start, end) of `path` (`end=None`: to the end of file)."""
    return assemble(_records(path, start, end, timezone))


def _records(path: Path, start: int, end: int | None, timezone: str | None) -> Iterator[Raw]:
    try:
        handle = open(path, "rb")     # noqa: SIM115  (closed by the `with` below; open errors are data)
    except OSError as exc:
        yield WarcError(f"cannot read: {exc.strerror or exc}", source=str(path))
        return
    with handle:
        gz = handle.read(2) == _GZIP_MAGIC[:2]
        pos = start if start == 0 else find_record_start(handle, start, end, gz)
        if pos == 0 and not opens_as_warc(handle, gz):
            pos = find_record_start(handle, 0, end, gz)
            if pos is None:
                if handle.seek(0, 2):      # an empty file holds no record and is no error
                    yield WarcError("not a WARC file (no WARC/1.x record in it)", source=str(path))
                return
            yield WarcError("broken WARC record: the file does not open with one", source=f"{path}@0")
        while pos is not None and (end is None or pos < end):
            broken_at = yield from _read_from(handle, path, pos, end, timezone)
            if broken_at is None:
                return
            pos = find_record_start(handle, broken_at + 1, end, gz)


def _read_from(handle: IO[bytes], path: Path, pos: int, end: int | None,
               timezone: str | None) -> Generator[Raw, None, int | None]:
    """Records from `pos` until `end` or end of file (returns None), or to a broken record (returns
    its offset, after yielding the error, so the caller can look for the next good record)."""
    handle.seek(pos)
    records = QuietArchiveIterator(handle, str(path))
    offset, seen = pos, 0
    while True:
        try:
            record = next(records)
            seen += 1
            page = _page(record, path, timezone)    # reads the body, so the offset is known next
            offset = records.get_record_offset()
        except StopIteration:
            cut = records.offset
            if cut < _size(handle) and (end is None or cut < end):
                yield WarcError("the file ends inside a WARC record (a crawl or download cut short?)",
                                source=f"{path}@{cut}")
            return None
        except Exception as exc:    # noqa: BLE001  warcio raises many kinds; a broken record is data, not a crash
            if end is not None and offset >= end:
                return None          # the next range's first record: its reader reports it
            if pos == 0 and "non-chunked gzip" in str(exc):    # never split (is_splittable): read it all
                yield from _read_whole_gzip(path, seen, timezone)
                return None
            yield WarcError(f"broken WARC record: {_reason(exc)}", source=f"{path}@{offset}")
            return offset
        if end is not None and offset >= end:
            return None
        if page is not None:
            yield _placed(page, f"{path}@{offset}")
        offset = records.offset                     # where the next record starts


def _size(handle: IO[bytes]) -> int:
    """The file's length in bytes (its read position is moved; callers seek before reading)."""
    return handle.seek(0, 2)


def opens_as_warc(handle: IO[bytes], gz: bool) -> bool:
    """Whether the file's first bytes are a WARC record's: `WARC/`, after blank lines, inflated from the first
    gzip member when `gz`. warcio reads any other first line as an ARC header and yields nothing from a file
    that is no WARC at all (a text file, a log under the wrong name), so the reader checks first."""
    handle.seek(0)
    head = handle.read(4096)
    if gz:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def _read_whole_gzip(path: Path, skip: int, timezone: str | None) -> Iterator[Raw]:
    """A WARC gzipped as one stream (`gzip file.warc`): read on through gzip, after the `skip`
    records already read; offsets are then in the uncompressed stream (`path@u<offset>`)."""
    with gzip.open(path, "rb") as stream:
        records = QuietArchiveIterator(stream, str(path))
        for n, record in enumerate(records):
            try:
                page = None if n < skip else _page(record, path, timezone)
                offset = records.get_record_offset()
            except Exception as exc:    # noqa: BLE001  not seekable: nothing after this can be read
                yield WarcError(f"broken WARC record: {_reason(exc)}", source=f"{path}@u{records.offset}")
                return
            if page is not None:
                yield _placed(page, f"{path}@u{offset}")


def _placed(page: Page | CleanfeedError | Part | Note, source: str) -> Raw:
    if isinstance(page, Note):
        return page
    if isinstance(page, Part):
        return Part(page.page._replace(source=source), page.first)
    if isinstance(page, Page):
        return page._replace(source=source)
    return type(page)(page.message, source=source)


def _reason(exc: BaseException) -> str:
    text = printable(str(exc))
    if "non-chunked gzip" in text:
        text = "gzip member holds more than one record (fix with: warcio recompress IN OUT)"
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _page(record: ArcWarcRecord, path: Path, timezone: str | None) -> Page | CleanfeedError | Part | Note | None:
    """The record as a Page; None for records that are not pages (requests, metadata, images …)."""
    kind = record.rec_type
    if kind == "metadata":
        return read_note(record)
    http = record.http_headers
    if kind == "response" and http is not None and record.format == "warc":
        status = http.get_statuscode() or ""
        content_type = http.get_header("Content-Type")
        if not status.startswith("2"):
            return None                               # redirects and errors are not articles
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if _mime(content_type) not in PAGE_TYPES or kind == "resource" and _mime(content_type) != "text/html":
        return None
    try:
        body = record.content_stream().read(MAX_BYTES + 1)   # de-chunked and decompressed, as warcio does
    except Exception as exc:        # noqa: BLE001  a bad Content-Encoding or chunking spoils this page only
        return WarcError(f"unreadable record body: {_reason(exc)}")
    if len(body) > MAX_BYTES:
        return WarcError(f"record body too large (the limit is {MAX_BYTES // 2**20} MB)")
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    if url and urlsplit(url).path == "/robots.txt":
        return None                                   # crawl housekeeping, archived but never an article
    if record.rec_headers.get_header("WARC-Truncated"):   # not a whole page: skipped (the crawl said why)
        return NoArticleError(f"not a whole page: the crawler truncated the record "
                              f"({record.rec_headers.get_header('WARC-Truncated')})")
    page = Page(body=body, url=url, fetched_at=warc_date(record.rec_headers.get_header("WARC-Date")),
                content_type=content_type, timezone=timezone)
    first = record.rec_headers.get_header(PART_OF)
    return Part(page._replace(url=clean_url(url)), clean_url(first)) if first and url else page


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def warc_date(value: str | None) -> datetime | None:
    """WARC-Date (`2021-05-01T08:00:00Z`, WARC/1.1 may add fractions) as an aware datetime."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        log.debug("unreadable WARC-Date %r", value)
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def is_splittable(path: Path, probe: int = 64 * 1024 * 1024) -> bool:
    """Whether byte ranges of `path` can be read separately: plain WARC, or gzip with one member per
    record (its first member ends within `probe` bytes and another member follows). A file gzipped
    whole is one stream: only its first range could read it."""
    with open(path, "rb") as handle:
        if handle.read(2) != _GZIP_MAGIC[:2]:
            return True
        handle.seek(0)
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        read = 0
        while not inflate.eof and read < probe:
            chunk = handle.read(_SCAN)
            if not chunk:
                break
            read += len(chunk)
            try:
                inflate.decompress(chunk, 1 << 20)
                while inflate.unconsumed_tail and not inflate.eof:
                    inflate.decompress(inflate.unconsumed_tail, 1 << 20)
            except zlib.error:
                return False
        rest = inflate.unused_data + handle.read(2)
        return inflate.eof and rest[:2] == _GZIP_MAGIC[:2]


def find_record_start(handle: IO[bytes], start: int, end: int | None, gz: bool) -> int | None:
    """The offset of the first record that starts in [start, end), or None when there is none."""
    marker = _GZIP_MAGIC if gz else b"WARC/"
    pos = start
    while end is None or pos < end:
        handle.seek(pos)
        chunk = handle.read(_SCAN + len(marker))
        if not chunk:
            return None
        hit = chunk.find(marker)
        while hit != -1 and hit < _SCAN and (end is None or pos + hit < end):
            if _record_starts_at(handle, pos + hit, gz):
                return pos + hit
            hit = chunk.find(marker, hit + 1)
        pos += _SCAN
    return None


def _record_starts_at(handle: IO[bytes], pos: int, gz: bool) -> bool:
    """Whether a WARC record starts at `pos`: a gzip member that inflates to `WARC/1.`, or (plain
    files) `WARC/1.` at a line start whose headers parse. Pages that quote WARC text fail the check."""
    if gz:
        handle.seek(pos)
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            head = inflate.decompress(handle.read(4096), 16)
        except zlib.error:
            return False
        return head.startswith(b"WARC/")
    if pos > 0:
        handle.seek(pos - 1)
        if handle.read(1) != b"\n":
            return False
    handle.seek(pos)
    try:
        record = next(QuietArchiveIterator(handle))
    except Exception:               # noqa: BLE001  not a record start
        return False
    return record.format == "warc" and bool(record.rec_headers.get_header("WARC-Record-ID"))


__all__ = ["ARTICLE_TYPE", "PART_OF", "read_warc", "read_warc_range", "find_record_start", "is_splittable",
           "warc_date", "WarcError"]
