"""Input readers: files (with `<file>.meta.json` sidecars), folders, stdin and JSON Lines → Page.

Readers touch the disk; they never clean. Each yields a Page or the CleanfeedError for an input that
cannot be read, so one bad file never stops a batch (feedparser's "bozo" idea at the batch boundary).
"""
from __future__ import annotations

import json
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cleanfeed.errors import CleanfeedError, InputError
from cleanfeed.page import MAX_BYTES, Page
from cleanfeed.textnorm import one_line
from cleanfeed.timeutil import mtime_datetime, parse_when, zone
from cleanfeed.urlnorm import is_http_url

PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml"}
GZIP_PAGE_SUFFIXES = tuple(f"{s}.gz" for s in sorted(PAGE_SUFFIXES))   # page.html.gz: saved pages, gzipped
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")
# Names a saved page often has that no reader takes: no extension (`article_123`), a server script's
# (`show.php`), a query string (wget's `show.php?id=5`), a copy's number (`index.html.1`): `_looks_like_a_page`.
# Other files (images, CSS, sidecars) go unmentioned.
SCRIPT_SUFFIXES = {".php", ".asp", ".aspx", ".jsp", ".jspx", ".cgi", ".pl", ".do", ".action", ".cfm"}

log = logging.getLogger(__name__)


def is_page_file(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and (path.suffix.lower() in PAGE_SUFFIXES or path.suffix.lower() in JSONL_SUFFIXES
                                         or name.endswith(WARC_SUFFIXES) or name.endswith(GZIP_PAGE_SUFFIXES))


def expand(paths: Iterable[str]) -> Iterator[str | Path]:
    """Each PATH as given; a folder becomes its page files (sorted); `-` stays `-` (stdin)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                files = [p for p in path.iterdir() if p.is_file()]
                _warn_unnamed(path, [p for p in files if not is_page_file(p)])
                yield from sorted(p for p in files if is_page_file(p))
                continue
        except OSError:
            pass        # a folder that cannot be listed, a name too long: the reader names the problem
        yield path


def _looks_like_a_page(path: Path) -> bool:
    """No extension, a server script's (`show.php`), a query (`show.php?id=5`, or `show.php@id=5` as wget
    writes it with --restrict-file-names=windows), or wget's second copy of a page (`index.html.1`)."""
    name = path.name.lower()
    if name.startswith("."):
        return False
    suffix = Path(name).suffix
    if suffix[1:].isdigit():
        inner = Path(name[:-len(suffix)]).suffix
        return inner in PAGE_SUFFIXES or inner in SCRIPT_SUFFIXES
    return "?" in name or not suffix or suffix.split("@")[0] in SCRIPT_SUFFIXES


def _warn_unnamed(folder: Path, others: list[Path]) -> None:
    """A folder's files named as saved pages often are but no reader takes (wget's `show.php?id=5`, a page
    saved without an extension) are skipped: say so, or `add inbox/` of such pages ends as "0 pages"
    without a word. Images, stylesheets, sidecars and hidden files go unmentioned."""
    names = sorted(one_line(p.name) for p in others if _looks_like_a_page(p))   # (a line break, an escape)
    if names:
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        log.warning("%s: skipped %d file%s not named as a page file (%s): page files end in .html, .htm, .txt, "
                    ".jsonl, .warc or .warc.gz (docs/inputs.md)", folder, len(names), "" if len(names) == 1 else "s",
                    shown)


