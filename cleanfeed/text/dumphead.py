"""The headline of a whole-page text dump and the window of header lines above its article run.

A dump's first line is the page's `<title>` when the scraper saved it (has_page_title: it names a line below,
or reads like a headline; a skip link, a logo's name or a menu bar does not). Then the headline is the line
below that the `<title>` names (its headline piece, the whole `<title>` printed again, or its first piece when
the longer piece is the site's), else the line that words the `<title>` alike (search-engine titles reword the
printed headline), else the nearest line printed twice, else a short line over the date / source lines that
head the run. Without a `<title>`, the headline is the line over the run that a small learned ranker scores best
on cues any renderer keeps (headline_by_cues, text/headrank.py: length and shape, nearness to the article's
first line of prose, which a menu bar joined on one line by the renderer may sit above, date / byline lines under
it, a copy elsewhere in the page or a breadcrumb's end, the first paragraph's words).

Pure functions over the page's lines (cleanfeed/text/dump.py calls them).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from cleanfeed.rules.linerules import first_match, generic_rules
from cleanfeed.text.headrank import candidate_features, crumb_tails, prose_words, ranker
from cleanfeed.text.linescore import (
    LineScore,
    dump_rules,
    is_header_line,
    page_title_match,
    title_head,
    title_overlap,
    title_pieces,
    title_tokens,
)
from cleanfeed.textnorm import HAN, count_chars

TITLE_WINDOW = 15       # how far above the article run a headline is looked for
# With no headline found, how far above the run date / source lines are kept (4 before: publication day of the
# wcxb-dev-en dumps of the two development folds 0.504 -> 0.519).
HEADER_WINDOW = TITLE_WINDOW
# F1 of tokens shared by a line and the `<title>` that makes it the reworded headline (0.5 / 0.6 / 0.7 / 0.8 on
# the two development folds: wcxb-dev-en titles 0.703 / 0.707 / 0.685 / 0.681, mozilla 0.451 / 0.451 / 0.471 / 0.490)
MIN_TITLE_OVERLAP = 0.6
# A line printed twice that shares no more than this with the `<title>` is a price, a label or a name printed in
# two places (`$289 - $1,000+`, `Table of Contents`), not the headline (> 0 / > 0.2 on the development folds:
# wcxb-dev-en dump titles 0.722 -> 0.741 / 0.744).
MAX_TWICE_UNRELATED = 0.2
MIN_HEADLINE_TOKENS = 4  # a headline found only by the header lines under it: fewer tokens is a menu item
_HEADLINE_STOP = re.compile(r"[。.:;,]$")        # how a caption, a label or a sentence ends; a headline does not
_CRUMB = re.compile(r">|»|›|\|")
_BYLINE = re.compile(r"(written|posted|published|reviewed|edited|updated|words)\s+(by|on)\b", re.I)
_NUMBERISH = re.compile(r"\d{3,4}[-. )]\s?\d{3,4}\b|\d{1,2}(am|pm)\b", re.I)   # a phone number, opening hours
_LABELLED_NUMBER = re.compile(r"[^\W\d][\w ]{1,24}:\s*\S*\d")   # `Last revised: 22-Jul-2020`, `Reading Time: 11 min`
# A photo's caption that ends with its credit is no headline (`工人在分拣废钢 记者 李明 摄`, `… 企业供图`); the body
# keeps such captions (cwced-zh's gold does: as a dump rule it cost cwced-zh-text 0.001 recall), the headline
# search skips them
_PHOTO_CREDIT = re.compile(r"(记者|通讯员|摄影|摄影师)\s*[^\s,，。:：]{2,4}(\s*[、和]\s*[^\s,，。]{2,4})*\s*摄$"
                           r"|\S\s\S{2,8}供图$")
# A list's item as a text browser prints it: no headline. lynx marks the levels `*`, `+`, `o`; w3m `•`, `□`, `☆`, `○`
# (a third level: `o Portland`, `☆ Portland`); Markdown writers `*`, `+`, `-`. (Not `#`: html2text's heading.)
_LIST_ITEM = re.compile(r"[*•·+\-□☆○◦▪■◇◆] |o (?=\S)|\d{1,2}\. ")
# What a text browser prints for a form's control or an embedded frame, never inside a heading: lynx's `(BUTTON)`,
# a text field's `____________________` (lynx) or `[                    ]` (w3m), a check box or radio button
# (`[ ]`, `[X]`, `( )`, `(*)`), lynx's `IFRAME: <address>`; and any web address written out. A line holding one is a
# header's button row, a search or sign-up form, a tag manager's frame: no headline candidate.
_WIDGET = re.compile(r"\(BUTTON\)|_{4,}|\[ {4,}\]|(?:^|\s)(?:\[[ X]\]|\([ *]\))(?=\s|$)|\bIFRAME:|\b(?:https?|ftp)://")
# A teaser cut short (`… that can swell within a…`, `[…]`): a headline is printed whole. Line keys are NFKC
# (lines.line_key), where `…` is `...`: there only `[...]` meets this, and headline_shaped reads a line ending in `...`
# as a sentence's end already (_HEADLINE_STOP); `…` is met in a caller's unfolded text
_CUT_SHORT = re.compile(r"(?:…|\[(?:…|\.\.\.)\])$")
# A photo's caption with its credit after it (`… in living room Image: Gove`, `… in April Photo: Ida Marsh`): the
# label follows a caption of 4 words at least. Not a headline's kicker, the label among its first 3 words (`Universal
# Credit: …`, `Child Tax Credits: …`, `The Big Picture: …`), nor a photo story's headline, where the label follows `in`
# (`In pictures: …`, `The week in photos: …`)
_CAPTION_CREDIT = re.compile(r"^(?:\S+\s+){4,}(?<!\bin\s)"
                             r"(?:Image|Photo|Photograph|Picture|Credit|Photo credit)s?:\s*\S", re.I)
_LINK_REF = re.compile(r"^\[\d{1,4}\]")      # lynx's link number before a link's text (`[1]Skip to main content`)
# Skip links, one or several on a line: after lynx's link number or a button (`[1]Skip to main content`, `(BUTTON)
# Skip to main content`), or a line of skip links alone, each `Skip navigation` or `Skip to` and 1 to 3 words (`Skip to
# page content Skip to footer navigation`); not a headline that starts `Skip to` (`Skip to the End: Why Readers …`).
# A link's words are no `skip` (each link starts at the next `skip`): with `skip` among them a line splits into links
# in many ways, and a line that is no skip links was tried in all of them (r19-review: 20 repeats of `skip to x skip
# navigation skip navigation` took 3 s). The rule `widget-label` reads one alone, up to 40 characters
_SKIP_LINK = re.compile(r"^(?:\[\d{1,4}\]|\(BUTTON\)\s*)skip (?:to|navigation)\b"
                        r"|^(?:skip (?:navigation|to(?: (?!skip(?: |$))\S+){1,3})(?: |$))+$", re.I)


# A menu's deeper item as a text browser marks it (lynx `o`, w3m `□`, `☆`, `○`). A Chinese page's own decorative mark
# leads a headline too (`☆ 全市春耕生产全面展开 农机手忙田间`, `□ 本报记者 葛灵丹` in cwced-zh's gold): a mark over a
# Chinese headline's text (deep_item) is no menu's item
_DEEP_ITEM = re.compile(r"(?:o|[□☆○◦]) (?=\S)")
# w3m's picture boxes, a line of them alone (`[svg][camera-1-300x2]`, `[]`). A line led by an empty box (an image
# of empty alt) is judged by its text: an icon inside a heading prints `[]Notes on Pruning Old Apple Trees`. The box
# goes before a word or an opening quote or bracket; before an operator (`[] + {} in JavaScript …`, `[] == ![] …`) the
# brackets are an empty list's, the headline's own text
_IMAGE_BOX = re.compile(r"^(?:\[[^\]\s]*\])+$")
_EMPTY_BOX = re.compile(r"^(?:\[\])+\s*(?=[\w\"'“‘«(])")


def without_image_box(text: str) -> str:
    """The line less w3m's empty picture boxes before its text (`[]Notes on …` → `Notes on …`); an empty list
    before an operator stays (`[] + {} in JavaScript …`)."""
    return _EMPTY_BOX.sub("", text)


def deep_item(key: str) -> bool:
    """A menu's deeper item as lynx or w3m prints it (`o Portland`, `☆ Portland`, `□ Washington State Offices`,
    `○ 新闻`): its mark, then a menu entry's text. Not when the text after the mark is a Chinese headline's: a
    piece (between spaces or separators) of more than WEAK_HAN_PIECE Han characters, no sentence or label end. A
    menu's entry is a short name (`国内新闻`, `政策法规`); there the mark is the page's own decoration
    (`☆ 全市春耕生产全面展开 农机手忙田间`)."""
    m = _DEEP_ITEM.match(key)
    if m is None:
        return False
    text = key[m.end():]
    chunks = [chunk for piece in title_pieces(text) for chunk in piece.split()]
    return _HEADLINE_STOP.search(text) is not None or all(count_chars(HAN, c) <= WEAK_HAN_PIECE for c in chunks)


def tool_furniture(key: str) -> bool:
    """A line a text browser prints for a page's furniture, never a headline nor a `<title>`: a form's control or a
    frame (_WIDGET), a teaser cut short (_CUT_SHORT), skip links (_SKIP_LINK), a menu's deeper item (deep_item),
    w3m's picture boxes (_IMAGE_BOX)."""
    return bool(_WIDGET.search(key) or _CUT_SHORT.search(key) or _SKIP_LINK.match(key) or deep_item(key)
                or _IMAGE_BOX.match(key))
