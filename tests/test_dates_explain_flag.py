"""`explain` (clean, clean_page, find_dates, `cleanfeed clean --explain`): the dates considered are listed only
when asked, and asking changes nothing else: the same published and updated dates, sources and article."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from cleanfeed import clean
from cleanfeed.cli import main
from cleanfeed.dates.engine import find_dates
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import read_page_file
from cleanfeed.model import Article, DateContext, Draft
from cleanfeed.pipeline import clean_page

TESTS = Path(__file__).parent
# Our own date cases (every round's HTML pages and text dumps), the golden extraction pages and the text pages:
# pages chosen for their dates, with their sidecars (fetched_at, zone).
PAGES = sorted([*TESTS.glob("data/dates/**/*.html"), *TESTS.glob("data/dates/**/*.txt"),
                *TESTS.glob("pages/**/*.html"), *TESTS.glob("pages/**/*.html.gz"), *TESTS.glob("textpages/*.txt")])

PAGE = """<html><head><title>Zinc output rises</title>
<meta property="article:published_time" content="2021-03-09T08:00:00+01:00"></head>
<body><article><h1>Zinc output rises</h1><p>Posted on March 9, 2021 | Updated March 12, 2021</p>
<p>BERLIN, March 8, 2021 - The smelter said output rose by a tenth in February, the most since the line
was rebuilt, and that it expects the same in March.</p></article></body></html>"""


def _both(path: Path) -> tuple[Article, Article] | None:
    try:
        lean = clean_page(read_page_file(path))
    except CleanfeedError:
        return None
    return lean, clean_page(read_page_file(path), explain=True)


def test_the_committed_pages_are_there() -> None:
    assert len(PAGES) > 250


def test_explain_changes_no_date_on_any_committed_page() -> None:
    dated = 0
    for path in PAGES:
        pair = _both(path)
        if pair is None:
            continue
        lean, explained = pair
        assert (lean.published, lean.updated) == (explained.published, explained.updated), path
        assert lean == explained, path                     # date_candidates is left out of Article's equality
        assert lean.date_candidates == (), path
        dated += explained.published is not None
    assert dated > 200


def test_explain_lists_what_the_winners_beat() -> None:
    lean = clean(PAGE, fetched_at="2021-03-15")
    explained = clean(PAGE, fetched_at="2021-03-15", explain=True)
    assert lean.date_candidates == () and lean.to_dict(explain=True)["date_candidates"] == []
    assert explained.published == lean.published and explained.updated == lean.updated
    reasons = [c.reason for c in explained.date_candidates]
    assert sum(r.startswith("won") for r in reasons) == 2 and any(r.startswith("lost") for r in reasons)
    assert "March 8, 2021" in " ".join(c.text for c in explained.date_candidates)     # the dateline that lost


def test_find_dates_lists_candidates_only_when_asked() -> None:
    doc = lxml.html.document_fromstring(PAGE)
    draft = Draft(title=None, paragraphs=("BERLIN, March 8, 2021 - The smelter said output rose.",), doc=doc)
    ctx = DateContext(datetime(2021, 3, 15, tzinfo=UTC), UTC, "en")
    lean, explained = find_dates(draft, ctx), find_dates(draft, ctx, explain=True)
    assert lean.candidates == () and len(explained.candidates) >= 2
    assert any(c.reason.startswith("lost") for c in explained.candidates)
    assert (lean.published, lean.updated) == (explained.published, explained.updated)


def test_cli_explain_lists_candidates_and_plain_clean_does_not(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    args = ["--project", str(tmp_path), "clean", str(page), "--fetched-at", "2021-03-15"]
    assert main([*args, "--explain"]) == 0
    explained = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    plain = json.loads(capsys.readouterr().out)
    assert len(explained["date_candidates"]) >= 3 and "date_candidates" not in plain
    assert {k: v for k, v in explained.items() if k not in ("removed", "date_candidates")} == plain
