"""What is printed right under the article's headline: its publish-header lines (date, byline, source:
`header_lines_near`) and, when no article root was found, a news flash of one or two sentences
(`flash_blocks`; DESIGN.md: such a page is an article)."""
from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from cleanfeed.html.blockline import as_line, looks_like_header
from cleanfeed.html.blocks import Block, iter_blocks
from cleanfeed.html.hints import holds_chrome
from cleanfeed.rules.linerules import GenericRules, first_match
from cleanfeed.text.lines import fold, has_sentence, is_paragraph, line_key


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
            if seen > limit:
                return found
            line = as_line(block.text)
            if is_paragraph(line) and len(block.text) > 200:
                return found
            if looks_like_header(block.text, g, line) and block.text not in found:
                found.append(block.text)
    return found


MAX_FLASH_CHARS = 400        # one or two sentences: `9月28日晚间，江源铝业公告称……已全面投产。` is 40


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}|[\u4e00-\u9fff]{2}")


def echoes(headline: str, text: str) -> bool:
    """`text` repeats a word of `headline` (four letters or more, or two Han characters in a row): a flash
    tells what its headline says (`Nickel hits two-month high` / `Nickel rose 3% on the LME …`), a site's
    blurb under a headline does not."""
    words = {w.lower() for w in _TITLE_WORD.findall(headline)}
    han = [c for c in headline if "\u4e00" <= c <= "\u9fff"]
    words |= {a + b for a, b in zip(han, han[1:], strict=False)}
    low = text.lower()
    return any(w in low for w in words)


def flash_blocks(heading: lxml.html.HtmlElement | None, g: GenericRules, limit: int = 8) -> tuple[Block, ...]:
    """A news flash under its headline (DESIGN.md: a page of one or two sentences is an article): the first
    text blocks after the headline that hold a sentence, past header lines, up to two of them, when no
    article root was found (a flash of 40 characters loses to any teaser list). Empty when what follows the
    headline is links, boilerplate, a box named as chrome (`comments`), more than a flash, or text that
    does not echo the headline (a site's blurb)."""
    if heading is None:
        return ()
    found = _sentences_after(heading, g, limit)
    headline = " ".join(heading.text_content().split())
    if sum(len(b.text) for b in found) > MAX_FLASH_CHARS or not any(echoes(headline, b.text) for b in found):
        return ()
    return found


def _sentences_after(heading: lxml.html.HtmlElement, g: GenericRules, limit: int) -> tuple[Block, ...]:
    """Up to two consecutive blocks holding a sentence among the first `limit` blocks after the headline,
    past header lines, links and boilerplate lines, outside boxes named as chrome."""
    found: list[Block] = []
    seen = 0
    for el in _following(heading):
        if holds_chrome(el):
            continue
        for block in iter_blocks(el):
            seen += 1
            text = block.text
            if seen > limit or (found and not has_sentence(text)) or len(found) == 2:
                return tuple(found)
            if text and not looks_like_header(text, g) and block.link_density <= 0.3 and has_sentence(text) \
                    and first_match(g.lines, line_key(fold(text))) is None:
                found.append(block)
    return tuple(found)


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