# An image's file name (the alt text old editors wrote, `myban.gif (2571 bytes)`, or a browser's `[header2.gif]`
# placeholder): such a line is a picture, never a headline.
_IMAGE_NAME = re.compile(r"[\w-]\.(?:gif|jpe?g|png|bmp)\b", re.I)
# A headline printed as a labelled field (`标　　题：…`, `標題：…`, in a table's cells: `│标 题： │…│`): a government
# page's information table (索引号 / 发布机构 / 标题 / 发文字号 / 发布日期) over the text of a notice.
# (each run of spaces read by one `\s*`: `\s*[│|]?\s*` took 15 s on a label over 40,000 spaces)
_TITLE_FIELD = re.compile(r"(?:^|[│|]\s*)[标標]\s*[题題]\s*[:：]\s*(?:[│|]\s*)?(?=\S)")   # a line's start or a cell's
_CELL_END = re.compile(r"\s*[│|]\s*$")
MIN_FIELD_HAN = 6       # a labelled headline's Han characters at least (`标题：` over a one-word value is a form)
_NOT_TITLE_END = re.compile(r"[.。!！>→✕]$")   # a sentence, a call to action, a banner's close button
MIN_PAGE_TITLE_TOKENS = 3   # a logo's or site's name (`Menlo Coaching`, `Blog`), printed again in the footer
SITE_NAME_TOKENS = 5     # a site's name printed again (`南江晚报`, `新华网`, `Acme News`): this many tokens at most
MAX_UNNAMED_PIECES = 3   # a first line that names no line below: `Headline | Section | Site` at most
# With no `<title>`, the headline is chosen among the candidate lines (cue_candidates) by a learned ranker
# (text/headrank.py, weights fitted by bench/headrank.py), which took over from six hand weights (length capped at
# 12 tokens, 0.5 a line to the prose, 4 for a copy higher up or a breadcrumb's end, 8 for date / byline lines under
# it, -4 under them, -2 right under another candidate; i17t, i17aj: renderer b, wcxb-dev-en 0.434 on all folds).
CUE_WINDOW = TITLE_WINDOW   # how far above the run a dump with no `<title>` has its headline looked for
# i17aj, renderer b, wcxb-dev-en folds f0/f1 (317 pages): 0.347 -> 0.413 looking above the run's first prose line
# (PROSE_TOKENS 10 / 15 / 20: 0.410 / 0.413 / 0.413) -> 0.416 with PROSE_REACH 40 (15) -> 0.442 looking up to 60
# lines for a line over date / byline lines (30 / 60 / 100: 0.432 / 0.442 / 0.445).
CUE_FAR_WINDOW = 60         # how far up a headline with date / byline lines right under it is looked for
PROSE_TOKENS = 15           # a line of prose that opens the article (a headline is shorter)
PROSE_QUALITY = 0.5
PROSE_REACH = 40            # how far into the run its first prose line is looked for
_BAR = re.compile(r" [|•·] ")   # the separator of links a renderer joined on one line
# A first line taken for the `<title>` that names no line near the run is as often a logo's name (`Drain Blaster
# Bill's`, printed again in the footer) or a menu bar (`Find a Provider | Subscribe … | Academy Login | …`) as a
# `<title>`: with this few tokens or this many pieces the headline is found by cues. Renderer b, folds f0/f1:
# wcxb-dev-en 0.457 -> 0.470, mozilla-multi 0.196 -> 0.216 (any first line: 0.483 / 0.235, but renderer a 0.744 ->
# 0.659; 4 tokens: renderer a -2 pages; the test before the named line instead of after it: 0.473 / 0.216).
WEAK_TITLE_TOKENS = 3
WEAK_TITLE_PIECES = 5
# A Chinese first line whose every piece (between spaces or separators) has this few Han characters or fewer is a
# site's name or a row of links (`北方金属报`, `设为首页 加入收藏`), not a `<title>` (own pages
# zh_subtitle_under_headline, zh_caption_over_body); a Chinese headline is longer, and a `<title>` that names a
# line near the run never gets this far.
WEAK_HAN_PIECE = 8
TITLE_REACH = 400        # how far down a dump's first line is looked for as a printed headline


