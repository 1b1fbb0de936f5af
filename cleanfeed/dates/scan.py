"""The last HTML strategy: the whole page read as short text pieces, for pages whose headline cannot be
found or prints no date near it (old table layouts, forums, blogs): a labelled publication date
anywhere (`发表于:2005-07-31 12:30`, `<dt>Datum</dt><dd>12.01.2017</dd>`), then a piece of text that
is just a date. Sidebars, comments and related lists are skipped as everywhere else."""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from cleanfeed.dates.clues import (
    LOOSE,
    ORIGINAL,
    PAGE,
    PUBLISHED,
    Clue,
    Dated,
    is_copyright,
    is_date_line,
    is_prose,
    read_line,
    role_of,
    sentence_at,
)
from cleanfeed.dates.layout import Layout
from cleanfeed.dates.machine import parse_machine
from cleanfeed.dates.patterns import Mention, find_mentions, normalize
from cleanfeed.dates.vocab import vocab

# Short text pieces with a digit, outside scripts: prose paragraphs are the dateline's and body's job.
_PIECES = etree.XPath("//body//text()[not(parent::script) and not(parent::style)"
                      " and string-length(normalize-space()) > 3 and string-length(.) < 300]")
_DIGIT = re.compile(r"[0-9０-９]")
_LETTERS = re.compile(r"[^\W\d_]")
MAX_HITS = 12


def page_clues(doc: Any, language: str, layout: Layout, scripts: list[Any]) -> list[Clue]:
    """`scripts`: the page's `<script>` elements in document order (layout.Tags.scripts, from the engine's one
    walk: `doc.iter("script")` here walked the whole page once more)."""
    return [*text_piece_clues(doc, language, layout), *script_clues(scripts, language, layout)]


def text_piece_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    out: list[Clue] = []
    previous = ""
    for n, piece in enumerate(_PIECES(doc)):
        raw = str(piece)
        if _DIGIT.search(raw) is None:
            previous = raw
            continue
        text = normalize(raw.strip())
        if is_copyright(text):
            continue
        before, previous = previous, raw
        dated = [d for d in read_line(text, language, relative=False) if d.mention.has_year]
        if not dated:
            continue
        # The label before is read only for a piece that holds a dated mention: 96 of the 2,485 pieces that
        # got here on bench/speed.py's 240 pages, where the label search was an eighth of this loop's time.
        label_before = _label_at_end(normalize(before.strip()))
        labelled = any(d.label for d in dated) or label_before is not None
        if layout.excluded(piece.getparent(), hard_only=labelled):
            continue
        for j, d in enumerate(dated[:2]):
            label = d.label or (label_before if j == 0 else None)
            if label == "weak" and is_prose(text) and not speaks_of_its_page(text, d.mention.start):
                # `… eine Satellitenaufnahme vom 31.05.2021 (links) …`, `the chart was created on 12 March 2021 …`:
                # a generic label inside a sentence (a caption's, the body's) dates what the sentence is about,
                # unless the sentence speaks of its page (`Dieser Artikel wurde am 14. Dezember 2015 … geschrieben`).
                continue
            role = role_of(label) or "other"
            if label is not None:
                out.append(Clue(d.mention, "page", role, PAGE, 0, n * 10 + j, text, first=label == ORIGINAL))
            elif is_date_line(text, d, max_len=80) or _bare(text, d):
                out.append(Clue(d.mention, "page", role, LOOSE, 0, n * 10 + j, text))
        if len(out) >= MAX_HITS:
            break
    return out


def speaks_of_its_page(text: str, at: int) -> bool:
    """Whether the sentence of `text` holding position `at` speaks of its page (`This page was created on …`):
    that sentence, not the text piece's first, since a piece often holds several sentences."""
    return vocab().self_reference.match(sentence_at(text, at)) is not None


