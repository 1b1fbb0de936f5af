"""Hand-written plain-text pages in the styles of the sites our users read (tests/textpages/): each comes out
with its expected title, author, language and body, and was cleaned by exactly the expected rules.

Every generic rule is exercised by pages from at least two different sites, so no rule is tuned to one page.
"""
from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from helpers import tradepages

from cleanfeed.inputs.files import read_page_file
from cleanfeed.model import Article, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet

HERE = Path(__file__).parent / "textpages"
PAGES = sorted(HERE.glob("*.txt"))
# Rules the cleaner applies by structure rather than by a phrase in boilerplate.toml.
STRUCTURAL = ("header", "breadcrumb", "duplicate-title", "separator", "teaser-list", "above-title", "footer")
# Where the whole-page dump finder (cleanfeed/text/dump.py) put a line: outside the article's region.
DUMP_REGION = ("dump-above-article", "dump-below-article", "dump-between-title-and-body", "dump-menu",
               "dump-inline-box", "dump-page-title", "dump-outside-content", "dump-date-near", "dump-date-after")


def ws(text: str) -> str:
    return " ".join(text.split())


def expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))
    return data


@cache
def cleaned(page: Path) -> Article:
    """The page cleaned with the generic rules alone (no cleaners/): these sites have no site rule."""
    return clean_page(read_page_file(page), RuleSet())