def has_page_title(keys: Sequence[str]) -> bool:
    """Whether the dump's first line is the page's `<title>`, as the shared text sets print it; a scraper that
    saves only the body starts with a skip link, a logo's name or a menu bar instead. It is when it names or
    words alike a line further down (the printed headline), or, naming none, reads like a headline: 4+ tokens,
    no sentence end, no boilerplate rule, at most 3 pieces (`Headline | Section | Site`). Never a menu bar
    (3+ pieces, none of 3 tokens: `Home | News | About`; a `<title>` has its headline piece). Rendered without
    `<title>` (tests/helpers/dumps_b.py), wcxb-dev-en's dumps got 0.149 of their titles right while the first
    line was trusted (`Skip to content` or a logo's name became the title), 0.329 now."""
    return _has_page_title(tuple(keys[:TITLE_REACH]))


@lru_cache(maxsize=8)
def _has_page_title(keys: tuple[str, ...]) -> bool:
    """has_page_title, once per page (the region finder and textclean each ask several times)."""
    first = keys[0] if keys else ""
    pieces = title_pieces(first)
    if len(keys) < 2 or len(title_tokens(first)) < MIN_PAGE_TITLE_TOKENS or first_match(dump_rules(), first) \
            or len(pieces) >= 3 and max(len(title_tokens(p)) for p in pieces) < MIN_PAGE_TITLE_TOKENS:
        return False
    if _names_a_line(keys):
        return True
    return len(title_tokens(first)) >= MIN_HEADLINE_TOKENS and len(pieces) <= MAX_UNNAMED_PIECES \
        and not _NOT_TITLE_END.search(first) and first_match(generic_rules().lines, first) is None


