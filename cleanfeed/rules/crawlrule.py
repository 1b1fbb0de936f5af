"""A site rule's `[crawl]` section: where the crawler starts (listing pages, feeds, sitemaps), how it tells
article links from the rest, and how far it may go in one run. Every value is checked when the rule is
loaded, every problem named (`crawl.delay`, `crawl.start_urls[2]` …), so a crawl never starts on a rule
that cannot work."""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from cleanfeed.rules.tomlfile import Problems, text_list, text_value
from cleanfeed.urlnorm import is_http_url

_CONTACT = re.compile(r"^(https?://\S+|mailto:\S+@\S+)$")
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,62}[a-z0-9_])?)*\.?$"
                   r"|^\[?[0-9a-f:.]+\]?$")
MAX_PAGES = 100_000          # fetches per site per run: beyond this a run is a mirror job, not a crawl
MAX_ARTICLE_PAGES = 100      # pages of one article: a longer chain is a pager of something else


class CrawlRule(NamedTuple):
    """How to find new article pages on a site (used by the crawler, cleanfeed/crawl/)."""

    start_urls: tuple[str, ...] = ()          # listing pages or feeds (RSS, Atom, JSON Feed), fetched every run
    article_links: tuple[str, ...] = ()       # CSS selectors of article links on listing pages
    article_url_patterns: tuple[str, ...] = ()  # regexes an article URL must match (any)
    next_page: tuple[str, ...] = ()           # CSS selectors of the listing's "next page" link (`index_2.html`)
    sitemaps: tuple[str, ...] = ()
    max_pages: int = 50                       # listing + sitemap + article fetches per run
    max_article_pages: int = 10               # pages joined into one article (`_2.html`, `下一页`); 1 = never follow
    allowed_hosts: tuple[str, ...] = ()       # default: the hosts of start_urls and sitemaps
    delay: float = 1.0                        # seconds between requests to the site's hosts (robots may ask more)
    contact: str | None = None                # URL or mailto: for the User-Agent, so the site can reach us


KEYS = frozenset(CrawlRule._fields)


def host_name(value: str) -> str:
    """A host name or IP literal as rules write it (`www.` and case dropped); ValueError otherwise."""
    host = value.strip().lower().removeprefix("www.")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise ValueError(f"{value!r} is not a host name") from None
    if not _HOST.match(ascii_host):
        raise ValueError(f"{value!r} is not a host name (no scheme, path or port: news.example.cn)")
    return host


def css_selector(selector: str) -> str:
    """A CSS selector the crawler's engine (soupsieve, through BeautifulSoup) compiles; XPath is refused
    here, as the crawler could not run it."""
    import soupsieve

    try:
        soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
        raise ValueError(f"{selector!r} is not a CSS selector: {str(exc).splitlines()[0]}") from None
    return selector


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return pattern


def _urls(value: Any) -> tuple[str, ...]:
    urls = text_list(value)
    for i, url in enumerate(urls):
        if not is_http_url(url):
            raise ValueError(f"item {i} ({url[:80]!r}) is not an absolute http(s) URL")
    return urls


def _each(check: Any) -> Any:
    return lambda value: tuple(check(v) for v in text_list(value))


def _max_pages(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_PAGES:
        raise ValueError(f"must be an integer from 1 to {MAX_PAGES:,}")
    return value


def _max_article_pages(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ARTICLE_PAGES:
        raise ValueError(f"must be an integer from 1 to {MAX_ARTICLE_PAGES}")
    return value


def _delay(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 3600:
        raise ValueError("must be a number of seconds (0 to 3600)")
    return float(value)


def _contact(value: Any) -> str:
    if not _CONTACT.match(text_value(value)):
        raise ValueError("must be an http(s) URL or a mailto: address")
    return str(value).strip()


_PARSERS: dict[str, Any] = {
    "start_urls": _urls, "sitemaps": _urls, "article_links": _each(css_selector), "next_page": _each(css_selector),
    "article_url_patterns": _each(_regex), "allowed_hosts": _each(host_name), "max_pages": _max_pages,
    "max_article_pages": _max_article_pages,
    "delay": _delay, "contact": _contact,
}


def parse_crawl_rule(raw: Any, problems: Problems) -> CrawlRule | None:
    """The `[crawl]` table as a CrawlRule; every problem goes to `problems` (None when there were some).

    Start URLs need no `article_links` or `article_url_patterns` when they are feeds (every item links an
    article); whether a start URL is a feed is known only once it is fetched, so an HTML listing without
    either is reported by the crawl, not here."""
    if not isinstance(raw, dict):
        problems.add("key 'crawl' must be a table ([crawl])")
        return None
    before = len(problems.errors)
    kwargs = problems.table(raw, _PARSERS, "crawl")
    if not raw.get("start_urls") and not raw.get("sitemaps"):
        problems.add("section 'crawl' needs 'start_urls' or 'sitemaps'")
    return CrawlRule(**kwargs) if len(problems.errors) == before else None


__all__ = ["KEYS", "CrawlRule", "css_selector", "host_name", "parse_crawl_rule"]
