"""Plain-text pages → Draft: find the headline, the header lines under it and the article body, and
drop boilerplate with the generic rules (cleanfeed/data/boilerplate.toml) plus the site rule.

Every step is a pure function over the page's lines; the input is never modified.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .draft import Draft
from .model import Removed
from .rules import GenericRules, LineRule, SiteRule, first_match, generic_rules, match_key
from .textnorm import squeeze

_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ'’-]+")
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’)）]$")
_ZH_PUNCT = re.compile(r"[。，；！？、,;]")
_SEPARATOR_ONLY = re.compile(r"^[-–—_*·•|=~.。…]+$")
_TEASER = re.compile(r"^[^|｜]{1,16}\s*[|｜]\s*\S.*$|(\.\.\.|…|\.\.\.\s*)$")
_BY_LINE = re.compile(r"^by\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})$")
_DATE_LINE = re.compile(
    r"^\W*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})", re.I)


@dataclass(frozen=True)
class Line:
    """One non-empty line: its text with spaces folded, the raw text, and the key patterns match."""

    text: str
    raw: str
    key: str


def split_lines(text: str) -> list[Line]:
    """The page's non-empty lines; a text dump has one block per line."""
    out = []
    for raw in text.split("\n"):
        folded = squeeze(raw)
        if folded:
            out.append(Line(folded, raw.strip(), match_key(folded)))
    return out


def is_paragraph(line: Line) -> bool:
    """A line that reads like article prose: long enough, and built of sentences or clauses."""
    han = len(_HAN.findall(line.text))
    if han >= 20:
        return len(_ZH_PUNCT.findall(line.text)) >= 1 and (han >= 40 or _SENTENCE_END.search(line.text) is not None)
    words = len(_WORD.findall(line.text))
    return words >= 12 and (_SENTENCE_END.search(line.text) is not None or ". " in line.text[:-1])


def is_breadcrumb(line: Line, g: GenericRules) -> bool:
    """`Home > News > …`, `首页 > 新闻`: a location prefix, or 2+ separators joining short pieces."""
    if g.breadcrumb_prefix.search(line.key):
        return len(line.key) <= 200
    pieces = [p for p in g.breadcrumb_separators.split(line.key)]
    separators = len(pieces) - 1
    if separators < 2 and not (separators == 1 and line.key.rstrip().endswith(">")):
        return False
    return all(len(p) <= g.breadcrumb_max_piece for p in pieces) and not is_paragraph(line)


def is_header(line: Line, g: GenericRules) -> bool:
    """A metadata line near the headline: labelled (`Author:`, `发布时间：`), a bare date, or `By Name`."""
    if len(line.key) > g.header_max_len:
        return False
    if _DATE_LINE.search(line.key) and len(line.key) <= 60:
        return True
    if _BY_LINE.match(line.text):
        return True
    first = g.header_labels.search(line.key)
    return first is not None and first.start() <= 2


def header_author(lines: Sequence[str], g: GenericRules) -> str | None:
    """The byline name from `Author: X` / `作者：X` / `By X`; None when the label is there but empty."""
    for text in lines:
        key = match_key(text)
        if m := _BY_LINE.match(text):
            return m.group(1)
        labels = list(g.header_labels.finditer(key))
        for i, m in enumerate(labels):
            if not g.author_labels.match(m.group(1)):
                continue
            end = labels[i + 1].start() if i + 1 < len(labels) else len(key)
            value = key[m.end():end].strip(" |/,;:·-【】[]()")
            if 0 < len(value) <= 40 and not any(ch.isdigit() for ch in value):
                return value
    return None


def find_first_paragraph(lines: Sequence[Line], drop: Sequence[LineRule]) -> int | None:
    for i, line in enumerate(lines):
        if is_paragraph(line) and first_match(drop, line.key) is None:
            return i
    return None


def choose_title(lines: Sequence[Line], body_start: int, g: GenericRules) -> int | None:
    """Index of the headline among the lines above the body: a line printed twice wins, then the line
    right above the header lines, then the nearest plausible line."""
    candidates = [i for i in range(body_start)
                  if not is_breadcrumb(lines[i], g) and not is_header(lines[i], g)
                  and first_match(g.lines, lines[i].key) is None and not _SEPARATOR_ONLY.match(lines[i].key)
                  and not any(s.matches(lines[i].key) for s in g.sections)]
    if not candidates:
        return None
    texts = [lines[i].text for i in candidates]
    for i in candidates:
        if texts.count(lines[i].text) > 1:
            return i
    headers = [i for i in range(body_start) if is_header(lines[i], g)]
    if headers:
        above = [i for i in candidates if i < headers[0]]
        if above:
            return above[-1]
    return candidates[-1]


