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
from cleanfeed.model import inside
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


# A root made of a table row's cells (a table layout's side cell joined by the sibling score to the
# story's) whose later cell opens with the page's printed headline: the cells before it are a column
# beside the story (an office's profile, its 最新动态 list, a news column), not the story's start. Read
# with them, a related-list heading in the side cell cut from there to the end of the root, the story with
# it (own page tests/pages/zhsplit/table-side-heading.html: P 0.04, R 0.02), or the side cell's paragraph
# was kept over the story (tests/pages/zhportals/table-side-root.html: P 0.22).
MIN_STORY_UNDER = 80         # characters under the headline, with a sentence: a story, not a box titled alike


def from_headline(roots: list[lxml.html.HtmlElement], heading: lxml.html.HtmlElement | None
                  ) -> list[lxml.html.HtmlElement]:
    """`roots` from the table cell the page's printed headline opens (nothing of that cell's text above it)
    when the cells before it are of the same row and a story with a sentence follows: those cells that hold
    text are dropped, those holding only images stay (a lead photo beside the headline). `roots` as they
    are otherwise."""
    if heading is None or len(roots) < 2:
        return roots
    k = next((i for i, r in enumerate(roots) if r is heading or inside(heading, r)), 0)
    if not k or not _beside(roots[:k + 1]) or _text_before(roots[k], heading):
        return roots
    under = " ".join(" ".join(r.text_content().split()) for r in roots[k:])
    under = under.replace(" ".join(heading.text_content().split()), "", 1).strip()
    if len(under) < MIN_STORY_UNDER or not has_sentence(under):
        return roots
    return [r for r in roots[:k] if not r.text_content().strip()] + roots[k:]


def _beside(cells: list[lxml.html.HtmlElement]) -> bool:
    """`cells` are cells of one table row: side by side on the screen, whatever the style sheet says. Boxes
    joined otherwise may stand one above the other, the upper one the story's own opening (a service page's
    intro over its headline: on wcxb-dev-other 3 pages lost 0.01-0.08 and 1 gained, on wcxb-dev-en 1 lost
    0.02 when any boxes counted)."""
    row = cells[0].getparent()
    return row is not None and row.tag == "tr" and all(c.tag in ("td", "th") and c.getparent() is row for c in cells)


def _text_before(container: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    """`container` prints text before `heading` (which is it or inside it)."""
    lineage = {heading, *heading.iterancestors()}
    for el in container.iter():
        if el is heading:
            return False
        if isinstance(el.tag, str) and (el.text or "").strip():
            return True
        if el not in lineage and (el.tail or "").strip():
            return True
    return False


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
