"""A photo's caption that ends with its credit, as a whole-page dump prints it inside a story (cleanfeed/data/
textdump.toml `caption-credit`): the credit after a `Credit:` label (`… on Monday. Credit: Jane Roe`, glued to the
caption's last word when the page set it in its own element: `… at the yardCredit: Getty Images`), a wire's photo
credit in brackets (`(AP Photo/Jane Roe, File)`, `(Sam Ortega/The Courier via AP)`, `(credit: NASA/Jane Roe)`,
followed by a caption toggle's `less`), or a copyright sign and the agency (`© Reuters / Jane Roe`). The HTML path
drops a figure; a dump prints it between the paragraphs. Guards: story sentences that name a credit, a wire or a
photo keep their place. Own lines, written by hand."""
from __future__ import annotations

import pytest

from cleanfeed.rules.linerules import first_match, match_key
from cleanfeed.text.clean import clean_text
from cleanfeed.text.linescore import dump_rules

CAPTIONS = [
    "The furnace hall at the Mill Road smelter on Monday, before the second line restarted. Credit: Jane Roe",
    "Workers sort stripped copper wire at the county yard on TuesdayCredit: Getty Images",
    "A loader moves shredded steel at the port of Toledo, Ohio, on March 3, 2025. (AP Photo/Jane Roe, File)",
    "A loader moves shredded steel at the port of Toledo, Ohio, on March 3, 2025. (AP Photo/Jane Roe) less",
    "Trucks queue outside the transfer station ahead of the holiday weekend. (Sam Ortega/The Courier via AP)",
    "The new sorting line can separate aluminium cans from steel ones at 40 a second. (credit: Acme/Jane Roe)",
    "A worker checks a bale of aluminium cans at a plant outside Lyon, March 3, 2025. © Reuters / Jane Roe",
    "Scrap steel waits for loading at the docks in Rotterdam. Credit: EPA - Contributor",
]
STORY = [
    "The company gave every customer a $10 credit on the next load, a spokesperson told Reuters on Tuesday.",
    "“It is the best photo of the plant I have seen,” said Jane Roe, who took it from the crane in 2019.",
    "LOS ANGELES (AP) — Scrap prices rose for a third week on Monday, traders said.",
    "Photos of the fire were shared widely on social media, and the yard's owner said he would rebuild. (AP)",
    "Tax credit: households that recycle old appliances can claim up to $200 back this year.",
]


def hit(line: str) -> str | None:
    rule = first_match(dump_rules(), match_key(line))
    return rule.rule if rule else None


@pytest.mark.parametrize("line", CAPTIONS)
def test_a_caption_that_ends_with_its_credit_is_no_story_line(line: str) -> None:
    assert hit(line) in {"caption-credit", "photo-credit"}


@pytest.mark.parametrize("line", STORY)
def test_a_story_sentence_that_names_a_credit_or_a_wire_stays(line: str) -> None:
    assert hit(line) is None


def test_captions_between_paragraphs_of_a_dump_leave_the_body() -> None:
    menu = ["Home", "News", "Markets", "Metals", "Recycling", "Events", "Jobs", "Subscribe", "Search", "Log in"]
    paras = [
        "Scrap steel prices at the Great Lakes ports rose for a third week in a row on Monday, as mills in the "
        "region bought ahead of a busy spring and exporters competed for the same heavy melt.",
        "Dealers said shredded scrap changed hands about $12 a ton higher than a week earlier, and that yards had "
        "little material to offer after a cold February slowed collections across the region.",
        "Exporters in the region have also been paying more to fill vessels bound for Turkey, where demand for "
        "heavy melting scrap has been firm since the start of the year, brokers said.",
        "Most dealers expect prices to hold through April, though several warned that a slowdown at the car "
        "plants could cut the flow of new scrap to the yards by the summer.",
    ]
    text = "\n".join(["Scrap prices rise at Great Lakes ports - Metals Weekly", *menu,
                      "Scrap prices rise at Great Lakes ports", "By Jane Roe", "March 4, 2025",
                      paras[0], paras[1], CAPTIONS[2], paras[2], CAPTIONS[6], paras[3],
                      "About us", "Contact", "Privacy", "© 2025 Metals Weekly"])
    assert list(clean_text(text).paragraphs) == paras
