"""The 24 Chinese portal builds of tests/data/dates/zh_portals (README.md there): each page through the pipeline
with its fetch time and zone, its publication and update day; and the classes of form they brought in, on
pages and strings of their own (ROC years, a forum's edit note, portal URL folders, list headings under a
short article, the extractor's header lines read past the body)."""
from __future__ import annotations

from typing import Any

import pytest
from helpers.datecases import ZH_PORTALS, html_case_days, html_cases

from cleanfeed import clean
from cleanfeed.dates.cjk import normalize
from cleanfeed.dates.clues import label_of, read_line
from cleanfeed.dates.url import url_clues

PAGES = html_cases(ZH_PORTALS)


def test_the_folder_lists_its_pages() -> None:
    assert len(PAGES) == 24
    assert {p.name for p in ZH_PORTALS.glob("*.html")} == set(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_publication_day(name: str) -> None:
    case: dict[str, Any] = PAGES[name]
    assert html_case_days(name, case["meta"], ZH_PORTALS).published == case["published"], case["note"]


@pytest.mark.parametrize("name", sorted(n for n, c in PAGES.items() if c["updated"]))
def test_update_day(name: str) -> None:
    case: dict[str, Any] = PAGES[name]
    assert html_case_days(name, case["meta"], ZH_PORTALS).updated == case["updated"], case["note"]


@pytest.mark.parametrize(("text", "want"), [
    ("發布日期：112-03-07", "發布日期:2023-03-07"),
    ("中華民國111年12月30日", "中華2022年12月30日"),
    ("公告時間: 108/1/2", "公告時間:2019/1/2"),
    ("建厂100年5月1日庆典", "建厂100年5月1日庆典"),          # a count of years, not an ROC year
    ("编号 110-08-14", "编号 110-08-14"),                    # no date label in front: an id
])
def test_roc_years_read_as_gregorian(text: str, want: str) -> None:
    assert normalize(text) == want


@pytest.mark.parametrize("text", ["本帖最后由 小王 于 2016-3-4 12:00 编辑", "本帖最後由 阿明 於 2016-3-4 12:00 編輯",
                                  "Last edited by moderator on 4 March 2016"])
def test_a_forum_edit_note_is_an_update(text: str) -> None:
    dated = read_line(normalize(text), "zh")[0]
    assert dated.label == "updated" == label_of(normalize(text), dated.mention)


@pytest.mark.parametrize(("url", "day"), [
    ("https://www.example.cn/news/2016/1105/77.html", (2016, 11, 5)),
    ("https://money.example.cn/16/1105/09/XYZ.html", (2016, 11, 5)),
    ("https://www.example.cn/a/201611/05/1.shtml", (2016, 11, 5)),
    ("https://www.example.cn/a/2016-11/05/c_1.htm", (2016, 11, 5)),
    ("https://www.example.cn/p/1611/05/a.html", None),          # no year folder of its own: an id
])
def test_portal_url_folders(url: str, day: tuple[int, int, int] | None) -> None:
    got = [(r.year, r.month, r.day) for c in url_clues(url) for r in c.mention.readings[:1]]
    assert got == ([day] if day else [])


def _page(box: str) -> str:
    return ("<html lang='zh-CN'><head><meta charset='utf-8'><title>t</title></head><body><div class='main'>"
            "<h1>锡价走高 冶炼厂惜售</h1><div class='src'><span>来源：东岭金属网</span><span>2017-04-11</span></div>"
            "<div class='txt'><p>受原料偏紧影响，国内锡价本周持续走高，冶炼厂普遍惜售。</p></div>"
            f"{box}</div></body></html>")


@pytest.mark.parametrize("box", [
    "<div class='list'><h3>热门文章</h3><ul><li><span>2017-04-10</span><a href='#'>铅价回落</a></li></ul></div>",
    "<div class='more'><h4>Most read</h4><p>2017-04-12 Zinc up</p></div>",
], ids=["zh-heading", "en-heading"])
def test_a_list_under_a_short_article_gives_no_date(box: str) -> None:
    article = clean(_page(box), fetched_at="2017-04-13T10:00:00+08:00", timezone="Asia/Shanghai")
    assert article.published is not None and article.published.value.date().isoformat() == "2017-04-11"


def test_the_extractors_lines_from_an_excluded_list_do_not_count() -> None:
    html = ("<html lang='zh-CN'><head><meta charset='utf-8'><title>t</title>"
            "<link rel='canonical' href='https://www.example.cn/news/2017/0411/9.html'></head><body>"
            "<div class='bd'><h1>锡价走高 冶炼厂惜售</h1><div class='writer'>作者：编辑部</div>"
            "<div class='content'><p>受原料偏紧影响，国内锡价本周持续走高，冶炼厂普遍惜售。</p></div>"
            "<div class='recommend'><h3>推荐</h3><a href='#'>2017-04-02 铅价回落</a></div></div></body></html>")
    article = clean(html, fetched_at="2017-04-13T10:00:00+08:00", timezone="Asia/Shanghai")
    assert article.published is not None and article.published.value.date().isoformat() == "2017-04-11"
