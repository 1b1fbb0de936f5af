"""Headlines of English whole-page dumps made by the real tools (issue 17): our own pages of five layouts
(tests/endumptitles/SOURCE.md) through lynx with and without its link list, w3m at 80 and 60 columns, html2text and
markdownify. The title must be the page's `<h1>`, not the official-site banner over a government page, the
"NEWS PROVIDED BY" line under a press release's headline, or the first 80 columns of a headline lynx wrapped.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import cleanfeed
from cleanfeed.text.unwrap import unwrap_dump

HERE = Path(__file__).parent / "endumptitles"
DUMPS = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCE.md")
# (page, tool) pairs that fail today, each with its class
FAILING = {
    # the government site's banner line `An official website of …` taken for a `<title>` line
    **{("government", tool): "banner" for tool in ("lynx", "lynxnolist", "w3m", "w3m60", "html2text")},
    # the press release's `NEWS PROVIDED BY …` line over the dateline chosen over the ALL CAPS headline
    **{("press_wire", tool): "provider" for tool in ("lynx", "lynxnolist", "w3m", "w3m60", "html2text",
                                                      "markdownify")},
}


def headline(page: str) -> str:
    """The `<h1>` text of our own page, whitespace collapsed."""
    source = (HERE / f"{page}.html").read_text("utf-8")
    match = re.search(r"<h1>(.*?)</h1>", source, re.S)
    assert match is not None
    return " ".join(match.group(1).split())


def case(dump: Path) -> object:
    page, tool = dump.name.split(".")[:2]
    failing = FAILING.get((page, tool))
    marks = [pytest.mark.xfail(strict=True, reason=failing)] if failing else []
    return pytest.param(dump, id=f"{page}-{tool}", marks=marks)


@pytest.mark.parametrize("dump", [case(d) for d in DUMPS])
def test_the_title_is_the_pages_headline(dump: Path) -> None:
    page = dump.name.split(".")[0]
    assert cleanfeed.clean(dump.read_text("utf-8")).title == headline(page)


def test_lynx_centred_rest_of_a_headline_is_joined() -> None:
    first = "Regional Grain Elevators Add Moisture Sensors Ahead of the Wettest Harvest in a"
    body = textwrap.wrap("Body text of the story goes on here, sentence after sentence. " * 12, 77)
    text = "\n".join([first, " " * 37 + "Decade", "", *("   " + row for row in body)])
    assert unwrap_dump(text).split("\n")[0] == first + " Decade"


def test_a_deeper_row_off_centre_stays_its_own_line() -> None:
    first = "Regional Grain Elevators Add Moisture Sensors Ahead of the Wettest Harvest in a"
    body = textwrap.wrap("Body text of the story goes on here, sentence after sentence. " * 12, 77)
    text = "\n".join([first, " " * 10 + "Decade", "", *("   " + row for row in body)])
    assert unwrap_dump(text).split("\n")[:2] == [first, " " * 10 + "Decade"]
