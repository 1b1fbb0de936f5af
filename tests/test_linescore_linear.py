"""A text line of one long run of digits (a flattened table cell, an ID, a page of digits) is read in linear time:
the relative-time pattern (`3小时前`) tried every digit of the run as a number's start, each time to the run's
end, so a line of 4,000 digits took 13 s to clean and one of 20,000 several minutes (r9-review)."""
from __future__ import annotations

import time

from cleanfeed import clean
from cleanfeed.text.linescore import mentions_time

PROSE = "Copper rose on Monday as traders bought more metal from the smelters in Chile. " * 3


def test_a_long_run_of_digits_is_no_time_and_is_read_at_once() -> None:
    started = time.perf_counter()
    assert not mentions_time("1" * 20_000)
    assert mentions_time("1" * 20_000 + "小时前")
    assert time.perf_counter() - started < 1.0     # before: about 5 minutes


def test_a_dump_with_a_line_of_digits_cleans_in_linear_time() -> None:
    started = time.perf_counter()
    article = clean("Copper prices\n" + PROSE + "\n" + "7" * 20_000 + "\n" + PROSE)
    assert article.title == "Copper prices"
    assert time.perf_counter() - started < 10.0    # before: minutes (4,000 digits: 13 s)
