"""Score gate: day-level accuracy of the dates engine, pinned just under the counts measured when the floors were
set (a floor is a number of right answers). A drop below a floor is a regression to explain, not a number to
lower; raise a floor when the engine improves.

Sets (tests/data, each folder's SOURCE.md says where it comes from):
  cwced-zh       the 56 pages with a reviewed day; the engine reads the uncleaned page alone (no URL, body or
                 fetch time). 55/56 when set.
  wcxb-dev-en    the 40 dated pages of our 50-page subset (held out in the first round of issue 19, a dev set in
                 the second, developed on site-disjoint folds; its truth is often the page's latest date, so the
                 bar is what we score, not a target). 31/40, also after the second round.
  own text       our 76 snippets (tests/data/dates), cleaned with their fetch day: 50/76 when set, 69/76 after
                 issue 19 (held out: never looked at while the engine changed).
  more text      the 40 snippets written for issue 19 (text_cases_more.jsonl): 24/40 when written, 35/40 after
                 (dev half 19/20, held-out half 16/20).
  own HTML       our 26 pages with fetch time and zone, no URL: publication day 20/26, update day 8/11 when set;
                 22/26 and 9/11 after issue 19.
Our own cases were written to show what the engine misses; tests/test_dates_own_cases.py lists them one by one.
"""
from __future__ import annotations

import gzip
import json

import pytest
from helpers.data import DATA
from helpers.datecases import day, html_case_days, html_cases, more_text_cases, text_case_days, text_cases

from cleanfeed.dates.engine import find_dates
from cleanfeed.html.parse import parse_html
from cleanfeed.inputs.decode import decode
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC

pytestmark = pytest.mark.slow


def html_right(name: str, ids: list[str]) -> int:
    """Pages whose day comes out right, the engine reading the uncleaned page alone (no URL, no body,
    no fetch time: what any page offers before extraction)."""
    folder = DATA / "extraction" / name
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    right = 0
    for key in ids:
        doc = parse_html(decode(gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())).text)
        language = (doc.get("lang") or "en").replace("_", "-").lower()
        found = find_dates(Draft(title=None, paragraphs=(), doc=doc), DateContext(None, UTC, language)).published
        right += day(found) == truth[key]["date"][:10]
    return right


def dated(name: str) -> list[str]:
    truth = json.loads((DATA / "extraction" / name / "ground-truth.json").read_text("utf-8"))
    return sorted(k for k, v in truth.items() if len(v.get("date") or "") >= 10)


def test_cwced_zh_dated_pages() -> None:
    ids = dated("cwced-zh")
    assert len(ids) == 56
    assert html_right("cwced-zh", ids) >= 54           # 55 when set


def test_wcxb_dev_en_held_out() -> None:
    ids = dated("wcxb-dev-en")
    assert len(ids) == 40
    assert html_right("wcxb-dev-en", ids) >= 30        # 31 when set


def test_own_text_cases() -> None:
    cases = text_cases()
    assert len(cases) == 76
    right = sum(text_case_days(case).published == case["expected"] for case in cases)
    assert right >= 67                                  # 69 after issue 19 (50 when set)


def test_more_text_cases() -> None:
    cases = more_text_cases()
    assert len(cases) == 40
    right = {split: sum(text_case_days(c).published == c["expected"] for c in cases if c["split"] == split)
             for split in ("dev", "held-out")}
    assert right["dev"] >= 18 and right["held-out"] >= 15      # 19 and 16 when set


def test_own_html_cases() -> None:
    cases = html_cases()
    assert len(cases) == 26
    got = {name: html_case_days(name, case["meta"]) for name, case in cases.items()}
    published = sum(got[name].published == case["published"] for name, case in cases.items())
    updated = sum(got[name].updated == case["updated"] for name, case in cases.items() if case["updated"])
    assert published >= 21                              # 22 of 26 after issue 19 (20 when set)
    assert updated >= 8                                 # 9 of 11 after issue 19 (8 when set)
