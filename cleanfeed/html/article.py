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
from collections.abc import Iterator
from dataclasses import replace
from html import escape as html_escape

import lxml.html

from cleanfeed.errors import NoArticleError
from cleanfeed.html.authorbio import drop_author_bio
from cleanfeed.html.blockhtml import blocks_html
from cleanfeed.html.blocks import Block, linearize
from cleanfeed.html.byline import author_of, byline_elements, byline_in
from cleanfeed.html.captions import drop_caption_credits
from cleanfeed.html.extract import Filtered, filter_blocks
from cleanfeed.html.ftr import FtrResult, apply_ftr, preprocess_html
from cleanfeed.html.headline import heading_element, lead_box, page_title
from cleanfeed.html.hints import remove_chrome
from cleanfeed.html.listing import card_page, repeated_items
from cleanfeed.html.metadata import Metadata, read_metadata
from cleanfeed.html.pagetype import declares_article, has_cart_form, list_factor, microdata_kinds, mostly_cjk, page_type
from cleanfeed.html.parse import body_of, parse_html
from cleanfeed.html.pitch import drop_pitch_boxes
from cleanfeed.html.profiles import drop_poster_boxes, drop_reviews, links_are_text, links_outweigh_text
from cleanfeed.html.prune import prune_code
from cleanfeed.html.recordtable import drop_record_fields
from cleanfeed.html.sanitize import sanitize
from cleanfeed.html.score import candidate_roots
from cleanfeed.html.siterule import apply_strip, select, select_text
from cleanfeed.html.sniff import looks_like_html as looks_like_html  # re-exported: pipeline, learn
from cleanfeed.html.typemodel import learned_type, page_features
from cleanfeed.html.underheadline import flash_blocks, from_headline, header_lines_near
from cleanfeed.model import Draft, Removed, elements_of
from cleanfeed.rules.linerules import GenericRules, generic_rules
from cleanfeed.rules.site import SiteRule
from cleanfeed.text.lines import has_sentence

log = logging.getLogger(__name__)

__all__ = ["looks_like_html", "extract_html"]

MIN_RUNNER_UP_TEXT = 200     # characters: a few sentences
# When the best root's text is short (under SMALL_FIRST characters) and the runner-up root reads as an
# article and holds BIGGER_RUNNER times as much, the runner-up is the content: a contact blurb outscored a
# column of twelve testimonials, one per page-builder block. Held-out: wcxb-dev-other +0.0031 (3 pages up,
# none down), no page of another set moved (1000 / 5× tried first: +0.0018, 2 pages).
SMALL_FIRST = 2000
BIGGER_RUNNER = 3


def _is_the_flash(paragraphs: tuple[str, ...], heading: lxml.html.HtmlElement | None, g: GenericRules) -> bool:
    """The root's text is the news flash under the page's headline (`flash_blocks`: a sentence or two that
    echo it): an article however long the portal's lists around it. daniel-zh-dev: one 120-character flash
    under a 163.com headline had been read as the page's ranking lists once its comment form was cut. Chinese
    text only: on wcxb-dev-other an English listing's intro under its heading was taken for a flash."""
    if not mostly_cjk("".join(paragraphs)):
        return False             # a shop's or a blog's index under its own heading and intro stays a list
    live = heading if heading is not None and heading.getparent() is not None else None
    flash = tuple(b.text for b in flash_blocks(live, g))     # (it may run on into the comment form's notice)
    return bool(flash) and flash[:len(paragraphs)] == paragraphs


def extract_html(text: str, *, url: str | None, rule: SiteRule | None, utf8: bytes | None = None) -> Draft:
    """The article of an HTML page; NoArticleError (with the reason) when there is none. `utf8`: the page's
    bytes when they are exactly `text.encode("utf-8")` (pipeline.page_source), for the parser."""
    try:
        return _parse_and_extract(text, url, rule, utf8)
    except NoArticleError:
        if rule is None or rule.ftr is None or not rule.ftr.flag("autodetect_on_failure"):
            raise
    # A FiveFilters rule that leaves no article (written for an older layout of the site, or its strips
    # took the text) is not worse than none: clean as if there were none, as FTR falls back to detection.
    draft = _parse_and_extract(text, url, rule._replace(ftr=None), utf8)
    note = Removed("the FiveFilters rule found no article text; cleaned without it", "site:ftr")
    return replace(draft, removed=(note, *draft.removed))


