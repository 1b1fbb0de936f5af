"""Every crawl exchange, request and response, appended to `archive/<site>/<YYYY-MM-DD>.warc.gz` (warcio).

Why: pages are cleaned again offline when rules improve, and `cleanfeed add FILE.warc.gz` rebuilds the
store from the archive alone. Responses are kept as received (Content-Encoding and all; only the chunked
transfer coding is undone), with `WARC-Date` the same whole-second instant the crawler gave the Page as
`fetched_at`, so re-reading the archive gives the same articles. One gzip member per record, appended
and flushed as it comes: a crash loses at most the record being written. A body cut at the size limit
is marked `WARC-Truncated: length`.

An article assembled from several responses (its later pages, its single-page version) or found through a
feed is described by one `metadata` record after its responses (`ARTICLE_TYPE`: the later pages' URLs and
the feed's hints, JSON), and those extra responses carry `WARC-Cleanfeed-Part-Of: <first page URL>`, so
inputs/warc.py reads the archive back into the same articles.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleanfeed.crawl.fetch import Exchange
from cleanfeed.errors import ArchiveError
from cleanfeed.inputs.crawlnotes import ARTICLE_TYPE, PART_OF
from cleanfeed.model import Page
from cleanfeed.version import __version__

log = logging.getLogger(__name__)

_HOP_BY_HOP = {"transfer-encoding", "connection", "keep-alive"}   # the body we keep is de-chunked


def warc_date(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def archive_path(root: Path, site: str, at: datetime) -> Path:
    """`root/<site>/<YYYY-MM-DD>.warc.gz`, the day in UTC (the day WARC-Date says)."""
    return root / site / f"{at.astimezone(UTC):%Y-%m-%d}.warc.gz"


class WarcArchive:
    """Appends exchanges to the day's WARC file of one site; use as a context manager."""

    def __init__(self, root: Path, site: str) -> None:
        self.root, self.site = Path(root), site
        self._path: Path | None = None
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self.paths: list[Path] = []

    def write(self, exchange: Exchange, *, part_of: str | None = None) -> None:
        """The request and response of one exchange (response first, as warcio pairs them); `part_of`
        marks a later page (or the single-page version) of the article first fetched from that URL."""
        writer = self._writer_for(exchange.at)
        response, date = exchange.response, warc_date(exchange.at)
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = writer.create_warc_record(
            exchange.url, "request", payload=BytesIO(b""), length=0,
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"GET {target} {response.http_version}",
                                          list(response.request_headers), is_http_request=True))
        headers = [(k, v) for k, v in response.headers if k.lower() not in _HOP_BY_HOP]
        warc_headers = {"WARC-Date": date}
        if response.truncated:
            warc_headers["WARC-Truncated"] = "length"
        if part_of:
            warc_headers[PART_OF] = part_of
        record = writer.create_warc_record(
            exchange.url, "response", payload=BytesIO(response.raw), length=len(response.raw),
            warc_headers_dict=warc_headers,
            http_headers=StatusAndHeaders(f"{response.status} {response.reason}".strip(), headers,
                                          protocol=response.http_version))
        try:
            writer.write_request_response_pair(request, record)
        except OSError as exc:
            raise ArchiveError(f"cannot write: {exc.strerror or exc}", source=str(self._path)) from exc
        self._flush()

    def write_article(self, page: Page, *, single_page: str | None = None) -> None:
        """The metadata record of an article whose Page holds more than its first response: later pages,
        a single-page version's body, or a feed's hints. Nothing for a plain page."""
        if not page.parts and page.hints is None and single_page is None or page.url is None:
            return
        at = page.fetched_at or datetime.now(UTC)
        note = {"url": page.url, "parts": [p.url for p in page.parts], "single_page": single_page,
                "hints": page.hints.to_dict() if page.hints else None}
        data = json.dumps(note, ensure_ascii=False).encode("utf-8")
        writer = self._writer_for(at)
        record = writer.create_warc_record(page.url, "metadata", payload=BytesIO(data), length=len(data),
                                           warc_content_type=ARTICLE_TYPE,
                                           warc_headers_dict={"WARC-Date": warc_date(at)})
        try:
            writer.write_record(record)
        except OSError as exc:
            raise ArchiveError(f"cannot write: {exc.strerror or exc}", source=str(self._path)) from exc
        self._flush()

    def _flush(self) -> None:
        try:
            assert self._file is not None
            self._file.flush()
        except OSError as exc:
            raise ArchiveError(f"cannot write: {exc.strerror or exc}", source=str(self._path)) from exc

    def _writer_for(self, at: datetime) -> WARCWriter:
        path = archive_path(self.root, self.site, at)
        if path == self._path and self._writer is not None:
            return self._writer
        self.close()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not path.exists() or path.stat().st_size == 0
            self._file = open(path, "ab")   # noqa: SIM115  (open across writes until close() or a new month)
        except OSError as exc:
            raise ArchiveError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc
        self._path, self._writer = path, WARCWriter(self._file, gzip=True)
        self.paths.append(path)
        if fresh:
            info = self._writer.create_warcinfo_record(path.name, {
                "software": f"cleanfeed/{__version__}", "format": "WARC File Format 1.0",
                "description": f"cleanfeed crawl of site rule {self.site!r}"})
            self._writer.write_record(info)
        return self._writer

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = self._writer = self._path = None

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


__all__ = ["ARTICLE_TYPE", "PART_OF", "WarcArchive", "ArchiveError", "archive_path", "warc_date"]
