"""A weekday before a day and month confirms two digits after them as the year (`Monday, 7th Feb 05`,
patterns._weekday_year), but not two digits that count something (`On Friday 7 March 14 people were arrested`):
the weekday printed is the current year's, and one year in seven (here 2014, whose calendar 2025 repeats)
fits it as well, so the count was read as the year and a 2025 report dated 2014."""
from __future__ import annotations

import pytest
from helpers.datecases import day

from cleanfeed import clean
from cleanfeed.dates.patterns import find_mentions


@pytest.mark.parametrize(("text", "want"), [
    ("On Friday 7 March 14 people were arrested", (None, 3, 7, None)),
    ("Sat 8 March 14 fans were hurt", (None, 3, 8, None)),
    # guards: a year at the end, before punctuation, a bar, or a clock (with or without `at`)
    ("Monday, 7th Feb 05", (2005, 2, 7, None)),
    ("Monday, 7th Feb 05 | Issue 12", (2005, 2, 7, None)),
    ("Mon 7 Feb 05 at 10:00", (2005, 2, 7, (10, 0, 0))),
    ("Posted Monday, 7th Feb 05 by admin", (2005, 2, 7, None)),
    ("Mon, 07 Feb 05 10:00:00 GMT", (2005, 2, 7, (10, 0, 0))),
])
def test_a_count_after_a_weekday_date_is_no_year(text: str, want: tuple[object, ...]) -> None:
    reading = find_mentions(text, "en")[0].readings[0]
    assert (reading.year, reading.month, reading.day, reading.clock) == want


BODY = ("<p>On Friday 7 March 14 people were arrested after the match at the city stadium, police said on "
        "Saturday.</p><p>Officers said the arrests followed fighting between rival groups of fans outside the ground "
        "after the final whistle, and that two officers were hurt.</p><p>The club said it would ban anyone found to "
        "have taken part, and that it was working with the police to identify those involved.</p>")


def test_a_report_of_this_year_is_not_dated_by_its_count() -> None:
    html = ("<html lang='en'><head><title>Arrests after match</title></head><body><main>"
            f"<h1>Fourteen arrested after match</h1>{BODY}</main></body></html>")
    assert day(clean(html, fetched_at="2025-03-10T08:00:00+00:00").published) == "2025-03-07"


def test_a_table_cell_after_the_year_is_no_count() -> None:
    """Columns of a text dump stand several spaces apart: the year ends its cell."""
    reading = find_mentions("Monday, 7th Feb 05     Price Sheet", "en")[0].readings[0]
    assert (reading.year, reading.month, reading.day) == (2005, 2, 7)
