"""Blocks of the article root → the article: drop the headline copy, publish-header lines, link lists,
and every line the generic boilerplate rules (and the site rule) mark, exactly as the plain-text
cleaner does; cut at section markers (`Related articles`, `相关阅读`, `发表评论`)."""
from __future__ import annotations

import functools
import html as htmlmod
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cleanfeed.html.blockline import as_line, looks_like_header
from cleanfeed.html.blocks import Block
from cleanfeed.html.metadata import norm, norm_is
from cleanfeed.html.mixedlists import mixed_list_items
from cleanfeed.html.teasercards import teaser_cards
from cleanfeed.model import Removed
from cleanfeed.rules.classes import textdump_rules
from cleanfeed.rules.linerules import GenericRules, LineRule, first_match, generic_rules
from cleanfeed.rules.site import SiteRule
from cleanfeed.text.body import drop_teaser_tail, trim_paragraph
from cleanfeed.text.headerlines import is_stamp_row
from cleanfeed.text.lines import Line, has_sentence, is_breadcrumb, is_paragraph
from cleanfeed.text.multiline import CUT_TO_END, attachment_list_end, confirmed, is_footer_start, is_ticker_item

_SEPARATOR_ONLY = re.compile(r"^[-–—_*·•|=~.。…\s]+$")
_TEXT_KINDS = frozenset({"p", "li", "pre", "table", "figcaption", "h2", "h3", "h4", "h5", "h6", "h1"})
# Line rules of textdump.toml that hold on HTML blocks too: a lone `Advertisement` / `Sponsored` label and a
# caption line that ends in its credit (`… (Photo: Getty)`, `REUTERS/…`). Held-out (5 site-disjoint folds,
# bench/heldout.py): aeb-en +0.0003 P, mozilla-multi +0.0001, no set down. Not `inline-link`: it cost
# wcxb-dev-en precision on two folds.
DUMP_RULES_FOR_HTML = ("widget-label", "photo-credit")


@dataclass(frozen=True)
class Filtered:
    blocks: tuple[Block, ...]
    header: tuple[str, ...]
    removed: tuple[Removed, ...]


