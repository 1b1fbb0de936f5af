"""A site rule's `[crawl]` section: where the crawler starts (listing pages, feeds, sitemaps), how it tells
article links from the rest, and how far it may go in one run."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from cleanfeed.errors import ConfigError
from cleanfeed.rules.values import check_css, compile_regex, strings


@dataclass(frozen=True)
class CrawlRule:
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


_KEYS = {f.name for f in fields(CrawlRule)}
_COUNTS = ("max_pages", "max_article_pages")


def _value(key: str, value: Any, source: str) -> Any:
    """One checked value of the section."""
    if key in _COUNTS:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"key 'crawl.{key}' must be a positive integer", source=source)
        return value
    if key == "delay":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 3600:
            raise ConfigError("key 'crawl.delay' must be a number of seconds (0 to 3600)", source=source)
        return float(value)
    if key == "contact":
        if not isinstance(value, str) or not re.match(r"^(https?://\S+|mailto:\S+@\S+)$", value):
            raise ConfigError("key 'crawl.contact' must be an http(s) URL or a mailto: address", source=source)
        return value
    return strings(value, f"crawl.{key}", source)


def parse_crawl_rule(raw: Any, source: str) -> CrawlRule:
    """The `[crawl]` table of a site rule file; ConfigError names the file and the key.

    Start URLs need no `article_links` or `article_url_patterns` when they are feeds (every item links an
    article); whether a start URL is a feed is known only once it is fetched, so an HTML listing without
    either is reported by the crawl, not here."""
    if not isinstance(raw, dict):
        raise ConfigError("key 'crawl' must be a table", source=source)
    unknown = set(raw) - _KEYS
    if unknown:
        raise ConfigError(f"unknown key 'crawl.{sorted(unknown)[0]}'", source=source)
    kwargs = {key: _value(key, value, source) for key, value in raw.items()}
    for i, pattern in enumerate(kwargs.get("article_url_patterns", ())):
        compile_regex(pattern, f"{source}: crawl.article_url_patterns[{i}]")
    for key in ("article_links", "next_page"):
        for i, selector in enumerate(kwargs.get(key, ())):
            check_css(selector, f"crawl.{key}[{i}]", source)
    for key in ("start_urls", "sitemaps"):
        if any(not re.match(r"^https?://[^/\s]+", u) for u in kwargs.get(key, ())):
            raise ConfigError(f"key 'crawl.{key}' must hold absolute http(s) URLs", source=source)
    if not kwargs.get("start_urls") and not kwargs.get("sitemaps"):
        raise ConfigError("section 'crawl' needs 'start_urls' or 'sitemaps'", source=source)
    return CrawlRule(**kwargs)


__all__ = ["CrawlRule", "parse_crawl_rule"]
