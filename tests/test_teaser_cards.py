"""html/teasercards.py: a trailing run of other stories' cards (a headline link over its blurb) under a story is
found; a forum's reply lines, a story's own linked points followed by more prose, and two cards are not."""
from __future__ import annotations

from cleanfeed.html.blocks import Block
from cleanfeed.html.teasercards import teaser_cards

STORY = Block("p", "近日，区生态环境局对辖区内3家再生资源回收利用企业的排污许可证申请进行了技术审查和现场核查。",
              "近日……")


def headline(text: str) -> Block:
    return Block("h4", text, f"<a>{text}</a>", link_chars=len(text))


def blurb(text: str) -> Block:
    return Block("li", text, text)


def linked_item(link: str, rest: str) -> Block:
    return Block("li", link + rest, f"<a>{link}</a>{rest}", link_chars=len(link))


CARDS = [headline("废铜价格连续三日上涨 回收商惜售情绪升温"),
         blurb("受期货铜价走高带动，华东地区废铜回收价格连续三日上涨，市场成交有所放缓。"),
         headline("工信部发布再生资源综合利用行业规范条件"),
         blurb("工信部近日发布新版规范条件，对企业的规模和环境保护提出了更高要求。"),
         headline("铝合金锭库存降至年内低位"),
         blurb("据统计，主要消费地铝合金锭社会库存较上周减少1.2万吨，降至年内低位。")]


def test_headline_and_blurb_pairs_under_a_story_are_cards() -> None:
    assert teaser_cards([STORY, *CARDS]) == set(range(1, 7))


def test_link_and_blurb_on_one_line_are_cards() -> None:
    rest = "：受期货铜价走高带动，华东地区废铜回收价格连续三日上涨，市场成交放缓。"
    items = [linked_item("废铜价格连续三日上涨", rest) for _ in range(3)]
    assert teaser_cards([STORY, *items]) == {1, 2, 3}


def test_a_forum_threads_reply_lines_are_no_cards() -> None:
    replies = [linked_item("一把辛酸泪啊。", "【皮皮说话】08-11 17:15 80字 [176/0]") for _ in range(4)]
    assert teaser_cards([STORY, *replies]) == set()


def test_cards_followed_by_more_story_are_the_storys_own() -> None:
    more = Block("p", "下一步，区生态环境局将加强证后监管，督促企业严格按证排污、按证监测，定期提交执行报告，"
                      "并公开核发结果。对未按规定提交执行报告的企业，将依法责令改正。", "下一步……")
    assert teaser_cards([STORY, *CARDS, more]) == set()


def test_two_cards_are_not_a_list() -> None:
    assert teaser_cards([STORY, *CARDS[:4]]) == set()


def test_cards_above_the_story_are_not_asked() -> None:
    assert teaser_cards([*CARDS]) == set()


def test_two_cards_whose_blurbs_hold_a_link_are_not_a_list() -> None:
    """MIN_CARDS counts cards: a blurb's small link (`详情` in its sentence) is no third headline (r11-review:
    the linked blocks were counted, so two such cards were cut as a list)."""
    def linked_blurb(text: str) -> Block:
        return Block("li", text + "详情", f"{text}<a>详情</a>", link_chars=2)
    two = [CARDS[0], linked_blurb(CARDS[1].text), CARDS[2], linked_blurb(CARDS[3].text)]
    assert teaser_cards([STORY, *two]) == set()
    assert teaser_cards([STORY, *two, *CARDS[4:]]) == set(range(1, 7))
