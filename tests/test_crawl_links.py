"""The crawler's pure parts: URL normalisation, article and next-page links, sitemaps, the [crawl] rule."""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawlsite.server import SITE, FixtureSite
from hypothesis import given
from hypothesis import strategies as st

from cleanfeed.crawl.discover import SiteCrawl
from cleanfeed.crawl.fetch import FetchConfig, Fetcher, HttpxTransport
from cleanfeed.crawl.links import article_links, next_page_link, sitemap_urls
from cleanfeed.errors import ConfigError, DecodeError
from cleanfeed.rules.site import CrawlRule, parse_site_rule
from cleanfeed.urlnorm import clean_url, page_key, resolve_link


@pytest.mark.parametrize("url, clean", [
    ("HTTP://News.Example.COM:80/a/b.html#comments", "http://news.example.com/a/b.html"),
    ("https://news.example.com:443/a?utm_source=x&id=7&utm_medium=y&fbclid=z&gclid=q", "https://news.example.com/a?id=7"),
    ("https://news.example.com:8443/a/./b/../c.html", "https://news.example.com:8443/a/c.html"),
    ("https://news.example.com", "https://news.example.com/"),
    ("https://news.example.com/article.php?12345", "https://news.example.com/article.php?12345"),
    ("https://news.example.com/s?q=a+b&page=2", "https://news.example.com/s?q=a+b&page=2"),
    ("https://news.example.com/新闻/铜价.html", "https://news.example.com/%E6%96%B0%E9%97%BB/%E9%93%9C%E4%BB%B7.html"),
    ("https://news.example.com/a%2fb", "https://news.example.com/a%2Fb"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
])
def test_clean_url(url: str, clean: str) -> None:
    assert clean_url(url) == clean
    assert clean_url(clean) == clean                                  # idempotent


def test_http_and_https_name_one_page() -> None:
    assert page_key("http://a.example:80/x#y") == page_key("https://A.example:443/x?utm_source=z") == "a.example/x"
    assert page_key("http://a.example:8080/x") != page_key("http://a.example/x")


@pytest.mark.parametrize("href, expected", [
    ("javascript:void(0)", None), ("JavaScript:;", None), ("#", None), ("#top", None), ("", None), (None, None),
    ("mailto:a@b.example", None), ("tel:123", None), ("ftp://a.example/f", None),
    ("a6.html", "http://s.example/zh/a6.html"), ("./a6.html#x", "http://s.example/zh/a6.html"),
    ("../en/a.html", "http://s.example/en/a.html"), ("//cdn.example/x.html", "http://cdn.example/x.html"),
    ("  /zh/index_2.html  ", "http://s.example/zh/index_2.html"), ("http://s.example:99999/", None),
])
def test_resolve_link(href: str | None, expected: str | None) -> None:
    assert resolve_link(href, "http://s.example/zh/index.html") == expected


@given(st.text(max_size=80))
def test_resolve_link_never_raises(href: str) -> None:
    result = resolve_link(href, "https://s.example/a/b.html")
    assert result is None or result.startswith(("http://", "https://"))


EN_INDEX = (SITE / "en" / "index.html").read_text(encoding="utf-8")
BASE = "http://127.0.0.1:8000/en/index.html"


def test_article_links_by_selector_in_page_order_without_junk() -> None:
    links = article_links(EN_INDEX, BASE, CrawlRule(article_links=("ul.news a",)), ["127.0.0.1"])
    names = [u.rsplit("/", 1)[1] for u in links]
    assert names == ["copper-prices.html", "aluminium-scrap.html", "zinc-output.html", "draft.html", "stored.html",
                     "flaky.html", "busy.html", "slow.html", "loop.html", "big.html"]
    assert "http://127.0.0.1:8000/en/zinc-output.html" in links          # tracking parameters gone


def test_article_links_by_pattern_and_container_selector() -> None:
    by_pattern = article_links(EN_INDEX, BASE, CrawlRule(article_url_patterns=(r"/en/[a-z]+-[a-z]+\.html$",)),
                               ["127.0.0.1"])
    assert [u.rsplit("/", 1)[1] for u in by_pattern] == ["copper-prices.html", "aluminium-scrap.html",
                                                         "zinc-output.html"]
    by_container = article_links(EN_INDEX, BASE, CrawlRule(article_links=("ul.news",)),
                                 ["127.0.0.1", "elsewhere.example"])
    assert "http://elsewhere.example/en/other.html" in by_container     # allowed_hosts lets it in


def test_base_href_and_gbk_listing() -> None:
    html = '<html><head><base href="http://s.example/news/"></head><body><a href="a1.html">x</a></body></html>'
    assert article_links(html, "http://s.example/", CrawlRule(), ["s.example"]) == ["http://s.example/news/a1.html"]
    from cleanfeed.inputs.decode import decode
    zh = decode((SITE / "zh" / "index.html").read_bytes(), "text/html; charset=gbk").text
    rule = CrawlRule(article_url_patterns=(r"\.html$",), next_page=('div.page a:-soup-contains("下一页")',))
    base = "http://s.example/zh/index.html"
    assert article_links(zh, base, rule, ["s.example"]) == [
        "http://s.example/index.html", "http://s.example/zh/guonei-tongjia.html",
        "http://s.example/zh/lvjia-zoushi.html", "http://s.example/zh/index_2.html"]
    assert next_page_link(zh, base, rule, ["s.example"]) == "http://s.example/zh/index_2.html"
    assert next_page_link(zh, base, CrawlRule(), ["s.example"]) is None


def test_sitemap_index_urlset_gzip_and_junk() -> None:
    index = sitemap_urls((SITE / "sitemap.xml").read_bytes(), "http://s.example/sitemap.xml")
    assert index.sitemaps == ("http://s.example/sitemap-en.xml",) and index.pages == ()
    urlset = sitemap_urls(gzip.compress((SITE / "sitemap-en.xml").read_bytes()), "http://s.example/sitemap-en.xml.gz")
    assert urlset.pages[:3] == ("http://s.example/private/draft.html", "http://elsewhere.example/en/other.html",
                                "http://s.example/en/copper-prices.html")      # newest lastmod first
    assert urlset.pages[-1] == "http://s.example/en/about.html"                # no lastmod: last
    with pytest.raises(DecodeError):
        sitemap_urls(b"\x1f\x8b not gzip", "http://s.example/s.xml.gz")
    with pytest.raises(DecodeError):
        sitemap_urls(b"", "http://s.example/s.xml")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<urlset><url><loc>&b;</loc></url></urlset>')
    assert sitemap_urls(bomb, "http://s.example/s.xml").pages == ()           # entities are not expanded


def _rule(crawl: dict[str, object]) -> CrawlRule:
    rule = parse_site_rule("s", {"crawl": crawl}, "cleaners/s.toml").crawl
    assert rule is not None
    return rule


def test_crawl_rule_keys_and_errors() -> None:
    rule = _rule({"start_urls": "https://s.example/news/", "article_url_patterns": [r"/\d+\.html$"],
                  "delay": 2.5, "contact": "mailto:ops@example.org", "max_pages": 5})
    assert (rule.start_urls, rule.delay, rule.contact, rule.max_pages) == (
        ("https://s.example/news/",), 2.5, "mailto:ops@example.org", 5)
    cases: list[tuple[dict[str, object], str]] = [
        ({"start_urls": ["https://s.example/"], "article_links": "a", "speed": 1}, "unknown key 'crawl.speed'"),
        ({"start_urls": ["https://s.example/feed.xml"], "max_article_pages": 0}, "crawl.max_article_pages"),
        ({"article_links": "a"}, "needs 'start_urls' or 'sitemaps'"),
        ({"sitemaps": ["/sitemap.xml"]}, "absolute http"),
        ({"sitemaps": ["https://s.example/s.xml"], "delay": "1"}, "crawl.delay"),
        ({"sitemaps": ["https://s.example/s.xml"], "max_pages": 0}, "crawl.max_pages"),
        ({"sitemaps": ["https://s.example/s.xml"], "contact": "call me"}, "crawl.contact"),
        ({"start_urls": ["https://s.example/"], "article_links": "a[href"},
         "key 'crawl.article_links': 'a[href' is not a CSS selector"),
        ({"start_urls": ["https://s.example/"], "article_url_patterns": "(["}, "bad regular expression"),
    ]
    for bad, message in cases:
        with pytest.raises(ConfigError, match=re.escape(message)):
            _rule(bad)


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite() as fixture:
        yield fixture


def test_sitemap_crawl_keeps_hosts_patterns_robots_and_the_budget(site: FixtureSite) -> None:
    rule = parse_site_rule("s", {"crawl": {"sitemaps": [site.url("/sitemap.xml")], "delay": 0, "max_pages": 4,
                                           "article_url_patterns": [r"/(en|private)/"]}}, "s.toml")
    config = FetchConfig(delay=0, retries=0)
    fetcher = Fetcher(HttpxTransport(config), config)
    crawl = SiteCrawl(rule, fetcher, is_known=lambda url: url.endswith("/zinc-output.html"), agent="cleanfeed-test")
    pages = list(crawl.pages())
    fetcher.close()
    # index + urlset + 2 articles = the budget of 4; newest first; robots, known and other hosts skipped
    assert [Path(p.url or "").name for p in pages] == ["copper-prices.html", "nickel-demand.html"]
    assert (crawl.stats.disallowed, crawl.stats.known, crawl.stats.budget_hit) == (1, 1, True)
    assert site.count("/private/draft.html") == 0 and site.count("/en/about.html") == 0
    assert all(p.fetched_at and p.content_type == "text/html; charset=utf-8" for p in pages)


def test_http_and_https_links_to_one_article_are_fetched_once_and_a_pdf_is_no_page(site: FixtureSite) -> None:
    https = site.base.replace("http://", "https://")
    site.pages["/dup/index.html"] = (
        f'<ul><li><a href="{site.base}/en/copper-prices.html">a</a></li>'
        f'<li><a href="{https}/en/copper-prices.html#c">b</a></li>'
        f'<li><a href="/en/report.pdf">pdf</a></li></ul>'.encode(), "text/html")
    site.pages["/en/report.pdf"] = (b"%PDF-1.4", "application/pdf")
    rule = parse_site_rule("s", {"crawl": {"start_urls": [site.url("/dup/index.html")], "delay": 0,
                                           "article_url_patterns": ["/en/"]}}, "s.toml")
    config = FetchConfig(delay=0, retries=0)
    fetcher = Fetcher(HttpxTransport(config), config)
    crawl = SiteCrawl(rule, fetcher, is_known=lambda _: False, agent="cleanfeed-test")
    assert [p.url for p in crawl.pages()] == [site.url("/en/copper-prices.html")]
    fetcher.close()
    assert site.count("/en/copper-prices.html") == 1
    assert [str(e) for e in crawl.stats.errors] == [f"{site.base}/en/report.pdf: not a page (application/pdf)"]


class _Stored:
    """A store that holds the pages a crawl yielded (the `has_url` part of cleanfeed.store.db.Store)."""

    def __init__(self) -> None:
        self.urls: set[str] = set()

    def has_url(self, url: str) -> bool:
        return url in self.urls


def test_an_article_link_that_redirects_is_known_by_its_target_next_run(site: FixtureSite) -> None:
    from cleanfeed.crawl.cache import CrawlCache
    from cleanfeed.crawl.run import known_in

    site.redirects["/old/copper.html"] = "/en/copper-prices.html"
    site.pages["/moved/index.html"] = (b'<a href="/old/copper.html">copper</a>', "text/html")
    rule = parse_site_rule("s", {"crawl": {"start_urls": [site.url("/moved/index.html")], "delay": 0,
                                           "article_url_patterns": ["/old/"]}}, "s.toml")
    config = FetchConfig(delay=0, retries=0)
    fetcher = Fetcher(HttpxTransport(config), config, cache=CrawlCache())
    store = _Stored()
    for _ in range(2):
        crawl = SiteCrawl(rule, fetcher, is_known=known_in(store, fetcher.cache),  # type: ignore[arg-type]
                          agent="cleanfeed-test")
        store.urls |= {p.url or "" for p in crawl.pages()}
    fetcher.close()
    fetcher.cache.close()
    assert store.urls == {site.url("/en/copper-prices.html")}
    assert site.count("/old/copper.html") == 1 and crawl.stats.known == 1
