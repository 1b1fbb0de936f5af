"""Every one of our own date cases (tests/data/dates, README.md there) as its own test: the publication day
must match, and for HTML pages the update day too where the truth has one. The cases were written to show what
the dates engine misses, so the ones failing when this file was written are marked xfail (not strict) by id
below: a fix shows up as XPASS, and then its id comes off the list. The score gate on the same cases is in
tests/test_dates_score.py."""
from __future__ import annotations

from typing import Any

import pytest
from helpers.datecases import HTML_CASES, html_case_days, html_cases, text_case_days, text_cases

# Text snippets whose publication day is wrong today (26 of 76 when the cases came, 7 after issue 19, none
# after its third round).
XFAIL_TEXT: set[str] = set()
# HTML pages whose publication day is wrong today (6 of 26 when the cases came, 4 after issue 19, none after its
# third round), and whose update day is (3 of the 11 with one, then 2, then 1).
XFAIL_HTML_PUBLISHED: set[str] = set()
XFAIL_HTML_UPDATED = {"zh_hant_pub_with_update_paren.html"}

TEXT = text_cases()
HTML = html_cases()


def cases(items: list[tuple[str, Any]], xfail: set[str]) -> list[Any]:
    return [pytest.param(item, id=key, marks=[pytest.mark.xfail(strict=False, reason="a known miss")]
                         if key in xfail else []) for key, item in items]


def test_the_case_files_agree_and_the_xfail_lists_name_real_cases() -> None:
    pages = {p.name for p in HTML_CASES.glob("*.html")}
    assert pages == set(HTML) and all(case["meta"] for case in HTML.values())
    ids = {c["id"] for c in TEXT}
    assert len(ids) == len(TEXT) == 76
    assert not XFAIL_TEXT - ids, XFAIL_TEXT - ids
    assert not XFAIL_HTML_PUBLISHED - pages, XFAIL_HTML_PUBLISHED - pages
    assert not XFAIL_HTML_UPDATED - {n for n, c in HTML.items() if c["updated"]}


@pytest.mark.parametrize("case", cases([(c["id"], c) for c in TEXT], XFAIL_TEXT))
def test_text_case_publication_day(case: dict[str, Any]) -> None:
    assert text_case_days(case).published == case["expected"], case["note"]


@pytest.mark.parametrize("name", cases([(n, n) for n in HTML], XFAIL_HTML_PUBLISHED))
def test_html_case_publication_day(name: str) -> None:
    case = HTML[name]
    assert html_case_days(name, case["meta"]).published == case["published"], case["note"]


@pytest.mark.parametrize("name", cases([(n, n) for n, c in HTML.items() if c["updated"]], XFAIL_HTML_UPDATED))
def test_html_case_update_day(name: str) -> None:
    case = HTML[name]
    got = html_case_days(name, case["meta"])
    if not got.has_updated:
        pytest.skip("the Article has no `updated` field")
    assert got.updated == case["updated"], case["note"]
