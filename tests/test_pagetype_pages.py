"""Our own non-article pages (tests/data/pagetypes, English and Chinese, one per page type): none says what it
is (no JSON-LD, no `og:type`, no folder word in its address), so only its structure can type it (issue 17).
Pages not typed yet are strict xfails with the reason, so that a change that types them shows up."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed import clean

PAGES = Path(__file__).parent / "data" / "pagetypes"
EXPECT: dict[str, dict[str, str]] = json.loads((PAGES / "expect.json").read_text("utf-8"))
NOT_YET = {name: "typed article: nothing but its structure says what it is" for name in EXPECT
           if name != "en-listing.html"}     # a grid of result cards (html/listing.py card_page)


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[n]))
                                  if n in NOT_YET else n for n in sorted(EXPECT)])
def test_own_pages_get_their_type(name: str) -> None:
    want = EXPECT[name]
    assert clean((PAGES / name).read_bytes(), url=want["url"]).page_type == want["page_type"]
