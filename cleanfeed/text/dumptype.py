"""The page type of a whole-page text dump, and what to keep of one that is not an article.

A dump is read without its URL and without markup, so its type is read from its lines (the rules and
patterns are data: cleanfeed/data/dumptype.toml): how much of it is prose, and rows that repeat in the
shape of a shop (prices, cart buttons, star ratings), a forum (reply and quote rows), a manual (lines of
code) or a teaser list (`Read more` under every item). Only articles reach the feeds; the rules are set so
that no article dump we have (1,807 pages, English and Chinese) is called anything else.

What is content differs too: an article is one run of prose, cut out of the menus around it
(cleanfeed/text/dump.py); a listing, a product page, a thread or a manual is many runs of shorter lines
(items and their blurbs, posts, spec rows), so the lines kept are every stretch that pays for its lines
at a low price per line (`OTHER_LINE_COST`), not only the best one. On the development folds (f1, f3) of
wcxb-dev-other rendered as dumps (bench/otherdumps.py), given to every non-article page there, that scores
0.676 against 0.585 for keeping every line; with the types the rules give, the set scores 0.602 there
(0.535 before, keeping every line 0.566) and the unread folds rose too.

Pure functions over a page's lines and their scores.
"""
from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Any, NamedTuple

from cleanfeed.rules.linerules import LineRule
from cleanfeed.text.linescore import LineScore, mentions_time

PROSE_TOKENS = 15          # a prose line: this many tokens and more, reading like sentences (quality ≥ 0.5)
PROSE_QUALITY = 0.5
LABEL_TOKENS = 4           # a label: this many tokens or fewer, printed `LABEL_REPEATS` times or more
LABEL_REPEATS = 4
# The non-article profile (bench/otherdumps.py, dev folds f1+f3 of wcxb-dev-other): a line pays 2 tokens
# (an article line pays 8) and counts its tokens at a prose quality of at least 0.3, so a list of
# 3-word items holds while 1-word menu entries sink; a stretch is kept when it earns 60 tokens or more.
# Tried there: price 1.5 / 2 / 3 and floor 0.3 / 0.5 / 0.7; keeping only the best stretch 0.657.
OTHER_LINE_COST = 2.0
OTHER_QUALITY_FLOOR = 0.3
OTHER_MIN_RUN = 60.0
_SPEC_ROW = re.compile(r"^[^\W\d][\w ()/.-]{0,30}:\s*\S.{0,60}$")   # `Weight: 62 kg`, `Can sizes: 150 ml to 500 ml`


class Evidence(NamedTuple):
    """What a dump's lines show about the kind of page it is."""

    prose: float                   # share of the page's tokens in prose lines
    prose_lines: int
    labels: int                    # distinct short lines printed LABEL_REPEATS+ times, not inside a block printed
                                   # again (`copied_lines`)
    stamps: int                    # lines holding a date or a clock
    rows: dict[str, int]           # lines matching each pattern of dumptype.toml


class TypeRule(NamedTuple):
    page_type: str
    at_least: dict[str, float]     # evidence name → minimum
    at_most: dict[str, float]      # evidence name → maximum


class _Table(NamedTuple):
    patterns: dict[str, re.Pattern[str]]
    not_in_prose: frozenset[str]       # patterns counted only on lines that are not prose
    rules: tuple[TypeRule, ...]


@lru_cache(maxsize=1)
def _table() -> _Table:
    data: dict[str, Any] = tomllib.loads(
        resources.files("cleanfeed").joinpath("data/dumptype.toml").read_text("utf-8"))
    patterns = {name: re.compile(p) for name, p in data["patterns"].items()}
    rules = []
    for entry in data["rule"]:
        least = {k.removesuffix("_at_least"): float(v) for k, v in entry.items() if k.endswith("_at_least")}
        most = {k.removesuffix("_at_most"): float(v) for k, v in entry.items() if k.endswith("_at_most")}
        rules.append(TypeRule(entry["type"], least, most))
    return _Table(patterns, frozenset(data.get("not_in_prose", ())), tuple(rules))


def _is_prose(score: LineScore) -> bool:
    """A prose line: PROSE_TOKENS tokens or more, reading like sentences."""
    return score.quality >= PROSE_QUALITY and score.tokens >= PROSE_TOKENS


