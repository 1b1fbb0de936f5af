"""What one line of a whole-page text dump shows about itself, for cleanfeed/textdump.py.

A dump has no markup, so a line is judged from its text alone: how many tokens it holds (a Han character
or a word each, as the scorer counts them), how much of it reads like sentences (EN `.,;` / ZH `。，；！？`),
links, digits, dates. A line earns its tokens times that prose quality and pays a fixed price, so a long
run of short menu items sinks while one short line between two paragraphs is carried by them.

Pure functions; the only data is cleanfeed/data/textdump.toml (rules for lines only dumps carry).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from cleanfeed.rules.classes import textdump_rules
from cleanfeed.rules.linerules import LineRule
from cleanfeed.textnorm import HAN_RANGES

# Han characters and kana count one token each, as the benchmark's scorer counts them (a Japanese line of
# kana and kanji read as three or four "words" before, too short to be a paragraph).
_KANA = "\u3041-\u3096\u30a1-\u30fa"   # not `・` (U+30FB), a bullet on Chinese pages too
_HAN_RUN = re.compile(f"[{HAN_RANGES}{_KANA}]+")   # counted by runs: one string per run, not per character
_WORDS = re.compile(rf"[^\W{HAN_RANGES}{_KANA}]+")
# Clause and sentence punctuation as match keys show it (NFKC: "，" is ",", "；" is ";", "！" is "!").
_PUNCT = re.compile(r"[。、,;!?]|[.:](?=\s|$)")
_SENTENCE_END = re.compile(r"[.!?。…\"”’)）]$")
_CUT_SHORT = re.compile(r"(\.\.\.|…)\s*>*$")
_LINK = re.compile(r"https?://|www\.|\.(com|cn|net|org|html?)\b|@\w", re.I)
_DIGIT = re.compile(r"\d")
_WORDISH = re.compile(r"\w")
_SEPARATORS = re.compile(r"\s*(?:>|»|›|→|\||│|︱|¦|/|-{1,2}|_|·|•)\s*")
MIN_WHOLE_TITLE_TOKENS = 4   # a line equal to a `<title>` this long with no site piece is its headline
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|:·•]\s+|\s*[|_｜]\s*|\s+-{2}\s+")
_DATE = re.compile(
    r"(19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(19|20)\d\d|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(19|20)\d\d|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d\d", re.I)
# `3小时前`, `两天前`: a relative time ends the line; a line that merely ends in 前 (`截至目前`, `会议之前`) is not one.
# Each number is tried from the start of its run only (the lookbehinds): tried from every digit of a long run, the
# search was quadratic (a line of 4,000 digits took 13 s to clean, 20,000 several minutes); the leftmost match
# is the same, since a match from inside a run is also one from the run's start.
_AGO_ZH = (r"((?<!\d)\d+|(?<![一二两三四五六七八九十半几数])[一二两三四五六七八九十半几数]+)\s*"
           r"(秒钟?|分钟?|分鐘|小时|小時|个?钟头|天|日|周|週|星期|个?月|個月|年)前$")
_STAMP = re.compile(_DATE.pattern + r"|\b\d{1,2}:\d\d\b|\bago$|" + _AGO_ZH, re.I)
_SOURCE = re.compile(r"(来源|稿源|出处|作者|记者|编辑|发布|时间|source|author|by)\s*:|【[^】]{1,20}】|^by\s+\w", re.I)

# The price of one line, in tokens. Measured on the dev sets (bench/textdumps.py): below ~6 a menu of
# 3-word links starts to pay for itself; above ~12 a one-sentence paragraph between two long ones is cut
# out. A Han line pays more: one token is one character there, not one word.
LINE_COST_LATIN = 8.0
LINE_COST_HAN = 14.0


@dataclass(frozen=True)
class LineScore:
    """What one line shows about itself (the first line of a hard-wrapped paragraph speaks for all)."""

    tokens: int          # Han characters + words
    quality: float       # 0 (reads like a menu item or a link) … 1 (reads like sentences)
    weight: float        # what the line adds to a candidate article run
    boiler: str | None = None   # the rule that marks the line as boilerplate, if any
    span: int = 1        # lines of the hard-wrapped paragraph this line opens (the others weigh 0)
    lifted: bool = False  # a table cell or list item whose weight was raised from zero or less (dump.lift_lists)


def score_line(key: str, boiler: str | None = None, span: int = 1) -> LineScore:
    """Score one line in `match_key` form; `boiler` names a boilerplate rule that matched it."""
    han = 0 if key.isascii() else sum(map(len, _HAN_RUN.findall(key)))
    words = len(_WORDS.findall(key))
    tokens = han + words
    cost = LINE_COST_HAN if han and han * 2 >= words else LINE_COST_LATIN
    if boiler is not None:
        return LineScore(tokens, 0.0, -2 * cost, boiler)
    quality = prose_quality(key, tokens)
    return LineScore(tokens, quality, tokens * quality - cost, None, span)


def prose_quality(key: str, tokens: int) -> float:
    """How much a line reads like sentences: clause punctuation, a sentence end, few digits, no links."""
    if tokens == 0:
        return 0.0
    punct = len(_PUNCT.findall(key))
    if tokens < 50 and _CUT_SHORT.search(key):   # `Lorem ipsum…`: a teaser cut short, not a paragraph
        quality = 0.2
    elif punct == 0:
        quality = 0.3 if tokens >= 40 else 0.0
    else:
        quality = min(1.0, 0.3 + 0.25 * punct + (0.3 if _SENTENCE_END.search(key) else 0.0))
    if quality and tokens < 25 and _LINK.search(key):   # a URL inside a long paragraph is the paragraph's
        quality *= 0.3
    if quality and len(_DIGIT.findall(key)) * 3 > len(key):
        quality *= 0.3
    return quality


def continues(prev: str, nxt: str) -> bool:
    """A hard-wrapped paragraph: `prev` stops mid-sentence and `nxt` goes on in lower case or with a
    clause mark (`，` `、` `」`)."""
    if not prev or not nxt or _SENTENCE_END.search(prev) or not _WORDISH.search(nxt):
        return False        # a line of a separator alone (`、` between the tags of a keyword cloud) goes on nothing
    first = nxt[0]
    return (first.islower() and first.isascii()) or first in ",;:)、。」』”》"


def line_scores(keys: Sequence[str], template: frozenset[str] = frozenset()) -> list[LineScore]:
    """Every line's score. A line printed several times on the page (a menu repeated in header and
    footer) counts as a menu item, a line of the site's learned template as boilerplate, and a
    hard-wrapped paragraph as one block (its first line carries the weight)."""
    counts = Counter(keys)
    memo: dict[str, LineScore] = {}
    out: list[LineScore] = []
    i = 0
    while i < len(keys):
        j = i + 1
        while j < len(keys) and continues(keys[j - 1], keys[j]) and keys[j] not in template:
            j += 1
        if keys[i] in template:
            score = score_line(keys[i], "site-template")
            j = i + 1
        elif j > i + 1:
            score = score_line(" ".join(keys[i:j]), None, j - i)
        else:
            score = memo.get(keys[i]) or score_line(keys[i])
            memo[keys[i]] = score
            if counts[keys[i]] > 1 and score.tokens < 20:
                score = LineScore(score.tokens, 0.0, min(score.weight, -1.0))
        out.append(score)
        if j > i + 1:
            out.extend(LineScore(0, score.quality, 0.0) for _ in range(i + 1, j))
        i = j
    return out


@lru_cache(maxsize=1)
def dump_rules() -> tuple[LineRule, ...]:
    """The dump-only line rules (cleanfeed/data/textdump.toml), loaded once per process."""
    return textdump_rules()


def is_menu_like(score: LineScore) -> bool:
    """A short line with no sentence in it: a menu item, a tab, a hot-list entry."""
    return score.boiler is None and score.quality < 0.3 and score.tokens <= 20


def is_chrome(key: str, score: LineScore) -> bool:
    """A menu item or a navigation bar: what a whole-page dump has and a seed-like page does not."""
    if score.boiler is not None or score.quality >= 0.3:
        return False
    return 1 <= score.tokens <= 8 or len(_SEPARATORS.findall(key)) >= 4


def is_stamp(key: str, score: LineScore) -> bool:
    """A short line that is mostly a date or a time: an item's timestamp, not a sentence."""
    return (score.tokens <= 12 and len(key) <= 60 and _STAMP.search(key) is not None
            and not key.startswith(("—", "-", "–")))   # `— Name (@handle) May 1, 2019`: an embedded post