def _parse_and_extract(text: str, url: str | None, rule: SiteRule | None, utf8: bytes | None = None) -> Draft:
    if rule and rule.ftr and rule.ftr.replacements:
        text = preprocess_html(text, rule.ftr)      # FiveFilters find/replace work on the raw HTML
        utf8 = None                                 # (the bytes are not this text any more)
    doc = parse_html(text, utf8)
    try:
        return _extract(doc, url, rule)
    except RecursionError as exc:          # defensive: every walk is iterative, but lxml XPath recurses
        raise NoArticleError("HTML too deeply nested to read") from exc


def _extract(doc: lxml.html.HtmlElement, url: str | None, rule: SiteRule | None) -> Draft:
    elements = elements_of(doc)              # one walk for the metadata and the dates engine
    md = read_metadata(doc, url, elements)
    base = url or md.url
    work = copy.deepcopy(doc)                # `doc` stays uncleaned for the dates engine
    ftr = _five_filters(work, rule, base)    # reads <head> too: before prune_code drops it
    prune_code(work)
    body = body_of(work)
    removed = [Removed(text, f"site:ftr:{why}") for why, text in ftr.removed if text] if ftr else []
    removed += apply_strip(body, rule.strip, rule.strip_id_or_class) if rule else []
    ruled_body = select(body, rule.body) if rule and rule.body else _attached(ftr, work)
    if ftr and rule and rule.ftr and rule.ftr.body and not ruled_body and not rule.ftr.flag("autodetect_on_failure"):
        raise NoArticleError("the FiveFilters rule's body matched nothing (and it says autodetect_on_failure: no)")
    title = ((select_text(doc, rule.title) if rule and rule.title else None)   # uncleaned: <head> too
             or (ftr.title if ftr else None) or page_title(md, body, base))
    heading = heading_element(body, title)
    g = generic_rules()
    header = header_lines_near(heading, g)
    date_text = select_text(doc, rule.date) if rule and rule.date else ftr.date if ftr else None
    if date_text:
        header.insert(0, date_text)
    marked = byline_elements(work)         # asked again after chrome removal, of what is left of them
    byline = byline_in(marked)
    keep = frozenset(a for el in ruled_body for a in (el, *el.iterancestors()))
    kind = page_type((*md.kinds, *microdata_kinds(doc)), url or md.url, lambda: has_cart_form(doc), md.generator)
    removed += remove_chrome(body, keep, title, thread=kind == "forum")
    removed += drop_caption_credits(body)
    removed += drop_record_fields(body)        # a release laid out as label / value rows: the story's value
    cards = kind == "article" and not ruled_body and card_page(body, md.kinds, url or md.url)
    kind = "listing" if cards else kind         # html/listing.py: a page of item cards that says nothing
    if kind == "product" and not ruled_body:    # html/profiles.py: wcxb-dev-other +0.0050 held-out, no article moved
        removed += drop_reviews(body)
    flash: tuple[Block, ...] = ()
    choices = _root_choices(body, ruled_body, sections=not declares_article(md.kinds), thread=kind == "forum")
    chosen: list[lxml.html.HtmlElement] = []     # the roots read, for a profile once the type is learned
    live = heading if heading is not None and heading.getparent() is not None else None
    for n, found in enumerate(choices):
        roots = from_headline(found, live)       # a side column ahead of the headline's container
        filtered, paragraphs = _read_root(roots, base, title, rule, kind)
        if paragraphs and (n == 0 or _reads_as_article(paragraphs)):
            chosen = roots
            if n == 0 and not ruled_body and sum(map(len, paragraphs)) < SMALL_FIRST and (
                    runner := next(choices, None)) is not None:
                more = _read_root(runner, base, title, rule, kind)
                if _reads_as_article(more[1]) and sum(map(len, more[1])) >= BIGGER_RUNNER * sum(map(len, paragraphs)):
                    filtered, paragraphs, chosen = *more, runner
            break
    else:
        # A news flash of a sentence or two under its headline is an article too (DESIGN.md, page_type),
        # though too short for any root to be chosen: what chrome removal left after the headline.
        flash = flash_blocks(live, g)
        if flash:
            filtered, paragraphs = Filtered(flash, (), ()), tuple(b.text for b in flash)
        else:
            filtered, paragraphs = _as_list(body, base, title, rule)
            kind = "listing"
            if not paragraphs:
                # (with a FiveFilters rule in force, "no article" first lets extract_html retry without it)
                if not (rule and rule.ftr):
                    filtered, paragraphs = _described(md)
                if not paragraphs:
                    raise NoArticleError("no article text found in the HTML (only navigation, boilerplate or nothing)")
                kind = "article"
    text_size = sum(map(len, paragraphs))
    # a page of cards is read as its list when that holds more than its root (wcxb-dev-other +0.0005, 1 page up)
    over = 1 if cards else list_factor(md.kinds, paragraphs, LIST_OVER_TEXT)
    if (not ruled_body and not flash and (cards or max(map(len, paragraphs)) < MIN_PROSE_PARAGRAPH)
            and len(body.text_content()) > over * text_size     # (a list that long can be there)
            and not _is_the_flash(paragraphs, heading, g)):
        listed, items = _as_list(body, base, title, rule)
        if sum(map(len, items)) > over * text_size:
            filtered, paragraphs, chosen = listed, items, []
            kind = "listing" if kind == "article" else kind
    header += [h for h in filtered.header if h not in header]
    author = author_of(rule, work, md, header, byline, marked, ftr.authors if ftr else ())
    if kind == "article" and not flash and not ruled_body and not declares_article(md.kinds):
        feats = page_features(doc, body, paragraphs, md, base, author, len(header), elements)   # html/typemodel.py
        kind = learned_type(feats)
        if chosen and kind == "article" and links_outweigh_text(filtered.removed, paragraphs):
            kind = "listing"                    # html/profiles.py: an index of links read as an article
        if chosen and links_are_text(kind):     # html/profiles.py: the learned type's profile, on the same roots
            filtered, paragraphs = _read_root(chosen, base, title, rule, kind)
    if kind == "article" and not flash and (bioless := drop_author_bio(filtered, author)) is not filtered:
        filtered, paragraphs = bioless, _texts(bioless)     # html/authorbio.py: the author's bio at the end
    return Draft(
        title=title,
        paragraphs=paragraphs,
        author=author,
        html=sanitize(blocks_html(list(filtered.blocks))),
        header_lines=tuple(header),
        ruled_date=date_text or None,
        removed=tuple(removed) + filtered.removed,
        language=md.language,
        url=md.url,
        image=md.image or _first_image(filtered.blocks),
        description=md.description,
        page_type=kind,
        doc=doc,
        elements=elements,
    )


