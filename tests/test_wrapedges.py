"""Own short and long news stories (tests/wrapedges, made up; see its SOURCE.md) saved as text by lynx and w3m at
80 columns and narrower, hard-wrapped: the article keeps its first and its last paragraph whole, up to the last
wrapped line (text/dumprun.whole_paragraphs), and the menus and footer stay out."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean

RENDERED = Path(__file__).parent / "wrapedges" / "rendered"
TOOLS = ("lynx80", "lynx44", "w3m80", "w3m50")
# each story's first words and its last paragraph's last words (printed on its last wrapped line at every width)
STORIES = {"harbour_wall": ("Work to repair the crumbling harbour wall", "until the spring."),
           "library_hours": ("Libraries in Brackley, Farnmoor and Wetherden", "full council meeting in June."),
           "orchard_fair": ("An orchard fair that last ran", "back through the afternoon."),
           "tram_tests": ("The first trams ran along the new airport line", "they lost during the work.")}
# cut at 51350d9: 9 of 16 (the run ended on the last paragraph's first line, or began inside the first paragraph);
# library_hours w3m80, the last, since i17cl: textclean took the first paragraph's second line for the body's first
# (the first ends no sentence) and dropped the first as `above-body`; a wrapped paragraph is now read whole
# (text/clean.find_first_paragraph)


def keeps() -> list[object]:
    return [pytest.param(p, t) for p in sorted(STORIES) for t in TOOLS]


def text_of(page: str, tool: str) -> str:
    return " ".join(clean((RENDERED / f"{page}.{tool}.txt").read_text("utf-8")).text.split())


@pytest.mark.parametrize(("page", "tool"), keeps())
def test_a_wrapped_story_keeps_its_first_and_last_lines(page: str, tool: str) -> None:
    first, last = STORIES[page]
    text = text_of(page, tool)
    assert first in text
    assert text.endswith(last)


@pytest.mark.parametrize("page", sorted(STORIES))
@pytest.mark.parametrize("tool", TOOLS)
def test_the_menus_and_footer_stay_out(page: str, tool: str) -> None:
    text = text_of(page, tool)
    assert "Privacy policy" not in text and "Weather" not in text and "Rugby club" not in text
