"""Review r16: an own story (tests/review_r16, see its SOURCE.md) rendered by lynx and w3m at 40, 50 and 80
columns keeps its headline and its first paragraph whole. At lynx 40 the run began on the first paragraph's first
line (dumprun.cut_lines) and the headline ranker took the paragraph's fourth line (`November, the operator said
on`, headline-shaped, right over the prose of its next lines) for the headline, cutting the three lines above it;
and find_first_paragraph measured the wrap width with the headline, which lynx prints wider than the story."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean

RENDERED = Path(__file__).parent / "review_r16" / "rendered"
TOOLS = ("lynx40", "lynx50", "lynx80", "w3m40", "w3m50", "w3m80")


@pytest.mark.parametrize("tool", TOOLS)
def test_the_story_keeps_its_headline_and_first_paragraph(tool: str) -> None:
    article = clean((RENDERED / f"ferry_winter.{tool}.txt").read_text("utf-8"))
    assert article.title == "Ferry timetable changes for the winter"
    body = " ".join(article.text.split())
    assert body.startswith("The island’s ferry will sail four times a day"
                           " instead of six from the first week of November")
    assert "1. the first sailing from Kelby" in body and "Morag Innes" in body
    assert "independent newspaper" not in body and "Privacy policy" not in body


@pytest.mark.xfail(strict=True, reason="review r16, as at 88205e1: the address block's short lines end the run, and "
                   "the story's last paragraph under it is lost")
@pytest.mark.parametrize("tool", TOOLS)
def test_the_story_keeps_its_last_paragraph_under_an_address_block(tool: str) -> None:
    article = clean((RENDERED / f"ferry_winter.{tool}.txt").read_text("utf-8"))
    assert " ".join(article.text.split()).endswith("The operator said it would review the timetable in March.")


WRAPEDGES = Path(__file__).parent / "wrapedges" / "rendered"


@pytest.mark.xfail(strict=True, reason="review r16, as at 88205e1: with no <title>, the headline ranker takes the "
                   "story's first wrapped line, nearest the prose, over the headline above the byline and date")
@pytest.mark.parametrize(("page", "headline"), [("harbour_wall", "Harbour wall repairs to start in autumn"),
                                                ("tram_tests", "Trams run on new line for the first time")])
def test_a_lynx44_story_keeps_its_headline(page: str, headline: str) -> None:
    assert clean((WRAPEDGES / f"{page}.lynx44.txt").read_text("utf-8")).title == headline
