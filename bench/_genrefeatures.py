"""What kind of writing a dump holds: the voice of its prose and the shape of its sections.

The dump type model (cleanfeed/text/dumpmodel.py) reads how much of a dump is prose and where it lies; it
cannot tell a story from a service page that is also mostly prose, nor a thread from a story with comments
under it. What does tell them apart is who speaks to whom (a story reports: `said`, `according to`, third
person; a service or product page addresses its reader: `you`, `your`, `our`, `we offer`, and a forum post
is in the first person singular), and how the page is cut: a story is one long block of prose under one
headline, a service page is many short blocks each under its own heading, a thread is short blocks each
under an author-and-date row.

An experiment, not shipped (bench/dumpgenre.py): beside the dump type model's features these about double the
non-article dumps a held-out logistic model ranks above a given number of article dumps (at a cut of 0.95 on
every renderer but e: 210 non-article dumps against 41 articles, 99 against 42 without them), but no cut types
non-articles without typing an article dump of the held-out renderer e as well.

Pure functions over a dump's lines (in `match_key` form) and their scores.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

from cleanfeed.text.linescore import LineScore, mentions_time

_WORD = re.compile(r"[a-z']+")
# Word classes, English only (the model judges Latin-script dumps only: text/dumpmodel.judged).
_REPORTING = frozenset(["said", "says", "told", "according", "reported", "announced", "added", "stated",
                        "explained", "noted", "spokesperson", "spokesman", "spokeswoman"])
_READER = frozenset(["you", "your", "you're", "yours", "yourself"])
_FIRM = frozenset(["we", "our", "we're", "us", "ours"])
_SELF = frozenset(["i", "i'm", "i've", "my", "me"])
_PROSE_TOKENS = 10         # a prose line: this many tokens and more, reading like sentences
_PROSE_QUALITY = 0.5
_HEADING_TOKENS = 8        # a section heading: a short line right above a prose line


def _is_prose(score: LineScore) -> bool:
    return score.quality >= _PROSE_QUALITY and score.tokens >= _PROSE_TOKENS


def voice_features(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, float]:
    """Rates per 100 words of the prose lines: reporting verbs, the reader addressed, the firm speaking, the
    writer speaking; and the share of prose lines that ask a question (a service page's FAQ)."""
    words: list[str] = []
    questions = prose_lines = 0
    for key, score in zip(keys, scores, strict=True):
        if not _is_prose(score):
            continue
        prose_lines += 1
        questions += key.rstrip().endswith("?")
        words.extend(_WORD.findall(key.lower()))
    per = 100.0 / (len(words) or 1)
    return {"reporting_rate": per * sum(w in _REPORTING for w in words),
            "reader_rate": per * sum(w in _READER for w in words),
            "firm_rate": per * sum(w in _FIRM for w in words),
            "self_rate": per * sum(w in _SELF for w in words),
            "question_share": questions / (prose_lines or 1)}


def _blocks(scores: Sequence[LineScore]) -> list[tuple[int, int, int]]:
    """(start, end, tokens) of every block of consecutive prose lines (a wrapped paragraph's later lines,
    which weigh nothing, stay in their block)."""
    blocks: list[tuple[int, int, int]] = []
    start, tokens = -1, 0
    for i, s in enumerate(scores):
        inside = _is_prose(s) or (start >= 0 and s.tokens == 0 and s.weight == 0 and s.span == 1 and i > start)
        if inside:
            if start < 0:
                start, tokens = i, 0
            tokens += s.tokens
        elif start >= 0:
            blocks.append((start, i, tokens))
            start = -1
    if start >= 0:
        blocks.append((start, len(scores), tokens))
    return blocks


def section_features(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, float]:
    """How the prose is cut: the number of prose blocks, the largest block's share of the prose, how many
    blocks sit under a short heading line or under a dated row (a post's header), per block."""
    blocks = _blocks(scores)
    prose = sum(t for _, _, t in blocks) or 1
    headed = dated = 0
    for start, _, _ in blocks:
        above = [i for i in range(max(0, start - 3), start) if scores[i].tokens > 0]
        if above and scores[above[-1]].tokens <= _HEADING_TOKENS and not keys[above[-1]].rstrip().endswith("."):
            headed += 1
        if any(mentions_time(keys[i]) and scores[i].tokens <= 12 for i in above):
            dated += 1
    n = len(blocks) or 1
    return {"log_blocks": math.log1p(len(blocks)),
            "largest_block_share": max((t for _, _, t in blocks), default=0) / prose,
            "headed_share": headed / n,
            "dated_share": dated / n}


def genre_features(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, float]:
    """Every feature of this module."""
    return voice_features(keys, scores) | section_features(keys, scores)


__all__ = ["genre_features", "section_features", "voice_features"]
