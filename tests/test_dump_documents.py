"""A document of short lines in a whole-page dump (cleanfeed/text/dumpdoc.py): a meeting agenda under its
headline, a flattened table under its introduction down to the footer, a notice's sign-off. The pages themselves
are tests/textpages/zh_*xiehui_meeting_agenda.dump.txt, zh_*feigang_admission_list.dump.txt and
zh_*xiehui_notice_signoff.dump.txt; here are the guards: a box of teaser links between a story's headline and its
lead, a numbered list of related headlines under a story, and a dated teaser under a story stay out in both
scripts, and the stretch stops at boilerplate."""
from __future__ import annotations

import pytest

from cleanfeed.rules.linerules import first_match, generic_rules
from cleanfeed.text.clean import clean_text
from cleanfeed.text.dumpdoc import sign_off, stretch_down, stretch_up
from cleanfeed.text.lines import split_lines
from cleanfeed.text.linescore import dump_rules, line_scores

MENU = ["首页", "新闻", "行情", "政策", "企业", "统计", "会展", "会员"]
STORY = [
    "受废铝供应偏紧影响，近一个月华东地区废铝价格累计上涨近八个百分点，多家再生铝企业开始联合采购，以降低原料成本。",
    "业内人士介绍，联合采购可以让中小企业获得与大型回收商议价的能力，也有助于稳定原料来源，减少价格大起大落带来的经营风险。",
    "协会方面表示，将推动建立废铝价格信息共享平台，引导企业理性采购，避免集中抢购推高价格，并加强对中小企业的采购指导。",
]
# A portal's box of teaser links printed between the headline's date line and the story's lead.
TEASERS = ["理财：为什么有人富了 而有人不行", "银行还款是怎么算出来的", "老公有钱 女人就高人一等吗",
           "股票：再生金属板块走强", "废铜价格能走多远", "“以旧换新”成了谁的机会", "评论：回收网点为何难进小区",
           "废纸价格为何一涨再涨", "“买椟还珠”与商品过度包装", "发送HQ到6666 随时随地查行情"]
RELATED = ["1. 废铜价格连续三周上涨", "2. 再生铜原料进口量创新高", "3. 废钢价格小幅回落", "4. 再生铝企业开工率回升",
           "5. 废旧电池回收新规出台", "6. 废纸价格企稳", "7. 再生铅产能继续扩张", "8. 废塑料出口量下降"]
FOOTER = ["关于我们 | 联系我们 | 广告服务 | 网站地图", "版权所有 江南产经网"]
HEADLINE = "废铝价格走高 再生铝企业抱团采购"


