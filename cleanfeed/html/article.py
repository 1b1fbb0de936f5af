"""HTML pages → Draft: metadata from the uncleaned page, chrome removed by structure and class hints,
the article root chosen by content scoring, its blocks filtered with the same boilerplate rules as
plain text, and the body HTML rebuilt from the surviving blocks and sanitized.

    doc (uncleaned, for the dates engine) ─┬─ metadata: title candidates, author, language, canonical …
                                           └─ copy → prune code → site rule strip → header lines near
                                              the headline → remove chrome → choose root → blocks →
                                              filter → text + sanitized HTML
"""
from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from cleanfeed.errors import NoArticleError
from cleanfeed.html.blocks import Block, blocks_html, linearize
from cleanfeed.html.extract import Filtered, filter_blocks, header_lines_near
from cleanfeed.html.hints import prune_code, remove_chrome
from cleanfeed.html.listing import repeated_items
from cleanfeed.html.metadata import Metadata, choose_title, norm, read_metadata
from cleanfeed.html.pagetype import page_type
from cleanfeed.html.parse import body_of, parse_html
from cleanfeed.html.sanitize import sanitize
from cleanfeed.html.score import candidate_roots
from cleanfeed.html.siterule import apply_strip, select, select_text
from cleanfeed.model import Draft
from cleanfeed.rules.site import SiteRule, generic_rules
from cleanfeed.text.clean import header_author

log = logging.getLogger(__name__)

_HTML_SIGNS = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p>|article[\s>]"
                         r"|table[\s>]|br\s*/?>)", re.I)
# contains() first (cheap in libxml2), then the exact class word in Python: 0.3 ms less per page than
# matching `concat(' ', normalize-space(@class), ' ')` on every element.
_BYLINE_XPATH = etree.XPath("//*[@rel='author' or @itemprop='author' or contains(@class, 'byline')"
                            " or contains(@class, 'author')]")
_BY_PREFIX = re.compile(r"^(by|written by|posted by|作者|文)\s*[:：]?\s*", re.I)

__all__ = ["looks_like_html", "extract_html"]

MIN_RUNNER_UP_TEXT = 200     # characters: a few sentences


_MARKUP_START = re.compile(r"(<!--|<!doctype|<\?xml|<[a-z][\w:-]*[\s>/])", re.I)
_CLOSING_TAG = re.compile(r"</[a-z][\w:-]*\s*>", re.I)


def looks_like_html(text: str) -> bool:
    """A doctype; or text that opens with a tag (`<style>`, `<!-- -->`, `<meta …>`: fragments saved
    without `<html>`) and closes one; or at least two common HTML tags in the first 5 KB."""
    head = text[:5000]
    opening = head.lstrip()
    if opening.lower().startswith(("<!doctype html", "<html")) or len(_HTML_SIGNS.findall(head)) >= 2:
        return True
    return _MARKUP_START.match(opening) is not None and _CLOSING_TAG.search(text, 0, 65536) is not None


def extract_html(text: str, *, url: str | None, rule: SiteRule | None) -> Draft:
    """The article of an HTML page; NoArticleError (with the reason) when there is none."""
    doc = parse_html(text)
    try:
        return _extract(doc, url, rule)
    except RecursionError as exc:          # defensive: every walk is iterative, but lxml XPath recurses
        raise NoArticleError("HTML too deeply nested to read") from exc


def _extract(doc: lxml.html.HtmlElement, url: str | None, rule: SiteRule | None) -> Draft:
    md = read_metadata(doc, url)
    base = url or md.url
    work = copy.deepcopy(doc)                # `doc` stays uncleaned for the dates engine
    prune_code(work)
    body = body_of(work)
    removed = apply_strip(body, rule.strip, rule.strip_id_or_class) if rule else []
    ruled_body = select(body, rule.body) if rule and rule.body else []
    title = ((select_text(work, rule.title) if rule and rule.title else None)
             or choose_title(md, _headings(body), _lone_h1(body)))
    heading = _heading_element(body, title)
    g = generic_rules()
    header = header_lines_near(heading, g)
    if rule and rule.date and (date_text := select_text(doc, rule.date)):
        header.insert(0, date_text)
    byline = _byline(work)
    keep = frozenset(a for el in ruled_body for a in (el, *el.iterancestors()))
    kind = page_type(md.kinds, url or md.url)
    removed += remove_chrome(body, keep, title, thread=kind == "forum")
    for n, roots in enumerate(_root_choices(body, ruled_body)):
        filtered = filter_blocks(linearize(roots, base), title, rule, thread=kind == "forum")
        # Captions stay in the HTML (with their image) but not in the text: they interrupt the prose.
        paragraphs = tuple(b.text for b in filtered.blocks if b.kind not in ("img", "figcaption"))
        if paragraphs and (n == 0 or _reads_as_article(paragraphs)):
            break
    else:
        filtered, paragraphs = _as_list(body, base, title, rule)
        if not paragraphs:
            raise NoArticleError("no article text found in the HTML (only navigation, boilerplate or nothing)")
        kind = "listing"
    text_size = sum(map(len, paragraphs))
    if (not ruled_body and max(map(len, paragraphs)) < MIN_PROSE_PARAGRAPH
            and len(body.text_content()) > LIST_OVER_TEXT * text_size):   # (a list that long can be there)
        listed, items = _as_list(body, base, title, rule)
        if sum(map(len, items)) > LIST_OVER_TEXT * text_size:
            filtered, paragraphs = listed, items
            kind = "listing" if kind == "article" else kind
    header += [h for h in filtered.header if h not in header]
    return Draft(
        title=title,
        paragraphs=paragraphs,
        author=_author(rule, work, md, header, byline),
        html=sanitize(blocks_html(list(filtered.blocks))),
        header_lines=tuple(header),
        removed=tuple(removed) + filtered.removed,
        language=md.language,
        url=md.url,
        image=md.image or _first_image(filtered.blocks),
        description=md.description,
        page_type=kind,
        doc=doc,
    )


