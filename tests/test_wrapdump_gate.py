"""Score gate: text dumps saved by real text-mode browsers (lynx and w3m, hard-wrapped at 80 columns, with
lynx's link references), committed under tests/data/text/*-lynx and *-w3m (20 pages each; see each SOURCE.md),
must keep scoring at least what they scored when the floors were pinned (just under it), by our implementation
of the benchmark's metric (helpers.scoring, CJK tokens). Full numbers: `python bench/renderdumps.py --renderers
lynx w3m` (English sets per fold, `--sets cwced-zh daniel-zh-dev` for the Chinese ones)."""
from __future__ import annotations

import pytest
from helpers.data import dump_bodies, truth
from helpers.scoring import score

pytestmark = pytest.mark.slow

# (set, F1 floor), pinned just under the scores measured when text/unwrap.py joined the wrapped lines again
# (0.9193, 0.9169, 0.9077, 0.8515; before it, on 1629cea: 0.8004, 0.8901, 0.8715, 0.8323). cwced-zh is the
# Chinese set held out while the unwrapping was developed (on daniel-zh-dev, which is GPL and not committed).
# Raised when textdump.toml's image-name / doubled-line rules came (i17bn: 0.9212 -> 0.9248, 0.9172 -> 0.9186,
# 0.9162 -> 0.9169; cwced-zh-w3m 0.9105 =). cwced-zh-w3m's floor, left at 0.847 since 0.8515, raised to just under
# its score (0.9107 at 2c06a72).
FLOORS = [("wcxb-dev-en-lynx", 0.924), ("wcxb-dev-en-w3m", 0.918), ("cwced-zh-lynx", 0.916), ("cwced-zh-w3m", 0.910)]


def measure(name: str) -> float:
    gold = truth(f"text/{name}")
    return score(gold, dump_bodies(f"text/{name}", sorted(gold)), tokenizer="cjk").f1


@pytest.mark.parametrize(("name", "f1"), FLOORS, ids=[f[0] for f in FLOORS])
def test_browser_dump_scores_stay_above_their_floor(name: str, f1: float) -> None:
    assert measure(name) >= f1
