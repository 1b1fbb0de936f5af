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


FIRST = """Libraries in Brackley, Farnmoor and Wetherden
will open on four days a week instead of six from
July, as the county tries to save money on staff."""
# the same paragraph with a spaced dash the greedy wrap at 49 columns put first on a line
DASHED = """Libraries in Brackley, Farnmoor and Wetherden
will open on four days a week instead of the six
– as the county tries to save money on staff and
buildings – from the first Monday of July."""


@pytest.mark.parametrize("dash", ["–", "-"])
def test_a_wrapped_line_led_by_a_spaced_dash_goes_on_its_paragraph(dash: str) -> None:
    dump = (RENDERED / "library_hours.w3m50.txt").read_text("utf-8")
    assert FIRST in dump
    article = clean(dump.replace(FIRST, DASHED.replace("–", dash)))
    assert article.text.startswith("Libraries in Brackley, Farnmoor and Wetherden")


def test_a_menu_of_nested_list_items_is_no_paragraph() -> None:
    """Guard (6bea2b6): lynx's nested-list bullet `o` reads as lower case, and a menu's items read as one
    paragraph that is prose (`Ft. ` a sentence end) when `continues` joins them."""
    from cleanfeed.rules.linerules import generic_rules
    from cleanfeed.text.clean import Hit, find_first_paragraph
    from cleanfeed.text.lines import split_lines
    cities = ("Anchorage", "Atlanta", "Birmingham", "Boston", "Chicago", "Dallas", "Denver", "Houston",
              "Miami-Ft. Lauderdale", "Minneapolis", "Phoenix", "Seattle")
    lines = split_lines("Storm warning for the coast\nLocal stations carry the forecast\n"
                        + "\n".join(f"o {city}" for city in cities)
                        + "\nThe council said on Tuesday that the libraries would open on four days a week.")
    g = generic_rules()
    assert find_first_paragraph(lines, Hit(g.lines, None), g) == len(lines) - 1


OPENING = "Work to repair the crumbling harbour wall at\nKelby will begin"


@pytest.mark.parametrize("word", ["council’s", "council's"])
def test_a_wrapped_first_line_with_a_curly_apostrophe_starts_the_story(word: str) -> None:
    """dumprun.wrapped_on took only ASCII lines (to leave Chinese to other joins), so a line holding a curly
    apostrophe, a dash or an accent (most news text) had no greedy-wrap evidence."""
    dump = (RENDERED / "harbour_wall.w3m50.txt").read_text("utf-8")
    assert OPENING in dump
    article = clean(dump.replace(OPENING, f"Work on the {word} harbour wall repairs at\nKelby will begin"))
    assert f"Work on the {word} harbour wall repairs at" in article.text


@pytest.mark.parametrize(("prev", "nxt", "want"), [
    ("the council’s plan for the harbour wall at Kelby would be", "Repaired soon", True),
    ("the plan for the harbour wall – at Kelby – would be in", "Éclair week", True),
    ("the plan for the harbour wall at Kelby would be", "Repaired soon", True),
    ("the plan for the harbour wall at Kelby would be 港口 in", "Repaired soon", False),
    ("the plan for the harbour wall at Kelby would be in", "港口的维修 soon", False),
])
def test_wrapped_on_reads_lines_of_spaced_words_in_any_latin_script(prev: str, nxt: str, want: bool) -> None:
    from cleanfeed.text.dumprun import wrapped_on
    assert wrapped_on(prev, nxt, len(prev)) is want
