"""text/body.thread_index_at reads "no paragraph but post rows below" off `last_story_line`, computed once per body;
it asked every line below each post row before (quadratic in a long thread index with a reply under it). The
answers must be the old ones: compared here with the old definition, kept as the reference, on random dumps."""
from __future__ import annotations

import random
from collections.abc import Sequence

from cleanfeed.text.body import POST_ROW_REACH, POST_ROWS, is_post_row, last_story_line, thread_index_at
from cleanfeed.text.lines import Line, split_lines

PIECES = [
    "Re: the yard question - jdoe 08/11/2005 4:06 PM (12)",
    "再生铝价格走势讨论【梅子】08-11 16:58 138字 [140/0]",
    "Opening night 2025-08-14 19:30",
    "The council met on Monday to decide the future of the old scrap yard by the river in town.",
    "Replies",
    "回复：",
    "Short line",
    "The concert starts at 7:30 PM (doors at 6:45), and the hall keeps its late bar open until midnight.",
    "",
]


def old_thread_index_at(lines: Sequence[Line], n: int) -> bool:
    """The definition before the mend (2166fcd), the reference."""
    if not is_post_row(lines[n].text):
        return False
    if sum(is_post_row(ln.text) for ln in lines[n:n + POST_ROW_REACH]) < POST_ROWS:
        return False
    return not any(ln.prose and not is_post_row(ln.text) for ln in lines[n + 1:])


def test_thread_index_at_gives_the_old_answers_on_random_dumps() -> None:
    rng = random.Random(17)
    asked = 0
    for _ in range(600):
        lines = split_lines("\n".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))))
        end = last_story_line(lines)
        for n in range(len(lines)):
            assert thread_index_at(lines, n, end) == old_thread_index_at(lines, n), ([ln.text for ln in lines], n)
            asked += 1
    assert asked > 5000
