"""Every generic line rule answers a hostile line at once: a pattern whose quantifiers can split one run of
text in many ways (`\\d{1,3}` between two `\\s*`) backtracks exponentially on a line it does not match, and
the page it stands on never finishes cleaning. The lines here are a pager row that fails at its end and runs
of digits, letters and spaces after each rule's trigger words.

No timing is asserted: a sweep that does not finish within a generous guard (seconds, where the shipped
rules take milliseconds for the whole sweep and an exponential pattern takes hours) is a hang."""
from __future__ import annotations

import itertools

import pytest
from helpers.guard import hang_guard

from cleanfeed.rules.linerules import LineRule, first_match, generic_rules
from cleanfeed.text.linescore import dump_rules

GUARD = 30        # seconds before a sweep counts as hung (the pager row as first merged: hours at 20 numbers)
HEADS = ["", "首页 上一页 ", "共3页: ", "股票名称 ", "行情 ", "LME Cu ", "网友评论", "给力", "Reply ", "责任编辑:",
         "【", "(", "share on ", "#a ", "点击进入专题:", "本报记者 ", "关注", "Tags: "]
RUNS = ["1 " * 11, "1" * 40, "12 " * 8, "a " * 20, "a" * 40, "1.5 +0.3% " * 6, "(1票) " * 8, "… " * 20,
        "| " * 20, "第1页 " * 8]
TAILS = ["", "x", " 共200条记录", "。"]


def _rules() -> list[LineRule]:
    return [*generic_rules().lines, *generic_rules().sections, *dump_rules()]


def test_a_pager_row_that_fails_at_its_end_is_answered() -> None:
    """`首页 上一页 1 … 20 下一页 尾页 共200条记录`: the pager pattern as first merged took 3 s at 12 numbers,
    26 s at 13 and hours at 20; it still takes the same pager rows."""
    line = "首页 上一页 " + " ".join(str(i) for i in range(1, 21)) + " 下一页 尾页 共200条记录"
    pager = next(r for r in generic_rules().lines if r.rule == "prev-next")
    with hang_guard(GUARD, "the pager row"):
        assert first_match([pager], line) is None
    assert first_match([pager], "首页 上一页 1 2 3 4 5 6 7 8 9 10 11 12 下一页 尾页") is pager


@pytest.mark.parametrize("head", HEADS)
def test_no_rule_backtracks_on_runs_after_its_trigger_words(head: str) -> None:
    with hang_guard(GUARD, f"rules after {head!r}"):
        for run, tail in itertools.product(RUNS, TAILS):
            for rule in _rules():
                first_match([rule], head + run + tail)
