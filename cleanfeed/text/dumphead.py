"""The headline of a whole-page text dump and the window of header lines above its article run.

A dump's first line is the page's `<title>`; the headline is the line below that the `<title>` names (its
headline piece, the whole `<title>` printed again, or its first piece when the longer piece is the site's),
else the line that words the `<title>` alike (search-engine titles reword the printed headline), else the
nearest line printed twice, else a short line over the date / source lines that head the run.

Pure functions over the page's lines (cleanfeed/text/dump.py calls them).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cleanfeed.rules.site import first_match, generic_rules
from cleanfeed.text.linescore import (
    LineScore,
    dump_rules,
    is_header_line,
    page_title_match,
    title_head,
    title_overlap,
    title_pieces,
)

TITLE_WINDOW = 15       # how far above the article run a headline is looked for
# With no headline found, how far above the run date / source lines are kept (4 before: publication day of the
# wcxb-dev-en dumps of the two development folds 0.504 -> 0.519).
HEADER_WINDOW = TITLE_WINDOW
# F1 of tokens shared by a line and the `<title>` that makes it the reworded headline (0.5 / 0.6 / 0.7 / 0.8 on
# the two development folds: wcxb-dev-en titles 0.703 / 0.707 / 0.685 / 0.681, mozilla 0.451 / 0.451 / 0.471 / 0.490)
MIN_TITLE_OVERLAP = 0.6
# A line printed twice that shares no more than this with the `<title>` is a price, a label or a name printed in
# two places (`$289 - $1,000+`, `Table of Contents`), not the headline (> 0 / > 0.2 on the development folds:
# wcxb-dev-en dump titles 0.722 -> 0.741 / 0.744).
MAX_TWICE_UNRELATED = 0.2
MIN_HEADLINE_TOKENS = 4  # a headline found only by the header lines under it: fewer tokens is a menu item
_HEADLINE_STOP = re.compile(r"[。.:;,]$")        # how a caption, a label or a sentence ends; a headline does not
_CRUMB = re.compile(r">|»|›|\|")


def named_headlines(keys: Sequence[str]) -> list[int]:
    """The lines below the first that are the headline the page's `<title>` (its first line) names."""
    head = title_head(keys[0]) if keys else ""
    return [i for i in range(1, len(keys)) if page_title_match(keys[i], keys[0], head)]


def find_headline(keys: Sequence[str], scores: Sequence[LineScore], start: int) -> tuple[int | None, bool]:
    """The headline above the run at `start`: the line the page's `<title>` names (by its headline piece,
    whole, or by its first piece when a longer piece is the site's), else the one that words the `<title>`
    alike, else the nearest line printed twice or the one over the date lines; None when none. And whether it
    heads the story closely enough that the prose between it and the run is the story's standfirst: not when
    it is the whole `<title>` printed again or a rewording of it (those are often printed higher up, over a
    teaser or caption that aeb-en's gold leaves out: keeping that prose cost aeb-en-text 0.0006 F1)."""
    window = [i for i in range(start - 1, max(1, start - TITLE_WINDOW) - 1, -1)
              if scores[i].boiler is None and 2 <= scores[i].tokens <= 60]
    head = title_head(keys[0])
    # `Climate Change | Economic Research Service`: the longer piece is the site's, the headline is printed as
    # the first piece alone; the nearest of the lines either piece names is the headline, a site's logo higher
    first = title_pieces(keys[0])[0]
    first = first if first != head and len(first) >= 6 else ""
    for i in window:
        if page_title_match(keys[i], keys[0], head) or keys[i] == first:
            return i, keys[i] != keys[0]
    reworded = reworded_headline(keys, scores, window)
    if reworded is not None:
        return reworded, False
    seen = Counter(keys[i] for i in window)
    twice = next((i for i in window if seen[keys[i]] > 1 and scores[i].tokens >= 3
                  and title_overlap(keys[i], keys[0]) > MAX_TWICE_UNRELATED), None)
    return (twice, True) if twice is not None else (headline_above_header(keys, scores, start), True)


def reworded_headline(keys: Sequence[str], scores: Sequence[LineScore], window: Sequence[int]) -> int | None:
    """The line of the window that words the page's `<title>` most alike, when it shares at least
    MIN_TITLE_OVERLAP of it: the printed headline where the `<title>` words it for search engines."""
    best, best_overlap = None, MIN_TITLE_OVERLAP
    for i in window:
        overlap = title_overlap(keys[i], keys[0]) if scores[i].tokens >= MIN_HEADLINE_TOKENS - 1 else 0.0
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def headline_above_header(keys: Sequence[str], scores: Sequence[LineScore], start: int) -> int | None:
    """The line right above the date / source lines that head the run, when it can be a headline: a
    few words or characters, no sentence end, no boilerplate rule, not a header itself
    (`格兰仕独揽两项“红顶奖”` over `2012-01-17 10:36:43 来源: 佛山日报网络版`)."""
    first = next((i for i in range(max(1, start - HEADER_WINDOW), start) if is_header_line(keys[i])), None)
    if first is None or first < 2:
        return None
    i = first - 1
    key, score = keys[i], scores[i]
    if score.boiler is not None or not MIN_HEADLINE_TOKENS <= score.tokens <= 60 or is_header_line(key) \
            or _HEADLINE_STOP.search(key) or len(_CRUMB.findall(key)) >= 2:
        return None
    rules = (*generic_rules().lines, *generic_rules().sections, *dump_rules())
    return i if first_match(rules, key) is None else None


__all__ = ["TITLE_WINDOW", "HEADER_WINDOW", "MIN_TITLE_OVERLAP", "named_headlines", "find_headline",
           "reworded_headline", "headline_above_header"]
