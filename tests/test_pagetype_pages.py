"""Our own non-article pages (tests/data/pagetypes, English and Chinese, one per page type): none says what it
is (no JSON-LD, no `og:type`, no folder word in its address), so only its structure can type it (issue 17).
Pages not typed yet are strict xfails with the reason, so that a change that types them shows up. On main
(`1629cea`) 9 of 10 were typed article; the learned decision did not change that (below)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed import clean

PAGES = Path(__file__).parent / "data" / "pagetypes"
EXPECT: dict[str, dict[str, str]] = json.loads((PAGES / "expect.json").read_text("utf-8"))
# Typed article still: html/typemodel.py's probability of "not an article" stays under its threshold (0.994,
# above every held-out article of the article sets), though its type models pick the right type for all but
# the two shops (`listing`) and the Chinese listing (`service`). The numbers are the shipped model's.
_UNSURE = {"en-documentation.html": 0.63, "en-forum.html": 0.01, "en-product.html": 0.62, "en-service.html": 0.97,
           "zh-documentation.html": 0.75, "zh-forum.html": 0.01, "zh-listing.html": 0.18, "zh-product.html": 0.64,
           "zh-service.html": 0.49}
NOT_YET = {name: f"typed article: not an article at {p:.2f} only" for name, p in _UNSURE.items()}
# en-listing.html is a listing by its grid of result cards (html/listing.py card_page).


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[n]))
                                  if n in NOT_YET else n for n in sorted(EXPECT)])
def test_own_pages_get_their_type(name: str) -> None:
    want = EXPECT[name]
    assert clean((PAGES / name).read_bytes(), url=want["url"]).page_type == want["page_type"]
