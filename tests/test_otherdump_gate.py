"""Score gate: whole-page text dumps of pages that are not articles (tests/data/text/wcxb-dev-other-text: the
36 pages of tests/data/extraction/wcxb-dev-other, 6 of each type, rendered as dumps; see its SOURCE.md) must keep
scoring at least what they scored when the floors were pinned (just under it), by our implementation of the
benchmark's metric, and stay above keeping every line. Full numbers per type and fold: `python bench/otherdumps.py`."""
from __future__ import annotations

import pytest
from helpers.data import page_bytes, truth
from helpers.scoring import score

from cleanfeed.text.clean import clean_text

pytestmark = pytest.mark.slow

SET = "text/wcxb-dev-other-text"
# Pinned just under the scores measured when they were set (issue 17, non-article dumps): F1 0.566, precision
# 0.647, recall 0.504; before the page type for dumps 0.527 / 0.692 / 0.425 (the article run alone: a precise
# sliver); keeping every line 0.542. Raise them when the cleaner improves; never lower them to let a change in.
# Re-pinned by i17z-otherdumps (the dump model's tree puts more dumps in doubt, which keep their content lines):
# F1 0.566 -> 0.602 and recall 0.504 -> 0.580, precision 0.647 -> 0.627 (more of each page kept, as content
# does); F1 and recall raised, the precision floor lowered with them: the lead's call when merging.
F1, PRECISION, RECALL = 0.600, 0.624, 0.577
MIN_TYPED = 5       # pages of the 36 typed something other than `article` (5 when pinned; 0 before)


def cleaned() -> dict[str, tuple[str, str]]:
    out = {}
    for page_id in sorted(truth(SET)):
        draft = clean_text(page_bytes(SET, page_id).decode("utf-8"))
        out[page_id] = ("\n".join(draft.paragraphs), draft.page_type)
    return out


def test_non_article_dumps_score_above_their_floor_and_above_keeping_every_line() -> None:
    gold = truth(SET)
    got = cleaned()
    m = score(gold, {k: {"articleBody": body} for k, (body, _) in got.items()}, tokenizer="cjk")
    everything = score(gold, {k: {"articleBody": page_bytes(SET, k).decode("utf-8")} for k in gold}, tokenizer="cjk")
    assert m.f1 >= F1 and m.precision >= PRECISION and m.recall >= RECALL, m
    assert m.f1 > everything.f1, (m, everything)
    assert sum(kind != "article" for _, kind in got.values()) >= MIN_TYPED
