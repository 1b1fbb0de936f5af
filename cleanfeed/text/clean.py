"""Plain-text pages → Draft: find the headline, the header lines under it and the article body, and
drop boilerplate with the generic rules (cleanfeed/data/boilerplate.toml) plus the site rule.

Every step is a pure function over the page's lines; the input is never modified. Patterns see a
line's *key*: spaces folded, full-width forms normalised and traditional characters folded to
simplified, so one set of Chinese rules covers 來源 / 相關閱讀 as well as 来源 / 相关阅读.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from cleanfeed.model import Draft, Removed
from cleanfeed.rules.site import GenericRules, LineRule, MatchMemo, SiteRule, first_match, generic_rules
from cleanfeed.text.dump import narrow_dump
from cleanfeed.text.headerlines import header_author as header_author  # re-exported: html.extract
from cleanfeed.text.headerlines import is_header as is_header
from cleanfeed.text.language import to_simplified
from cleanfeed.text.multiline import (
    attachment_list_end,
    confirmed,
    is_footer_start,
    split_credit_suffix,
    split_lead_label,
)
from cleanfeed.textnorm import HAN

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ'’-]+")
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’)）]$")
# How a standfirst or a salutation ends, and a headline does not (a headline may end in `?` or `!`).
_FULL_STOP = re.compile(r"[.。:：…]$")
_CUT_OFF = re.compile(r"(\.\.\.|…)$")
# A letter's or a notice's salutation: whom it addresses, then a colon (`各会员单位、有关企业：`, `Dear members:`).
_SALUTATION = re.compile(r"^(?:[\u4e00-\u9fff]{2,}[、，,]?){1,6}[:：]$|^(?:dear|to)\s[^.!?:]{2,60}[:,]$", re.I)
_ZH_PUNCT = re.compile(r"[。，；！？、,;]")
_SEPARATOR_ONLY = re.compile(r"^[-–—_*·•|=~.。…]+$")
# A teaser is `category | title` (one bar, short category) or an excerpt cut off with `...`.
_TEASER = re.compile(r"^[^|｜]{1,16}\s*[|｜]\s*[^|｜]*[^\W\d_][^|｜]*$|(\.\.\.|…)\s*$")


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


# The full-width punctuation of Chinese pages (97% of the non-NFKC characters on the 442 pages of
# ../shared/data/text, `，` alone 65%), each with its NFKD form. Replacing a character by its full
# compatibility decomposition leaves the NFKC of the text unchanged, and NFKC of a line that has no
# other such character only checks it (quick check) instead of decomposing and recomposing it.
_WIDE_PUNCT = tuple((ch, unicodedata.normalize("NFKD", ch)) for ch in "，：（）？！；…－／．％｜")


def line_key(folded: str) -> str:
    """`rules.match_key` (NFKC, spaces folded), with traditional characters folded to simplified."""
    if HAN.search(folded):
        folded = to_simplified(folded)
    return fold(unicodedata.normalize("NFKC", folded))


def _prefolded(text: str) -> str:
    """`text` with its full-width punctuation in NFKD form and traditional characters folded, once per
    page: line for line, `line_key` of it equals `line_key` of the page's line (the replacements are
    neither spaces nor newlines, and the fold only maps Han characters, which `line_key` folds anyway)."""
    for wide, narrow in _WIDE_PUNCT:
        if wide in text:
            text = text.replace(wide, narrow)
    return to_simplified(text)


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
    han = len(HAN.findall(line.text))
    if han >= 20:       # a sentence that introduces a list ends with `：` (`课程内容如下：`)
        return len(_ZH_PUNCT.findall(line.text)) >= 1 and (han >= 40 or _SENTENCE_END.search(line.text) is not None
                                                          or line.text.endswith("："))
    words = len(_WORD.findall(line.text))
    return words >= 12 and (_SENTENCE_END.search(line.text) is not None or ". " in line.text[:-1])


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


def _chrome(line: Line, hit: Hit) -> bool:
    """Boilerplate by any rule: a dropped line, a breadcrumb, a section heading, a separator."""
    return hit(line) is not None or line.crumb or line.marker or bool(_SEPARATOR_ONLY.match(line.key))


def _headline_like(lines: Sequence[Line], i: int, hit: Hit, g: GenericRules) -> bool:
    """A prose-looking line that is really the headline: no full stop, short, and printed twice, or
    followed (past any chrome) by header lines (`By …`, `发布时间：…`), or the first line that is neither
    chrome nor header, with more text below it. E.g. a question headline of 14 words, or
    `U.S. imports rise …` (its `. ` reads as prose)."""
    line = lines[i]
    if _FULL_STOP.search(line.text) or len(line.text) > 200:
        return False
    earlier = {n.text for n in lines[:i]} - {line.text}     # a repeat of an earlier line is chrome here too
    nxt = next((n for n in lines[i + 1:] if not _chrome(n, hit) and (n.head or n.text not in earlier)), None)
    if nxt is not None and (nxt.text == line.text or nxt.head):
        return True
    return all(_chrome(n, hit) or n.head for n in lines[:i]) \
        and any(not _chrome(n, hit) for n in lines[i + 1:])


def find_first_paragraph(lines: Sequence[Line], hit: Hit, g: GenericRules) -> int | None:
    """The first prose line that is not boilerplate, not a headline, and not a repeat of a line above."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.prose and hit(line) is None and line.text not in seen and not _headline_like(lines, i, hit, g):
            return i
        seen.add(line.text)
    return None