def test_there_are_enough_pages() -> None:
    assert len(PAGES) >= 12
    assert len({expected(p)["site"] for p in PAGES}) >= 12


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_is_cleaned_as_expected(page: Path) -> None:
    want = expected(page)
    got = cleaned(page)
    assert ws(got.title) == ws(want["title"])
    assert [ws(p) for p in got.paragraphs] == [ws(p) for p in want["body_paragraphs"]]
    assert got.author == want["author"]
    assert got.language == want["language"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_type(page: Path) -> None:
    """A dump of a shop, a thread, a manual or a teaser list is typed so from its own lines (no feed gets it);
    every other page here is an article."""
    assert cleaned(page).page_type == expected(page).get("page_type", "article")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_removed_by_expected_rules(page: Path) -> None:
    assert sorted({r.rule for r in cleaned(page).removed}) == sorted(expected(page)["removed_rules"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_line_is_kept_or_explained(page: Path) -> None:
    """Nothing silently vanishes: each input line is the title, a body paragraph, or a removed block."""
    article = cleaned(page)
    accounted = {ws(article.title)} | {ws(p) for p in article.paragraphs} | {ws(r.text) for r in article.removed}
    lines = {ws(line) for line in page.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert lines - accounted == set()


def generic_rule_names() -> set[str]:
    raw = tomllib.loads(resources.files("cleanfeed").joinpath("data/boilerplate.toml").read_text("utf-8"))
    return {entry["rule"] for table in ("section", "line") for entry in raw[table]}


def test_every_generic_rule_is_exercised_by_two_sites() -> None:
    """Here and on our trade-news pages (tests/tradepages, one site each), which exercise the rule classes
    added for them (notices, press-release tails, tickers, attachments)."""
    sites: dict[str, set[str]] = {}
    for page in PAGES:
        for rule in expected(page)["removed_rules"]:
            sites.setdefault(rule, set()).add(expected(page)["site"])
    for rule, stems in tradepages.fired().items():
        sites.setdefault(rule, set()).update(f"tradepages/{stem}" for stem in stems)
    thin = {rule: sorted(sites.get(rule, ())) for rule in generic_rule_names() | set(STRUCTURAL)
            if len(sites.get(rule, ())) < 2}
    assert thin == {}, f"rules exercised by fewer than two sites: {thin}"


def test_expected_rules_are_real_rule_names() -> None:
    """A typo in an expected file must not count as coverage."""
    dump_only = tomllib.loads(resources.files("cleanfeed").joinpath("data/textdump.toml").read_text("utf-8"))
    known = generic_rule_names() | set(STRUCTURAL) | set(DUMP_REGION) | {"above-body", "duplicate-line"} \
        | {entry["rule"] for entry in dump_only["line"]}     # a non-article dump names them (text/dumptype.py)
    used = {rule for page in PAGES for rule in expected(page)["removed_rules"]}
    assert used <= known


@pytest.mark.parametrize("line", [
    "Related research shows that collection rates respond to price with a lag of about two quarters.",
    "Subscribers to the exchange's new scrap data service rose to 1,200 in February, the LME said.",
    "Copyright disputes over the survey's methodology were settled last year.",
    "主办单位表示，论坛期间还将举办再生金属产业展览。",
    "- No. 1 copper: collection up 8%",
    "Analyst views",
    "Copper | 8,470 | +0.4%",
    "More than 200 companies attended the forum.",
    "Sharecroppers and smallholders sold scrap to the cooperative.",
])
def test_content_starting_with_a_trigger_word_is_kept(line: str) -> None:
    """A rule's trigger word at the start of real content never removes it (generic rules alone)."""
    text = ("A headline for the test page\n\n"
            "The first paragraph of the article says enough words to read as prose for the cleaner here.\n\n"
            f"{line}\n\n"
            "The closing paragraph also has enough words in it to be read as an article paragraph.\n")
    article = clean_page(Page(body=text), RuleSet())
    assert ws(line) in [ws(p) for p in article.paragraphs]


def test_traditional_labels_fold_onto_simplified_rules() -> None:
    from cleanfeed.text.clean import clean_text
    text = ("首頁 > 新聞\n國內業者積極投入再生鋁料應用\n來源：經濟日報\n"
            "隨著國際品牌客戶對產品碳足跡的要求日益嚴格，國內多家業者近年積極提高再生料的使用比例。\n"
            "責任編輯：陳美玲\n相關閱讀\n鋼鐵業者加速導入電爐煉鋼\n")
    draft = clean_text(text)
    rules = [r.rule for r in draft.removed]
    assert draft.title == "國內業者積極投入再生鋁料應用"
    assert len(draft.paragraphs) == 1
    assert rules == ["breadcrumb", "header", "editor-source", "related-list", "related-list"]
    assert draft.paragraphs[0].startswith("隨著國際")   # output keeps the page's own script


@pytest.mark.parametrize("byline,author", [
    ("By Jane Doe | March 3, 2024", "Jane Doe"),
    ("By Jane Doe and Ahmad Rizal", "Jane Doe, Ahmad Rizal"),
    ("Posted on 12 March 2024 by Anna Lee", "Anna Lee"),
    ("Author: Tom Baker   Release Time: 2022/05/06", "Tom Baker"),
    ("Author: Release Time:2021/01/17 00:00:00", None),
    ("文/记者 张三", "张三"),
    ("本报记者 赵强", "赵强"),
    ("作者：林志明　發表時間：2023-12-05　瀏覽次數：2,315", "林志明"),
])
def test_byline_under_the_headline(byline: str, author: str | None) -> None:
    from cleanfeed.text.clean import clean_text
    draft = clean_text(f"A headline\n{byline}\n"
                       "The first paragraph of the article says enough words to read as prose for the cleaner.\n")
    assert (draft.title, draft.author, draft.header_lines) == ("A headline", author, (ws(byline),))


@pytest.mark.parametrize("line", ["记者节快乐", "By the end of the year", "Posted prices rose", "Byproducts"])
def test_not_a_byline(line: str) -> None:
    from cleanfeed.text.clean import split_lines
    assert not split_lines(line)[0].head


def test_summary_is_two_or_three_lines_in_either_script() -> None:
    from cleanfeed.text.summary import summarise, width
    for page in PAGES:
        article = cleaned(page)
        assert width(article.summary) <= 281                 # 280 display units, plus a closing "…"
        assert article.summary.startswith(article.paragraphs[0][:20])
        if article.language.startswith("zh"):
            assert " " not in article.summary[:60]            # Chinese paragraphs run on without a space
    zh = ["第一句话说的是再生铝的产量增长了很多。" * 3, "第二段。" * 40]
    assert summarise(zh).endswith("。") and width(summarise(zh)) <= 280
    assert summarise(["Short text."], "A description of the page that is long enough to be used.") \
        == "A description of the page that is long enough to be used."


@pytest.mark.parametrize(("printed", "author"), [
    ("Jane Doe and John Roe", "Jane Doe, John Roe"),
    ("Jane Doe & John Roe", "Jane Doe, John Roe"),
    ("Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe, Ann Lee"),
    ("Smith & Sons metals desk", "Smith & Sons metals desk"),     # not every piece a name: as printed
    ("Reuters, london bureau", "Reuters, london bureau"),
    ("Jane Doe", "Jane Doe"),
])
def test_several_names_are_joined_one_way(printed: str, author: str) -> None:
    from cleanfeed.text.headerlines import join_names
    assert join_names(printed) == author
