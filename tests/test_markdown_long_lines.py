"""text/markdown on huge input: linear time, the same text as on small input (a scraped page may hold a 20,000-line
paragraph or a line of 10,000 spaces; the old regexes took 39 s and 170 s on these)."""
from __future__ import annotations

import time

from cleanfeed.text.markdown import blocks, heading_text, inline_text, read_markdown

LINKS = "[a](http://x) [b](http://y) [c](http://z)\n\n"
BUDGET = 3.0      # seconds; each case takes under 0.3 s here, the quadratic or cubic regexes took 10 s to minutes


def _timed(text: str) -> tuple[str, float]:
    start = time.perf_counter()
    out = read_markdown(text)
    return out, time.perf_counter() - start


def test_a_long_paragraph_is_joined_in_linear_time() -> None:
    out, spent = _timed(LINKS + "\n".join(f"line {i} of one paragraph" for i in range(20_000)))
    assert spent < BUDGET
    assert out.count("\n") == 2 and "line 19999 of one paragraph" in out


def test_unclosed_strong_before_spaces_is_linear() -> None:
    out, spent = _timed(LINKS + "**" + " " * 4000 + "x")
    assert spent < BUDGET
    assert out.endswith("** x\n")


def test_heading_and_hard_break_with_long_space_runs() -> None:
    out, spent = _timed(LINKS + "# a" + " " * 20_000 + "b ##\n\nx" + " " * 20_000 + "y")
    assert spent < BUDGET
    assert out.splitlines()[1:] == ["a b", "x y"]


def test_a_line_of_spaces_under_a_line_is_no_table_rule() -> None:
    start = time.perf_counter()
    assert blocks(["x", " " * 20_000 + "y"]) == ["x y"]
    assert time.perf_counter() - start < BUDGET


def test_strong_and_heading_text_keep_their_meaning() -> None:
    assert inline_text("**Prices ** rose and __a b__ ** **c") == "Prices rose and a b c"
    assert inline_text("** a ** b ** c **") == "a b c"
    assert [heading_text(t) for t in ("Copper ##", "a # #", "##", "Copper#")] == ["Copper", "a #", "##", "Copper#"]


def test_a_destination_with_parentheses_is_read_whole() -> None:
    assert inline_text("See [zinc](https://en.wikipedia.org/wiki/Zinc_(element)) prices") == "See zinc prices"
    assert inline_text("![chart](img/lme_(3m).png) LME zinc") == "LME zinc"
    assert inline_text("[a](http://x/(b) d and [c](u) (note)") == "a d and c (note)"     # unbalanced: as before
