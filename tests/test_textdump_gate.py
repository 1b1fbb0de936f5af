"""Score gate: whole-page text dumps (tests/data/text, first 40 page ids of each set; see each SOURCE.md) must
keep scoring at least what they scored when the floors were pinned (just under it), by our implementation of
the benchmark's metric (helpers.scoring, CJK tokens). Full numbers and time per page: `python bench/textdumps.py`."""
from __future__ import annotations

import pytest
from helpers.data import dump_bodies, truth
from helpers.scoring import score

pytestmark = pytest.mark.slow

PAGES = 40
# (set, F1 / precision / recall floors), pinned just under the scores measured when they were set:
# aeb-en-text 0.946 / 0.937 / 0.956 (flattened tables and item lists join the article: two pages went from a
# sliver to the whole table, so precision fell from 0.942 while recall rose from 0.930), cwced-zh-text 0.932 /
# 0.942 / 0.923 (issue 17, text dumps; before it 0.922 / 0.918 / 0.925 and 0.926 / 0.944 / 0.909). Raise them
# when the cleaner improves; never lower them to let a change in. Raised after issue 17's dump-headline round
# (a byline row under a standfirst starts the body under it): aeb-en-text 0.951 / 0.947 / 0.956, cwced-zh-text
# 0.933 / 0.943 / 0.923. Raised after issue 17's second Chinese round (a legal notice, ranking items, tag-only
# lines): cwced-zh-text 0.9389 / 0.9551 / 0.9232. Raised after issue 17's third Chinese round (documents of short
# lines: an agenda under its headline, a flattened table down to the footer; text/dumpdoc.py): cwced-zh-text
# 0.9572 / 0.9551 / 0.9593. Raised after i17ca (a headline's copy inside the run, captions ending in their
# credit, a thread's index, the author's box): aeb-en-text 0.9512 / 0.9467 / 0.9557 -> 0.9559 / 0.9562 / 0.9557,
# cwced-zh-text 0.9576 / 0.9550 / 0.9602 -> 0.9694 / 0.9788 / 0.9602 (recalls unchanged: their floors stay).
# Raised after i17cl (a hard-wrapped paragraph read whole for the story's first paragraph, with i17ck's whole
# wrapped paragraphs at the run's edges): aeb-en-text 0.9559 / 0.9562 / 0.9557 -> 0.9592 / 0.9576 / 0.9609.
FLOORS = [("aeb-en-text", 0.959, 0.957, 0.960), ("cwced-zh-text", 0.969, 0.978, 0.958)]


@pytest.mark.parametrize(("name", "f1", "precision", "recall"), FLOORS, ids=[f[0] for f in FLOORS])
def test_text_dump_scores_stay_above_their_floor(name: str, f1: float, precision: float, recall: float) -> None:
    gold = truth(f"text/{name}")
    ids = sorted(gold)[:PAGES]
    m = score({k: gold[k] for k in ids}, dump_bodies(f"text/{name}", ids), tokenizer="cjk")
    assert m.f1 >= f1 and m.precision >= precision and m.recall >= recall, m
