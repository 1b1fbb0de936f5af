"""The generic rules beyond one line rule per line (boilerplate.toml `[lead]`, `[tail]` and `[title]`): a
lead's label, the footer after a copyright line, a credit at the end of a paragraph, a lone ticker item,
an attachment list's items (cleanfeed/text/multiline.py applies them), and a page title that is a
greeting rather than a headline (cleanfeed/html/metadata.py)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cleanfeed.rules.values import compile_regex


@dataclass(frozen=True)
class TextRules:
    lead_label: re.Pattern[str]          # on the text with traditional characters folded, widths kept
    lead_box_words: frozenset[str]       # class / id words of a lead box above the body
    footer_rules: frozenset[str]         # rule names after which non-paragraph lines are the footer
    credit_suffix: re.Pattern[str]       # on the text with traditional characters folded, widths kept
    ticker_item: re.Pattern[str]         # on the match key
    attachment_item: re.Pattern[str]     # on the match key
    title_greeting: re.Pattern[str]      # on the `<title>` as printed
    needs_blurb: frozenset[str]          # section rules confirmed by a company blurb under their heading
    company_blurb: re.Pattern[str]       # on the text with traditional characters folded


@lru_cache(maxsize=1)
def text_rules() -> TextRules:
    """Loaded once per process from the package's boilerplate.toml."""
    raw = tomllib.loads(resources.files("cleanfeed").joinpath("data/boilerplate.toml").read_text("utf-8"))
    lead, tail = raw["lead"], raw["tail"]
    return TextRules(
        lead_label=compile_regex(lead["label"], "lead.label"),
        lead_box_words=frozenset(lead["box_words"]),
        footer_rules=frozenset(tail["footer_rules"]),
        credit_suffix=compile_regex(tail["credit_suffix"], "tail.credit_suffix"),
        ticker_item=compile_regex(tail["ticker_item"], "tail.ticker_item"),
        attachment_item=compile_regex(tail["attachment_item"], "tail.attachment_item"),
        title_greeting=compile_regex(raw["title"]["greeting"], "title.greeting"),
        needs_blurb=frozenset(tail["needs_blurb"]),
        company_blurb=compile_regex(tail["company_blurb"], "tail.company_blurb"),
    )


__all__ = ["TextRules", "text_rules"]
