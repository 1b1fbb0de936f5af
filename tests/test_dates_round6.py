"""The pages of tests/data/dates/round6 (README.md there), written for issue 19's sixth round before the dates
engine was changed for them: a second Chinese date set of our own, 31 pages (simplified and traditional) built like
the portal families Chinese sites run on (TRS and other government table CMSes, DedeCMS, Discuz portal articles and
threads, PHPCMS, news sites with 来源 / 作者 / 发布时间 / 更新时间 rows, Taiwan, Hong Kong and Macau pages), each with
the distractors those builds carry (a site date bar, 上一篇 / 下一篇 rows and `[2019-03-02]` list rows with dates,
a sidebar's 日期, a counter reading like a year, footer years, signed dates, dates in the URL path); and 30 plain-text
snippets in new wordings (English and Chinese). Each page goes through the pipeline with its fetch time, zone and
URL; the cases failing when they were committed are strict xfails by name, so a fix must take its name off the
list."""
from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest
from helpers.datecases import DATES, by_name, day_tests, html_cases, text_case_days

from cleanfeed.dates.clues import label_of, read_line
from cleanfeed.dates.header import marked_clues
from cleanfeed.dates.layout import layout_of
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.rows import label_cells

ROUND6 = DATES / "round6"
PAGES = html_cases(ROUND6)
TEXTS = [json.loads(line) for line in (ROUND6 / "text_cases.jsonl").read_text("utf-8").splitlines()]
# Wrong when committed (before any engine change): 3 of 30 snippets, 2 of 29 publication days, 3 of 5 update days;
# after a label printed alone in its cell is joined to the value after it (header.label_cells): c09, c19, c28 right;
# after a publication label behind a future auxiliary (`will be released on`) and `signed on` name other days,
# `reported on` a publication, and a relative date opening a paragraph before a dash (`2 days ago — …`) is its
# dateline: the three snippets right.
# Then 8 more snippets (label words: events, tenders, trainings, changes and revisions printed above the
# publication line), committed before the vocabulary change for them: r6-zh-18 and r6-zh-21 wrong; right once
# 异动日期 (changed) and 修订日期 (revised) are update labels (vocab.toml).
XFAIL_TEXT: set[str] = set()
# c30 and c31 (information tables above the headline and after the body) added after that, c30 wrong when committed,
# right once a table row reads as one line near the headline (nearhead.lines_near, _CELLS).
# c23 (a forum thread whose headline sits inside the first post: the reply's `發表於` came first under it) right once
# a marked element whose numbered id repeats an earlier read one's shape is a later post (header.post_shape).
XFAIL: set[str] = set()
XFAIL_UPDATED: set[str] = set()


def test_the_folder_lists_its_pages() -> None:
    assert {p.name for p in ROUND6.glob("*.html")} == set(PAGES)
    assert all(case["meta"] for case in PAGES.values()) and set(PAGES) >= XFAIL | XFAIL_UPDATED
    assert len(TEXTS) == len({c["id"] for c in TEXTS}) >= 30 and {c["id"] for c in TEXTS} >= XFAIL_TEXT


@pytest.mark.parametrize("case", by_name(TEXTS, XFAIL_TEXT, lambda c: str(c["id"]), "miss"))
def test_text_snippet_publication_day(case: dict[str, Any]) -> None:
    assert text_case_days(case).published == case["expected"], case["note"]


test_publication_day, test_update_day = day_tests(ROUND6, XFAIL, XFAIL_UPDATED, with_url=True)


@pytest.mark.parametrize(("lines", "want"), [
    (["文号", "临商发〔2022〕5号", "发布日期", "2022-03-10"], ["文号", "临商发〔2022〕5号", "发布日期 2022-03-10"]),
    (["張貼日期", "2022-05-06", "更新日期", "2022-05-10"], ["張貼日期 2022-05-06", "更新日期 2022-05-10"]),
    (["Last updated:", "March 4, 2019"], ["Last updated: March 4, 2019"]),
    (["发布时间", "更新时间", "2019-03-04"], ["发布时间", "更新时间 2019-03-04"]),        # a label before a label
    (["2019年3月", "日期", "阅读 1024"], ["2019年3月", "日期 阅读 1024"]),            # no date after: nothing read
    (["协会召开第三届理事会会议日期", "2019-03-02"], ["协会召开第三届理事会会议日期", "2019-03-02"]),  # too long
])
def test_a_label_alone_in_its_cell_joins_the_value_after_it(lines: list[str], want: list[str]) -> None:
    assert label_cells(lines) == want


@pytest.mark.parametrize(("line", "label"), [
    ("Data for January will be released on Feb. 10.", "other"),
    ("The results are due to be published on 3 May 2022.", "other"),
    ("The report was released on Feb. 10.", "published"),
    ("Released: Feb. 10, 2021", "published"),
    ("The agreement, signed on 12 January 2020, takes effect later.", "other"),
    ("— Reported on 14/01/2020 by the Herald.", "published"),
    ("协会定于2019年3月8日召开年会", "other"),
    ("公司将于2019年3月5日发布年报", "other"),
])
def test_the_label_in_front_of_a_date(line: str, label: str) -> None:
    text = normalize(line)
    assert [label_of(text, d.mention) for d in read_line(text, "zh" if "年" in line else "en")][:1] == [label]


def _marked_days(html: str) -> list[str]:
    doc = lxml.html.fromstring(html)
    return [c.mention.text for c in marked_clues(doc, "zh", layout_of(doc))]


def test_a_later_post_of_a_numbered_id_shape_is_a_reply() -> None:
    thread = ("<html><body><h1>标题</h1><div id='post1'><em id='authorposton1001'>发表于 2015-7-8 21:03</em>"
              "<p>正文</p></div><div id='post2'><em id='authorposton1002'>发表于 2015-7-10 08:45</em></div>"
              "</body></html>")
    assert _marked_days(thread) == ["2015-7-8 21:03"]
    # a sidebar's numbered dates are left out, so they are not the first of their shape
    sidebar = ("<html><body><aside class='sidebar'><span id='postdate11'>2019-03-05</span></aside><h1>标题</h1>"
               "<span id='postdate12'>发布时间：2019-03-02</span><p>正文</p></body></html>")
    assert _marked_days(sidebar) == ["2019-03-02"]


def test_an_update_stamp_of_the_same_numbered_shape_is_the_page_s_own() -> None:
    """`time1` / `time2` number a template's slots, not a thread's posts: the second one's update label says it
    is this page's last change (it was dropped as a reply's date, and the page lost its `updated`)."""
    page = ("<html><body><h1>标题</h1><p>正文</p><span id='time1'>发布时间：2021-03-02 10:00</span>"
            "<span id='time2'>更新时间：2021-03-05 09:00</span></body></html>")
    assert _marked_days(page) == ["2021-03-02 10:00", "2021-03-05 09:00"]
