"""The article run of a whole-page dump: the contiguous run of lines with the highest total weight
(Kadane's episodes over the line scores of cleanfeed/text/linescore.py), preferring the run under the
headline the page's `<title>` names, never a comment thread or the footer's legal text, cut where a list of
dated items begins; the boilerplate rules are asked only about the winning run's prose lines
(`settle_run`). cleanfeed/text/dump.py builds the region (title, header lines, drops) around it.

Pure functions over the page's lines; nothing here reads files or keeps state.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from types import EllipsisType

from cleanfeed.rules.linerules import LineRule, first_match, generic_rules
from cleanfeed.text.dumphead import TITLE_WINDOW, named_headlines
from cleanfeed.text.linescore import LineScore, dump_rules, is_stamp, score_line
from cleanfeed.textnorm import CJK_RANGES

Match = Callable[[Sequence[LineRule], str], "LineRule | None"]   # first_match, or a page's MatchMemo

TITLE_BONUS = 40.0      # a run right under the page's headline is worth this many tokens more
MIN_PROSE_BEFORE_COMMENTS = 30.0  # a comment marker above this much prose is a tool-bar link, not a thread
COMMENT_REACH = 3       # a run starting this few lines under a comment marker is a comment
RULE_PASSES = 4         # rounds of asking the boilerplate rules about the lines of the winning run
MAX_SPAN_BACK = 40      # lines a hard-wrapped paragraph's first line may stand above a run that starts inside it
MAX_CUT_LINES = 12      # wrapped lines of one paragraph `cut_lines` may add at either edge of the run
WRAP_SLACK = 4          # columns short of the widest line the greedy wrap may leave (a long next word)
_MID_SENTENCE = re.compile(r"[a-z][,-]?$")     # a line cut mid-sentence ends in a word in lower case (or a comma)
_UNSPACED = re.compile(f"[{CJK_RANGES}]")       # a script written without spaces between words
MIN_PARAGRAPH = 10.0    # weight of a line that is surely article prose (not a header, not a caption)
# The site's copyright line (`© 2019 Site, LLC. All rights reserved. …`, `Copyright © 2005-2012 …`): the run
# that holds the page's last one is the footer's legal text, which reads like prose and can outweigh an
# article cut into short lines; a wire's notice under the article (`© 2019 Associated Press`) is not the last.
_COPYRIGHT = re.compile(r"(copyright\s*)?(©|\(c\)|copyright)\s*(19|20)\d\d\b", re.I)


def settle_run(keys: Sequence[str], scores: list[LineScore], rules: Sequence[LineRule],
               match: Match = first_match, named: Sequence[int] | None = None) -> tuple[int, int]:
    """The article run, asking the boilerplate rules only about the prose lines of the winning run and
    choosing again while they find any (`scores` is updated): 20 regexes for every line of the page
    would double the time per page, and a line that costs more than it earns stays out anyway (a table
    cell or list item lifted by `lift_lists` is not asked either: no rule was asked about it before)."""
    asked: set[int] = set()
    start, end = 0, 0
    titled = named_headlines(keys) if named is None else named   # the same in every pass: only the weights change
    form = comment_form(keys)
    footer = copyright_line(keys)
    for _ in range(RULE_PASSES):
        start, end = choose_run(keys, [s.weight for s in scores], CommentMarkers(keys, scores), titled, form,
                                footer)
        todo = [i for i in range(start, end) if i not in asked and scores[i].weight > 0 and not scores[i].lifted]
        asked.update(todo)
        hits = [(i, hit) for i in todo if (hit := match(rules, keys[i])) is not None]
        for i, hit in hits:
            for k in range(i + 1, i + scores[i].span):    # a wrapped paragraph's other lines stand alone
                scores[k] = score_line(keys[k])
            scores[i] = score_line(keys[i], hit.rule)
        if not hits:
            break
    return cut_lines(keys, *whole_paragraphs(scores, start, end))


def cut_lines(keys: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """The run widened over the hard-wrapped lines of its first and last paragraph that text/linescore.continues
    does not join (a line that goes on with a capital: `…will begin in` / `September, the council…`; a dump too
    narrow or too short for text/unwrap.py to join): on the greedy wrap's evidence, a line that ends no sentence
    (in a lower-case word or a comma) and is filled so far that the next line's first word could not have fitted
    on it, at the width the run's widest line shows (lines of spaced words only: Chinese is left to the other joins)."""
    if end - start < 2:
        return start, end
    width = wrap_width(keys[start:end])
    reach = start - MAX_CUT_LINES
    while start > max(0, reach) and wrapped_on(keys[start - 1], keys[start], width):
        start -= 1
    reach = end + MAX_CUT_LINES
    while end < min(len(keys), reach) and wrapped_on(keys[end - 1], keys[end], width):
        end += 1
    return start, end


