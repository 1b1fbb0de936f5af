"""lynx's link toolbar (issue 17, dumps by real text browsers): `lynx -dump` prints the page's `<link>` elements
(feeds, oEmbed, `alternate` languages) as the dump's first paragraph, `#[1]Site » Feed [2]Site » <headline>
Comments Feed [3]oEmbed (JSON)`. It repeats the headline, so with no dated byline under the real headline the
paragraph was taken for the page's title (wcxb-dev-en under lynx, dev folds 0-1: 36 of fold 0's title misses).
Our own page (tests/lynxlinks/SOURCE.md) stands for that class; the toolbar's finder is tested on its own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import cleanfeed
from cleanfeed.text.unwrap import link_toolbar_end, unwrap_dump

HERE = Path(__file__).parent / "lynxlinks"
HEADLINE = "Night ferry returns to the east pier after two winters"


def test_the_headline_not_the_link_toolbar() -> None:
    dump = (HERE / "harbour_ferry.dump.txt").read_text("utf-8")
    assert cleanfeed.clean(dump).title == HEADLINE


def test_the_toolbar_is_the_leading_paragraph_up_to_a_blank_line() -> None:
    lines = ["", "   #[1]Site » Feed [2]Site » Comments", "   Feed [3]oEmbed (JSON)", "", "   [4]Skip to content"]
    assert link_toolbar_end(lines) == 3
    assert unwrap_dump("\n".join(lines)).strip().split("\n")[0] == "[4]Skip to content"


@pytest.mark.parametrize("text", ["#1 seed wins the final\nThe top seed won.", "   # [1] not lynx's\nbody",
                                  "Intro\n#[1]Site » Feed\n", "", "#[1]"])
def test_other_text_keeps_its_first_lines(text: str) -> None:
    assert link_toolbar_end(text.split("\n")) == 0
