"""Headlines of English whole-page dumps made by the real tools (issue 17): our own pages of five layouts
(tests/endumptitles/SOURCE.md) through lynx with and without its link list, w3m at 80 and 60 columns, html2text and
markdownify. The title must be the page's `<h1>`, not the official-site banner over a government page, the
"NEWS PROVIDED BY" line under a press release's headline, or the first 80 columns of a headline lynx wrapped.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleanfeed

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
