"""The orchestrator: Page → Article in named, pure stages (decode → site rule → clean → language → dates).

An article over several pages is cleaned page by page and joined (`join_pages`); what a feed said
about the page (`Page.hints`) fills the title, date, author the page does not give itself."""
from __future__ import annotations

import html as htmlmod
from dataclasses import replace
from datetime import date, datetime, tzinfo

from cleanfeed.dates.engine import DateResult, find_dates
from cleanfeed.dates.resolve import bounds_problem
from cleanfeed.errors import CleanfeedError, DecodeError, EmptyPageError, NoArticleError
from cleanfeed.html.article import extract_html, looks_like_html
from cleanfeed.inputs.decode import decode
from cleanfeed.model import Article, DateContext, Draft, FoundDate, ItemHints, Page, Removed
from cleanfeed.rules.classes import rule_class
from cleanfeed.rules.site import RuleSet, SiteRule
from cleanfeed.text.clean import clean_text
from cleanfeed.text.language import detect_language
from cleanfeed.text.lines import has_sentence
from cleanfeed.text.summary import summarise
from cleanfeed.textnorm import normalise_newlines, normalise_tag, one_line, strip_illegal, utf8_may_hold_illegal
from cleanfeed.timeutil import parse_when, zone

MAX_CHARS = 20_000_000   # a page beyond this is not an article page; refuse instead of grinding


def page_text(page: Page) -> tuple[str, tuple[Removed, ...]]:
    """The page as clean Unicode: decoded, newlines normalised, XML-illegal characters stripped."""
    text, _, notes = page_source(page)
    return text, notes


