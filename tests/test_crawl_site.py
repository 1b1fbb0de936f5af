"""`cleanfeed crawl` / `update` end to end against the fixture site (tests/crawlsite), served on 127.0.0.1.

One crawl of a two-site project (English listing with every misbehaving endpoint, a GBK Chinese listing
with relative links and `index_2.html` pagination) is checked for what it fetched, stored, archived and
reported; a second run for conditional GET and incrementality; the archive for `cleanfeed add`.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from crawlsite.server import FixtureSite

from cleanfeed.cli import main
from cleanfeed.commands import crawl as crawl_command
from cleanfeed.store.db import Store

log = logging.getLogger(__name__)

EN_ARTICLES = {"copper-prices", "aluminium-scrap", "zinc-output", "flaky", "busy", "nickel-demand"}
ZH_ARTICLES = {"guonei-tongjia", "lvjia-zoushi", "xitu-chukou"}
FEED = """title = "Metals"
self_url = "https://feeds.example.org/"
timezone = "Asia/Shanghai"
[author]
name = "test"
email = "test@example.org"
"""


def _project(root: Path, base: str, *, en_delay: float = 0.0) -> Path:
    (root / "cleaners").mkdir(parents=True)
    (root / "feeds").mkdir()
    (root / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    (root / "cleaners" / "metals-daily.toml").write_text(f"""
fingerprints = ["Metals Daily"]
[crawl]
start_urls = ["{base}/en/index.html"]
article_links = ["ul.news a"]
next_page = ["a.next"]
delay = {en_delay}
contact = "https://example.org/cleanfeed-test"
""", encoding="utf-8")
    (root / "cleaners" / "youse.toml").write_text(f"""
fingerprints = ["有色金属网"]
[crawl]
start_urls = ["{base}/zh/index.html"]
article_url_patterns = ['/zh/[a-z-]+\\.html$']
next_page = ['div.page a:-soup-contains("下一页")']
max_pages = 10
delay = 0
""", encoding="utf-8")
    return root


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite(slow=1.0) as fixture:
        yield fixture


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small timeouts and backoff so the slow endpoint and the retries cost about a second."""
    monkeypatch.setattr(crawl_command, "CONFIG", replace(
        crawl_command.CONFIG, read_timeout=0.3, connect_timeout=2, retries=1, backoff=0.05,
        max_bytes=256 * 1024))


def _stored(store_path: Path) -> dict[str, dict[str, object]]:
    """url → the article fields that must survive a round trip through the archive."""
    with Store.open(store_path) as store:
        items = store.newest(limit=1000)
    return {i.article.url or "": {"title": i.article.title, "text": i.article.text,
                                  "published": i.article.published, "fetched_at": i.article.fetched_at,
                                  "language": i.article.language} for i in items}


def _names(urls: object) -> set[str]:
    return {str(u).rsplit("/", 1)[-1].removesuffix(".html") for u in urls}  # type: ignore[attr-defined]


def _seed_stored_article(project: Path, site: FixtureSite) -> None:
    """The store already holds /en/stored.html (from an earlier `cleanfeed add`)."""
    page = project / "stored.html"
    page.write_bytes((site.root / "en" / "stored.html").read_bytes())
    page.with_name("stored.html.meta.json").write_text(json.dumps(
        {"url": site.url("/en/stored.html"), "fetched_at": "2024-03-01T00:00:00Z"}), encoding="utf-8")
    assert main(["--project", str(project), "-q", "add", str(page)]) == 0


