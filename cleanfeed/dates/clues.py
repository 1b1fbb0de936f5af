"""What a strategy hands to the chooser (`Clue`), the order of trust, and reading one line of text:
which dates it holds and what the label in front of each says (published, updated, or something else)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleanfeed.dates.patterns import Mention, find_mentions
from cleanfeed.dates.sameday import with_same_day_updates
from cleanfeed.dates.vocab import vocab
from cleanfeed.text.language import to_simplified

# Order of trust (DESIGN.md, Dates): lower wins. Within a tier `rank` orders kinds of evidence, then
# `order` (document order) breaks ties. PAGE and LOOSE are the HTML page read as a whole when nothing
# near the headline says anything: a labelled date anywhere outside sidebars and comments (PAGE), then
# a short element holding just a date (LOOSE).
JSONLD, META, TIME, HEADER, URL, PAGE, DATELINE, LOOSE, BODY = range(9)

PUBLISHED, UPDATED = "published", "updated"
ORIGINAL = "original"        # the label class of a first publication (`Originally published …`)

# Header sub-ranks: a labelled publication date beats a bare date line, which beats weaker hints.
LABELLED, BARE, HINTED, WEAK = 0, 2, 4, 12


@dataclass(frozen=True)
class Clue:
    """A date a strategy found, before it is resolved against the fetch time and zone."""

    mention: Mention
    source: str          # "header", "dateline", "meta:article:published_time", …
    role: str            # PUBLISHED or UPDATED
    tier: int
    rank: int = 0
    order: int = 0
    text: str = ""       # what --explain shows: the line or attribute the date was read from
    first: bool = False  # labelled as the first publication (`Originally published …`)

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.tier, self.rank, self.order)


_LABEL_WINDOW = 48        # a label sits right in front of its date; prose further back says nothing
# A sentence end: a full stop after a word ("1. Bundesliga" and "Sept. 3" are not), or a CJK one.
_SENTENCE = re.compile(r"(?:(?<=[^\W\d_][^\W\d_][^\W\d_])[.!?]|[。！？])(?:\s|$)")
_LINE_START = re.compile(r"^[\s\W\d_]*$")


# A forum post's edit note, the editor's name between label and date: `本帖最后由 admin 于 2017-5-10 08:01 编辑`,
# `Last edited by jdoe on 10 May 2017`.
_EDITED_BY = re.compile(r"(?:最后|最後)由\s*\S.{0,30}?[于於]\s*$|(?i:last edited by\s+\S.{0,30}?(?:\s+on|;|,)?)\s*$")


def label_of(text: str, mention: Mention, floor: int = 0) -> str | None:
    """The class of the label right in front of `mention` ("other", "original", "updated", "published",
    "weak")."""
    after = to_simplified(text[mention.end:mention.end + 3])
    if vocab().other_after.match(after) and not vocab().not_other_after.match(after):
        return "other"              # `请于4月30日前报送`, `2月11日起恢复`: a deadline, a coming day
    window = text[max(floor, mention.start - _LABEL_WINDOW):mention.start]
    if not window.strip():
        return None
    if _EDITED_BY.search(window):
        return "updated"
    m = vocab().label.search(to_simplified(window))       # 發佈時間 reads as 发布时间
    if m is None:
        return None
    if m.lastgroup in ("published", "weak") and vocab().future_before.search(window, 0, m.start()):
        return "other"              # `Data will be released on Feb. 10`: a coming day, not this page's
    if m.lastgroup == "updated" and ends_a_title(window, m):
        return None
    return m.lastgroup


# What separates the parts of a stamp line (`Published March 3, 2025 | Update: March 4, 2025`, `Posted 3/3. Update:`).
_PART_START = re.compile(r"[|·•;,.:()\[\]/–—]|\s-\s")


def ends_a_title(window: str, m: re.Match[str]) -> bool:
    """The update label `m` found in `window` is a noun after other words of its part of the line: the end of a
    headline or standfirst (`Copper market update: March 4, 2025`), not a stamp's label (`Update: March 4, 2025`)."""
    if m.group("updated").lower() not in vocab().update_nouns:
        return False
    before = window[:m.start()]
    parts = list(_PART_START.finditer(before))
    part = before[parts[-1].end():] if parts else before
    return any(c.isalpha() for c in part)


def is_source_line(text: str) -> bool:
    """A source credit (`来源：江城日报 | 2019年03月02日`, `(Source: Metal Trade Weekly, 14 June 2022)`)."""
    return len(text) <= 160 and vocab().source_line.match(to_simplified(text)) is not None


@dataclass(frozen=True)
class Dated:
    """One mention in a line, with the label in front of it."""

    mention: Mention
    label: str | None


