"""helpers.feedcheck catches what it claims to: a small valid Atom feed and RSS feed give no finding, and one
broken copy per rule gives a finding of that rule (so every check can fail)."""
from __future__ import annotations

import pytest
from helpers.feedcheck import RULES, check_feed, rfc822, rfc3339

SELF = "https://feeds.example.org/metals.atom"
RSS_SELF = "https://feeds.example.org/metals.rss"

ATOM_FEED = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>tag:feeds.example.org,2024-03-05:metals</id>
  <title>Metals</title>
  <updated>2024-03-05T18:00:00+08:00</updated>
  <link href="https://feeds.example.org/metals.atom" rel="self"/>
  <link href="https://example.org/" rel="alternate"/>
  <author><name>Tester</name></author>
  <entry>
    <id>tag:feeds.example.org,2024-03-05:metals/u1</id>
    <title>Copper climbs</title>
    <updated>2024-03-05T18:00:00.000001+08:00</updated>
    <published>2024-03-01T00:00:00+08:00</published>
    <link href="https://news.example.com/a/1.html" rel="alternate"/>
    <content type="html">&lt;p&gt;See &lt;a href="https://news.example.com/prices"&gt;prices&lt;/a&gt;
      and &lt;img src="https://news.example.com/c.png" alt="c"&gt; &lt;a href="#n"&gt;n&lt;/a&gt;&lt;/p&gt;</content>
    <summary>Copper climbs again</summary>
  </entry>
  <entry>
    <id>tag:feeds.example.org,2024-03-05:metals/u2</id>
    <title>再生铝项目开工</title>
    <updated>2024-03-05T18:00:00+08:00</updated>
    <link href="https://feeds.example.org/index.html#metals-u2" rel="alternate"/>
    <content type="html">&lt;p&gt;项目开工。&lt;/p&gt;</content>
  </entry>
</feed>
"""

RSS_FEED = """<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>Metals</title>
    <link>https://example.org/</link>
    <description>A test feed</description>
    <atom:link href="https://feeds.example.org/metals.rss" rel="self"/>
    <language>zh-CN</language>
    <lastBuildDate>Tue, 05 Mar 2024 18:00:00 +0800</lastBuildDate>
    <item>
      <title>Copper climbs</title>
      <link>https://news.example.com/a/1.html</link>
      <guid isPermaLink="false">tag:feeds.example.org,2024-03-05:metals/u1</guid>
      <pubDate>Fri, 01 Mar 2024 00:00:00 +0800</pubDate>
      <description>Copper climbs again</description>
      <content:encoded>&lt;p&gt;See &lt;a href="https://news.example.com/prices"&gt;prices&lt;/a&gt;&lt;/p&gt;</content:encoded>
    </item>
    <item>
      <title>再生铝项目开工</title>
      <link>https://feeds.example.org/index.html#metals-u2</link>
      <guid isPermaLink="false">tag:feeds.example.org,2024-03-05:metals/u2</guid>
      <description>项目开工。</description>
    </item>
  </channel>
