"""`cleanfeed add-feeds FILE`: a feed reader's OPML export → one site rule per site whose crawl starts are its
feeds, then `cleanfeed update` against the fixture site makes full-text feeds of them."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawlsite.server import FixtureSite

from cleanfeed.cli import main
from cleanfeed.rules.project import load_project

FULLTEXT = Path(__file__).resolve().parent / "crawlsite" / "fulltext"
FEED = 'title = "t"\nself_url = "https://feeds.example.org/"\n[author]\nname = "a"\nemail = "a@example.org"\n'
OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My subscriptions</title></head><body>
<outline text="Metals" title="Metals">
  <outline type="rss" text="Copper News" xmlUrl="https://copper.example.com/rss.xml" htmlUrl="https://www.copper.example.com/"/>
  <outline text="China"><outline type="rss" text="有色 网" title="有色网"
      xmlUrl="http://feeds.feedburner.com/youse" htmlUrl="https://news.youse.example.cn/"/></outline>
  <outline type="rss" text="Copper News (Atom)" xmlUrl="https://copper.example.com/atom.xml#x"/>
  <outline type="rss" text="again" xmlUrl="https://copper.example.com/rss.xml"/>
</outline>
<outline type="rss" text="relative" xmlUrl="/feed.xml"/>
<outline type="rss" text="Old site" xmlUrl="https://old.example.org/feed"/>
<outline text="an empty folder"/>
</body></opml>"""


def project(tmp_path: Path) -> Path:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "all.toml").write_text(FEED, encoding="utf-8")
    (tmp_path / "cleaners").mkdir()
    (tmp_path / "cleaners" / "old.toml").write_text(      # a site the project already crawls from its listing
        'hosts = ["old.example.org"]\n[crawl]\nstart_urls = ["https://old.example.org/news/"]\n'
        'article_links = ["a"]\n', encoding="utf-8")
    (tmp_path / "subs.opml").write_text(OPML, encoding="utf-8")
    return tmp_path


def test_one_rule_per_site_with_its_feeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    assert main(["--project", str(root), "add-feeds", str(root / "subs.opml")]) == 1    # one left out
    err = capsys.readouterr().err
    assert "left out: 'relative': feed URL '/feed.xml' is not an absolute http(s) URL" in err
    assert "old.example.org: " in err and "add it to its [crawl] start_urls" in err
    assert "6 subscriptions: wrote 2 site rules (3 feeds), 1 left out" in err
    copper = (root / "cleaners" / "copper.example.com.toml").read_text(encoding="utf-8")
    assert copper.startswith("# Copper News — from the subscriptions in subs.opml (folder: Metals)")
    rules = {r.name: r for r in load_project(root).rules.sites}
    assert rules["copper.example.com"].hosts == ("copper.example.com",)
    assert rules["copper.example.com"].crawl.start_urls == (                     # type: ignore[union-attr]
        "https://copper.example.com/rss.xml", "https://copper.example.com/atom.xml")
    youse = rules["news.youse.example.cn"]                                     # named after the site, not the feed host
    assert youse.crawl.start_urls == ("http://feeds.feedburner.com/youse",)   # type: ignore[union-attr]
    assert "(folder: Metals / China)" in (root / "cleaners" / "news.youse.example.cn.toml").read_text()
    assert main(["--project", str(root), "-q", "add-feeds", str(root / "subs.opml")]) == 1   # again: nothing new
    assert sorted(p.name for p in (root / "cleaners").iterdir()) == [
        "copper.example.com.toml", "news.youse.example.cn.toml", "old.toml"]


def test_dry_run_and_files_that_are_not_opml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    assert main(["--project", str(root), "add-feeds", "--dry-run", str(root / "subs.opml")]) == 1
    out = capsys.readouterr()
    assert "hosts = [\"copper.example.com\"]" in out.out and "would write 2 site rules" in out.err
    assert not (root / "cleaners" / "copper.example.com.toml").exists()
    for name, body in (("page.opml", "<html><body>no</body></html>"), ("broken.opml", "<opml><body>"),
                       ("bomb.opml", '<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body>&a;</body></opml>')):
        (root / name).write_text(body, encoding="utf-8")
        assert main(["--project", str(root), "add-feeds", str(root / name)]) == 2
    assert main(["--project", str(root), "add-feeds", str(root / "missing.opml")]) == 2
    err = capsys.readouterr().err
    assert "not an OPML file" in err and "not well-formed XML" in err and "cannot read" in err
    assert "no subscriptions in it" in err
    assert "Traceback" not in err


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite(root=FULLTEXT) as fixture:
        yield fixture


def test_from_subscriptions_to_a_full_text_feed(site: FixtureSite, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "all.toml").write_text(FEED, encoding="utf-8")
    (tmp_path / "subs.opml").write_text(f"""<opml version="1.0"><body>
<outline text="Non-Ferrous Daily" xmlUrl="{site.url('/feed.rss')}" htmlUrl="{site.url('/')}"/>
<outline text="Non-Ferrous Daily: Yunnan" xmlUrl="{site.url('/feed.json')}"/></body></opml>""", encoding="utf-8")
    assert main(["--project", str(tmp_path), "add-feeds", str(tmp_path / "subs.opml")]) == 0
    rule = tmp_path / "cleaners" / "127.0.0.1.toml"
    rule.write_text(rule.read_text().replace("# delay = 1.0", "delay = 0"), encoding="utf-8")   # a test's patience
    assert main(["--project", str(tmp_path), "update"]) == 0
    assert "5 new articles, 0 errors" in capsys.readouterr().err
    atom = (tmp_path / "public" / "all.atom").read_text(encoding="utf-8")
    assert all(m in atom for m in ("COPPER-3", "铝丙二", "ZINC-4", "COBALT-2", "TIN-2"))
    assert not re.search("TEASER|Advertisement|Sponsored", atom)


def test_init_from_opml_makes_a_project_whose_sites_crawl_the_feeds(tmp_path: Path) -> None:
    (tmp_path / "subs.opml").write_text(OPML, encoding="utf-8")
    root = tmp_path / "news"
    assert main(["-q", "init", str(root), "--from-opml", str(tmp_path / "subs.opml")]) == 1   # one left out
    project = load_project(root)
    starts = {u for r in project.rules.sites if r.crawl for u in r.crawl.start_urls}
    assert {"https://copper.example.com/rss.xml", "http://feeds.feedburner.com/youse"} <= starts
    assert project.feeds                                       # the scaffold's feed is there too
    assert main(["-q", "--project", str(root), "check"]) == 0


def test_init_from_a_file_that_is_not_opml_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "subs.opml").write_text("<html><body>not a subscription list</body></html>", encoding="utf-8")
    root = tmp_path / "news"
    assert main(["-q", "init", str(root), "--from-opml", str(tmp_path / "subs.opml")]) == 2
    assert not root.exists() or not any(root.iterdir())
    assert main(["-q", "init", str(root), "--from-opml", str(tmp_path / "missing.opml")]) == 2
