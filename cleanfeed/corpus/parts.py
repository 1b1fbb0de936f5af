"""A corpus cut into partitions that workers read by themselves: the plan holds only paths and byte
ranges (from file sizes, no pre-scan), so planning a crawl of any size costs no page reads.

- a run of page files (with their sidecars) → groups of files;
- a JSON Lines file → byte ranges; a range owns the lines that *start* inside it;
- a WARC file → byte ranges; a range owns the records that start inside it (`warc.read_warc_range`).
  A WARC gzipped as one stream cannot be cut and stays whole.

Reading every partition of a plan in order yields exactly what `readers.iter_pages` yields for the same
inputs, page for page (JSON Lines sources are `path@byte` instead of `path:line`: line numbers would
need every earlier byte).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from cleanfeed.errors import CleanfeedError, InputError
from cleanfeed.inputs.files import (
    JSONL_SUFFIXES,
    MAX_LINE,
    WARC_SUFFIXES,
    bounded_line,
    expand,
    jsonl_page,
    read_page_file,
)
from cleanfeed.inputs.warc import is_splittable, read_warc_range
from cleanfeed.model import Page

PARTITION_BYTES = 16 * 1024 * 1024   # ~1,000-5,000 pages: seconds to minutes of cleaning per task
MAX_FILES = 1000                     # page files per partition (small files: bound the task count)


@dataclass(frozen=True)
class Partition:
    """One slice of the input: page files, or bytes [start, end) of one JSON Lines or WARC file."""

    index: int
    kind: str                        # "files" | "jsonl" | "warc"
    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None           # None: to the end of the file

    def describe(self) -> str:
        if self.kind == "files":
            return f"{len(self.paths)} page files from {self.paths[0]}"
        return f"{self.paths[0]} bytes {self.start}-{'' if self.end is None else self.end}"


def plan(inputs: Sequence[str], *, partition_bytes: int = PARTITION_BYTES,
         max_files: int = MAX_FILES) -> list[Partition]:
    """The partitions of `inputs` (files, folders, JSON Lines, WARC), in input order."""
    specs: list[tuple[str, tuple[str, ...], int, int | None]] = []
    group: list[str] = []
    group_bytes = 0
    for item in expand(inputs):
        path = Path(item)
        name = path.name.lower()
        if path.suffix.lower() in JSONL_SUFFIXES or name.endswith(WARC_SUFFIXES):
            if group:
                specs.append(("files", tuple(group), 0, None))
                group, group_bytes = [], 0
            kind = "jsonl" if path.suffix.lower() in JSONL_SUFFIXES else "warc"
            specs.extend((kind, (str(path),), a, b) for a, b in _ranges(path, kind, partition_bytes))
            continue
        size = _size(path)
        if group and (len(group) >= max_files or group_bytes + size > partition_bytes):
            specs.append(("files", tuple(group), 0, None))
            group, group_bytes = [], 0
        group.append(str(path))
        group_bytes += size
    if group:
        specs.append(("files", tuple(group), 0, None))
    return [Partition(i, kind, paths, a, b) for i, (kind, paths, a, b) in enumerate(specs)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0                     # missing or unreadable: its reader reports it


def _ranges(path: Path, kind: str, step: int) -> list[tuple[int, int | None]]:
    size = _size(path)
    try:
        whole = size <= step or kind == "warc" and not is_splittable(path)
    except OSError:
        whole = True
    if whole:
        return [(0, None)]
    cuts = list(range(0, size, step))
    return [(a, b) for a, b in pairwise(cuts)] + [(cuts[-1], None)]


def read_partition(part: Partition, *, timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """The partition's pages, in file order; unreadable inputs as errors in place."""
    if part.kind == "jsonl":
        yield from read_jsonl_range(Path(part.paths[0]), part.start, part.end, timezone=timezone)
    elif part.kind == "warc":
        yield from read_warc_range(Path(part.paths[0]), part.start, part.end, timezone=timezone)
    else:
        for name in part.paths:
            try:
                yield read_page_file(Path(name), timezone=timezone)
            except CleanfeedError as exc:
                yield exc


def read_jsonl_range(path: Path, start: int, end: int | None, *,
                     timezone: str | None = None) -> Iterator[Page | CleanfeedError]:
    """Records `{url, fetched_at, html | text}` whose line starts in bytes [start, end)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(path))
        return
    with handle:
        pos = start
        if start > 0:                      # the line that straddles `start` belongs to the range before
            handle.seek(start - 1)
            pos = start - 1 + bounded_line(handle, MAX_LINE)[1]
        while end is None or pos < end:
            raw, used = bounded_line(handle, MAX_LINE)
            if not used:
                return
            where, pos = f"{path}@{pos}", pos + used
            if raw is None or raw.strip():
                yield jsonl_page(raw, where, timezone)
