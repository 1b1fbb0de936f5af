"""Header lines (cleanfeed/headerlines.py): source / byline lines near the headline are metadata, so
they are neither taken for the headline nor left in the body, and their date reaches the dates engine."""
from __future__ import annotations

import pytest

import cleanfeed
from cleanfeed.rules.linerules import generic_rules
from cleanfeed.text.clean import Line, clean_text, split_lines
from cleanfeed.text.headerlines import header_author, is_header, is_stamp_row


def line(text: str) -> Line:
    return split_lines(text)[0]


@pytest.mark.parametrize("text", [
    "【聯合報╱記者張嘉芳／台北報導】",                       # bracketed reporter credit (traditional)
    "【世界日報╱廣州12日電】",                               # agency dateline credit
    "【来源：新华网】",
    "(记者 张三 通讯员 李四)",
    "（本报记者 李明）",
    "本报记者罗科苏盈发自北京",                               # the same credit without brackets
    "本文来源于《财经网》 2012年01月12日 18:49",               # a date beside a source phrase
    "BUSINESS.SOHU.COM 2005年3月11日12:12",                   # a date beside a site address
    "中国网 www.china.com.cn 2012-01-17 16:56",
    "2011-12-09 20:27 来源: 人民网",
    "CBSi中国·ZOL 2012年01月17日 18:26 评论",                 # a date with its clock time
    "http://biz.example.com 2005-04-25 08:24:06 来源: 第一财经日报 网友评论 0 条",
    "南海网 http://www.hinews.cn 时间：2012-01-12 17:55 来源： 南海网 作者：陈望",   # labels along the line
    "Reuters.com March 3, 2024",
    "发布于 2019-09-26",                                        # Chinese date labels without a colon
    "发表于 2019年9月26日 10:20",
    "Posted on January 17, 2021",                             # English ones
    "Published 12 May 2018",
])
def test_source_and_byline_lines_are_header_lines(text: str) -> None:
    assert is_header(line(text), generic_rules())


@pytest.mark.parametrize("text", [
    "Copper hits record on March 3, 2024",                 # a headline that names a date
    "北京2012年1月起实施新规 涉及百万人",
    "【视频】北京下雪了",                                   # a bracketed tag, then a headline
    "【大 中 小】",
    "记者从中国有色金属工业协会再生金属分会获悉报道",
    "发布会于2019年举行，会上宣布了许多重要的事项和内容。",      # "发布会于…" is a sentence, not a label
    "2012年一季度，全国再生铜产量同比增长百分之九，其中广东、浙江两省的增幅最大，企业订单较去年明显增加。",
])
def test_headlines_and_prose_are_not_header_lines(text: str) -> None:
    assert not is_header(line(text), generic_rules())


def test_the_reporter_of_a_credit_is_the_author() -> None:
    g = generic_rules()
    assert header_author(["【聯合報╱記者張嘉芳／台北報導】"], g) == "張嘉芳"
    assert header_author(["(记者 张三 通讯员 李四)"], g) == "张三"
    assert header_author(["【世界日報╱廣州12日電】"], g) is None


NAV = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "健康", "教育", "旅游", "图片"]
BODY = [
    "春节假期将至，市卫生局表示，近期将陆续汇整各医疗院所的开诊时间，提供民众网上查询，方便市民就近就医。",
    "卫生局提醒，假期出游前应备妥常用药品，如遇急症，可先拨打急救电话，再前往就近的医院急诊就医。",
]


@pytest.mark.parametrize("credit", ["【示例日报╱记者王小明／台北报导】", "本文来源于《示例网》 2012年01月12日 18:49"])
def test_a_credit_under_the_headline_is_not_taken_for_the_title(credit: str) -> None:
    page = "\n".join(["春节看病指南_示例网", *NAV, "春节看病去哪里 卫生局告诉你", credit, "2012.01.12 02:09 am",
                      *BODY, "相关新闻", "北京下雪了", "上海降温了", "版权所有 示例网"])
    draft = clean_text(page)
    assert draft.title == "春节看病去哪里 卫生局告诉你"
    assert credit in draft.header_lines
    assert list(draft.paragraphs) == BODY


def test_the_date_of_a_dated_source_line_reaches_the_article() -> None:
    page = "\n".join(["春节看病去哪里 卫生局告诉你", "本文来源于《示例网》 2012年01月12日 18:49", *BODY])
    article = cleanfeed.clean(page, fetched_at="2012-02-01T00:00:00+08:00")
    assert article.title == "春节看病去哪里 卫生局告诉你"
    assert article.published is not None and article.published.value.date().isoformat() == "2012-01-12"
    assert "来源" not in article.text


@pytest.mark.parametrize("row", [
    "Posted by Jane Doe on December 20, 2024September 26, 2025",    # posted and updated, joined in the dump
    "September 1, 2016September 8, 2016Jane Doe",
    "On 8 Oct 2022",
])
def test_a_date_row_whose_dates_touch_is_a_stamp_row(row: str) -> None:
    """A dump joins inline elements without a space (`2024September`): the dates in such a row are still
    full dates, so the row is a byline-and-date row, not a sentence (wcxb-dev-en rendered as dumps,
    publication day 0.395 → 0.401)."""
    assert is_stamp_row(line(row).key)


@pytest.mark.parametrize("text", ["Posted in September 2016 and 2017",
                                  "Copper rose 3% on March 5, 2024 as buyers returned"])
def test_a_sentence_with_a_date_is_no_stamp_row(text: str) -> None:
    assert not is_stamp_row(line(text).key)