def read_line(text: str, language: str | None, *, relative: bool = True) -> list[Dated]:
    """The dates in one line (already normalized) and the label of each."""
    return list(_read_line(text, language, relative))


# A page's lines are read more than once: a short paragraph by the header-line stage and again by the body
# stage, a header line by the extractor's and the engine's readings (4,451 distinct of 6,133 reads on the
# small pages of bench/speed.py --small). The answer is a pure function of its arguments and immutable.
READ_LINE_CACHE = 1024


@lru_cache(maxsize=READ_LINE_CACHE)
def _read_line(text: str, language: str | None, relative: bool) -> tuple[Dated, ...]:
    out = []
    floor = 0
    for mention, same_day in with_same_day_updates(text, find_mentions(text, language, relative=relative)):
        out.append(Dated(mention, "updated" if same_day else label_of(text, mention, floor)))
        floor = mention.end
    return tuple(out)


def role_of(label: str | None) -> str | None:
    """PUBLISHED or UPDATED for a label class; None for dates that are something else (events, deadlines).
    A first publication ("original") is a publication (Clue.first says which)."""
    if label == "other":
        return None
    return UPDATED if label == "updated" else PUBLISHED


# A date line's words besides the date: labels, a byline, a source, a place ("Release Time: … Author: … Source:
# … Views: 123" has 6). A sentence around a labelled date ("… in its monthly review released on June 10.")
# has more, even when the date took its full stop with it.
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")
MAX_LINE_WORDS = 12
# "Wednesday the 14th of April, 2021", "le 3 mars", "am 3. März": the article in front of a day.
_ARTICLE = re.compile(r"(?i)\b(?:on the|the|le|el|am|den|il)\b")
# A dateline's place before its date, and nothing after it (`Madrid, 5 de octubre de 2020`, `BERLIN, 12. März
# 2019`): one to three capitalised words and a comma.
_PLACE = re.compile(r"^\s*[^\W\d_a-z][^\W\d_]+(?:[ -][^\W\d_a-z][^\W\d_]+){0,2}\s*,\s*$")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d|copyright|all rights reserved|版权所有|版權所有|备案|icp", re.I)


def is_copyright(text: str) -> bool:
    """A copyright or licence line: its dates belong to the site, never to the article."""
    return _COPYRIGHT.search(text) is not None


def is_prose(text: str) -> bool:
    """A sentence or more of running text (a date in it is a dateline's or the body's business)."""
    return len(text) > 120 or (_SENTENCE.search(text) is not None and len(text) > 40)


def sentence_at(text: str, at: int) -> str:
    """The sentence of `text` that holds position `at`: from the end of the last sentence before it (a full stop
    after a word, not a day's `14.`) on."""
    start = 0
    for m in _SENTENCE.finditer(text, 0, at):
        start = m.end()
    return text[start:]


@lru_cache(maxsize=1)
def _weekdays() -> re.Pattern[str]:
    """A weekday name (any language of the vocabulary) with its dot and comma: `Mon.,`, `Dienstag,`."""
    return re.compile(rf"(?i)\b(?:{vocab().weekday_names})\b\.?,?")


def is_date_line(text: str, dated: Dated, *, max_len: int = 100) -> bool:
    """A line that states a date rather than telling a story: short, not a sentence, and the date is
    labelled, opens the line, or follows a separator (`By Jane Doe | Sep. 3, 2019`)."""
    if len(text) > max_len or dated.label == "other":
        return False
    rest = (text[:dated.mention.start] + " " + text[dated.mention.end:]).strip()
    if _SENTENCE.search(rest) and len(rest) > 20 or len(_LATIN_WORD.findall(rest)) > MAX_LINE_WORDS:
        return False
    if dated.label is not None:
        return True
    before = text[:dated.mention.start]
    weekday = _ARTICLE.sub("", _weekdays().sub("", before))
    return bool(_LINE_START.match(weekday)) or bool(re.search(r"[|·•/—–\-]\s*$", before)) \
        or bool(_PLACE.match(weekday)) and not rest[len(before.strip()):].strip(" ,")


def clue_of(dated: Dated, source: str, tier: int, rank: int, order: int, text: str) -> Clue:
    """The clue a date read off a line gives, at `tier` and `rank`; a relative date ranks one below an
    absolute one on the same footing (less precise)."""
    role = role_of(dated.label) or "other"
    if dated.mention.relative is not None:
        source, rank = "relative", rank + 1        # an absolute date on the same footing is more precise
    return Clue(dated.mention, source, role, tier, rank, order, text, first=dated.label == ORIGINAL)
