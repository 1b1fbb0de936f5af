"""Text dumps saved by a text-mode browser (lynx, w3m: paragraphs hard-wrapped at ~80 columns, link
references `[12]` and a numbered list of URLs at the end) are read one line per block again before the dump
pipeline (text/unwrap.py): a wrapped paragraph is one paragraph of the article, list items, table rows and
headings stay lines, the references go; a dump with one line per block is left exactly as it is."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.text.unwrap import unwrap_dump

OWN = Path(__file__).parent / "wrapdumps"

EN_BODY = [
    "The secondary aluminium line at the Northgate smelter restarted on Monday after a stop of almost four months, "
    "the company said, as scrap deliveries from the port recovered and the price of power eased from its January "
    "peak.",
    "The line melts used beverage cans and window profiles into extrusion billet for builders in the region. Plant "
    "manager Tomas Ek said the furnaces were brought up slowly over the weekend and that the first billet was cast "
    "on Monday morning, with full output expected by the end of the month.",
    "Scrap dealers on the coast said they had held back material during the stop and expected prices for sorted can "
    "scrap to firm in the coming weeks. One dealer said yards were full and that shipments would resume as soon as "
    "the smelter confirmed its intake schedule.",
    "* Billet output of 9,000 tonnes a month from April, up from 8,300 tonnes before the stop.",
    "* Recycled content above 85 percent in every cast.",
    "Analysts said the restart would ease a shortage of billet in the region, where two smaller casthouses closed "
    "last year, but warned that power prices remained the largest risk for the rest of the season.",
]
ZH_BODY = [
    "记者从行业协会获悉，今年一季度华东地区再生铜企业累计生产精炼铜和铜杆约四十二万吨，同比增长百分之十二。协会表示，"
    "废铜进口恢复和国内回收体系的完善是产量增长的主要原因。",
    "协会有关负责人指出，当前废铜价格波动较大，企业应加强原料采购管理，合理安排生产计划，同时继续推进节能降碳改造，"
    "提高再生资源综合利用水平。",
    "• 精炼铜产量：二十八万吨",
]
DE_BODY = [
    "Der Recyclinghof im Bremer Hafen nimmt ab April auch sortierten Aluminiumschrott aus Gewerbebetrieben an. Nach "
    "Angaben des Betreibers wurde dafür eine zweite Halle mit einer neuen Waage und einer Sortieranlage für Profile "
    "und Bleche gebaut.",
    "„Wir sehen eine stabile Nachfrage der Gießereien nach sauberem Schrott“, sagte Geschäftsführer Olaf Brandt. Die "
    "Preise für Profilschrott seien seit Jahresbeginn leicht gestiegen, die Mengen aus dem Bau jedoch noch gering.",
    "• Mindestmenge 200 Kilogramm",
]


@pytest.mark.parametrize(("name", "body", "title"), [
    ("en_lynx_smelter_restart.txt", EN_BODY,
     "Coastal smelter restarts its secondary aluminium line after a long winter stop"),
    ("zh_w3m_copper_output.txt", ZH_BODY, "华东再生铜企业一季度产量同比增长百分之十二"),
    ("de_w3m_recycling_yard.txt", DE_BODY, None),
])
def test_a_wrapped_dump_gives_whole_paragraphs(name: str, body: list[str], title: str | None) -> None:
    article = clean((OWN / name).read_text("utf-8"))
    paragraphs = article.text.split("\n\n")
    assert [p for p in body if p not in paragraphs] == []
    assert "[" not in article.text and "https://" not in article.text
    assert title is None or article.title == title
    assert article.published is not None


def test_an_english_wrapped_dump_leaves_menus_tables_and_footer_out_of_the_paragraphs() -> None:
    article = clean((OWN / "en_lynx_smelter_restart.txt").read_text("utf-8"))
    assert "Subscribe" not in article.text and "All rights reserved" not in article.text
    assert "April 9,000 10,100" in article.text.split("\n\n")      # a table row stays a row


LINE_PER_BLOCK = (
    "Metal Ledger\nHome\nMarkets\nPrices\n"
    "Copper scrap prices rise for a third week\n"
    "By Ann Lee | 3 March 2026\n"
    + "Copper scrap prices rose again this week as smelters bought ahead of the spring maintenance season and "
    "traders said supply from the yards stayed tight. " * 3 + "\n"
    "See the list of references [1] and [2] below.\n"
    "References\n1. https://example.org/a\n2. https://example.org/b\n"
)


def test_a_dump_with_one_line_per_block_is_left_as_it_is() -> None:
    assert unwrap_dump(LINE_PER_BLOCK) is LINE_PER_BLOCK


def test_short_lines_that_never_fill_a_width_are_not_joined() -> None:
    menu = "\n".join(f"   Menu item number {i}" for i in range(40))
    assert unwrap_dump(menu) is menu


WRAPPED = """\
   The smelter restarted its line on Monday after a stop of almost four
   months, the company said, as scrap deliveries from the port recovered
   and power prices eased from their January peak in the region.

     * A list item that is long enough to wrap onto a second line under the
       bullet's text.
     * A short item.

   Month      Billet (t)   Scrap bought (t)
   April      9,000        10,100

   The second paragraph of the story is also long enough to be wrapped by
   the browser at its width, and it cites a report[3] from the association
   that was published in [4]March this year by the group of recyclers.

   　　近来再生铜企业的产量不断增长，先是华东地区的新生产线投产，接着华南地区
   的多家企业扩大了产能，行业协会表示这一趋势将持续。

