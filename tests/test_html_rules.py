"""One small hand-written page per removal rule: the article stays, the chrome goes, and `removed`
names the rule that took it. Plus metadata, URLs, lazy images and site rules."""
from __future__ import annotations

import pytest

from cleanfeed.errors import ConfigError, ConfigErrors, NoArticleError
from cleanfeed.html.article import extract_html, looks_like_html
from cleanfeed.model import Draft
from cleanfeed.rules.site import SiteRule, parse_site_rule

EN = ("<p>The city council voted on Tuesday to expand the recycling programme to every district, a decision "
      "that officials said would divert thousands of tonnes of waste from landfill each year.</p>"
      "<p>Supporters of the plan, including several local businesses, argued that the investment would pay for "
      "itself within a decade, while critics questioned the cost of the new collection lorries.</p>"
      "<p>The first phase of the expansion is expected to begin in the spring, with the remaining districts "
      "joining the scheme over the following two years, according to the council's timetable.</p>")
ZH = ("<p>本报讯 近日，市生态环境局发布消息称，全市废旧金属回收体系建设取得明显进展，回收网点已覆盖所有街道和乡镇，"
      "全年回收量同比增长百分之十二，有效缓解了原材料供应紧张的局面。</p>"
      "<p>据介绍，下一步该局将继续完善回收网络，推动再生资源产业规范发展，并加强对回收企业的监督检查，"
      "确保回收过程中的环境安全，同时鼓励居民积极参与分类回收。</p>")