</rss>
"""


def rules(feed: str, self_url: str | None = None) -> set[str]:
    return {p.rule for p in check_feed(feed.encode("utf-8"), self_url=self_url)}


def broken(feed: str, old: str, new: str) -> str:
    assert feed.count(old) >= 1, old
    return feed.replace(old, new, 1)


def test_the_valid_feeds_give_no_finding() -> None:
    assert check_feed(ATOM_FEED.encode(), self_url=SELF) == []
    assert check_feed(RSS_FEED.encode(), self_url=RSS_SELF) == []


ATOM_CASES = [
    # (rule, text to replace, replacement)
    ("xml-char", "<title>Copper climbs</title>", "<title>Copper\x01 climbs</title>"),
    ("xml-char", "<title>Copper climbs</title>", "<title>Copper&#x1; climbs</title>"),
    ("xml", "<title>Copper climbs</title>", "<title>Copper climbs</titel>"),
    ("required", "<title>Copper climbs</title>", "<title>  </title>"),
    ("self-link", '<link href="https://feeds.example.org/metals.atom" rel="self"/>', ""),
    ("self-link", 'href="https://feeds.example.org/metals.atom"', 'href="/metals.atom"'),
    ("self-link", 'href="https://feeds.example.org/metals.atom"', 'href="https://feeds.example.org/other.atom"'),
    ("id", "<id>tag:feeds.example.org,2024-03-05:metals/u1</id>", "<id>u1</id>"),
    ("id", "<id>tag:feeds.example.org,2024-03-05:metals</id>", "<id>/metals</id>"),
    ("id-unique", "metals/u2</id>", "metals/u1</id>"),
    ("date", "<updated>2024-03-05T18:00:00+08:00</updated>", "<updated>2024-03-05 18:00:00+08:00</updated>"),
    ("date", "<published>2024-03-01T00:00:00+08:00</published>", "<published>2024-02-30T00:00:00+08:00</published>"),
    ("date", "<published>2024-03-01T00:00:00+08:00</published>", "<published>2024-03-01T00:00+08:00</published>"),
    ("date", "<published>2024-03-01T00:00:00+08:00</published>",
     "<published>Fri, 01 Mar 2024 00:00:00 +0800</published>"),
    ("content-type", '<content type="html">&lt;p&gt;项目', "<content>&lt;p&gt;项目"),
    ("content-type", '<content type="html">&lt;p&gt;项目', '<content type="markup">&lt;p&gt;项目'),
    ("content-type", "<summary>Copper climbs again</summary>", "<summary>&lt;b&gt;Copper&lt;/b&gt;</summary>"),
    ("url", 'href="https://news.example.com/prices"', 'href="/prices"'),
    ("url", 'src="https://news.example.com/c.png"', 'src="c.png"'),
    ("url", 'href="https://news.example.com/a/1.html" rel="alternate"', 'href="a/1.html" rel="alternate"'),
    ("language", 'xml:lang="zh-CN"', 'xml:lang="zh_CN"'),
    ("unsafe-content", "&lt;p&gt;项目开工。", "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;项目开工。"),
    ("unsafe-content", "&lt;p&gt;项目开工。", '&lt;p onclick="alert(1)"&gt;项目开工。'),
    ("unsafe-content", 'href="https://news.example.com/prices"', 'href="JavaScript:alert(1)"'),
    ("title-chars", "<title>Copper climbs</title>", "<title>CafÃ© climbs</title>"),
    ("title-chars", "<title>Copper climbs</title>", "<title>Copper \ufffd climbs</title>"),
    ("title-chars", "<title>Copper climbs</title>", "<title>Copper\u200b climbs</title>"),
    ("title-chars", "<title>Copper climbs</title>", "<title>Copper\u0085 climbs</title>"),
    ("author", "<author><name>Tester</name></author>", ""),
    ("author", "<author><name>Tester</name></author>", "<author><name> </name></author>"),
    ("updated-unique", "<updated>2024-03-05T18:00:00.000001+08:00</updated>",
     "<updated>2024-03-05T10:00:00Z</updated>"),
]


@pytest.mark.parametrize(("rule", "old", "new"), ATOM_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(ATOM_CASES)])
def test_each_atom_rule_catches_its_fault(rule: str, old: str, new: str) -> None:
    assert rule in rules(broken(ATOM_FEED, old, new), SELF)


RSS_CASES = [
    ("xml", 'version="2.0"', 'version="0.91"'),
    ("required", "<description>A test feed</description>", "<description/>"),
    ("required", "<title>Metals</title>", "<title></title>"),
    ("self-link", '<atom:link href="https://feeds.example.org/metals.rss" rel="self"/>', ""),
    ("self-link", 'href="https://feeds.example.org/metals.rss"', 'href="https://feeds.example.org/metals.atom"'),
    ("url", "<link>https://example.org/</link>", "<link>/</link>"),
    ("url", "<link>https://news.example.com/a/1.html</link>", "<link>a/1.html</link>"),
    ("id", '<guid isPermaLink="false">tag:feeds.example.org,2024-03-05:metals/u1</guid>', "<guid>u1</guid>"),
    ("id", '<guid isPermaLink="false">tag:feeds.example.org,2024-03-05:metals/u1</guid>',
     '<guid isPermaLink="false">u1</guid>'),
    ("id-unique", "metals/u2</guid>", "metals/u1</guid>"),
    ("date", "<pubDate>Fri, 01 Mar 2024 00:00:00 +0800</pubDate>", "<pubDate>2024-03-01T00:00:00+08:00</pubDate>"),
    ("date", "<pubDate>Fri, 01 Mar 2024 00:00:00 +0800</pubDate>",
     "<pubDate>Sat, 01 Mar 2024 00:00:00 +0800</pubDate>"),
    ("date", "<pubDate>Fri, 01 Mar 2024 00:00:00 +0800</pubDate>", "<pubDate>Fri, 01 Mar 24 00:00:00 +0800</pubDate>"),
    ("date", "<lastBuildDate>Tue, 05 Mar 2024 18:00:00 +0800", "<lastBuildDate>Tue, 05 Mar 2024 18:00:00 CEST"),
    ("language", "<language>zh-CN</language>", "<language>zh_CN</language>"),
    ("url", 'href="https://news.example.com/prices"', 'href="prices.html"'),
    ("unsafe-content", "<description>项目开工。</description>",
     "<description>&lt;img src=x onerror=alert(1)&gt;项目开工。</description>"),
    ("title-chars", "<title>Copper climbs</title>", "<title>Copper climbsâ€™</title>"),
]


@pytest.mark.parametrize(("rule", "old", "new"), RSS_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(RSS_CASES)])
def test_each_rss_rule_catches_its_fault(rule: str, old: str, new: str) -> None:
    assert rule in rules(broken(RSS_FEED, old, new), RSS_SELF)


def test_every_rule_has_a_broken_feed_above() -> None:
    assert {c[0] for c in ATOM_CASES + RSS_CASES} == set(RULES)


def test_an_item_with_neither_title_nor_description_is_an_error() -> None:
    feed = broken(broken(RSS_FEED, "<title>再生铝项目开工</title>", ""), "<description>项目开工。</description>", "")
    assert rules(feed, RSS_SELF) == {"required"}


def test_other_documents_are_not_feeds() -> None:
    assert rules("<html><body>hi</body></html>") == {"xml"}
    assert rules("not xml at all") == {"xml"}


def test_problems_are_errors_or_warnings_and_read_well() -> None:
    problems = check_feed(broken(ATOM_FEED, 'xml:lang="zh-CN"', 'xml:lang="zh_CN"').encode(), self_url=SELF)
    assert [(p.level, p.rule, p.where) for p in problems] == [("error", "language", "feed")]
    assert str(problems[0]) == "error: [language] feed: not a BCP 47 language code: 'zh_CN'"


def test_date_parsers_read_real_moments_only() -> None:
    assert rfc3339("2024-03-05T18:00:00.5+08:00") is not None
    assert rfc3339("2024-03-05t10:00:00z") is not None
    assert rfc3339("2023-02-29T10:00:00Z") is None
    assert rfc3339("2024-03-05T24:00:00Z") is None
    assert rfc822("05 Mar 2024 18:00 GMT") is not None
    assert rfc822("Tue, 05 Mar 2024 18:00:00 -0500") is not None
    assert rfc822("Tue, 05 Mar 2024 18:00:00") is None
    assert rfc822("Tue, 32 Mar 2024 18:00:00 GMT") is None
