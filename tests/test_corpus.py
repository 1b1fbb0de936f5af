"""`clean-corpus` on a LocalCluster (2 worker processes): the same records as one process, page for
page; crashing, hanging pages reported, not fatal; re-runs byte-identical; a lost worker recomputed."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.corpusbuild import make_corpus
from helpers.guard import hang_guard

from cleanfeed.cli import main
from cleanfeed.corpus.run import clean_corpus
from cleanfeed.corpus.shards import iter_records
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.pipeline import clean_page

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow           # a Dask LocalCluster with crash loops: ~16 s
PART_BYTES = 300_000          # several partitions per file: ranges of the JSON Lines and WARC files
TIMEOUT = 3.0                 # per page; the hanging page costs this much


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """No test here may hang the suite: SIGALRM interrupts it after 120 s."""
    with hang_guard(120, "test_corpus"):
        yield


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, faulty_cleaner: str) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("corpus")
    marker = root / "worker-killed"
    marker.write_text("not yet armed")
    # The workers and their cleaning processes import helpers.faulty (`faulty_cleaner` put tests/ on
    # PYTHONPATH); the nannies live in this process and start a replacement worker with this process's
    # environment, so the kill marker too must hold for the whole module.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLEANFEED_TEST_KILL_MARKER", str(marker))
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=50)
        client = distributed.Client(cluster)
        try:
            yield {"root": root, "inputs": make_corpus(root), "client": client, "cluster": cluster, "marker": marker,
                   "cleaner": faulty_cleaner}
        finally:
            client.close()
            cluster.close()


def single_process(inputs: list[str]) -> list[dict[str, Any]]:
    """What each record must say, cleaned here in one process (the injected faults by their marker)."""
    out: list[dict[str, Any]] = []
    for item in iter_pages(inputs):
        if isinstance(item, CleanfeedError):
            out.append({"error_type": type(item).__name__})
            continue
        text = item.body if isinstance(item.body, str) else item.body.decode("utf-8", "replace")
        fault = next((kind for marker, kind in [("FAULT-RAISE", "crash"), ("FAULT-SEGV", "crash"),
                                                ("FAULT-HANG", "timeout")] if marker in text), None)
        if fault:
            out.append({"url": item.url, "error_type": fault})
            continue
        try:
            out.append({"source": item.source, **clean_page(item).to_dict()})
        except CleanfeedError as exc:
            out.append({"url": item.url, "error": exc.message, "error_type": type(exc).__name__})
    return out


def assert_same(got: list[dict[str, Any]], want: list[dict[str, Any]], jsonl: str) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        if "title" in w:
            keys = [k for k in w if not (k == "source" and w[k].startswith(jsonl))]   # path@byte vs path:line
            assert {k: g.get(k) for k in keys} == {k: w[k] for k in keys}
        else:
            assert {k: g.get(k) for k in w} == w


def shard_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_cluster_equals_single_process(world: dict[str, Any]) -> None:
    out = world["root"] / "out"
    report = clean_corpus(world["inputs"], out, client=world["client"], partition_bytes=PART_BYTES,
                          page_timeout=TIMEOUT, cleaner=world["cleaner"])
    records = [r for r in iter_records(out) if isinstance(r, dict)]
    want = single_process(world["inputs"])
    assert report.partitions > 6 and report.pages == len(records) == len(want) > 60
    assert_same(records, want, world["inputs"][1])
    kinds = sorted(r["error_type"] for r in records if "error" in r)
    assert kinds == ["EmptyPageError", "InputError", "crash", "crash", "timeout"] and report.failed == 5
    assert not report.lost
    world["first"] = shard_bytes(out)


def test_rerun_through_the_cli_is_identical(world: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    if "first" not in world:
        pytest.skip("needs test_cluster_equals_single_process")
    address = world["cluster"].scheduler_address
    args = ["clean-corpus", *world["inputs"], "--out", str(world["root"] / "out"), "--scheduler", address,
            "--partition-mb", str(PART_BYTES / 1024 / 1024), "--page-timeout", str(TIMEOUT)]
    # the CLI cleans with the real pipeline: the injected pages come out as ordinary text pages now
    assert main(args) == 1
    second = shard_bytes(world["root"] / "out")
    assert main(args) == 1 and shard_bytes(world["root"] / "out") == second
    assert second.keys() == world["first"].keys()
    err = capsys.readouterr().err
    assert "pages in" in err and "2 failed" in err                  # the empty page and the bad JSON line


def test_relative_inputs_reach_workers_in_another_directory(world: dict[str, Any],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers started in the directory the cluster was made in; the client is elsewhere now (as on a
    real cluster): a relative input path must reach them absolute, like --out (issue #20)."""
    monkeypatch.chdir(world["root"])
    out = world["root"] / "relative-out"
    clean_corpus(["pages"], out, client=world["client"], partition_bytes=PART_BYTES, page_timeout=TIMEOUT,
                 cleaner=world["cleaner"])
    records = [r for r in iter_records(out) if isinstance(r, dict)]
    assert records and not [r for r in records if r.get("error_type") == "InputError"]
    assert all(Path(r["source"]).is_absolute() for r in records if r.get("source"))


def test_unknown_scheduler_and_missing_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["clean-corpus", str(tmp_path), "--out", str(tmp_path / "o"), "--format", "parquet"]) == 2
    assert "needs pyarrow" in capsys.readouterr().err
    assert main(["clean-corpus", "-", "--out", str(tmp_path / "o")]) == 2


def test_lost_worker_is_recomputed(world: dict[str, Any]) -> None:
    marker: Path = world["marker"]
    marker.unlink()                            # arm: the page FAULT-KILL-WORKER kills its Dask worker once
    out = world["root"] / "out-killed"
    inputs = world["inputs"][1:2]              # the JSON Lines file holds that page
    report = clean_corpus(inputs, out, client=world["client"], partition_bytes=PART_BYTES,
                          page_timeout=TIMEOUT, cleaner=world["cleaner"])
    assert marker.exists(), "the worker was not killed"
    assert not report.lost
    records = [r for r in iter_records(out) if isinstance(r, dict)]
    assert_same(records, single_process(inputs), inputs[0])
    assert not report.lost and any(r.get("url") == "https://corpus.example/kill" and "title" in r for r in records)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