@lru_cache(maxsize=8)
def _names_a_line(keys: tuple[str, ...]) -> bool:
    """Whether the first line names or words alike a line further down (names_headline): what makes it a
    `<title>` for sure; one that names none was taken for it by its shape alone."""
    first = keys[0] if keys else ""
    head, bag = title_head(first), title_tokens(first)
    # the cheap test first: most `<title>`s name their headline by its piece; a rewording costs a token bag a line
    return any(page_title_match(key, first, head) and not _NOT_TITLE_END.search(key) for key in keys[1:]) \
        or any(names_headline(key, first, head, bag) for key in keys[1:])


def names_no_line(keys: Sequence[str]) -> bool:
    """A first line that has_page_title took by its shape alone, naming no line below: a text browser's dump
    (lynx, w3m, html2text print no `<title>`) starting with an official-site banner (`An official website of the
    State of …`) or a wire's logo and login links (`PressLine Wire Log In Sign Up`) reads like a headline too."""
    return has_page_title(keys) and not _names_a_line(tuple(keys[:TITLE_REACH]))


MIN_BLANK_GAPS = 3      # blank lines between blocks at least, for a dump laid out by a rendering tool
BLANK_GAP_SHARE = 0.1   # and this share of its non-blank lines at least following a blank line


def tool_layout(text: str) -> bool:
    """Whether the raw dump is laid out the way rendering tools print a page (lynx, w3m, html2text,
    markdownify, a browser's innerText): blocks apart by blank lines. Title-first scrapers print one line per
    block and no blank line (none of the 442 pages of ../shared/data/text has one, nor this repository's
    title-first test pages), and theirs are the dumps whose first line is the page's `<title>`; a tool's first
    line is what the page shows first, a banner or a logo, and a `<title>` it prints (markdownify) names its
    headline. So a first line that names no line below (names_no_line) is trusted as the `<title>` only in a
    dump without this layout."""
    gaps = lines = 0
    previous_blank = False
    for raw in text.split("\n"):
        blank = not raw.strip()
        if not blank:
            lines += 1
            gaps += previous_blank
        previous_blank = blank
    return gaps >= MIN_BLANK_GAPS and gaps >= BLANK_GAP_SHARE * lines


