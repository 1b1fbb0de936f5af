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


def _day_of(html: str, fetched: str) -> str | None:
    found = clean(html, fetched_at=fetched).published
    return found.value.date().isoformat() if found else None


def test_a_photos_taken_day_and_a_photo_list_lose_to_the_dateline() -> None:
    html = ("<html lang='zh-CN'><head><meta charset='utf-8'><title>t</title></head><body><div id='main'>"
            "<h1>港口集装箱吞吐量创新高</h1><div class='info'>来源：东岭日报　编辑：周平</div><div id='text'>"
            "<p class='caption'>这是2018年5月2日拍摄的东岭港集装箱码头（无人机照片）。东岭日报记者 吴刚 摄</p>"
            "<p>东岭日报东岭5月4日电 今年前4个月，东岭港集装箱吞吐量同比增长一成，创历史同期新高。</p>"
            "<p>港口方面表示，新开通的航线带动了外贸箱量增长。</p></div>"
            "<div class='pics'><h3>图片推荐</h3><ul><li>初夏时节 荷花初放（5月3日）</li></ul></div>"
            "</div></body></html>")
    assert _day_of(html, "2018-05-05") == "2018-05-04"


def test_a_rail_outside_the_article_after_its_body_gives_no_header_date() -> None:
    body = "".join(f"<p>Paragraph {k} of the story tells what the harbour authority said about the cargo.</p>"
                   for k in range(3))
    html = ("<html><head><title>t</title></head><body><div class='wrap'><div class='article'><h1>Harbour traffic "
            f"hits a record</h1><div class='info'>Source: Coast Wire</div><div class='content'><p>PORTVILLE, May 4 "
            f"(Coast Wire) -- Container traffic hit a record in April.</p>{body}</div></div><div class='right'>"
            "<ul><li>Lotus flowers bloom in city park (May 3)</li></ul></div></div></body></html>")
    assert _day_of(html, "2018-05-05") == "2018-05-04"


def test_a_clock_and_weekday_between_label_and_date() -> None:
    html = ("<html><head><title>t</title></head><body><div class='article'><h1>Ferry service resumes</h1>"
            "<div>Updated 4:10 PM EST, Tue March 9, 2021</div><div>Published 8:15 AM EST, Mon March 8, 2021</div>"
            "<p>The ferry between the two islands resumed service after a week of storms, the operator said.</p>"
            "</div></body></html>")
    article = clean(html, fetched_at="2021-03-10")
    assert article.published and article.published.value.date().isoformat() == "2021-03-08"
    assert article.updated and article.updated.value.date().isoformat() == "2021-03-09"
