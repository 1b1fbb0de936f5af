"""Score gate for story grouping on a fixed subset of bench/dupes.py's pairs (data nobody here wrote):
the first 40 pages of aeb-en and daniel-zh-dev, each as its HTML page and its text-dump rendering.

Floors sit just under the numbers measured when they were set (precision 0.9968 with 1 false merge,
recall 0.981 over 320 reprint pairs and 292 hard negatives): a change that costs two more merges
either way fails. ~8 s."""
from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest
from scoring import load_module

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "dupes.py"


def bench() -> ModuleType:
    return load_module(BENCH, "bench_dupes")


@pytest.fixture(scope="module")
def scored() -> tuple[float, float, int, int, int]:
    from cleanfeed.store.stories import DEFAULT_THRESHOLD

    b = bench()
    docs = b.load_docs(("aeb-en", "daniel-zh-dev"), 40)
    pos = [(k, b.body(x), b.body(y)) for k, x, y in b.reprint_pairs(docs, random.Random(9)) if x.strip() and y.strip()]
    neg_text, _ = b.negative_pairs(docs)
    neg = [(k, b.body(x), b.body(y)) for k, x, y in neg_text]
    precision, recall, _, false = b.score(pos, neg, DEFAULT_THRESHOLD)
    same_host = sum(n for kind, n in false.items() if kind.startswith("same host"))
    return precision, recall, len(pos), len(neg), same_host


def test_subset_is_the_one_the_floors_were_set_on(scored: tuple[float, float, int, int, int]) -> None:
    assert scored[2] == 320 and scored[3] == 292


def test_merging_precision_and_recall_floors(scored: tuple[float, float, int, int, int]) -> None:
    precision, recall, _, _, same_host = scored
    assert precision >= 0.995, precision
    assert recall >= 0.975, recall
    assert same_host <= 1
