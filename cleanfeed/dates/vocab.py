"""The words of dates.vocab.toml, loaded once and compiled into the regular expressions the patterns use."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Words:
    """Label words (`bounded`) searched for anywhere in lower-cased text, the same answers as `regex` alone.
    `regex` opens with a look-behind (a word boundary), which keeps `re` from skipping to the words' first letters:
    it tries the look-behind and the trie at every character (26 µs on a 100-character line of prose, the
    first-publication note test on every short body paragraph). `bare` is the trie of the same words without
    boundaries (5 µs): every match of `regex` is a match of `bare` at the same place, so where `bare` finds
    nothing `regex` finds nothing, and it runs only on the few texts that hold one of the words."""

    regex: re.Pattern[str]
    bare: re.Pattern[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> Words:
        """The words as a `bounded` regex and as a bare trie, both matching lower-cased text."""
        listed = list(words)
        return cls(re.compile(bounded(listed)), re.compile(alternation(listed)))

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.bare.search(text) is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.bare.search(text) is not None else iter(())


@dataclass(frozen=True)
class Vocab:
    months: dict[str, int]            # "jan" → 1, "märz" → 3
    month_names: str                  # regex alternation, longest first
    weekday_names: str
    units: dict[str, str]             # "days" → "days", "小时" → "hours"
    unit_names: str
    numbers: dict[str, int]           # "three" → 3, "三" → 3
    number_words: str
    day_words: dict[str, int]         # "yesterday" → 1, "前天" → 2
    day_word_names: str
    now_words: str
    before_words: tuple[str, ...]     # `vor`, `il y a`, `hace`: before an amount (also where a date may start)
    after_words: str                  # `ago`, `fa`, `geleden` (after an amount and its unit)
    zones: dict[str, Any]             # "EDT" → -4, "ET" → "America/New_York" (upper-case keys)
    zone_names: str
    label: re.Pattern[str]            # the last label before a date: other, original, updated, published, weak
    original: Words                   # a first-publication label anywhere (`This story was first published in …`),
    #                                   lower case
    updated: Words                    # an update label anywhere (`updated`, `correction`, `更新`), lower case
    update_nouns: frozenset[str]      # update labels that are nouns (`update`): labels only opening their part
    self_reference: re.Pattern[str]   # a stamp row's page speaking of itself (`This page was last modified on`)
    meta_published: dict[str, int]    # meta key → trust order
    meta_modified: dict[str, int]
    day_followers: str                # regex alternation: what may follow a day printed alone (`2日下午`)
    source_line: re.Pattern[str]      # a line opening with a source credit (`来源：`, `(Source:`)
    other_after: re.Pattern[str]      # what after a date makes it a deadline or a coming day (`4月30日前`)
    future_before: re.Pattern[str]    # a future auxiliary ending right before a label (`will be` released on)
    not_other_after: re.Pattern[str]  # ordinary words opening with one of those (`前往`, `起草`)
    teaser_heading: re.Pattern[str]   # a whole line naming a list of other pages (`最新资讯`, `Most read`)
    country_zones: dict[str, tuple[str, ...]]   # "AU" → ("Australia/Sydney", …): localzone.page_zones
    language_countries: dict[str, str]          # "ja" → "JP": a language spoken in one country (or offset)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first ("sept" wins over "sep"), built as a trie: `re`
    tries alternatives one by one, and a trie of 100 month names costs what 15 first letters cost."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        if len(branches) == 1 and len(body) == 1:
            return f"{body}?"
        return f"(?:{body})?"
    return body


def bounded(words: Iterable[str]) -> str:
    """Latin words need word boundaries ("date" is not in "update"); Han words do not have any."""
    latin = [w for w in words if w.isascii() or any(c.isalpha() and c < "\u3000" for c in w)]
    han = [w for w in words if w not in latin]
    parts = []
    if latin:
        parts.append(rf"(?<![^\W\d_])(?:{alternation(latin)})(?![^\W\d_])")
    if han:
        parts.append(f"(?:{alternation(han)})")
    return "|".join(parts)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = tomllib.loads(resources.files("cleanfeed.dates").joinpath("vocab.toml").read_text("utf-8"))
    months = {name: int(num) for num, names in raw["months"].items() for name in names}
    rel = raw["relative"]
    labels = raw["labels"]
    # The label must end right before the date: only separators, "on"/"am"/"le"/"em"/"op"/"a", "the" (`Posted on the
    # 15/12/2025`, `Published on the 2nd of March`) or a weekday in between.
    weekday = alternation(raw["weekdays"]["names"])
    # A clock may come first (`Updated 3:41 PM EST, Mon December 6, 2021`).
    clock = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?[\s,|·-]*)?"
    gap = (rf"[\s:：\]】)）|/·,.\-–—»>]*(?:(?:on|am|at|le|el|il|um|em|op|a|于|於)\s+)?(?:the\s+)?{clock}"
           rf"(?:(?:{weekday})\.?,?\s*)?$")
    label = re.compile(
        rf"(?:(?P<other>{bounded(labels['other'])})|(?P<original>{bounded(labels['original'])})"
        rf"|(?P<updated>{bounded(labels['updated'])})"
        rf"|(?P<published>{bounded(labels['published'])})|(?P<weak>{bounded(labels['published_weak'])})){gap}",
        _FLAGS)
    meta = raw["meta"]
    return Vocab(
        months=months,
        month_names=alternation(months),
        weekday_names=alternation(raw["weekdays"]["names"]),
        units=dict(rel["units"]),
        unit_names=alternation(rel["units"]),
        numbers={k: int(v) for k, v in rel["numbers"].items()},
        number_words=alternation(rel["numbers"]),
        day_words={k: int(v) for k, v in rel["days"].items()},
        day_word_names=alternation(rel["days"]),
        now_words=alternation(rel["now"]),
        before_words=tuple(rel["before"]),
        after_words=alternation(rel["after"]),
        zones={k.upper(): v for k, v in raw["zones"].items()},
        zone_names=alternation(raw["zones"]),
        label=label,
        original=Words.of(labels["original"]),     # on lower-cased text: IGNORECASE costs 8x
        updated=Words.of(labels["updated"]),
        update_nouns=frozenset(labels["update_nouns"]),
        self_reference=re.compile(rf"^\W*(?:{alternation(labels['self_reference'])})\b", _FLAGS),
        meta_published={k: i for i, k in enumerate(meta["published"])},
        meta_modified={k: i for i, k in enumerate(meta["modified"])},
        day_followers=f"\\s*(?:{alternation(raw['cjk']['day_followers'])})",
        source_line=re.compile(rf"^[\s\[【(〔]*(?:{bounded(raw['source']['labels'])})\s*[:：]", _FLAGS),
        teaser_heading=re.compile(rf"^\W*(?:{alternation(raw['teasers']['headings'])})\W*$", _FLAGS),
        other_after=re.compile(rf"(?:{alternation(labels['other_after'])})"),
        future_before=re.compile(rf"(?<![^\W\d_])(?:{alternation(labels['future_before'])})\s+$", _FLAGS),
        not_other_after=re.compile(rf"(?:{alternation(labels['not_other_after'])})"),
        country_zones={k.upper(): tuple(v) for k, v in raw["country_zones"].items()},
        language_countries={k.lower(): v.upper() for k, v in raw["language_countries"].items()},
    )
