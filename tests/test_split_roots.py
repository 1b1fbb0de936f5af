"""The mechanisms behind tests/pages/zhsplit: a root from the container its printed headline opens
(html/underheadline.from_headline), a record table read as its story (html/recordtable), like boxes in
wrappers joining the root and a story printed one <div> per paragraph (html/score._with_siblings)."""
from __future__ import annotations

import lxml.html

from cleanfeed import clean
from cleanfeed.html.recordtable import drop_record_fields
from cleanfeed.html.underheadline import from_headline

STORY = ("区市场监管局联合区商务局对辖区内12家大型商超开展食品安全专项检查，重点检查进货查验记录和冷链食品储存温度。"
         "检查中发现2家商超存在问题，执法人员当场下达责令改正通知书。")
SIDE = "区市场监督管理局是区政府工作部门，负责全区市场综合监督管理，统一登记市场主体，组织和指导市场监管综合执法工作。"


def _cells(left: str, right: str) -> tuple[list[lxml.html.HtmlElement], lxml.html.HtmlElement]:
    row = lxml.html.fromstring(f"<table><tr><td>{left}</td><td>{right}</td></tr></table>").find(".//tr")
    cells = list(row)
    return cells, (row.xpath(".//h1") or row.xpath(".//h3"))[0]


def test_a_side_cell_ahead_of_the_headlines_cell_goes() -> None:
    cells, h1 = _cells(f"<p>{SIDE}</p><h3>最新动态</h3>", f"<h1>专项检查</h1><p>{STORY}</p>")
    assert from_headline(cells, h1) == cells[1:]


def test_an_image_only_cell_ahead_stays() -> None:
    cells, h1 = _cells('<img src="/a.jpg">', f"<h1>专项检查</h1><p>{STORY}</p>")
    assert from_headline(cells, h1) == cells


def test_text_above_the_headline_in_its_cell_keeps_every_root() -> None:
    cells, h1 = _cells(f"<p>{SIDE}</p>", f"<p>导语在标题之上。</p><h1>专项检查</h1><p>{STORY}</p>")
    assert from_headline(cells, h1) == cells


def test_a_box_titled_alike_with_no_story_under_it_keeps_every_root() -> None:
    cells, h1 = _cells(f"<p>{STORY}</p>", "<h3>专项检查</h3><a href='/s'>分享</a>")
    assert from_headline(cells, h1) == cells


def test_the_headline_in_the_first_root_changes_nothing() -> None:
    cells, h1 = _cells(f"<h1>专项检查</h1><p>{STORY}</p>", f"<p>{SIDE}</p>")
    assert from_headline(cells, h1) == cells


def _record(rows: str) -> tuple[lxml.html.HtmlElement, list[str]]:
    body = lxml.html.fromstring(f"<html><body><table>{rows}</table></body></html>").find("body")
    removed = [r.text for r in drop_record_fields(body)]
    return body, removed


def test_a_record_table_keeps_its_story_alone() -> None:
    body, removed = _record("<tr><th>發布日期</th><td>113-05-20</td></tr>"
                            f"<tr><th>內容</th><td><p>{STORY}</p><p>{SIDE}</p></td></tr>"
                            "<tr><th>聯絡人</th><td>林科長 電話：(02)2366-2000</td></tr>")
    assert ["".join(r.split()) for r in removed] == ["發布日期113-05-20", "內容", "聯絡人林科長電話：(02)2366-2000"]
    assert " ".join(body.text_content().split()) == STORY + SIDE


def test_a_table_of_sentences_or_of_two_rows_is_no_record() -> None:
    assert _record(f"<tr><td>第一条，总则</td><td>{STORY}</td></tr><tr><td>a</td><td>b</td></tr>"
                   "<tr><td>c</td><td>d</td></tr>")[1] == []
    assert _record(f"<tr><th>內容</th><td>{STORY}</td></tr><tr><th>附件</th><td>a.pdf</td></tr>")[1] == []


def test_a_record_whose_values_are_all_short_is_left() -> None:
    assert _record("<tr><th>品名</th><td>铜</td></tr><tr><th>价格</th><td>71,320</td></tr>"
                   "<tr><th>涨跌</th><td>+410</td></tr>")[1] == []


def test_like_widgets_in_wrappers_join_the_story() -> None:
    paras = [STORY, SIDE.replace("区市场", "县农业"),
             "大会最后通过年度工作计划及收支预算，并决定下半年组团赴东南亚拓展市场。"]
    sections = "".join(
        f'<section class="el-sec"><div class="c"><div class="col"><div class="w"><div class="text-editor">'
        f'<div class="wc"><p>{p}</p></div></div></div></div></div></section>'
        f"<section class='el-img'><img src='/{k}.jpg'></section>"
        for k, p in enumerate(paras))
    page = (f"<html><head><title>会员大会</title></head><body><h1>会员大会</h1>{sections}"
            "<footer>版权所有</footer></body></html>")
    text = clean(page.encode()).text
    assert all(p in text for p in paras)


def _neighbours(under: str) -> str:
    page = (f"<html><head><title>专项检查</title></head><body><div class='article'><h1>专项检查</h1><p>{STORY}</p>"
            f"<p>{SIDE}</p><div class='pn'>{under}</div></div></body></html>")
    return clean(page.encode()).text


def test_the_blurbs_under_prev_and_next_go() -> None:
    text = _neighbours("<div>上一篇：<a href='/1.html'>废铜价格连续三日上涨</a>"
                       "<p>受期货铜价走高带动，废铜回收价格连续三日上涨。</p></div>"
                       "<div>下一篇：<a href='/2.html'>工信部发布规范条件</a>"
                       "<p>工信部近日发布新版规范条件，提出了更高要求。</p></div>")
    assert text == f"{STORY}\n\n{SIDE}"


def test_a_paragraph_under_prev_next_with_more_story_below_stays() -> None:
    more = "执法人员表示，下一步将继续加大检查力度，对发现的问题跟踪督办，确保整改到位，保障群众“舌尖上的安全”。"
    text = _neighbours(f"<div>上一篇：<a href='/1.html'>废铜价格连续三日上涨</a></div>"
                       f"<p>{more}</p><p>{more}再次强调。</p>")
    assert more in text