def filter_blocks(blocks: Sequence[Block], title: str | None, rule: SiteRule | None, *, links_ok: bool = False,
                  thread: bool = False) -> Filtered:
    """The article blocks, the header lines found among them, and what was removed with which rule: the
    same line rules and multi-line classes as the plain-text cleaner (cleanfeed/text/clean.py).
    `links_ok`: the blocks are a list of items (html/listing.py), whose titles are links: no link-dense rule.
    `thread`: a forum thread (html/pagetype.py), whose replies are its text: no cut at a comments marker."""
    g = generic_rules()
    drop: tuple[LineRule, ...] = (*(rule.drop_lines if rule else ()), *g.lines, *_dump_rules_for_html())
    sections: tuple[LineRule, ...] = (*(rule.cut_from if rule else ()), *g.sections)
    title_key = norm(title)
    lines = [as_line(b.text) for b in blocks]
    kept: list[Block] = []
    header: list[str] = []
    removed: list[Removed] = []
    prose_seen = False                 # a block of 80+ characters came: section markers may cut from here
    body_started = False               # a real paragraph came: no more publish-header lines after it
    story_kept = False                 # `_story_above(kept)`, kept up to date (asked of every repeated headline)
    entries = entry_titles(blocks)
    inner = inner_lists(blocks) | entries | mixed_list_items(blocks)
    cards = set() if links_ok or entries else teaser_cards(blocks)
    below_texts = _texts_below(blocks)
    n = 0
    while n < len(blocks):
        block, line = blocks[n], lines[n]
        n += 1
        if block.kind == "img":
            kept.append(block)
            continue
        why = ("teaser-card" if n - 1 in cards
               else _why_drop(block, line, title_key, drop, g, links_ok or n - 1 in inner))
        below = below_texts[n - 1]
        marker = confirmed(first_match(sections, line.key), block.text, below)
        if why is None and marker is not None and prose_seen:
            replies = thread and marker.rule_class == "comments"     # a thread's replies heading: text goes on
            if not replies and (marker.rule_class in CUT_TO_END or not (_prose_follows(blocks[n:])
                                                                       or _story_resumes(blocks, n))):
                removed.extend(Removed(b.text, marker.rule) for b in blocks[n - 1:] if b.text)
                break
            why = marker.rule                # a teaser box inside the article: the text goes on after it
            if not replies:
                box = _box_end(blocks, n)
                removed += [Removed(b.text, "inline-box") for b in blocks[n:box] if b.text]
                n = box
        elif why is None and marker is not None and marker.rule_class == "notice":
            why = marker.rule                # `【免责声明】` above the story: a notice's heading, no cut yet
        if why is not None and _attachment_printed(blocks, n, _rule_class(why, drop)):
            why = None                       # `附件：…名单` over the list printed as a table: its caption
        if why is None and not body_started and block.kind != "li" and looks_like_header(block.text, g, line):
            header.append(block.text)
            why = "header"
        if why is None:
            why = _why_out_of_flow(block, line, body_started, len(kept))
        if why == "duplicate-title" and not links_ok and (not body_started or block.kind in HEADLINE_KINDS):
            if block.kind in HEADLINE_KINDS and not story_kept:
                kickers, kept = _above_headline(kept)
            else:
                kickers = [] if body_started else _kickers(kept)      # the last few kept: cut from the end
                if kickers:                                             # no copy of `kept` per repeated headline
                    kept = kept[:len(kept) - len(kickers)]
                if story_kept and any(map(_story_paragraph, kickers)):
                    story_kept = _story_above(kept)
            removed += [Removed(b.text, "above-title") for b in kickers]   # `Asia-Pacific` over the headline
        if why is not None:
            removed.append(Removed(block.text, why))
            if prose_seen and _is_footer(why, drop) and not any(is_paragraph(ln) for ln in lines[n:]):
                removed += [Removed(b.text, _own_rule(ln, drop) or "footer")
                            for b, ln in zip(blocks[n:], lines[n:], strict=True) if b.text]
                break
            if why == "prev-next" and prose_seen and (end := _blurb_end(blocks, lines, n, drop)) > n:
                removed += [Removed(b.text, "prev-next-blurb") for b in blocks[n:end]]
                n = end
                continue
            if _rule_class(why, drop) == "attachment":
                end = attachment_list_end([ln.key for ln in lines], n - 1,
                                          lambda i: _rule_class(_own_rule(lines[i], drop), drop) == "attachment")
                removed += [Removed(b.text, "attachment-block") for b in blocks[n:end] if b.text]
                n = end
            continue
        block, notes = _trimmed(block, lead=not any(b.kind != "img" for b in kept))
        removed += notes
        if not block.text:
            continue
        kept.append(block)
        story_kept = story_kept or _story_paragraph(block)
        body_started = body_started or is_paragraph(line)
        prose_seen = prose_seen or body_started or len(block.text) >= 80
    kept, tail = _drop_teasers(kept)
    return Filtered(tuple(_drop_dangling_images(kept)), tuple(header), tuple(removed + tail))


@functools.cache
def _dump_rules_for_html() -> tuple[LineRule, ...]:
    """The textdump.toml line rules named in DUMP_RULES_FOR_HTML, read once."""
    return tuple(r for r in textdump_rules() if r.rule in DUMP_RULES_FOR_HTML)


def _texts_below(blocks: Sequence[Block]) -> list[str]:
    """For each block, the text of the first block with text after it ('' for none): one pass from the
    end, where asking each block's followers in turn took time quadratic in the blocks."""
    out = [""] * len(blocks)
    below = ""
    for i in range(len(blocks) - 1, -1, -1):
        out[i] = below
        if blocks[i].text:
            below = blocks[i].text
    return out


MAX_STAMP_POSITION = 3       # a date / byline row among the first blocks of the body (under a standfirst)
MAX_KICKER = 40              # characters of a section label printed above the headline


def _why_out_of_flow(block: Block, line: Line, body_started: bool, position: int) -> str | None:
    """A ticker item above the story (`铜 68,520 +120`), or a byline / date row just under the standfirst
    (`Sofia Lindqvist 30 June 2022 Updated 1 July 2022`): only a block that is nothing but that."""
    if block.kind in ("table", "pre"):
        return None
    if not body_started and is_ticker_item(line.key):
        return "ticker"
    if block.kind != "li" and position < MAX_STAMP_POSITION and is_stamp_row(line.key):
        return "stamp"
    return None


