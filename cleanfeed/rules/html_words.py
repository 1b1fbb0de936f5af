"""The HTML word lists (`cleanfeed/data/html_words.toml`) read once, as frozensets, tuples and regexes.

The extractor (`hints`, `score`) and the dates engine's page regions (`dates.layout`) share this file, so
a change of what a class word means is a data diff reviewed in one place.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class HtmlWords:
    code_tags: tuple[str, ...]
    widget_tags: tuple[str, ...]
    chrome_tags: dict[str, str]
    chrome_roles: dict[str, str]
    strong_prefix: tuple[str, ...]
    strong_exact: frozenset[str]
    soft: frozenset[str]
    hidden: frozenset[str]
    weak_prefix: tuple[str, ...]
    whole_weak: frozenset[str]
    positive: re.Pattern[str]
    false_friends: frozenset[str]
    disclosure: frozenset[str]
    not_disclosure: tuple[str, ...]
    content_widgets: frozenset[str]
    pitch: re.Pattern[str]
    bio_verbs: tuple[str, ...]
    credit_words: frozenset[str]
    credit_tail: re.Pattern[str]
    tag_base: dict[str, int]
    own_text_tags: tuple[str, ...]
    date_excluded_tags: frozenset[str]
    date_hard: re.Pattern[str]
    date_soft: re.Pattern[str]
    date_article_footer: re.Pattern[str]
    date_content_widget: re.Pattern[str]
    date_own_date: re.Pattern[str]
    date_single_view: re.Pattern[str]
    date_scope: re.Pattern[str]
    term_prefix: tuple[str, ...]
    term_any: re.Pattern[str]        # any of `term_prefix` anywhere: one C scan, not a substring test per prefix
    term_list: re.Pattern[str]


def _any(fragments: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(fragments), flags)


@cache
def html_words() -> HtmlWords:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("cleanfeed").joinpath("data/html_words.toml").read_text("utf-8"))
    words, regions = raw["class_words"], raw["date_regions"]
    return HtmlWords(
        code_tags=tuple(raw["tags"]["code"]),
        widget_tags=tuple(raw["tags"]["widget"]),
        chrome_tags=dict(raw["tags"]["chrome"]),
        chrome_roles=dict(raw["roles"]["chrome"]),
        strong_prefix=tuple(words["strong_prefix"]),
        strong_exact=frozenset(words["strong_exact"]),
        soft=frozenset(words["soft"]),
        hidden=frozenset(words["hidden"]),
        weak_prefix=tuple(words["weak_prefix"]),
        whole_weak=frozenset(words["whole_weak"]),
        positive=re.compile(r"(^|-)(" + "|".join(words["positive"]) + r")($|-)"),
        false_friends=frozenset(words["false_friends"]),
        disclosure=frozenset(words["disclosure"]),
        not_disclosure=tuple(words["not_disclosure"]),
        content_widgets=frozenset(words["content_widgets"]),
        pitch=re.compile("|".join(re.escape(w) for w in words["pitch"]), re.I),
        bio_verbs=tuple(words["bio_verbs"]),
        credit_words=frozenset(raw["caption"]["credit_words"]),
        credit_tail=re.compile(raw["caption"]["credit_tail"], re.I),
        tag_base=dict(raw["score"]["tag_base"]),
        own_text_tags=tuple(raw["score"]["own_text_tags"]),
        date_excluded_tags=frozenset(regions["excluded_tags"]),
        date_hard=_any(regions["hard"]),
        date_soft=_any(regions["soft"]),
        date_article_footer=_any(regions["article_footer"]),
        date_content_widget=_any(regions["content_widget"]),
        date_own_date=_any(regions["own_date"]),
        date_single_view=_any(regions["single_view"]),
        date_scope=_any(regions["scope"], re.I),
        term_prefix=tuple(words["term_prefix"]),
        term_any=re.compile("|".join(map(re.escape, words["term_prefix"]))),
        term_list=re.compile("(?:" + "|".join(words["term_list"]) + ")"),
    )


TERM_CACHE = 8192      # distinct class / id strings remembered: a CMS repeats its class strings on every page


def role_names(names: str) -> str:
    """`names` (a class and id string) without the post's taxonomy term classes: `post-12 post type-post hentry
    category-gdpr-compliance tag-cookies` → `post-12 post type-post hentry`. The terms (html_words.toml
    `term_prefix`) say what the post is about, not what its element is, so no role word (boilerplate, region,
    page-type cue) is read in them; they go only beside a token that CMSs print with the terms (`term_list`),
    so `category-nav`, `tag-cloud` and `cat-links` alone keep their words. Every reader of class words asks
    this first (html/hints.py, dates/layout.py, …); any other string comes back as it is. An XPath's attribute
    value (a smart string, holding its element and so its document) is cached as a plain string: cached as it
    is, every page read stayed in memory."""
    return _role_names(names if type(names) is str else str(names))


@lru_cache(maxsize=TERM_CACHE)
def _role_names(names: str) -> str:
    low = names.lower()
    words = html_words()
    if words.term_any.search(low) is None:
        return names                 # (most class strings: one scan for all prefixes, no split)
    tokens = names.split()
    if not any(words.term_list.fullmatch(t.lower()) for t in tokens):
        return names
    return " ".join(t for t in tokens if not t.lower().startswith(words.term_prefix))
