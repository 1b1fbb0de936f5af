"""Strategies over cleaned text: header lines, the dateline, later body dates; labels and distractors."""
from __future__ import annotations

from cleanfeed.dates.engine import find_dates
from cleanfeed.model import DateContext, Draft, Removed
from cleanfeed.timeutil import UTC, parse_when


def ctx(fetched: str | None = "2021-06-30", language: str = "en") -> DateContext:
    return DateContext(parse_when(fetched, UTC) if fetched else None, UTC, language)


def published(draft: Draft, context: DateContext | None = None) -> tuple[str | None, str | None]:
    found = find_dates(draft, context or ctx()).published
    return (found.value.date().isoformat(), found.source) if found else (None, None)


def test_header_line_beats_dateline_and_body() -> None:
    draft = Draft(title="Forum held", header_lines=("Author: Release Time:2021/01/17 00:00:00",),
                  paragraphs=("On November 12, 2020 the forum was held in Sanya.", "More on March 3, 2021."))
    assert published(draft) == ("2021-01-17", "header:date-only")     # a zero clock says only the day


def test_labelled_publication_date_beats_other_header_dates() -> None:
    draft = Draft(title="T", header_lines=("Updated: Feb 20, 2022 / Published: Feb 18, 2022",), paragraphs=("x",))
    result = find_dates(draft, ctx("2022-03-01"), explain=True)
    assert result.published and result.published.value.date().isoformat() == "2022-02-18"
    assert result.updated and result.updated.value.date().isoformat() == "2022-02-20"


def test_event_and_written_dates_are_not_publication_dates() -> None:
    draft = Draft(title="Notice", header_lines=("成文日期：2022年01月27日", "发布日期：2022年01月28日"),
                  paragraphs=("x",))
    assert published(draft, ctx("2022-02-01", "zh-CN")) == ("2022-01-28", "header:date-only")
    event = Draft(title="Event date: 15 March 2022", paragraphs=("Posted on 1 March 2022", "Join us for jazz."))
    assert published(event, ctx("2022-03-05")) == ("2022-03-01", "header:date-only")


def test_dateline_in_the_second_paragraph() -> None:
    draft = Draft(title="T", paragraphs=("The industry is highly valued by the province.",
                                         "On July 16, the research group visited Shangrao.",
                                         "Later, on July 20, more."))
    assert published(draft, ctx("2021-08-01")) == ("2021-07-16", "dateline:inferred:date-only")


def test_dateline_year_inferred_from_the_fetch_time() -> None:
    draft = Draft(title="T", paragraphs=("12月30日下午，市委常委会召开会议，传达学习中央经济工作会议精神。",))
    assert published(draft, ctx("2022-01-02", "zh-CN")) == ("2021-12-30", "dateline:inferred:date-only")


def test_body_date_when_nothing_better() -> None:
    draft = Draft(title="通知", paragraphs=("各市、县人民政府：", "现将有关事项通知如下。", "××省人民政府办公厅",
                                          "二〇二一年一月十七日"))
    assert published(draft, ctx("2021-01-25", "zh-CN")) == ("2021-01-17", "body:date-only")


def test_future_dates_in_the_body_are_rejected() -> None:
    draft = Draft(title="Press release - 2020-12-31",
                  paragraphs=("Registration for the winter seminar on January 15, 2021 opens next week.",))
    result = find_dates(draft, ctx("2021-01-02"), explain=True)
    assert result.published and result.published.value.date().isoformat() == "2020-12-31"
    assert any("after the fetch time" in c.reason for c in result.candidates)


def test_relative_words_in_prose_do_not_count() -> None:
    draft = Draft(title="T", header_lines=("Posted on 2021-06-02",),
                  paragraphs=("The mayor said yesterday that the new bus lanes would open in July.",))
    assert published(draft, ctx("2021-06-10")) == ("2021-06-02", "header:date-only")
    prose_only = Draft(title="T", paragraphs=("The mayor said yesterday that the bus lanes would open.",))
    assert published(prose_only, ctx("2021-06-10")) == (None, None)


def test_relative_date_line() -> None:
    assert published(Draft(title="3天前 · 来源：澎湃新闻", paragraphs=("多地出台稳就业新政。",)),
                     ctx("2022-05-10", "zh-CN")) == ("2022-05-07", "relative:date-only")
    assert published(Draft(title="T", paragraphs=("Today, 10:42 AM - Traffic on the ring road is back to normal.",)),
                     ctx("2022-05-10")) == ("2022-05-10", "relative")


def test_a_date_line_taken_for_the_title() -> None:
    """A short dump's first line may become the headline: a line that is a date still counts."""
    assert published(Draft(title="17 Jan 2021 | 14:32 GMT", paragraphs=("Shares rallied.",)),
                     ctx("2021-01-18")) == ("2021-01-17", "header")
    assert published(Draft(title="Council to vote on the 2021 budget", paragraphs=("x",))) == (None, None)