def _title_candidate(line: Line, g: GenericRules) -> bool:
    return not (line.crumb or line.head or first_match(g.lines, line.key) is not None
                or _SEPARATOR_ONLY.match(line.key) or line.marker)


def choose_title(lines: Sequence[Line], body_start: int, g: GenericRules) -> int | None:
    """Index of the headline among the lines above the body: a line printed twice wins, then the line
    right above the header lines, then the nearest line without a full stop (a standfirst has one)."""
    candidates = [i for i in range(body_start) if _title_candidate(lines[i], g)]
    if not candidates:
        return None
    texts = [lines[i].text for i in candidates]
    for i in candidates:
        if texts.count(lines[i].text) > 1:
            return i
    headers = [i for i in range(body_start) if lines[i].head]
    if headers:
        above = [i for i in candidates if i < headers[0]]
        below = [i for i in candidates if i > headers[0] and not _FULL_STOP.search(lines[i].text)]
        if above and (not below or headline_sized(lines[above[-1]])):
            return above[-1]
        if below:       # `3小时前 来源:…` over the headline, a section label (`再生`) above them
            return next((i for i in below if headline_sized(lines[i])), below[0])
    unstopped = [i for i in candidates if not _FULL_STOP.search(lines[i].text)]
    return unstopped[-1] if unstopped else candidates[0]


def headline_sized(line: Line) -> bool:
    """Long enough for a headline: a section label (`再生`, `Non-ferrous`) is shorter."""
    han = len(HAN.findall(line.text))
    return han >= 6 if han else len(_WORD.findall(line.text)) >= 3


def clean_text(text: str, rule: SiteRule | None = None) -> Draft:
    """A plain-text page → Draft (title, header lines, body paragraphs, what was removed and why)."""
    g = generic_rules()
    lines = split_lines(text)     # a whole-page dump: its article region; a cleaned page stays whole
    memo = MatchMemo()
    lines, dump_removed = narrow_dump(lines, rule, article=reads_as_article(text, lines, g), match=memo)
    hit = Hit((*(rule.drop_lines if rule else ()), *g.lines), memo)
    sections = (*(rule.cut_from if rule else ()), *g.sections)
    start = find_first_paragraph(lines, hit, g)
    if start is None:     # no body paragraph: the headline (a prose line taken for one, else the first
        start = next((i for i, ln in enumerate(lines) if ln.prose and hit(ln) is None), None)   # plain line)
        if start is None:
            start = next((i for i, ln in enumerate(lines) if not _chrome(ln, hit)
                          and first_match(sections, ln.key) is None), len(lines))
        title_at = start if start < len(lines) else None
        start = start + 1 if title_at is not None else start
    else:
        title_at = choose_title(lines, start, g)
    title = lines[title_at].text if title_at is not None else None
    start = standfirst_start(lines, start, title_at, hit, g)
    header, removed = read_head(lines[:start], title_at, hit, g)
    body, tail_removed = clean_body(lines[start:], title, hit, sections, g)
    author = header_author(header, g) or header_author(
        [r.text for r in tail_removed if r.rule == "editor-source"], g)
    author = None if author and g.not_a_person.search(author) else author
    return Draft(title=title, paragraphs=tuple(body), author=author, header_lines=tuple(header),
                 removed=tuple(dump_removed + removed + tail_removed))


