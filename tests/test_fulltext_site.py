"""A full-text feed from teaser feeds, end to end: `cleanfeed update` against the fixture site
tests/crawlsite/fulltext (served on 127.0.0.1), whose teaser RSS, Atom and JSON feeds (and one broken RSS)
link article pages with ads, sponsor boxes and related lists; one article spans three pages (下一页), one
continues on a page only its FiveFilters rule finds (`next_page_link`), and one pager loops back to its first
page. The site's rules are our own FiveFilters file (`127.0.0.1.txt`) beside a TOML rule whose `[crawl]`
starts are the feeds. The built feed must hold every article's full text once, dated from the page, with
no ads and no teaser.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from crawlsite.server import FixtureSite
from helpers.feedcheck import check_feed

from cleanfeed.cli import main

ROOT = Path(__file__).resolve().parent / "crawlsite" / "fulltext"
FEED = """title = "Non-ferrous metals, full text"
self_url = "https://feeds.example.org/"
timezone = "Asia/Shanghai"
[author]
name = "test"
email = "test@example.org"
"""
# One marker per paragraph of every article, in page order: each must be in the feed exactly once.
PARAGRAPHS = {
    "copper-smelters": ["COPPER-1", "COPPER-2", "COPPER-3"],
    "aluminium-scrap": ["铝甲一", "铝甲二", "铝乙一", "铝乙二", "铝丙一", "铝丙二"],
    "zinc-loop": ["ZINC-1", "ZINC-2", "ZINC-3", "ZINC-4"],
    "cobalt-supply": ["COBALT-1", "COBALT-2", "COBALT-3", "COBALT-4"],
    "nickel-prices": ["NICKEL-1", "NICKEL-2"],
    "tin-exports": ["TIN-1", "TIN-2"],
    "lead-batteries": ["LEAD-1", "LEAD-2"],
}
NEVER = ["TEASER", "Advertisement", "Sponsored", "quotas tighten again", "first quarter of the year",
         "win new licences in Anhui province", "下一页", "上一页", "Next page", "Continue reading", "Copyright"]


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite(root=ROOT) as fixture:
        yield fixture


def make_project(root: Path, site: FixtureSite) -> Path:
    (root / "cleaners").mkdir(parents=True)
    (root / "feeds").mkdir()
    (root / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    starts = ", ".join(f'"{site.url(p)}"' for p in ("/feed.rss", "/feed.atom", "/feed.json", "/broken.rss"))
    (root / "cleaners" / "nfdaily.toml").write_text(f"""hosts = ["127.0.0.1"]
