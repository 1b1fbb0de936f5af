"""The page type of a whole-page text dump and the content kept of one that is not an article
(cleanfeed/text/dumptype.py, rules in cleanfeed/data/dumptype.toml)."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.data import page_bytes, truth

from cleanfeed.text import dumptype
from cleanfeed.text.clean import clean_text, split_lines
from cleanfeed.text.dumptype import content_runs, dump_page_type, evidence, grid_lines
from cleanfeed.text.linescore import line_scores

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_DUMPS = [p for p in sorted((ROOT / "tests/textpages").glob("*.dump.txt"))
                 if '"page_type"' not in p.with_name(p.stem + ".expected.json").read_text("utf-8")]


def typed(text: str) -> str:
    keys = [ln.key for ln in split_lines(text)]
    return dump_page_type(keys, line_scores(keys))


@pytest.mark.parametrize("name", ["text/aeb-en-text", "text/cwced-zh-text"])
def test_no_article_dump_of_the_fixture_sets_is_typed_otherwise(name: str) -> None:
    """Only articles reach the feeds: a rule that calls one of them a listing loses a story (the full check
    over 1,807 article dumps: `python bench/otherdumps.py --articles`)."""
    wrong = [k for k in sorted(truth(name)) if typed(page_bytes(name, k).decode("utf-8")) != "article"]
    assert wrong == []


@pytest.mark.parametrize("page", ARTICLE_DUMPS, ids=lambda p: p.name)
def test_hand_written_article_dumps_stay_articles(page: Path) -> None:
    assert typed(page.read_text("utf-8")) == "article"


def test_a_scrap_price_report_is_an_article_not_a_shop() -> None:
    """Prices on every line are what our users' price reports print; without cart buttons they are no shop."""
    rows = [f"No. {i} copper wire, bare bright: ${3 + i / 10:.2f}/lb, up {i} cents on the week" for i in range(30)]
    text = "\n".join(["Weekly scrap prices - Yard News", "Home", "Prices", "News", "Contact",
                      "Weekly scrap prices", "Copper rose again this week as mills bought ahead of the holiday.",
                      *rows, "© 2024 Yard News"])
    assert typed(text) == "article"


def test_a_story_under_a_menu_printed_four_times_is_an_article_not_a_listing() -> None:
    """A text browser prints a site's menu in the header, the mobile menu and twice more: its items are printed 4
    times, always between the same lines, which is a block printed again, not an item's button. Before, four such
    items made a listing of a story's lynx dump (the story's prose is under 15 % of a page of links)."""
    menu = ["* Games", "+ Copper Run", "+ Scrap King", "+ Yard Tycoon", "+ Wire Stripper", "* Forum"]
    links = [f"* Archive page {i} of the site" for i in range(200)]
    story = ["Copper rose again this week as mills bought ahead of the holiday and yards held their stock back, "
             f"traders said on the {i}th day of the month, pointing to thin supply of bright wire." for i in range(6)]
    keys = [ln.key for ln in split_lines("\n".join(["Copper rises - Yard News", *menu, "Home", *menu, *story, *menu,
                                                     *links, *menu, "© 2026 Yard News"]))]
    ev = evidence(keys, line_scores(keys))
    assert ev.prose < 0.15 and ev.labels == 2     # the menu's first and last items, whose outer neighbours vary
    assert dump_page_type(keys, line_scores(keys)) == "article"


def test_a_grid_of_items_keeps_its_buttons_as_labels() -> None:
    """The same buttons under every item of a shop's grid sit between different items: they stay labels."""
    items = [line for i in range(6) for line in (f"No. {i} copper wire", f"${3 + i / 10:.2f}/lb", "In stock",
                                                  "Add to cart", "Compare")]
    keys = [ln.key for ln in split_lines("\n".join(["Copper wire - Yard Shop", *items]))]
    assert evidence(keys, line_scores(keys)).labels == 2      # `In stock` and `Compare`; `Add to cart` sits
                                                              # between the same two buttons every time


def test_the_evidence_counts_rows_of_each_kind() -> None:
    keys = [ln.key for ln in split_lines("Title\nReply\nQuote\nReply\nQuote\nReply\nQuote\nReply\nQuote\n"
                                         "4.5 out of 5 stars\n12 reviews\n$9.99\nAdd to cart\n"
                                         "x = load(path)\nprint(x)\n")]
    ev = evidence(keys, line_scores(keys))
    assert ev.labels == 2 and ev.rows["reply"] == 8 and ev.rows["rating"] == 2
    assert ev.rows["price"] == 1 and ev.rows["cart"] == 2 and ev.rows["code"] == 2


def test_content_runs_keeps_every_stretch_that_pays() -> None:
    weights = [-60, 30, 40, -5, -80, 70, -100, 10, 10, -1]
    assert content_runs(weights, 60) == [(1, 3), (5, 6)]
    assert content_runs(weights, 20) == [(1, 3), (5, 6), (7, 9)]
    assert content_runs([], 60) == []


