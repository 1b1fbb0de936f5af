"""A document of short lines in a whole-page dump: a conference programme, a flattened admissions table, a
specification list, a diagram drawn with box characters. None of its lines reads like a sentence, so each
sinks under the line price (cleanfeed/text/linescore.py) and the article run settles on its few longest
lines, far from the headline.

What tells such a document from a sidebar is where it stops: it runs on from the article run to the page's
footer (its copyright line, its comment form, or simply the end of the page) with no boilerplate rule, no
comment marker and no navigation bar between, where a news page's run is followed by a source line, a share
bar, a related list or a hot list first. So the run is stretched down to the footer when that is close, and
up to the headline the `<title>` names when nothing that stops the stretch lies between.

Pure functions over the page's lines (cleanfeed/text/dump.py calls them).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cleanfeed.rules.linerules import LineRule
from cleanfeed.text.linescore import LineScore, has_full_date, is_chrome, is_header_line

MIN_STRETCH = 8       # lines a stretch must add: a line or two under the run is a caption or a credit
FOOTER_REACH = 25     # the stretch must stop this close to the page's end: beyond, a sidebar may follow
MAX_CHROME_SHARE = 0.6    # share of menu-like lines (short, no sentence) a stretch may hold
HEADER_GAP = 2        # a date / source line this close under the headline is the story's, and no stop
# A stretch under the run must be three quarters rows of a table or items of a list, and at least MIN_ROWS of
# them: a sidebar of headlines under a table, or a related list of eight items under a story, is not (the one
# flattened table of cwced-zh-text's development half holds 0.78 and 173 rows).
MIN_ROW_SHARE = 0.75
MIN_ROWS = 20
_BAR = re.compile(r"\s*(?:>|»|›|\||│|︱|¦)\s*")
_BAR_END = re.compile(r"^\s*[|│︱¦]|[|│︱¦]\s*$")    # `| 最新`: a tab of a sidebar box


def stops(key: str, score: LineScore, rules: Sequence[LineRule], match: Callable[..., LineRule | None]) -> bool:
    """The line ends a document's stretch: a boilerplate line or section marker, or a navigation bar."""
    return (score.boiler is not None or len(_BAR.findall(key)) >= 3 or _BAR_END.search(key) is not None
            or has_full_date(key) or match(rules, key) is not None)


def stretch_down(keys: Sequence[str], scores: Sequence[LineScore], run: tuple[int, int], listed: frozenset[int],
                 rules: Sequence[LineRule], match: Callable[..., LineRule | None]) -> int:
    """Where the run stretches down to: the line that stops a document, when that is close to the page's end,
    most lines between are rows of a flattened table or items of a list (text/listblocks.py: an admissions
    table under its introduction) and they hold more text than the run (a list of related headlines under a
    story is a fraction of it); else the run's end."""
    start, end = run
    j = end
    while j < len(keys) and not stops(keys[j], scores[j], rules, match):
        j += 1
    if j - end < MIN_STRETCH or len(keys) - j > FOOTER_REACH:
        return end
    if sum(scores[i].tokens for i in range(end, j)) < sum(scores[i].tokens for i in range(start, end)):
        return end
    rows = sum(1 for i in range(end, j) if i in listed)
    return j if rows >= max(MIN_ROWS, MIN_ROW_SHARE * (j - end)) else end


def stretch_up(keys: Sequence[str], scores: Sequence[LineScore], run: tuple[int, int], named: Sequence[int],
               rules: Sequence[LineRule], match: Callable[..., LineRule | None]) -> int:
    """Where the run stretches up to: the line under the headline the `<title>` names (and under its date /
    source lines), when no line between stops a document and the lines between hold more text than the run
    (the run is then a few longer lines of the document; a box of teaser links between the headline and a
    story is a fraction of the story); else the run's start. The first headline reached counts (a document's
    opening line may word the headline short again: `第四届中国经济学年会` under `…年会会议议程`)."""
    start, end = run
    heads = frozenset(named)
    i = start
    while i > 0 and (not stops(keys[i - 1], scores[i - 1], rules, match)
                     or is_header_line(keys[i - 1]) and any(i - 1 - k in heads for k in range(1, HEADER_GAP + 1))):
        i -= 1
    head = min((k for k in heads if i <= k < start), default=None)
    if head is None and i - 1 in heads:
        head = i - 1
    if head is None:
        return start
    top = head + 1
    while top < start and is_header_line(keys[top]):
        top += 1
    if start - top < MIN_STRETCH:
        return start
    if sum(scores[k].tokens for k in range(top, start)) < sum(scores[k].tokens for k in range(start, end)):
        return start
    chrome = sum(1 for k in range(top, start) if is_chrome(keys[k], scores[k]))
    return top if chrome <= MAX_CHROME_SHARE * (start - top) else start


__all__ = ["stretch_down", "stretch_up", "stops"]