def clean_text(text: str, rule: SiteRule | None = None) -> Draft:
    """A plain-text page → Draft (title, header lines, body paragraphs, what was removed and why)."""
    g = generic_rules()
    lines = split_lines(text)
    site_drop = rule.drop_lines if rule else ()
    drop = (*site_drop, *g.lines)
    sections = (*(rule.cut_from if rule else ()), *g.sections)
    start = find_first_paragraph(lines, drop)
    if start is None:                      # no prose line: keep what is not boilerplate, title first
        start = next((i for i, ln in enumerate(lines) if first_match(drop, ln.key) is None
                      and not is_breadcrumb(ln, g)), len(lines))
        title_at = start if start < len(lines) else None
        start = start + 1 if title_at is not None else start
    else:
        title_at = choose_title(lines, start, g)
    removed: list[Removed] = []
    header: list[str] = []
    title = lines[title_at].text if title_at is not None else None
    for i in range(start):
        if i == title_at:
            continue
        line = lines[i]
        if is_header(line, g) and (title_at is None or i > title_at or i >= title_at - 1):
            header.append(line.text)
            removed.append(Removed(line.raw, "header"))
        elif title is not None and line.text == title:
            removed.append(Removed(line.raw, "duplicate-title"))
        elif title_at is not None and i > title_at and _kept_above_body(line, drop, g):
            start = min(start, i)
        else:
            removed.append(Removed(line.raw, _why_above(line, title_at, i, drop, g)))
    body, tail_removed = clean_body(lines[start:], title, drop, sections, g)
    author = header_author(header, g) or header_author(
        [r.text for r in tail_removed if r.rule == "editor-source"], g)
    return Draft(title=title, paragraphs=tuple(body), author=author, header_lines=tuple(header),
                 removed=tuple(removed + tail_removed))


def _kept_above_body(line: Line, drop: Sequence[LineRule], g: GenericRules) -> bool:
    """A line between headline and body that is prose-like enough to be a standfirst, not chrome."""
    han = len(_HAN.findall(line.text))
    long_enough = han >= 15 if han else len(_WORD.findall(line.text)) >= 8
    return long_enough and first_match(drop, line.key) is None and not is_breadcrumb(line, g)


def _why_above(line: Line, title_at: int | None, i: int, drop: Sequence[LineRule], g: GenericRules) -> str:
    if is_breadcrumb(line, g):
        return "breadcrumb"
    if hit := first_match(drop, line.key):
        return hit.rule
    return "above-title" if title_at is not None and i < title_at else "above-body"


def clean_body(lines: Sequence[Line], title: str | None, drop: Sequence[LineRule],
               sections: Sequence[LineRule], g: GenericRules) -> tuple[list[str], list[Removed]]:
    """Body lines minus boilerplate lines; a section marker ends the article (teasers, comments follow)."""
    kept: list[str] = []
    removed: list[Removed] = []
    for n, line in enumerate(lines):
        marker = first_match(sections, line.key)
        if marker is not None and kept:
            removed.extend(Removed(ln.raw, marker.rule) for ln in lines[n:])
            break
        if hit := first_match(drop, line.key):
            removed.append(Removed(line.raw, hit.rule))
        elif title is not None and line.text == title:
            removed.append(Removed(line.raw, "duplicate-title"))
        elif _SEPARATOR_ONLY.match(line.key) or is_breadcrumb(line, g):
            removed.append(Removed(line.raw, "separator" if _SEPARATOR_ONLY.match(line.key) else "breadcrumb"))
        else:
            kept.append(line.text)
    return drop_teaser_tail(kept, removed)


def drop_teaser_tail(kept: list[str], removed: list[Removed]) -> tuple[list[str], list[Removed]]:
    """Two or more trailing `category | title` or `…`-cut lines are a teaser list without a heading."""
    n = len(kept)
    while n > 1 and _TEASER.search(kept[n - 1]):
        n -= 1
    if len(kept) - n >= 2:
        return kept[:n], removed + [Removed(t, "teaser-list") for t in kept[n:]]
    return kept, removed
