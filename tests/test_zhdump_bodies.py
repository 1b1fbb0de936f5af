"""Bodies of Chinese whole-page dumps saved by real tools (issue 17): our own pages (tests/zhdumpbodies/SOURCE.md),
each a layout class, saved by lynx, w3m, markdownify and html2text. The HTML path keeps every paragraph of the
story; a dump must keep them too (compared without spaces and marks, as w3m deletes the space between two CJK
runs and the Markdown writers add `**`, `|` and `#`), and leave the page's hot and related lists and footer out.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleanfeed

HERE = Path(__file__).parent / "zhdumpbodies"
PAGES = ("zh_portal_lead", "zh_assoc_notice", "zh_gov_table", "zh_paper_interview")
TOOLS = {"lynx": "lynx.txt", "w3m": "w3m.txt", "markdownify": "markdownify.md", "html2text": "html2text.md"}
# Lines of each page that are not its story: a sidebar list, a footer.
NOT_STORY = {
    "zh_portal_lead": ("废钢价格本周小幅上涨", "东岭市出台再生资源回收体系建设方案", "东ICP备08012345号"),
    "zh_assoc_notice": ("協會公告", "活動訊息", "All Rights Reserved"),
    "zh_gov_table": ("网站标识码", "主办：青溪市商务局", "浙ICP备05001234号"),
    "zh_paper_interview": ("雲林廢棄物處理廠擴建案", "高鐵南延", "版權所有"),
}
_MARKS = re.compile(r"[\s*_#>|│┃\[\]]+")


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# What fails, by class: w3m wraps a short notice's first paragraph over two lines, too few filled lines to read
# its width by (text/unwrap), and the first half is taken for a line over the body; w3m prints a layout table's
# menu column beside the story; lynx drops a letter's sign-off (`…協會　敬啟`). (Fixed: a table between two
# paragraphs of the story, its rows read as menu items, ended the article run above it under every tool, and w3m's
# box rules between its rows were kept as lines: text/listblocks.table_rows, text/lines.SEPARATOR_ONLY.)
FAILING = {
    ("zh_assoc_notice", "w3m"): "a menu column beside the notice",
    ("zh_assoc_notice", "lynx"): "the sign-off line (…協會 敬啟) under the attachment line",
}
CASES = [pytest.param(page, tool, marks=_xfail(FAILING[page, tool])) if (page, tool) in FAILING else (page, tool)
         for page in PAGES for tool in TOOLS]
# What is kept that is not story: the Markdown writers join a layout cell's blocks on one line (the menu column, the
# headline and the notice: tests/test_zhdump_titles' known class). (Fixed: a notice run down to the page's end kept
# a government site's footer, `主办：… 承办：…` and `…网站标识码：…`: boilerplate.toml `copyright`.)
KEPT = {
    ("zh_assoc_notice", "markdownify"): "a layout cell's blocks joined on one line",
    ("zh_assoc_notice", "html2text"): "a layout cell's blocks joined on one line",
}
CLEAN_CASES = [pytest.param(page, tool, marks=_xfail(KEPT[page, tool])) if (page, tool) in KEPT else (page, tool)
               for page in PAGES for tool in TOOLS]


def _flat(text: str) -> str:
    return _MARKS.sub("", text)


def _story(page: str) -> list[str]:
    """The paragraphs the HTML path keeps (6+ characters)."""
    text = cleanfeed.clean((HERE / f"{page}.html").read_bytes()).text
    return [p for p in text.split("\n\n") if len(_flat(p)) >= 6]


@pytest.mark.parametrize(("page", "tool"), CASES)
def test_the_dump_keeps_the_story(page: str, tool: str) -> None:
    body = _flat(cleanfeed.clean((HERE / f"{page}.{TOOLS[tool]}").read_text("utf-8")).text)
    lost = [p for p in _story(page) if _flat(p)[:20] not in body]
    assert lost == []


@pytest.mark.parametrize(("page", "tool"), CLEAN_CASES)
def test_the_dump_leaves_the_lists_and_footer_out(page: str, tool: str) -> None:
    body = cleanfeed.clean((HERE / f"{page}.{TOOLS[tool]}").read_text("utf-8")).text
    assert [s for s in NOT_STORY[page] if s in body] == []


@pytest.mark.parametrize("page", PAGES)
def test_the_html_path_keeps_the_table_and_the_lists_out(page: str) -> None:
    text = cleanfeed.clean((HERE / f"{page}.html").read_bytes()).text
    assert len(_story(page)) >= 4
    assert [s for s in NOT_STORY[page] if s in text] == []
    if "table" in page or "lead" in page:
        assert "2.4万平方米" in text or "青溪德丰再生金属有限公司" in text


def test_a_table_printed_a_row_a_line_is_found() -> None:
    from cleanfeed.text.listblocks import table_rows
    rows = ["设施 规模 用途", "分拣车间 2.4万平方米 人工与光选分拣", "清洗造粒车间 6条生产线 清洗、破碎、造粒",
            "检测中心 1座 再生颗粒质量检测"]
    assert table_rows(["正文第一段。", "主要设施一览", *rows, "正文第二段。"]) == [(2, 6)]
    boxed = ["┌──┬──┬──┐", "│ 序号 │ 企业名称 │ 所在区县 │", "├──┼──┼──┤", "│ 1 │ 青溪绿源公司 │ 城东区 │",
             "├──┼──┼──┤", "│ 2 │ 青溪恒通公司 │ 南湖区 │", "└──┴──┴──┘"]
    assert table_rows(["正文。", *boxed, "正文。"]) == [(1, 8)]


def test_menu_bars_ranked_and_dated_lists_are_no_table() -> None:
    from cleanfeed.text.listblocks import table_rows
    menus = ["首页 新闻 产业 行情", "政策 展会 视频 关于", "会员 下载 联系 地图"]        # no digit
    ranked = ["1 废钢价格本周小幅上涨", "2 省内首个回收基地落户", "3 再生铜企业订单回暖"]   # two cells
    dated = ["东岭港区 签约五个项目 2024-02-27", "东岭市 出台建设方案 2024-01-15", "再生塑料 出口增长 2023-12-08"]
    sentences = ["记者 从港区 获悉 3日 投运。", "中心 今年 处理 18万吨。", "明年 达产 30万吨 能力。"]
    assert [table_rows(block) for block in (menus, ranked, dated, sentences)] == [[], [], [], []]


def test_a_government_sites_footer_is_boilerplate_and_an_events_organiser_is_not() -> None:
    from cleanfeed.rules.linerules import first_match, generic_rules
    from cleanfeed.text.lines import line_key
    rules = generic_rules().lines
    footer = ["主办：青溪市商务局　承办：青溪市大数据中心",
              "地址：青溪市人民路18号　邮编：311000　网站标识码：3301000012"]
    story = ["主办：中国再生资源回收利用协会", "本次活动主办：市商务局，承办：市再生资源协会。",
             "请登录网站填写标识码。"]
    assert [first_match(rules, line_key(t)) is not None for t in footer + story] == [True, True, False, False, False]