def test_labelled_date_line_left_in_the_body_counts_as_header() -> None:
    draft = Draft(title="Latest news", paragraphs=(
        "January 3, 2019 - Council elects new chair", "December 28, 2018 - Holiday collection schedule",
        "Council budget vote delayed", "Posted on January 10, 2019", "The vote has been postponed."))
    assert published(draft, ctx("2019-01-12")) == ("2019-01-10", "header:date-only")


def test_no_date_means_none_never_now() -> None:
    draft = Draft(title="About us", paragraphs=("Our company has served customers since 1998.",
                                                "Call 555-0123 for details."))
    result = find_dates(draft, ctx("2024-02-01"), explain=True)
    assert result.published is None and result.updated is None


def test_only_a_modification_date() -> None:
    draft = Draft(title="T", header_lines=("Last updated: 2021-05-04",), paragraphs=("x",))
    result = find_dates(draft, ctx(), explain=True)
    assert result.published and result.published.source == "header:date-only:updated"
    assert result.updated and result.updated.value == result.published.value


def test_every_candidate_says_why() -> None:
    draft = Draft(title="T", header_lines=("发布时间：2021-01-17 09:30:00",),
                  paragraphs=("2016年4月14日，山东冠县女企业家在工厂……", "x"))
    result = find_dates(draft, ctx("2021-01-20", "zh-CN"), explain=True)
    reasons = [c.reason for c in result.candidates]
    assert reasons[0].startswith("won") and all(r.startswith(("won", "lost", "rejected")) for r in reasons)
    assert result.candidates[0].to_dict()["value"] == "2021-01-17T09:30:00+00:00"


def test_a_dated_source_line_cut_below_the_body_beats_an_event_in_the_lead() -> None:
    """`来源：… | 2019年05月16日`, `(Source: …, 14 June 2022)`: the cleaner cuts the credit as boilerplate; its
    date is when that outlet published the text, and the lead's first date is an event's."""
    zh = Draft(title="市再生金属产业园二期项目开工", paragraphs=("项目于2018年9月12日签约，总投资12亿元。",),
               removed=(Removed("来源：江城日报 | 2019年05月16日", "editor-source"),))
    assert published(zh, ctx("2019-05-20", "zh-CN")) == ("2019-05-16", "source-line:date-only")
    en = Draft(title="Scrap steel exports slow", paragraphs=("The association said in its review released on "
                                                             "June 10 that exports fell.",),
               removed=(Removed("(Source: Metal Trade Weekly, 14 June 2022)", "editor-source"),))
    assert published(en, ctx("2022-06-20")) == ("2022-06-14", "source-line:date-only")
    photo = Draft(title="T", paragraphs=("x",), removed=(Removed("图片来源：新华社 2019年05月10日", "editor-source"),))
    assert published(photo, ctx("2019-05-20", "zh-CN")) == (None, None)          # a photo credit is no source


def test_day_and_month_order_is_settled_by_the_page_or_left_unresolved() -> None:
    settled = Draft(title="T", header_lines=("Posted: 04/05/2021",),
                    paragraphs=("The tender closes on 21/05/2021 and winners follow on 28/05/2021.",))
    assert published(settled, ctx("2021-05-10"))[0] == "2021-05-04"            # the page writes day first
    american = Draft(title="T", header_lines=("Updated 06/15/2022 | Posted 06/02/2022",), paragraphs=("x",))
    assert published(american, ctx("2022-06-20"))[0] == "2022-06-02"          # its update stamp is month first
    alone = Draft(title="T", header_lines=("Posted 05/06/2020",), paragraphs=("The yard reopened.",))
    result = find_dates(alone, ctx("2020-07-01"), explain=True)
    assert result.published is None and any("order unknown" in c.reason for c in result.candidates)
    assert published(alone, ctx("2020-07-01", "en-GB"))[0] == "2020-06-05"     # the region settles it
    assert published(alone, ctx("2020-07-01", "fr"))[0] == "2020-06-05"
    assert published(alone, ctx("2020-05-10"))[0] == "2020-05-06"              # 5 June is after the fetch
    twelve_hour = Draft(title="T", header_lines=("7/5/2005 9:23:57 PM",), paragraphs=("x",))
    assert published(twelve_hour, ctx("2005-08-01"))[0] == "2005-07-05"       # the United States' way


def test_a_label_in_prose_does_not_make_a_date_line() -> None:
    from cleanfeed.dates.clues import Dated, is_date_line
    from cleanfeed.dates.patterns import find_mentions
    text = ("Exporters shipped 1.2 million tonnes in May, down from 1.5 million in April, the association said "
            "in its monthly review released on June 10.")
    mention = find_mentions(text)[-1]
    assert not is_date_line(text, Dated(mention, "published"), max_len=160)
    line = "Release Time: 2021/01/17 Author: Li Ming Source: Alloy Wiki Views: 123"
    assert is_date_line(line, Dated(find_mentions(line)[0], "published"), max_len=160)