def _described(md: Metadata) -> tuple[Filtered, tuple[str, ...]]:
    """A page its metadata call an article (`og:type` article, a JSON-LD `NewsArticle`) whose text a script
    fills in, so the HTML holds none: its own description, when that is a sentence, stands in as its one
    paragraph, and the article and its date are kept rather than refused (2 of 9 refused htmldate-dev pages).
    Nothing when the page does not say it is an article or describes itself in no sentence."""
    text = " ".join((md.description or "").split())
    if not declares_article(md.kinds) or not has_sentence(text):
        return Filtered((), (), ()), ()
    note = Removed("the article text is not in the HTML (rendered by script): its description stands in",
                   "described-only")
    return Filtered((Block("p", text, html_escape(text)),), (), (note,)), (text,)


def _read_root(roots: list[lxml.html.HtmlElement], base: str | None, title: str | None, rule: SiteRule | None,
               kind: str) -> tuple[Filtered, tuple[str, ...]]:
    """The root's blocks filtered, and the texts of its paragraphs."""
    boxes = [Removed(t, "pitch-box") for root in roots if kind == "article" for t in drop_pitch_boxes(root)]
    # html/profiles.py: a thread's signatures and profile boxes, from the chosen root only (taken before the
    # root was chosen, the posts' containers shrank and one post was chosen alone)
    boxes += [r for root in roots if kind == "forum" for r in drop_poster_boxes(root)]
    filtered = filter_blocks(_with_lead(linearize(roots, base), roots), title, rule, thread=kind == "forum",
                             links_ok=links_are_text(kind))
    filtered = replace(filtered, removed=(*boxes, *filtered.removed)) if boxes else filtered
    return filtered, _texts(filtered)