def _shares(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, float]:
    """The evidence read from the scores alone: `prose` (share of tokens), `prose_lines` and `labels`."""
    total = sum(s.tokens for s in scores) or 1
    prose = [s.tokens for s in scores if _is_prose(s)]
    short = Counter(k for k, s in zip(keys, scores, strict=True) if 0 < s.tokens <= LABEL_TOKENS)
    repeated = {k for k, n in short.items() if n >= LABEL_REPEATS}
    return {"prose": sum(prose) / total, "prose_lines": len(prose),
            "labels": len(repeated - copied_lines(keys, repeated))}


def copied_lines(keys: Sequence[str], lines: set[str]) -> set[str]:
    """Those of `lines` printed with the same line above and the same line below every time: the inside of a
    block printed again (a menu a text browser prints in the header, the mobile menu and the footer), not an
    item's button, whose neighbours are the items (`$12.99` / `Add to cart` / the next item's name). With
    them, a lynx or w3m dump of a story under a site's repeated menu was typed a listing (aeb-en, dev fold 1)."""
    around: dict[str, set[tuple[str, str]]] = {k: set() for k in lines}
    for i, key in enumerate(keys):
        if key in around:
            around[key].add((keys[i - 1] if i else "", keys[i + 1] if i + 1 < len(keys) else ""))
    return {k for k, seen in around.items() if len(seen) == 1}


def _rows(name: str, keys: Sequence[str], scores: Sequence[LineScore]) -> Iterator[int]:
    """The lines that match the pattern `name` of dumptype.toml (`stamps`: that hold a date or a clock),
    prose lines left out for a pattern `not_in_prose` names."""
    table = _table()
    test = mentions_time if name == "stamps" else table.patterns[name].search
    skip_prose = name in table.not_in_prose
    return (i for i, key in enumerate(keys) if test(key) and not (skip_prose and _is_prose(scores[i])))


def evidence(keys: Sequence[str], scores: Sequence[LineScore]) -> Evidence:
    """The dump's evidence, from its lines in `match_key` form and their scores (cleanfeed/text/linescore.py):
    all of it, for tests and benches (`dump_page_type` reads only what its rules ask)."""
    shares = _shares(keys, scores)
    rows = {name: sum(1 for _ in _rows(name, keys, scores)) for name in _table().patterns}
    return Evidence(shares["prose"], int(shares["prose_lines"]), int(shares["labels"]),
                    sum(1 for _ in _rows("stamps", keys, scores)), rows)


def row_counts(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, int]:
    """Lines matching each pattern of dumptype.toml, and `stamps`: lines that hold a date or a clock."""
    return {name: sum(1 for _ in _rows(name, keys, scores)) for name in (*_table().patterns, "stamps")}


class _LazyEvidence:
    """The dump's evidence, computed only as far as a rule asks: the cheap shares first, and a count of
    pattern rows stops as soon as it answers (an article's dump has prose enough to fail every rule but
    two at once, and a date that fails the manual's rule at its first print): the full `evidence` of every
    dump doubled the text cleaner's time per page."""

    def __init__(self, keys: Sequence[str], scores: Sequence[LineScore]) -> None:
        self.keys, self.scores = keys, scores
        self.shares: dict[str, float] = {}

    def share(self, name: str) -> float:
        if not self.shares:
            self.shares = _shares(self.keys, self.scores)
        return self.shares[name]

    def rows_reach(self, name: str, n: float) -> bool:
        """At least `n` lines match the pattern `name` (`stamps`: hold a date or a clock); stops at the n-th."""
        needed = math.ceil(n)
        return needed <= 0 or sum(1 for _ in islice(_rows(name, self.keys, self.scores), needed)) == needed

    def holds(self, rule: TypeRule) -> bool:
        cheap = ("prose", "prose_lines", "labels")
        tests = [(name, v, True) for name, v in rule.at_least.items()] + \
            [(name, v, False) for name, v in rule.at_most.items()]
        for name, v, least in sorted(tests, key=lambda t: (t[0] not in cheap, t[2])):   # shares, then at-mosts
            if name in cheap:
                ok = self.share(name) >= v if least else self.share(name) <= v
            else:
                ok = self.rows_reach(name, v) if least else not self.rows_reach(name, v + 1)
            if not ok:
                return False
        return True


def dump_page_type(keys: Sequence[str], scores: Sequence[LineScore]) -> str:
    """`article`, or the type of the first rule of dumptype.toml whose evidence the dump shows."""
    asked = _LazyEvidence(keys, scores)
    return next((rule.page_type for rule in _table().rules if asked.holds(rule)), "article")


