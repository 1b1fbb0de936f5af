"""The end of the article run of a whole-page dump (cleanfeed/text/dumprun.py): a comment form, a repeated menu,
a share bar or a box of teasers below the body is not taken (the guard of any change that lets the run go on
over the body's interruptions; the hand-written whole page is tests/textpages/en_smelter_notes_teasers), and
the held-out renderer of bench/renderdumps.py writes what its docstring says."""
from __future__ import annotations

from helpers.dumps_e import render_dump_e

from cleanfeed.text.dump import find_region
from cleanfeed.text.lines import split_lines


def region_text(lines: list[str]) -> list[str]:
    parsed = split_lines("\n".join(lines))
    region = find_region([ln.key for ln in parsed])
    return [parsed[i].text for i in range(*region.body)]


MENU = ["Home", "Guides", "Prices", "Equipment", "Safety", "Events", "Newsletter", "Search", "Contact", "Jobs"]


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
