"""Boilerplate classes that one line alone cannot show, shared by the plain-text cleaner and the HTML block
filter: a lead's label (`【摘要】`) taken off the lead, an editor credit taken off the end of a paragraph,
an attachment list under its `附件：` label, the site footer after a copyright line, a price ticker above the
story. The patterns are data (boilerplate.toml `[lead]` and `[tail]`, via `rules.textrules`).

Pure functions over texts and match keys.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cleanfeed.rules.linerules import LineRule
from cleanfeed.rules.textrules import text_rules
from cleanfeed.text.language import to_simplified

_LEAD_OPENERS = frozenset("【[")
_ABOUT = re.compile(r"^\s*(about|关于|關於)\s*", re.I)


def split_lead_label(text: str) -> tuple[str, str] | None:
    """(label, lead) for a paragraph that opens with a lead's label (`【摘要】电动车…` → `【摘要】`, `电动车…`);
    the lead is empty for a line that is only the label. None for any other paragraph."""
    if text[:1] not in _LEAD_OPENERS and not any(c in text[:7] for c in ":："):
        return None                   # every label opens with a bracket or ends with a colon
    m = text_rules().lead_label.match(to_simplified(text))    # one character for one: offsets hold
    if m is None or m.end() == 0:
        return None
    return text[:m.end()].strip(), text[m.end():].strip()


def split_credit_suffix(text: str) -> tuple[str, str] | None:
    """(paragraph, credit) for a paragraph that ends with a bracketed editor or source credit
    (`……持續關注。（編輯：林雅婷）`); None when it does not, or when the credit is all there is."""
    if not text.rstrip().endswith((")", "）")):
        return None
    m = text_rules().credit_suffix.search(to_simplified(text))
    if m is None or not text[:m.start()].strip():
        return None
    return text[:m.start()].rstrip(), text[m.start():].strip()


def is_ticker_item(key: str) -> bool:
    """One `name price change` item alone (`铜 68,520 +120`): a ticker above the story, a table row in it."""
    return len(key) <= 60 and text_rules().ticker_item.match(key) is not None


def attachment_list_end(keys: Sequence[str], label: int, is_attachment: Callable[[int], bool]) -> int:
    """The end (exclusive) of the attachment list whose label line is `keys[label]`: the numbered items
    (`1.参会回执`) and file-name lines right below it, so the list goes whole, never half."""
    item = text_rules().attachment_item
    end = label + 1
    while end < len(keys) and (is_attachment(end) or item.match(keys[end]) is not None):
        end += 1
    return end


def confirmed(marker: LineRule | None, heading: str, below: str) -> LineRule | None:
    """The section marker, unless its rule needs the paragraph `below` its heading to read as a company's
    self-description and it does not: it opens with the name the heading gives (`About Pacific Rim Alloys
    Inc.` over `Pacific Rim Alloys Inc. operates …`), or says what the company is (`成立于`, `is a leading`).
    `About This Game` over a game's description is no press-release tail."""
    if marker is None or marker.rule not in text_rules().needs_blurb:
        return marker
    name = _ABOUT.sub("", heading).strip(" :：")
    first = name.split()[0] if " " in name else name[:2]
    if len(first) >= 2 and below.startswith(first):
        return marker
    return marker if text_rules().company_blurb.search(to_simplified(below)) else None


# Section classes that end the article wherever they come: a comment thread, a press release's boilerplate
# tail and a site's legal notice (`反侵权公告：` over its numbered clauses) are followed by prose that is
# not the story (`About <Company>` and its blurb, the notice's clauses).
CUT_TO_END = frozenset({"comments", "pr-tail", "notice"})


def is_footer_start(rule: str) -> bool:
    """A rule whose line opens the site footer once the story has begun (`copyright`, `prev-next`)."""
    return rule in text_rules().footer_rules


__all__ = ["CUT_TO_END", "split_lead_label", "split_credit_suffix", "is_ticker_item", "attachment_list_end",
           "is_footer_start", "confirmed"]
