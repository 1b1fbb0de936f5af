"""The whole-page dump classifier (cleanfeed/textdump.py, cleanfeed/linescore.py): line scores, the
article run with its context smoothing, title / header lines near its top, comment threads and dated
teaser lists cut off, and seed-like pages left exactly as textclean reads them."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanfeed
import cleanfeed.text.clean as textclean
from cleanfeed.text.clean import clean_text, split_lines
from cleanfeed.text.dump import find_region, typed_dump
from cleanfeed.text.dumphead import has_page_title
from cleanfeed.text.dumprun import candidate_runs
from cleanfeed.text.linescore import is_stamp, page_title_match, score_line, title_head

ROOT = Path(__file__).resolve().parents[1]
# tests/textpages/*.dump.txt are whole-page dumps (menus and footer left in); the other pages are seed-like.
DUMPS = sorted(ROOT.glob("tests/textpages/*.dump.txt"))
SEEDLIKE = sorted(ROOT.glob("seeds/*.txt")) + sorted(set(ROOT.glob("tests/textpages/*.txt")) - set(DUMPS))

NAV_ZH = ["环球网首页", "国际", "国内", "社会", "军事", "财经", "科技", "汽车", "房产", "娱乐", "图片", "论坛"]
HOT_ZH = ["1.俄媒称中国年轻人当兵要凭关系 参军需行贿评论240条", "2.中方回应黄岩岛问题评论124条",
          "3.美刊称美空军秘密准备十余年评论115条", "4.北约补给车队在巴遇袭 20余辆油罐车被烧毁",
          "5.伊朗空军高官介绍如何捕获美无人机", "6.怀孕班主任为还债绑架男孩(图)"]
BODY_ZH = [
    "为了进一步支持小型微利企业发展，经国务院批准，现就小型微利企业所得税政策通知如下，请各地遵照执行，并及时反映执行中的问题。",
    "自2012年1月1日至2015年12月31日，对年应纳税所得额低于6万元的小型微利企业，其所得减按50%计入应纳税所得额，按20%的税率缴纳企业所得税。",
    "政策解读",
    "本通知所称小型微利企业，是指符合《中华人民共和国企业所得税法》及其实施条例，以及相关税收政策规定的小型微利企业，各地税务机关应做好宣传。",
]


def zh_dump() -> str:
    return "\n".join([
        "小微企业所得税减半征收标准提高_财经_环球网", *NAV_ZH, "环球网>财经>正文", "订阅环球时报手机报",
        "小微企业所得税减半征收标准提高", "2011-12-09 20:27", "【来源：新华网】", "作者：张三",
        *BODY_ZH, "手机看新闻", "打印", "收藏", "新闻48小时评论排行", *HOT_ZH,
        "图片新闻", "国际", "中国", "台海", "财经", "热词", "版权所有 环球网 京ICP证070478号"])


EN_BODY = [
    "The city council approved the new recycling plan on Monday, after months of debate about its cost and "
    "about who would pay for the new sorting lines.",
    "Officials said the plan would double the share of aluminium cans that are recovered, and that the first "
    "collection points would open in the spring.",
    "What happens next",
    "Residents will receive a letter explaining the changes, and the council will report on the results to "
    "the public at the end of the year.",
]


def en_dump(after: list[str] | None = None) -> str:
    menu = ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Travel", "Video", "Podcasts", "Search"]
    return "\n".join(["City backs recycling plan - The Daily Example", *menu, "City backs recycling plan",
                      "By Jane Doe", "March 3, 2024", *EN_BODY, *(after or []),
                      "About us", "Contact", "Careers", "Terms", "Privacy", "© 2024 Daily Example"])


def keys(text: str) -> list[str]:
    return [line.key for line in split_lines(text)]


# ------------------------------------------------------------------------------------------ line scores

def test_prose_lines_earn_and_menu_items_cost() -> None:
    assert score_line(keys(EN_BODY[0])[0]).weight > 0
    assert score_line(keys(BODY_ZH[0])[0]).weight > 0
    for item in ("Home", "Business", "环球网首页", "新闻48小时评论排行", "4.北约补给车队在巴遇袭 20余辆油罐车被烧毁"):
        assert score_line(keys(item)[0]).weight < 0, item


def test_a_teaser_cut_short_and_a_bare_link_read_as_no_prose() -> None:
    teaser = "由中国有色金属工业协会再生金属分会与阿里巴巴团队合作组织..."
    assert score_line(keys(teaser)[0]).quality < 0.3
    linked = score_line(keys("More at www.example.com/news, today.")[0])
    assert linked.quality < score_line(keys("More at the town hall, today.")[0]).quality and linked.weight < 0


def test_title_head_and_match_never_take_the_site_name() -> None:
    assert title_head("小微企业所得税减半征收标准提高_财经_环球网") == "小微企业所得税减半征收标准提高"
    assert title_head("Daily Example | City backs the new recycling plan") == "City backs the new recycling plan"
    assert page_title_match("city backs recycling plan", "city backs recycling plan - the daily example")
    assert not page_title_match("the daily example", "city backs recycling plan - the daily example")


def test_stamps_are_short_dated_lines_but_not_embedded_posts() -> None:
    stamp = keys("November 19, 2019 at 6:34 am")[0]
    post = keys("— Jane Doe (@jane) November 18, 2019")[0]
    assert is_stamp(stamp, score_line(stamp))
    assert not is_stamp(post, score_line(post))
    assert not is_stamp(keys(EN_BODY[0])[0], score_line(keys(EN_BODY[0])[0]))


# ------------------------------------------------------------------------------------------ the run

def test_candidate_runs_finds_the_heaviest_stretch() -> None:
    runs = candidate_runs([-3, 5, -1, 4, -20, 2, 2, -1])
    assert max(runs) == (8, 1, 4)
    assert (4, 5, 7) in runs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-20, 20), max_size=40))
def test_best_candidate_run_is_the_maximum_subarray(weights: list[int]) -> None:
    best = max((sum(weights[i:j]) for i in range(len(weights)) for j in range(i + 1, len(weights) + 1)), default=0)
    runs = candidate_runs([float(w) for w in weights])
    assert (max(runs)[0] if runs else 0) == max(best, 0)
    for total, start, end in runs:
        assert sum(weights[start:end]) == total


def test_the_article_region_of_a_chinese_dump() -> None:
    page = keys(zh_dump())
    region = find_region(page)
    kept = [page[i] for i in region.keep]
    assert region.is_dump
    assert page[region.title] == keys("小微企业所得税减半征收标准提高")[0]
    assert [page[i] for i in region.header] == keys("2011-12-09 20:27\n【来源：新华网】\n作者：张三")
    assert keys("\n".join(BODY_ZH)) == kept[-len(BODY_ZH):]          # the short subheading is carried
    assert not set(kept) & set(keys("\n".join(NAV_ZH + HOT_ZH)))
    assert sorted(region.keep + tuple(i for i, _ in region.dropped)) == list(range(len(page)))


def test_clean_text_of_a_dump_finds_title_header_and_body() -> None:
    draft = clean_text(zh_dump())
    assert draft.title == "小微企业所得税减半征收标准提高"
    assert list(draft.paragraphs) == BODY_ZH
    assert "2011-12-09 20:27" in draft.header_lines
    assert any(r.rule.startswith("dump-") for r in draft.removed)
    english = clean_text(en_dump())
    assert english.title == "City backs recycling plan"
    assert list(english.paragraphs) == EN_BODY and english.author == "Jane Doe"


def test_a_cleaned_page_written_back_out_is_not_narrowed_again() -> None:
    """Idempotence: text as cleanfeed writes it (blank line between lines, no boilerplate below the
    headline) is never read as a dump, while the same lines one per line still can be."""
    short = ["The meeting stressed that enterprises should strengthen cooperation with universities and "
             "research institutes."]
    kept = [*short, "The the the the the the.", "0", "00", "The.", "The the the the the the.", "The.", "a",
            "A headline for a page"]
    written = "\n\n".join(kept)
    assert list(clean_text(written).paragraphs) == kept
    assert textclean.reads_as_article(written, split_lines(written), textclean.generic_rules())
    one_per_line = "\n".join(kept)
    assert not textclean.reads_as_article(one_per_line, split_lines(one_per_line), textclean.generic_rules())
    assert list(clean_text(one_per_line).paragraphs) == short                 # narrowed as a dump
    boiler = "\n\n".join([*kept, "Copyright © 2024 Example Ltd. All rights reserved."])
    assert not textclean.reads_as_article(boiler, split_lines(boiler), textclean.generic_rules())


def test_a_run_of_menu_lines_inside_the_article_is_dropped() -> None:
    share = ["Share", "Facebook", "Twitter", "LinkedIn", "Email", "Print", "Most read", "Weather"]
    more = ["The plan also sets aside money for a public campaign, which will explain in schools, markets and "
            "libraries how to sort cans, bottles and paper, and why it matters for the city's budget.",
            "Critics of the plan said the council had underestimated the cost of the sorting lines, and that the "
            "target for aluminium would be hard to reach without a deposit on cans, as in other countries."]
    text = en_dump(after=more).replace(EN_BODY[0], EN_BODY[0] + "\n" + "\n".join(share))
    draft = clean_text(text)
    assert list(draft.paragraphs) == EN_BODY + more
    assert set(share) <= {r.text for r in draft.removed}


def test_comments_after_the_article_are_not_article() -> None:
    comments = ["2 responses to “City backs recycling plan”",
                "Sam on March 3, 2024 at 6:34 pm said:",
                "This is a long comment that reads like prose, with commas, full stops and opinions about the "
                "council, the plan, the cost and the letter that residents will receive in the spring.",
                "Alex on March 4, 2024 at 9:02 am said:",
                "Another long comment that goes on about the sorting lines, the budget and the recycling rate, "
                "which the council will not reach this year or next year, or ever, in my opinion."]
    draft = clean_text(en_dump(after=comments))
    assert list(draft.paragraphs) == EN_BODY


def test_a_dated_teaser_list_after_the_article_is_cut() -> None:
    teasers = []
    for n in range(4):
        teasers += [f"Another story number {n} headline", "John Roe", f"March {n + 1}, 2024",
                    f"The first sentence of story {n} goes on for a while, with a comma, and ends with a full stop."]
    draft = clean_text(en_dump(after=teasers))
    assert list(draft.paragraphs) == EN_BODY


def test_hard_wrapped_paragraphs_are_read_as_blocks() -> None:
    wrapped = ("Photos which were released online and are making\nthe rounds on social media show the actress\n"
               "looking absolutely stunning in new make-up photos, and fans loved them.")
    text = en_dump().replace(EN_BODY[2], wrapped)
    assert "looking absolutely stunning in new make-up photos, and fans loved them." in clean_text(text).paragraphs


# ------------------------------------------------------------------------------------------ seed-like pages

@pytest.mark.parametrize("page", SEEDLIKE, ids=lambda p: p.name)
def test_seed_like_pages_are_no_dumps_and_pass_through_whole(page: Path) -> None:
    lines = split_lines(page.read_text(encoding="utf-8"))
    region = find_region([line.key for line in lines])
    assert not region.is_dump
    kept, removed, headline, kind, as_content, document = typed_dump(lines)
    assert (kept, removed, kind, as_content, document) == (lines, [], "article", False, False)
    # a page whose first line is no `<title>` may bring the headline its cues found (text/dump.seed_like)
    assert headline is None or not has_page_title([line.key for line in lines])


@pytest.mark.parametrize("page", DUMPS, ids=lambda p: p.name)
def test_hand_written_dumps_are_read_as_dumps(page: Path) -> None:
    lines = split_lines(page.read_text(encoding="utf-8"))
    assert find_region([line.key for line in lines]).is_dump


@pytest.mark.parametrize("page", SEEDLIKE, ids=lambda p: p.name)
def test_seed_like_pages_clean_as_without_the_dump_hook(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = page.read_text(encoding="utf-8")
    with_hook = clean_text(text)
    monkeypatch.setattr(textclean, "typed_dump", lambda lines, rule=None, article=False, match=None, untitled=False: (
        list(lines), [], None, "article", False, False))
    assert clean_text(text) == with_hook


# ------------------------------------------------------------------------------------------ the headline

SCRAP_DUMP = [
    "Copper scrap imports rise in March as smelters restock - Metals Daily", "Skip to content", "Home", "Markets",
    "Copper", "Aluminium", "Zinc", "Recycling", "Events", "Subscribe", "Login", "Markets",
    "Copper scrap imports rise in March as smelters restock", "Rated 4.8 stars by 1,204 readers",
    "China's imports of copper scrap rose for a second month in March as smelters in the south restocked ahead "
    "of the second quarter, traders and customs data showed on Tuesday.",
    "Arrivals of No.2 copper scrap were strongest at ports in Guangdong, where several secondary refiners resumed "
    "production after the holiday and bought cargoes from Japan and Europe.",
    "Traders said discounts for scrap narrowed against refined cathode as buyers competed for material, while a "
    "firmer yuan made imported cargoes cheaper for local buyers.",
    "Related articles", "Aluminium scrap prices steady in Foshan", "Zinc dross exports fall", "About us", "Contact",
    "Privacy policy", "Terms of use", "Copyright 2024 Metals Daily"]


def test_the_headline_the_title_names_beats_a_line_under_it() -> None:
    """The dump's region finds the headline the `<title>` names; the title is that line, not the rating
    line between it and the body (the line nearest the body won before: wcxb-dev-en rendered as text
    dumps, titles 0.591 → 0.644, every fold up)."""
    lines = split_lines("\n".join(SCRAP_DUMP))
    headline = typed_dump(lines).headline
    assert headline is not None and headline.text == SCRAP_DUMP[12]
    assert clean_text("\n".join(SCRAP_DUMP)).title == SCRAP_DUMP[12]



@pytest.mark.parametrize("row", ["On 5 Mar 2024", "Jane Doe on Mar. 5, 2024", "Video - March 5, 2024"])
def test_a_byline_row_under_the_headline_is_a_header_line(row: str) -> None:
    """A date row between the headline and the body (`Jane Doe on Mar. 5, 2024`) is a header line, so the
    date engine reads it; it used to be removed as `above-body` once the headline above it was chosen
    (wcxb-dev-en rendered as dumps, publication day 0.372 → 0.395)."""
    lines = [*SCRAP_DUMP[:13], row, *SCRAP_DUMP[14:]]
    draft = clean_text("\n".join(lines))
    assert draft.title == SCRAP_DUMP[12]
    assert draft.header_lines == (row,)
    assert cleanfeed.clean("\n".join(lines), fetched_at="2024-03-06").published.value.date().isoformat() == "2024-03-05"


# ------------------------------------------------------------------------------------------ robustness

@pytest.mark.parametrize("text", ["", "\n\n", "Home", "a\nb\nc", "。" * 5000, "x " * 20000,
                                  "\n".join(["Home"] * 500), "\x00\ufffd\u200b junk \ud7ff"])
def test_odd_input_never_crashes(text: str) -> None:
    region = find_region(keys(text))
    assert sorted(region.keep + tuple(i for i, _ in region.dropped)) == list(range(len(keys(text))))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NAV_ZH + HOT_ZH + BODY_ZH + EN_BODY + ["", "Home", "2024-01-01 10:00"]), max_size=60))
def test_region_is_a_partition_in_page_order(lines: list[str]) -> None:
    page = keys("\n".join(lines))
    region = find_region(page)
    dropped = [i for i, _ in region.dropped]
    assert list(region.keep) == sorted(region.keep) and not set(region.keep) & set(dropped)
    assert sorted(list(region.keep) + dropped) == list(range(len(page)))
    assert find_region(page) == region                    # a pure function of the lines


def test_a_comment_policy_notice_ends_the_article() -> None:
    """`Comments are moderated …` (any language) opens the comment form: the columns and blurbs under it are
    the sidebar, however much they read like prose."""
    sidebar = ["Comments are moderated and will be published after review.",
               "Click on the photo of our columnist and read every column he writes about racing, travel and the "
               "city, with new pieces every week, and the archive of the last ten years.",
               "Last column: why the new bridge will cost twice what the council said, and who will pay for it."]
    draft = clean_text(en_dump(after=sidebar))
    assert list(draft.paragraphs) == EN_BODY
    pt = ("ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão "
          "aprovados pelo moderador.")
    assert clean_text(en_dump(after=[pt, *sidebar[1:]])).paragraphs == draft.paragraphs


@pytest.mark.parametrize("sentence", ["The comments of the minister were approved by the board on Monday.",
                                      "Comments on the draft are closed, the ministry said on Monday."])
def test_a_sentence_about_comments_is_no_comment_policy(sentence: str) -> None:
    from cleanfeed.rules.linerules import first_match
    from cleanfeed.text.linescore import dump_rules

    assert first_match(dump_rules(), keys(sentence)[0]) is None


def test_a_reprint_notice_that_the_site_does_not_share_the_views_is_dropped() -> None:
    """`凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点…`: the notice under every
    reprinted item; it made two different short news items of one site one story."""
    notice = ("• 凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点，"
              "也不代表本网对其真实性负责。您若对该稿件内容有任何疑问或质疑，请即与本网联系，本网将迅速给您回应并做处理。")
    draft = clean_text("\n".join(["小微企业所得税减半征收标准提高", *BODY_ZH, notice]))
    assert list(draft.paragraphs) == BODY_ZH
    assert notice in {r.text for r in draft.removed}


def test_the_sidebar_far_below_a_comment_policy_notice_never_wins() -> None:
    """Below the comment form's notice, at any distance, is the thread or the sidebar: its column teasers
    outweigh a short article, and still are not it."""
    short = EN_BODY[:2]
    sidebar = ["Columns", "Racing", "Travel", "City", "Archive",
               *[f"Click on the photo of our columnist number {n} and read every column she writes about racing, "
                 "travel and the city, with new pieces every week, and the archive of the last ten years, which "
                 "goes back to the first season of the league and its first champion." for n in range(4)]]
    text = en_dump(after=["Comments are moderated and will be published after review.", *sidebar])
    draft = clean_text(text.replace("\n".join(EN_BODY), "\n".join(short)))
    assert list(draft.paragraphs) == short


def test_an_interview_question_is_no_credit_line() -> None:
    """`记者：……？` opens a question of an interview (the answer follows); `记者：张三` stays a credit."""
    qa = ["记者：国际评级机构一次下调了欧元区九个国家的评级，但欧洲股市似乎并不为此担忧？",
          "李明：欧洲股市此前已经充分消化了评级下调的预期，所以这次宣布并没有带来新的冲击，市场反应平稳。"]
    draft = clean_text("\n".join(["欧股已不怕评级", *BODY_ZH[:2], *qa, "记者：张三"]))
    assert list(draft.paragraphs) == [*BODY_ZH[:2], *qa]


def test_a_paragraph_in_cyrillic_or_hangul_is_prose() -> None:
    """Words of any script count (the word pattern was Latin only: a Russian dump had no paragraph, and
    its first paragraph became the headline)."""
    ru, ko = split_lines("Эта диета пришла к нам с запада и в своей основе содержит ограничение на количество "
                         "углеводов.\n정부는 다음 달부터 재활용 금속의 수입 절차를 간소화하고 관련 업체의 세금 부담을 "
                         "줄이기로 했다고 밝혔다 오늘.")
    assert ru.prose and ko.prose


def test_a_dump_with_no_printed_headline_takes_its_page_title_less_the_site() -> None:
    menu = ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Travel", "Video", "Podcasts", "Search"]
    text = "\n".join(["Council backs the recycling plan - The Daily Example", *menu, *EN_BODY, "About us", "Contact",
                      "Careers", "Terms", "Privacy", "© 2024 Daily Example"])
    draft = clean_text(text)
    assert draft.title == "Council backs the recycling plan"
    assert list(draft.paragraphs) == EN_BODY


def test_a_line_ending_in_qian_is_a_relative_time_only_with_an_amount_before() -> None:
    """`3小时前` / `两天前` is an item's stamp; `截至目前` (so far) or `会议之前` (before the meeting) is a
    short line of the story: three of them after the first paragraph cut the run as a dated list did."""
    from cleanfeed.text.dumprun import cut_at_stamps
    from cleanfeed.text.linescore import line_scores, mentions_time

    prose = ("再生铜杆企业本周开工率小幅回升，废铜精废价差收窄至一千五百元每吨左右，"
             "下游线缆订单仍显疲弱，市场观望情绪浓厚。")
    story = ["再生铜周评", prose, "截至目前", prose + "一", "会议之前", prose + "二", "展望今后之前", prose + "三"]
    assert cut_at_stamps(story, line_scores(story), 0, len(story)) == len(story)
    dated = ["再生铜周评", prose, "3小时前", prose + "一", "两天前", prose + "二", "10分鐘前", prose + "三"]
    assert cut_at_stamps(dated, line_scores(dated), 0, len(dated)) < len(dated)
    assert [mentions_time(k) for k in ("5 分钟前", "1个月前", "截至目前", "目前")] == [True, True, False, False]
