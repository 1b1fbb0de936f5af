"""A weak label inside a sentence dates what the sentence is about, unless the sentence speaks of its page
(dates/scan.text_piece_clues, round 11). The sentence is the one holding the date, not the text piece's first:
`The county keeps the records. This page was created on 12 March 2021 …` speaks of its page as much as the same
sentence alone. Own page (invented), the class of a page's note about itself written after another sentence in
the same text node, beside the page's printed last change."""
from __future__ import annotations

from datetime import date

import pytest

from cleanfeed import clean

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reading the river gauges</title></head>
<body><div class="content"><h1>Reading the river gauges</h1>
<div class="text">Volunteers read the three gauges on the lower river twice a week and post the levels on the
noticeboard at the bridge. The readings are compared with the long-term averages kept by the county.<br><br>
When a reading is more than half a metre above the average, the coordinator phones the farms on the flood plain and
the parish council opens the sandbag store.<br><br>
<span>{note}</span></div>
<div class="meta"><div class="row"><span class="label">Last modified:</span> <span>4 February 2022</span></div></div>
</div></body></html>"""
NOTE = "This page was created on 12 March 2021 by the volunteers of the group and is kept up to date by them."


@pytest.mark.parametrize("note", [NOTE, "The county keeps the long-term records of every gauge. " + NOTE],
                         ids=["alone", "after-a-sentence"])
def test_a_sentence_about_its_page_dates_it(note: str) -> None:
    article = clean(PAGE.format(note=note))
    assert article.published is not None and article.published.value.date() == date(2021, 3, 12)


def test_a_sentence_about_something_else_does_not() -> None:
    note = "This page was written by the volunteers. The chart below was created on 12 March 2021 from the readings."
    article = clean(PAGE.format(note=note))
    assert article.published is None or article.published.value.date() != date(2021, 3, 12)
