"""A small learned ranker of the lines that may be a dump's headline when the dump has no `<title>` line.

The hand-weighted cues of dumphead.headline_by_cues (length, nearness to the prose, date / byline lines under
it) stall where the headline is not the line right above the prose: a standfirst, a caption or a reading-time
label sits between, a byline name has the date row under it, a subtitle is longer than the headline. What
tells the headline apart there is agreement between places of the page: the line is printed again (a share
bar, a related list, the footer's copy of the `<h1>`), it ends a breadcrumb, the first paragraph repeats its
words, a longer line (its dek) stands right under it. Each candidate's cues are a vector of features
(candidate_features); a linear score over them (weights in cleanfeed/data/dumphead.json, fitted as a
conditional logit, one choice per page, by bench/headrank.py on the development folds of wcxb-dev-en and
mozilla-multi rendered by two scrapers) ranks the candidates. Features are Latin- and Han-neutral: what reads
a letter's case is zero on a Han line.

Pure functions; inference is a dot product per candidate line.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from cleanfeed.text.linescore import LineScore, is_header_line, title_tokens
from cleanfeed.textnorm import HAN, count_chars

FEATURES = ("tokens", "long", "short", "distance", "far", "twice_above", "copied", "doubled", "crumb_end",
            "over_header", "under_header", "stacked", "dek_under", "prose_words", "digits", "lower_start",
            "question", "title_case")
MAX_TOKENS = 12        # tokens a headline earns at most (a longer caption or standfirst earns no more)
NEAR = 15              # lines between a candidate and the prose counted for nearness (beyond: `far`)
HAN_PER_WORD = 1.5     # Han characters to a word of an English headline (a Chinese headline is 8-30 characters)
PROSE_LINES = 3        # lines of prose from the anchor whose words a headline's words are looked for in
_CRUMB_SEP = re.compile(r"\s(?:>|»|›|\||/|·)\s|\s>\s?|»|›")
_BYLINE = re.compile(r"(written|posted|published|reviewed|edited|updated|words)\s+(by|on)\b|by\s", re.I)
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


class Ranker(NamedTuple):
    """Weights of a linear score over FEATURES and the score under which no line is the headline
    (bench/headrank.py writes them)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    min_score: float

    def score(self, feats: Sequence[float]) -> float:
        return sum(w * x for w, x in zip(self.weights, feats, strict=True))


@lru_cache(maxsize=1)
def ranker() -> Ranker:
    """The shipped weights; their feature names must be FEATURES in order (else the data and code disagree)."""
    data = json.loads(resources.files("cleanfeed").joinpath("data/dumphead.json").read_text("utf-8"))
    features = tuple(data["features"])
    if features != FEATURES:
        raise ValueError("cleanfeed/data/dumphead.json was written for other features; run bench/headrank.py")
    return Ranker(features, tuple(float(w) for w in data["weights"]), float(data["min_score"]))


def _near_header(keys: Sequence[str], lo: int, hi: int) -> bool:
    return any(is_header_line(keys[k]) or _BYLINE.match(keys[k]) for k in range(max(0, lo), hi))


def crumb_tails(keys: Sequence[str], start: int) -> frozenset[str]:
    """The last piece of every breadcrumb-like line in the NEAR lines above `start` (`Home » Guides » X` → `X`;
    one separator is enough: `Home » 34 Top Photography Trends in 2025`)."""
    tails = set()
    for key in keys[max(0, start - 4 * NEAR):start]:
        pieces = _CRUMB_SEP.split(key)
        if len(pieces) >= 2 and len(pieces[-1].strip()) >= 6:
            tails.add(pieces[-1].strip())
    return frozenset(tails)


def prose_words(keys: Sequence[str], start: int) -> set[str]:
    """The words (and Han characters) of the first PROSE_LINES lines from the prose anchor on."""
    words: set[str] = set()
    for key in keys[start:start + PROSE_LINES]:
        words.update(title_tokens(key))
    return words


def word_count(key: str, tokens: int) -> float:
    """A line's length in words: linescore counts each Han character as a token, and a Chinese headline of 8 to
    30 characters is as long as an English one of 4 to 15 words."""
    han = 0 if key.isascii() else count_chars(HAN, key)
    return tokens - han + han / HAN_PER_WORD


def title_case(key: str) -> float:
    """Share of the Latin words past the first that begin upper-case (0 on a Han line)."""
    words = _LATIN_WORD.findall(key)[1:]
    return sum(w[0].isupper() for w in words) / len(words) if len(words) >= 2 else 0.0


def candidate_features(keys: Sequence[str], scores: Sequence[LineScore], start: int, i: int,
                       shaped: dict[int, bool], tails: frozenset[str], prose: set[str],
                       counts: dict[str, int]) -> tuple[float, ...]:
    """FEATURES of line `i` as the headline over the prose at `start` (`shaped`: headline_shaped per line,
    `tails`: crumb_tails, `prose`: prose_words, `counts`: how often each line is printed in the dump)."""
    key, tokens = keys[i], word_count(keys[i], scores[i].tokens)
    over = _near_header(keys, i + 1, min(start, i + 4))
    under = _near_header(keys, i - 3, i)
    bag = title_tokens(key)
    shared = sum(1 for w in bag if w in prose) / len(bag) if bag else 0.0
    below = i + 1 < start and shaped.get(i + 1, False) and word_count(keys[i + 1], scores[i + 1].tokens) > tokens \
        and keys[i + 1] != key
    doubled = i > 0 and keys[i - 1] == key or i + 1 < len(keys) and keys[i + 1] == key
    return (
        min(tokens, MAX_TOKENS) / MAX_TOKENS,
        max(0, tokens - MAX_TOKENS) / MAX_TOKENS,
        float(tokens <= 4),
        min(start - 1 - i, NEAR) / NEAR,
        float(i < start - NEAR),
        float(key in keys[max(0, i - NEAR):i]),
        float(counts.get(key, 0) > 1 + doubled),
        float(doubled),
        float(any(key.startswith(t) or t.startswith(key) for t in tails)),
        float(over),
        float(under and not over),
        float(i > 0 and keys[i - 1] != key and shaped.get(i - 1, False)),
        float(below),
        shared,
        float(bool(_DIGIT.search(key))),
        float(key[:1].isascii() and key[:1].islower()),
        float(key.endswith("?")),
        title_case(key),
    )


__all__ = ["FEATURES", "Ranker", "ranker", "candidate_features", "crumb_tails", "prose_words", "title_case",
           "word_count"]