def wrap_width(keys: Sequence[str]) -> int:
    """The width a hard wrap of `keys` filled its lines to, at least: the widest line's, less WRAP_SLACK."""
    return max(map(len, keys), default=0) - WRAP_SLACK


def wrapped_on(prev: str, nxt: str, width: int) -> bool:
    """The greedy wrap's evidence that `nxt` goes on `prev`'s paragraph: `prev` ends no sentence (in a lower-case
    word or a comma) and is filled so far, at `width` (wrap_width), that `nxt`'s first word could not have fitted
    on it. Lines of spaced words only (`’`, `–`, `é` too: not ASCII alone): Chinese is left to the other joins."""
    return (" " in prev and _MID_SENTENCE.search(prev) is not None and not _UNSPACED.search(prev)
            and not _UNSPACED.search(nxt)
            and len(prev) <= width + WRAP_SLACK and len(prev) + 1 + len(nxt.split(" ", 1)[0]) > width)


def whole_paragraphs(scores: Sequence[LineScore], start: int, end: int) -> tuple[int, int]:
    """The run widened to the whole hard-wrapped paragraphs at its edges (text/linescore.line_scores: a paragraph's
    first line carries its weight, its other lines weigh 0): Kadane's run ends at the last line that raised its
    total, so it left out the last paragraph's wrapped lines (`the firm agreed to route them by the bypass.`), and
    a run that began on such a line leaves its paragraph's first line out."""
    if end <= start:
        return start, end
    for i in range(max(0, start - MAX_SPAN_BACK), start):
        if i + scores[i].span > start:
            start = i
            break
    for i in range(start, end):
        end = max(end, min(len(scores), i + scores[i].span))
    return start, end


def candidate_runs(weights: Sequence[float]) -> list[tuple[float, int, int]]:
    """(total, start, end) of the best run in each stretch between two points where the running total
    falls to zero (Kadane's episodes): the article and every rival block of prose (comments, teasers)."""
    out: list[tuple[float, int, int]] = []
    total, start, best = 0.0, 0, (0.0, 0, 0)
    for i, w in enumerate(weights):
        if total <= 0:
            if best[0] > 0:
                out.append(best)
            total, start, best = 0.0, i, (0.0, i, i)
        total += w
        if total > best[0]:
            best = (total, start, i + 1)
    if best[0] > 0:
        out.append(best)
    return out


class CommentMarkers:
    """Which lines open a comment thread or one comment: `Alex on May 1, 2018 at 6:34 am said:`, `# re:
    …` anywhere; `Leave a Reply`, `34 responses to …` once some prose came before (above any prose,
    `我要评论` is a link in the article's tool bar). Asked lazily, only about the few lines that decide
    between runs."""

    def __init__(self, keys: Sequence[str], scores: Sequence[LineScore]) -> None:
        self.keys, self.scores = keys, scores
        self.rules = tuple(r for r in (*generic_rules().sections, *dump_rules()) if r.rule_class == "comments")
        self.prose_before = [0.0]
        for score in scores:
            self.prose_before.append(self.prose_before[-1] + max(score.weight, 0.0))
        self.memo: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        if i not in self.memo:
            key = self.keys[i]
            hit = first_match(self.rules, key) if len(key) <= 160 and self.scores[i].weight < MIN_PARAGRAPH else None
            self.memo[i] = hit is not None and (
                hit.rule == "comment-header" or self.prose_before[i] >= MIN_PROSE_BEFORE_COMMENTS)
        return self.memo[i]


