"""One line of a plain-text page as the cleaners see it: its folded text, its raw text and its match key
(spaces folded, full-width forms normalised, traditional characters folded to simplified, so one set of
Chinese rules covers 來源 / 相關閱讀 as well as 来源 / 相关阅读), and what it is asked most (prose?
breadcrumb? header? section heading?), computed once. HTML blocks are read as such lines too.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from cleanfeed.rules.linerules import GenericRules, LineRule, MatchMemo, first_match, generic_rules
from cleanfeed.text.headerlines import is_header
from cleanfeed.text.language import to_simplified
from cleanfeed.text.multiline import confirmed
from cleanfeed.textnorm import HAN, count_chars, narrow_punct, nfkc

_LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[A-Za-z0-9À-ÿ'’-]+")
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’)）]$")
_ZH_PUNCT = re.compile(r"[。，；！？、,;]")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")   # counted with Han: a Japanese sentence is mostly kana
SEPARATOR_ONLY = re.compile(r"^[-–—_*·•|=~.。…\u2500-\u257f]+$")   # box characters: w3m's table rules


@dataclass(frozen=True)
class Line:
    """One non-empty line: its text with spaces folded, the raw text, and the key patterns match.
    What the cleaner asks of a line several times is computed once (a seed is asked ~10 times per line)."""

    text: str
    raw: str
    key: str

    @cached_property
    def prose(self) -> bool:
        return is_paragraph(self)

    @cached_property
    def crumb(self) -> bool:
        return is_breadcrumb(self, generic_rules())

    @cached_property
    def head(self) -> bool:
        return is_header(self, generic_rules())

    @cached_property
    def marker(self) -> bool:
        """A generic section heading (`Related Posts`, `发表评论`); not one that is a heading only over a
        company blurb (`关于举办…的通知` is a notice's headline)."""
        found = first_match(generic_rules().sections, self.key)
        return found is not None and confirmed(found, self.text, "") is not None


class Hit:
    """The first of `rules` that marks a line as boilerplate, remembered per line key for one page."""

    def __init__(self, rules: Sequence[LineRule], match: MatchMemo | None = None) -> None:
        self.rules = tuple(rules)
        self.match = match or first_match       # a MatchMemo: the dump region finder asked most lines already
        self._memo: dict[str, LineRule | None] = {}

    def __call__(self, line: Line) -> LineRule | None:
        if line.key not in self._memo:
            self._memo[line.key] = self.match(self.rules, line.key)
        return self._memo[line.key]


def fold(line: str) -> str:
    """`textnorm.squeeze` for one line, 10x faster: str.split() knows every Unicode space (NBSP, U+3000)
    and the control characters it adds are gone before any page reaches here (textnorm.strip_illegal)."""
    return " ".join(line.split())


def line_key(folded: str) -> str:
    """`rules.match_key` (NFKC, spaces folded), with traditional characters folded to simplified."""
    if not folded.isascii() and HAN.search(folded):       # isascii reads a flag: no scan
        folded = to_simplified(folded)
    return fold(nfkc(folded))


def _prefolded(text: str) -> str:
    """`text` with its full-width punctuation in NFKD form (`textnorm.narrow_punct`) and traditional characters
    folded, once per page: line for line, `line_key` of it equals `line_key` of the page's line (the
    replacements are neither spaces nor newlines, and the fold only maps Han characters, which `line_key`
    folds anyway)."""
    return to_simplified(narrow_punct(text))


def split_lines(text: str) -> list[Line]:
    """The page's non-empty lines; a text dump has one block per line."""
    out = []
    normalize = unicodedata.normalize
    for raw, pre in zip(text.split("\n"), _prefolded(text).split("\n"), strict=True):
        folded = fold(raw)
        if folded:      # NFKC leaves ASCII as it is
            out.append(Line(folded, raw.strip(), fold(pre) if pre.isascii() else fold(normalize("NFKC", fold(pre)))))
    return out


def is_paragraph(line: Line) -> bool:
    """A line that reads like article prose: long enough, and built of sentences or clauses."""
    han = 0 if line.text.isascii() else count_chars(HAN, line.text) + count_chars(_KANA, line.text)
    if han >= 20:       # a sentence that introduces a list ends with `：` (`课程内容如下：`)
        return len(_ZH_PUNCT.findall(line.text)) >= 1 and (han >= 40 or _SENTENCE_END.search(line.text) is not None
                                                          or line.text.endswith("："))
    words = len(WORD.findall(line.text))
    if not line.text.isascii():     # Greek, Cyrillic, Hebrew, Arabic, Hangul words count too
        words += len(_OTHER_WORD.findall(line.text))
    return words >= 12 and (_SENTENCE_END.search(line.text) is not None or ". " in line.text[:-1])

_CLAUSE_MARK = re.compile(r"[。！？；，、!?;,]")
_OTHER_WORD = re.compile(r"[\u0370-\u052f\u0590-\u06ff\u1100-\u11ff\uac00-\ud7af]+")   # not Latin, not Han
_ANY_WORD = re.compile(r"[^\W_]+")        # letters or digits of any script: Latin, Cyrillic, Hangul …
_STOP_AFTER_WORD = re.compile(r"(?<=[^\W\d_]{2})[.!?。](?=[\s\"”’)）]|$)|[%\d][.!?]$")


def has_sentence(text: str) -> bool:
    """At least one clause of running text: six Han characters with Chinese punctuation (`江源铝业称项目投产。`)
    or four words and a full stop, question or exclamation mark after a word (`Copper rose 3% on Tuesday.`).
    A list item, a link, a date or a menu has none: a page made only of those is no article."""
    if count_chars(HAN, text) >= 6:
        return _CLAUSE_MARK.search(text) is not None
    return len(_ANY_WORD.findall(text)) >= 4 and _STOP_AFTER_WORD.search(text) is not None


def is_breadcrumb(line: Line, g: GenericRules) -> bool:
    """`Home > News > …`, `首页 > 新闻`: a location prefix, or 2+ separators joining short pieces."""
    if g.breadcrumb_prefix.search(line.key):
        return len(line.key) <= 200
    pieces = g.breadcrumb_separators.split(line.key)
    separators = len(pieces) - 1
    if separators < 2 and not (separators == 1 and line.key.rstrip().endswith(">")):
        return False
    # Every piece names a place: a row of figures (`Copper | 8,470 | +0.4%`) is a table, not a trail.
    return all(len(p) <= g.breadcrumb_max_piece and (not p or _LETTER.search(p)) for p in pieces) \
        and not line.prose


__all__ = ["Line", "Hit", "fold", "line_key", "split_lines", "is_paragraph", "is_breadcrumb", "SEPARATOR_ONLY",
           "WORD"]
