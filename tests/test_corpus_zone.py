"""clean-corpus and the store agree on clocks (issue #20): it cleans with the project's site rules and
zone (as `add` does), records the zone in each record, and `reclean` of a shard added with `--keep-raw`
reads the page's clocks the same way (no date moves by 8 hours); a shard without raw pages is skipped by
`reclean` (titles and dates stay)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cleanfeed.cli import main
from cleanfeed.corpus import run as corpus_run
from cleanfeed.corpus.parts import plan
from cleanfeed.corpus.shards import MANIFEST
from cleanfeed.corpus.worker import Job, release_child, run_partition
from cleanfeed.store.db import Store

PAGE = ("Copper market report\n\nRelease Time: 2024-03-05 09:30\n\n"
        "Scrap copper prices rose for the third week as smelters in Ningbo bought more material, traders said on "
        "Monday. Stocks were thin and buyers paid more for clean lots.\n\n"
        "The rise follows a long slide in the second quarter. Analysts expect the buying to continue until new "
        "import quotas are published at the end of the month.\n")


def feed(zone_name: str) -> str:
    return f'title = "Metals"\nself_url = "https://feeds.example.org/"\ntimezone = "{zone_name}"\n'


@pytest.fixture(autouse=True)
def no_child_left() -> Iterator[None]:
    yield
    release_child()


def project(root: Path, zone_name: str) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "metals.toml").write_text(feed(zone_name), encoding="utf-8")
    return root


def shards(tmp: Path, *, zone_name: str | None, keep_raw: bool) -> Path:
    """clean-corpus's worker on one page file (no cluster needed), then the manifest a finished run writes."""
    pages = tmp / "pages"
    pages.mkdir()
    (pages / "report.txt").write_text(PAGE, encoding="utf-8")
    (pages / "report.txt.meta.json").write_text(json.dumps({"url": "https://wire.example/1.html",
                                                            "fetched_at": "2024-03-06T10:00:00+08:00"}))
    out = tmp / "out"
    out.mkdir()
    result = run_partition(plan([str(pages)])[0], Job(out_dir=str(out), timezone=zone_name, keep_raw=keep_raw))
    (out / MANIFEST).write_text(json.dumps({"format": "jsonl", "inputs": [str(pages)], "pages": result.pages,
                                            "failed": 0, "partitions": [{"shard": result.shard, "pages": 1,
                                                                         "failed": 0}]}))
    return out


def stored(root: Path) -> Any:
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
        return store.newest(limit=10)[0].article


def test_the_zone_is_recorded_and_reclean_keeps_the_date(tmp_path: Path) -> None:
    out = shards(tmp_path, zone_name="Asia/Shanghai", keep_raw=True)
    record = json.loads((out / "part-00000.jsonl").read_text().splitlines()[0])
    assert record["timezone"] == "Asia/Shanghai" and record["published"] == "2024-03-05T09:30:00+08:00"
    root = project(tmp_path / "p", "UTC")                   # a project whose own zone differs
    assert main(["--project", str(root), "-q", "add", str(out)]) == 0
    assert main(["--project", str(root), "-q", "reclean"]) == 0
    assert stored(root).published.value.isoformat() == "2024-03-05T09:30:00+08:00"


def test_a_shard_without_raw_pages_is_skipped_by_reclean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = shards(tmp_path, zone_name="Asia/Shanghai", keep_raw=False)
    root = project(tmp_path / "p", "Asia/Shanghai")
    assert main(["--project", str(root), "-q", "add", str(out)]) == 0
    before = stored(root)
    assert main(["--project", str(root), "reclean"]) == 0
    assert "0 pages, 0 changed, 0 failed, 1 feeds written (1 skipped: no raw page stored" in capsys.readouterr().err
    after = stored(root)
    assert (after.title, after.published) == (before.title, before.published) == (
        "Copper market report", before.published) and before.published is not None


@pytest.mark.parametrize("given, want", [(None, "Asia/Shanghai"), ("Europe/Berlin", "Europe/Berlin")])
def test_clean_corpus_in_a_project_uses_its_rules_and_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           given: str | None, want: str) -> None:
    root = project(tmp_path / "p", "Asia/Shanghai")
    (root / "cleaners").mkdir()
    (root / "cleaners" / "wire.toml").write_text('hosts = ["wire.example"]\n', encoding="utf-8")
    seen: dict[str, Any] = {}

    def fake(inputs: list[str], out: Path, **kw: Any) -> Any:
        seen.update(kw)
        return SimpleNamespace(lost=(), pages=1, partitions=1, failed=0, skipped=0, out_dir=out, ok=True)

    monkeypatch.setattr(corpus_run, "clean_corpus", fake)
    args = ["--project", str(root), "-q", "clean-corpus", str(tmp_path), "--out", str(tmp_path / "o")]
    assert main(args + (["--timezone", given] if given else [])) == 0
    assert seen["timezone"] == want and [r.name for r in seen["rules"].sites] == ["wire"]
