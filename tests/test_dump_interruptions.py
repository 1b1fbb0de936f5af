"""The article run of a whole-page dump under scrapers other than ours (cleanfeed/text/dumprun.py): a body cut
into subheadings, list items and one-line sentences is followed to its end; a box of teasers, a share bar, a
repeated menu or a comment form below it is not taken. The hand-written whole pages of the class are in
tests/textpages/ (en_yard_grading_guide, and en_smelter_notes_teasers as the guard)."""
from __future__ import annotations

from helpers.dumps_e import render_dump_e

from cleanfeed.text.dump import find_region
from cleanfeed.text.lines import split_lines


def region_text(lines: list[str]) -> list[str]:
    parsed = split_lines("\n".join(lines))
    region = find_region([ln.key for ln in parsed])
    return [parsed[i].text for i in range(*region.body)]


MENU = ["Home", "Guides", "Prices", "Equipment", "Safety", "Events", "Newsletter", "Search", "Contact", "Jobs"]


def test_the_run_goes_on_over_subheadings_and_short_sentences() -> None:
    body = ["Most disputes between a yard and its sellers start at the scale, when a load is paid as one grade "
            "and sold on as another grade.",
            "This guide walks a new buyer through the checks that settle the grade before money changes hands.",
            "Step 1: Look at the colour", "Clean copper is bright and even.", "Sort it into four piles:",
            "Bare bright", "No. 1 copper", "No. 2 copper", "Insulated wire", "Step 2: Weigh it twice",
            "Scales drift in the cold months.", "Step 3: Pay on grade",
            "Write the grade and the weight on the ticket, and have the seller sign it before the load leaves."]
    got = region_text([*MENU, "How to grade copper scrap", *body, "Follow us", "Privacy", "Terms", *MENU])
    assert got[0] == body[0] and got[-1] == body[-1]


def test_the_run_stops_at_a_comment_form_or_a_repeated_menu() -> None:
    body = ["A secondary copper smelter restarted its second furnace on Monday after a four-month rebuild, the "
            "company said, bringing its capacity back to about 90,000 tonnes a year.",
            "Buyers expect the restart to lift bids for No. 2 copper in the region over the coming weeks."]
    tail = ["Leave a Reply", "Your email address will not be published.", "Name *",
            "Thanks for the report, we saw the same at our yard last week."]
    assert region_text([*MENU, "Smelter restarts furnace", *body, *tail, *MENU])[-1] == body[-1]
    assert region_text([*MENU, "Smelter restarts furnace", *body, "Home", "Guides", "Prices",
                        "Our yard is open on Saturdays from May.", *MENU])[-1] == body[-1]


def test_the_held_out_renderer_keeps_its_conventions() -> None:
    """tests/helpers/dumps_e.py (bench/renderdumps.py's held-out renderer) writes what its docstring says."""
    html = (b"<html><head><title>Copper | Site</title></head><body><nav><a>Home</a> <a>News</a></nav>"
            b"<h1>Prices</h1><p>Copper <a>rose</a>.<br>Zinc fell.</p><ul><li>bare <b>bright</b></li><li>x<ul>"
            b"<li>y</li></ul></li></ul><table><tr><th>Grade</th><th>Price</th></tr><tr><td>No. 1</td><td>3.98</td>"
            b"</tr></table><blockquote><p>Quoted.</p></blockquote><img alt='The yard'><hr><footer>c</footer>"
            b"</body></html>")
    assert render_dump_e(html) == (
        "Copper | Site\n=============\n\nHome\nNews\n\nPrices\n======\n\nCopper rose.\nZinc fell.\n\n- bare bright\n"
        "- x\n  - y\n\n| Grade | Price |\n|---|---|\n| No. 1 | 3.98 |\n\n> Quoted.\n\n[The yard]\n* * *\nc\n")