timezone = "Asia/Shanghai"
[crawl]
start_urls = [{starts}]
delay = 0
max_article_pages = 5
contact = "https://example.org/cleanfeed-test"
""", encoding="utf-8")
    rule = (ROOT / "127.0.0.1.txt").read_text(encoding="utf-8").replace("{base}", site.base)
    (root / "cleaners" / "127.0.0.1.txt").write_text(rule, encoding="utf-8")
    return root


def entries(project: Path) -> dict[str, feedparser.FeedParserDict]:
    """The built Atom feed's entries by article name (the last part of their link)."""
    parsed = feedparser.parse((project / "public" / "metals.atom").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {re.sub(r"\.html$", "", e.link.rsplit("/", 1)[-1]): e for e in parsed.entries}


def test_update_turns_teaser_feeds_into_a_full_text_feed(
        site: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "p", site)
    assert main(["--project", str(project), "update"]) == 0        # a broken feed is a warning, not a failure
    err = capsys.readouterr().err
    assert "warning: " + site.url("/broken.rss") + ": not well-formed XML" in err
    assert "kept the 1 items that could be read" in err
    assert "7 new articles, 0 errors" in err and "1 off-host feed items skipped" in err
    assert "4 later pages of articles" in err                        # aluminium 2 and 3, zinc 2, cobalt's more

    found = entries(project)
    assert set(found) == set(PARAGRAPHS)
    everything = "\n".join(e.content[0].value for e in found.values())
    for name, markers in PARAGRAPHS.items():
        content = found[name].content[0].value
        assert [m for m in markers if content.count(m) != 1] == [], name
        assert [content.index(m) for m in markers] == sorted(content.index(m) for m in markers), name
        assert sum(everything.count(m) for m in markers) == len(markers), name      # not in another entry
    assert [w for w in NEVER if w in everything] == []
    assert check_feed(project / "public" / "metals.atom", self_url="https://feeds.example.org/metals.atom") == []

    # dated from the page (feeds say 6 March), the feed's date only where the page prints none
    assert found["copper-smelters"].published == "2024-03-04T09:15:00+08:00"
    assert found["aluminium-scrap"].published == "2024-03-05T10:20:00+08:00"   # 发布时间 on page 1 only
    assert found["tin-exports"].published == "2024-03-02T15:00:00+08:00"       # JSON Feed date_published
    # the page's author; the feed's where the page names none; the feed's categories
    assert found["copper-smelters"].author == "Wang Fang" and found["tin-exports"].author == "Zhao Lei"
    assert {"铝", "再生金属"} <= {t.term for t in found["aluminium-scrap"].tags}
    assert found["aluminium-scrap"].title == "再生铝行业回收量创新高"

    # what was fetched: each page once; duplicates, off-host items and what follows the break never
    for path in ("/news/copper-smelters.html", "/news/aluminium-scrap.html", "/news/aluminium-scrap_2.html",
                 "/news/aluminium-scrap_3.html", "/news/zinc-loop.html", "/news/zinc-loop_2.html",
                 "/news/cobalt-supply-more.html", "/news/tin-exports.html", "/news/lead-batteries.html"):
        assert site.count(path) == 1, path
    assert site.count("/news/never-read.html") == 0 and site.count("/news/after-the-break.html") == 0


def test_second_update_polls_the_feeds_conditionally_and_fetches_nothing_again(
        site: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "p", site)
    assert main(["--project", str(project), "-q", "update"]) == 0
    atom = (project / "public" / "metals.atom").read_bytes()
    before = len(site.hits)
    capsys.readouterr()
    assert main(["--project", str(project), "update"]) == 0
    again = [(h.path, h.status) for h in site.hits[before:]]
    assert sorted(again) == sorted([("/robots.txt", 304), ("/feed.rss", 304), ("/feed.atom", 304),
                                    ("/feed.json", 304), ("/broken.rss", 304)])
    assert all(h.headers.get("If-None-Match") for h in site.hits[before:])
    assert "0 new articles" in capsys.readouterr().err
    assert (project / "public" / "metals.atom").read_bytes() == atom


def test_without_the_fivefilters_file_the_generic_detector_still_joins_pages(
        site: FixtureSite, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", site)
    (project / "cleaners" / "127.0.0.1.txt").unlink()
    assert main(["--project", str(project), "-q", "update"]) == 0
    found = entries(project)
    everything = "\n".join(e.content[0].value for e in found.values())
    for name in ("aluminium-scrap", "zinc-loop"):            # `_2.html` and 下一页 / "Next page": joined
        assert all(found[name].content[0].value.count(m) == 1 for m in PARAGRAPHS[name]), name
    assert "COBALT-2" in everything and "COBALT-3" not in everything   # only its FiveFilters rule names page 2
    assert site.count("/news/cobalt-supply-more.html") == 0
    assert [w for w in NEVER if w in everything] == []


def test_check_lists_what_is_not_applied_and_runs_the_site_tests_on_stored_pages(
        site: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "p", site)
    rule = project / "cleaners" / "127.0.0.1.txt"
    assert main(["--project", str(project), "check"]) == 0      # nothing stored yet: no site test to run
    out = capsys.readouterr()
    assert f"warning: {rule}:12: wrap_in: not supported (ignored)" in out.err
    assert out.out.strip().endswith("0 config errors, 1 warnings")
    assert main(["--project", str(project), "-q", "update"]) == 0
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 1      # one test_contains is not on its page
    out = capsys.readouterr()
    assert (f"{rule}: test_url {site.url('/news/nickel-prices.html')}: the article does not contain "
            "'a sentence this page does not have'") in out.err
    assert "copper-smelters" not in out.err and out.out.strip().endswith("2 site tests (1 failed)")
    rule.write_text(rule.read_text(encoding="utf-8") + "titl: //h2\nbody: //div[contains(@class='x')]\n")
    assert main(["--project", str(project), "check"]) == 2      # our own file: FTR would skip these lines
    err = capsys.readouterr().err
    assert f"config error: {rule}:17: unknown directive 'titl' (did you mean 'title'?)" in err
    assert f"config error: {rule}:18: XPath \"//div[contains(@class='x')]\" cannot run: contains() takes 2" in err


def _articles(store_path: Path) -> dict[str, tuple[object, ...]]:
    from cleanfeed.store.db import Store

    with Store.open(store_path) as store:
        return {i.article.url or "": (i.id, i.article.title, i.article.text, i.article.published,
                                      i.article.author, i.article.categories) for i in store.newest(limit=100)}


def test_the_archive_gives_the_same_articles_back_through_add(site: FixtureSite, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", site)
    assert main(["--project", str(project), "-q", "crawl"]) == 0
    warcs = sorted((project / "archive").glob("*/*.warc.gz"))
    fresh = make_project(tmp_path / "fresh", site)
    site.quiet()                                                # a request the crawl gave up on lands first
    hits = len(site.hits)
    assert main(["--project", str(fresh), "-q", "add", *map(str, warcs)]) == 0
    assert len(site.hits) == hits                                          # offline: nothing fetched
    crawled = _articles(project / ".cleanfeed" / "store.sqlite")
    assert len(crawled) == 7 and _articles(fresh / ".cleanfeed" / "store.sqlite") == crawled
    # and into the same store: nothing changes (a later page is never an article of its own)
    assert main(["--project", str(project), "-q", "add", *map(str, warcs)]) == 0
    assert _articles(project / ".cleanfeed" / "store.sqlite") == crawled
