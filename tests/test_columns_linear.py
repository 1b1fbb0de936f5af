"""text/columns.segments reads a line's runs and their cells in one pass: it counted the cells of the whole
line before each run again, so a long Chinese line of many runs between gaps (a flattened table, a tag cloud
drawn by w3m) took quadratic time: 25,000 characters 11 s, 100,000 nearly three minutes, before any article
was read (r10-review). The runs and cells are the same as counted from the line's start each time."""
from __future__ import annotations

import random
import time

from cleanfeed import clean
from cleanfeed.text.columns import _SEGMENT, Segment, segments
from cleanfeed.text.unwrap import display_width


def _by_prefix(line: str) -> list[Segment]:
    """The segments as first written: each run's start counted over the whole line before it."""
    out = []
    for m in _SEGMENT.finditer(line):
        start = display_width(line[:m.start()])
        out.append(Segment(start, start + display_width(m.group()), m.group()))
    return out


def test_segments_are_the_prefix_counts() -> None:
    alphabet = [*"ab1 ，。", "中", "文", "ｱ", "\u3000", "é"]
    rng = random.Random(10)
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert segments(line) == _by_prefix(line), line


def test_a_long_chinese_line_of_many_runs_is_read_in_linear_time() -> None:
    started = time.process_time()
    assert len(segments("中文   " * 40_000)) == 40_000
    assert time.process_time() - started < 5.0     # before: about 12 minutes


def test_a_dump_with_such_a_line_cleans_in_linear_time() -> None:
    prose = "铜价周一上涨，因为贸易商从智利的冶炼厂买入了更多金属，市场预计需求将继续增加。" * 3
    started = time.process_time()
    article = clean("铜价上涨\n" + prose + "\n" + "标签   " * 40_000 + "\n" + prose)
    assert article.text
    assert time.process_time() - started < 30.0    # before: many minutes