def names_headline(key: str, page_title: str, head: str, bag: Counter[str] | None = None) -> bool:
    """The line can be the headline a `<title>` names or rewords: named by page_title_match, or 4+ tokens worded
    alike (title_overlap; `bag` is the `<title>`'s title_tokens, made once per page); not a sentence (a site's
    name opening its blurb in the footer, `Acme Data is a …`), and when it is the first line again, not a
    banner's call to action (`… subscribe here!`)."""
    if _NOT_TITLE_END.search(key):
        return False
    if page_title_match(key, page_title, head):
        return True
    if key == page_title:
        return False
    line, title = title_tokens(key), title_tokens(page_title) if bag is None else bag
    common = sum((line & title).values()) if len(line) >= 4 else 0
    return common > 0 and 2 * common / (sum(line.values()) + sum(title.values())) >= MIN_TITLE_OVERLAP


def page_titled(keys: Sequence[str], start: int) -> bool:
    """Whether the dump's first line is its `<title>` (has_page_title), or, of 4+ tokens, printed again in the
    TITLE_WINDOW lines above the article run at `start` (a `<title>` that reads like a sentence or a teaser:
    `Who's Reading Your Newsletter? Increasingly, Not a Human.`). A shorter first line printed again there
    is as often a site's or author's name over its byline (dumps without `<title>`: `Annette Thurmon`)."""
    return has_page_title(keys) or len(title_tokens(keys[0])) >= MIN_HEADLINE_TOKENS \
        and keys[0] in keys[max(1, start - TITLE_WINDOW):start]


def named_headlines(keys: Sequence[str]) -> list[int]:
    """The lines below the first that are the headline the page's `<title>` (its first line) names."""
    if not has_page_title(keys):
        return []
    head = title_head(keys[0])
    return [i for i in range(1, len(keys)) if page_title_match(keys[i], keys[0], head)]


def find_headline(keys: Sequence[str], scores: Sequence[LineScore], start: int,
                  end: int | None = None, untitled: bool = False) -> tuple[int | None, bool]:
    """The headline above the run at `start`: the line the page's `<title>` names (by its headline piece,
    whole, or by its first piece when a longer piece is the site's), else the one that words the `<title>`
    alike, else the nearest line printed twice or the one over the date lines; None when none. And whether it
    heads the story closely enough that the prose between it and the run is the story's standfirst: not when
    it is the whole `<title>` printed again or a rewording of it (those are often printed higher up, over a
    teaser or caption that aeb-en's gold leaves out: keeping that prose cost aeb-en-text 0.0006 F1). `untitled`:
    the dump's layout says its tool prints no `<title>` (tool_layout), so a first line naming no line is not one."""
    field = labelled_headline(keys, start)
    if field is not None:
        return field, True
    titled = page_titled(keys, start)
    window = [i for i in range(start - 1, max(1 if titled else 0, start - TITLE_WINDOW) - 1, -1)
              if scores[i].boiler is None and 2 <= scores[i].tokens <= 60]
    if not titled:      # no `<title>` to go by: the line that looks most like a headline, near the run
        anchor = prose_anchor(keys, scores, start, end)
        return headline_by_cues(keys, scores, anchor), True
    if weak_page_title(keys[0]):    # a site's name over a menu that names it again (`南江晚报` / `* 南江晚报电子版`)
        window = [i for i in window if not names_the_site(keys[i], keys[0])]
    head = title_head(keys[0])
    # `Climate Change | Economic Research Service`: the longer piece is the site's, the headline is printed as
    # the first piece alone; the nearest of the lines either piece names is the headline, a site's logo higher
    first = title_pieces(keys[0])[0]
    first = first if first != head and len(first) >= 6 else ""
    for i in window:
        if page_title_match(keys[i], keys[0], head) or keys[i] == first:
            return i, keys[i] != keys[0]
    reworded = reworded_headline(keys, scores, window)
    if reworded is not None:
        return reworded, False
    weak = weak_page_title(keys[0])
    # a logo's name, a menu bar, a tool's banner, a text browser's furniture (`IFRAME: https://…`): go by cues
    if weak or untitled and names_no_line(keys) or tool_furniture(keys[0]):
        cued = headline_by_cues(keys, scores, prose_anchor(keys, scores, start, end))
        if cued is not None:    # under a first line naming nothing, the prose over the run is not taken for a
            return cued, weak   # standfirst (it may be a true `<title>`: aeb-en-text 0.9443 -> 0.9438 F1 with it)
    seen = Counter(keys[i] for i in window)
    twice = next((i for i in window if seen[keys[i]] > 1 and scores[i].tokens >= 3
                  and title_overlap(keys[i], keys[0]) > MAX_TWICE_UNRELATED), None)
    return (twice, True) if twice is not None else (headline_above_header(keys, scores, start), True)


