"""Review r16: text/clean.find_first_paragraph reads a hard-wrapped paragraph whole (`_goes_on`), and the
story's headline is no line of one: a headline as wide as the dump's lines that ends in a lower-case word
(`…to start in the autumn`), with no byline or date row under it, went on into the first paragraph, and the
body began with the headline."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean

RENDERED = Path(__file__).parent / "wrapedges" / "rendered"
HEAD = "Harbour wall repairs to start in autumn\n\nBy Lena Fairweather\n\n4 June 2026\n"


@pytest.mark.parametrize(("tool", "headline"), [
    ("w3m50", "Harbour wall repairs at Kelby to start in the autumn"),
    ("w3m80", "Harbour wall repairs at Kelby to start in the autumn after a winter of storms"),
])
def test_a_wide_headline_goes_on_into_no_paragraph(tool: str, headline: str) -> None:
    dump = (RENDERED / f"harbour_wall.{tool}.txt").read_text("utf-8")
    assert HEAD in dump
    article = clean(dump.replace(HEAD, headline + "\n"))
    assert article.title == headline
    assert article.text.startswith("Work to repair the crumbling harbour wall")
    assert headline not in article.text
