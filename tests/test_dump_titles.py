"""Dump titles that hold on any renderer (issue 17 point 3): our hand-written article pages
(tests/textpages/html/, gold = the headline as printed) saved as text by two different renderers — the one
the shared text sets were made with (`<title>` first, tests/helpers/dumps.py) and a browser's innerText with
no `<title>` (tests/helpers/dumps_b.py) — must give the printed headline; the pieces that decide whether a
dump's first line is its `<title>` (text/dumphead.has_page_title) and how a headline is found without one;
and a score gate on the committed wcxb-dev-en subset rendered the second way.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.data import page_bytes, truth
from helpers.dumps import render_dump
from helpers.dumps_b import render_dump_b

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.text.clean import split_lines
from cleanfeed.text.dumphead import has_page_title, headline_by_cues, headline_shaped, weak_page_title
from cleanfeed.text.headrank import FEATURES, ranker, title_case, word_count
from cleanfeed.text.linescore import line_scores

HERE = Path(__file__).parent / "textpages" / "html"
TITLES: dict[str, str] = json.loads((HERE / "titles.json").read_text("utf-8"))
RENDERERS: dict[str, Callable[[bytes], str]] = {"title-first": render_dump, "innertext": render_dump_b}
SUBSET = "extraction/wcxb-dev-en"
# Titles of the 50-page subset rendered by dumps_b (no `<title>` line): 8/50 before i17t, 18/50 after; 25/50
# once the headline is looked for above the run's first prose line and further up with a date line under it; 26/50
# once a logo's name or a menu bar taken for the `<title>` gives way to the cues (dumphead.weak_page_title); 28/50
# with the learned headline ranker (text/headrank.py).
NO_TITLE_FLOOR = 27


def test_there_are_pages_of_several_families_in_both_languages() -> None:
    assert len(TITLES) >= 12
    assert sum(name.startswith("zh_") for name in TITLES) >= 4


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("name", sorted(TITLES))
def test_the_printed_headline_under_each_renderer(name: str, renderer: str) -> None:
    dump = RENDERERS[renderer]((HERE / f"{name}.html").read_bytes())
    assert cleanfeed.clean(dump).title == TITLES[name]


def keys_of(text: str) -> list[str]:
    return [line.key for line in split_lines(text)]


def test_a_first_line_is_the_title_when_it_names_a_line_below() -> None:
    body = "Menu\nHome\nCopper prices rise again\nCopper prices rose for a third week as smelters bought more.\n"
    assert has_page_title(keys_of("Copper prices rise again | Metal Wire\n" + body))
    assert has_page_title(keys_of("再生铝企业一季度产量增长_资讯_再生金属网\n首页\n再生铝企业一季度产量增长\n正文。\n"))


@pytest.mark.parametrize("first", ["Skip to content", "Riverbend Metals", "Home | News | Prices | About | Contact",
                                   "Subscribe to our newsletter for daily prices, market notes and more!"])
def test_a_skip_link_a_logo_a_menu_bar_or_a_banner_is_no_title(first: str) -> None:
    body = ("Riverbend Metals\nCopper prices rise again\nBy Sam Kelly\n"
            "Copper prices rose for a third week as smelters bought more scrap.\nRiverbend Metals\n")
    assert not has_page_title(keys_of(first + "\n" + body))


@pytest.mark.parametrize(("first", "weak"), [
    ("Eastgate Scrap Metals", True),
    ("Find a Provider | Subscribe to Our Mailing List | Connect With Us | Academy Login | Join Today", True),
    ("Copper prices rise again | Metal Wire", False),
    ("Why we weigh every load twice", False),
    ("What is SEO? • SEO for beginners • Yoast", False),
    ("北方金属报", True), ("设为首页 加入收藏", True),
    ("再生铝企业一季度产量同比增长一成_资讯_再生金属网", False)])
def test_a_logo_or_a_menu_bar_taken_for_the_title_is_weak(first: str, weak: bool) -> None:
    assert weak_page_title(first) is weak


def test_a_menu_bar_of_dashes_taken_for_the_title_is_not_the_headline() -> None:
    """A weak first line (five pieces joined by ` - `) is no headline candidate either: the headline under it is."""
    text = ("Alloy Daily - Home - News - Prices - Contact\nRecyclers asked to report scrap stocks\n"
            "Release Time: 2024-03-01 10:00\n\nThe association on Friday asked aluminium recyclers to report their "
            "scrap stocks every month, starting in April, so that smelters can plan furnace capacity.\n\n"
            "Copyright Alloy Daily. All rights reserved. Contact us | About us | Advertise\n")
    assert cleanfeed.clean(text).title == "Recyclers asked to report scrap stocks"


def test_without_a_title_the_headline_over_the_byline_beats_a_longer_caption() -> None:
    headline = "Ghost smelter restarts its second copper furnace after repairs"
    text = ("Skip to content\nNews\n" + headline + "\nBy Lee Park\nApr 22, 2025\n"
            "Workers in protective suits load copper cathodes onto a truck at the plant gate\n"
            "The smelter restarted its second furnace on Monday after a month of repairs, the company said.\n")
    keys = keys_of(text)
    assert keys[headline_by_cues(keys, line_scores(keys), 6) or 0] == headline


def test_a_contents_entry_is_not_the_headline() -> None:
    """A contents entry's copy is the section heading below it; the headline's copy (a breadcrumb's end, the
    `<h1>` again) is above."""
    text = ("Skip to content\nBlog › Guides › How to grade brass scrap\nHow to grade brass scrap at the yard\n"
            "Written by Priya Nair\nTable of Contents\nSimple tests at the yard\n"
            "Mixed brass is one of the most common lots a buyer sees, and easy to misprice.\n"
            "Simple tests at the yard\nA file shows whether a piece is plated, and a magnet finds steel.\n")
    keys = keys_of(text)
    assert keys[headline_by_cues(keys, line_scores(keys), 6) or 0] == "How to grade brass scrap at the yard"


def test_without_a_title_the_headline_beats_its_longer_dek_and_the_byline_name() -> None:
    """The dek is longer and nearer the prose, the author's name sits over the date row; the headline's words
    are the first paragraph's (text/headrank.py)."""
    headline = "Brass mill lifts scrap intake"
    text = ("Skip to content\nNews | Markets | Events\n" + headline + "\n"
            "A new melt shop lets the mill take mixed brass turnings and solids from recyclers in three states\n"
            "Dana M. Whitfield, MBA\nPublished Jun 4, 2025\n"
            "The brass mill has lifted its scrap intake by a third since its new melt shop opened in January.\n")
    keys = keys_of(text)
    assert keys[headline_by_cues(keys, line_scores(keys), 6) or 0] == headline


