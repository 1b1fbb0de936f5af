"""Feeds as crawl starts (cleanfeed/crawl/feeds.py): which documents are feeds, and what their items give the
crawler (the article link and hints, never the teaser), for every feed format in use."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from cleanfeed.crawl.feeds import looks_like_feed, parse_feed_date, read_feed

URL = "https://news.example.cn/rss/metals.xml"
CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize("body, is_feed", [
    (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', True),
    (b'\xef\xbb\xbf\n<?xml version="1.0"?>\n<!-- generator -->\n<rss version="0.91"><channel/></rss>', True),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', True),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', True),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', True),
    (b'{"items": []}', False),                                            # JSON, but not a JSON Feed
    (b'<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
     b'<body><p>feed</p></body></html>', False),                          # a page that links its feed
    (b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">'
     b'<html xmlns="http://www.w3.org/1999/xhtml"><body><feed>x</feed></body></html>', False),
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', False),
    (b'<html><body><p>feedback welcome</p></body></html>', False),
    (b"", False),
])
def test_feeds_are_told_from_pages_by_their_first_bytes(body: bytes, is_feed: bool) -> None:
    assert looks_like_feed(body, "text/html") is is_feed


def test_rss2_items_give_links_and_hints_never_the_teaser() -> None:
    rss = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><link>https://news.example.cn/</link>
<item><title> 铜价 上涨 </title><link>../hyxw/1.html</link><pubDate>Fri, 01 Mar 2024 10:00:00 +0800</pubDate>
<dc:creator>王芳</dc:creator><category>铜</category><category>铜</category><category>价格</category>
<description>TEASER only the first sentence</description></item>
<item><title>guid as permalink</title><guid isPermaLink="true">https://news.example.cn/hyxw/2.html</guid></item>
<item><title>no link at all</title><guid isPermaLink="false">x-3</guid></item>
<item><title>mail</title><link>mailto:desk@example.cn</link></item>
</channel></rss>""".encode()
    read = read_feed(rss, URL, "application/rss+xml")
    assert read.kind == "rss20" and read.problem is None
    assert [i.link for i in read.items] == ["https://news.example.cn/hyxw/1.html", "https://news.example.cn/hyxw/2.html"]
    first = read.items[0].hints
    assert (first.title, first.author, first.categories, first.feed) == ("铜价 上涨", "王芳", ("铜", "价格"), URL)
    assert first.published == datetime(2024, 3, 1, 10, 0, tzinfo=CST)
    assert first.published.utcoffset() == timedelta(hours=8)                # the feed's own offset, kept
    assert read.skipped == ("item 3 has no http(s) link", "item 4 has no http(s) link")
    assert "TEASER" not in repr(read)


def test_feedburner_items_link_the_original_page() -> None:
    rss = b"""<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>t</title>
<item><title>a</title><link>http://feedproxy.google.com/~r/youse/~3/abc/</link>
<feedburner:origLink>https://news.youse.example.cn/hyxw/7.html</feedburner:origLink></item></channel></rss>"""
    assert [i.link for i in read_feed(rss, URL).items] == ["https://news.youse.example.cn/hyxw/7.html"]
    assert looks_like_feed(b'{"items": [], "version": "https://jsonfeed.org/version/1.1"}', "application/feed+json")


