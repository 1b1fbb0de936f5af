"""A page the learned second opinion types otherwise (html/typemodel.py) gets that type's content profile
(html/profiles.py), read from the same root: a documentation page or a listing keeps its link lists.
The decision itself is stood in for (the own pages here are not ones the shipped model is sure of), so
what is tested is what the pipeline does with it."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed.html import article
from cleanfeed.model import Draft

PAGES = Path(__file__).parent / "data" / "profiles"
# (page, a link title of its second list, its intro's words)
CASES = [("en-guides.html", "Planning a relining weekend", "routine work on an induction furnace"),
         ("zh-guides.html", "周末炉衬更换计划的制定", "中频感应炉的日常维护资料")]


def _extract(page: str, learned: str, monkeypatch: pytest.MonkeyPatch) -> Draft:
    monkeypatch.setattr(article, "learned_type", lambda feats: learned)
    return article.extract_html((PAGES / page).read_text("utf-8"), url="https://help.example.com/furnaces", rule=None)


@pytest.mark.parametrize(("page", "link", "intro"), CASES)
@pytest.mark.parametrize("learned", ["documentation", "listing"])
def test_a_page_learned_to_be_a_list_of_links_keeps_its_links(page: str, link: str, intro: str, learned: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _extract(page, learned, monkeypatch)
    text = "\n".join(draft.paragraphs)
    assert draft.page_type == learned
    assert intro in text and link in text
    assert "Privacy" not in text and "隐私" not in text and "Crucibles" not in text and "坩埚" not in text


@pytest.mark.parametrize(("page", "link", "intro"), CASES)
def test_the_same_page_learned_to_be_an_article_drops_them(page: str, link: str, intro: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _extract(page, "article", monkeypatch)
    text = "\n".join(draft.paragraphs)
    assert draft.page_type == "article"
    assert intro in text and link not in text