# A page whose best root holds no paragraph of MIN_PROSE_PARAGRAPH characters, while a run of repeated
# items holds LIST_OVER_TEXT times its text, is a list (a category page, a job board, a product grid):
# held-out wcxb-dev-other +0.013 F1 (19 pages up, none down), no article page of any set changed.
MIN_PROSE_PARAGRAPH = 200
LIST_OVER_TEXT = 10


def _as_list(body: lxml.html.HtmlElement, base: str | None, title: str | None, rule: SiteRule | None
             ) -> tuple[Filtered, tuple[str, ...]]:
    """The page read as a list of items (html/listing.py): its blocks and their texts."""
    filtered = filter_blocks(linearize(repeated_items(body), base), title, rule, links_ok=True)
    return filtered, tuple(b.text for b in filtered.blocks if b.kind not in ("img", "figcaption"))


def _headings(body: lxml.html.HtmlElement) -> list[str]:
    return [t for t in (" ".join(h.text_content().split()) for h in body.iter("h1", "h2")) if t][:20]


def _lone_h1(body: lxml.html.HtmlElement) -> str | None:
    """The text of the page's one substantial `<h1>` outside navigation, sidebars and footers."""
    found = []
    for h in body.iter("h1"):
        text = " ".join(h.text_content().split())
        if len(text) >= 10 and not any(a.tag in ("nav", "aside", "footer") for a in h.iterancestors()):
            found.append(text)
    return found[0] if len(found) == 1 else None


def _heading_element(body: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The element printing the headline (an h1/h2, or any short element whose text is the title)."""
    key = norm(title)
    if not key or title is None:
        return None
    for h in body.iter("h1", "h2", "h3"):
        if norm(h.text_content()) == key:
            return h
    low, high = 0.8 * len(title), 2 * len(title) + 20
    for el in body.iter("div", "p", "span", "strong", "td", "font", "b"):
        text = el.text_content()
        if low <= len(text) <= high and norm(text) == key:
            return el
    return None


def _ruled_roots(found: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The site rule's body matches that are still in the tree, outermost only."""
    chosen = set(found)
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


def _reads_as_article(paragraphs: tuple[str, ...]) -> bool:
    """A runner-up root is taken only when it reads as an article: two paragraphs or more and a few
    sentences, not a teaser, a repeated headline or one "About us" blurb."""
    return len(paragraphs) >= 2 and sum(map(len, paragraphs)) >= MIN_RUNNER_UP_TEXT


def _root_choices(body: lxml.html.HtmlElement, ruled_body: list[lxml.html.HtmlElement]
                  ) -> Iterator[list[lxml.html.HtmlElement]]:
    """The site rule's body; else the best-scoring roots in turn (the next one only when the filters
    left nothing of the one before), else the whole body."""
    if ruled := _ruled_roots(ruled_body):
        yield ruled
        return
    scored = False
    for root in candidate_roots(body):
        scored = True
        yield list(root.elements)
    if not scored:
        yield [body]


def _byline(work: lxml.html.HtmlElement) -> str | None:
    """A short byline element's name (`rel=author`, `itemprop=author`, class `byline` / `author`)."""
    candidates = [el for el in _BYLINE_XPATH(work)
                  if el.get("rel") == "author" or el.get("itemprop") == "author"
                  or {"byline", "author"} & set((el.get("class") or "").lower().split())]
    for el in candidates[:5]:
        text = _BY_PREFIX.sub("", " ".join(el.text_content().split()))
        if 2 <= len(text) <= 60 and not any(ch.isdigit() for ch in text):
            return text
    return None


def _author(rule: SiteRule | None, work: lxml.html.HtmlElement, md: Metadata, header: list[str],
            byline: str | None) -> str | None:
    if rule and rule.author and (name := select_text(work, rule.author)):
        return _BY_PREFIX.sub("", name) or None
    return md.author or byline or header_author(header, generic_rules())


def _first_image(blocks: tuple[Block, ...]) -> str | None:
    return next((b.html for b in blocks if b.kind == "img" and not b.html.startswith("data:")), None)
