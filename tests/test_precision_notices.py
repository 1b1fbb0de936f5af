"""English line rules of issue 17's precision work (boilerplate.toml): the notices a page prints around its
story that no editor counts as the story — affiliate and sponsorship disclosures, advice disclaimers, a
feed's "appeared first on" footer, a wire story's credit lines, a reading-time label — each on a line of
its own, and story lines that look like them and must stay. Written from the classes, not from any
dataset page (tests/pages/classes/disclosure-disclaimer.html and wire-credits.html are the pages)."""
from __future__ import annotations

import pytest

from cleanfeed.rules.linerules import first_match, generic_rules, match_key

PENDING = pytest.mark.xfail(strict=True, reason="i17be: not yet a rule")


def _rule(line: str) -> str | None:
    hit = first_match(generic_rules().lines, match_key(line))
    return hit.rule if hit else None


@pytest.mark.parametrize(("line", "rule"), [
    pytest.param("Disclosure: This post contains affiliate links. If you buy through them, we may earn a small "
                 "commission at no extra cost to you.", "disclaimer", marks=PENDING),
    pytest.param("This article includes affiliate links, which have no influence on our editorial choices.",
                 "disclaimer", marks=PENDING),
    pytest.param("Products are chosen by our editors. We may earn a commission when you buy through links on "
                 "this page.", "disclaimer", marks=PENDING),
    pytest.param("As an Amazon Associate I earn from qualifying purchases.", "disclaimer", marks=PENDING),
    pytest.param("This is a paid placement. Our reviewers approved the product and our coverage stays "
                 "independent.", "disclaimer", marks=PENDING),
    pytest.param("Sponsors listed in this issue have paid to be promoted, and I receive direct financial "
                 "compensation for promoting them.", "disclaimer", marks=PENDING),
    pytest.param("This article is for informational purposes only and does not constitute medical advice.",
                 "disclaimer", marks=PENDING),
    pytest.param("The information on this blog is for general informational purposes and should not be "
                 "considered legal advice.", "disclaimer", marks=PENDING),
    pytest.param("This page is not intended to replace the advice of your doctor or another medical "
                 "professional.", "disclaimer", marks=PENDING),
    pytest.param("Mention of a company or product does not constitute an endorsement by the ministry.",
                 "disclaimer", marks=PENDING),
    pytest.param("The post How to Descale a Kettle appeared first on Hearth Notes.", "reprint-notice",
                 marks=PENDING),
    pytest.param("(Reporting by Tomas Vell; additional reporting by Kit Moreau; Editing by Lena Park)",
                 "editor-source", marks=PENDING),
    pytest.param("Reporting by Ana Ruiz in Harbourton and Kit Moreau in Westfield; Writing by Tomas Vell; "
                 "Editing by Lena Park and Omar Haddad", "editor-source", marks=PENDING),
    pytest.param("Jordan Abel in Westfield contributed to this report.", "editor-source", marks=PENDING),
    pytest.param("The Associated Press contributed to this story.", "editor-source", marks=PENDING),
    pytest.param("11 min read", "counter", marks=PENDING),
    pytest.param("Reading time: 4 minutes", "counter", marks=PENDING),
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
])
def test_a_story_line_that_looks_like_a_notice_stays(line: str) -> None:
    assert _rule(line) is None
