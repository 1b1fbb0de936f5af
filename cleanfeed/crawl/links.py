"""Link finding for the crawler, pure: article links and the next page of a listing (by the site rule's CSS
selectors), the page URLs of a sitemap, and which hosts a crawl may go to. `discover.SiteCrawl` fetches."""
from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cleanfeed.errors import DecodeError
from cleanfeed.rules.site import CrawlRule, SiteRule
from cleanfeed.urlnorm import clean_url, host_of, resolve_link

MAX_SITEMAP_BYTES = 50 * 2**20        # the sitemaps.org limit for one uncompressed sitemap


def allowed_hosts(site: SiteRule) -> tuple[str, ...]:
    """The hosts a crawl may leave for: the rule's `allowed_hosts`, else its start/sitemap URLs' and the
    rule's hosts."""
    rule = site.crawl or CrawlRule()
    hosts = rule.allowed_hosts or tuple(host_of(u) for u in rule.start_urls + rule.sitemaps) + site.hosts
    return tuple(dict.fromkeys(h.lower().removeprefix("www.") for h in hosts if h))


def host_allowed(url: str, hosts: Iterable[str]) -> bool:
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in hosts)


def _soup(html: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup  # site rules speak CSS; soupsieve is the CSS engine bs4 brings

    return BeautifulSoup(html, "lxml")


def _base(soup, url: str) -> str:  # type: ignore[no-untyped-def]
    tag = soup.find("base", href=True)
    return resolve_link(str(tag["href"]), url) or url if tag else url


def _hrefs(soup, selectors: Iterable[str]) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The hrefs of the selected links; a selected container gives every link inside it."""
    for selector in selectors:
        for element in soup.select(selector):
            links = [element] if element.name == "a" else element.select("a[href]")
            yield from (str(a.get("href") or "") for a in links)


def article_links(html: str, url: str, rule: CrawlRule, hosts: Iterable[str]) -> list[str]:
    """Clean absolute URLs of the article links on a listing page, in page order, without duplicates.

    Links are taken from `rule.article_links` selectors (all links when there are none), resolved against
    the page (or its `<base>`), and kept when http(s), on an allowed host, and matching one of
    `rule.article_url_patterns` (when given). `javascript:`, `mailto:` and bare `#` links lead nowhere."""
    soup = _soup(html)
    base = _base(soup, url)
    patterns = [re.compile(p, re.I) for p in rule.article_url_patterns]
    hosts = tuple(hosts)
    found: dict[str, None] = {}
    for href in _hrefs(soup, rule.article_links or ("a[href]",)):
        link = resolve_link(href, base)
        if link and host_allowed(link, hosts) and (not patterns or any(p.search(link) for p in patterns)):
            found.setdefault(link)
    found.pop(clean_url(url), None)
    return list(found)


def next_page_link(html: str, url: str, rule: CrawlRule, hosts: Iterable[str]) -> str | None:
    """The listing's next page (`index_2.html`, `?page=2`) by the rule's `next_page` selectors, or None."""
    if not rule.next_page:
        return None
    soup = _soup(html)
    base = _base(soup, url)
    for href in _hrefs(soup, rule.next_page):
        link = resolve_link(href, base)
        if link and link != clean_url(url) and host_allowed(link, tuple(hosts)):
            return link
    return None


@dataclass(frozen=True)
class Sitemap:
    pages: tuple[str, ...]         # page URLs, newest `lastmod` first
    sitemaps: tuple[str, ...]      # nested sitemaps (a sitemap index)


def sitemap_urls(body: bytes, url: str) -> Sitemap:
    """The `<loc>`s of a sitemap or sitemap index (gzip or not); DecodeError when it is not XML."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        try:
            body = zlib.decompressobj(31).decompress(body, MAX_SITEMAP_BYTES)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise DecodeError(f"broken gzip sitemap: {exc}", source=url) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise DecodeError(f"not a sitemap: {exc}", source=url) from None
    if root is None:
        raise DecodeError("not a sitemap (empty or not XML)", source=url)
    entries: list[tuple[str, str]] = []
    nested: list[str] = []
    for element in root.iter("{*}url", "{*}sitemap"):
        loc = element.findtext("{*}loc") or ""
        link = resolve_link(loc.strip(), url)
        if not link:
            continue
        if etree.QName(element).localname == "sitemap":
            nested.append(link)
        else:
            entries.append(((element.findtext("{*}lastmod") or "").strip(), link))
    entries.sort(key=lambda e: e[0], reverse=True)      # ISO dates sort as text; undated ones last
    return Sitemap(tuple(dict.fromkeys(u for _, u in entries)), tuple(dict.fromkeys(nested)))
