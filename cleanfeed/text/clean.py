"""Plain-text pages → Draft: find the headline, the header lines under it and the article body, and
drop boilerplate with the generic rules (cleanfeed/data/boilerplate.toml) plus the site rule.

Every step is a pure function over the page's lines; the input is never modified. Patterns see a
line's *key*: spaces folded, full-width forms normalised and traditional characters folded to
simplified, so one set of Chinese rules covers 來源 / 相關閱讀 as well as 来源 / 相关阅读.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cleanfeed.model import Draft, Removed
from cleanfeed.rules.linerules import GenericRules, MatchMemo, first_match, generic_rules
from cleanfeed.rules.site import SiteRule
from cleanfeed.text.body import clean_body
from cleanfeed.text.body import drop_teaser_tail as drop_teaser_tail  # re-exported: html.extract
from cleanfeed.text.body import trim_paragraph as trim_paragraph
from cleanfeed.text.columns import read_columns, split_cells
from cleanfeed.text.dump import content_fallback, typed_dump
from cleanfeed.text.dumphead import (
    MIN_TITLE_OVERLAP,
    has_page_title,
    labelled_headline,
    tool_furniture,
    tool_layout,
    with_subtitle,
    without_column_label,
    without_field_label,
    without_image_box,
)
from cleanfeed.text.dumprun import wrap_width, wrapped_on
from cleanfeed.text.headerlines import header_author as header_author  # re-exported: html.extract
from cleanfeed.text.headerlines import is_header as is_header
from cleanfeed.text.headerlines import is_stamp_row
from cleanfeed.text.lines import SEPARATOR_ONLY, WORD, Hit, has_sentence
from cleanfeed.text.lines import Line as Line  # re-exported: tests
from cleanfeed.text.lines import fold as fold  # re-exported: html, tests
from cleanfeed.text.lines import is_paragraph as is_paragraph
from cleanfeed.text.lines import line_key as line_key
from cleanfeed.text.lines import split_lines as split_lines
from cleanfeed.text.linescore import continues, page_title_match, title_overlap, title_without_site
from cleanfeed.text.markdown import read_markdown
from cleanfeed.text.unwrap import unwrap_dump
from cleanfeed.textnorm import HAN, count_chars

# How a standfirst or a salutation ends, and a headline does not (a headline may end in `?` or `!`).
_FULL_STOP = re.compile(r"[.。:：…]$")
_CUT_OFF = re.compile(r"(\.\.\.|…)$")
_WORDISH = re.compile(r"\w")
# A day's ordinal suffix (`Nov 25th, 2025`, `Posted on November 6th, 2025`): dropped before a dump's row under
# its headline is read as a date row (the HTML path reads such rows from markup and is left as it is).
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.I)
DATE_ROW_REACH = 2    # lines under the first paragraph where the story's date row may still come
# A letter's or a notice's salutation: whom it addresses, then a colon (`各会员单位、有关企业：`, `Dear members:`).
# A list item's bullet as text browsers print it (lynx: `*`, `+`, `o`, `#` by nesting level).
_LIST_ITEM = re.compile(r"[*+o#•◦▪▫■□●○·‣–-]\s")
_SALUTATION = re.compile(r"^(?:[\u4e00-\u9fff]{2,}[、，,]?){1,6}[:：]$|^(?:dear|to)\s[^.!?:]{2,60}[:,]$", re.I)
def _chrome(line: Line, hit: Hit) -> bool:
    """Boilerplate by any rule: a dropped line, a breadcrumb, a section heading, a separator."""
    return hit(line) is not None or line.crumb or line.marker or bool(SEPARATOR_ONLY.match(line.key))


def _headline_like(lines: Sequence[Line], i: int, hit: Hit, g: GenericRules, end: int | None = None,
                   text: str | None = None) -> bool:
    """A prose-looking line that is really the headline: no full stop, short, and printed twice, or
    followed (past any chrome) by header lines (`By …`, `发布时间：…`), or the first line that is neither
    chrome nor header, with more text below it. E.g. a question headline of 14 words, or
    `U.S. imports rise …` (its `. ` reads as prose). `end` and `text`: a hard-wrapped paragraph's lines
    `i`…`end - 1` and their text joined (find_first_paragraph); the line `i` alone without them."""
    line = lines[i]
    end = i + 1 if end is None else end
    text = line.text if text is None else text
    if _FULL_STOP.search(text) or len(text) > 200:
        return False
    earlier = {n.text for n in lines[:i]} - {line.text}     # a repeat of an earlier line is chrome here too
    nxt = next((n for n in lines[end:] if not _chrome(n, hit) and (n.head or n.text not in earlier)), None)
    if nxt is not None and (nxt.text == text or nxt.head):
        return True
    return all(_chrome(n, hit) or n.head for n in lines[:i]) \
        and any(not _chrome(n, hit) for n in lines[end:])


def _goes_on(lines: Sequence[Line], i: int, hit: Hit, width: int, headline: Line | None = None) -> bool:
    """Line `i` goes on the hard-wrapped paragraph of the line above it, and so starts no paragraph of its own: it
    goes on in lower case or with a clause mark (text/linescore.continues), or the greedy wrap at `width` shows
    it (text/dumprun.wrapped_on: `…to the school on Mill` / `Lane, where…`). Not under boilerplate or a header
    line (`By …`, a date row): a story's first paragraph may go on from neither. A line led by a list item's
    bullet goes on by the greedy wrap alone: lynx prints a nested list's bullet as `o`, which `continues` reads
    as lower case (`o Anchorage` / `o Birmingham` / … read as one paragraph of a menu), while a spaced dash the
    wrap put first (`…instead of the six` / `– as the county tries…`) is the paragraph going on. Under the page's
    `headline` only a line that `continues` goes on (the region may take a wrapped paragraph's first line for
    it): a headline as wide as the lines under it that ends in a lower-case word (`…to start in the autumn`) is
    no filled line of the paragraph below it."""
    if i == 0 or _chrome(lines[i - 1], hit) or lines[i - 1].head:
        return False
    prev, key = lines[i - 1].key, lines[i].key
    wrapped = lines[i - 1] is not headline and wrapped_on(prev, key, width)
    return wrapped or not _LIST_ITEM.match(key) and continues(prev, key)


def find_first_paragraph(lines: Sequence[Line], hit: Hit, g: GenericRules, headline: Line | None = None) -> int | None:
    """The first line of the first paragraph that reads as prose and is not boilerplate, not a headline, and not
    a repeat of a line above. A hard-wrapped paragraph (_goes_on) is read whole from its first line, so the story
    starts there: its lines one by one are rarely prose (`Libraries in … will open on four days a week` ends no
    sentence), and a later line of it that is (`flag. The 47 year old … by media`, its closing lines) is no
    paragraph of its own: taken for the first, it cut the story's paragraphs above it from the body. `headline`:
    the line the dump's region took for the headline (_goes_on)."""
    width = wrap_width([ln.key for ln in lines if ln is not headline])  # (lynx prints it wider)
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        end = i + 1
        while end < len(lines) and _goes_on(lines, end, hit, width, headline):
            end += 1
        line = lines[i]
        text = " ".join(ln.text for ln in lines[i:end])
        para = line if end == i + 1 else Line(text, text, " ".join(ln.key for ln in lines[i:end]))
        if para.prose and hit(line) is None and line.text not in seen \
                and not _headline_like(lines, i, hit, g, end, text):
            return i
        seen.update(ln.text for ln in lines[i:end])
        i = end
    return None


