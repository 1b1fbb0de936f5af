"""Lines a text browser prints for a page's furniture are never a dump's headline candidates (issue 17, task
i17co-dumpheads): a form's controls (lynx's `(BUTTON)`, text fields as `____` or `[    ]`), an embedded frame's
address, a third-level menu item (lynx `o Portland`, w3m `☆ Portland`), a teaser cut short with `…`, a photo's
caption with its credit, a skip link after lynx's link number. Every line here is printed by lynx or w3m from our
own pages in tests/endumptitles (newsletter_form, nested_menu, toc_buttons; SOURCE.md), or is the same class.
"""
from __future__ import annotations

import pytest

import cleanfeed
from cleanfeed.text.dumphead import cue_candidates, tool_furniture
from cleanfeed.text.linescore import line_scores

PROSE = ("An apple tree that has gone twenty years without a cut does not want to be fixed in one winter, and most of "
         "the mistakes people make with old trees come from trying to do exactly that.")
HEADLINE = "Notes on Pruning Old Apple Trees"

FURNITURE = [
    "(BUTTON) Subscribe (BUTTON) Sign in",                                              # lynx: a header's buttons
    "(BUTTON) (BUTTON)",                                                                # lynx: icon-only buttons
    "(BUTTON) Share this guide (BUTTON) Save for later (BUTTON) Print this guide",      # lynx: a tool row
    "Search for: ____________________ (BUTTON) Search",                                 # lynx: a search form
    "First Name ____________________ Best Email ____________________",                 # lynx: a sign-up form
    "Search for: [                    ] Search",                                        # w3m: a search form
    "First Name [                    ] Best Email [                    ] Get the letters",   # w3m: a sign-up form
    "[ ] Remember me on this computer",                                                 # a check box
    "IFRAME: https://www.example.com/ns.html?id=GTM-ABC123",                            # lynx: a frame
    "o Portland",                                                                       # lynx: a third-level item
    "☆ Portland",                                                                       # w3m: a third-level item
    "□ Washington State Offices",                                                       # w3m: a second-level item
    "Most cabinet boxes sold today are particleboard, and in a house near the coast that can swell within a…",
    "Young spears pushing through straw mulch in April Photo: Ida Marsh",               # a caption and its credit
    "[1]Skip to main content",                                                          # lynx: a numbered skip link
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_text_browsers_furniture_is_no_headline_candidate(line: str) -> None:
    keys = [HEADLINE, "By Wren Halloway", line, PROSE]
    candidates, _ = cue_candidates(keys, line_scores(keys), len(keys) - 1)
    assert 2 not in candidates
    assert 0 in candidates


@pytest.mark.parametrize("line", [
    "And finally… trouble brewing",                   # an ellipsis inside a headline
    "Photo Essay: A Winter on the Allotments",        # a label at the start is a headline's kicker, not a credit
    "Why Every Orchard Needs a Pruning Saw [Tested]",
    "Oregon Apple Growers Brace for a Late Frost",    # starts with an `O`, not lynx's bullet
    "In pictures: Changge's recycled aluminium park",  # a photo story's headline: `In pictures:` is no credit
    "In Photos: The Scrap Yard Fire at Night",
    "The Week in Pictures: Copper, Cobalt and Scrap",
])
def test_a_headline_like_line_stays_a_candidate(line: str) -> None:
    keys = ["Orchard Letters", line, "By Wren Halloway", PROSE]
    candidates, _ = cue_candidates(keys, line_scores(keys), len(keys) - 1)
    assert 1 in candidates


@pytest.mark.parametrize("first", [
    "IFRAME: https://www.example.com/ns.html?id=GTM-ABC123",
    "IFRAME: [6]https://www.example.com/ns.html?id=GTM-ABC123",
    "(BUTTON) Skip to main content",
    "Skip to page content Skip to footer navigation",
    "Search for: ____________________ (BUTTON) Search",
    "First Name [                    ] Best Email [                    ] Get the letters",
])
def test_a_text_browsers_furniture_first_is_no_page_title(first: str) -> None:
    """A tool's dump that opens with a frame, a skip link or a form: that first line is no `<title>`, the printed
    headline is the title."""
    blocks = [first, "Orchard Letters", HEADLINE, "By Wren Halloway", PROSE, PROSE.replace("apple", "pear")]
    assert cleanfeed.clean("\n\n".join(blocks)).title == HEADLINE


@pytest.mark.parametrize("line", ["o Portland", "☆ Portland", "(BUTTON) (BUTTON)", "[svg][camera-1-300x2]",
                                  "[]Full-Service Agencies For Small Businesses", "(BUTTON) Skip to main content"])
def test_furniture_is_told_apart(line: str) -> None:
    assert tool_furniture(line)


@pytest.mark.parametrize("line", ["[2025] Massive List of Free Certificates", "Oregon Apple Growers Brace for Frost",
                                  "And finally… trouble brewing", "Skipping Breakfast: What the Studies Say"])
def test_a_headline_is_no_furniture(line: str) -> None:
    assert not tool_furniture(line)