def dump(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def traditional(text: str) -> str:
    """The same page in traditional characters (the cleaner folds them to simplified)."""
    table = str.maketrans("价个业开购稳场导为时过与后关连续进们务网统计项铝铜铅废电池旧换区闻会员产经报记录单",
                          "價個業開購穩場導為時過與後關連續進們務網統計項鋁銅鉛廢電池舊換區聞會員產經報記錄單")
    return text.translate(table)


def teaser_box_page() -> str:
    return dump([f"{HEADLINE}_江南产经网"], MENU, ["您现在的位置：首页 > 行业 > 正文", HEADLINE,
                                                    "2024-03-12 09:15 来源：江南产经网"], TEASERS, STORY, FOOTER)


def related_list_page() -> str:
    return dump([f"{HEADLINE}_江南产经网"], MENU, ["您现在的位置：首页 > 行业 > 正文", HEADLINE,
                                                    "2024-03-12 09:15 来源：江南产经网"], STORY,
                ["江南产经网出品", "行业观察", "本周看点"], RELATED, FOOTER)


@pytest.mark.parametrize("script", [str, traditional], ids=["simplified", "traditional"])
def test_a_box_of_teaser_links_under_the_headline_is_no_document(script: object) -> None:
    text = script(teaser_box_page())    # type: ignore[operator]
    body = clean_text(text).paragraphs
    assert len(body) == len(STORY) and body[0].startswith(script("受废铝供应偏紧"))    # type: ignore[operator]


@pytest.mark.parametrize("script", [str, traditional], ids=["simplified", "traditional"])
def test_a_numbered_list_of_headlines_a_little_under_a_story_is_no_table_of_it(script: object) -> None:
    text = script(related_list_page())    # type: ignore[operator]
    body = clean_text(text).paragraphs
    assert len(body) == len(STORY) and not any(p.startswith(("1.", "8.")) for p in body)


def _stretch_args(lines: list[str]) -> tuple[list[str], list, tuple]:
    keys = [line.key for line in split_lines("\n".join(lines))]
    return keys, line_scores(keys), (*dump_rules(), *generic_rules().lines, *generic_rules().sections)


def test_the_stretch_up_stops_at_boilerplate_between_headline_and_run() -> None:
    """Eight short lines under the headline, then a share bar, then the run: the share bar stops the stretch."""
    agenda = [f"{k}：会议中心{k}号厅" for k in ("地点", "签到", "茶歇", "午餐", "晚宴", "参观", "返程", "集合")]
    lines = [HEADLINE, HEADLINE, *agenda, "分享到：微信 微博 QQ空间", STORY[0]]
    keys, scores, rules = _stretch_args(lines)
    run = (len(keys) - 1, len(keys))
    assert first_match(rules, keys[-2]) is not None
    assert stretch_up(keys, scores, run, [1], rules, first_match) == run[0]
    without_bar = _stretch_args([*lines[:-2], lines[-1]])
    keys, scores, rules = without_bar
    assert stretch_up(keys, scores, (len(keys) - 1, len(keys)), [1], rules, first_match) == 2


def test_the_stretch_down_needs_the_page_end_close() -> None:
    """A flattened table under the run reaches the footer; the same table followed by a long sidebar does not."""
    rows = [cell for i in range(1, 13) for cell in (str(i), f"华东第{i}再生资源有限公司", "江苏", str(20 + i))]
    keys, scores, rules = _stretch_args([*STORY, *rows, *FOOTER])
    listed = frozenset(range(len(STORY), len(STORY) + len(rows)))
    assert stretch_down(keys, scores, (0, len(STORY)), listed, rules, first_match) == len(STORY) + len(rows)
    sidebar = [f"热点{i}：再生金属行业动态第{i}期" for i in range(30)]
    keys, scores, rules = _stretch_args([*STORY, *rows, *sidebar, *FOOTER])
    assert stretch_down(keys, scores, (0, len(STORY)), listed, rules, first_match) == len(STORY)


@pytest.mark.parametrize("script", [str, traditional], ids=["simplified", "traditional"])
def test_a_dated_teaser_under_a_story_is_no_sign_off(script: object) -> None:
    """A headline of Han characters over its bare date reads like an issuer over its signing day; it names no
    body and no closing formula comes first, so it stays out."""
    teasers = ["再生铜原料进口量创新高", "2024年3月5日", "废钢价格小幅回落", "2024年3月4日"]
    text = script(dump([f"{HEADLINE}_江南产经网"], MENU, [HEADLINE, "2024-03-12 09:15 来源：江南产经网"], STORY,
                       teasers, FOOTER))    # type: ignore[operator]
    assert len(clean_text(text).paragraphs) == len(STORY)


def test_a_sign_off_needs_its_day_and_a_closing_or_a_body() -> None:
    assert sign_off(["特此通知。", "华东再生资源协会", "2024年3月5日"], 0) == 3
    assert sign_off(["华东再生资源协会", "二〇二四年三月五日"], 0) == 2
    assert sign_off(["特此通知。", "2024年3月5日"], 0) == 2
    assert sign_off(["特此通知。", "华东再生资源协会"], 0) == 0           # no signing day
    assert sign_off(["再生铜原料进口量创新高", "2024年3月5日"], 0) == 0    # no body named, no closing formula
    assert sign_off(["华东再生资源协会", "2024年3月5日 来源：协会"], 0) == 0   # a source line, not a bare day