def reads_as_article(text: str, lines: Sequence[Line], g: GenericRules) -> bool:
    """Text as cleanfeed writes it (a cleaned page written back out, `--format text`): a blank line between
    every two lines, and below the first (the headline) no line that a generic line rule, section heading,
    breadcrumb or separator marks, which the body never keeps. Such a page is not narrowed as a
    whole-page dump, so cleaning a cleaned page changes nothing: without this, a body whose teaser tail
    had been cut reads as a short article over a menu the second time. Dumps print one block per line
    (none of the 442 pages in ../shared/data/text has a blank line)."""
    if len(lines) < 2:
        return False
    previous_blank = True
    for raw in text.split("\n"):
        blank = not raw.split()
        if not blank and not previous_blank:
            return False
        previous_blank = blank
    return not any(line.crumb or line.marker or _SEPARATOR_ONLY.match(line.key)
                   or first_match(g.lines, line.key) is not None for line in lines[1:])


def standfirst_start(lines: Sequence[Line], start: int, title_at: int | None, hit: Hit,
                     g: GenericRules) -> int:
    """Where the body begins once the standfirst / salutation lines right above it are counted in."""
    if title_at is None:
        return start
    while start - 1 > title_at and _kept_above_body(lines[start - 1], hit, g) \
            and not lines[start - 1].head and lines[start - 1].text != lines[title_at].text:
        start -= 1
    return start


def read_head(head: Sequence[Line], title_at: int | None, hit: Hit,
              g: GenericRules) -> tuple[list[str], list[Removed]]:
    """The lines above the body: header lines (kept as metadata) and everything else removed, with why."""
    title = head[title_at].text if title_at is not None else None
    header: list[str] = []
    removed: list[Removed] = []
    for i, line in enumerate(head):
        if i == title_at:
            continue
        if line.head and (title_at is None or i >= title_at - 1 or _label_gap(head, i, title_at)):
            header.append(line.text)
            removed.append(Removed(line.raw, "header"))
        elif title is not None and line.text == title:
            removed.append(Removed(line.raw, "duplicate-title"))
        else:
            removed.append(Removed(line.raw, _why_above(line, title_at, i, hit, g)))
    return header, removed


def _label_gap(head: Sequence[Line], i: int, title_at: int) -> bool:
    """Only a section label or two between the header line `i` and the headline (`2024/03/05 14:20` /
    `產業動態` / headline): the header is the story's, not a date bar at the top of the site."""
    return title_at - 3 <= i and all(not headline_sized(head[k]) for k in range(i + 1, title_at))


def _kept_above_body(line: Line, hit: Hit, g: GenericRules) -> bool:
    """A line between headline and body that reads as a standfirst or salutation, not chrome: prose-like
    and ending like a sentence (`。`, `.`, `：`), which is also what keeps it from being taken for the title."""
    han = len(HAN.findall(line.text))
    long_enough = han >= 15 if han else len(_WORD.findall(line.text)) >= 8
    salutation = _SALUTATION.match(line.text) is not None     # `各会员单位、有关企业：`, `Dear members:`
    return (salutation or long_enough and bool(_FULL_STOP.search(line.text))) and not _CUT_OFF.search(line.text) \
        and not _chrome(line, hit)


def _why_above(line: Line, title_at: int | None, i: int, hit: Hit, g: GenericRules) -> str:
    if line.crumb:
        return "breadcrumb"
    if found := hit(line):
        return found.rule
    if _SEPARATOR_ONLY.match(line.key):
        return "separator"
    return "above-title" if title_at is not None and i < title_at else "above-body"