def _label_at_end(text: str) -> str | None:
    """The label a piece of text ends with (`发布日期：`, `Datum`), for the date in the next piece."""
    if not text or len(text) > 60:
        return None
    m = vocab().label.search(text[-48:])
    return m.lastgroup if m else None


def _bare(text: str, dated: Dated) -> bool:
    """A piece that is a date and little else (`am 20.09.2020`, `(2005-06-14 03:25)`)."""
    rest = text[:dated.mention.start] + text[dated.mention.end:]
    return len(_LETTERS.findall(rest)) <= 12


# A site's own data layer in inline scripts: `"published_at":"2019-03-02T06:22:28+01:00"`,
# `var publication_date = "2020-02-17 21:18:11"`. Scripts can be hundreds of KB, so plain substring
# search finds the few places worth a regex (scanning all of it with `re` costs tens of ms).
_SCRIPT_KEY = re.compile(
    r"""["']?(date_?published|published_?(?:at|date|time|on)|publish_?(?:date|time|at)|publication_?(?:date|time)"""
    r"""|pub_?date|first_?publish(?:ed)?_?(?:date|time|at)|date_?created|created_?at|creation_?date|date_?creation)"""
    r"""["']?\s*[:=]\s*["']([^"'<>]{6,40})["']""", re.I)
_SCRIPT_HINTS = ("ublish", "ublicat", "reate", "reation", "ubdate", "ubDate")   # "reate" finds "Created" too
MAX_SCRIPT_HITS = 8
# A script that prints one date where it stands: `<script>showDate("2020/04/17 01:43:09")</script>`,
# `document.write(formatDate('2021-01-17'))` in an old CMS's article header. Readers see that date.
# Matched whole against the stripped text, with one run of closers: `\s*\)*\s*` backtracked cubically.
_PRINTS = re.compile(r"""[\w$.]+\(\s*(?:[\w$.]+\(\s*)?["']([^"'<>]{6,40})["'][\s)]*;?""")
MAX_PRINTING_SCRIPT = 160


def script_clues(scripts: list[Any], language: str, layout: Layout) -> list[Clue]:
    """Publication dates a page's scripts (all of them, in document order) carry outside JSON-LD, as a hint of
    last resort."""
    out: list[Clue] = []
    for n, script in enumerate(scripts):
        text = script.text or ""
        if len(text) <= MAX_PRINTING_SCRIPT and (printed := _printed_date(script, text, language, layout)):
            out.append(Clue(printed, "script:printed", PUBLISHED, LOOSE, 0, n * 1000, text.strip()))
            continue
        if "ld+json" in (script.get("type") or "") or len(text) < 20:
            continue
        for hint in _SCRIPT_HINTS:
            at = text.find(hint)
            while at != -1 and len(out) < MAX_SCRIPT_HITS:
                m = _SCRIPT_KEY.search(text, max(0, at - 24), at + 90)
                if m and (mention := parse_machine(m.group(2).replace("\\/", "/"), language)):
                    out.append(Clue(mention, f"script:{m.group(1)}", PUBLISHED, PAGE, 1, n * 1000 + len(out),
                                    m.group(0)))
                at = text.find(hint, at + 1)
    return _unique(out)


def _printed_date(script: Any, text: str, language: str, layout: Layout) -> Mention | None:
    """The full date a short inline script in the page's body prints where it stands, if that is all it does."""
    m = _PRINTS.fullmatch(text.strip())
    if m is None or script.get("src") or any(a.tag == "head" for a in script.iterancestors()) \
            or layout.excluded(script.getparent()):   # (a <script> itself is always "excluded")
        return None
    found = find_mentions(normalize(m.group(1)), language, relative=False)
    return found[0] if found and found[0].start == 0 and found[0].has_year else None


def _unique(clues: list[Clue]) -> list[Clue]:
    seen: set[str] = set()
    out = []
    for clue in clues:
        if clue.mention.text not in seen:
            seen.add(clue.mention.text)
            out.append(clue)
    return out