def _title_candidate(line: Line, g: GenericRules) -> bool:
    """Not boilerplate, a breadcrumb, a header or section marker, and holding a word or a Han character: a
    line of marks alone is a separator or an accessibility anchor (`:::`, the access-key marks of Taiwanese
    government and association sites); not a text browser's furniture (dumphead.tool_furniture: `(BUTTON) (BUTTON)`,
    `o Portland`, a search form)."""
    return not (line.crumb or line.head or first_match(g.lines, line.key) is not None
                or SEPARATOR_ONLY.match(line.key) or line.marker or not _WORDISH.search(line.key)
                or tool_furniture(line.key))


def choose_title(lines: Sequence[Line], body_start: int, g: GenericRules,
                 headline: Line | None = None) -> int | None:
    """Index of the headline among the lines above the body: the headline the dump's region found (the
    line the page's `<title>` names, else one printed twice or one over the date lines) if it is one of
    them, else the one printed as a labelled field (`标　　题：…`), else a line printed twice,
    then the line right above the header lines, then the nearest line without a full stop (a standfirst
    has one)."""
    candidates = [i for i in range(body_start) if _title_candidate(lines[i], g)]
    if not candidates:
        return None
    named = next((i for i in candidates if lines[i] is headline), None)
    if named is not None:
        return named
    labelled = labelled_headline([ln.key for ln in lines[:body_start]], body_start)   # `标　　题：…`
    if labelled is not None:
        return labelled
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


