"""Flattened tables and item lists in whole-page dumps (cleanfeed/text/listblocks.py): a repeating shape
with numbers, numbered or dated items or links is a list; a menu, a most-read box or a comment bar is not."""
from __future__ import annotations

import pytest

from cleanfeed.text.lines import split_lines
from cleanfeed.text.listblocks import line_shape, list_blocks


def keys(lines: list[str]) -> list[str]:
    return [line.key for line in split_lines("\n".join(lines))]


@pytest.mark.parametrize("line,shape", [
    ("4.12", "D"), ("+0.06", "D"), ("85%", "D"), ("1) Lego Star Wars", "N"), ("1a etapa: 10 de março", "N"),
    ("3 tackles (3 combined).", "N"), ("一、会议时间", "N"), ("June 9 -- Coral Sky Amphitheatre, FL", "T"),
    ("3月5日 北京站", "T"), ("March 1", "W"), ("2012-01-17 会议召开", "W"), ("http://amzn.to/2iJFhRj", "U"),
    ("Kyle Busch", "W"), ("Dealers said prices rose.", "S"), ("", "-"),
])
def test_line_shapes(line: str, shape: str) -> None:
    assert line_shape(line) == shape


def test_a_flattened_table_with_its_header_row_is_one_block() -> None:
    rows = ["Grade", "Price", "Change", "Bare bright", "4.12", "+0.06", "No. 1 copper", "3.98", "+0.05",
            "No. 2 copper", "3.71", "+0.03"]
    assert list_blocks(keys(["Intro paragraph of the article, which ends here.", *rows, "Share"])) == [(1, 13)]


def test_a_numbered_list_with_links_is_one_block() -> None:
    items = [x for n in range(1, 5) for x in (f"{n}) Item number {n}", f"http://example.com/{n}")]
    assert list_blocks(keys(items)) == [(0, 8)]


@pytest.mark.parametrize("lines", [
    ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Travel", "Video"],           # a menu
    [x for n in range(1, 6) for x in (str(n), f"Most read headline {n}")],                      # a most-read box
    ["Permalink", "34 Comments", "Back to top", "34 responses to this", "name says:", "Great read."],
    [x for n in range(1, 5) for x in (f"Teaser headline {n}", "John Roe", f"March {n}, 2024")],  # dated teasers
])
def test_menus_and_teaser_boxes_are_no_blocks(lines: list[str]) -> None:
    assert list_blocks(keys(lines)) == []