def names_the_site(key: str, first: str) -> bool:
    """Under a first line that weak_page_title calls a site's name (a logo's text printed first), the line is a
    menu's item naming the site again: a list's item as a text browser prints it (`* [8]南江晚报`, `• 南江晚报`), or
    a longer line holding the whole name (`南江晚报电子版`), or the name again when it is as short as a name
    (SITE_NAME_TOKENS: `南江晚报`; a short `<title>` printed again as the headline, `飞行物理学常识`, stays). A
    Chinese headline of short clauses (`居家养老有“医”靠 安宁疗护有温度`) reads as weak too, so a line is never dropped
    for being weak itself (renderer a, daniel-zh-dev: 0.938 -> 0.911 when it was)."""
    return bool(_LIST_ITEM.match(key)) or first in key and (key != first or len(title_tokens(key)) <= SITE_NAME_TOKENS)


# A Chinese headline's subtitle printed on its own line under it, led by a dash (`——热烈祝贺…成立十周年`, `－－记…`):
# a `<br>` or a second block in the headline's element, which every tool prints as a line of its own. The HTML
# path reads such an element as one headline (`主标题 ——副标题`), and the `<title>` words them as one.
_SUBTITLE_DASH = re.compile(r"(?:——|──|－－|--)\s*(?=\S)")
MIN_SUBTITLE_HAN = 4     # a subtitle's Han characters at least (a dash over a name, `——王平`, is an attribution)
MAX_HEADLINE_HAN = 60    # a line this long is prose, not a headline's first half


def subtitle_line(key: str) -> bool:
    """A headline's subtitle as a tool prints it under the headline: dash-led, MIN_SUBTITLE_HAN+ Han characters, no
    sentence end (a quotation's attribution, `——鲁迅`, is shorter; a dash-led paragraph ends in `。`)."""
    return bool(_SUBTITLE_DASH.match(key)) and count_chars(HAN, key) >= MIN_SUBTITLE_HAN \
        and not _HEADLINE_STOP.search(key)


def main_headline_line(key: str) -> bool:
    """A line that can be the first half of a headline over a dash-led subtitle: Chinese, no longer than a
    headline, not a subtitle itself, no sentence or label end, no date / source line, no breadcrumb."""
    han = count_chars(HAN, key)
    return MIN_SUBTITLE_HAN <= han <= MAX_HEADLINE_HAN and not subtitle_line(key) and not _HEADLINE_STOP.search(key) \
        and not is_header_line(key) and len(_CRUMB.findall(key)) < 2 and not _LIST_ITEM.match(key)


def with_subtitle(keys: Sequence[str], at: int) -> tuple[int, int]:
    """The lines (first, last) of the headline chosen at `at` together with its dash-led subtitle: the subtitle
    right under it, or, when the subtitle itself was chosen, the headline right over it (the subtitle reads
    more like a headline to the cues: it is nearer the run and longer). (at, at) when there is none."""
    if subtitle_line(keys[at]):
        return (at - 1, at) if at > 0 and main_headline_line(keys[at - 1]) else (at, at)
    if at + 1 < len(keys) and subtitle_line(keys[at + 1]) and main_headline_line(keys[at]):
        return at, at + 1
    return at, at


# A Chinese headline printed after its column's name and a bar (`环保周记 | 废塑料回收率创新高…`, `书记市长这一周 | …`):
# the HTML path reads the element's `<title>`-like text less the shorter leading piece; a dump printed the whole line.
# The bar itself is matched (spaces on both sides by lookaround, the pieces stripped after): `\s+[|｜»]\s+` was
# retried from every space of a long run with no bar in it, quadratic in the run.
_LABEL_BAR = re.compile(r"(?<=\s)[|｜»](?=\s)|｜")
MAX_LABEL_HAN = WEAK_HAN_PIECE   # a column's or site's name: this many Han characters at most


