"""Plain-text snippets through the whole pipeline (`cleanfeed.clean`): date lines the text cleaner cuts as chrome
(above the headline, a counter row), newswire and notice labels, a place before a dateline's date, dates
marked as deadlines or coming days by the word after them, and list items whose dates are the items'."""
from __future__ import annotations

import pytest

from cleanfeed import clean


def day(text: str, fetched: str) -> str | None:
    found = clean(text, fetched_at=fetched).published
    return found.value.date().isoformat() if found else None


@pytest.mark.parametrize(("text", "fetched", "want"), [
    # a weekday-led stamp above the headline, older dates in the body
    ("Mon 14 Mar 2022 07.15 GMT\nHarbour dredging contract awarded\n"
     "The work follows surveys carried out between 2 Feb 2019 and 9 Sep 2020.", "2022-03-15", "2022-03-14"),
    # a place and a foreign date above the headline, a future date in the body
    ("Lisboa, 12 de março de 2021\nGoverno aprova novo apoio à indústria\n"
     "Os pagamentos começam a 1 de julho de 2021.", "2021-03-13", "2021-03-12"),
    # a notice's issuer and its date in Chinese numerals above the title
    ("北岭县应急管理局\n二〇二一年三月八日\n关于做好春季防火工作的通知\n"
     "各乡镇：根据二〇二〇年十月全县安全会议部署，现将有关事项通知如下。", "2021-03-10", "2021-03-08"),
], ids=["weekday-stamp", "place-dateline", "cjk-numerals-notice"])
def test_a_date_line_right_above_the_headline_counts(text: str, fetched: str, want: str) -> None:
    assert day(text, fetched) == want


@pytest.mark.parametrize(("text", "fetched", "want"), [
    ("Filed 09-Jun-2020 16:05 | Energy desk\nNickel output at the smelter fell for a second month, it said.\n"
     "Output peaked on 21-Mar-2020.", "2020-06-11", "2020-06-09"),
    ("Date of publication: 28.02.2017\nCall for tenders: cleaning of municipal buildings\n"
     "Offers are due by 20.03.2017.", "2017-03-01", "2017-02-28"),
], ids=["filed", "date-of-publication"])
def test_newswire_and_notice_labels(text: str, fetched: str, want: str) -> None:
    assert day(text, fetched) == want


def test_a_labelled_date_on_a_counter_row_counts() -> None:
    text = "发布：2020/3/9　浏览：215次\n受疫情影响，园区废旧物资交易大厅暂停开放，3月16日起恢复。"
    assert day(text, "2020-03-11") == "2020-03-09"


@pytest.mark.parametrize(("text", "fetched", "want"), [
    # a deadline (`…日前`) in the opening paragraphs and the signature date at the end of a notice
    ("北岭县财政局关于报送2022年度预算执行情况的通知\n各有关单位：\n请于5月15日前将材料报送县财政局。\n"
     "北岭县财政局\n二〇二二年五月六日", "2022-05-09", "2022-05-06"),
    # a coming day (`…日起`) is the only date: no publication date
    ("园区公告\n受检修影响，园区停车场暂停使用，12月20日起恢复开放。", "2021-12-14", None),
], ids=["deadline-then-signature", "coming-day-only"])
def test_a_deadline_or_a_coming_day_is_no_publication(text: str, fetched: str, want: str | None) -> None:
    assert day(text, fetched) == want


@pytest.mark.parametrize(("text", "fetched"), [
    ("Popular now\n1. Zinc stocks slide as demand cools - 3 May 2021\n2. Tin hits record on supply fears - "
     "2 May 2021\n3. Scrap exports face new rules - 30 Apr 2021\nTerms | Privacy", "2021-05-04"),
    ("热门文章\n• 2020-11-05 废钢价格小幅回落\n• 2020-11-04 再生铝企业开工率回升\nICP备案 | 关于我们", "2020-11-06"),
], ids=["numbered-en", "bulleted-zh"])
def test_a_list_of_dated_items_gives_no_publication_date(text: str, fetched: str) -> None:
    assert day(text, fetched) is None


def test_a_german_date_opening_a_line_is_no_list_item() -> None:
    assert day("12. März 2019\nStadtrat beschließt neuen Haushalt\nDie Sitzung dauerte vier Stunden.\n"
               "3. Lesung am 20. März.", "2019-03-14") == "2019-03-12"


@pytest.mark.parametrize(("text", "fetched", "want"), [
    ("Tin output slips\nEditor: Sara Holm  2019-07-08\nThe smelters made less tin in June than in May, data showed.",
     "2019-07-10", "2019-07-08"),
    ("锡产量小幅下降\n作者：赵敏 | 时间：2019-07-08 | 阅读：88\n6月份锡冶炼企业产量环比下降，数据显示。",
     "2019-07-10", "2019-07-08"),
], ids=["editor-en", "author-row-zh"])
def test_a_dated_author_or_editor_credit_the_cleaner_cut_counts(text: str, fetched: str, want: str) -> None:
    assert day(text, fetched) == want