def joined_subtitle(lines: Sequence[Line], title_at: int, start: int, title: str | None) -> tuple[int, int, str | None]:
    """The headline's line, the body's start and the headline, with a dash-led subtitle printed on the line under
    the headline joined to it (`主标题 ——副标题`, as the HTML path reads the element; text/dumphead.with_subtitle),
    and the body starting under both. Unchanged without one. The chosen line keeps what was read off it (`title`:
    its field label or site name already dropped); the line joined to it loses its field label too."""
    first, last = with_subtitle([ln.key for ln in lines], title_at)
    if first == last or title is None:
        return title_at, start, title
    head = title if first == title_at else without_field_label(lines[first].text)
    subtitle = title if last == title_at else lines[last].text
    return first, max(start, last + 1), f"{head} {subtitle}"


def headline_or_page_title(lines: Sequence[Line], title_at: int | None, page_title: Line | None,
                           body_start: int) -> int | None:
    """The line chosen as a dump's headline when the region found none, unless it has nothing to do with the
    page's `<title>`: then the `<title>` (its site name is dropped later). Without a headline to go by, the
    line nearest the body is as often a caption, a price or a reading time (`$289 - $1,000+`,
    `Courtesy of Amp`) as the headline."""
    at = next((i for i, ln in enumerate(lines[:body_start]) if ln is page_title), None)
    if at is None or title_at is None or title_at == at:
        return title_at
    chosen, whole = lines[title_at].key, lines[at].key
    related = page_title_match(chosen, whole) or title_overlap(chosen, whole) >= MIN_TITLE_OVERLAP
    return title_at if related else at


def under_date_row(lines: Sequence[Line], start: int, title_at: int | None) -> int:
    """Where the body begins when a standfirst or a photo caption sits between the headline and the
    byline-and-date row (`Tim Cook on …` / standfirst / `Jane Doe November 19, 2019, 07:47 PM EST` / body):
    under that row, which read_head then keeps as the story's header; the line above it is not body."""
    if title_at is None:
        return start
    for i in range(start + 1, min(start + 1 + DATE_ROW_REACH, len(lines))):
        if lines[i].head or is_stamp_row(_ORDINAL.sub("", lines[i].key)):
            return i + 1 if i + 1 < len(lines) and lines[i + 1].prose else start
        if lines[i].prose:
            return start
    return start


def headline_sized(line: Line) -> bool:
    """Long enough for a headline: a section label (`再生`, `Non-ferrous`) is shorter."""
    han = count_chars(HAN, line.text)
    return han >= 6 if han else len(WORD.findall(line.text)) >= 3


def clean_text(text: str, rule: SiteRule | None = None) -> Draft:
    """A plain-text page → Draft (title, header lines, body paragraphs, what was removed and why)."""
    g = generic_rules()
    untitled = tool_layout(text)    # a rendering tool's blank-line layout: its first line is no `<title>`
    # Markdown, a browser's dump (its layout columns read one after the other): one line per block
    text = unwrap_dump(split_cells(read_columns(read_markdown(text))))
    lines = split_lines(text)     # a whole-page dump: its article region; a cleaned page stays whole
    memo = MatchMemo()
    first = lines[0] if lines else None
    # a text browser's furniture first (`IFRAME: https://…`, `(BUTTON) Skip to main content`) is never the `<title>`
    furniture = first is not None and tool_furniture(first.key)
    titled = has_page_title([ln.key for ln in lines]) and not furniture
    whole = lines
    lines, dump_removed, headline, kind, as_content, document = typed_dump(
        lines, rule, article=reads_as_article(text, lines, g), match=memo, untitled=untitled)
    # a dump's first line is the page's `<title>` when the scraper saved it (not a skip link or a logo's name),
    # or when the region kept it as the `<title>` printed again over the story (text/dumphead.page_titled); never a
    # text browser's furniture (`(BUTTON) (BUTTON)`, `(BUTTON) Skip to main content`: dumphead.tool_furniture)
    page_title = first if titled or headline is None and any(ln is first for ln in lines) and not furniture else None
    if as_content:      # a listing, a thread, a product page, an article in doubt: its content lines, no article logic
        return other_draft(lines, None if furniture else first, kind, dump_removed)
    hit = Hit((*(rule.drop_lines if rule else ()), *g.lines), memo)
    sections = (*(rule.cut_from if rule else ()), *g.sections)
    start = find_first_paragraph(lines, hit, g, headline)
    if start is None:     # no body paragraph: the headline (a prose line taken for one, else the first
        # plain line; not a wrapped paragraph's later line)
        width = wrap_width([ln.key for ln in lines if ln is not headline])
        start = next((i for i, ln in enumerate(lines) if ln.prose and hit(ln) is None
                      and not _goes_on(lines, i, hit, width, headline)), None)
        if start is None:
            start = next((i for i, ln in enumerate(lines) if not _chrome(ln, hit)
                          and first_match(sections, ln.key) is None), len(lines))
        title_at = start if start < len(lines) else None
        start = start + 1 if title_at is not None else start
    else:
        title_at = choose_title(lines, start, g, headline)
        if headline is None and dump_removed:
            title_at = headline_or_page_title(lines, title_at, page_title, start)
        start = under_date_row(lines, start, title_at)
        if document and title_at is not None:   # no line of a document of short lines is a paragraph
            start = min(start, next((i for i in range(title_at + 1, start) if not lines[i].head), start))
    title = without_image_box(without_field_label(lines[title_at].text)) if title_at is not None else None
    if title is not None and dump_removed and lines[title_at or 0] is page_title:
        title = title_without_site(title)    # no printed headline was found: `Headline - Site` → `Headline`
    if title_at is not None:    # a headline and its dash-led subtitle on the next line are one headline
        title_at, start, title = joined_subtitle(lines, title_at, start, title)
    title = without_column_label(title) if title is not None else None   # `栏目名 | 标题` → `标题`
    start = standfirst_start(lines, start, title_at, hit, g)
    header, removed = read_head(lines[:start], title_at, hit, g)
    body, tail_removed = clean_body(lines[start:], title, hit, sections, g)
    author = header_author(header, g) or header_author(
        [r.text for r in tail_removed if r.rule == "editor-source"], g)
    author = None if author and g.not_a_person.search(author) else author
    draft = Draft(title=title, paragraphs=tuple(body), author=author, header_lines=tuple(header),
                  removed=tuple(dump_removed + removed + tail_removed))
    if body or title is not None and has_sentence(title):    # an article, or a news flash of one line (pipeline)
        return draft
    return content_instead(whole, first if titled else None, rule, memo) or draft