def comment_form(keys: Sequence[str]) -> int:
    """The first comment-policy notice (`Comments are moderated…`, `ATENÇÃO: Comentários … não serão
    aprovados`): the comment form's header, never a tool-bar link, so below it, at any distance, are the
    thread and the sidebar. `len(keys)` when the page has none."""
    rule = next((r for r in dump_rules() if r.rule == "comment-policy"), None)
    if rule is None or not keys:
        return len(keys)
    if not rule.needs:
        return next((i for i, key in enumerate(keys) if rule.matches(key)), len(keys))
    low = [key.lower() for key in keys]      # the rule's words found by plain substring scans of the page
    page = "\n".join(low)
    starts = list(accumulate((len(key) + 1 for key in low[:-1]), initial=0))
    holding: set[int] = set()
    for word in rule.needs:
        at = page.find(word.lower())
        while at >= 0:
            holding.add(bisect_right(starts, at) - 1)
            at = page.find(word.lower(), at + 1)
    return next((i for i in sorted(holding) if rule.matches(keys[i])), len(keys))


def copyright_line(keys: Sequence[str]) -> int | None:
    """The page's last copyright line (`© 2024 Site Ltd. All rights reserved. …`), if any: the footer's
    legal text; a plain substring test first, as most lines hold none of the words."""
    for i in range(len(keys) - 1, -1, -1):
        key = keys[i]
        if ("©" in key or "opyright" in key or "OPYRIGHT" in key or "(c)" in key or "(C)" in key) \
                and _COPYRIGHT.match(key):
            return i
    return None


def choose_run(keys: Sequence[str], weights: Sequence[float], is_comment: Callable[[int], bool],
               titled: Sequence[int] | None = None, form: int | None = None,
               footer: int | None | EllipsisType = ...) -> tuple[int, int]:
    """The article run. The heaviest candidate wins, with a bonus for the one under the headline the
    page's `<title>` names, and never a run that starts right under a comment marker when another is
    there (a comment thread reads like prose and can outweigh a short article). A run that holds the
    headline itself starts after it: what precedes the headline is a teaser block. A run that starts below
    the comment form's notice (line `form`) loses to any run above it, and so does one that holds the page's
    last copyright line (`footer`: its index, None for a page without one; `...` looks it up). The run ends
    at a comment marker that follows some of its prose."""
    runs = candidate_runs(weights)
    form = len(weights) if form is None else form
    last = copyright_line(keys) if isinstance(footer, EllipsisType) else footer
    comments = [r for r in runs if r[1] > form or (last is not None and r[1] <= last < r[2])
                or any(is_comment(i) for i in range(max(0, r[1] - COMMENT_REACH), r[1]))]
    runs = [r for r in runs if r not in comments] or runs
    if not runs:
        return (0, 0)
    named = named_headlines(keys) if titled is None else titled

    def worth(run: tuple[float, int, int]) -> float:
        total, start, end = run
        return total + (TITLE_BONUS if any(start - TITLE_WINDOW <= i < end for i in named) else 0.0)
    total, start, end = max(runs, key=worth)
    inside = [i for i in named if start < i < end]
    if inside:
        rest = candidate_runs(weights[inside[-1] + 1:end])
        if rest and max(rest)[0] >= 0.3 * total:
            _, a, b = max(rest)
            start, end = inside[-1] + 1 + a, inside[-1] + 1 + b
    prose = 0.0
    for i in range(start, end):
        if prose >= MIN_PROSE_BEFORE_COMMENTS and is_comment(i):
            return start, i
        prose += max(weights[i], 0.0)
    return start, end


def cut_at_stamps(keys: Sequence[str], scores: Sequence[LineScore], start: int, end: int) -> int:
    """The run ends where a list of dated items begins after the article's prose: three or more short
    date/time stamp lines (`November 19, 2019 at 6:34 am`, `2 days ago`) are a comment thread or a
    teaser list, and its first item starts at the short lines (name, headline) above the first stamp."""
    first_prose = next((i for i in range(start, end) if scores[i].weight >= MIN_PARAGRAPH), end)
    stamps = [i for i in range(first_prose + 1, end) if is_stamp(keys[i], scores[i])]
    if len(stamps) < 3:
        return end
    cut = stamps[0]
    while cut > first_prose + 1 and scores[cut - 1].weight <= 0:
        cut -= 1
    return cut


__all__ = ["Match", "settle_run", "whole_paragraphs", "cut_lines",
           "candidate_runs", "choose_run", "cut_at_stamps", "CommentMarkers", "comment_form",
           "copyright_line"]
