"""The one gate into the store: every article is checked and made safe here, whatever way it came in.

Files, JSON Lines, WARC, the crawler, `serve --watch`, `reclean` and `clean-corpus` shards all reach the
store through `ingest` (or `Store.replace_article`), and both call `admit`. Nothing is trusted because of
where it came from: a shard record is a JSON object anyone with write access to a shared folder could have
written, so its `html` is sanitized again (the same allow-list the cleaner uses), its URL must be absolute
http(s), its dates plausible, its strings free of XML-illegal and bidi control characters. On what the
cleaner itself produced `admit` changes nothing (the sanitizer is idempotent on its own output: 344 of 344
pages of tests/data), so content hashes, and with them the feeds' `updated` times, stay as they were.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from cleanfeed.errors import RecordError
from cleanfeed.html.sanitize import sanitize
from cleanfeed.model import Article, FoundDate, Page
from cleanfeed.textnorm import normalise_tag, one_line, strip_illegal
from cleanfeed.urlnorm import is_http_url

MAX_TITLE_CHARS = 2_000          # a headline is under 200; a page without one gets its first sentence (≤ 120)
MAX_SHORT_CHARS = 500            # author, site rule name, date provenance
MAX_TEXT_CHARS = 2_000_000       # an article is KBs; two million characters is a whole book, not a feed entry
MAX_HTML_CHARS = 8_000_000
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)   # DESIGN.md: no news page is dated before the web had them
FUTURE_SLACK = timedelta(days=1)              # a date after the fetch (or now) by more than a day is wrong
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.DOTALL)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def admit(page: Page, article: Article, *, now: datetime | None = None, sanitized: bool = False
          ) -> tuple[Page, Article]:
    """(page, article) as the store may keep them, or RecordError naming what is wrong.

    Checked: the type of every field, URLs (absolute http(s)), the language tag, sizes, dates (aware,
    1995 … fetch time + 1 day). Made safe: body HTML through the allow-list sanitizer; title, author,
    summary and site on one line without XML-illegal or bidi control characters; text without illegal
    characters; an image URL that is not http(s) dropped. `sanitized`: the body HTML is what the cleaner
    made in this process (its last step is this sanitizer; 0.5 ms a page saved), not a record from outside."""
    source = _printable(page.source or page.url or "<page>")
    try:
        checked_page = _page(page, source)
    except RecordError as exc:
        raise RecordError(exc.message, source=source) from None
    return checked_page, admit_article(article, source=source, fetched_at=page.fetched_at, now=now,
                                       sanitized=sanitized)


def admit_article(article: Article, *, source: str, fetched_at: datetime | None = None,
                  now: datetime | None = None, sanitized: bool = False) -> Article:
    """The article as the store may keep it (see `admit`); `fetched_at` is the page's, for the date check."""
    try:
        return _article(article, fetched_at, now or datetime.now(UTC), sanitized)
    except RecordError as exc:
        raise RecordError(exc.message, source=source) from None


def _page(page: Page, source: str) -> Page:
    if not isinstance(page.body, (bytes, str)):
        raise RecordError("the page body is neither text nor bytes")
    url = _url(page.url, "the page's url")
    if page.fetched_at is not None and not _aware(page.fetched_at):
        raise RecordError("'fetched_at' must be a date and time with a time zone")
    if page.timezone is not None and not isinstance(page.timezone, str):
        raise RecordError("'timezone' must be a string")
    if url == page.url and source == page.source:
        return page
    return page._replace(url=url, source=source)


def _article(article: Article, page_fetched: datetime | None, now: datetime, sanitized: bool) -> Article:
    text = strip_illegal(_text(article.text, "text", MAX_TEXT_CHARS))
    if not text.strip():
        raise RecordError("the article has no text")
    title = plain(_text(article.title, "title", MAX_TITLE_CHARS))
    language = _language(_text(article.language, "language", 35))
    fetched = article.fetched_at
    if fetched is not None and not _aware(fetched):
        raise RecordError("'fetched_at' must be a date and time with a time zone")
    latest = (fetched or page_fetched or now) + FUTURE_SLACK
    checked: dict[str, Any] = {
        "title": title,
        "text": text,
        "html": _html(_text(article.html, "html", MAX_HTML_CHARS), sanitized),
        "language": language,
        "url": _url(article.url, "url"),
        "author": _short(article.author, "author"),
        "site": _short(article.site, "site"),
        "summary": one_line(_text(article.summary, "summary", MAX_TEXT_CHARS)),   # writers escape it as text
        "image": article.image if isinstance(article.image, str) and is_http_url(article.image) else None,
        "published": _date(article.published, "published", latest),
        "updated": _date(article.updated, "updated", latest),
    }
    changed = {k: v for k, v in checked.items() if getattr(article, k) != v}
    return replace(article, **changed) if changed else article


def _html(html: str, sanitized: bool) -> str:
    return html if sanitized else sanitize(strip_illegal(html), keep_relative=True)


def plain(text: str) -> str:
    """A title or a name on one line and without markup: many readers show an RSS `<title>` (and some a
    JSON Feed title) as HTML, and no escaping suits both kinds, so a tag (`<script>` from a shard record)
    must not be there at all. Summaries keep their text: the writers send them as escaped HTML."""
    line = one_line(text)
    return " ".join(_TAG.sub(" ", line).split()) if "<" in line else line


def _text(value: Any, name: str, limit: int) -> str:
    if not isinstance(value, str):
        raise RecordError(f"{name!r} must be a string, not {type(value).__name__}")
    if len(value) > limit:
        raise RecordError(f"{name!r} is too long ({len(value):,} characters; the limit is {limit:,})")
    return value


def _short(value: Any, name: str) -> str | None:
    if value is None:
        return None
    return plain(_text(value, name, MAX_SHORT_CHARS)) or None


def _language(given: str) -> str:
    """A BCP 47 tag: kept as written when it is one (`zh`, `en-GB`, `und`), else normalised (`zh_cn` →
    `zh-CN`, what feed filters match); RecordError when it is no language tag at all."""
    if _LANGUAGE.fullmatch(given):
        return given
    tag = normalise_tag(given)
    if tag is None:
        raise RecordError(f"'language' is not a language tag: {given[:40]!r}")
    return tag


def _url(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not is_http_url(value) or len(value) > 8_000:
        shown = value[:80] if isinstance(value, str) else type(value).__name__
        raise RecordError(f"{name} must be an absolute http(s) URL, not {shown!r}")
    return value


def _date(found: Any, name: str, latest: datetime) -> FoundDate | None:
    if found is None:
        return None
    if not isinstance(found, FoundDate) or not isinstance(found.value, datetime) or not _aware(found.value):
        raise RecordError(f"{name!r} must be a date and time with a time zone")
    if not EARLIEST <= found.value <= latest:
        raise RecordError(f"{name!r} {found.value.isoformat()} is not plausible (before 1995 or after the fetch)")
    source = _short(found.source, f"{name}_source") or "unknown"
    return found if source == found.source else FoundDate(found.value, source)


def _aware(value: Any) -> bool:
    return isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None


def _printable(text: str) -> str:
    """A source name safe to store and print: lone surrogates (undecodable file names) escaped, control
    characters (binary junk in a broken record's first line) dropped."""
    if not isinstance(text, str):
        return "<page>"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(ch for ch in text if ch.isprintable())[:1000]


__all__ = ["EARLIEST", "MAX_TEXT_CHARS", "MAX_TITLE_CHARS", "admit", "admit_article"]
