"""html/blocks reads each cell of a data table once (issue i17da, big price tables): `is_data_table` read every
cell's text twice and asked two path searches a cell for blocks inside it, `_table_block` read each cell's text
twice. Compared here with the code it replaced, on every table of the committed pages and on tables built to hit
the edges (blocks in cells, link grids, long cells, empty rows)."""
from __future__ import annotations

import gzip
import html as htmlmod
import random
from pathlib import Path

import lxml.html

from cleanfeed.html.blocks import LINK_GRID, Block, _table_block, is_data_table
from cleanfeed.html.parse import parse_html

TESTS = Path(__file__).parent
HTML = sorted([*TESTS.glob("data/**/*.html"), *TESTS.glob("pages/**/*.html"), *TESTS.glob("pages/**/*.html.gz"),
               *TESTS.glob("data/**/*.htm"), *TESTS.glob("tradepages/*.html")])


def _old_is_data_table(table: lxml.html.HtmlElement) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    if len(rows) < 2:
        return False
    cells = table.findall(".//td") + table.findall(".//th")
    if any(len(c.findall(".//p")) + len(c.findall(".//div")) > 1 for c in cells):
        return False
    chars = sum(len("".join(c.text_content().split())) for c in cells)
    if chars and sum(len("".join(a.text_content().split())) for a in table.iter("a")) >= LINK_GRID * chars:
        return False
    return bool(cells) and sum(len(c.text_content()) for c in cells) / len(cells) < 120


def _old_table_block(table: lxml.html.HtmlElement) -> Block:
    rows = []
    cells_html = []
    for tr in table.iter("tr"):
        cells = [" ".join(c.text_content().split()) for c in tr if c.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
            cells_html.append("<tr>" + "".join(
                f"<{c.tag}>{htmlmod.escape(' '.join(c.text_content().split()), quote=False)}</{c.tag}>"
                for c in tr if c.tag in ("td", "th")) + "</tr>")
    return Block("table", "\n".join(rows), "<table>" + "".join(cells_html) + "</table>")


def _tables(text: str) -> list[lxml.html.HtmlElement]:
    return list(parse_html(text).iter("table"))


def test_tables_of_the_committed_pages_read_as_before() -> None:
    seen = 0
    for path in HTML:
        data = path.read_bytes()
        for table in _tables((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")):
            seen += 1
            assert is_data_table(table) == _old_is_data_table(table), path
            assert _table_block(table) == _old_table_block(table), path
    assert seen > 50


CELLS = ("1,234", "", "  copper  cathode ", "<p>a</p>", "<p>a</p><p>b</p>", "<div>x</div>", "<div><p>y</p></div>",
         "<a href='/x'>link text</a>", "<a href='/y'>铜价</a> 上涨", "<!-- c -->z", "<span> </span>", "价格" * 70,
         "<b>bold</b> <i>it</i>", "<table><tr><td>in</td></tr></table>")


def test_random_tables_read_as_before() -> None:
    rng = random.Random(17)
    data = 0
    for _ in range(600):
        rows = []
        for _ in range(rng.randint(0, 6)):
            cells = "".join(f"<{rng.choice(('td', 'td', 'th'))}>{rng.choice(CELLS)}</td>"
                            for _ in range(rng.randint(0, 5)))
            rows.append(f"<tr>{cells}</tr>")
        for table in _tables(f"<html><body><table>{''.join(rows)}</table></body></html>"):
            assert is_data_table(table) == _old_is_data_table(table)
            assert _table_block(table) == _old_table_block(table)
            data += is_data_table(table)
    assert 50 < data < 500           # (84: both answers are met)
