"""The fixture sets under tests/data: subsets of public benchmarks (each folder's SOURCE.md says which, under
which licence, and how the subset was drawn) and our own date cases. Same layout as the full sets:
`<set>/ground-truth.json` ({id: {"articleBody", …}}) and `<set>/html/<id>.html.gz`."""
from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

from cleanfeed import clean
from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Article
from cleanfeed.text.clean import clean_text

DATA = Path(__file__).resolve().parents[1] / "data"


def truth(name: str) -> dict[str, dict[str, Any]]:
    """The ground truth of set `name` (`extraction/aeb-en`, `text/cwced-zh-text`, …), by page id."""
    data: dict[str, dict[str, Any]] = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
    return data


def page_bytes(name: str, page_id: str) -> bytes:
    """The page `page_id` of set `name`, decompressed (HTML as fetched, or the text dump's UTF-8)."""
    return gzip.decompress((DATA / name / "html" / f"{page_id}.html.gz").read_bytes())


def pages(name: str, n: int | None = None) -> list[bytes]:
    """The first `n` pages of set `name` in sorted id order (all of them without `n`)."""
    ids = sorted(truth(name))[:n]
    assert n is None or len(ids) == n, f"{DATA / name} has fewer than {n} pages"
    return [page_bytes(name, i) for i in ids]


def dump_bodies(name: str, ids: list[str]) -> dict[str, dict[str, str]]:
    """The text dumps `ids` of set `name` as clean_text reads them, as the scorer takes predictions:
    {id: {"articleBody": the paragraphs, one a line}}."""
    return {page_id: {"articleBody": "\n".join(clean_text(page_bytes(name, page_id).decode("utf-8")).paragraphs)}
            for page_id in ids}


@cache
def cleaned(data: bytes, url: str | None = None) -> Article | CleanfeedError:
    """`cleanfeed.clean(data, url=url)`, or the CleanfeedError it raised, computed once per session: the score
    gates that clean the same committed pages the same way (test_typemodel, test_dupes_score) share it. An
    Article is frozen (its fields are strings, tuples and frozen dates), so no test can change another's; an
    error is handed back, never raised again."""
    try:
        return clean(data, url=url)
    except CleanfeedError as exc:
        return exc
