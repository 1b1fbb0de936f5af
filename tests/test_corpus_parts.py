"""Corpus partitions, the per-partition worker and shards, without a cluster."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.corpusbuild import fault_page, make_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanfeed.corpus.parts import plan, read_partition
from cleanfeed.corpus.run import ingest_shards
from cleanfeed.corpus.shards import iter_records, read_shards
from cleanfeed.corpus.worker import Job, release_child, run_partition
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.model import Cleaned, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.store.db import Store


@pytest.fixture(autouse=True)
def no_child_left() -> Iterator[None]:
    """run_partition keeps a cleaning process per thread for the next partition: end it after each test."""
    yield
    release_child()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


def view(item: Page | CleanfeedError) -> tuple[object, ...]:
    if isinstance(item, CleanfeedError):
        return ("error", type(item).__name__)
    return (item.body, item.url, item.fetched_at, item.content_type, item.timezone)


def jsonl_line(source: str) -> tuple[str, int]:
    """`path@byte` → (path, line number), to match `readers.read_jsonl`'s `path:line`."""
    path, offset = source.rsplit("@", 1)
    return path, Path(path).read_bytes()[: int(offset)].count(b"\n") + 1


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=2_000, max_value=3_000_000), files=st.integers(min_value=1, max_value=40))
def test_partitions_read_what_readers_read(corpus: list[str], size: int, files: int) -> None:
    parts = plan(corpus, partition_bytes=size, max_files=files)
    assert [p.index for p in parts] == list(range(len(parts)))
    got = [item for part in parts for item in read_partition(part, timezone="Europe/Paris")]
    want = list(iter_pages(corpus, timezone="Europe/Paris"))
    assert [view(i) for i in got] == [view(i) for i in want]
    for g, w in zip(got, want, strict=True):
        if str(w.source).startswith(corpus[1]):            # JSON Lines: byte offsets for line numbers
            path, line = jsonl_line(str(g.source))
            assert f"{path}:{line}" == w.source
        else:
            assert g.source == w.source


def test_plan_is_deterministic_and_cuts_big_files(corpus: list[str]) -> None:
    parts = plan(corpus, partition_bytes=100_000)
    assert parts == plan(corpus, partition_bytes=100_000)
    kinds = [p.kind for p in parts]
    assert kinds.count("jsonl") > 1 and kinds.count("warc") > 1 and "files" in kinds


@pytest.mark.slow
def test_partition_survives_crashes_and_hangs(tmp_path: Path, faulty_cleaner: str) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    good = "Copper scrap prices rose again on Monday.\n\nTraders in Shanghai said demand was strong.\n"
    for name, text in [("a", good), ("b", fault_page("FAULT-RAISE")), ("c", good + "More."),
                       ("d", fault_page("FAULT-HANG")), ("e", fault_page("FAULT-SEGV")), ("f", good + "End.")]:
        (pages / f"{name}.txt").write_text(text)
    part = plan([str(pages)])[0]
    out = tmp_path / "out"
    out.mkdir()
    result = run_partition(part, Job(out_dir=str(out), page_timeout=2, cleaner=faulty_cleaner))
    records = [r for r in iter_records(out) if isinstance(r, dict)]
    assert (result.pages, result.failed) == (6, 3) and result.shard == "part-00000.jsonl"
    assert [Path(r["source"]).stem for r in records] == list("abcdef")
    assert [r.get("error_type") for r in records] == [None, "crash", None, "timeout", "crash", None]
    assert "RuntimeError: injected bug" in records[1]["error"] and "SIGSEGV" in records[4]["error"]
    for r in (records[0], records[2], records[5]):
        page = Page(body=(pages / Path(r["source"]).name).read_bytes(), source=r["source"])
        want = clean_page(page).to_dict()
        assert {k: r[k] for k in want if k != "fetched_at"} == {k: v for k, v in want.items() if k != "fetched_at"}
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl"]      # no temporary file left


def test_shards_back_into_the_store(tmp_path: Path, corpus: list[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    parts = plan(corpus[:1], partition_bytes=200_000)
    job = Job(out_dir=str(out), keep_raw=True)
    for part in parts:
        run_partition(part, job)
    items = list(read_shards(out))
    pairs = [(i.page, i.article) for i in items if isinstance(i, Cleaned)]
    errors = [i for i in items if isinstance(i, CleanfeedError)]
    want = [clean_page(p) for p in iter_pages(corpus[:1]) if isinstance(p, Page) and p.body]
    assert [a.to_dict() for _, a in pairs] == [a.to_dict() for a in want]
    assert [str(e) for e in errors] == [f"{corpus[0]}/empty.txt: EmptyPageError: empty page"] + [
        e for e in map(str, errors[1:]) if "fault-" in e]
    assert all(isinstance(p.body, str) and p.body for p, _ in pairs)       # --keep-raw: the decoded page
    assert all(i.raw_kept for i in items if isinstance(i, Cleaned))
    with Store.open(tmp_path / "store.sqlite") as store:
        report = ingest_shards(None, out, store=store)
        assert report.articles == len(pairs) and store.counts()["articles"] == len({
            a.url or a.text[:200] for _, a in pairs})
        assert ingest_shards(None, out, store=store).count("new") == 0          # a second add changes nothing


def test_parquet_shards_read_like_jsonl(tmp_path: Path, corpus: list[str]) -> None:
    pytest.importorskip("pyarrow")
    part = plan([corpus[0]])[0]
    for fmt in ("jsonl", "parquet"):
        (tmp_path / fmt).mkdir()
        run_partition(part, Job(out_dir=str(tmp_path / fmt), fmt=fmt))
    as_jsonl = [(str(i) if isinstance(i, CleanfeedError) else i.article.to_dict())
                for i in read_shards(tmp_path / "jsonl")]
    as_parquet = [(str(i) if isinstance(i, CleanfeedError) else i.article.to_dict())
                  for i in read_shards(tmp_path / "parquet")]
    assert as_parquet == as_jsonl and len(as_jsonl) == len(part.paths)


def test_bad_shard_lines_are_errors(tmp_path: Path) -> None:
    (tmp_path / "part-00000.jsonl").write_text('{"title": "x"}\nnot json\n[1]\n')
    items = list(read_shards(tmp_path))
    assert len(items) == 3 and all(isinstance(i, CleanfeedError) for i in items)
    (tmp_path / "_manifest.json").write_text(json.dumps({"partitions": "nope"}))
    with pytest.raises(CleanfeedError):
        list(read_shards(tmp_path))


def test_lone_surrogates_and_odd_records_survive(tmp_path: Path) -> None:
    src = tmp_path / "odd.jsonl"
    body = "Copper scrap prices rose on Monday \\ud800 in Shanghai.\n\nTraders said demand held."
    escaped = body.replace("\n", "\\n")
    src.write_text(f'{{"url": "https://odd.example/\\udc80", "text": "{escaped}"}}\n'
                   '[1, 2]\n{"url": "x", "html": 5}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_partition(plan([str(src)])[0], Job(out_dir=str(out)))
    records = list(iter_records(out))
    assert result.pages == 3 and all(isinstance(r, dict) for r in records)
    assert [r.get("error_type") for r in records] == [None, "InputError", "InputError"]    # type: ignore[union-attr]
    assert records[0]["url"] == "https://odd.example/\udc80"                              # type: ignore[index]