def without_column_label(title: str) -> str:
    """A Chinese headline less the column's (or site's) name printed before it and a bar: two pieces, the first
    of MAX_LABEL_HAN Han characters or fewer and under half the second's length, the second a Chinese headline
    (MIN_FIELD_HAN+ Han). Any other title unchanged (`Headline | Site` keeps its longer first piece; English
    titles are left to the `<title>` logic)."""
    pieces = _LABEL_BAR.split(title)
    if len(pieces) != 2:
        return title
    label, head = (piece.strip() for piece in pieces)
    if 0 < count_chars(HAN, label) <= MAX_LABEL_HAN and 2 * len(label) < len(head) \
            and count_chars(HAN, head) >= MIN_FIELD_HAN:
        return head
    return title


def labelled_headline(keys: Sequence[str], start: int) -> int | None:
    """The line up to CUE_FAR_WINDOW lines above the run at `start` that prints the headline as a labelled field
    (`标　　题：南江市人民政府关于…的通告`): the page says which line is its headline, whatever the `<title>` or
    the lines' shapes say (the field's neighbours, `发文字号：…` and `发布日期：…`, looked more like a headline
    over the notice's text than the field did)."""
    for i in range(start - 1, max(0, start - CUE_FAR_WINDOW) - 1, -1):
        m = _TITLE_FIELD.search(keys[i])
        if m and count_chars(HAN, keys[i][m.end():]) >= MIN_FIELD_HAN:
            return i
    return None


def without_field_label(title: str) -> str:
    """A headline less the label it is printed under as a field (`标　　题：X` → `X`, w3m's cell walls too); any
    other headline unchanged."""
    m = _TITLE_FIELD.search(title)
    return _CELL_END.sub("", title[m.end():]) if m else title


def weak_page_title(first: str) -> bool:
    """A first line that has_page_title let through but that a `<title>` seldom is: WEAK_TITLE_TOKENS tokens or
    fewer (a logo's or site's name), or WEAK_TITLE_PIECES pieces or more (a menu bar), or a Chinese line of short
    pieces alone (WEAK_HAN_PIECE: a site's name, a top bar's links)."""
    if len(title_tokens(first)) <= WEAK_TITLE_TOKENS or len(title_pieces(first)) >= WEAK_TITLE_PIECES:
        return True
    chunks = [chunk for piece in title_pieces(first) for chunk in piece.split()]
    return bool(HAN.search(first)) and all(count_chars(HAN, c) <= WEAK_HAN_PIECE for c in chunks)


def headline_shaped(key: str, score: LineScore) -> bool:
    """A line that can be a headline: 3 to 30 tokens, no sentence or label end, no boilerplate rule, not a
    date / byline line (`Written By Sam Kelly`), a phone number, a photo's credit, a short label and its figure or an
    image's file name, not a breadcrumb or menu bar (`Alloy Daily - Home - News - Prices - Contact`), not a text
    browser's furniture (tool_furniture: a form's control, a frame, a written-out address, a teaser cut short with
    `…`, skip links), a caption with its credit; a boilerplate rule is asked of the line less lynx's link number."""
    if score.boiler is not None or not 3 <= score.tokens <= 30 or is_header_line(key) or _BYLINE.match(key) \
            or _HEADLINE_STOP.search(key) or len(_CRUMB.findall(key)) >= 2 \
            or len(title_pieces(key)) >= WEAK_TITLE_PIECES or _NUMBERISH.search(key) or _PHOTO_CREDIT.search(key) \
            or score.tokens <= 6 and _LABELLED_NUMBER.match(key) or _IMAGE_NAME.search(key) or tool_furniture(key) \
            or _CAPTION_CREDIT.search(key):
        return False
    rules = (*generic_rules().lines, *generic_rules().sections, *dump_rules())
    return first_match(rules, _LINK_REF.sub("", key)) is None


def prose_anchor(keys: Sequence[str], scores: Sequence[LineScore], start: int, end: int | None) -> int:
    """Where the article's prose begins: the run's first line of PROSE_TOKENS+ tokens that reads like sentences
    and is no bar of links. A renderer that joins a `<nav>`'s links on one line (` | `) or prints a teaser row
    makes the run start above the headline (the joined menu reads as prose to linescore); the headline is
    looked for above the prose, not above the run. With no run's end known (`end` None), the run's start."""
    return next((i for i in range(start, min(start if end is None else end, start + PROSE_REACH))
                 if scores[i].boiler is None and scores[i].quality >= PROSE_QUALITY and scores[i].tokens >= PROSE_TOKENS
                 and len(_BAR.findall(keys[i])) < 2), start)