def test_a_grid_runs_from_its_first_item_to_its_last_label() -> None:
    lines = ["Shop | Site", "Home", "Cart", "Tools for the yard, picked by our buyers.",
             *[x for i in range(4) for x in (f"Tool number {i}", f"${i}9.00", "Add to cart")], "About", "Returns"]
    keys = [ln.key for ln in split_lines("\n".join(lines))]
    got = grid_lines(keys, line_scores(keys))
    assert sorted(got) == [3, *range(4, 16)]
    assert grid_lines(keys[:6], line_scores(keys[:6])) == set()


def test_a_non_article_dump_is_typed_and_keeps_more_than_one_run() -> None:
    thread = ["Which baler? - Talk", "Forums", "What's new", "Members", "Search", "Log in", "Register", "Help"]
    for i in range(9):
        thread += [f"user{i}", f"Post number {i} says what this member thinks about balers, and why, in a sentence.",
                   "Quote", "Reply", "Report"]
    draft = clean_text("\n".join([*thread, "Contact us", "Terms", "Privacy", "Rules"]))
    assert draft.page_type == "forum"
    assert draft.title == "Which baler?"
    assert sum(p.startswith("Post number") for p in draft.paragraphs) == 9


@pytest.mark.parametrize(("line", "pattern"), [
    ("Posts: 48", "reply"),          # a forum's post-count row: `posts?:` inside `\b…\b` never matched it
    ("Posts:48", "reply"),
    ("12,50 €", "price"),            # an amount with its sign after it: `€\b` needs a letter after the sign
    ("Price 9,99 € incl. VAT", "price"),
    ("12 EUR", "price"),
])
def test_each_pattern_matches_the_rows_its_comment_names(line: str, pattern: str) -> None:
    keys = [ln.key for ln in split_lines(f"Title\n{line}")]
    assert evidence(keys, line_scores(keys)).rows[pattern] == 1


def test_a_notice_whose_list_items_end_in_semicolons_is_an_article_not_a_manual() -> None:
    """A Chinese notice's items end in `；` (folded to `;` in the match key, as a line of code ends) and such a
    notice often prints no date above its signature: its prose lines are no code."""
    items = [f"（{n}）申报企业应当具备合法的经营资质，再生铜、再生铝年处理能力符合规范条件的要求，"
             "并建立完善的环境管理制度；" for n in "一二三四五六七八九十"]
    text = "\n".join(["关于开展再生有色金属行业规范条件申报工作的通知_协会动态_示例再生金属网", "首页", "新闻",
                      "协会动态", "政策法规", "联系我们",
                      "关于开展再生有色金属行业规范条件申报工作的通知", "各会员单位：",
                      "为推动再生有色金属行业高质量发展，根据有关规定，现就申报工作通知如下：", *items, "特此通知。",
                      "示例再生金属协会", "版权所有 示例再生金属网"])
    assert typed(text) == "article"
    english = ["Notice to members - Example Recyclers Association", "Home", "News", "Members", "Contact",
               "Notice to members", "Applicants for the scrap handling register must meet the following terms:",
               *[f"({c}) each applicant shall keep a written record of every load of {m} scrap bought and sold;"
                 for c, m in zip("abcdefghij", ["copper", "brass", "aluminium", "zinc", "lead", "nickel", "tin",
                                                "cable", "steel", "alloy"], strict=True)],
               "The register opens in the spring.", "© Example Recyclers Association"]
    assert typed("\n".join(english)) == "article"


def test_content_runs_with_no_floor_gives_each_stretch_once_and_no_empty_one() -> None:
    """The fallback of `other_content` asks with `min_run` 0: a stretch that earns nothing is no run, and a
    run is not given again by the stretch after it."""
    assert content_runs([-1, -2, 5, -10, -1], 0.0) == [(2, 3)]
    assert content_runs([-3, -1], 0.0) == []


def _fully_typed(keys: list[str]) -> str:
    """The page type read off the whole `evidence`, every rule in full: what the lazy reading must give."""
    ev = evidence(keys, line_scores(keys))
    value = {"prose": ev.prose, "prose_lines": ev.prose_lines, "labels": ev.labels, "stamps": ev.stamps, **ev.rows}
    for rule in dumptype._table().rules:
        if all(value[k] >= v for k, v in rule.at_least.items()) and all(value[k] <= v for k, v in rule.at_most.items()):
            return rule.page_type
    return "article"


@pytest.mark.parametrize("name", ["text/wcxb-dev-other-text", "text/aeb-en-text"])
def test_the_lazy_reading_types_each_dump_as_the_full_evidence_does(name: str) -> None:
    """`dump_page_type` stops counting as soon as a rule is answered; it must still give the type that all of
    the evidence gives (on dumps of every page type, five or more typed non-article, and on article dumps)."""
    pages = [page_bytes(name, k).decode("utf-8") for k in sorted(truth(name))]
    keyed = [[ln.key for ln in split_lines(text)] for text in pages]
    assert [typed(text) for text in pages] == [_fully_typed(keys) for keys in keyed]
    assert name != "text/wcxb-dev-other-text" or sum(typed(text) != "article" for text in pages) >= 5
