"""Headlines of English whole-page dumps made by the real tools (issue 17): our own pages of five layouts
(tests/endumptitles/SOURCE.md) through lynx with and without its link list, w3m at 80 and 60 columns, html2text and
markdownify. The title must be the page's `<h1>`, not the official-site banner over a government page, the
"NEWS PROVIDED BY" line under a press release's headline, or the first 80 columns of a headline lynx wrapped.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers.ownpages import h1_text, rendering_case

import cleanfeed
from cleanfeed.text.dumphead import cue_candidates, has_page_title, names_no_line, tool_layout
from cleanfeed.text.linescore import line_scores
from cleanfeed.text.unwrap import unwrap_dump

HERE = Path(__file__).parent / "endumptitles"
DUMPS = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCE.md")
# (page, tool) pairs that fail today, each with its class. Passing since the dump's blank-line layout says its
# tool prints no `<title>` (dumphead.tool_layout): the government site's banner `An official website of …` was
# taken for a `<title>` line (5 tools), and the press release's `NEWS PROVIDED BY …` line over the dateline
# chosen over the ALL CAPS headline (6 tools).
# Passing since i17bv-endumptitles: a consumer explainer's numbered "Table of contents" (lynx, lynx -nolist, w3m,
# w3m120 print `2. What happens below freezing?` right over the first section's prose) is no headline candidate.
# Failing with 80f883e, passing since r17-review: a headline starting `Skip to` read as skip links
# (dumphead._SKIP_LINK), a headline led by w3m's empty image box `[]` (an icon in the `<h1>`) read as a picture box
# (dumphead._IMAGE_BOX).
FAILING: dict[tuple[str, str], str] = {}


def headline(page: str) -> str:
    return h1_text(HERE / f"{page}.html")


@pytest.mark.parametrize("dump", [rendering_case(d, FAILING) for d in DUMPS])
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


def test_a_first_line_naming_no_line_is_told_apart() -> None:
    keys = ["An official website of the State of Westmark", "Skip to main content",
            "State expands free radon testing kits to all rural counties", "January 20, 2026"]
    assert has_page_title(keys) and names_no_line(keys)
    named = ["State expands free radon testing kits | Department of Health", *keys[1:]]
    assert not names_no_line(named)


def test_a_tools_blank_line_layout_is_told_from_a_title_first_dump() -> None:
    """Blocks apart by blank lines: a rendering tool's dump (it prints no `<title>`); one line per block with
    no blank line: a title-first scraper's, whose first line is the page's `<title>`."""
    blocks = ["An official website of the State of Westmark", "Skip to main content",
              "State expands free radon testing kits", "January 20, 2026", "The state will send kits. " * 3]
    assert tool_layout("\n\n".join(blocks))
    assert not tool_layout("\n".join(blocks))
    assert not tool_layout("one\n\ntwo\nthree\nfour\nfive\n" * 1 + "x\n" * 40)   # one blank line in 45
    assert not tool_layout("")
    for dump in DUMPS:
        assert tool_layout(dump.read_text("utf-8")), dump.name
    for page in sorted((Path(__file__).parent / "textpages").glob("*.dump.txt")):
        assert not tool_layout(page.read_text("utf-8")), page.name


def test_a_numbered_or_bulleted_item_is_no_headline_candidate() -> None:
    """A contents list as lynx / w3m print it (`1. …`, `* …`, `• …`) sits right over the prose; its items are
    never the headline's candidates, the heading under them and the dated headline far above still are."""
    prose = "A heat pump moves heat rather than making it, pulling warmth from the outdoor air and releasing it inside."
    keys = ["Do heat pumps work in very cold climates?", "Last updated: January 8, 2026", "Table of contents",
            "1. How does a heat pump heat a home?", "2. What happens below freezing?", "* Are they cheaper to run?",
            "• Which models last longest?", "How does a heat pump heat a home?", prose]
    candidates, _ = cue_candidates(keys, line_scores(keys), len(keys) - 1)
    assert 3 not in candidates and 4 not in candidates and 5 not in candidates and 6 not in candidates
    assert 7 in candidates and 0 in candidates
