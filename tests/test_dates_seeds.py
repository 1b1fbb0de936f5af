"""The seed pages get the publication dates of seeds/expected/*.json, with the sidecars' fetch times and
zone and no site rule (the engine's generic knowledge alone)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.timeutil import parse_when, zone

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PAGES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_seed_published(path: Path) -> None:
    with open(f"{path}.meta.json", encoding="utf-8") as fh:
        sidecar = json.load(fh)
    with open(SEEDS / "expected" / f"{path.stem}.json", encoding="utf-8") as fh:
        want = json.load(fh)["published"]
    fetched = parse_when(sidecar["fetched_at"], zone(sidecar["timezone"]))
    article = clean_page(Page(body=path.read_bytes(), fetched_at=fetched, timezone=sidecar["timezone"]))

    assert article.published is not None
    assert article.published.value.date().isoformat() == want["day"]
    assert article.published.value.utcoffset() is not None
    assert str(article.published.value.tzinfo) == "Asia/Shanghai"
    assert ("inferred" in article.published.source) == want["year_inferred"]
    assert article.published.source.split(":")[0] == want["source_kind"]
    if "value" in want:
        assert article.published.value.isoformat() == want["value"]


def test_seed_004_header_beats_dateline() -> None:
    """The `Release Time` header wins; the `November 12, 2020` dateline is listed as the loser."""
    path = SEEDS / "004_bf537ba9d00a0c9d.txt"
    article = clean_page(Page(body=path.read_bytes(), fetched_at=parse_when("2021-01-20", zone("Asia/Shanghai")),
                              timezone="Asia/Shanghai"), explain=True)
    reasons = {c.source.split(":")[0]: c.reason for c in article.date_candidates}
    assert reasons["header"].startswith("won")
    assert reasons["dateline"].startswith("lost")
