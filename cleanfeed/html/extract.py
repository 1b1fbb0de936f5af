"""Blocks of the article root → the article: drop the headline copy, publish-header lines, link lists,
and every line the generic boilerplate rules (and the site rule) mark, exactly as the plain-text
cleaner does; cut at section markers (`Related articles`, `相关阅读`, `发表评论`)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html

from cleanfeed.html.blocks import Block, iter_blocks
from cleanfeed.html.metadata import norm
from cleanfeed.model import Removed
from cleanfeed.rules.site import GenericRules, LineRule, SiteRule, first_match, generic_rules, match_key
from cleanfeed.text.clean import Line, drop_teaser_tail, is_breadcrumb, is_header, is_paragraph

_SEPARATOR_ONLY = re.compile(r"^[-–—_*·•|=~.。…\s]+$")
_DATE_ANY = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"\b(\d+\s+(minutes?|hours?|days?|weeks?)\s+ago|yesterday)\b|\d+\s*(分钟|小时|天)前|昨天|前天", re.I)
_BYLINE = re.compile(r"^(by|posted by|written by|words by)\s+\S", re.I)
_TEXT_KINDS = frozenset({"p", "li", "pre", "table", "figcaption", "h2", "h3", "h4", "h5", "h6", "h1"})


@dataclass(frozen=True)
class Filtered:
    blocks: tuple[Block, ...]
    header: tuple[str, ...]
    removed: tuple[Removed, ...]


def as_line(text: str) -> Line:
    return Line(text, text, match_key(text))


def looks_like_header(text: str, g: GenericRules, line: Line | None = None) -> bool:
    """A publish-header line: labelled (`发布时间：`, `Posted on`), a bare date, or a byline. `line`: the
    text already read `as_line`, when the caller has it."""
    if len(text) > g.header_max_len or "\n" in text and len(text) > 120:
        return False
    line = line or as_line(text)
    if is_header(line, g) or _BYLINE.match(text):
        return True
    return len(text) <= 120 and _DATE_ANY.search(line.key) is not None and not is_paragraph(line)


def header_lines_near(heading: lxml.html.HtmlElement | None, g: GenericRules, limit: int = 8) -> list[str]:
    """Header-looking lines printed right after the headline (and the two just before it)."""
    if heading is None:
        return []
    found: list[str] = []
    before = [b.text for el in _previous(heading, 2) for b in iter_blocks(el)][-2:]
    found += [t for t in before if looks_like_header(t, g)]
    seen = 0
    for el in _following(heading):
        for block in iter_blocks(el):
            seen += 1
            if seen > limit or is_paragraph(as_line(block.text)) and len(block.text) > 200:
                return found
            if looks_like_header(block.text, g) and block.text not in found:
                found.append(block.text)
    return found


def _previous(el: lxml.html.HtmlElement, n: int) -> list[lxml.html.HtmlElement]:
    out = [s for s in el.itersiblings(preceding=True) if isinstance(s.tag, str)][:n]
    return list(reversed(out))


def _following(el: lxml.html.HtmlElement) -> Iterable[lxml.html.HtmlElement]:
    """Elements after `el` in reading order: its siblings, then its parent's siblings (3 levels up)."""
    node: lxml.html.HtmlElement | None = el
    for _ in range(4):
        if node is None:
            return
        for sib in node.itersiblings():
            if isinstance(sib.tag, str):
                yield sib
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return


def filter_blocks(blocks: Sequence[Block], title: str | None, rule: SiteRule | None, *, links_ok: bool = False,
                  thread: bool = False) -> Filtered:
    """The article blocks, the header lines found among them, and what was removed with which rule.
    `links_ok`: the blocks are a list of items (html/listing.py), whose titles are links: no link-dense rule.
    `thread`: a forum thread (html/pagetype.py), whose replies are its text: no cut at a comments marker."""
    g = generic_rules()
    drop: tuple[LineRule, ...] = (*(rule.drop_lines if rule else ()), *g.lines)
    sections: tuple[LineRule, ...] = (*(rule.cut_from if rule else ()), *g.sections)
    title_key = norm(title)
    kept: list[Block] = []
    header: list[str] = []
    removed: list[Removed] = []
    prose_seen = False                 # a block of 80+ characters came: section markers may cut from here
    body_started = False               # a real paragraph came: no more publish-header lines after it
    inner = inner_lists(blocks)
    for n, block in enumerate(blocks):
        if block.kind == "img":
            kept.append(block)
            continue
        line = as_line(block.text)
        why = _why_drop(block, line, title_key, drop, g, links_ok or n in inner)
        if why is None and (marker := first_match(sections, line.key)) is not None and prose_seen:
            if not (thread and marker.rule == "comments") and (
                    marker.rule == "comments" or not _prose_follows(blocks[n + 1:])):
                removed.extend(Removed(b.text, marker.rule) for b in blocks[n:] if b.text)
                break
            why = marker.rule                # a teaser box inside the article, a thread's replies heading:
                                             # the text goes on after it
        if why is None and not body_started and block.kind != "li" and looks_like_header(block.text, g, line):
            header.append(block.text)
            why = "header"
        if why:
            removed.append(Removed(block.text, why))
            continue
        kept.append(block)
        body_started = body_started or is_paragraph(line)
        prose_seen = prose_seen or body_started or len(block.text) >= 80
    kept, tail = _drop_teasers(kept)
    return Filtered(tuple(_drop_dangling_images(kept)), tuple(header), tuple(removed + tail))


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
    return {i for i in range(first + 1, last) if blocks[i].kind == "li"}


def _prose_follows(rest: Sequence[Block]) -> bool:
    """Article prose (long, few links) after a `Related` heading: the heading tops an inline teaser box."""
    prose = sum(len(b.text) for b in rest if b.kind in ("p", "li") and len(b.text) >= 100 and b.link_density < 0.2)
    return prose >= 400


def _why_drop(block: Block, line: Line, title_key: str, drop: Sequence[LineRule], g: GenericRules,
              links_ok: bool = False) -> str | None:
    if title_key and block.kind in ("h1", "h2", "h3", "p") and norm(block.text) == title_key:
        return "duplicate-title"
    if _SEPARATOR_ONLY.match(block.text):
        return "separator"
    if block.kind != "pre" and (hit := first_match(drop, line.key)) is not None:
        return hit.rule
    if not links_ok and block.kind not in ("pre", "table") and block.link_density >= 0.5 and (
            len(block.text) < 300 or block.link_density >= 0.8):
        return "link-dense"
    if block.kind in ("p", "li") and len(block.text) <= 200 and is_breadcrumb(line, g):
        return "breadcrumb"
    return None


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
