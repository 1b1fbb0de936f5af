"""`dates/sameday.py` on odd input (review r6): an update's clock read where the text has letters that lower-case
to two characters, and long lines of many such pairs read in time linear in the line."""
from __future__ import annotations

import time

from cleanfeed.dates.clues import read_line
from cleanfeed.dates.patterns import clock_at, normalize


def _labels_and_clocks(line: str) -> list[tuple[str | None, tuple[int, int, int] | None]]:
    return [(d.label, d.mention.readings[0].clock) for d in read_line(normalize(line), None)]


def test_a_letter_that_lower_cases_to_two_does_not_shift_the_clock() -> None:
    # "İ".lower() is two characters: lower-casing the whole line moved every position after it by one, so
    # the update's clock was looked for one character early and lost
    line = "İstanbul 06.12.2024, 14:05 Uhr · aktualisiert um 18:30 Uhr"
    assert _labels_and_clocks(line) == [(None, (14, 5, 0)), ("updated", (18, 30, 0))]


def test_clock_at_reads_the_clock_at_its_position_in_the_original_text() -> None:
    text = "İİ 06.12.2024 um 18:30 GMT"
    assert clock_at(text, text.index(" um"), len(text)) == ((18, 30, 0), "GMT", len(text))
    assert clock_at(text, 0, len(text)) == (None, None, 0)


def test_a_clock_must_end_before_until() -> None:
    text = "aktualisiert um 18:30 Uhr"
    at = text.index(" um")
    assert clock_at(text, at, len(text))[0] == (18, 30, 0)
    assert clock_at(text, at, at + 5) == (None, None, at)


def test_a_long_line_of_same_day_updates_reads_in_linear_time() -> None:
    # 8,000 pairs (352 KB on one line, a text dump without line breaks) took 8.6 s when every update
    # lower-cased the whole line again (quadratic: 2.2 s for 4,000); linear, they take about 0.3 s
    line = normalize("6 décembre 2024 à 10h32, mis à jour à 14h05. " * 8000)
    started = time.process_time()
    got = read_line(line, None)
    assert time.process_time() - started < 2.5
    assert [d.label for d in got[:2]] == [None, "updated"] and len(got) == 16000
