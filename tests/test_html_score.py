"""Score gate: the first page ids of the extraction sets in tests/data/extraction (30 of aeb-en and cwced-zh, the
50 of wcxb-dev-en, the 36 of wcxb-dev-other, six of each page type, and the 20 of mozilla-multi; see each
SOURCE.md) must keep scoring at least what they scored when the floors were pinned (just under it), by our
implementation of the benchmark's metric (helpers.scoring). Full numbers: `python bench/extraction.py`."""
from __future__ import annotations

import pytest
from helpers.data import page_bytes, truth
from helpers.scoring import score

from cleanfeed.errors import CleanfeedError
from cleanfeed.html.article import extract_html
from cleanfeed.model import Page
from cleanfeed.pipeline import page_text

pytestmark = pytest.mark.slow

# (set, pages, tokenizer, F1 / precision / recall floors), pinned just under the scores measured when they
# were set (issue 17, second round): aeb-en 0.978 / 0.966 / 0.991, cwced-zh 0.963 / 0.940 / 0.986,
# wcxb-dev-en 0.957 / 0.940 / 0.974, wcxb-dev-other 0.690 / 0.708 / 0.672, mozilla-multi 0.929 / 0.939 /
# 0.918. Raise them when the extractor improves; never lower them to let a change in. (Once lowered, for
# precision only, by 0.006: the page-of-sections root took three pages of these subsets from a sliver at
# precision 1.00 to the whole text at 0.78-0.81, recall 0.17-0.27 → 0.85-1.00; F1 and recall floors rose.)
# Issue 17, page types (i17f): wcxb-dev-other 0.6922 / 0.6839 / 0.7008. Its precision floor was lowered a
# second time, by 0.024, for one page: a shop's collection (0635) went from a sliver of its intro at
# precision 1.00 (recall 0.17) to its product grid (0.14 / 0.24; the reference lists the same products in
# another order and wording). On the whole set, held-out, precision rose by 0.004 and recall by 0.016.
# wcxb-dev-en raised to just under 0.9603 / 0.9452 / 0.9758, what its subset scored after issue 17's rounds 5-6.
# cwced-zh raised to just under 0.9710 / 0.9572 / 0.9851 after issue 17's second Chinese round (a legal notice
# under its heading, ad markup in an iframe, a table of headline links).
# aeb-en raised to just under 0.9799 / 0.9689 / 0.9910 and wcxb-dev-en to just under 0.9612 / 0.9470 / 0.9758
# after the author's bio at the story's end went (html/authorbio.py; 0.9782 / 0.9657 and 0.9603 / 0.9452 before).
# mozilla-multi raised to just under 0.9551 / 0.9486 / 0.9618 (was 0.9286 / 0.9393 / 0.9182) when a list item's
# text stopped counting twice in the root's score (html/score.py: a list of posts had taken one page's root).
# wcxb-dev-other raised to just under 0.6973 / 0.6833 / 0.7120 (i17ba: a block's prose counts the words of its
# phrasing children, and generated class suffixes name nothing; 0.6964 / 0.6831 / 0.7103 on its base fe35bf5).
FLOORS = [("aeb-en", 30, "word", 0.979, 0.968, 0.990), ("cwced-zh", 30, "cjk", 0.970, 0.956, 0.984),
          ("wcxb-dev-en", 50, "word", 0.960, 0.946, 0.975), ("wcxb-dev-other", 36, "word", 0.697, 0.683, 0.711),
          ("mozilla-multi", 20, "word", 0.954, 0.947, 0.960)]


def predict(name: str, ids: list[str], truth: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out = {}
    for page_id in ids:
        data = page_bytes(f"extraction/{name}", page_id)
        try:
            text, _ = page_text(Page(body=data))
            draft = extract_html(text, url=truth[page_id].get("url"), rule=None)
            out[page_id] = {"articleBody": "\n\n".join(draft.paragraphs)}
        except CleanfeedError:
            out[page_id] = {"articleBody": ""}
    return out


@pytest.mark.parametrize(("name", "pages", "tokenizer", "f1", "precision", "recall"), FLOORS,
                         ids=[f[0] for f in FLOORS])
def test_extraction_scores_stay_above_their_floor(name: str, pages: int, tokenizer: str, f1: float,
                                                  precision: float, recall: float) -> None:
    gold = truth(f"extraction/{name}")
    ids = sorted(gold)[:pages]
    subset = {k: gold[k] for k in ids}
    m = score(subset, predict(name, ids, subset), tokenizer=tokenizer)
    assert m.f1 >= f1 and m.precision >= precision and m.recall >= recall, m
