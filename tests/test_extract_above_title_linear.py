"""html/extract.filter_blocks reads the blocks in one pass. The above-title cut (6749d33) rebuilt the kept
blocks on every block that repeats the headline, even when nothing was cut, and asked again of every block
kept whether one is the story's paragraph: a page printing its headline again and again (a thread whose
every post repeats the topic as an `<h2>`, a gallery captioned with the title) took time quadratic in its
blocks: 8,000 repeats 10 s, against 0.8 s before the cut (r11-review). What is cut stays the same."""
from __future__ import annotations

import time

from cleanfeed.html.blocks import Block
from cleanfeed.html.extract import filter_blocks

TITLE = "Copper prices rise as traders buy more metal from Chilean smelters"
STORY = ("Copper prices rose on Monday as traders bought more metal from the smelters of Chile, "
         "and the market expects demand to keep growing through the rest of the year.")


def _timed(blocks: list[Block]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    kept = filter_blocks(blocks, TITLE, None).blocks
    return time.perf_counter() - started, [b.text for b in kept]


def test_a_headline_repeated_under_the_story_is_read_in_linear_time() -> None:
    blocks = [Block("p", STORY, f"<p>{STORY}</p>")]
    for i in range(12_000):
        blocks += [Block("p", f"Photo {i} of the smelter", f"<p>Photo {i} of the smelter</p>"),
                   Block("h2", TITLE, f"<h2>{TITLE}</h2>")]
    spent, kept = _timed(blocks)
    assert kept[0] == STORY and TITLE not in kept
    assert spent < 6.0                    # before: about 25 s


def test_the_story_paragraph_far_down_the_kept_blocks_is_found_once() -> None:
    blocks = [Block("li", f"Item {i} of a list of smelters in the Atacama desert",
                    f"<li>Item {i} of a list of smelters in the Atacama desert</li>") for i in range(6_000)]
    blocks.append(Block("p", STORY, f"<p>{STORY}</p>"))
    blocks += [Block("h2", TITLE, f"<h2>{TITLE}</h2>")] * 12_000
    spent, kept = _timed(blocks)
    assert STORY in kept and TITLE not in kept
    assert spent < 6.0


def test_a_headline_over_a_side_column_still_cuts_the_column() -> None:
    side = [Block("p", f"Office function {i}: permits", f"<p>Office function {i}: permits</p>") for i in range(3)]
    blocks = [*side, Block("h1", TITLE, f"<h1>{TITLE}</h1>"), Block("p", STORY, f"<p>{STORY}</p>")]
    _, kept = _timed(blocks)
    assert kept == [STORY]