References

   1. https://example.org/
   3. https://example.org/report
   4. https://example.org/march
"""


def test_wrapped_lines_join_and_the_rest_stays_lines() -> None:
    lines = [ln.strip() for ln in unwrap_dump(WRAPPED).split("\n") if ln.strip()]
    assert lines == [
        "The smelter restarted its line on Monday after a stop of almost four months, the company said, as scrap "
        "deliveries from the port recovered and power prices eased from their January peak in the region.",
        "* A list item that is long enough to wrap onto a second line under the bullet's text.",
        "* A short item.",
        "Month      Billet (t)   Scrap bought (t)",
        "April      9,000        10,100",
        "The second paragraph of the story is also long enough to be wrapped by the browser at its width, and it "
        "cites a report from the association that was published in March this year by the group of recyclers.",
        "近来再生铜企业的产量不断增长，先是华东地区的新生产线投产，接着华南地区的多家企业扩大了产能，行业协会表示这一趋势将持续。",
    ]


def test_an_articles_own_reference_section_stays() -> None:
    text = WRAPPED.replace("References\n", "References\n\n   1. Smith, J. (2024). Copper recycling in Asia.\n"
                           "   2. Lee, A. (2025). Scrap markets, a review of the year.\n")
    assert "Copper recycling in Asia" in unwrap_dump(text)


def test_an_item_wrapped_under_its_bullet_is_one_item() -> None:
    items = "\n".join([
         '* Copper scrap prices rose again this week as smelters bought ahead of the',
         'spring maintenance season and traders said supply stayed tight in every port.',
         '* Aluminium can scrap was steady after two weeks of gains at the coastal',
         'yards, and dealers expect the price to hold until the smelter restarts its',
         'second line.',
         '* Brass and bronze turnings were quiet, with few buyers and thin offers at the',
         'weighbridge in the north of the region.',
         '* Stainless steel solids fell a little on weaker nickel prices.',
         'Dealers said they would publish the next report on Monday morning as usual,',
         "after the weekly meeting of the association's market committee."])
    assert unwrap_dump(items).split("\n")[:2] == [
        "* Copper scrap prices rose again this week as smelters bought ahead of the spring maintenance season and "
        "traders said supply stayed tight in every port.",
        "* Aluminium can scrap was steady after two weeks of gains at the coastal yards, and dealers expect the "
        "price to hold until the smelter restarts its second line."]