def test_rss091_rss10_and_atom_dates() -> None:
    rss091 = b'<rss version="0.91"><channel><title>t</title><item><title>a</title><link>http://x.example/1</link>' \
             b'</item></channel></rss>'
    assert [i.link for i in read_feed(rss091, URL).items] == ["http://x.example/1"]
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://x.example/">
<title>t</title><link>http://x.example/</link></channel><item rdf:about="http://x.example/2"><title>b</title>
<link>http://x.example/2</link><dc:date>2024-03-02T09:30:00+08:00</dc:date></item></rdf:RDF>"""
    read = read_feed(rdf, URL)
    assert read.kind == "rss10" and read.items[0].hints.published == datetime(2024, 3, 2, 9, 30, tzinfo=CST)
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://y.example/news/"><title>t</title>
<entry><title>c</title><link rel="enclosure" href="c.mp3"/><link href="c.html"/><updated>2024-03-05T00:00:00Z</updated>
<author><name>A</name></author><category term="zinc" label="Zinc"/></entry>
<entry><title>d</title><link rel="alternate" href="/d.html"/>
<published>2024-03-01T00:00:00Z</published></entry></feed>"""
    c, d = read_feed(atom, "http://y.example/atom").items
    assert (c.link, d.link) == ("http://y.example/news/c.html", "http://y.example/d.html")
    assert c.hints.published is None            # Atom `updated` is when the entry changed, not when it was published
    assert c.hints.categories == ("zinc",) and c.hints.author == "A"
    assert d.hints.published == datetime(2024, 3, 1, tzinfo=UTC)


def test_json_feed_1_0_and_1_1() -> None:
    v11 = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
      {"id": "1", "url": "/a/1.html", "title": "One", "date_published": "2024-03-01T10:00:00+08:00",
       "authors": [{"name": "Li"}, {"name": "Li"}, {"url": "x"}], "tags": ["tin", 7], "summary": "TEASER"},
      {"id": "2", "external_url": "https://other.example/2.html"},
      {"id": "3", "url": "javascript:alert(1)"}, "junk"]}"""
    read = read_feed(v11, "https://j.example/feed.json")
    assert read.kind == "json11" and [i.link for i in read.items] == ["https://j.example/a/1.html",
                                                                       "https://other.example/2.html"]
    assert read.items[0].hints.author == "Li" and read.items[0].hints.categories == ("tin",)
    assert read.skipped == ("item 3 has no http(s) url", "item 4 is not an object")
    v10 = b'{"version": "https://jsonfeed.org/version/1", "items": [{"url": "https://j.example/3", ' \
          b'"author": {"name": "Zhao"}, "date_published": "2024-03-01"}]}'
    item = read_feed(v10, "https://j.example/feed.json").items[0]
    assert item.hints.author == "Zhao" and item.hints.published is None      # a date without an offset: no guess
    assert read_feed(b'{"version": "https://jsonfeed.org/version/1", "items": 3}', URL).problem == \
        "not a JSON Feed (no items list)"
    cut = read_feed(b'{"version": "https://jsonfeed.org/version/1", ', URL)
    assert (cut.problem or "").startswith("not valid JSON")


def test_broken_xml_keeps_what_feedparser_could_read_and_says_so() -> None:
    broken = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>ok</title><link>http://x.example/ok</link></item>
<item><title>bad & worse</title><link>http://x.example/bad</link></item></channel></rss>"""
    read = read_feed(broken, URL, "application/rss+xml")
    assert [i.link for i in read.items] == ["http://x.example/ok", "http://x.example/bad"]   # feedparser's loose
    assert read.problem is not None and read.problem.startswith("not well-formed XML") and "line 3" in read.problem
    served_as_html = read_feed(b'<rss version="2.0"><channel><item><link>http://x.example/1</link></item>'
                               b'</channel></rss>', URL, "text/html")
    assert served_as_html.problem is None and len(served_as_html.items) == 1   # a wrong media type is no break


@pytest.mark.parametrize("raw, expected", [
    ("Fri, 01 Mar 2024 10:00:00 +0800", datetime(2024, 3, 1, 10, tzinfo=CST)),
    ("Fri, 01 Mar 2024 02:00:00 GMT", datetime(2024, 3, 1, 2, tzinfo=UTC)),
    ("2024-03-01T10:00:00+08:00", datetime(2024, 3, 1, 10, tzinfo=CST)),
    ("2024-03-01T10:00:00", None), ("2024-03-01", None), ("yesterday", None), ("", None), (None, None),
])
def test_feed_dates_keep_their_offset_and_are_never_guessed(raw: object, expected: datetime | None) -> None:
    value = parse_feed_date(raw)
    assert value == expected and (value is None or value.utcoffset() == expected.utcoffset())  # type: ignore[union-attr]