def _texts(filtered: Filtered) -> tuple[str, ...]:
    """The texts of the article's paragraphs. Captions stay in the HTML (with their image) but not in the
    text: they interrupt the prose."""
    return tuple(b.text for b in filtered.blocks if b.kind not in ("img", "figcaption"))


def _five_filters(work: lxml.html.HtmlElement, rule: SiteRule | None, base: str | None) -> FtrResult | None:
    """The FiveFilters rule of the page's host over the working copy: its strips done, its title, date,
    authors and body elements found. The headline element stays (the header lines near it are read)."""
    if rule is None or rule.ftr is None:
        return None
    return apply_ftr(work, rule.ftr, base, remove_title=False, date_ok=lambda v: any(ch.isdigit() for ch in v))


def _attached(ftr: FtrResult | None, work: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The FiveFilters body elements that prune_code left in the tree."""
    return [el for el in (ftr.body_elements if ftr else ()) if el.getroottree().getroot() is work]


def _with_lead(blocks: list[Block], roots: list[lxml.html.HtmlElement]) -> list[Block]:
    """The root's blocks, opened by the lead box printed just above it when the root does not hold it."""
    first = next((b.text for b in blocks if b.kind == "p" and b.text), "")
    lead = lead_box(roots, first)
    return [lead, *blocks] if lead is not None and lead.text not in {b.text for b in blocks} else blocks
# A page whose best root holds no paragraph of MIN_PROSE_PARAGRAPH characters, while a run of repeated
# items holds LIST_OVER_TEXT times its text, is a list (a category page, a job board, a product grid):
# held-out wcxb-dev-other +0.013 F1 (19 pages up, none down), no article page of any set changed.
MIN_PROSE_PARAGRAPH = 200
LIST_OVER_TEXT = 10


def _as_list(body: lxml.html.HtmlElement, base: str | None, title: str | None, rule: SiteRule | None
             ) -> tuple[Filtered, tuple[str, ...]]:
    """The page read as a list of items (html/listing.py): its blocks and their texts."""
    filtered = filter_blocks(linearize(repeated_items(body), base), title, rule, links_ok=True)
    return filtered, _texts(filtered)


def _ruled_roots(found: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The site rule's body matches that are still in the tree, outermost only."""
    chosen = set(found)
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


def _reads_as_article(paragraphs: tuple[str, ...]) -> bool:
    """A runner-up root is taken only when it reads as an article: two paragraphs or more and a few
    sentences, not a teaser, a repeated headline or one "About us" blurb."""
    return len(paragraphs) >= 2 and sum(map(len, paragraphs)) >= MIN_RUNNER_UP_TEXT


def _root_choices(body: lxml.html.HtmlElement, ruled_body: list[lxml.html.HtmlElement], *, sections: bool = False,
                  thread: bool = False) -> Iterator[list[lxml.html.HtmlElement]]:
    """The site rule's body; else the best-scoring roots in turn (the next one only when the filters
    left nothing of the one before), else the whole body."""
    if ruled := _ruled_roots(ruled_body):
        yield ruled
        return
    scored = False
    for root in candidate_roots(body, sections=sections, thread=thread):
        scored = True
        yield list(root.elements)
    if not scored:
        yield [body]


def _first_image(blocks: tuple[Block, ...]) -> str | None:
    return next((b.html for b in blocks if b.kind == "img" and not b.html.startswith("data:")), None)