def content_runs(weights: Sequence[float], min_run: float = OTHER_MIN_RUN) -> list[tuple[int, int]]:
    """[start, end) of every stretch whose lines together earn `min_run` or more: the best run between two
    points where the running total falls to zero (Kadane, kept per stretch instead of once per page)."""
    runs: list[tuple[int, int]] = []
    best, best_at, current, start = 0.0, None, 0.0, 0     # best_at: None until the stretch earns anything
    for i, w in enumerate(weights):
        if current <= 0:
            if best_at is not None and best >= min_run:
                runs.append(best_at)
            best, best_at, current, start = 0.0, None, 0.0, i
        current += w
        if current > best:
            best, best_at = current, (start, i + 1)
    if best_at is not None and best >= min_run:
        runs.append(best_at)
    return runs


def grid_lines(keys: Sequence[str], scores: Sequence[LineScore]) -> set[int]:
    """The lines of a grid of short items, which no stretch of prose holds (a shop's category page: name,
    price, `In stock`, `Add to cart` per item; a table of award winners: category, `Winner`, name, firm):
    from one period above the first print of the most printed label to its last print, labels included
    (dev folds: 0.602 with them, 0.596 without), plus the sentences above the grid (the category's
    intro). None when no short line is printed LABEL_REPEATS+ times."""
    repeats = Counter(k for k, s in zip(keys, scores, strict=True) if 0 < s.tokens <= LABEL_TOKENS)
    label, times = repeats.most_common(1)[0] if repeats else ("", 0)
    if times < LABEL_REPEATS:
        return set()
    at = [i for i, k in enumerate(keys) if k == label]
    period = min(b - a for a, b in zip(at, at[1:], strict=False))
    start = max(1, at[0] - period + 1)
    grid = set(range(start, at[-1] + 1))
    intro = {i for i in range(1, start) if scores[i].quality >= PROSE_QUALITY and scores[i].tokens >= 6}
    return grid | intro


def other_content(keys: Sequence[str], scores: Sequence[LineScore], rule_of: Callable[[str], str | None],
                  kind: str = "listing", titled: bool = True) -> tuple[list[int], dict[int, str]]:
    """The lines kept of a dump that is not an article (never its first line when that is the `<title>`,
    `titled`) and why each other line was dropped (the boilerplate rule `rule_of` names, or
    `dump-outside-content`)."""
    hits = [rule_of(k) for k in keys]
    boiler = [h is not None for h in hits]
    weights = [-2 * OTHER_LINE_COST if b else
               0.0 if s.tokens == 0 and s.weight == 0 else     # a wrapped paragraph's later line
               s.tokens * max(s.quality, OTHER_QUALITY_FLOOR) - OTHER_LINE_COST
               for b, s in zip(boiler, scores, strict=True)]
    if weights and titled:
        weights[0] = -OTHER_MIN_RUN      # the `<title>`: the title, not the content
    inside = {i for a, b in content_runs(weights) for i in range(a, b)}
    inside |= grid_lines(keys, scores)   # a grid of short items (name, price, button) no stretch holds
    if not inside:      # no grid either: the best stretch, however short
        runs = content_runs(weights, 0.0)
        a, b = max(runs, key=lambda run: sum(weights[run[0]:run[1]])) if runs else (0, 0)
        inside = set(range(a, b))
    if kind == "product":   # the description, and the price and spec rows (`Weight: 62 kg`) around it
        price = _table().patterns["price"]
        inside |= {i for i in range(1, len(keys)) if _SPEC_ROW.match(keys[i]) or price.search(keys[i])}
    keep = [i for i in sorted(inside) if not boiler[i]]
    dropped = {i: hits[i] or ("dump-page-title" if i == 0 and titled else "dump-outside-content")
               for i in range(len(keys)) if i not in keep}
    return keep, dropped


def rule_namer(rules: Sequence[LineRule], match: Callable[[Sequence[LineRule], str], LineRule | None]) \
        -> Callable[[str], str | None]:
    """`key → the name of the first of `rules` that marks the line as boilerplate`, or None."""
    def name(key: str) -> str | None:
        hit = match(rules, key)
        return hit.rule if hit is not None else None
    return name


__all__ = ["Evidence", "evidence", "row_counts", "dump_page_type", "content_runs", "other_content", "rule_namer"]