def page_source(page: Page) -> tuple[str, bytes | None, tuple[Removed, ...]]:
    """`page_text`, and the page's bytes when they are exactly the UTF-8 of that text (strict UTF-8 with
    nothing to strip and no CR to normalise: 3 pages in 4 of the extraction sets): the HTML parser takes
    them as they are, without encoding the text again (0.09 ms a page on bench/speed.py's sample)."""
    notes: tuple[Removed, ...] = ()
    clean = False                      # the text is known to hold nothing strip_illegal removes
    raw: bytes | None = None
    if isinstance(page.body, bytes):
        decoded = decode(page.body, page.content_type)
        text = decoded.text
        if decoded.replaced:
            notes = (Removed(f"{decoded.replaced} undecodable byte sequences in {decoded.encoding}", "decode"),)
        # Strict UTF-8 of the very bytes (a BOM is such a character): asking the bytes is cheaper.
        clean = decoded.encoding == "utf-8" and decoded.how in STRICT_UTF8 and not utf8_may_hold_illegal(
            page.body, strict=True)
        raw = page.body if clean else None
    else:
        text = page.body
    if len(text) > MAX_CHARS:
        raise DecodeError(f"page too large ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    if raw is not None and _no_newline_to_normalise(raw):
        return text, raw, notes               # (clean: nothing to strip either)
    normalised = normalise_newlines(text)     # the same object when it changes nothing
    if normalised is not text:
        raw = None
    return (normalised if clean else strip_illegal(normalised)), raw, notes   # strip_illegal takes the BOM too


def _no_newline_to_normalise(clean_utf8: bytes) -> bool:
    """`normalise_newlines` would leave the text of `clean_utf8` (strict UTF-8 that `utf8_may_hold_illegal`
    passed) as it is. Its form feeds and vertical tabs are C0 controls that check refused already, and a CR
    is the byte 0x0D in UTF-8 and nothing else: one memchr of the bytes answers the three scans of the text
    (0.11 -> 0.01 ms a page on bench/speed.py's sample)."""
    return b"\r" not in clean_utf8


STRICT_UTF8 = frozenset({"utf-8", "http", "meta"})   # Decoded.how when text == body.decode("utf-8")


def page_timezone(rule: SiteRule | None, page: Page, default: str | None) -> tzinfo:
    """The site rule's zone, else the page's record (sidecar), else the caller's, else UTC."""
    return zone((rule.timezone if rule else None) or page.timezone or default)


def body_html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{htmlmod.escape(p, quote=False)}</p>" for p in paragraphs)


def clean_page(page: Page, rules: RuleSet | None = None, *, timezone: str | None = None,
               explain: bool = False) -> Article:
    """Page → Article. Raises DecodeError (not text) or NoArticleError (text, but no article). `explain`: also
    list every date considered and why it won or lost (`Article.date_candidates`, for `--explain`); the
    article is the same either way."""
    rules = rules or RuleSet()
    text, utf8, notes = page_source(page)
    if not text.strip():
        raise EmptyPageError("empty page", source=page.source)
    rule = rules.for_page(page.url, text)
    draft = with_body(page_draft(text, page.url, rule, utf8), page)
    if page.parts:
        draft = join_pages(draft, page.parts, rules)
    language = (rule.language if rule else None) or normalise_tag(draft.language) or detect_language(
        (draft.title or "") + "\n" + "\n".join(draft.paragraphs))
    tz = page_timezone(rule, page, timezone)
    fetched_at = page.fetched_at.astimezone(tz) if page.fetched_at else None
    ctx = DateContext(fetched_at=fetched_at, tz=tz, language=language, url=page.url)
    found = find_dates(draft, ctx, explain=explain)
    if found.published is None and (hinted := feed_date(page.hints, ctx)) is not None:
        found = replace(found, published=hinted)
    return assemble(draft, page, rule, language, fetched_at, found, notes)


def page_draft(text: str, url: str | None, rule: SiteRule | None, utf8: bytes | None = None) -> Draft:
    """`utf8`: the page's bytes when they are exactly `text.encode("utf-8")` (page_source), else None."""
    return extract_html(text, url=url, rule=rule, utf8=utf8) if looks_like_html(text) else clean_text(text, rule)


def join_pages(first: Draft, parts: tuple[Page, ...], rules: RuleSet) -> Draft:
    """One article from its pages: the first page's title, metadata and header lines (its date), the
    body of every page in order. A later page that cannot be read, holds no article text or mostly repeats
    the pages before it (a server that ignores `?page=2`) ends the article there, with a note in
    `removed`; a paragraph repeated from an earlier page (a lead printed on every page) is kept once."""
    paragraphs, html = list(first.paragraphs), [first.html if first.html is not None else body_html(first.paragraphs)]
    removed, author, image = list(first.removed), first.author, first.image
    for n, part in enumerate(parts, 2):
        try:
            text, notes = page_text(part)
            draft = page_draft(text, part.url, rules.for_page(part.url, text))
        except CleanfeedError as exc:
            removed.append(Removed(f"page {n} ({part.url}): {exc.message}; the article ends at page {n - 1}", "pages"))
            break
        seen = set(paragraphs)
        fresh = tuple(p for p in draft.paragraphs if p not in seen)
        if len(fresh) * 2 <= len(draft.paragraphs):
            why = "holds no article text" if not draft.paragraphs else "repeats the pages before it"
            removed.append(Removed(f"page {n} ({part.url}) {why}; the article ends at page {n - 1}", "pages"))
            break
        paragraphs += fresh
        whole = len(fresh) == len(draft.paragraphs) and draft.html is not None
        html.append(draft.html if whole and draft.html is not None else body_html(fresh))
        removed += notes + draft.removed
        author, image = author or draft.author, image or draft.image
    return replace(first, paragraphs=tuple(paragraphs), html="".join(html), removed=tuple(removed), author=author,
                   image=image)


def feed_date(hints: ItemHints | None, ctx: DateContext) -> FoundDate | None:
    """The date the feed gave the item, for a page that prints none (within the same bounds as the
    page's own dates)."""
    if hints is None or hints.published is None or bounds_problem(hints.published, ctx) is not None:
        return None
    return FoundDate(hints.published, "feed")


def with_body(draft: Draft, page: Page) -> Draft:
    """The draft of an article, or NoArticleError. A news flash of one sentence printed as a single line
    (`【快讯】9月28日晚间，江源铝业称项目投产。`) was taken for the headline and left no body: the line is
    both, and the page an article with its date (DESIGN.md: a news flash of one or two sentences is one)."""
    if not draft.paragraphs and draft.title and has_sentence(draft.title):
        return replace(draft, paragraphs=(draft.title,))
    if not draft.paragraphs:
        raise NoArticleError("no article text found (only boilerplate or nothing readable)", source=page.source)
    return draft


def assemble(draft: Draft, page: Page, rule: SiteRule | None, language: str, fetched_at: datetime | None,
             found: DateResult, notes: tuple[Removed, ...]) -> Article:
    """The Article: the draft's text and metadata with the settled language and dates."""
    text = "\n\n".join(draft.paragraphs)
    hints = page.hints or ItemHints()
    title = one_line(draft.title or hints.title or first_sentence(draft.paragraphs[0]))   # no bidi overrides
    return Article(
        title=title,
        text=text,
        html=draft.html if draft.html is not None else body_html(draft.paragraphs),
        language=language,
        url=page.url or draft.url,
        author=draft.author or hints.author or None,
        published=found.published,
        updated=found.updated,
        summary=summarise(draft.paragraphs, draft.description),
        fetched_at=fetched_at,
        site=rule.name if rule else None,
        image=draft.image,
        categories=hints.categories,
        removed=tuple(Removed(r.text, r.rule, rule_class(r.rule)) for r in notes + draft.removed),
        date_candidates=found.candidates,
        page_type=draft.page_type,
    )


def first_sentence(paragraph: str, limit: int = 120) -> str:
    """A headline for a page that prints none: its first sentence, cut at a word boundary."""
    for stop in ("。", "！", "？", ". ", "! ", "? "):
        i = paragraph.find(stop)
        if 0 < i < limit:
            return paragraph[: i + len(stop.strip())]
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[:limit].rsplit(" ", 1)[0] if " " in paragraph[:limit] else paragraph[:limit]
    return cut + "…"


def clean(content: str | bytes, *, url: str | None = None, fetched_at: str | datetime | date | None = None,
          timezone: str | None = None, rules: RuleSet | None = None, content_type: str | None = None,
          explain: bool = False) -> Article:
    """Clean one page (HTML or plain text, str or bytes) into an Article.

    `fetched_at` is when the page was fetched (year-less and relative dates resolve against it): an aware
    datetime, a naive one (read in `timezone`), or an ISO string (a bare date is that day:
    dates up to its end are plausible, and it shows as 12:00 UTC of it (local noon east of UTC+11), never
    `23:59:59.999999`).
    `explain=True` also fills `Article.date_candidates` (every date considered, why it won or lost), as
    `cleanfeed clean --explain` shows them; without it they stay empty and nothing else changes.
    """
    tz = zone(timezone)
    when = parse_when(fetched_at, tz) if fetched_at is not None else None
    page = Page(body=content, url=url, fetched_at=when, content_type=content_type, timezone=timezone)
    return clean_page(page, rules, timezone=timezone, explain=explain)
