"""A document of short lines in a whole-page dump (a meeting agenda, a flattened admissions table) and a notice's
sign-off. None of their lines reads like a sentence, so each sinks under the line price
(cleanfeed/text/linescore.py) and the article run settles on the few longest lines, or ends above them.

What tells such a document from a sidebar is that nothing stops it: between the headline the `<title>` names and
the run, or between the run and the page's footer, there is no boilerplate rule, no navigation bar and no dated
line, where a news page has a share bar, a related list or a hot list with its dates. So the run is stretched up
to the headline when the lines between outweigh the run in text (a box of teaser links under a headline is a
fraction of its story), and down to the footer when the lines under the run are mostly rows of a flattened table
and outweigh the run. A Chinese notice's sign-off (`特此通告。` / the issuing body / the day it was signed) is
three short lines under the last paragraph, kept with it.

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
# A notice's sign-off (落款), in `match_key` form: a closing formula, the issuing bodies (Han characters and
# brackets only, one a line), the day it was signed alone on its line, in digits or Chinese numerals.
_CLOSING = re.compile(r"^(特此[\u4e00-\u9fff]{0,4}|此复|专此[\u4e00-\u9fff]{0,2})[。.!]?$")
_SIGNER = re.compile(r"^[\u4e00-\u9fff()]{4,40}$")
_SIGNED_DAY = re.compile(r"^((19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                         r"[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)$")
# Without a closing formula, the last line over the day must name a body (`…协会`, `…人民政府`, `…办公室`): a
# teaser headline over its date (`再生铜原料进口量创新高` / `2024年3月5日`) does not.
_BODY = re.compile(r"(协会|分会|学会|商会|联合会|委员会|政府|办公室|办公厅|秘书处|"
                   r"[厅局部署委院所处站社]|中心|公司|集团|联盟|大学|学院)$")
MAX_SIGNERS = 3


def stops(key: str, score: LineScore, rules: Sequence[LineRule], match: Callable[..., LineRule | None]) -> bool:
    """The line ends a document's stretch: a boilerplate line or section marker, a navigation bar, a dated line
    (a teaser's, a comment's)."""
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


def sign_off(keys: Sequence[str], end: int) -> int:
    """The run's end with the notice's sign-off under it (`特此通告。` / `吉林省人民政府` / `2022年1月27日`): a
    closing formula or a line naming a body, up to three issuing bodies, and the signing day, which must be
    there; else `end`."""
    i = end
    closing = i < len(keys) and _CLOSING.match(keys[i]) is not None
    i += closing
    while i < len(keys) and i - end <= MAX_SIGNERS and _SIGNER.match(keys[i]):
        i += 1
    if i == end or i == len(keys) or not _SIGNED_DAY.match(keys[i]):
        return end
    return i + 1 if closing or _BODY.search(keys[i - 1]) else end


__all__ = ["stretch_down", "stretch_up", "stops", "sign_off"]
