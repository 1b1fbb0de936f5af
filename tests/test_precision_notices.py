"""English line rules of issue 17's precision work (boilerplate.toml): the notices a page prints around its
story that no editor counts as the story — advice disclaimers, a feed's "appeared first on" footer, a wire
story's credit line, a reading-time label, the reader's asks — each on a line of its own, and story lines
that look like them and must stay (and an affiliate disclosure, which the gold keeps: it stays). Written
from the classes, not from any dataset page (tests/pages/classes/disclosure-disclaimer.html, wire-credits.html
and reader-asks.html are the pages)."""
from __future__ import annotations

import pytest

from cleanfeed.rules.linerules import first_match, generic_rules, match_key

# The reader's ask helped HTML (dev folds +0.0004-0.0010) but boilerplate.toml rules run on dumps too, and there it
# cost the held-out renderer e recall (wcxb-dev-en f3 -0.0065, f4 -0.0021): it wants an HTML-only home.
PENDING = pytest.mark.xfail(strict=True, reason="i17be: the reader's ask wants an HTML-only rule")


def _rule(line: str) -> str | None:
    hit = first_match(generic_rules().lines, match_key(line))
    return hit.rule if hit else None


@pytest.mark.parametrize(("line", "rule"), [
    ("This article is for informational purposes only and does not constitute medical advice.",
     "disclaimer"),
    ("The information on this blog is for general informational purposes and should not be "
     "considered legal advice.", "disclaimer"),
    ("This page is not intended to replace the advice of your doctor or another medical "
     "professional.", "disclaimer"),
    ("Mention of a company or product does not constitute an endorsement by the ministry.",
     "disclaimer"),
    ("The post How to Descale a Kettle appeared first on Hearth Notes.", "reprint-notice"),
    ("(Reporting by Tomas Vell; additional reporting by Kit Moreau; Editing by Lena Park)",
     "editor-source"),
    ("Reporting by Ana Ruiz in Harbourton and Kit Moreau in Westfield; Writing by Tomas Vell; "
     "Editing by Lena Park and Omar Haddad", "editor-source"),
    ("11 min read", "counter"),
    ("Reading time: 4 minutes", "counter"),
    pytest.param("Liked this story? Share it with a colleague!", "subscribe", marks=PENDING),
    pytest.param("If you found this guide useful, pin it for later or share it with a friend who is planning a trip.",
                 "subscribe", marks=PENDING),
    pytest.param("If you value reporting like this, please consider making a donation: readers fund every story "
                 "we publish.", "subscribe", marks=PENDING),
    pytest.param("Support Kettle Weekly! Donate by card or become a member for early access.", "subscribe",
                 marks=PENDING),
    pytest.param("To read the rest of this article, subscribe to Harbour Insider.", "subscribe", marks=PENDING),
    pytest.param("Latest posts by Ruth Calder (see all)", "subscribe", marks=PENDING),
])
def test_a_notice_line_is_named_by_its_rule(line: str, rule: str) -> None:
    assert _rule(line) == rule


@pytest.mark.parametrize("line", [
    "Affiliate Marketing – Run an affiliate program for your products (on higher plans).",
    "The retailer said it would earn a commission on every sale made through the new app.",
    "Shipping is free, so the spare parts come at no extra cost to you if the kettle fails within a year.",
    "The regulator said the leaflet was for informational purposes and was never meant as a contract.",
    "The drug is not intended to treat children under twelve, the agency said.",
    "Reporting by the newspaper in 2019 showed that the fund had lost half its value in two years.",
    "The post office on Mill Street appeared first on the list of branches the bank wants to close.",
    "Several neighbours contributed to the fund that paid for the new roof of the church hall.",
    "The minister read the report in 11 minutes and signed it the same afternoon.",
    "She said the plan does not constitute an endorsement of the merger and that talks will go on.",
    "If you like the smell of fresh bread, the bakery on Quay Street opens at six.",
    "The charity asked residents to please consider donating blankets before the first frost.",
    "Readers who liked the first book will find the sequel darker, the critic wrote.",
    # Kept by the gold of most sets, so not touched: an affiliate or sponsorship disclosure (the law of several
    # countries wants it printed with the story; the wcxb gold keeps it as often as not, and tests/pages/
    # wcxb-dev-en/0009 keeps its `Disclosure: This article … was sponsored by …`), and a contributor's line.
    "This article includes affiliate links, which have no influence on our editorial choices.",
    "Disclosure: This post contains affiliate links. If you buy through them, we may earn a small commission.",
    "As an Amazon Associate I earn from qualifying purchases.",
    "Jordan Abel in Westfield contributed to this report.",
])
def test_a_story_line_that_looks_like_a_notice_stays(line: str) -> None:
    assert _rule(line) is None
