"""Headlines of Chinese whole-page dumps saved by real tools (issue 17): our own pages (tests/zhdumptitles/SOURCE.md),
each a layout class, saved by lynx, w3m, markdownify and html2text. The HTML path reads every one of them right;
a dump must give the printed headline. w3m deletes the space between two CJK runs of one line (`…回升 業者…`
→ `…回升業者…`), so its headline is compared without spaces.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import cleanfeed
from cleanfeed.text.clean import split_lines
from cleanfeed.text.dumphead import find_headline
from cleanfeed.text.linescore import line_scores

HERE = Path(__file__).parent / "zhdumptitles"
HEADLINES = {
    "zh_notice": "南江市人民政府关于加强废旧农膜回收利用工作的通告",
    "zh_evening_paper": "旧衣有“家”可回 回收箱进小区一年收三百吨",
    "zh_trade_portal": "废铜进口量连续三月回落 再生铜企业转向国内货源",
    "zh_association": "本會舉辦廢電子電器回收業者環保法規說明會",
    "zh_government": "市生态环境局召开全市再生资源回收利用体系建设推进会暨废旧物资循环利用工作部署会议",
    "zh_wire": "再生金屬回收價格連續兩週回升 業者看好下半年需求",
}
TOOLS = {"lynx": "lynx.txt", "w3m": "w3m.txt", "markdownify": "markdownify.md", "html2text": "html2text.md"}


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# What fails, by class: markdownify writes a layout table nested in a cell inline (`| | --- | | headline | |`), so
# the headline is one cell of a row holding the whole page; an image's file name (`menu_left.jpg (3216 bytes)`,
# the alt text old editors wrote) read as a headline; w3m lays a menu column or a hot list beside the headline on
# the same line; html2text's links to bare relative paths (`](index.htm)`) are not taken for Markdown.
FAILING = {
    ("zh_evening_paper", "lynx"): "the logo's text first taken for a `<title>` naming a menu item (`* [8]南江晚报`)",
    ("zh_evening_paper", "w3m"): "the logo's text first taken for a `<title>` naming a menu item (`• 南江晚报`)",
    ("zh_evening_paper", "html2text"): "the logo's text first taken for a `<title>`: the site's name chosen",
    ("zh_notice", "lynx"): "the headline printed as a `标　　题：` field only: the 发文字号 row chosen",
    ("zh_notice", "w3m"): "the headline printed as a `标　　题：` field only: the 发布日期 row chosen",
    ("zh_notice", "markdownify"): "the headline printed as a `标　　题：` field only: the 发文字号 row chosen",
    ("zh_notice", "html2text"): "the headline printed as a `标　　题：` field only: the 发文字号 row chosen",
    ("zh_trade_portal", "markdownify"): "nested layout table inlined in one Markdown row",
    ("zh_trade_portal", "w3m"): "a hot list printed beside the headline by w3m",
    ("zh_association", "markdownify"): "an image's file name taken for the headline",
    ("zh_association", "w3m"): "a menu column printed beside the headline by w3m",
    ("zh_association", "html2text"): "relative links are no Markdown evidence: image syntax read as the headline",
}
CASES = [pytest.param(page, tool, marks=_xfail(FAILING[page, tool])) if (page, tool) in FAILING else (page, tool)
         for page in HEADLINES for tool in TOOLS]


@pytest.mark.parametrize(("page", "tool"), CASES)
def test_printed_headline(page: str, tool: str) -> None:
    dump = (HERE / f"{page}.{TOOLS[tool]}").read_text("utf-8")
    title = cleanfeed.clean(dump).title
    want = HEADLINES[page]
    if tool == "w3m":
        title, want = title.replace(" ", ""), want.replace(" ", "")
    assert title == want


@pytest.mark.parametrize("page", HEADLINES)
def test_the_html_path_reads_the_headline(page: str) -> None:
    html = (HERE / f"{page}.html").read_bytes()
    assert cleanfeed.clean(html).title == HEADLINES[page]


@pytest.mark.xfail(strict=True, reason="the first line taken for a `<title>` naming the menu item `* [8]南江晚报`")
def test_a_site_name_over_a_menu_names_no_headline() -> None:
    """lynx prints a page's logo text first (`南江晚报`, a site's name: dumphead.weak_page_title) and a menu that
    names the site again (`* [7]南江晚报电子版`, `* [8]南江晚报`): those items are not the headline the first line
    names; the `<h1>` over the source row is (tests/zhdumptitles/zh_evening_paper.html)."""
    page = (HERE / "zh_evening_paper.lynx.txt").read_text("utf-8")
    keys = [line.key for line in split_lines(page)]
    start = next(i for i, k in enumerate(keys) if k.startswith("记者从市商务局获悉"))
    title, _ = find_headline(keys, line_scores(keys), start)
    assert title is not None and keys[title] == "旧衣有“家”可回 回收箱进小区一年收三百吨"
