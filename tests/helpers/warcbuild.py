"""WARC bytes for tests, built two ways: by hand (Common Crawl / Heritrix layout, byte for byte) and
with warcio's writer. Used by tests/test_warc*.py and helpers/corpusbuild.py."""
from __future__ import annotations

import gzip
import io
import uuid
import zlib
from collections.abc import Sequence
from pathlib import Path

from warcio.warcwriter import WARCWriter


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK",
                  extra: Sequence[tuple[str, str]] = ()) -> bytes:
    """An HTTP/1.1 response as it crossed the wire (headers + body, no changes)."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}", *(f"{k}: {v}" for k, v in extra)]
    if not any(k.lower() == "transfer-encoding" for k, _ in extra):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def chunked(data: bytes, size: int = 7) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def gzip_body(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def raw_record(rec_type: str, block: bytes, *, uri: str | None = None, date: str = "2021-05-01T08:00:00Z",
               content_type: str | None = None, version: str = "1.0",
               extra: Sequence[tuple[str, str]] = ()) -> bytes:
    """One WARC record by hand, the way Heritrix and Common Crawl lay it out."""
    head = [f"WARC/{version}", f"WARC-Type: {rec_type}", f"WARC-Date: {date}",
            f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=len(block) * 7919 + len(rec_type))}>"]
    if uri is not None:
        head.append(f"WARC-Target-URI: {uri}")
    if content_type is None:
        content_type = {"response": "application/http; msgtype=response",
                        "request": "application/http; msgtype=request",
                        "warcinfo": "application/warc-fields"}.get(rec_type, "application/octet-stream")
    head += [f"Content-Type: {content_type}", *(f"{k}: {v}" for k, v in extra), f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def write_records(path: Path, records: Sequence[bytes], *, gz: bool | None = None) -> Path:
    """Records into a file; `.warc.gz` gets one gzip member per record (the seekable layout)."""
    gz = path.name.endswith(".gz") if gz is None else gz
    with path.open("wb") as out:
        for record in records:
            out.write(gzip.compress(record, mtime=0) if gz else record)
    return path


def write_pages_warcio(path: Path, pages: Sequence[tuple[str, bytes]], *, date: str = "2021-05-01T08:00:00Z",
                       gz: bool = True) -> Path:
    """HTML pages as HTTP response records written by warcio (with a warcinfo and a request each)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cleanfeed tests"}))
        for url, body in pages:
            request = b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"
            response = http_response(body)     # a known length keeps warcio from spooling to a temp file
            for kind, data in (("request", request), ("response", response)):
                writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(data), length=len(data),
                                                              warc_headers_dict={"WARC-Date": date}))
    return path