def headline_by_cues(keys: Sequence[str], scores: Sequence[LineScore], start: int) -> int | None:
    """With no `<title>` to go by, the headline-shaped line above the prose at `start` (prose_anchor) that
    the learned ranker (text/headrank.py) scores best: its length, nearness to the prose, date / byline lines
    under it, a copy elsewhere in the page or a breadcrumb ending in it, the first paragraph's words, a dek
    under it; None when the best scores under the ranker's floor (a forum's `What's new` over its first post).
    Candidates are counted up to CUE_WINDOW lines above the prose, beyond which only a line over date / byline
    lines is taken (a headline over a table of contents or a gallery); of equal scores the nearest wins."""
    candidates, shaped = cue_candidates(keys, scores, start)
    if not candidates:
        return None
    model, tails, prose = ranker(), crumb_tails(keys, start), prose_words(keys, start)
    counts = Counter(keys)
    score, best = max((model.score(candidate_features(keys, scores, start, i, shaped, tails, prose, counts)), -k)
                      for k, i in enumerate(candidates))
    return candidates[-best] if score >= model.min_score else None


def cue_candidates(keys: Sequence[str], scores: Sequence[LineScore], start: int) -> tuple[list[int], dict[int, bool]]:
    """The lines above the prose at `start` that may be its headline, nearest first (headline-shaped, not a list's
    item as a text browser prints it: lynx and w3m number a contents list's entries, `2. What happens below
    freezing?`, right over the prose; beyond CUE_WINDOW lines only over date / byline lines), and headline_shaped of
    every line looked at (once a line: a list's item still counts as a shaped line for its neighbours' features)."""
    low = max(0, start - CUE_FAR_WINDOW)
    shaped = {k: headline_shaped(keys[k], scores[k]) for k in range(max(0, low - 1), start)}
    candidates = []
    for i in range(start - 1, low - 1, -1):
        if not shaped[i] or _LIST_ITEM.match(keys[i]):
            continue
        over = any(is_header_line(keys[k]) or _BYLINE.match(keys[k]) for k in range(i + 1, min(start, i + 4)))
        if i >= start - CUE_WINDOW or over:     # far up (over a contents list, a gallery): only a dated line
            candidates.append(i)
    return candidates, shaped


def reworded_headline(keys: Sequence[str], scores: Sequence[LineScore], window: Sequence[int]) -> int | None:
    """The line of the window that words the page's `<title>` most alike, when it shares at least
    MIN_TITLE_OVERLAP of it: the printed headline where the `<title>` words it for search engines."""
    best, best_overlap = None, MIN_TITLE_OVERLAP
    for i in window:
        overlap = title_overlap(keys[i], keys[0]) if scores[i].tokens >= MIN_HEADLINE_TOKENS - 1 else 0.0
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def headline_above_header(keys: Sequence[str], scores: Sequence[LineScore], start: int) -> int | None:
    """The line right above the date / source lines that head the run, when it can be a headline: a
    few words or characters, no sentence end, no boilerplate rule, not a header itself
    (`格兰仕独揽两项“红顶奖”` over `2012-01-17 10:36:43 来源: 佛山日报网络版`)."""
    first = next((i for i in range(max(1, start - HEADER_WINDOW), start) if is_header_line(keys[i])), None)
    if first is None or first < 2:
        return None
    i = first - 1
    key, score = keys[i], scores[i]
    if score.boiler is not None or not MIN_HEADLINE_TOKENS <= score.tokens <= 60 or is_header_line(key) \
            or _HEADLINE_STOP.search(key) or len(_CRUMB.findall(key)) >= 2:
        return None
    rules = (*generic_rules().lines, *generic_rules().sections, *dump_rules())
    return i if first_match(rules, key) is None else None


__all__ = ["labelled_headline", "without_column_label", "with_subtitle", "subtitle_line", "without_field_label",
           "names_the_site",
           "TITLE_WINDOW", "HEADER_WINDOW", "MIN_TITLE_OVERLAP", "named_headlines", "find_headline",
           "reworded_headline", "headline_above_header", "has_page_title", "page_titled", "headline_shaped",
           "weak_page_title",
           "headline_by_cues", "cue_candidates", "tool_furniture", "without_image_box"]
