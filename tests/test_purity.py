"""Cleaning is a pure function of (page, rules): the same page gives the same Article whatever was
cleaned before it in the process (a regression: lxml proxy ids once leaked into list/quote grouping)."""
from __future__ import annotations

import gc
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleanfeed

HERE = Path(__file__).parent
PAGES = sorted((HERE / "pages").rglob("*.html*"))
# whole-page text dumps: hand-written, and lynx / w3m renderings of own pages at several widths
DUMPS = sorted([*(HERE / "textpages").glob("*.txt"), *(HERE / "endumptitles").glob("*.txt"),
                *(HERE / "firstpara").rglob("*.txt")])


def _bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _cleaned(path: Path) -> dict[str, object] | str:
    content: bytes | str = path.read_text("utf-8") if path.suffix == ".txt" else _bytes(path)
    try:
        return cleanfeed.clean(content, url="https://example.org/a.html", fetched_at="2024-01-01").to_dict(explain=True)
    except cleanfeed.CleanfeedError as e:          # a refusal must be the same refusal in any order
        return f"{type(e).__name__}: {e}"


def _clean_all(order: list[Path]) -> dict[Path, dict[str, object] | str]:
    out = {}
    for path in order:
        out[path] = _cleaned(path)
        gc.collect()
    return out


@pytest.fixture
def frozen_heap() -> Iterator[None]:
    """Move every object alive before the test out of the collector's sight (gc.freeze), so each full
    collection between two pages scans only what cleaning made: the same garbage freed and the same ids
    reused, at a tenth of the cost when the whole test session's heap sits beside it."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.mark.slow
def test_same_page_same_article_in_any_order(frozen_heap: None) -> None:
    assert len(PAGES) >= 6
    forward = _clean_all(PAGES)
    backward = _clean_all(list(reversed(PAGES)) + PAGES[:3])
    for path in PAGES:
        assert forward[path] == backward[path], path.name


@pytest.mark.slow
def test_same_dump_same_article_in_any_order(frozen_heap: None) -> None:
    """The text path too: the dump's region, headline and wrapped paragraphs owe nothing to earlier dumps."""
    assert len(DUMPS) >= 100
    forward = _clean_all(DUMPS)
    backward = _clean_all(list(reversed(DUMPS)) + DUMPS[:3])
    for path in DUMPS:
        assert forward[path] == backward[path], path.name
