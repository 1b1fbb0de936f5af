"""Chinese dumps hard-wrapped narrower than a text browser (mobile exports, digests, `fold`, scrapers that wrap
CJK by display width at 16-55 columns) are read one line per block again (text/cjkwrap finds the wrap,
text/unwrap joins it): a wrapped paragraph is one paragraph, joined without a space; price-table rows, menus,
source and editor lines stay lines; a line-per-block Chinese dump is left exactly as it is."""
from __future__ import annotations

from pathlib import Path

from helpers.dumps_zhwrap import render, wrap_line

from cleanfeed import clean
from cleanfeed.text.unwrap import unwrap_dump

OWN = Path(__file__).parent / "wrapdumps"

ZH_BODY = [
    "本报讯（记者李明）今年以来，华南地区再生铝企业开工率持续回升。据行业协会统计，一季度区域内十二家重点企业共生产"
    "再生铝合金锭约三十六万吨，同比增长百分之九点五，其中汽车用压铸合金占比超过六成。",
    "业内人士表示，废铝回收体系逐步完善，进口废铝原料供应趋于稳定，是企业提高开工率的主要原因。与此同时，下游汽车零"
    "部件和家电企业订单回暖，也带动了合金锭的需求。",
    "不过，协会也提醒，近期铝价波动加大，部分中小企业原料库存偏高，资金压力有所上升。企业应合理控制采购节奏，加强套"
    "期保值，避免在价格高位大量囤货。",
    "据了解，当地主管部门正在研究出台支持再生金属产业规范发展的措施，重点推动分拣中心建设和环保设施升级，预计年内将"
    "有三个年处理能力十万吨以上的项目投产。",
]
TW_BODY = [
    "記者陳怡君／台中報導 中部地區廢五金回收業者近來接單明顯增加，多家業者表示，受到國際銅價回升帶動，廢電線、廢馬達"
    "等含銅廢料的收購價格較上月上漲約一成，回收量也同步成長。",
    "台中市資源回收商業同業公會理事長指出，目前回收業最大的問題在於人力不足，許多分類工作仍仰賴人工，年輕人投入意願"
    "不高，業者只能逐步引進自動化分選設備因應。",
    "環境部官員表示，今年將持續補助業者汰換老舊設備，並加強查核非法棄置與露天燃燒，希望在提升回收效率的同時，降低對"
    "周邊居民的影響。",
]


def test_a_narrow_simplified_digest_gives_whole_paragraphs_and_keeps_its_table_rows() -> None:
    article = clean((OWN / "zh_narrow_aluminium_digest.txt").read_text("utf-8"))
    paragraphs = article.text.split("\n\n")
    assert [p for p in ZH_BODY if p not in paragraphs] == []
    assert "ADC12 19850 +150" in paragraphs and "A380 20300 +120" in paragraphs     # one row a line
    assert "责任编辑" not in article.text and "相关新闻" not in article.text and "首页" not in article.text
    assert article.title == "华南再生铝企业开工率回升 一季度产量增近一成"
    assert article.published is not None and article.published.value.isoformat().startswith("2026-03-18")


def test_a_traditional_dump_broken_at_punctuation_gives_whole_paragraphs() -> None:
    article = clean((OWN / "zh_narrow_tw_scrap_copper.txt").read_text("utf-8"))
    paragraphs = article.text.split("\n\n")
    assert [p for p in TW_BODY if p not in paragraphs] == []
    assert "責任編輯" not in article.text and "延伸閱讀" not in article.text
    assert article.title == "中部廢五金回收量增 含銅廢料價格漲一成"
    assert article.published is not None and article.published.value.isoformat().startswith("2026-03-20")


LINE_PER_BLOCK = "\n".join([
    "首页 | 新闻 | 行情 | 企业",
    "铜价走强 再生铜企业加快备货节奏",
    "2026-04-02 来源：有色金属报",
    ZH_BODY[0], ZH_BODY[1],
    "热门文章",
    *["铝锭库存连降三周 现货升水扩大" for _ in range(8)],
    "（责任编辑：张强）",
])


def test_a_line_per_block_chinese_dump_stays_the_same_object() -> None:
    assert unwrap_dump(LINE_PER_BLOCK) is LINE_PER_BLOCK


def test_a_dump_of_a_few_chinese_lines_stays_the_same_object() -> None:
    for text in ("铝价上涨\n铜价下跌", "铝价上涨\n铜价下跌\n锌价持平", "再生铝\n\n再生铜\n再生锌\n",
                 "\u3000\u3000铝\n"):
        assert unwrap_dump(text) is text


def test_a_list_of_equal_headlines_is_not_a_wrap_when_paragraphs_are_wider() -> None:
    text = LINE_PER_BLOCK.replace("热门文章", "\n".join(ZH_BODY[2:]))
    assert unwrap_dump(text) is text


def test_each_width_and_habit_of_the_renderer_is_joined_back() -> None:
    source = "\n".join(["华南再生铝企业开工率回升", "2026-03-18 来源：再生金属周报", *ZH_BODY, "（责任编辑：王芳）"])
    for renderer in ("zh30", "zh36i", "zh44c", "zh50p", "zh40b"):
        lines = [ln.strip("\u3000 ") for ln in unwrap_dump(render(source, renderer)).splitlines()]
        sentences = [s + "。" for p in ZH_BODY for s in p.split("。") if s]     # a break may fall after a 。
        assert [s for s in sentences if not any(s in ln for ln in lines)] == [], renderer
        assert "（责任编辑：王芳）" in lines and "华南再生铝企业开工率回升" in lines, renderer


def test_a_wrap_joins_chinese_without_a_space_and_words_with_one() -> None:
    paragraphs = ["铝价今日上涨，LME three-month aluminium收于每吨2650美元。" * 3,
                  "废铝回收量稳步增长，企业开工率提高，市场信心回升。" * 3,
                  "再生铜杆企业加快技术改造，产品质量稳步提高。" * 3]
    lines = unwrap_dump("\n".join(ln for p in paragraphs for ln in wrap_line(p, 30))).splitlines()
    assert lines == paragraphs
