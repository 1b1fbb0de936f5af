"""Chinese dumps wrapped by a general-purpose tool (the standard library's `textwrap.fill(line, 40)`: 40
characters, a CJK character as one) rather than by a browser. Such a wrap puts no space at a break, and a line
may open with a quotation mark (`“`, `‘`), an ellipsis (`……`) or a middle dot (`‧`): characters of ambiguous
width, neither CJK nor a word. A short line before one (a sub-heading `一、订单回暖`) is a block of its own: the
next line's first character, not its whole text, is what a greedy wrap could have moved there. Own dumps, both
scripts (tests/wrapdumps/SOURCE.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.text.unwrap import unwrap_dump

OWN = Path(__file__).parent / "wrapdumps"

ZH = OWN / "zh_textwrap40_copper_orders.txt"
TW = OWN / "zh_textwrap40_tw_sorting_line.txt"
ZH_PARAGRAPHS = [
    "“今年开春以来，线缆和电机行业的订单明显多了，我们的再生铜杆产线已经连续满负荷运转六周。”江西一家再生铜企业的"
    "负责人在接受采访时表示，企业一季度销量同比增长约百分之十二，其中出口订单占比有所提高。",
    "“客户提货的节奏比去年快，库存周转天数从二十多天降到了十五天左右。”这位负责人说，企业计划在二季度再增加一条"
    "生产线。",
    "‘原料贵、原料少’仍是不少企业的共同感受。据行业协会统计，三月份国内废铜回收量环比增加，但光亮铜、紫杂铜等高"
    "品位原料的报价持续上涨，部分中小企业被迫减少采购，转而使用品位较低的原料。",
    "……业内人士提醒，铜价波动幅度加大，企业应合理控制采购节奏，利用期货工具做好套期保值，避免在价格高位集中囤货。",
]
TW_PARAGRAPHS = [
    "“過去一條分選線要八個人，現在三個人就夠了。”新北市一家資源回收業者表示，去年底引進光學自動分選設備後，寶特"
    "瓶與鋁罐的分選效率提高近一倍，夜班人力也得以減少，員工流動率明顯下降。",
    "“設備初期投資不小，但兩年左右就能回本。”業者指出，環境部的補助計畫負擔了約三成的設備費用，讓中小型業者也有"
    "能力升級。",
    "‧回收業者普遍期待主管機關加快修訂相關法規，讓分選後的再生料能更順利進入製造業的供應鏈，提高再生料的使用比例"
    "與市場價格。",
    "……環境部官員表示，今年將持續擴大補助範圍，並與經濟部合作建立再生料品質標準，協助業者拓展國內外市場。",
]


@pytest.mark.parametrize(("path", "paragraphs", "headings"), [
    (ZH, ZH_PARAGRAPHS, ["一、订单回暖", "二、原料偏紧"]),
    (TW, TW_PARAGRAPHS, ["一、設備上線", "二、法規配套"]),
], ids=["simplified", "traditional"])
def test_a_line_opening_with_a_quotation_mark_is_not_joined_to_a_short_heading(
        path: Path, paragraphs: list[str], headings: list[str]) -> None:
    lines = unwrap_dump(path.read_text("utf-8")).splitlines()
    assert [p for p in paragraphs if p not in lines] == []
    assert [h for h in headings if h not in lines] == []


@pytest.mark.parametrize(("path", "paragraphs"), [(ZH, ZH_PARAGRAPHS), (TW, TW_PARAGRAPHS)],
                         ids=["simplified", "traditional"])
def test_each_paragraph_of_a_textwrap_dump_is_one_paragraph_of_the_article(path: Path, paragraphs: list[str]) -> None:
    article = clean(path.read_text("utf-8"))
    assert [p for p in paragraphs if p not in article.text.split("\n\n")] == []
    assert "相关阅读" not in article.text and "延伸閱讀" not in article.text and "版权所有" not in article.text
