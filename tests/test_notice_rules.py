"""The English notice, pitch and credit line rules of issue 17's trade pages (boilerplate.toml, textdump.toml):
each class on a line of its own, and the story lines that look like them and must stay."""
from __future__ import annotations

import pytest

from cleanfeed.rules.linerules import first_match, generic_rules, match_key
from cleanfeed.text.linescore import dump_rules


def _rule(line: str) -> str | None:
    key = match_key(line)
    hit = first_match(generic_rules().lines, key) or first_match(dump_rules(), key)
    return hit.rule if hit else None


@pytest.mark.parametrize(("line", "rule"), [
    ("This article first appeared in the Quarterly Bulletin and is reproduced here with permission.", "reprint-notice"),
    ("Republished with permission from Circular Materials Monthly.", "reprint-notice"),
    ("Reprinted with kind permission of the Southern Stainless Traders' Forum.", "reprint-notice"),
    ("Republish our articles for free, online or in print, under a Creative Commons license.", "reprint-notice"),
    ("Republication without written consent of the association is not permitted.", "reprint-notice"),
    ("Note: Prices are for reference only.", "disclaimer"),
    ("All data are indicative only.", "disclaimer"),
    ("Want these prices every Monday? Join 4,000 readers of the Alloy Brief newsletter. Subscribe here.", "subscribe"),
    ("Start your day with the Opening Bell. It is short. Sign up for the free daily newsletter.", "subscribe"),
    ("Bales wait for shipment at a yard in Ohio. | Photo by Marcus Vell", "photo-credit"),
    ("Sorted solids at a yard in Foshan. Photo: Chen Baoyu", "photo-credit"),
    ("Getty Images / Justin Reznick Photography", "photo-credit"),
])
def test_a_notice_line_is_named_by_its_rule(line: str, rule: str) -> None:
    assert _rule(line) == rule


@pytest.mark.parametrize("line", [
    "This story originally appeared on a partner site.",        # bare provenance: the gold keeps it
    "Originally published on a science news site.",
    "Originally Posted by jonburnaby",                          # a forum's quote header
    "The report first appeared in 1998 and was reprinted twice before the smelter closed.",
    "Prices are expected to rise for reference grades as smelters restock.",
    "Readers can sign up for the newsletter at the library.",
    "The photo by the river was taken in 1990 and shows the old mill.",
    "Correction, March 13: An earlier version of this article misstated the week change for clips.",
    "Editor's note: This report has been updated to include comments from the operator.",
])
def test_a_story_line_that_looks_like_a_notice_stays(line: str) -> None:
    assert _rule(line) is None
