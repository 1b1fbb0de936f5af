"""Property tests for the pure plain-text steps: cleaning is idempotent, the body is a subsequence of the
input lines, and no text or bytes make `cleanfeed.clean` raise anything but a CleanfeedError."""
from __future__ import annotations

import contextlib
import os
import re
import warnings

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.text.clean import clean_text, fold

# Lines the cleaner has opinions about, so random pages hit its rules and not only prose.
SNIPPETS = [
    "Home > News > Aluminium", "首页 > 行业资讯 > 再生金属", "Related Posts", "推荐内容", "热点内容", "相关阅读",
    "Leave a Comment", "Name*", "发表评论", "昵称：", "Share this article", "Tags: aluminium, scrap",
    "Copyright © 2024 Metals Weekly Ltd. All rights reserved.", "Subscribe to our newsletter",
    "来源：中国有色网", "责任编辑：王芳", "浏览次数：1526", "【字体：大 中 小】", "打印本页 关闭窗口",
    "上一篇：铜价高位震荡", "下一篇：废钢市场周评", "Author: Release Time:2021/01/17 00:00:00",
    "By Jane Doe | March 3, 2024", "Posted on 12 March 2024 by Anna Lee", "-", "----------",
    "协会工作 | 再生金属分会召开理事会", "由中国有色金属工业协会再生金属分会组织...",
    "Link to this article: Something", "Reprint Statement: all articles on this site are original.",
    "Related research shows that collection rates respond to price with a lag of about two quarters.",
    "- No. 1 copper: collection up 8%", "Copper | 8,470 | +0.4%", "2023-11-02 09:30",
    "A headline for a page", "A headline for a page",
    "The meeting stressed that enterprises should strengthen cooperation with universities and research institutes.",
    "记者从中国有色金属工业协会再生金属分会获悉，今年前三季度，我国再生铝产量达到约六百八十万吨，同比增长百分之九点三。",
    "Will copper scrap discounts keep narrowing as Chinese smelters chase feed in the next year?",
]
WORDS = st.sampled_from(["the", "smelter", "said", "prices", "rose", "output", "copper", "aluminium", "scrap",
                         "market", "demand", "in", "of", "and", "to", "a", "was", "by", "for", "on", "with", "as",
                         "week", "traders", "Europe", "China", "12%", "2024", "said,", ";", "."])
PROSE = st.lists(WORDS, min_size=1, max_size=30).map(lambda ws: " ".join(ws).capitalize() + ".")
LINE = st.one_of(st.sampled_from(SNIPPETS), PROSE, st.text(max_size=60))
PAGE = st.lists(LINE, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n"]).map(lambda sep: sep.join(lines)))

# The suite runs a fixed, derandomized sample (CI stays deterministic); PROPERTY_EXAMPLES=5000 explores afresh.
EXPLORE = "PROPERTY_EXAMPLES" in os.environ
SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "300")), deadline=None,
                    derandomize=not EXPLORE, suppress_health_check=[HealthCheck.too_slow])

# On a failure hypothesis writes a patch with libcst (when installed), whose import warns; under
# `filterwarnings = error` that becomes an internal error hiding the falsifying example. Import it quietly first.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):
        import libcst  # noqa: F401


def render(title: str | None, paragraphs: tuple[str, ...]) -> str:
    """A cleaned page written back out as a plain-text page: headline, blank line, paragraphs."""
    return "\n\n".join(([title] if title else []) + list(paragraphs))


Q = "Will copper scrap discounts keep narrowing as Chinese smelters chase feed in the next year?"
P = "The meeting stressed that enterprises should strengthen cooperation with universities and research institutes."


@SETTINGS
@given(PAGE)
# Pages hypothesis once found to clean differently the second time (kept as regressions):
@example(f"Home > News > Aluminium\n{Q}\n{P}")                     # a headline below chrome only
@example(f"{Q}\n{Q}\n0")                                           # printed twice, little below
@example(f"Related Posts\n{Q}\n0")                                 # a section heading above
@example(f"{Q}\n{Q}\nRelated Posts")                               # a section heading with no article
@example(f"{Q}\n{Q}\nThe.\n{P}")                                   # the repeat must not start the body
@example(f"The.\nAuthor: Release Time:2021/01/17 00:00:00\n由中国有色金属工业协会再生金属分会组织...\n"
         f"协会工作 | 再生金属分会召开理事会\n{P}")                     # standfirst lines only right above
