"""Pages as real site software prints them (tests/pages/software, see its SOURCE.md): shops, forums,
documentation, a section front, a service page, and a review post that must stay an article; and one page per
class of non-article page (tests/pages/nonarticle: a price table, a directory, a category archive, an index of
links, a product with a spec table, a Q&A thread, a help-centre article). Each page's type, headline and text
are three tests, so that what does not work yet is a strict xfail of its own."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanfeed import clean
from cleanfeed.model import Article

PAGES = sorted(page for folder in ("software", "nonarticle")
               for page in Path(__file__).parent.joinpath("pages", folder).glob("*.html"))


def expect(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".expect.json").read_text("utf-8"))
    return data


def cleaned(page: Path) -> Article:
    return clean(page.read_bytes(), url=expect(page)["url"])


def _known_limit(request: pytest.FixtureRequest, page: Path, key: str) -> None:
    if reason := expect(page).get(key):
        request.node.add_marker(pytest.mark.xfail(reason=reason, strict=True))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_page_type(page: Path, request: pytest.FixtureRequest) -> None:
    _known_limit(request, page, "xfail_type")
    assert cleaned(page).page_type == expect(page)["page_type"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_headline(page: Path, request: pytest.FixtureRequest) -> None:
    _known_limit(request, page, "xfail_title")
    assert cleaned(page).title == expect(page)["title"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_text(page: Path, request: pytest.FixtureRequest) -> None:
    _known_limit(request, page, "xfail")
    text = " ".join(cleaned(page).text.split())
    want = expect(page)
    missing = [s for s in want["contains"] if s not in text]
    kept = [s for s in want["absent"] if s in text]
    assert not missing and not kept, f"missing {missing}, kept {kept}"