def content_instead(lines: Sequence[Line], page_title: Line | None, rule: SiteRule | None,
                    memo: MatchMemo) -> Draft | None:
    """A page with text but no article body: its content lines, typed `other` (text/dump.content_fallback),
    when they hold a sentence; None for a page of menus, links and dates alone, which stays refused."""
    found = content_fallback(lines, rule, page_title is not None, memo)
    if not any(has_sentence(ln.text) for ln in found.kept):
        return None
    return other_draft(found.kept, page_title, found.page_type, found.removed)


def other_draft(lines: Sequence[Line], page_title: Line | None, kind: str, removed: list[Removed]) -> Draft:
    """The Draft of a dump that is not an article: its `<title>` less the site's name, and every content
    line a paragraph (cleanfeed/text/dumptype.py chose them); only articles reach the feeds."""
    title = title_without_site(page_title.text) if page_title is not None else None
    return Draft(title=title, paragraphs=tuple(ln.text for ln in lines), page_type=kind, removed=tuple(removed))


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
    return not any(line.crumb or line.marker or SEPARATOR_ONLY.match(line.key)
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
    """The lines above the body: header lines (kept as metadata) and everything else removed, with why. A
    byline-and-date row under the headline (`Jane Doe on Dec. 13, 2025`, `On 8 Oct 2022`) is a header line
    too: the date engine reads header lines, and a dump's headline is often found above such a row; its day
    may carry an ordinal (`Nov 25th, 2025`)."""
    title = head[title_at].text if title_at is not None else None
    header: list[str] = []
    removed: list[Removed] = []
    for i, line in enumerate(head):
        if i == title_at:
            continue
        if line.head and (title_at is None or i >= title_at - 1 or _label_gap(head, i, title_at)) \
                or title_at is not None and i > title_at and is_stamp_row(_ORDINAL.sub("", line.key)):
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
    han = count_chars(HAN, line.text)
    long_enough = han >= 15 if han else len(WORD.findall(line.text)) >= 8
    salutation = _SALUTATION.match(line.text) is not None     # `各会员单位、有关企业：`, `Dear members:`
    return (salutation or long_enough and bool(_FULL_STOP.search(line.text))) and not _CUT_OFF.search(line.text) \
        and not _chrome(line, hit)


def _why_above(line: Line, title_at: int | None, i: int, hit: Hit, g: GenericRules) -> str:
    if line.crumb:
        return "breadcrumb"
    if found := hit(line):
        return found.rule
    if SEPARATOR_ONLY.match(line.key):
        return "separator"
    return "above-title" if title_at is not None and i < title_at else "above-body"


