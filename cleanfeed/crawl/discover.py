"""The crawler: from a site rule's `[crawl]` section to the article pages that are new since last run.

Start URLs (listing pages or feeds, told apart by their first bytes) and sitemaps are fetched every run,
conditionally; article links found on them are normalised and skipped when the store already holds them
(unless `refresh`). A feed's items link the articles (feeds.py), with their title, date, author and
categories as hints. Next pages of a listing are followed only while it still shows new articles, so a
daily run reads one or two listing pages, and a first run goes as deep as `max_pages` allows. An
article over several pages is fetched whole (multipage.py). Link finding is pure and lives in links.py
(`article_links`, `next_page_link`, `sitemap_urls`); `SiteCrawl` does the fetching through a `Fetcher`.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field

from cleanfeed.crawl.feeds import looks_like_feed, read_feed
from cleanfeed.crawl.fetch import Exchange, ExchangeHook, Fetcher, Response
from cleanfeed.crawl.links import allowed_hosts, article_links, host_allowed, next_page_link, sitemap_urls
from cleanfeed.crawl.multipage import whole_article
from cleanfeed.errors import CleanfeedError, CrawlError, DecodeError, FetchError, RobotsDisallowed
from cleanfeed.inputs.decode import decode
from cleanfeed.model import PAGE_TYPES, ItemHints, Page
from cleanfeed.rules.site import RuleSet, SiteRule
from cleanfeed.urlnorm import clean_url, page_key

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- fetching

@dataclass
class CrawlStats:
    """What one site's crawl did, for the summary line and the tests."""

    site: str
    listing_fetches: int = 0         # listing pages and sitemaps answered (304 included)
    article_fetches: int = 0
    not_modified: int = 0            # 304 answers to our conditional GETs
    known: int = 0                   # article links skipped because the store has them
    disallowed: int = 0              # article links robots.txt forbids
    feed_items: int = 0              # items read from feeds
    off_host: int = 0                # feed items linking outside the allowed hosts (not fetched)
    parts: int = 0                   # later pages of multi-page articles (counted in article_fetches)
    budget_hit: bool = False
    errors: list[CleanfeedError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # kept going, but the user should know (a broken feed)

    @property
    def fetches(self) -> int:
        return self.listing_fetches + self.article_fetches


class SiteCrawl:
    """One site's crawl: `pages()` yields every new article page; `stats` says what happened."""

    def __init__(self, site: SiteRule, fetcher: Fetcher, *, is_known: Callable[[str], bool],
                 refresh: bool = False, agent: str, on_exchange: ExchangeHook | None = None,
                 on_fetch: Callable[[str], None] | None = None, rules: RuleSet | None = None,
                 on_part: Callable[[Exchange, str], None] | None = None,
                 on_article: Callable[[Page, str | None], None] | None = None) -> None:
        """`on_exchange` archives every request and response; `on_part` those of an article's later pages
        (with the first page's URL), `on_article` an article that is more than its first response."""
        if site.crawl is None:
            raise ValueError(f"site rule {site.name!r} has no [crawl] section")
        self.site, self.rule, self.fetcher, self.rules = site, site.crawl, fetcher, rules
        self.on_part, self.on_article = on_part, on_article
        self.is_known, self.refresh, self.agent = is_known, refresh, agent
        self.on_exchange, self.on_fetch = on_exchange, on_fetch
        self.hosts = allowed_hosts(site)
        self.stats = CrawlStats(site.name)
        self._seen: set[str] = set()
        for host in self.hosts:
            fetcher.throttle.set_delay(host, self.rule.delay)
        fetcher.trust(self.hosts)          # the rule's own hosts may be private (an intranet site, a test server)

    @property
    def budget(self) -> int:
        return self.rule.max_pages - self.stats.fetches

    def pages(self) -> Iterator[Page]:
        for url in self.rule.sitemaps:
            yield from self._sitemap(clean_url(url), depth=0)
        for url in self.rule.start_urls:
            yield from self._listing(clean_url(url))

    def _listing(self, url: str) -> Iterator[Page]:
        """A listing page, its new articles, then its next page while new articles keep appearing."""
        visited: set[str] = set()
        next_url: str | None = url
        while next_url and next_url not in visited and self._spend():
            visited.add(next_url)
            response = self._fetch(next_url, listing=True)
            if response is None:
                return
            if looks_like_feed(response.body, response.content_type):
                yield from self._feed(response)
                return
            if not self.rule.article_links and not self.rule.article_url_patterns:
                self._error(CrawlError("not a feed, and [crawl] names no article_links or article_url_patterns "
                                       "to read it as a listing page", source=next_url))
                return
            try:
                html = decode(response.body, response.content_type).text
            except DecodeError as exc:
                self._error(CrawlError(f"listing page unreadable: {exc.message}", source=next_url))
                return
            new = yield from self._articles(article_links(html, response.url, self.rule, self.hosts))
            following = next_page_link(html, response.url, self.rule, self.hosts)
            next_url = following if new or self.refresh else None
            if following and not next_url:
                log.info("%s: no new articles on %s; not following its next page", self.site.name, response.url)

    def _feed(self, response: Response) -> Generator[Page, None, int]:
        """The feed's items that link pages on the allowed hosts, fetched with their hints."""
        read = read_feed(response.body, response.url, response.content_type)
        self.stats.feed_items += len(read.items)
        if read.problem:
            self._warn(f"{response.url}: {read.problem}; kept the {len(read.items)} items that could be read")
        for why in read.skipped:
            log.info("%s: %s: %s", self.site.name, response.url, why)
        kept = [item for item in read.items if host_allowed(item.link, self.hosts)]
        if len(kept) < len(read.items):
            self.stats.off_host += len(read.items) - len(kept)
            log.info("%s: %d items of %s link other hosts (not in crawl.allowed_hosts): not fetched",
                     self.site.name, len(read.items) - len(kept), response.url)
        hints: dict[str, ItemHints] = {}
        for item in kept:
            hints.setdefault(page_key(item.link), item.hints)
        return (yield from self._articles([item.link for item in kept], hints))

    def _sitemap(self, url: str, depth: int) -> Generator[Page, None, None]:
        if depth > 2 or page_key(url) in self._seen or not self._spend():
            return
        self._seen.add(page_key(url))
        response = self._fetch(url, listing=True)
        if response is None:
            return
        try:
            found = sitemap_urls(response.body, response.url)
        except DecodeError as exc:
            self._error(CrawlError(exc.message, source=url))
            return
        patterns = [re.compile(p, re.I) for p in self.rule.article_url_patterns]
        pages = [u for u in found.pages
                 if host_allowed(u, self.hosts) and (not patterns or any(p.search(u) for p in patterns))]
        yield from self._articles(pages)
        for nested in found.sitemaps:
            yield from self._sitemap(nested, depth + 1)

    def _articles(self, links: list[str], hints: dict[str, ItemHints] | None = None) -> Generator[Page, None, int]:
        """Fetch the links not yet seen or stored; returns how many were new (fetched or not)."""
        new = 0
        for link in links:
            if page_key(link) in self._seen:
                continue
            self._seen.add(page_key(link))
            if not self.refresh and self.is_known(link):
                self.stats.known += 1
                continue
            new += 1
            if not self._spend():
                continue
            response = self._fetch(link, listing=False)
            if response is not None and not response.not_modified and self._is_page(response, link):
                yield self._article(response, link, (hints or {}).get(page_key(link)))
        return new

    def _article(self, response: Response, link: str, hints: ItemHints | None) -> Page:
        """The article whose first page this is, its later pages fetched too."""
        rule = (self.rules.for_page(response.url, "") if self.rules else None) or self.site
        first = clean_url(response.url)
        done = whole_article(response, link, rule=rule, hosts=self.hosts, max_pages=self.rule.max_article_pages,
                             fetch=lambda url: self._next_page(url, first), hints=hints)
        self.stats.parts += done.fetched
        if done.stop:
            log.info("%s: %s: %s", self.site.name, link, done.stop)
        if self.on_article:
            self.on_article(done.page, done.single_page)
        return done.page

    def _next_page(self, url: str, first: str) -> Response | None:
        """One more page of the article first fetched from `first` (the whole body: never a conditional
        GET), or None."""
        self._seen.add(page_key(url))
        if not self._spend():
            return None
        on_part = self.on_part
        archive = (lambda exchange: on_part(exchange, first)) if on_part else self.on_exchange
        response = self._fetch(url, listing=False, conditional=False, on_exchange=archive)
        return response if response is not None and self._is_page(response, url) else None

    def _is_page(self, response: Response, link: str) -> bool:
        """HTML or text; a PDF or an image behind an article link is reported, not cleaned."""
        mime = (response.content_type or "").split(";", 1)[0].strip().lower()
        if mime in PAGE_TYPES:
            return True
        self._error(CrawlError(f"not a page ({mime})", source=link))
        return False

    def _spend(self) -> bool:
        if self.budget > 0 and not self.fetcher.out_of_time():
            return True
        if not self.stats.budget_hit:
            log.info("%s: max_pages (%d) or --max-time reached; the rest waits for the next run", self.site.name,
                     self.rule.max_pages)
        self.stats.budget_hit = True
        return False

    def _fetch(self, url: str, *, listing: bool, conditional: bool = True,
               on_exchange: ExchangeHook | None = None) -> Response | None:
        """One page through the fetcher; errors are recorded and give None."""
        try:
            response = self.fetcher.get(url, agent=self.agent, conditional=conditional, keep_body=listing,
                                        on_exchange=on_exchange or self.on_exchange)
        except RobotsDisallowed as exc:
            if listing:
                self._error(exc)
            else:
                self.stats.disallowed += 1
                log.info("%s: %s", self.site.name, exc)
            return None
        except FetchError as exc:
            self._count(listing)
            self._error(exc)
            return None
        self._count(listing)
        if response.not_modified:
            self.stats.not_modified += 1
        elif not 200 <= response.status < 300:
            tries = f" after {response.attempts} attempts" if response.attempts > 1 else ""
            self._error(CrawlError(f"HTTP {response.status}{tries}", source=url))
            return None
        if response.redirects and self.fetcher.cache is not None:
            self.fetcher.cache.remember_redirect(url, clean_url(response.url))
        return response

    def _count(self, listing: bool) -> None:
        if listing:
            self.stats.listing_fetches += 1
        else:
            self.stats.article_fetches += 1
        if self.on_fetch:
            self.on_fetch(self.site.name)

    def _error(self, exc: CleanfeedError) -> None:
        log.info("%s: %s", self.site.name, exc)
        self.stats.errors.append(exc)

    def _warn(self, message: str) -> None:
        log.info("%s: %s", self.site.name, message)
        self.stats.warnings.append(message)


__all__ = ["SiteCrawl", "CrawlStats", "CrawlError"]
