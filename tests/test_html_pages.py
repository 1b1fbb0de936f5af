"""Golden tests on saved real pages (tests/pages/<set>/<id>.html.gz, copied from public extraction benchmarks:
each folder's SOURCE.md names the dataset and its licence): the whole Draft is compared with `<id>.golden.json`
(rewrite with `pytest --update-golden`, then review the diff), and hand-checked snippets in `<id>.expect.json`
must (not) be in the text."""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from cleanfeed.html.article import extract_html
from cleanfeed.model import Draft, Page
from cleanfeed.pipeline import page_text

PAGES = sorted(Path(__file__).parent.joinpath("pages").glob("*/*.html.gz"))


def page_id(page: Path) -> str:
    return f"{page.parent.name}/{page.name.removesuffix('.html.gz')}"


def expectations(page: Path) -> dict[str, Any]:
    return json.loads(page.with_name(page.name.replace(".html.gz", ".expect.json")).read_text("utf-8"))


def extract(page: Path) -> Draft:
    text, _ = page_text(Page(body=gzip.decompress(page.read_bytes())))
    return extract_html(text, url=expectations(page).get("url"), rule=None)


def as_golden(d: Draft) -> str:
    out = {
        "title": d.title, "author": d.author, "language": d.language, "url": d.url, "image": d.image,
        "description": d.description, "header_lines": list(d.header_lines), "paragraphs": list(d.paragraphs),
        "html": d.html,
        "removed": [{"rule": r.rule, "text": r.text[:80]} for r in d.removed],
    }
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def squash(text: str) -> str:
    return " ".join(text.split())


def test_there_are_twenty_pages_in_several_languages_and_one_gbk() -> None:
    assert len(PAGES) >= 20
    assert {p.parent.name for p in PAGES} >= {"aeb-en", "wcxb-dev-en", "cwced-zh", "mozilla-multi"}
    assert all((folder / "SOURCE.md").is_file() for folder in {p.parent for p in PAGES})
    gbk = [p for p in PAGES if p.name.endswith("-gbk.html.gz")]
    assert gbk and b"gb2312" in gzip.decompress(gbk[0].read_bytes())[:3000].lower()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_matches_golden(page: Path, update_golden: bool) -> None:
    got = as_golden(extract(page))
    golden = page.with_name(page.name.replace(".html.gz", ".golden.json"))
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_keeps_the_article_and_drops_the_chrome(page: Path) -> None:
    draft = extract(page)
    text = squash("\n".join(draft.paragraphs))
    expect = expectations(page)
    for snippet in expect["contains"]:
        assert squash(snippet) in text
    for snippet in expect["absent"]:
        assert squash(snippet) not in text
    assert draft.title and draft.html and "<script" not in draft.html


def test_gbk_page_decodes_without_mojibake() -> None:
    page = next(p for p in PAGES if p.name.endswith("-gbk.html.gz"))
    draft = extract(page)
    body = "".join(draft.paragraphs)
    assert "\ufffd" not in body and "锟斤拷" not in body
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in body) > 0.5 * len(body.replace(" ", ""))