MAX_KICKERS = 3             # section labels printed right above a headline (`专栏 · 铝`, `Asia-Pacific`)


# The page's headline printed as a heading inside the root, with no paragraph of the story above it: what
# the root holds above it is not the story but a column beside it (a table layout's left cell: the office's
# functions, its news as headlines over blurbs; own page tests/pages/zhportals/table-gov-flash.html, P 0.22),
# a breadcrumb, kickers. The story is printed under its headline.
HEADLINE_KINDS = frozenset({"h1", "h2"})


def _above_headline(kept: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks kept above the headline split in two: every text block, which goes, and the images, which
    stay (a lead photo may be printed over it)."""
    return [b for b in kept if b.kind != "img"], [b for b in kept if b.kind == "img"]


def _story_above(kept: Sequence[Block]) -> bool:
    """A paragraph (a `<p>` that reads as one, not a layout cell's text) is kept above the headline."""
    return any(map(_story_paragraph, kept))


def _story_paragraph(block: Block) -> bool:
    """A `<p>` that reads as a paragraph of the story (`_story_above`)."""
    return block.kind == "p" and is_paragraph(as_line(block.text))


def _kickers(kept: Sequence[Block]) -> list[Block]:
    """The short labels right above the headline: the last few blocks kept, up to the first that is an
    image or longer than a label. A list page's items above its title are no labels (`links_ok`: not asked)."""
    found: list[Block] = []
    for block in reversed(kept):
        if block.kind == "img" or len(block.text) > MAX_KICKER or len(found) == MAX_KICKERS:
            break
        found.append(block)
    return found[::-1]


def _attachment_printed(blocks: Sequence[Block], after: int, rule_class: str | None) -> bool:
    """An attachment's label (`附件：2024年第二批拟入库企业名单`) with the attachment printed in full right
    under it, as a table, not offered as a file: the label is that table's caption and stays with it (own
    page tests/pages/zhsplit/trs-attach-table.html: the label went, R 0.94). `after`: the next block's index."""
    return rule_class == "attachment" and after < len(blocks) and blocks[after].kind == "table"


# A portal prints the story's neighbours under it as `上一篇：<headline>` over that story's blurb (own page
# tests/pages/zhportals/prevnext-blurbs.html: the blurbs read as paragraphs and stayed, P 0.55). A blurb is
# one short block with no link right under a prev / next line that names a story (not a pager row between
# a story's paragraphs: `上一页 1 2 3 下一页`), with another prev / next line or nothing under it.
MAX_NEIGHBOUR_BLURB = 160
_NEIGHBOUR = re.compile(r"^(?:[上下]一[篇条條则則]|[前后後]一篇)\s*[:：]?\s*\S")


def _blurb_end(blocks: Sequence[Block], lines: Sequence[Line], start: int, drop: Sequence[LineRule]) -> int:
    """`start + 1` when `blocks[start]` is the blurb of the neighbouring story whose prev / next line is just
    above it; `start` otherwise."""
    if start >= len(blocks) or not _NEIGHBOUR.match(blocks[start - 1].text):
        return start
    blurb = blocks[start]
    if blurb.kind != "p" or not 0 < len(blurb.text) <= MAX_NEIGHBOUR_BLURB or blurb.link_chars:
        return start
    after = start + 1
    if after == len(blocks) or _own_rule(lines[after], drop) == "prev-next":
        return after
    return start


def _own_rule(line: Line, drop: Sequence[LineRule]) -> str | None:
    hit = first_match(drop, line.key)
    return hit.rule if hit is not None else None


def _rule_class(why: str | None, drop: Sequence[LineRule]) -> str | None:
    return next((r.rule_class for r in drop if r.rule == why), None)


def _is_footer(why: str, drop: Sequence[LineRule]) -> bool:
    return is_footer_start(why) and any(r.rule == why for r in drop)


def _box_end(blocks: Sequence[Block], start: int) -> int:
    """Where an inline teaser box ends: its link lines, up to the story's next paragraph."""
    end = start
    while end < len(blocks) and blocks[end].kind != "img" and blocks[end].link_density >= 0.5 \
            and len(blocks[end].text) < 200:
        end += 1
    return end


def _trimmed(block: Block, lead: bool) -> tuple[Block, list[Removed]]:
    """The block without a lead's label or a trailing editor credit (its HTML rebuilt from the text then)."""
    if block.kind not in ("p", "li", "h2", "h3", "h4", "h5", "h6"):
        return block, []
    text, notes = trim_paragraph(block.text, lead)
    if not notes:
        return block, []
    return replace(block, text=text, html=htmlmod.escape(text, quote=False), link_chars=0), notes
MIN_PROSE_BLOCK = 100      # characters of a paragraph with few links: article prose


def inner_lists(blocks: Sequence[Block]) -> set[int]:
    """Indices of the items of lists that sit between two paragraphs of prose: a list of the article's
    figures, its sources or its steps, which are links and short, but part of the text (a list of
    links after the last paragraph is a teaser list, and stays subject to the link-density rule)."""
    prose = [i for i, b in enumerate(blocks)
             if b.kind == "p" and len(b.text) >= MIN_PROSE_BLOCK and b.link_density < 0.2]
    if len(prose) < 2:
        return set()
    first, last = prose[0], prose[-1]
    items = {i for i in range(first + 1, last) if blocks[i].kind == "li"}
    return items - _headed_link_lists(blocks, items)


def _headed_link_lists(blocks: Sequence[Block], items: set[int]) -> set[int]:
    """Items of a list under a heading whose every item is only a link (`More on X:` over three headlines):
    a teaser box set into the story, not its figures or steps (those are prose items, or links under a
    paragraph that announces them). Held-out ΔF1: wcxb-dev-en +0.0003 (f2 +0.0002, f3 +0.0007, f4 +0.0002
    unread; f0 −0.0002), aeb-en +0.0002 (f4 +0.0008), wcxb-dev-other −0.0001, mozilla-multi −0.0002."""
    lists: dict[int, list[int]] = {}
    for i in sorted(items):
        lists.setdefault(blocks[i].list_id, []).append(i)
    out: set[int] = set()
    for members in lists.values():
        head = members[0] - 1
        if len(members) >= 2 and blocks[head].kind in ("h2", "h3", "h4", "h5", "h6") \
                and all(blocks[i].link_density >= 0.9 for i in members):
            out.update(members)
    return out


_ENTRY_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
MIN_ENTRIES = 3


def entry_titles(blocks: Sequence[Block]) -> set[int]:
    """Indices of the linked headings of a page of entries (a blog's index, a news hub, a list of posts, a
    listicle whose items link out): a heading that is a link, followed by a paragraph of prose, MIN_ENTRIES
    times or more. Each heading titles the entry below it, so it is text, not a link list. Held-out (every
    page type): wcxb-dev-other +0.0026 (13 pages up, none down), wcxb-dev-en +0.0008, aeb-en +0.0007,
    mozilla-multi +0.0007, every fold level or up; the Chinese sets did not move. Asked only on pages that
    do not say they are articles first: half of that on wcxb-dev-other, and less elsewhere."""
    found = set()
    for i, block in enumerate(blocks[:-1]):
        after = blocks[i + 1]
        if block.kind in _ENTRY_HEADINGS and block.link_density >= 0.5 and after.kind == "p" \
                and len(after.text) >= MIN_PROSE_BLOCK and after.link_density < 0.2:
            found.add(i)
    return found if len(found) >= MIN_ENTRIES else set()


def _prose_follows(rest: Sequence[Block]) -> bool:
    """Article prose (long, few links) after a `Related` heading: the heading tops an inline teaser box."""
    prose = sum(len(b.text) for b in rest if b.kind in ("p", "li") and len(b.text) >= 100 and b.link_density < 0.2)
    return prose >= 400


# A section marker over a box of links (`推荐阅读` + headline links, a thumbnail among them) after which the
# story goes on is an inline box even when the story's end is under 400 characters: it no longer cuts the
# last paragraphs. Held-out: cwced-zh +0.0003 (no cwced page read), wcxb-dev-other +0.0004 (f0 +0.0018),
# daniel-zh-dev +0.0010 (the page it was found on), aeb-en −0.0001 (f4 −0.0006), the others level.
MIN_BOX_LINKS = 2            # link lines under the marker: one link then a sentence is a teaser and its blurb


def _story_resumes(blocks: Sequence[Block], start: int) -> bool:
    """A box of links set into the story (`推荐阅读` over three headline links) after which the story goes on,
    however short its end: the first text block after the links is a paragraph holding a sentence."""
    end, links = start, 0
    while end < len(blocks) and (blocks[end].kind == "img" or blocks[end].link_density >= 0.5
                                 and len(blocks[end].text) < 200):    # (a teaser's thumbnail is in the box)
        links += blocks[end].kind != "img"
        end += 1
    after = next((b for b in blocks[end:] if b.text), None)
    return links >= MIN_BOX_LINKS and after is not None and after.kind == "p" and has_sentence(after.text)


def _why_drop(block: Block, line: Line, title_key: str, drop: Sequence[LineRule], g: GenericRules,
              links_ok: bool = False) -> str | None:
    if title_key and block.kind in ("h1", "h2", "h3", "p") and norm_is(block.text, title_key):
        return "duplicate-title"
    if _SEPARATOR_ONLY.match(block.text):
        return "separator"
    if block.kind != "pre" and (hit := first_match(drop, line.key)) is not None:
        return hit.rule
    if not links_ok and block.kind not in ("pre", "table") and block.link_density >= 0.5 and (
            len(block.text) < 300 or block.link_density >= 0.8) and not linked_sentence(block):
        return "link-dense"
    if block.kind in ("p", "li") and len(block.text) <= 200 and is_breadcrumb(line, g) and _trail_like(block, line, g):
        return "breadcrumb"
    return None


_WRITTEN_URL = re.compile(r"://|\bwww\.", re.IGNORECASE)


def _trail_like(block: Block, line: Line, g: GenericRules) -> bool:
    """A row `is_breadcrumb` reads as a trail is one on a web page when it links the places it names, opens with
    a location prefix (`Home »`, `当前位置：`: boilerplate.toml [breadcrumb] prefix, which has no `You are here`),
    or writes out an address (`http://…/…`, whose slashes split it as a trail: a bare address line is no story
    either). A row of figures with no link (`CPU: … | RAM: … | Storage: …`, `(PPF: 50-150 / 10-15 watts)`) is the
    story's: on the dev folds (f0/f1) link-free rows held 218 gold words."""
    return bool(block.link_chars) or bool(g.breadcrumb_prefix.search(line.key)) or bool(
        _WRITTEN_URL.search(block.text))


LINKED_SENTENCE_WORDS = 10
LINKED_SENTENCE_DENSITY = 0.8
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")


def linked_sentence(block: Block) -> bool:
    """A paragraph or list item that reads as a sentence with its links woven in (`The board's <a>dredging
    report</a>, the <a>ferry review</a> and the <a>flood audit</a> all agreed.`): a capital first letter, a
    sentence end, 10+ words, under four fifths of it in links. Such a block is story, not a link list; on the dev
    folds (f0/f1) of the English sets the link-dense blocks of that shape held 511 gold words against 43 extra,
    and trafilatura and readability keep them."""
    if block.kind not in ("p", "li") or block.link_density >= LINKED_SENTENCE_DENSITY:
        return False
    text = block.text.strip()
    first = _FIRST_LETTER.search(text)
    return (first is not None and first.group().isupper() and _SENTENCE_END.search(text) is not None
            and len(_WORD.findall(text)) >= LINKED_SENTENCE_WORDS)


def _drop_teasers(kept: list[Block]) -> tuple[list[Block], list[Removed]]:
    texts = [b.text for b in kept if b.kind in _TEXT_KINDS]
    cut_texts, tail = drop_teaser_tail(texts, [])
    if len(cut_texts) == len(texts):
        return kept, []
    n_keep = len(cut_texts)
    out, count = [], 0
    for b in kept:
        if b.kind in _TEXT_KINDS:
            count += 1
            if count > n_keep:
                continue
        out.append(b)
    return out, tail


def _drop_dangling_images(kept: list[Block]) -> list[Block]:
    """Images after the last text block are teaser thumbnails, not the article's."""
    end = len(kept)
    while end and kept[end - 1].kind == "img":
        end -= 1
    return kept[:end] if end else []
