"""Each seed page gives exactly seeds/expected/<seed>.json — with the repo's cleaners/ and with none,
because the generic rules must carry the seeds on their own (site rules only refine)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanfeed.inputs.files import read_page_file
from cleanfeed.model import Article
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = sorted((ROOT / "seeds" / "expected").glob("*.json"))


def ws(text: str) -> str:
    """Whitespace-normalised: the seeds hold non-breaking and ideographic spaces."""
    return " ".join(text.split())


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(params=["repo-cleaners", "no-cleaners"])
def rules(request: pytest.FixtureRequest, tmp_path: Path) -> RuleSet:
    if request.param == "repo-cleaners":
        return load_rules(ROOT / "cleaners")
    empty = tmp_path / "cleaners"
    empty.mkdir()
    loaded = load_rules(empty)
    assert loaded.sites == ()
    return loaded


def clean_seed(exp: dict[str, Any], rules: RuleSet) -> Article:
    return clean_page(read_page_file(ROOT / "seeds" / exp["source_file"]), rules)


def test_every_seed_has_an_expected_file() -> None:
    pages = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert pages and pages == sorted(expected(p)["source_file"] for p in EXPECTED)


@pytest.mark.parametrize("exp_path", EXPECTED, ids=lambda p: p.stem)
def test_seed_title_and_body(exp_path: Path, rules: RuleSet) -> None:
    exp = expected(exp_path)
    article = clean_seed(exp, rules)
    assert ws(article.title) == ws(exp["title"])
    assert [ws(p) for p in article.paragraphs] == [ws(p) for p in exp["body_paragraphs"]]
    assert article.language == exp["language"]


@pytest.mark.parametrize("exp_path", EXPECTED, ids=lambda p: p.stem)
def test_seed_has_no_boilerplate_left(exp_path: Path, rules: RuleSet) -> None:
    exp = expected(exp_path)
    article = clean_seed(exp, rules)
    body_lines = {ws(line) for line in article.text.splitlines()}
    text = ws(article.text)
    for line in map(ws, exp["boilerplate_lines"]):
        assert line not in body_lines
        if len(line) >= 6:                      # "-" and such also occur inside real sentences
            assert line not in text


@pytest.mark.parametrize("exp_path", EXPECTED, ids=lambda p: p.stem)
def test_seed_published_day_when_found(exp_path: Path, rules: RuleSet) -> None:
    """The dates issue owns the strict date test; here a date, once found, must be the right day."""
    exp = expected(exp_path)
    article = clean_seed(exp, rules)
    if article.published is None:
        return
    assert article.published.value.date().isoformat() == exp["published"]["day"]
    assert article.published.value.utcoffset() is not None
