"""A footer line ends a dump's article only below kept prose, as in the HTML block filter (`prose_seen`).

Class: a layout table's cells read a line each (markdownify's nested table, i17bh) put a blog theme's
`Powered by Tumblr` under the blog's name and over the story; the story is a changelog of `+ Added …` items
with no sentence end, so "a footer line with no paragraph below it" cut the whole story (mozilla-multi's
`tumblr` page under markdownify: F1 0.92 → 0). Hand-written page of that shape; the real footer case beside it."""
from __future__ import annotations

import cleanfeed

CHANGES = " ".join(f"+ Added {thing}" for thing in (
    "granite, andesite and diorite stone blocks with smooth versions", "a slime block", "an iron trapdoor",
    "prismarine and sea lantern blocks", "the ocean monument", "red sandstone", "banners", "armor stands",
    "coarse dirt where grass will not grow", "guardian mobs with item drops", "an endermite mob",
    "rabbits with item drops", "mutton and cooked mutton", "a spectator game mode", "one new achievement",
    "a customized world type", "a hidden debug world type", "a world barrier", "the blockdata command",
    "the clone command", "the execute command", "the fill command", "the particle command"))

LINKS = " ".join(f"[{name}](https://{host}/)" for name, host in (
    ("Smelter.net", "smelter.example.net"), ("Smelter on Facebook", "www.facebook.com/smelter"),
    ("Bug tracker", "bugs.example.org"), ("Account Support", "help.example.org"),
    ("Support on Twitter", "twitter.com/SmelterSupport")))
STORY_CELL = (f"[Smelter Update 2.4 - The Furnace Release](http://smelter.example.org/post/2) {CHANGES} "
              '[Newer](http://smelter.example.org/post/3 "Newer Posts")[Older](http://smelter.example.org/post/1)')
# markdownify writes the layout table nested in the outer row's cell on one line, as the real page's dump
HEADER_FOOTER_LINE = ("Smelter Update 2.4 - The Furnace Release - Smelter Update News\n\n\n\n"
                      "|  |  |  |\n| --- | --- | --- |\n"
                      f"| | | --- | --- | | Smelter News | [Powered by Tumblr](http://tumblr.com/) | {STORY_CELL} "
                      f"| Official links:{LINKS} |\n")

REAL_FOOTER = """Copper scrap imports rise in October

Imports of copper scrap rose for the third month in October, customs figures showed on Tuesday, as smelters in the
south bought more material ahead of the winter and merchants cleared stocks held since the summer.

The association said demand for bright wire and number two copper stayed firm, while prices for mixed grades slipped.

Copyright 2024 Metals Weekly. All rights reserved.

About us
Contact
Advertise
"""


def test_a_footer_line_under_only_the_site_name_does_not_cut_the_story() -> None:
    text = cleanfeed.clean(HEADER_FOOTER_LINE).text
    assert "+ Added the particle command" in text
    assert "Powered by Tumblr" not in text


def test_a_footer_line_under_the_story_still_ends_it() -> None:
    text = cleanfeed.clean(REAL_FOOTER).text
    assert "mixed grades slipped" in text
    assert "Copyright" not in text and "Advertise" not in text
