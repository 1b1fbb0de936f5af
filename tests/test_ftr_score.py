"""Score gate: the pages of the committed extraction subsets (tests/data/extraction) whose site has a rule in the
FiveFilters collection, cleaned with those rules (tests/data/ftr/gate: the collection's files for these hosts,
CC0, never edited), must keep scoring at least what they scored when the floors were pinned, by our own
implementation of the benchmark's metric (helpers.scoring). The rules are the collection's authors', not
tuned here. Full numbers, with the reference tool: `python bench/ftr_collection.py`."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers.data import page_bytes, truth
from helpers.scoring import score

from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.ftrlookup import FtrFolder
from cleanfeed.rules.site import RuleSet

pytestmark = pytest.mark.slow

GATE = Path(__file__).parent / "data" / "ftr" / "gate"
SETS = ("extraction/aeb-en", "extraction/wcxb-dev-en", "extraction/wcxb-dev-other")
# Pinned just under the scores measured when set (18 pages, 17 sites): with the rules F1 0.892, P 0.978,
# R 0.820; the same pages without them F1 0.903, P 0.980, R 0.838 (the two stackexchange forum pages lose
# their answers: that rule keeps the question). With #17's sibling blocks merged (the article's blocks
# beside the rule's body root are collected too): F1 0.891, P 0.968, R 0.826. With #17's second round (a root
# holding a small part of the page's prose widens to the section holding most of it): F1 0.928, P 0.954,
# R 0.904; precision lowered once, as two pages went from a sliver at P 1.00 (R 0.17 / 0.27) to nearly the
# whole article at P 0.81 / 0.74 (R 0.995 / 0.854). Raise them when cleaning improves.
FLOORS = {"f1": 0.925, "precision": 0.950, "recall": 0.900}


def test_pages_cleaned_with_the_collections_rules_stay_above_their_floor() -> None:
    folder = FtrFolder({}, {p.name: p for p in GATE.glob("*.txt") if p.name != "LICENSE.txt"})
    rules = RuleSet((), folder)
    gold, predicted, sites = {}, {}, {}
    for name in SETS:
        for page_id, entry in truth(name).items():
            found = folder.for_host(urlsplit(entry.get("url") or "").hostname or "")
            if found is None or not found[1].body:
                continue
            key = f"{name}/{page_id}"
            gold[key] = entry
            try:
                article = clean_page(Page(body=page_bytes(name, page_id), url=entry["url"]), rules)
                predicted[key], sites[key] = article.text, article.site
            except CleanfeedError:
                predicted[key], sites[key] = "", None
    assert len(gold) == 18 and len(set(sites.values())) == 17          # every page went through its site's rule
    m = score(gold, predicted)
    assert m.f1 >= FLOORS["f1"] and m.precision >= FLOORS["precision"] and m.recall >= FLOORS["recall"], m
