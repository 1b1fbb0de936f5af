"""Date cases a review of the third dates round found: a site rule's date is kept wherever it stands, a
word that merely starts with 前/起 is no deadline, a list item needs its number at the line's start, and
two-digit URL years have a century pivot. Each fails on the code before its fix."""
from __future__ import annotations

from cleanfeed import clean
from cleanfeed.rules.site import RuleSet, SiteRule

SIDEBAR_FIRST = """<html><head><title>再生铝企业扩产</title></head><body>
<div class="side"><h3>热门文章</h3><ul><li><a href="/a">2018-01-02 铜价回落</a></li>
<li><a href="/b">2018-01-03 铅价上涨</a></li></ul></div>
<div class="main"><h1>再生铝企业扩产</h1>
<p>某再生铝企业宣布扩大产能，新建生产线预计年处理废铝二十万吨，项目总投资约十二亿元，将于明年投产。</p>
<p>企业负责人表示，新产线采用先进的熔炼和除杂工艺，产品主要供应汽车轻量化和包装行业的下游客户。</p>
</div><div class="foot">发布日期：<span class="xm">2019-07-08</span></div></body></html>"""


def test_a_site_rules_date_counts_wherever_it_stands_on_the_page() -> None:
    rules = RuleSet(sites=(SiteRule("s", hosts=("news.example.cn",), date=(".xm",)),))
    article = clean(SIDEBAR_FIRST, url="http://news.example.cn/a/1.html", fetched_at="2019-08-01", rules=rules)
    assert article.published is not None and article.published.value.date().isoformat() == "2019-07-08"


def test_a_word_that_starts_with_a_deadline_character_is_no_deadline() -> None:
    for text in ("2019年3月2日前往北京的代表团与有关企业就废旧电池回收体系进行了深入的交流和讨论，双方达成多项共识。",
                 "2019年3月2日起草的文件明确了再生有色金属行业准入条件，涉及能耗、环保和规模等多方面要求。"):
        page = "再生金属行业动态\n\n" + text + "\n\n" + "会议还讨论了明年的工作计划和重点任务安排等事项。" * 2
        article = clean(page, fetched_at="2019-04-01")
        assert article.published is not None and article.published.value.date().isoformat() == "2019-03-02", text


def test_a_deadline_still_is_one() -> None:
    page = ("关于申报再生资源回收示范企业的通知\n\n"
            "各有关单位请于2019年4月30日前将申报材料报送协会秘书处，逾期不予受理。\n\n申报材料应包括企业基本情况、回收网络建设情况和近三年经营数据等内容，具体要求见附件。")
    article = clean(page, fetched_at="2019-04-01")
    assert article.published is None or article.published.value.date().isoformat() != "2019-04-30"


def test_a_list_number_after_leading_space_is_still_a_date_when_the_date_starts_there() -> None:
    from cleanfeed.dates.text import is_list_item
    assert not is_list_item(" 12. März 2019 wurde der Recyclinghof eröffnet")
    assert is_list_item(" 1. Copper falls on weak demand - 12 Jan 2022")


def test_a_two_digit_url_year_has_a_century_pivot() -> None:
    from cleanfeed.dates.url import url_clues
    years = [r.year for c in url_clues("http://news.example.cn/98/0302/12.html") for r in c.mention.readings]
    assert years == [1998]
    years = [r.year for c in url_clues("http://news.example.cn/19/0302/12.html") for r in c.mention.readings]
    assert years == [2019]