def test_a_photo_credit_is_no_headline() -> None:
    keys = keys_of("工人在新投产的加工基地分拣废钢 记者 李明 摄\n华北最大废钢加工基地投产\n")
    scores = line_scores(keys)
    assert not headline_shaped(keys[0], scores[0])
    assert headline_shaped(keys[1], scores[1])


def test_the_ranker_reads_han_and_latin_lines_alike() -> None:
    """A Chinese headline counts in words (1.5 characters each), a Han line has no letter case, and the shipped
    weights are for the features the code computes."""
    assert word_count("废铝价格止跌回稳", 8) == pytest.approx(8 / 1.5)
    assert word_count("Brass mill lifts scrap intake", 5) == 5
    assert title_case("废铝价格止跌回稳") == 0.0
    assert title_case("Five Lessons From a Year") == 0.75
    assert ranker().features == FEATURES


@pytest.mark.slow
def test_no_title_dump_gate() -> None:
    titles = 0
    for page_id, gold in sorted(truth(SUBSET).items()):
        try:
            article = cleanfeed.clean(render_dump_b(page_bytes(SUBSET, page_id)))
        except CleanfeedError:
            continue
        titles += " ".join(article.title.split()) == " ".join(str(gold.get("title") or "").split())
    assert titles >= NO_TITLE_FLOOR, f"titles of dumps without <title> {titles}/50 under the floor {NO_TITLE_FLOOR}"