def read_sidecar(path: Path) -> dict[str, Any]:
    """The page's `<file>.meta.json` (url, fetched_at, timezone), or {} when there is none."""
    meta = path.with_name(path.name + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"bad sidecar {meta.name}: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise InputError(f"bad sidecar {meta.name}: not a JSON object", source=str(path))
    for key in ("url", "fetched_at", "timezone", "content_type"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"bad sidecar {meta.name}: {key!r} must be a string", source=str(path))
    if data.get("url") and not is_http_url(data["url"]):
        raise InputError(f"bad sidecar {meta.name}: 'url' must be an absolute http(s) URL", source=str(path))
    return data


def read_bytes(path: Path) -> bytes:
    """The page's bytes; a `.html.gz` (or `.txt.gz`, …) page is decompressed, within the same size limit."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)",
                            source=str(path))
        if path.name.lower().endswith(GZIP_PAGE_SUFFIXES):
            return _gunzip(path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder that cannot be listed", source=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


def _gunzip(path: Path) -> bytes:
    """At most MAX_BYTES of decompressed page: a small file can unpack to gigabytes."""
    import gzip  # with struct and _compression ~1 ms: only a gzipped page needs it, not every `check`

    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"not a readable gzip file: {exc}", source=str(path)) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"page too large once decompressed (the limit is {MAX_BYTES // 2**20} MB)", source=str(path))
    return data


def _when(value: Any, tz_name: str | None, source: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return parse_when(str(value), zone(tz_name))
    except ValueError as exc:
        raise InputError(f"bad fetched_at: {exc}", source=source) from None


def read_page_file(path: Path, *, url: str | None = None, fetched_at: datetime | None = None,
                   timezone: str | None = None) -> Page:
    """One page file plus its sidecar; the caller's url/fetched_at win over the sidecar's, then mtime."""
    body = read_bytes(path)
    meta = read_sidecar(path)
    tz_name = meta.get("timezone") if isinstance(meta.get("timezone"), str) else None
    try:
        zone(tz_name)
    except ValueError as exc:
        raise InputError(f"bad sidecar timezone: {exc}", source=str(path)) from None
    when = fetched_at or _when(meta.get("fetched_at"), tz_name or timezone, str(path)) \
        or mtime_datetime(path.stat().st_mtime)
    return Page(body=body, url=url or meta.get("url") or None, fetched_at=when,
                content_type=meta.get("content_type"), source=str(path), timezone=tz_name or timezone)


MAX_LINE = MAX_BYTES + 64 * 1024     # one record: a page at the size limit, plus its fields


def bounded_line(handle: IO[bytes], limit: int) -> tuple[bytes | None, int]:
    """(the next line, bytes it took): with at most `limit` bytes in memory; None stands for a longer line
    (read on to its end), so a file without line breaks cannot fill the memory. (b"", 0) at the end."""
    line = handle.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    used = len(line)
    while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
        used += len(rest)
    return None, used + len(rest)


def bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Every line of `handle` as `bounded_line` reads it."""
    while True:
        line, used = bounded_line(handle, limit)
        if not used:
            return
        yield line


def read_jsonl(path: Path, *, timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """JSON Lines records `{url, fetched_at, html | text}`: one Page per line, errors named by line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(path))
        return
    with handle:
        for n, raw in enumerate(bounded_lines(handle, MAX_LINE), 1):
            where = f"{path}:{n}"
            if raw is None or raw.strip():
                yield jsonl_page(raw, where, timezone)


def jsonl_page(raw: bytes | None, where: str, timezone: str | None) -> Page | CleanfeedError:
    """One JSON Lines record as a Page, or the error that names it (`where` = file and line or offset);
    None stands for a line over the size limit."""
    if raw is None:
        return InputError(f"bad record: longer than {MAX_LINE // 2**20} MB", source=where)
    try:
        rec = json.loads(raw)
        if not isinstance(rec, dict):
            raise ValueError("not a JSON object")
        body = rec.get("html") if rec.get("html") is not None else rec.get("text")
        if not isinstance(body, str):
            raise ValueError("record has neither 'html' nor 'text'")
        for key in ("url", "timezone"):          # as in a sidecar: a number or list here crashed the cleaner
            if rec.get(key) is not None and not isinstance(rec[key], str):
                raise ValueError(f"{key!r} must be a string")
        if rec.get("url") and not is_http_url(rec["url"]):
            raise ValueError("'url' must be an absolute http(s) URL")    # it becomes a feed entry's link
        if rec.get("timezone"):
            zone(rec["timezone"])                 # ValueError names the unknown zone
        tz_name = rec.get("timezone") or timezone   # a naive fetched_at is the record's own local time
        return Page(body=body, url=rec.get("url") or None, fetched_at=_when(rec.get("fetched_at"), tz_name, where),
                    content_type="text/html" if rec.get("html") is not None else "text/plain",
                    source=where, timezone=tz_name)
    except RecursionError:             # `[[[[…` 100,000 deep: json's recursive parser gives up
        return InputError("bad record: JSON nested too deeply", source=where)
    except (ValueError, AttributeError, CleanfeedError) as exc:
        return InputError(f"bad record: {exc}", source=where)


def read_stdin(*, url: str | None, fetched_at: datetime | None, timezone: str | None) -> Page:
    body = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise InputError(f"input too large (the limit is {MAX_BYTES // 2**20} MB)", source="<stdin>")
    return Page(body=body, url=url, fetched_at=fetched_at, source="<stdin>", timezone=timezone)


def iter_pages(paths: Iterable[str], *, url: str | None = None, fetched_at: datetime | None = None,
               timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """Every page named by `paths` (files, folders, JSON Lines, WARC, `-`), in order; errors in place.
    The caller's `fetched_at` wins over what each record says (DESIGN.md, Inputs and fetch time)."""
    for item in expand(paths):
        try:
            if item == "-":
                yield read_stdin(url=url, fetched_at=fetched_at, timezone=timezone)
            elif isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
                yield from _fetched_at(read_jsonl(item, timezone=timezone), fetched_at)
            elif isinstance(item, Path) and item.name.lower().endswith(WARC_SUFFIXES):
                from cleanfeed.inputs.warc import read_warc  # lazily: warcio is only imported for WARC input
                yield from _fetched_at(read_warc(item, timezone=timezone), fetched_at)
            else:
                assert isinstance(item, Path)
                yield read_page_file(item, url=url, fetched_at=fetched_at, timezone=timezone)
        except CleanfeedError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001
            # A reader that fails on one input (a bug, a file that vanished mid-read) ends that input only:
            # the pages already read from it are kept, the next PATH is read as usual.
            yield InputError(f"reading stopped: {type(exc).__name__}: {exc}", source=str(item))


def _fetched_at(items: Iterator[Page | CleanfeedError], fetched_at: datetime | None) -> Iterator[Page | CleanfeedError]:
    """Records of a multi-page input, with the caller's fetch time when one was given."""
    for item in items:
        yield item._replace(fetched_at=fetched_at) if fetched_at and isinstance(item, Page) else item