@pytest.mark.slow
def test_crawl_fetches_politely_stores_new_articles_and_reports(
        site: FixtureSite, fast: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", site.base)
    _seed_stored_article(project, site)
    capsys.readouterr()

    code = main(["--project", str(project), "crawl"])
    err = capsys.readouterr().err
    log.info("first crawl stderr:\n%s", err)
    assert code == 1                                             # the slow, loop and big pages failed
    stored = _stored(project / ".cleanfeed" / "store.sqlite")
    assert _names(stored) == EN_ARTICLES | ZH_ARTICLES | {"stored"}
    # fragments and tracking parameters are gone from stored URLs
    assert site.url("/en/zinc-output.html") in stored and site.url("/en/aluminium-scrap.html") in stored
    # what was fetched: robots.txt once per host, never /private/, stored article not again, each article once
    assert site.count("/robots.txt") == 1
    assert site.count("/private/draft.html") == 0
    assert site.count("/en/stored.html") == 0
    assert site.count("/en/copper-prices.html") == 1             # linked from both listing pages
    assert site.statuses("/en/flaky.html") == [500, 200]        # retried after the 500
    assert site.statuses("/en/busy.html") == [429, 200]         # retried after Retry-After
    assert site.count("/en/loop.html") == 1 and site.count("/en/loop2.html") == 1   # loop stopped
    assert not [h for h in site.hits if "elsewhere" in h.path or "about" in h.path or "javascript" in h.path]
    assert all("cleanfeed/" in h.headers.get("User-Agent", "") for h in site.hits)
    assert all("+https://example.org/cleanfeed-test" in h.headers["User-Agent"]
               for h in site.hits if h.path.startswith("/en/"))
    # errors named with URL and reason; the summary line
    assert "slow.html: timed out" in err
    assert "loop.html: redirect loop" in err
    assert "big.html: body larger than 262,144 bytes" in err
    assert "2 sites, 16 listing/article fetches, 9 new articles, 3 errors (1 already stored, 1 disallowed" in err
    # GBK listing and GBK article decoded; relative links resolved
    zh = stored[site.url("/zh/guonei-tongjia.html")]
    assert zh["title"] == "国内铜价小幅上涨 冶炼厂减产支撑市场" and "冶炼企业" in str(zh["text"])
    assert zh["language"] == "zh-CN"
    # the fetch time is the article's fetched_at
    assert all(a["fetched_at"] is not None for a in stored.values())


def test_second_run_uses_conditional_get_and_fetches_nothing_new(
        site: FixtureSite, fast: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", site.base)
    main(["--project", str(project), "crawl", "youse"])
    before = _stored(project / ".cleanfeed" / "store.sqlite")
    first = len(site.hits)
    capsys.readouterr()

    assert main(["--project", str(project), "crawl", "youse"]) == 0
    err = capsys.readouterr().err
    second = site.hits[first:]
    log.info("second run: %s", [(h.path, h.status) for h in second])
    # listing page fetched again, with the validators of the first run, and answered 304;
    # no article fetched again, and the next page not followed (nothing new on page 1)
    assert [(h.path, h.status) for h in second] == [("/robots.txt", 304), ("/zh/index.html", 304)], err
    assert all(h.headers.get("If-None-Match") for h in second)
    assert "1 site, 1 listing/article fetches, 0 new articles, 0 errors (1 not modified, 2 already stored)" in err
    assert _stored(project / ".cleanfeed" / "store.sqlite") == before

    # --refresh fetches the articles again: conditionally, so unchanged ones answer 304
    assert main(["--project", str(project), "crawl", "youse", "--refresh"]) == 0
    third = [(h.path, h.status) for h in site.hits[first + 2:]]
    assert ("/zh/guonei-tongjia.html", 304) in third and ("/zh/xitu-chukou.html", 304) in third
    assert capsys.readouterr().err.count("0 new articles") == 1


@pytest.mark.slow
def test_archive_reproduces_the_articles_through_cleanfeed_add(
        site: FixtureSite, fast: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", site.base)
    main(["--project", str(project), "-q", "crawl"])
    warcs = sorted((project / "archive").glob("*/*.warc.gz"))
    assert {w.parent.name for w in warcs} == {"metals-daily", "youse"}
    fresh = _project(tmp_path / "fresh", site.base)
    site.quiet()                                                # a request the crawl gave up on lands first
    hits = len(site.hits)
    main(["--project", str(fresh), "-q", "add", *map(str, warcs)])
    assert len(site.hits) == hits                               # offline: nothing fetched
    crawled = _stored(project / ".cleanfeed" / "store.sqlite")
    added = _stored(fresh / ".cleanfeed" / "store.sqlite")
    assert added == crawled and _names(added) == EN_ARTICLES | ZH_ARTICLES | {"stored"}
    # every request and response is in the archive: the 500, the 429 and the redirects included
    from warcio.archiveiterator import ArchiveIterator
    records = []
    for warc in warcs:
        with open(warc, "rb") as handle:
            records += [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                         r.http_headers.get_statuscode() if r.http_headers and r.rec_type == "response" else None,
                         r.rec_headers.get_header("WARC-Truncated")) for r in ArchiveIterator(handle)]
    responses = [(u.replace(site.base, ""), s, t) for kind, u, s, t in records if kind == "response"]
    requests = [u for kind, u, _, _ in records if kind == "request"]
    assert len(requests) == len(responses)
    assert ("/en/flaky.html", "500", None) in responses and ("/en/busy.html", "429", None) in responses
    assert ("/en/loop2.html", "302", None) in responses and ("/en/big.html", "200", "length") in responses


def test_one_failing_site_does_not_stop_the_others(
        site: FixtureSite, fast: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", site.base)
    (project / "cleaners" / "gone.toml").write_text(
        '[crawl]\nstart_urls = ["http://127.0.0.1:9/news/"]\narticle_url_patterns = ["/news/"]\ndelay = 0\n',
        encoding="utf-8")
    assert main(["--project", str(project), "crawl", "gone", "youse"]) == 1
    err = capsys.readouterr().err
    assert "gone: http://127.0.0.1:9/robots.txt" not in err     # robots unreachable is named on the start page
    assert "gone: http://127.0.0.1:9/news/: robots.txt unreachable" in err
    assert "2 sites, 5 listing/article fetches, 3 new articles, 1 errors" in err
    assert _names(_stored(project / ".cleanfeed" / "store.sqlite")) == ZH_ARTICLES


def test_unknown_site_and_site_without_crawl_are_usage_errors(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", "http://127.0.0.1:9")
    (project / "cleaners" / "plain.toml").write_text('timezone = "Asia/Shanghai"\n', encoding="utf-8")
    assert main(["--project", str(project), "crawl", "nosuch"]) == 2
    assert main(["--project", str(project), "crawl", "plain"]) == 2
    err = capsys.readouterr().err
    assert "no site rule named 'nosuch'" in err and "'plain' has no [crawl] section" in err


def test_update_crawls_the_feeds_sites_then_builds(
        site: FixtureSite, fast: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path / "p", site.base)
    feed = project / "feeds" / "metals.toml"
    feed.write_text(FEED.replace('timezone', 'sites = ["youse"]\ntimezone'), encoding="utf-8")
    assert main(["--project", str(project), "update"]) == 0
    assert site.count("/en/index.html") == 0                    # not a site of the feeds
    atom = (project / "public" / "metals.atom").read_text(encoding="utf-8")
    assert "稀土出口量同比增长" in atom and "再生铝价格走势平稳" in atom
    assert "1 site, 5 listing/article fetches, 3 new articles, 0 errors" in capsys.readouterr().err


@pytest.mark.slow
def test_per_host_delay_is_kept_across_sites(site: FixtureSite, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sites on one host: the larger delay holds between every pair of requests, whichever site."""
    monkeypatch.setattr(crawl_command, "CONFIG", replace(crawl_command.CONFIG, delay=0.0))
    project = _project(tmp_path / "p", site.base, en_delay=0.25)
    (project / "cleaners" / "metals-daily.toml").write_text(
        (project / "cleaners" / "metals-daily.toml").read_text(encoding="utf-8")
        .replace("start_urls", 'max_pages = 3\nstart_urls'), encoding="utf-8")
    (project / "cleaners" / "youse.toml").write_text(
        (project / "cleaners" / "youse.toml").read_text(encoding="utf-8").replace("max_pages = 10", "max_pages = 3"),
        encoding="utf-8")
    main(["--project", str(project), "-q", "crawl"])
    times = [h.at for h in site.hits]
    gaps = [round(b - a, 3) for a, b in itertools.pairwise(times)]
    log.info("request gaps on 127.0.0.1 (delay 0.25 s, sites metals-daily then youse): %s", gaps)
    assert len(gaps) == 6                                       # robots.txt + 3 pages per site
    # measured on the server; only a loose lower bound is asserted (sleep never ends early)
    assert min(gaps) > 0.15


@pytest.mark.skipif(not shutil.which("wget") and not os.environ.get("CI"), reason="wget is not installed")
def test_wget_warc_of_the_fixture_site_gives_the_same_articles(site: FixtureSite, fast: None, tmp_path: Path) -> None:
    project = _project(tmp_path / "p", site.base)
    main(["--project", str(project), "-q", "crawl", "youse"])
    crawled = _stored(project / ".cleanfeed" / "store.sqlite")
    urls = [site.url(f"/zh/{n}.html") for n in ("index", "index_2", *sorted(ZH_ARTICLES))]
    subprocess.run(["wget", "-q", "--tries=1", "--timeout=10", "--warc-file=wget", "-O", os.devnull, *urls],
                   cwd=tmp_path, timeout=60, check=False)
    fresh = _project(tmp_path / "fresh", site.base)
    main(["--project", str(fresh), "-q", "add", str(tmp_path / "wget.warc.gz")])
    added = _stored(fresh / ".cleanfeed" / "store.sqlite")
    assert set(added) == set(crawled)
    for url, article in added.items():
        # same article; only the fetch time differs (wget fetched later)
        assert {k: v for k, v in article.items() if k != "fetched_at"} == \
               {k: v for k, v in crawled[url].items() if k != "fetched_at"}


def test_cache_file_is_separate_from_the_store(site: FixtureSite, fast: None, tmp_path: Path) -> None:
    project = _project(tmp_path / "p", site.base)
    main(["--project", str(project), "-q", "crawl", "youse"])
    cache = sqlite3.connect(project / ".cleanfeed" / "http-cache.sqlite")
    rows = dict(cache.execute("SELECT url, etag FROM validators").fetchall())
    cache.close()
    assert rows[site.url("/zh/index.html")].startswith('"')


def test_overlapping_crawl_of_one_project_stops_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cleanfeed.crawl.run import crawl_lock
    from cleanfeed.rules.project import load_project

    project = _project(tmp_path / "p", "http://127.0.0.1:9")
    with crawl_lock(load_project(project)):
        assert main(["--project", str(project), "crawl"]) == 1
    assert "another crawl of this project is running" in capsys.readouterr().err
