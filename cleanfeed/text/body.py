"""The body of a plain-text page (the lines below its headline and header lines) → its paragraphs: line
rules and section markers, a footer with no paragraph below it, attachment lists, a lead's label and a
trailing editor credit, a teaser tail. Shared with the HTML block filter (`trim_paragraph`,
`drop_teaser_tail`). Pure functions.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cleanfeed.model import Removed
from cleanfeed.rules.linerules import GenericRules, LineRule, first_match
from cleanfeed.text.lines import SEPARATOR_ONLY, Hit, Line
from cleanfeed.text.listblocks import line_shape
from cleanfeed.text.multiline import (
    attachment_list_end,
    confirmed,
    is_footer_start,
    split_credit_suffix,
    split_lead_label,
)

# As the HTML block filter's `prose_seen`: a footer line (`Powered by Tumblr`, `Copyright`) under nothing but a
# site's name is the page's header, not the end of its article (a layout cell a line, markdownify).
_PROSE_SEEN = 80

# A row of a thread's index or of a comment list ends in the day and the clock time it was posted, a size or read /
# reply counts after it: `…【梅子】08-11 16:58 138字 [140/0]`, `… 2005-08-11 16:58`, `… - jdoe 08/11/2005 4:06 PM (12)`.
_POST_ROW_END = re.compile(
    r"(?<![\d:])(?:(?:19|20)\d\d\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*[-/.]\s*(?:19|20)\d\d|\s*日)?"
    r"\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s*\d+\s*字)?(?:\s*[(\[（]\s*\d+\s*(?:/\s*\d+\s*)?[)\]）])?\s*$",
    re.I)
POST_ROW_CHARS = 200    # a longer line is a paragraph, whatever it ends with
_INDEX_HEADING = re.compile(r"^[^.!?。！？\"”]{1,24}$")    # a short line over the index, no sentence: its heading
POST_ROWS = 3           # this many post rows among the next POST_ROW_REACH lines: a thread's index begins
POST_ROW_REACH = 5

# `About <Name>` over an author's bio, in the languages of our pages: about, sobre, über, à propos de, acerca de,
# informazioni su, over, o autorze. The name is two to four capitalised words (no digit, no sentence).
_ABOUT_PERSON = re.compile(r"^(?:about|sobre|über|à propos de|a propos de|acerca de|informazioni su|over|o autorze)\s+"
                           r"(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][\w'’.-]*)(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][\w'’.-]*)){1,3})\s*:?$", re.I)

# A teaser is `category | title` (one bar, short category) or an excerpt cut off with `...`.
_TEASER = re.compile(r"^[^|｜]{1,16}\s*[|｜]\s*[^|｜]*[^\W\d_][^|｜]*$|(\.\.\.|…)\s*$")


def clean_body(lines: Sequence[Line], title: str | None, hit: Hit,
               sections: Sequence[LineRule], g: GenericRules) -> tuple[list[str], list[Removed]]:
    """Body lines minus boilerplate lines; a section marker ends the article (teasers, comments follow),
    and so does a footer line (`Copyright`, `上一篇`) with no paragraph below it. Below such a line each
    line is still reported under its own line rule when one names it (a footer's `Copyright ©`, a
    form's `Name*`), so --explain says what the page's tail is made of. An attachment label takes its
    list with it; a lead's label and a trailing editor credit are taken off their paragraphs."""
    kept: list[str] = []
    removed: list[Removed] = []
    prose_seen = False      # a kept line of 80+ characters or a paragraph: a footer line may end the article from here
    story_end = last_story_line(lines)
    n = 0
    while n < len(lines):
        line = lines[n]
        marker = confirmed(first_match(sections, line.key), line.text, lines[n + 1].text if n + 1 < len(lines) else "")
        if marker is not None and kept:
            removed += _tail(lines[n:], hit, marker.rule, sections)
            break
        if marker is None and prose_seen and kept and thread_index_at(lines, n, story_end):
            if n > 0 and kept[-1] == lines[n - 1].text and _INDEX_HEADING.match(kept[-1]):   # `Replies`, `回复：`
                removed.append(Removed(kept.pop(), "post-rows"))
            removed += _tail(lines[n:], hit, "post-rows", sections)
            break
        if marker is None and prose_seen and author_box_at(lines, n):
            removed += _tail(lines[n:], hit, "author-bio", sections)
            break
        found = hit(line) if marker is None else None
        if found is not None and prose_seen and is_footer_start(found.rule) and not any(ln.prose for ln in lines[n:]):
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
        elif kept and line.text == kept[-1] and line_shape(line.key) != "D":   # printed twice in a row (a
            removed.append(Removed(line.raw, "duplicate-line"))         # table's `0` under `0` is two cells)
        elif SEPARATOR_ONLY.match(line.key) or line.crumb and not _table_header(lines, n):
            removed.append(Removed(line.raw, "separator" if SEPARATOR_ONLY.match(line.key) else "breadcrumb"))
        else:
            text, notes = trim_paragraph(line.text, lead=len(kept) < 2)
            removed += notes
            if text:
                kept.append(text)
                prose_seen = prose_seen or len(text) >= _PROSE_SEEN or line.prose
        n += 1
    return drop_teaser_tail(kept, removed)


def is_post_row(text: str) -> bool:
    """A row of a thread's index or a comment list: its title or first words, its author, then the day and clock
    time it was posted at the row's end (a size or counts after it). A story tells a time inside a sentence (`…
    at 6:40.`), not after its last word."""
    return len(text) <= POST_ROW_CHARS and _POST_ROW_END.search(text) is not None


def last_story_line(lines: Sequence[Line]) -> int:
    """The index of the last paragraph that is no post row (-1 without one), read once per body from its end:
    asked again below every post row, a long index with a reply under it took time quadratic in its rows."""
    return next((i for i in range(len(lines) - 1, -1, -1) if lines[i].prose and not is_post_row(lines[i].text)), -1)


def thread_index_at(lines: Sequence[Line], n: int, story_end: int) -> bool:
    """Line `n` opens a thread's index (or a comment list) under the story: it is a post row and so are at least
    POST_ROWS of the next POST_ROW_REACH lines, and no paragraph but post rows follows (`story_end`, the
    `last_story_line`, is not below it). The story's own paragraphs are above it; the replies are not the story (a
    seed-like forum page keeps every line until here). Rows with the story's paragraphs below them are a list in
    the story (a programme's dates and times)."""
    if not is_post_row(lines[n].text):
        return False
    if sum(is_post_row(ln.text) for ln in lines[n:n + POST_ROW_REACH]) < POST_ROWS:
        return False
    return story_end <= n


def author_box_at(lines: Sequence[Line], n: int) -> bool:
    """Line `n` heads the author's box under the story: `About <Name>` (`Sobre Ana Ribeiro`, `Über Lena Hartmann`)
    over the page's last prose line, which names that person (the bio). A profile's heading naming its subject
    has more story under it, so it stays."""
    m = _ABOUT_PERSON.match(lines[n].text)
    if m is None:
        return False
    prose = [ln for ln in lines[n + 1:] if ln.prose or len(ln.text) >= _PROSE_SEEN]
    return len(prose) == 1 and m.group("name") in prose[0].text


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


__all__ = ["clean_body", "trim_paragraph", "drop_teaser_tail"]
