"""The orchestrator: Page → Article in named, pure stages (decode → site rule → clean → language → dates)."""
from __future__ import annotations

import html as htmlmod
from datetime import date, datetime, tzinfo

from cleanfeed.dates.engine import DateResult, find_dates
from cleanfeed.errors import DecodeError, NoArticleError
from cleanfeed.html.article import extract_html, looks_like_html
from cleanfeed.inputs.decode import decode
from cleanfeed.model import Article, DateContext, Draft, Page, Removed
from cleanfeed.rules.site import RuleSet, SiteRule
from cleanfeed.text.clean import clean_text
from cleanfeed.text.language import detect_language
from cleanfeed.text.summary import summarise
from cleanfeed.textnorm import normalise_newlines, normalise_tag, strip_illegal
from cleanfeed.timeutil import parse_when, zone

MAX_CHARS = 20_000_000   # a page beyond this is not an article page; refuse instead of grinding


def page_text(page: Page) -> tuple[str, tuple[Removed, ...]]:
    """The page as clean Unicode: decoded, newlines normalised, XML-illegal characters stripped."""
    notes: tuple[Removed, ...] = ()
    if isinstance(page.body, bytes):
        decoded = decode(page.body, page.content_type)
        text = decoded.text
        if decoded.replaced:
            notes = (Removed(f"{decoded.replaced} undecodable byte sequences in {decoded.encoding}", "decode"),)
    else:
        text = page.body
    if len(text) > MAX_CHARS:
        raise DecodeError(f"page too large ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    return strip_illegal(normalise_newlines(text)), notes   # strip_illegal takes the BOM too


def page_timezone(rule: SiteRule | None, page: Page, default: str | None) -> tzinfo:
    """The site rule's zone, else the page's record (sidecar), else the caller's, else UTC."""
    return zone((rule.timezone if rule else None) or page.timezone or default)


def body_html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{htmlmod.escape(p, quote=False)}</p>" for p in paragraphs)


def clean_page(page: Page, rules: RuleSet | None = None, *, timezone: str | None = None) -> Article:
    """Page → Article. Raises DecodeError (not text) or NoArticleError (text, but no article)."""
    text, notes = page_text(page)
    if not text.strip():
        raise NoArticleError("empty page", source=page.source)
    rule = (rules or RuleSet()).for_page(page.url, text)
    draft = extract_html(text, url=page.url, rule=rule) if looks_like_html(text) else clean_text(text, rule)
    if not draft.paragraphs:
        raise NoArticleError("no article text found (only boilerplate or nothing readable)", source=page.source)
    language = (rule.language if rule else None) or normalise_tag(draft.language) or detect_language(
        (draft.title or "") + "\n" + "\n".join(draft.paragraphs))
    tz = page_timezone(rule, page, timezone)
    fetched_at = page.fetched_at.astimezone(tz) if page.fetched_at else None
    found = find_dates(draft, DateContext(fetched_at=fetched_at, tz=tz, language=language, url=page.url))
    return assemble(draft, page, rule, language, fetched_at, found, notes)


def assemble(draft: Draft, page: Page, rule: SiteRule | None, language: str, fetched_at: datetime | None,
             found: DateResult, notes: tuple[Removed, ...]) -> Article:
    """The Article: the draft's text and metadata with the settled language and dates."""
    text = "\n\n".join(draft.paragraphs)
    title = draft.title or first_sentence(draft.paragraphs[0])
    return Article(
        title=title,
        text=text,
        html=draft.html if draft.html is not None else body_html(draft.paragraphs),
        language=language,
        url=page.url or draft.url,
        author=draft.author or None,
        published=found.published,
        updated=found.updated,
        summary=summarise(draft.paragraphs, draft.description),
        fetched_at=fetched_at,
        site=rule.name if rule else None,
        image=draft.image,
        removed=notes + draft.removed,
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
          timezone: str | None = None, rules: RuleSet | None = None, content_type: str | None = None) -> Article:
    """Clean one page (HTML or plain text, str or bytes) into an Article.

    `fetched_at` is when the page was fetched (year-less and relative dates resolve against it): an aware
    datetime, a naive one (read in `timezone`), or an ISO string (a bare date is the end of that day).
    """
    tz = zone(timezone)
    when = parse_when(fetched_at, tz) if fetched_at is not None else None
    page = Page(body=content, url=url, fetched_at=when, content_type=content_type, timezone=timezone)
    return clean_page(page, rules, timezone=timezone)
