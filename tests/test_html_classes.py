"""One hand-written page per class of extraction error (tests/pages/classes/, see its SOURCE.md): the
article text must hold every `contains` snippet and none of the `absent` ones, and the page must get its
`page_type`. A page whose expectation carries `xfail` documents a known limit (strict: it must fail).
The pages are written from the structure of each error, so a rule that names one site's
class or one page's sentence cannot pass them by accident."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanfeed import clean

PAGES = sorted(Path(__file__).parent.joinpath("pages", "classes").glob("*.html"))


def expect(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".expect.json").read_text("utf-8"))
    return data


def test_every_error_class_of_issue_17_has_a_page() -> None:
    assert {p.stem for p in PAGES} >= {"sibling-blocks", "lead-box", "promo-class", "spec-table", "list-of-figures",
                                       "related-poll-subscribe", "listing", "forum-thread"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_article_of_a_hand_written_page(page: Path, request: pytest.FixtureRequest) -> None:
    want = expect(page)
    if "xfail" in want:                    # a known limit, written down: strict, so a fix is noticed
        request.node.add_marker(pytest.mark.xfail(reason=want["xfail"], strict=True))
    article = clean(page.read_bytes())
    text = " ".join(article.text.split())
    missing = [s for s in want["contains"] if s not in text]
    kept = [s for s in want["absent"] if s in text]
    assert not missing and not kept, f"missing {missing}, kept {kept}:\n{article.text}"
    assert article.page_type == want.get("page_type", "article")


FIGURE_PAGES = [p for p in PAGES if "html_contains" in expect(p) or "html_absent" in expect(p)]


@pytest.mark.parametrize("page", FIGURE_PAGES, ids=lambda p: p.stem)
def test_the_figures_of_a_hand_written_page(page: Path, request: pytest.FixtureRequest) -> None:
    """Captions are not article text (the gold of most sets leaves them out) but the body HTML keeps the
    figure's caption and drops the photo credit printed inside it (`html_contains`, `html_absent`)."""
    want = expect(page)
    if "xfail_html" in want:
        request.node.add_marker(pytest.mark.xfail(reason=want["xfail_html"], strict=True))
    body = " ".join(clean(page.read_bytes()).html.split())
    missing = [s for s in want.get("html_contains", []) if s not in body]
    kept = [s for s in want.get("html_absent", []) if s in body]
    assert not missing and not kept, f"missing {missing}, kept {kept}:\n{body}"
