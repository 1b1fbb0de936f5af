"""Golden files: the full `cleanfeed clean --explain` JSON of every plain-text page (the seeds with the
repo's cleaners/, tests/textpages/ with the generic rules alone). Regenerate with `pytest --update-golden`
and review the diff — never edit a golden file by hand to make this pass."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed.inputs.files import read_page_file
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "textpages" / "golden"
CASES = [("seeds", p) for p in sorted((ROOT / "seeds").glob("*.txt"))] + \
        [("pages", p) for p in sorted((Path(__file__).parent / "textpages").glob("*.txt"))]


def explain_json(page: Path, rules: RuleSet) -> str:
    """What `cleanfeed clean --explain` prints for the page, pretty-printed so a diff reads well."""
    article = clean_page(read_page_file(page), rules, explain=True)
    return json.dumps(article.to_dict(explain=True), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("kind,page", CASES, ids=lambda v: v if isinstance(v, str) else v.stem)
def test_page_matches_golden(kind: str, page: Path, update_golden: bool) -> None:
    rules = load_rules(ROOT / "cleaners") if kind == "seeds" else RuleSet()
    got = explain_json(page, rules)
    golden = GOLDEN / kind / f"{page.stem}.json"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.relative_to(ROOT)}: run pytest --update-golden"
    assert got == golden.read_text(encoding="utf-8"), \
        f"{page.name} differs from {golden.relative_to(ROOT)}; if the change is intended, run " \
        "pytest --update-golden and review the diff"


def test_every_golden_file_has_its_page() -> None:
    """A renamed or deleted page must not leave a stale golden file behind."""
    names = {(kind, page.stem) for kind, page in CASES}
    stale = [p for p in GOLDEN.glob("*/*.json") if (p.parent.name, p.stem) not in names]
    assert stale == []
