"""Articles over several pages: finding page N+1 (cleanfeed/crawl/pagination.py) and fetching the whole
article with a page limit and loop protection (cleanfeed/crawl/multipage.py), with a fake fetcher."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cleanfeed.crawl.fetch import Response
from cleanfeed.crawl.multipage import whole_article
from cleanfeed.crawl.pagination import is_page_of, page_links
from cleanfeed.rules.ftr import parse_ftr
from cleanfeed.rules.site import SiteRule

BASE = "https://example.com/2024/01/story.html"
HOSTS = ("example.com",)


def links(html: str, url: str = BASE, *, first: str | None = None, page_no: int = 1,
          rule: SiteRule | None = None) -> tuple[str | None, str | None, str]:
    found = page_links(html, url, first_url=first or url, page_no=page_no, rule=rule, hosts=HOSTS)
    return found.next_page, found.single_page, found.how


@pytest.mark.parametrize("link, first, n, expected", [
    ("https://e.cn/a/123.html", "https://e.cn/a/123_2.html", 2, False),        # not the other way round
    ("https://e.cn/a/123_2.html", "https://e.cn/a/123.html", 2, True),
    ("https://e.cn/a/index_1.html", "https://e.cn/a/index.html", 2, True),     # counted from zero
    ("https://e.cn/a/123_3.html", "https://e.cn/a/123.html", 3, True),
    ("https://e.cn/a/123_3.html", "https://e.cn/a/123.html", 2, False),
    ("https://e.cn/a/t20240301_5679.html", "https://e.cn/a/t20240301_5678.html", 2, False),   # the next article
    ("https://e.cn/a/t20240301_5678_2.html", "https://e.cn/a/t20240301_5678.html", 2, True),
    ("https://e.cn/show.php?id=7&page=2", "https://e.cn/show.php?id=7", 2, True),
    ("https://e.cn/show.php?page=2&id=7", "https://e.cn/show.php?id=7&page=1", 2, True),
    ("https://e.cn/show.php?id=7&sort=2", "https://e.cn/show.php?id=7", 2, False),   # not a page parameter
    ("https://e.cn/show.php?id=8&page=2", "https://e.cn/show.php?id=7", 2, False),
    ("https://e.cn/2024/slug/2/", "https://e.cn/2024/slug/", 2, True),
    ("https://e.cn/2024/slug/page/2", "https://e.cn/2024/slug", 2, True),
    ("https://e.cn/2024/other/2/", "https://e.cn/2024/slug/", 2, False),
    ("https://f.cn/a/123_2.html", "https://e.cn/a/123.html", 2, False),
])
def test_page_n_of_an_article_by_its_url(link: str, first: str, n: int, expected: bool) -> None:
    assert is_page_of(link, first, n) is expected


def test_generic_detector_by_url_then_by_whole_link_text() -> None:
    pager = ('<div class="pager"><a href="story.html">1</a> <a href="story_2.html">2</a>'
             ' <a href="story_3.html">3</a></div>')
    assert links(pager) == ("https://example.com/2024/01/story_2.html", None, "url")
    on_page_2 = links(pager, "https://example.com/2024/01/story_2.html", first=BASE, page_no=2)
    assert on_page_2[0] == "https://example.com/2024/01/story_3.html"
    assert links('<a href="/2024/01/story/2.html">下一页</a>') == (
        "https://example.com/2024/01/story/2.html", None, "text")
    assert links('<a href="story.html?p=b">下页</a>')[0] == "https://example.com/2024/01/story.html?p=b"
    assert links('<a href="/2024/01/story-more.html"> Next page » </a>')[0] == "https://example.com/2024/01/story-more.html"
    assert links('<link rel="next" href="story_2.html">')[0] == "https://example.com/2024/01/story_2.html"


@pytest.mark.parametrize("html", [
    '<a href="/2024/01/other-story.html">下一篇</a>',             # the next article, not the next page
    '<a href="/2024/01/other-story.html">Next</a>',               # "Next" alone: blogs link the next post so
    '<link rel="next" href="/2024/01/other-story.html">',
    '<a href="/2023/12/older.html">下一页</a>',                   # leaves the article's folder
    '<a href="/2024/01/index_2.html">下一页</a>',                 # the section's listing, beside the article
    '<a href="https://elsewhere.org/2024/01/story_2.html">2</a>',  # another host
    '<a href="story.html">下一页</a>',                             # the page itself
    '<a href="javascript:next()">下一页</a>',
])
def test_generic_detector_leaves_other_links_alone(html: str) -> None:
    assert links(html)[0] is None


def test_site_rule_and_fivefilters_next_page_link_come_first() -> None:
    html = ('<a class="go" href="/2024/01/story-p2.html">→</a><a href="story_2.html">2</a>'
            '<a name="n">Next</a><a href="/p2">Next page</a>')
    toml = SiteRule("s", next_page_link=("a.go",))
    assert links(html, rule=toml) == ("https://example.com/2024/01/story-p2.html", None, "rule")
    ftr = SiteRule("s", ftr=parse_ftr("next_page_link: //a[contains(., 'Next')]\n"))   # skips the one without href
    assert links(html, rule=ftr) == ("https://example.com/p2", None, "ftr")
    concat = SiteRule("s", ftr=parse_ftr("next_page_link: concat(//link[@rel='canonical']/@href, '?page=2')\n"))
    assert links("<link rel='canonical' href='/s'>", rule=concat)[0] == "https://example.com/s?page=2"
    broken = SiteRule("s", next_page_link=("//a[",), ftr=parse_ftr("next_page_link: //a[has-class('x')]\n"))
    assert links(html, rule=broken)[2] == "url"          # rules that do not run: the generic detector


def test_fivefilters_single_page_link_guarded_and_never_the_page_itself() -> None:
    rule = SiteRule("s", ftr=parse_ftr("single_page_link: //a[@class='all']\n"
                                       "if_page_contains: //div[@class='pager']\n"))
    html = "<a class='all' href='?all=1'>all</a>"
    assert links(html, rule=rule)[1] is None
    assert links(html + "<div class='pager'></div>", rule=rule)[1] == BASE + "?all=1"
    assert links(html + "<div class='pager'></div>", rule=rule, page_no=2)[1] is None   # first page only
    itself = SiteRule("s", ftr=parse_ftr("single_page_link: concat('https://example.com', '/2024/01/story.html')\n"))
    assert links("<p/>", rule=itself)[1] is None


def test_base_href_and_unparseable_pages() -> None:
    based = links('<base href="https://example.com/x/"><a href="story_2.html">2</a>', "https://example.com/x/story.html")
    assert based[0] == "https://example.com/x/story_2.html"
    assert links("") == (None, None, "") and links("\x00\x00") == (None, None, "")


# ----------------------------------------------------------------------------- whole articles

def response(url: str, body: str) -> Response:
    return Response(url=url, status=200, headers=(("Content-Type", "text/html; charset=utf-8"),),
                    body=body.encode("utf-8"), fetched_at=datetime(2024, 3, 1, tzinfo=UTC))


def assemble(pages: dict[str, str], first: str = "a.html", max_pages: int = 10, rule: SiteRule | None = None,
             fail: str | None = None) -> tuple[object, list[str]]:
    served = {f"https://example.com/n/{k}": v for k, v in pages.items()}
    asked: list[str] = []

    def fetch(url: str) -> Response | None:
        asked.append(url.rsplit("/", 1)[-1])
        return None if fail and url.endswith(fail) else response(url, served[url])

    url = f"https://example.com/n/{first}"
    return whole_article(response(url, served[url]), url, rule=rule, hosts=HOSTS, max_pages=max_pages,
                         fetch=fetch), asked


def parts(done: object) -> list[str]:
    return [str(p.url).rsplit("/", 1)[-1] for p in done.page.parts]   # type: ignore[attr-defined]


THREE = {"a.html": '<p>one</p><a href="a_2.html">下一页</a>', "a_2.html": '<p>two</p><a href="a_3.html">下一页</a>',
         "a_3.html": '<p>three</p><a href="a_2.html">上一页</a>'}


def test_pages_followed_in_order_each_once() -> None:
    done, asked = assemble(THREE)
    assert parts(done) == ["a_2.html", "a_3.html"] and asked == ["a_2.html", "a_3.html"]
    assert done.page.url == "https://example.com/n/a.html" and done.stop is None   # type: ignore[attr-defined]


def test_a_loop_back_to_an_earlier_page_ends_the_article() -> None:
    loop = {"a.html": '<a href="a_2.html">Next page</a>', "a_2.html": '<a href="a.html">Next page</a>'}
    done, asked = assemble(loop)
    assert parts(done) == ["a_2.html"] and asked == ["a_2.html"]
    assert "pagination loop" in done.stop                                           # type: ignore[attr-defined]


def test_page_limit_and_a_failed_page() -> None:
    done, asked = assemble(THREE, max_pages=2)
    assert parts(done) == ["a_2.html"] and asked == ["a_2.html"] and "max_article_pages" in done.stop  # type: ignore[attr-defined]
    done, asked = assemble(THREE, max_pages=1)
    assert parts(done) == [] and asked == [] and done.stop is None                  # type: ignore[attr-defined]
    done, asked = assemble(THREE, fail="a_3.html")
    assert parts(done) == ["a_2.html"] and asked == ["a_2.html", "a_3.html"]


def test_single_page_version_replaces_the_body_under_the_first_url() -> None:
    pages = {"a.html": "<p>part one</p><a class='print' href='a-print.html'>print</a><a href='a_2.html'>2</a>",
             "a-print.html": "<p>the whole story</p>"}
    rule = SiteRule("s", ftr=parse_ftr("single_page_link: //a[@class='print']\n"))
    done, asked = assemble(pages, rule=rule)
    assert asked == ["a-print.html"] and parts(done) == []
    assert done.page.url == "https://example.com/n/a.html" and done.page.body == b"<p>the whole story</p>"  # type: ignore[attr-defined]
