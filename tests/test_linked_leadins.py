"""A linked heading or list item that opens the prose under it (i17cp, issue 17: the `link-dense` rule on the dev
folds f0/f1). A round-up names each thing it reviews in a heading that links to it, and a list of places names
each one in a link with its description in the next paragraph: `link-dense` dropped the name and kept its text.
Dev folds (every link-dense heading or list item followed by a kept paragraph of 80+ characters): wcxb-dev-en
the headings held 160 gold words against 4 extra, the items 97 against 7; wcxb-dev-other 881 against 77;
mozilla-multi 31 against 0; aeb-en 0 against 20.
Look-alikes that must still go: a related box of linked headlines with no prose under them, and a linked line at
the end of the story.
Tried (bench/heldout.py run/compare against main 8f5d812, all six sets): a linked heading whose next text block is a
paragraph of 80+ characters under half links is kept (html/extract.py, exempt from link-dense like an entry title).
mozilla-multi f0..f4 +0.0000 +0.0000 +0.0000 +0.0000 +0.0003; aeb-en f0 -0.0007 (dev: two related-story headlines
above the story's next paragraph), f2 +0.0017; wcxb-dev-en every fold +0.0001..+0.0006; wcxb-dev-other f0 -0.0006
(dev: a listing page whose linked headlines stayed and which the type profile then read as an article, -0.14),
f3 +0.0019; cwced-zh -0.0002. Requiring a second text block in the section (no lone teaser blurb) lost the gains and
kept the f0 loss (wcxb-dev-other f0 -0.0010, mozilla 0). Not kept.
"""
from __future__ import annotations

import pytest

from cleanfeed import clean

PENDING = pytest.mark.xfail(strict=True, reason="i17cp: a linked heading over its section is dropped as "
                             "link-dense; keeping it did not carry to held-out data (module docstring)")

PROSE = ("The board met on Tuesday evening to settle the dredging schedule for the coming winter, after a season "
         "in which two ferries ran aground on the silted channel near the old grain quay.")
MORE = ("Residents of the quay cottages asked for the work to stop at night, and the board agreed to keep the "
        "dredger idle between ten in the evening and six in the morning on every day of the contract.")


def _page(body: str) -> str:
    return (f"<html><head><title>Five harbour boats reviewed</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/news'>News</a></nav><article><h1>Five harbour boats reviewed</h1>{body}</article>"
            "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>")


ONE_LINKED = (f"<p>{PROSE}</p><p>{MORE}</p><h3><a href='https://boats.example/k'>Kestrel Launch 21</a></h3>"
              f"<p>The Kestrel is the pick of this round-up. {PROSE}</p><h3>Our verdict</h3><p>{MORE}</p>")
NUMBERED = (f"<p>{PROSE}</p><h2>1. <a href='https://boats.example/k'>Kestrel</a></h2><p>The Kestrel is the pick. "
            f"{PROSE}</p><p>{MORE}</p><h2>2. <a href='https://boats.example/o'>Osprey</a></h2><p>{MORE}</p>")


@PENDING
@pytest.mark.parametrize("body, heading", [(ONE_LINKED, "Kestrel Launch 21"), (NUMBERED, "1. Kestrel")])
def test_a_linked_heading_over_its_section_is_story(body: str, heading: str) -> None:
    text = clean(_page(body), url="https://gazette.example/boats/roundup").text
    assert heading in text.split("\n")


RELATED = (f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE} {MORE}</p>"
           "<h3><a href='/news/ferry-fares'>Ferry fares to rise by a fifth from March</a></h3>"
           "<h3><a href='/news/quay-lights'>Quay lights to be replaced next spring</a></h3>")
TRAILING = (f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE} {MORE}</p>"
            "<p><a href='/news/dredging'>Dredging: all our stories</a></p>")


@pytest.mark.parametrize("body, gone", [(RELATED, "Ferry fares to rise"), (TRAILING, "all our stories")])
def test_linked_lines_with_no_prose_under_them_still_go(body: str, gone: str) -> None:
    text = clean(_page(body), url="https://gazette.example/news/harbour/dredging").text
    assert "The board met on Tuesday" in text
    assert gone not in text
