"""The author's bio printed at the story's end (`Jane Doe is a staff writer at … She has covered tech since
2016`): a paragraph among the story's last blocks that opens with the article's own author, as the page's
metadata or byline names them, and a verb of a bio (`html_words.toml` `bio_verbs`). The byline already
says who wrote the story; the bio is about the writer, not the news, and most ground truths leave it out.

Agreement of two signals, not a word list of bios: the name must be the one the page gives as its author,
so a story's closing paragraph about another person (`John Roe is now chief executive`) stays.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from cleanfeed.html.extract import Filtered
from cleanfeed.model import Removed
from cleanfeed.rules.html_words import html_words

BIO_TAIL = 3             # the story's last text blocks a bio is looked for among (a bio, its links, a date)
MAX_BIO_TEXT = 1000      # characters: a bio is one paragraph, never a section of the story
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")


@cache
def _verbs() -> str:
    return "|".join(re.escape(v) for v in html_words().bio_verbs)


@cache
def _verb_after_name() -> re.Pattern[str]:
    """A bio verb after a name's end. Compiled once: a pattern of the names and the verbs together was built
    and compiled anew for every author (re's cache holds 512 patterns; 0.2 ms a compile, on every page that
    names an author)."""
    return re.compile(rf"\s+(?:{_verbs()})\b")


def author_names(author: str | None) -> tuple[str, ...]:
    """The people of a byline (`Jane Doe, John Roe`) with two words or more each, and for a name of three
    words or more its first and last word too (`Lauren Paige Richeson` → `Lauren Richeson`)."""
    names: list[str] = []
    for part in _NAME_SPLIT.split(author or ""):
        words = part.split()
        if len(words) >= 2:
            names.append(" ".join(words))
            if len(words) > 2:
                names.append(f"{words[0]} {words[-1]}")
    return tuple(names)


def is_author_bio(text: str, names: tuple[str, ...]) -> bool:
    """`text` opens with one of `names` and a bio verb, and is a paragraph's length."""
    if not names or len(text) > MAX_BIO_TEXT:
        return False
    # `(?:name|…)\s+(?:verb|…)\b` matched at 0: some name opens the text and a verb follows its end (the
    # alternation backtracks into every name, so trying each name in turn is the same answer)
    after = _verb_after_name()
    return any(text.startswith(n) and after.match(text, len(n)) is not None for n in names)


def drop_author_bio(filtered: Filtered, author: str | None) -> Filtered:
    """`filtered` without the paragraphs among its last BIO_TAIL text blocks that are the author's bio, when
    the story's own text comes before them."""
    names = author_names(author)
    if not names:
        return filtered
    texts = [i for i, b in enumerate(filtered.blocks) if b.text and b.kind not in ("img", "figcaption")]
    bios = {i for i in texts[-BIO_TAIL:] if filtered.blocks[i].kind == "p"
            and is_author_bio(filtered.blocks[i].text, names)}
    if not bios or not any(i < min(bios) and filtered.blocks[i].kind not in _HEADINGS for i in texts):
        return filtered     # no story before it: an author's own page (`/author/jane-doe`), the bio is its text
    kept = [b for i, b in enumerate(filtered.blocks) if i not in bios]
    while kept and kept[-1].kind == "img":      # the bio's portrait, now after the story's last text
        kept.pop()
    notes = tuple(Removed(filtered.blocks[i].text, "author-bio") for i in sorted(bios))
    return replace(filtered, blocks=tuple(kept), removed=(*filtered.removed, *notes))