def clean_body(lines: Sequence[Line], title: str | None, hit: Hit,
               sections: Sequence[LineRule], g: GenericRules) -> tuple[list[str], list[Removed]]:
    """Body lines minus boilerplate lines; a section marker ends the article (teasers, comments follow),
    and so does a footer line (`Copyright`, `上一篇`) with no paragraph below it. Below such a line each
    line is still reported under its own line rule when one names it (a footer's `Copyright ©`, a
    form's `Name*`), so --explain says what the page's tail is made of. An attachment label takes its
    list with it; a lead's label and a trailing editor credit are taken off their paragraphs."""
    kept: list[str] = []
    removed: list[Removed] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        marker = confirmed(first_match(sections, line.key), line.text, lines[n + 1].text if n + 1 < len(lines) else "")
        if marker is not None and kept:
            removed += _tail(lines[n:], hit, marker.rule, sections)
            break
        found = hit(line) if marker is None else None
        if found is not None and kept and is_footer_start(found.rule) and not any(ln.prose for ln in lines[n:]):
            removed += _tail(lines[n:], hit, "footer", sections)
            break
        if marker is not None:                                      # a heading with no article above it
            removed.append(Removed(line.raw, marker.rule))
        elif found is not None:
            removed.append(Removed(line.raw, found.rule))
            if found.rule_class == "attachment":
                end = attachment_list_end([ln.key for ln in lines], n, lambda i: _is_attachment(lines[i], hit))
                removed += [Removed(ln.raw, "attachment-block") for ln in lines[n + 1:end]]
                n = end
                continue
        elif title is not None and line.text == title:
            removed.append(Removed(line.raw, "duplicate-title"))
        elif kept and line.text == kept[-1]:                        # printed twice in a row
            removed.append(Removed(line.raw, "duplicate-line"))
        elif _SEPARATOR_ONLY.match(line.key) or line.crumb and not _table_header(lines, n):
            removed.append(Removed(line.raw, "separator" if _SEPARATOR_ONLY.match(line.key) else "breadcrumb"))
        else:
            text, notes = trim_paragraph(line.text, lead=len(kept) < 2)
            removed += notes
            if text:
                kept.append(text)
        n += 1
    return drop_teaser_tail(kept, removed)


def _table_header(lines: Sequence[Line], n: int) -> bool:
    """`Product | FY2022 | FY2021 | Change` over `Total | 207,350 | 183,500 | +13.0%`: a pipe table's header
    row, not a breadcrumb; the row below has as many bars and is no trail itself."""
    bars = lines[n].text.count("|")
    return bars >= 2 and n + 1 < len(lines) and lines[n + 1].text.count("|") == bars and not lines[n + 1].crumb


def _is_attachment(line: Line, hit: Hit) -> bool:
    found = hit(line)
    return found is not None and found.rule_class == "attachment"


def _tail(lines: Sequence[Line], hit: Hit, why: str, sections: Sequence[LineRule]) -> list[Removed]:
    """Every line from a section marker or a footer line down, each under its own rule when one names it."""
    out = []
    for ln in lines:
        why = (m.rule if (m := first_match(sections, ln.key)) else why)   # `Leave a Reply` after `Related Posts`
        own = hit(ln)
        out.append(Removed(ln.raw, own.rule if own else why))
    return out


def trim_paragraph(text: str, lead: bool) -> tuple[str, list[Removed]]:
    """A paragraph without what is not its text: a lead's label when it opens the body (`lead`: one of
    the first two paragraphs), a bracketed editor credit at its end. `text` is empty when the paragraph
    was only a label."""
    notes: list[Removed] = []
    if lead and (parts := split_lead_label(text)) is not None:
        notes.append(Removed(parts[0], "lead-label"))
        text = parts[1]
    if text and (parts := split_credit_suffix(text)) is not None:
        text = parts[0]
        notes.append(Removed(parts[1], "credit-suffix"))
    return text, notes


def drop_teaser_tail(kept: list[str], removed: list[Removed]) -> tuple[list[str], list[Removed]]:
    """Two or more trailing `category | title` or `…`-cut lines are a teaser list without a heading
    (a table row, `Copper | 68,500 | +1.2%`, has more than one bar and stays)."""
    n = len(kept)
    while n > 1 and _TEASER.search(kept[n - 1]):
        n -= 1
    if len(kept) - n >= 2:
        return kept[:n], removed + [Removed(t, "teaser-list") for t in kept[n:]]
    return kept, removed