def mentions_time(key: str) -> bool:
    """The line holds a date or a clock anywhere (cleanfeed/text/dumptype.py counts them: items of a list
    and posts of a thread carry one each, a manual's pages none). An ASCII line with no digit that does not end
    in `ago` cannot match, and most lines are such: skipping them halves the dump typer's row counts."""
    if key.isascii() and _DIGIT.search(key) is None and key[-3:].lower() != "ago":
        return False
    return _STAMP.search(key) is not None


# `Fri, 19th Dec 2025`: an ordinal day before the month (the line scores' `_DATE` leaves it out on purpose: a
# change there moves every dump's line scores).
_ORDINAL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d\d",
    re.I)


def has_full_date(key: str, max_len: int = 160) -> bool:
    """A short line that writes a full date (`Posted July 10, 2004`, `来源：江城日报 | 2025年05月16日`, `Fri, 19th Dec
    2025`)."""
    return len(key) <= max_len and (_DATE.search(key) is not None or _ORDINAL_DATE.search(key) is not None)


def is_header_line(key: str) -> bool:
    """A date, source or byline line near the headline (`2011-12-09 20:27`, `【来源：新华网】`, `作者：`)."""
    return len(key) <= 120 and (_DATE.search(key) is not None or _SOURCE.search(key) is not None)


