"""html/extract.filter_blocks reads the blocks in one pass. The above-title cut (6749d33) rebuilt the kept
blocks on every block that repeats the headline, even when nothing was cut, and asked again of every block
kept whether one is the story's paragraph: a page printing its headline again and again (a thread whose
every post repeats the topic as an `<h2>`, a gallery captioned with the title) took time quadratic in its
blocks: 8,000 repeats 10 s, against 0.8 s before the cut (r11-review). What is cut stays the same.

No speed claim: the growth is checked against itself. Eight times the blocks must cost well under 20 times the
CPU time of the same call (linear: ~8; the quadratic code: 9-15 at 4 times the blocks, ~60 at 8), so the test
holds on a loaded machine, where a fixed bound in seconds does not."""
from __future__ import annotations

import time
from collections.abc import Callable

from cleanfeed.html.blocks import Block
from cleanfeed.html.extract import filter_blocks

TITLE = "Copper prices rise as traders buy more metal from Chilean smelters"
STORY = ("Copper prices rose on Monday as traders bought more metal from the smelters of Chile, "
         "and the market expects demand to keep growing through the rest of the year.")


def _kept(blocks: list[Block]) -> list[str]:
    return [b.text for b in filter_blocks(blocks, TITLE, None).blocks]


def _growth(make: Callable[[int], list[Block]]) -> float:
    """CPU time of filtering `make(8_000)` over that of `make(1_000)`, after one warm-up call."""
    _kept(make(200))
    spent = []
    for n in (1_000, 8_000):
        blocks = make(n)
        started = time.process_time()
        _kept(blocks)
        spent.append(time.process_time() - started)
    return spent[1] / max(spent[0], 1e-6)


def _repeats(n: int) -> list[Block]:
    blocks = [Block("p", STORY, f"<p>{STORY}</p>")]
    for i in range(n):
        blocks += [Block("p", f"Photo {i} of the smelter", f"<p>Photo {i} of the smelter</p>"),
                   Block("h2", TITLE, f"<h2>{TITLE}</h2>")]
    return blocks


def _list_then_story(n: int) -> list[Block]:
    blocks = [Block("li", f"Item {i} of a list of smelters in the Atacama desert",
                    f"<li>Item {i} of a list of smelters in the Atacama desert</li>") for i in range(n)]
    blocks.append(Block("p", STORY, f"<p>{STORY}</p>"))
    return blocks + [Block("h2", TITLE, f"<h2>{TITLE}</h2>")] * (2 * n)


def test_a_headline_repeated_under_the_story_is_read_in_linear_time() -> None:
    kept = _kept(_repeats(1_000))
    assert kept[0] == STORY and TITLE not in kept
    assert _growth(_repeats) < 20


def test_the_story_paragraph_far_down_the_kept_blocks_is_found_once() -> None:
    kept = _kept(_list_then_story(1_000))
    assert STORY in kept and TITLE not in kept
    assert _growth(_list_then_story) < 20


def test_a_headline_over_a_side_column_still_cuts_the_column() -> None:
    side = [Block("p", f"Office function {i}: permits", f"<p>Office function {i}: permits</p>") for i in range(3)]
    blocks = [*side, Block("h1", TITLE, f"<h1>{TITLE}</h1>"), Block("p", STORY, f"<p>{STORY}</p>")]
    assert _kept(blocks) == [STORY]
