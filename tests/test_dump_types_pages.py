"""Own hand-written non-article pages (tests/dumptypes3, made up; see its SOURCE.md) saved as text by four real
tools: each must be typed something other than `article`, or it reaches the feeds (issue #17). Two guard
articles that share a surface trait with them (Q:/A: turns; a price and spec list over a review) must stay
articles and keep their story."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.dumptyping import cases, typed

from cleanfeed import clean

RENDERED = Path(__file__).parent / "dumptypes3" / "rendered"
TOOLS = ("lynx", "w3m", "html2text", "markdownify")
OTHERS = ("fee_table", "member_directory", "tag_teasers", "product_page", "qa_thread", "help_page")
# (page, tool) typed `article` when these pages were written (main 73fd5e5): all 24. A page with no run of prose
# (text/dumpmodel.structural_type) types 11; the product page's spec rows, the help page's steps and the thread's
# answers read as sentences and make a stretch of 30+ tokens
MISSED = {(p, t) for p in ("product_page", "help_page", "qa_thread") for t in TOOLS} | {("member_directory", "lynx")}
GUARDS = {"interview_article": "That one change would free more beds than any new ward",
          "review_article": "came back from a 60 km loop with a fifth of the battery still left"}


@pytest.mark.parametrize(("page", "tool"), cases(OTHERS, TOOLS, MISSED))
def test_a_hand_written_non_article_dump_is_not_typed_article(page: str, tool: str) -> None:
    assert typed(RENDERED / f"{page}.{tool}.txt") != "article"


@pytest.mark.parametrize("page", sorted(GUARDS))
@pytest.mark.parametrize("tool", TOOLS)
def test_an_article_sharing_one_trait_stays_an_article(page: str, tool: str) -> None:
    got = clean((RENDERED / f"{page}.{tool}.txt").read_text("utf-8"))
    assert got.page_type == "article"
    assert GUARDS[page] in " ".join(got.text.split())
