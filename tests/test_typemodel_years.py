"""html/typemodel.years_in counts the years of a page's text (runs of exactly four digits opening 19 or 20) without
the look-behind that kept `re` from skipping ahead: it must give the old pattern's count on every text, Unicode
digits (which `\\d` matches) included."""
from __future__ import annotations

import random
import re

import pytest

from cleanfeed.html.typemodel import years_in

_OLD = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@pytest.mark.parametrize("text", [
    "", "2019", "In 1998 and 2021.", "12019 20190 019999 2020-2021", "192019", "20202020",
    "٢2019", "2019٣", "199٩ and ２０２０ and 2020",          # Arabic-Indic and full-width digits are \d
    "Copyright ©2003-2024, 1900s, 2100, 1899",
])
def test_years_are_the_patterns_count(text: str) -> None:
    assert years_in(text) == len(_OLD.findall(text))


def test_years_match_on_random_texts() -> None:
    alphabet = [*"0123456789 -a/", "٢", "９", "²", "①"]
    rng = random.Random(19)
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert years_in(text) == len(_OLD.findall(text)), text
