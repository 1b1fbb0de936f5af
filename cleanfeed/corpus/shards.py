"""Corpus shards: `part-00000.jsonl` (or `.parquet`) files, one record per input page, in input order.

A record is an Article (`Article.to_dict()` plus `source`, `updated_source`, `timezone` — the zone the
page was cleaned in — and, with `--keep-raw`, `raw`: the page as decoded text), or a failure `{source,
url, fetched_at, error, error_type}` (`NoArticleError`: the page holds no article, it is skipped).
`_manifest.json` lists the shards of a finished run; `read_shards` turns a shard folder back into
`Cleaned` items for the store, the single writer, whose gate checks them like any page: a shard is a
file anyone with write access to the folder could have written.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from cleanfeed.errors import CleanfeedError, NoArticleError, ShardError
from cleanfeed.inputs.files import bounded_lines
from cleanfeed.model import MAX_BYTES, Article, Cleaned, FoundDate, Page

MANIFEST = "_manifest.json"
SHARD = re.compile(r"^part-(\d+)\.(jsonl|parquet)$")
COLUMNS = ("source", "url", "title", "author", "published", "published_source", "updated", "updated_source",
           "language", "text", "html", "summary", "fetched_at", "site", "image", "timezone", "raw", "error",
           "error_type")
MAX_LINE = MAX_BYTES * 2         # a record holds a page (--keep-raw) and its article: twice the page limit
_ROW_GROUP = 1000


def shard_name(index: int, fmt: str, width: int = 5) -> str:
    return f"part-{index:0{width}d}.{fmt}"


class ShardWriter:
    """Writes records to one shard; parquet row groups of 1,000 keep memory flat."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.fmt = fmt
        self.rows: list[dict[str, Any]] = []
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq
            self.schema = pa.schema([(c, pa.string()) for c in COLUMNS])
            self.parquet = pq.ParquetWriter(str(path), self.schema)
        else:
            self.handle: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt != "parquet":
            try:
                self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            except UnicodeEncodeError:        # a lone surrogate (from a JSON Lines input): \u-escape it
                self.handle.write(json.dumps(record) + "\n")
            return
        self.rows.append(record)
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        columns = {c: [r.get(c) for r in self.rows] for c in COLUMNS}
        self.parquet.write_table(pa.Table.from_pydict(columns, schema=self.schema))
        self.rows = []

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.fmt == "parquet":
            if self.rows and kind is None:
                self._flush()
            self.parquet.close()
        else:
            self.handle.close()


def is_shard_dir(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def shard_paths(folder: Path) -> list[Path]:
    """The shards of a finished run (from its manifest), else every `part-N.*` file in name order."""
    manifest = folder / MANIFEST
    if manifest.is_file():
        try:
            names = [p["shard"] for p in json.loads(manifest.read_text(encoding="utf-8"))["partitions"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ShardError(f"bad manifest: {exc}", source=str(manifest)) from None
        return [folder / n for n in names]
    return sorted((p for p in folder.iterdir() if SHARD.match(p.name)), key=lambda p: int(SHARD.match(p.name)[1]))  # type: ignore[index]


def iter_records(folder: Path) -> Iterator[dict[str, Any] | ShardError]:
    """Every record of every shard, in order; unreadable lines or files as errors in place."""
    for shard in shard_paths(folder):
        try:
            if shard.suffix == ".parquet":
                yield from _parquet_records(shard)
                continue
            with shard.open("rb") as handle:
                for n, line in enumerate(bounded_lines(handle, MAX_LINE), 1):
                    try:
                        if line is None:
                            raise ValueError(f"longer than {MAX_LINE // 2**20} MB")
                        rec = json.loads(line)
                        if not isinstance(rec, dict):
                            raise ValueError("not a JSON object")
                        yield rec
                    except (ValueError, RecursionError) as exc:
                        why = "nested too deeply" if isinstance(exc, RecursionError) else exc
                        yield ShardError(f"bad record: {why}", source=f"{shard}:{n}")
        except (OSError, ImportError) as exc:
            yield ShardError(f"cannot read shard: {exc}", source=str(shard))


def _parquet_records(shard: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq
    for batch in pq.ParquetFile(str(shard)).iter_batches(batch_size=_ROW_GROUP):
        yield from batch.to_pylist()


def read_shards(folder: Path) -> Iterator[Cleaned | CleanfeedError]:
    """A Cleaned item per cleaned page; a page that failed on the cluster comes back as a ShardError, one
    that held no article as a NoArticleError (the store skips and counts it).

    The Page carries url, fetched_at, source and the zone it was cleaned in; its body is the raw page
    (decoded text) when the run kept it (`--keep-raw`), else the article's text, which then serves only
    as the page's identity in the store (no raw page is stored, so `reclean` leaves the article alone).
    """
    for rec in iter_records(Path(folder)):
        if isinstance(rec, CleanfeedError):
            yield rec
            continue
        source = rec.get("source") if isinstance(rec.get("source"), str) else None
        try:
            if "error" in rec and rec["error"] is not None:
                kind = NoArticleError if rec.get("error_type") == "NoArticleError" else ShardError
                yield kind(f"{rec.get('error_type') or 'failed'}: {rec['error']}", source=source)
                continue
            article = record_article(rec)
            zone_name = rec.get("timezone")
            if zone_name is not None and not isinstance(zone_name, str):
                raise TypeError("'timezone' must be a string")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            yield ShardError(f"bad record: {type(exc).__name__}: {exc}", source=source)
            continue
        raw = rec.get("raw") if isinstance(rec.get("raw"), str) else None
        page = Page(body=raw or article.text, url=rec.get("url"), fetched_at=article.fetched_at,
                    content_type=None if raw else "text/plain", source=source, timezone=zone_name)
        yield Cleaned(page, article, raw_kept=bool(raw))


def record_article(rec: dict[str, Any]) -> Article:
    """A shard record back as an Article (without the --explain material, which shards never hold)."""
    return Article(title=rec["title"], text=rec["text"], html=rec["html"], language=rec["language"],
                   url=rec.get("url"), author=rec.get("author"),
                   published=_found(rec.get("published"), rec.get("published_source"), "published"),
                   updated=_found(rec.get("updated"), rec.get("updated_source"), "updated"),
                   summary=rec.get("summary") or "", fetched_at=_when(rec.get("fetched_at")),
                   site=rec.get("site"), image=rec.get("image"))


def _when(value: str | None, name: str = "fetched_at") -> datetime | None:
    """An ISO date and time with its offset (every date a shard holds has one), else ValueError."""
    if not value:
        return None
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        raise ValueError(f"{name!r} {value!r} has no time zone offset")
    return when


def _found(value: str | None, source: str | None, name: str) -> FoundDate | None:
    when = _when(value, name)
    return FoundDate(when, source or "corpus") if when else None