def page(body: str, head: str = "<title>Council expands recycling - City News</title>", lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head>{head}</head><body>{body}</body></html>"


def run(html: str, url: str | None = "https://news.example/2024/05/recycling.html", rule=None) -> Draft:  # type: ignore[no-untyped-def]
    return extract_html(html, url=url, rule=rule)


def text_of(d: Draft) -> str:
    return "\n".join(d.paragraphs)


def rules_of(d: Draft, snippet: str) -> set[str]:
    return {r.rule for r in d.removed if snippet in r.text}


CASES = [
    ("navigation", "<nav><a href='/'>Home</a> <a href='/world'>World news and more</a></nav>", "World news and more"),
    ("footer", "<footer><p>About us, contact and our privacy policy for readers</p></footer>",
     "privacy policy for readers"),
    ("sidebar", "<aside><p>Most read today: a long list of other stories here</p></aside>", "Most read today"),
    ("hidden", "<div style='display:none'><p>Hidden teaser text that nobody sees</p></div>", "Hidden teaser text"),
    ("hidden", "<div hidden><p>Another hidden block of text</p></div>", "Another hidden block"),
    ("class:share", "<div class='share-bar'><span>Share this story with friends now</span></div>", "Share this story"),
    ("class:related", "<div class='relatedPosts'><h3>Other council news</h3><p>Budget approved after long debate "
     "in chamber</p></div>", "Budget approved"),
    ("class:comments", "<section id='comments'><p>Great article, thanks for writing it up so clearly!</p></section>",
     "Great article, thanks"),
    ("class:cookie", "<div class='cookie-banner'><p>We use cookies to improve your experience.</p></div>",
     "We use cookies"),
    ("class:ad", "<div class='ad'><p>Buy the new phone today at a special price</p></div>", "Buy the new phone"),
    ("class:newsletter", "<div class='newsletter-signup'><p>Get the morning briefing in your inbox</p></div>",
     "morning briefing"),
    ("class:xgyd", "<div class='xgyd'><p>相关阅读：另一篇关于回收的新闻报道</p></div>", "另一篇关于回收"),
    ("class:tuijian", "<div id='tuijian'><p>推荐一篇热门文章给您看看吧</p></div>", "推荐一篇热门文章"),
    ("class:hot", "<div class='hot'><p>本周热门新闻排行第一名内容</p></div>", "本周热门新闻排行"),
]


@pytest.mark.parametrize(("rule", "junk", "snippet"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_chrome_is_removed_by_its_rule(rule: str, junk: str, snippet: str) -> None:
    d = run(page(f"{junk}<article><h1>Council expands recycling</h1>{EN}</article>{junk}"))
    assert snippet not in text_of(d)
    assert rule in rules_of(d, snippet)
    assert "divert thousands of tonnes" in text_of(d)


@pytest.mark.parametrize(("line", "rule"), [
    ("Please indicate the source when reprinting: City News", "reprint-notice"),
    ("责任编辑：王小明", "editor-source"),
    ("来源：新华网", "editor-source"),
    ("Share on Facebook Twitter", "share-bar"),
    ("Tags: recycling, council", "tags"),
    ("免责声明：本文仅代表作者本人观点", "reprint-notice"),
])
def test_generic_line_rules_apply_to_blocks(line: str, rule: str) -> None:
    d = run(page(f"<div class='article'>{EN}<p>{line}</p></div>"))
    assert line not in text_of(d)
    assert rule in rules_of(d, line)


def test_section_marker_cuts_the_teaser_list_after_it() -> None:
    teasers = "".join(f"<p>Another story number {i} about something</p>" for i in range(4))
    d = run(page(f"<div class='story'>{EN}<h3>Related articles</h3>{teasers}</div>"))
    assert "Another story number" not in text_of(d)
    assert "related-list" in rules_of(d, "Another story number 2")


def test_a_box_of_links_set_into_the_story_does_not_cut_its_end() -> None:
    links = "".join(f"<p><a href='/s{i}'>另一条消息的标题第{i}条</a></p>" for i in range(3))
    end = "<p>该局表示，明年将在全市推广这一做法。</p>"
    d = run(page(f"<div class='content'>{ZH}<p>推荐阅读</p><img src='/t.jpg'>{links}{end}</div>", lang="zh-CN"))
    assert "明年将在全市推广" in text_of(d) and "另一条消息" not in text_of(d)


def test_one_teaser_link_and_its_blurb_under_a_marker_are_still_cut() -> None:
    teaser = ("<p><a href='/s1'>Another story about the harbour</a></p>"
              "<p>The harbour reopened on Monday after repairs.</p>")
    d = run(page(f"<div class='story'>{EN}<h3>Related articles</h3>{teaser}</div>"))
    assert "harbour" not in text_of(d)


def test_chinese_section_marker_cuts_too() -> None:
    d = run(page(f"<div class='content'>{ZH}<p>相关阅读</p><p>另一条消息的标题</p><p>第二条消息的标题</p></div>",
                 lang="zh-CN"))
    assert "另一条消息" not in text_of(d) and "回收网点已覆盖" in text_of(d)


def test_link_dense_blocks_are_dropped() -> None:
    links = "<ul>" + "".join(f"<li><a href='/s{i}'>Read our story number {i}</a></li>" for i in range(5)) + "</ul>"
    d = run(page(f"<div class='story'>{EN}{links}</div>"))
    assert "Read our story number" not in text_of(d)
    assert "link-dense" in rules_of(d, "Read our story number 3")


def test_breadcrumb_line_is_dropped() -> None:
    d = run(page(f"<div class='story'><p>首页 > 新闻中心 > 正文</p>{ZH}</div>", lang="zh-CN"))
    assert "新闻中心" not in text_of(d)


def test_headline_copy_and_publish_header_leave_the_body() -> None:
    html = page("<div class='story'><h1>Council expands recycling</h1><p>Posted on May 3, 2024 by Jane Roe</p>"
                f"<p>发布时间：2024-05-03 10:00</p>{EN}</div>")
    d = run(html)
    assert d.title == "Council expands recycling"
    assert "Council expands recycling" not in text_of(d)
    assert "Posted on May 3, 2024 by Jane Roe" in d.header_lines
    assert "发布时间：2024-05-03 10:00" in d.header_lines
    assert "Posted on" not in text_of(d)


def test_header_lines_are_found_next_to_a_headline_outside_the_root() -> None:
    html = page("<div class='top'><h1>废旧金属回收体系建设取得进展</h1>"
                "<div class='info'>时间：2024-05-03 来源：本报</div></div>"
                f"<div class='text'>{ZH}</div>", head="<title>废旧金属回收体系建设取得进展_新闻中心</title>",
                lang="zh-CN")
    d = run(html)
    assert d.title == "废旧金属回收体系建设取得进展"
    assert any("2024-05-03" in line for line in d.header_lines)


def test_doc_is_the_uncleaned_page() -> None:
    html = page(f"<nav>menu</nav><article>{EN}</article>",
                head="<script type='application/ld+json'>{\"datePublished\": \"2024-05-03\"}</script>")
    d = run(html)
    assert d.doc is not None and d.doc.find(".//nav") is not None and d.doc.find(".//script") is not None


def test_metadata_from_the_head() -> None:
    head = ("<title>Council expands recycling | City News</title><meta property='og:site_name' content='City News'>"
            "<meta name='author' content='By Jane Roe'><meta name='description' content='The council voted.'>"
            "<meta property='og:image' content='/img/lead.jpg'><link rel='canonical' href='/2024/05/recycling.html'>")
    d = run(page(f"<article>{EN}</article>", head=head, lang="en-GB"))
    assert d.title == "Council expands recycling"
    assert d.author == "Jane Roe"
    assert d.language == "en-GB"
    assert d.url == "https://news.example/2024/05/recycling.html"
    assert d.image == "https://news.example/img/lead.jpg"
    assert d.description == "The council voted."


def test_heading_that_agrees_with_the_title_beats_og_title() -> None:
    head = ("<title>Council expands recycling to all districts - City News</title>"
            "<meta property='og:title' content='Recycling: what changes'>")
    d = run(page(f"<h1>City News</h1><article><h1>Council expands recycling to all districts</h1>{EN}</article>",
                 head=head))
    assert d.title == "Council expands recycling to all districts"


def test_urls_become_absolute_and_lazy_images_resolve() -> None:
    body = (f"<article>{EN}<p>See <a href='/report.pdf'>the council report</a> for the full details of the plan and "
            "its costs over the coming decade.</p><figure><img src='data:image/gif;base64,R0lGOD' "
            "data-src='/img/lorry.jpg'><figcaption>A new collection lorry</figcaption></figure><p>The scheme is "
            "the largest of its kind in the region, officials said on Tuesday after the vote in the chamber.</p>"
            "</article>")
    d = run(page(body))
    assert d.html is not None
    assert 'href="https://news.example/report.pdf"' in d.html
    assert 'src="https://news.example/img/lorry.jpg"' in d.html
    assert "<figcaption>A new collection lorry</figcaption>" in d.html
    assert "A new collection lorry" not in text_of(d)      # captions stay with the image, not in the prose


def test_relative_links_without_a_page_url_are_dropped_not_kept_relative() -> None:
    d = run(page(f"<article>{EN}<p>Read <a href='/report'>the report</a> now, it explains the plan for every "
                 "district in detail and the costs for the council.</p></article>"), url=None)
    assert d.html is not None and 'href="/report"' not in d.html and "the report" in d.html


def test_lists_tables_and_quotes_survive() -> None:
    body = (f"<article>{EN}<ul><li>Glass bottles and jars from every household</li><li>Paper and cardboard "
            "packaging of all kinds</li></ul><blockquote><p>This is a great day for the city and for everyone "
            "who lives here, said the mayor.</p></blockquote><table><tr><th>District</th><th>Start</th></tr>"
            "<tr><td>North</td><td>2024</td></tr><tr><td>South</td><td>2025</td></tr></table></article>")
    d = run(page(body))
    assert d.html is not None
    assert "<ul><li>Glass bottles" in d.html and "<blockquote><p>This is a great day" in d.html
    assert "<table>" in d.html and "<td>North</td>" in d.html
    assert "Paper and cardboard packaging of all kinds" in d.paragraphs


def test_no_article_raises_with_a_reason() -> None:
    with pytest.raises(NoArticleError, match="no article"):
        run(page("<nav><a href='/a'>Home</a><a href='/b'>News</a></nav><footer>© City News</footer>"))


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("Just a plain text page.\nWith two lines < and > signs.")
    # fragments saved without <html>: a leading <style> block or comment, then markup far below
    assert looks_like_html("<style>\n" + "  .a { color: red }\n" * 400 + "</style>\n<div>Story</div>")
    assert looks_like_html("<!-- saved by a scraper -->\n<p>Story text</p>")
    assert not looks_like_html("<Title of a text dump>\nFirst paragraph of plain text.\n")
    assert not looks_like_html("a < b and c > d\n</not really> markup in a text page")


def test_a_text_dump_carrying_a_gallery_template_is_text() -> None:
    """A dump whose scraper kept a gallery's template as text (`<li>`, `<p>caption</p>`, `<i>url</i>` lines
    below the story's headline) is not a page: it opens with no tag and has no tag only a page has. A page
    with a stray line above its `<html>` and a fragment that opens with its tags are still HTML."""
    dump = ("废铝价格小幅上涨_有色资讯\n首页 > 资讯 > 正文\n废铝价格小幅上涨\n本周国内废铝回收价格小幅上涨。\n"
            + "<li>\n<h2></h2>\n<p>图集说明文字</p>\n<i title=\"img\">http://img.example.com/1.jpg</i>\n</li>\n" * 5)
    assert not looks_like_html(dump)
    assert looks_like_html("saved 2024-05-20\n<html><head><title>x</title></head><body><p>Story</p></body></html>")
    assert looks_like_html("<div class='story'><p>Story text</p><p>More text</p></div>")


SITE_HTML = page("<div id='main'><h2 class='headline'>Site headline from the rule</h2><span class='writer'>Jane Roe"
                 "</span><span class='when' datetime='2024-05-03T10:00:00+08:00'>May 3</span>"
                 f"<div class='story-body'>{EN}<div class='promo-box'><p>Subscribe to our print edition today for "
                 "half price and get a free tote bag with it.</p></div><p class='kicker'>Filed by the city desk"
                 "</p></div></div><div class='other'><p>Unrelated long text that the body selector leaves out of the "
                 "article entirely, though it looks like prose to a generic extractor.</p></div>")


def test_site_rule_css_selectors() -> None:
    rule = parse_site_rule("news", {"hosts": ["news.example"], "title": ".headline", "body": "div.story-body",
                                    "author": ".writer", "date": ".when", "strip": "p.kicker",
                                    "strip_id_or_class": "promo"}, "news.toml")
    d = run(SITE_HTML, rule=rule)
    assert d.title == "Site headline from the rule"
    assert d.author == "Jane Roe"
    assert d.header_lines[0] == "2024-05-03T10:00:00+08:00"
    assert "Unrelated long text" not in text_of(d)
    assert "Subscribe to our print edition" not in text_of(d) and "Filed by the city desk" not in text_of(d)
    assert {"site:strip", "site:strip_id_or_class"} <= {r.rule for r in d.removed}


def test_site_rule_accepts_fivefilters_xpath() -> None:
    rule = parse_site_rule("news", {"body": "//div[@class='story-body']", "title": "//h2"}, "news.toml")
    d = run(SITE_HTML, rule=rule)
    assert d.title == "Site headline from the rule" and "Unrelated long text" not in text_of(d)


def test_site_rule_drop_lines_and_cut_from_apply_to_blocks() -> None:
    rule = parse_site_rule("news", {"drop_lines": ["^Filed by"], "cut_from": ["^Subscribe to our"]}, "news.toml")
    d = run(SITE_HTML, rule=rule)
    assert "Filed by the city desk" not in text_of(d)
    assert "site:news:drop_lines" in rules_of(d, "Filed by the city desk")


def test_bad_site_selector_is_refused_at_load_and_ignored_when_cleaning() -> None:
    with pytest.raises(ConfigErrors) as refused:            # both named at once, with their keys
        parse_site_rule("news", {"title": "///[", "body": "div["}, "news.toml")
    assert [e.message.split(":")[0] for e in refused.value.errors] == ["key 'title[0]'", "key 'body[0]'"]
    rule = SiteRule("news", title=("///[",), body=("div[",))  # built in code: cleaning skips what cannot run
    assert "divert thousands" in text_of(run(SITE_HTML, rule=rule))


@pytest.mark.parametrize("key, selector", [
    ("title", "//h2/text()"), ("title", "string(//h2)"), ("title", "//meta[@name='headline']/@content"),
])
def test_an_xpath_giving_text_is_used_for_a_text_key(key: str, selector: str) -> None:
    """FiveFilters rules point at text (`/@content`, `/text()`, `string()`): check accepts them, so the
    cleaner uses them (before, they passed `check` and were silently dropped)."""
    html = SITE_HTML.replace("<head>", "<head><meta name='headline' content='Site headline from the rule'>")
    rule = parse_site_rule("news", {key: selector}, "news.toml")
    assert run(html, rule=rule).title == "Site headline from the rule"


def test_an_xpath_giving_text_is_refused_where_elements_are_needed() -> None:
    with pytest.raises(ConfigError, match=r"key 'body\[0\]'.*needs elements"):
        parse_site_rule("news", {"body": "//div/text()"}, "news.toml")