@example(f"协会工作 | 再生金属分会召开理事会\nThe.\n{Q}\nRelated Posts\nAuthor: Release Time:2021/01/17")
# Short lines kept under a short article whose tail (a section and the prose below it) was cut: written
# back out, the page read as a short article over a menu and was narrowed as a whole-page dump.
@example("\n".join([P, *["The the the the the the.", "0", "00", "The."] * 2, "a", "A headline for a page",
                     "Related Posts", " ".join([P] * 3)]))
@example("\n\n".join([P, "The the the the the the.", "0", "00", "The.", "The the the the the the.", "The.", "a",
                       "A headline for a page"]))
def test_cleaning_is_idempotent(text: str) -> None:
    first = clean_text(text)
    assume(first.paragraphs)                 # no body is NoArticleError: nothing to clean again
    again = clean_text(render(first.title, first.paragraphs))
    assert again.paragraphs == first.paragraphs
    assert again.title == first.title


@SETTINGS
@given(PAGE)
def test_body_is_a_subsequence_of_the_input_lines(text: str) -> None:
    draft = clean_text(text)
    input_lines = [fold(line) for line in text.replace("\r\n", "\n").split("\n")]
    remaining = iter(input_lines)
    assert all(any(p == line for line in remaining) for p in draft.paragraphs)   # in order, each used once
    assert draft.title is None or is_printed_headline(draft.title, input_lines)


def is_printed_headline(title: str, lines: list[str]) -> bool:
    """The title is a line of the input, the headline piece of one (`栏目名 | 标题` less its column's name:
    text/dumphead.without_column_label), or a line joined to the dash-led subtitle under it (with_subtitle)."""
    joined = [f"{a} {b}" for a, b in zip(lines, lines[1:], strict=False)]
    return title in lines or title in joined or any(after_a_bar(title, line) for line in lines)


def after_a_bar(title: str, line: str) -> bool:
    """`line` is `label | title` (bars ` | `, `｜`, ` » `): the title is the whole piece after a bar, not any
    tail of the line (a title cut short in its middle is no printed headline)."""
    return bool(title) and line.endswith(title) and _BAR_BEFORE.search(line[:-len(title)]) is not None


_BAR_BEFORE = re.compile(r"(?:\s[|»]\s*|｜\s*)$")


def test_a_tail_of_a_line_is_no_printed_headline() -> None:
    lines = ["协会工作 | 再生金属分会召开理事会", "凝聚再生力量", "——热烈祝贺协会成立十周年"]
    assert is_printed_headline("再生金属分会召开理事会", lines)
    assert is_printed_headline("凝聚再生力量 ——热烈祝贺协会成立十周年", lines)
    assert not is_printed_headline("分会召开理事会", lines)      # a headline cut in its middle
    assert not is_printed_headline("理事会", lines)


@SETTINGS
@given(PAGE)
def test_input_is_not_modified_and_result_is_deterministic(text: str) -> None:
    copy = str(text)
    assert clean_text(text) == clean_text(text)
    assert text == copy


@SETTINGS
@given(st.one_of(st.text(max_size=2000), PAGE))
def test_any_text_gives_an_article_or_a_cleanfeed_error(text: str) -> None:
    try:
        article = cleanfeed.clean(text, fetched_at="2024-01-01")
    except CleanfeedError:
        return
    assert article.text and article.title
    assert "\ufffd" not in article.text and "\x00" not in article.text


@SETTINGS
@given(st.one_of(st.binary(max_size=3000), PAGE.map(lambda t: t.encode("gb18030", "replace")),
                 PAGE.map(lambda t: t.encode("utf-16"))))
def test_any_bytes_give_an_article_or_a_cleanfeed_error(data: bytes) -> None:
    try:
        article = cleanfeed.clean(data)
    except CleanfeedError:
        return
    assert article.text and article.title
