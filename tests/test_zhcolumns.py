"""Chinese dumps of a page laid out in a table, saved by w3m: the article's column and a sidebar beside it on
the same lines (`……上涨          • 废纸回收体系建设提速`), the article's column wrapped narrow, sometimes inside
a frame of box characters (`│`, `┌──┐`). Read line by line, every line of the article ends in a sidebar item;
text/columns reads the columns one after the other, so the narrow wrap of the article is found and joined and
the sidebar is a list of its own. Own dumps, both scripts (tests/wrapdumps/SOURCE.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.text.columns import read_columns

OWN = Path(__file__).parent / "wrapdumps"
ZH = OWN / "zh_w3m_columns_scrap_steel.txt"
TW = OWN / "zh_w3m_framed_tw_waste_paper.txt"
ZH_PARAGRAPHS = [
    "本报讯　今年一季度，华东地区废钢回收量同比增长百分之八，回收价格在三月下旬出现小幅回落。多家钢厂表示，电"
    "炉开工率提高带动了对优质废钢的需求，但下游建筑用钢消费恢复偏慢，压制了废钢价格的上涨空间。",
    "业内人士分析，随着废钢加工配送体系逐步完善，区域内规范企业的市场份额持续提高，小型回收站点的数量明显减少"
    "。部分加工企业已经引入破碎线和自动分拣设备，产品质量更加稳定，受到钢厂欢迎。",
    "不过，行业协会也提醒，近期钢材库存偏高，钢厂采购趋于谨慎，废钢价格短期内仍可能震荡。企业应合理安排库存，"
    "关注政策变化，避免盲目扩大产能。",
]
TW_PARAGRAPHS = [
    "本報訊　中部地區廢紙回收價格連續兩個月走揚，紙廠表示，國際紙漿價格上漲，加上包裝紙需求回溫，帶動國內廢紙"
    "收購價格上升約百分之五，回收業者收入明顯改善。",
    "回收業者指出，近年來民眾分類觀念提升，紙類回收品質較過去穩定，但人力成本持續上漲，許多業者只能以延長工時"
    "或引進機械設備因應，經營壓力仍然不小。",
    "環境部官員表示，將持續推動資源回收獎勵措施，並協助業者改善作業環境，希望在提升回收率的同時，兼顧勞工安全"
    "與周邊居民生活品質。",
]


@pytest.mark.parametrize(("path", "paragraphs", "sidebar"), [
    (ZH, ZH_PARAGRAPHS, ["铜价创三个月新高", "热点推荐"]),
    (TW, TW_PARAGRAPHS, ["銅價創三個月新高", "熱門新聞"]),
], ids=["simplified", "traditional-framed"])
def test_the_article_column_beside_a_sidebar_gives_whole_paragraphs(
        path: Path, paragraphs: list[str], sidebar: list[str]) -> None:
    article = clean(path.read_text("utf-8"))
    got = [p.strip("\u3000 ") for p in article.text.split("\n\n")]
    assert [p for p in paragraphs if p.replace("\u3000", " ") not in got] == []     # `本报讯　` as one space
    assert [s for s in sidebar if s in article.text] == []
    assert "│" not in article.text and "─" not in article.text


PRICE_TABLE = "\n".join([
    "品名          规格          价格（元/吨）     涨跌",
    *[f"废钢{i}        重废          {2800 + 10 * i}              +{i}0" for i in range(12)],
    "本报记者整理，仅供参考，据此交易风险自负。",
])


def test_a_price_table_laid_out_in_columns_stays_the_same_object() -> None:
    assert read_columns(PRICE_TABLE) is PRICE_TABLE


def test_a_line_per_block_dump_stays_the_same_object() -> None:
    text = "\n".join(ZH_PARAGRAPHS + ["相关新闻", "铜价创三个月新高", "再生铝进口量下降"])
    assert read_columns(text) is text