def title_pieces(page_title: str) -> list[str]:
    """The pieces of the page's `<title>` between ` | `, ` - `, `_` (`Headline | Section | Site`)."""
    return [piece.strip() for piece in _TITLE_SEPARATOR.split(page_title)]


def title_head(page_title: str) -> str:
    """The headline part of the page's `<title>`: its longest piece between ` | `, ` - `, `_`
    (`标题_财经_环球网` → `标题`, `Site | Headline` → `Headline`)."""
    return max(_TITLE_SEPARATOR.split(page_title), key=len)


def title_without_site(page_title: str) -> str:
    """The page's `<title>` less a trailing site name and the section pieces before it: each last piece after
    ` - `, ` | `, `_` while it is shorter than the first (`Headline - Site` → `Headline`, `标题_财经_环球网` →
    `标题`; `Name - 维基百科，自由的百科全书` stays whole: there the longer piece is the site's)."""
    seps = list(_TITLE_SEPARATOR.finditer(page_title))
    if not seps:
        return page_title
    first, last = page_title[:seps[0].start()], page_title[seps[-1].end():]
    if first.strip() and len(last) < len(first):     # and a section before the site (`Headline | Guides | Site`)
        return title_without_site(page_title[:seps[-1].start()].strip())
    return page_title


def page_title_match(key: str, page_title: str, head: str | None = None) -> bool:
    """The line is the headline the page's first line (its `<title>`) names: it starts with the title's
    headline part, or is most of it (a shortened headline); never the site name. A line that is the whole
    `<title>` is the headline when that is a whole headline (`5 Trends from Nutrition 2025`, 4+ tokens, no
    site piece), not a site's name (`LinkedIn`, `公共電視台 新聞網`)."""
    head = title_head(page_title) if head is None else head
    if len(key) < 6 or len(head) < 6:
        return False
    if key == page_title:
        return head == page_title and len(title_tokens(key)) >= MIN_WHOLE_TITLE_TOKENS
    return key.startswith(head) or (head.startswith(key) and len(key) * 5 >= len(head) * 3)


def title_tokens(text: str) -> Counter[str]:
    """A line's words (lower-cased) and Han / kana characters, as a bag: what two wordings of one headline
    share."""
    bag = Counter(w.lower() for w in _WORDS.findall(text))
    bag.update(c for run in _HAN_RUN.findall(text) for c in run)
    return bag


def title_overlap(key: str, page_title: str) -> float:
    """How much of one headline a line and the page's `<title>` share (F1 of their token bags): the `<title>`
    often words the printed headline differently (`Top 10 IT Security Best Practices for 2025: Protect Your
    Business` over `IT & Cybersecurity Best Practices to Protect Your Business`, 0.64)."""
    line, title = title_tokens(key), title_tokens(page_title)
    common = sum((line & title).values())
    return 2 * common / (sum(line.values()) + sum(title.values())) if common else 0.0


__all__ = ["LineScore", "score_line", "prose_quality", "continues", "line_scores", "dump_rules",
           "is_menu_like", "is_chrome", "is_stamp", "mentions_time", "is_header_line", "title_head",
           "title_without_site", "page_title_match", "title_overlap", "title_tokens", "title_pieces"]
