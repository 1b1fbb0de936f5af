"""`read_line` remembers its answers (a page reads many lines twice): a repeated read gives the first
read's dates, as a list of its own, and the cache never mixes languages or the `relative` switch."""
from __future__ import annotations

from cleanfeed.dates.clues import _read_line, read_line


def test_a_repeated_read_is_a_fresh_list_with_the_same_dates() -> None:
    line = "Posted on January 10, 2019 at 9:14 am, updated 3 days ago"
    first = read_line(line, "en")
    first.clear()                                    # a caller's list is its own
    again = read_line(line, "en")
    assert again == list(_read_line.__wrapped__(line, "en", True))
    assert len(again) == 2


def test_the_relative_switch_and_the_language_are_part_of_the_key() -> None:
    line = "Updated 3 days ago, first published 05/06/2020"
    assert [d.mention.relative is not None for d in read_line(line, "en")] == [True, False]
    assert [d.mention.relative is not None for d in read_line(line, "en", relative=False)] == [False]
    for language in ("en-us", "en-gb", None):
        assert read_line(line, language, relative=False) == list(_read_line.__wrapped__(line, language, False))
