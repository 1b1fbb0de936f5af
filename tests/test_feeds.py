"""Feed validity by construction: the seed project's build, and every rule of DESIGN.md "Feeds" on
synthetic stores (pages with and without dates, URLs, relative links, illegal characters). The synthetic
projects and stores come from helpers.feeds; the validity checks from helpers.feedcheck."""
from __future__ import annotations

import contextlib
import json
import re
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from html import escape as html_escape
from pathlib import Path

import feedparser
import pytest
from helpers.feedcheck import MOJIBAKE_LEADS, check_feed
from helpers.feeds import (
    ATOM,
    CONTENT,
    CST,
    DC,
    REPO,
    SELF_BASE,
    T0,
    article,
    assert_feeds_clean,
    fill,
    output_files,
    page,
    project_with,
    seed_project,
    spec,
    text_page,
    xml,
    xml_bytes,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleanfeed.errors import RecordError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.model import Article, FoundDate, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.publish.output import publish, render
from cleanfeed.rules.project import Project, load_project
from cleanfeed.store.db import Store
from cleanfeed.store.ingest import ingest

# ----------------------------------------------------------------------------- the seed project

@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cleanfeed.cli import main
    root = seed_project(tmp_path_factory.mktemp("seedproject"))
    assert main(["-q", "--project", str(root), "build"]) == 0
    return root


@pytest.fixture(scope="module")
def seed_articles(seed_build: Path) -> list[Article]:
    """What the cleaner makes of each seed right now (the dates engine may or may not find a date)."""
    project = load_project(seed_build)
    pages = iter_pages([str(p) for p in sorted((seed_build / "seeds").glob("*.txt"))])
    return [clean_page(p, project.rules, timezone=project.timezone) for p in pages if isinstance(p, Page)]


def test_seed_build_writes_every_file(seed_build: Path) -> None:
    names = output_files(seed_build / "public")
    feeds = [f"recycled-metals-{lang}.{fmt}" for lang in ("en", "zh") for fmt in ("atom", "rss", "json")]
    assert sorted(n for n in names if "/" not in n) == sorted(["feeds.opml", "index.html", "style.css", *feeds])
    entries = [e for lang in ("en", "zh") for e in
               xml(seed_build / "public" / f"recycled-metals-{lang}.atom").findall(f"{ATOM}entry")]
    pages = sorted(n for n in names if n.startswith("items/"))
    assert len(pages) == len(entries) == 5 and all(n.endswith(".html") for n in pages)


def test_seed_feeds_pass_the_feed_checks(seed_build: Path) -> None:
    out = seed_build / "public"
    assert_feeds_clean(sorted(out.glob("*.atom")) + sorted(out.glob("*.rss")))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_seed_feeds_round_trip_through_feedparser(seed_build: Path, seed_articles: list[Article], lang: str) -> None:
    project = load_project(seed_build)
    feed_spec = project.feed(f"recycled-metals-{lang}")
    assert feed_spec is not None
    expected = [a for a in seed_articles if a.language.split("-")[0] == lang]
    assert expected, "the seeds hold articles in both languages"
    data = json.loads((seed_build / "public" / f"recycled-metals-{lang}.json").read_text("utf-8"))
    json_ids = [i["id"] for i in data["items"]]
    for fmt, version in (("atom", "atom10"), ("rss", "rss20")):
        parsed = feedparser.parse((seed_build / "public" / f"recycled-metals-{lang}.{fmt}").read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == version
        assert len(parsed.entries) == len(expected)
        assert [e.id for e in parsed.entries] == json_ids
        assert all(re.fullmatch(rf"tag:feeds\.example\.org,\d{{4}}-\d\d-\d\d:recycled-metals-{lang}/[ut][0-9a-f]{{16}}",
                                e.id) for e in parsed.entries)
        assert {e.title for e in parsed.entries} == {a.title for a in expected}
        by_title = {a.title: a for a in expected}
        for entry in parsed.entries:
            published = by_title[entry.title].published
            if fmt == "atom":
                assert entry.get("updated_parsed")
            if published is None:
                assert "published" not in entry
            else:
                assert tuple(entry.published_parsed)[:6] == published.value.astimezone(UTC).timetuple()[:6]


def test_seed_languages_are_bcp47(seed_build: Path) -> None:
    out = seed_build / "public"
    assert xml(out / "recycled-metals-zh.atom").get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    assert xml(out / "recycled-metals-zh.rss").findtext("channel/language") == "zh-CN"
    assert json.loads((out / "recycled-metals-zh.json").read_text("utf-8"))["language"] == "zh-CN"
    assert "zh_CN" not in "".join(p.read_text("utf-8") for p in output_files(out).values())


def test_seed_build_twice_gives_same_bytes(seed_build: Path) -> None:
    """No "now" anywhere: a second build (cleaning and storing again) changes no byte."""
    from cleanfeed.cli import main
    out = seed_build / "public"
    before = {name: p.read_bytes() for name, p in output_files(out).items()}
    assert main(["-q", "--project", str(seed_build), "build"]) == 0
    assert {name: p.read_bytes() for name, p in output_files(out).items()} == before


def test_every_output_parses(seed_build: Path) -> None:
    out = seed_build / "public"
    for path in list(out.glob("*.atom")) + list(out.glob("*.rss")) + [out / "feeds.opml"]:
        xml(path)
    doc = etree.fromstring((out / "index.html").read_bytes(), etree.HTMLParser())
    hrefs = {(link.get("type"), link.get("href")) for link in doc.iter("link") if link.get("rel") == "alternate"}
    for slug in ("recycled-metals-en", "recycled-metals-zh"):
        assert ("application/atom+xml", f"{slug}.atom") in hrefs
        assert ("application/rss+xml", f"{slug}.rss") in hrefs
        assert ("application/feed+json", f"{slug}.json") in hrefs
    outlines = xml(out / "feeds.opml").findall("body/outline")
    assert [o.get("xmlUrl") for o in outlines] == [f"https://feeds.example.org/recycled-metals-{lang}.atom"
                                                   for lang in ("en", "zh")]


def _entry_links(out: Path, slug: str) -> dict[str, list[str]]:
    """Every entry's link in each format of one feed."""
    feed = json.loads((out / f"{slug}.json").read_text("utf-8"))
    return {
        "atom": [next((link.get("href") for link in e.findall(f"{ATOM}link")
                       if link.get("rel", "alternate") == "alternate"), "")
                 for e in xml(out / f"{slug}.atom").findall(f"{ATOM}entry")],
        "rss": [i.findtext("link") or "" for i in xml(out / f"{slug}.rss").findall("channel/item")],
        "json": [i.get("url") or "" for i in feed["items"]],
    }


def test_every_entry_has_an_absolute_link_that_resolves(seed_build: Path) -> None:
    """Seeds have no URL: each entry links to its own page in public/items/, listed in index.html."""
    out = seed_build / "public"
    doc = etree.fromstring((out / "index.html").read_bytes(), etree.HTMLParser())
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    hrefs = {a.get("href") for a in doc.iter("a")}
    for slug in ("recycled-metals-en", "recycled-metals-zh"):
        links = _entry_links(out, slug)
        assert links["atom"] and links["atom"] == links["rss"] == links["json"]
        for link in links["atom"]:
            assert re.match(r"https?://[^/#]+/", link), link
            own = link.removeprefix("https://feeds.example.org/")
            assert re.fullmatch(rf"items/{slug}-[a-z0-9]+\.html", own) and (out / own).is_file(), link
            assert own in hrefs and own[len("items/"):-len(".html")] in ids, link
        guids = xml(out / f"{slug}.rss").findall("channel/item/guid")
        assert guids and all(g.get("isPermaLink") == "false" and g.text.startswith("tag:") for g in guids)


def test_entries_with_a_url_link_to_it_and_the_others_to_index(mixed: Project) -> None:
    links = _entry_links(mixed.out_dir, "test")
    assert all(re.match(r"https?://[^/#]+/", link) for fmt in links.values() for link in fmt), links
    assert "https://news.example.com/a/1.html" in links["atom"]
    own = [link for link in links["atom"] if link != "https://news.example.com/a/1.html"]
    assert len(own) == 5
    for link in own:
        assert link.startswith("https://feeds.example.org/items/test-"), link
        assert (mixed.out_dir / link.removeprefix("https://feeds.example.org/")).is_file(), link


# ----------------------------------------------------------------------------- rules on synthetic stores

@pytest.fixture
def mixed(tmp_path: Path) -> Project:
    """Six articles: dated and undated, with and without URL, relative links, bad characters, no title."""
    project = project_with(tmp_path, spec(categories=("Metals",)))
    rel_html = ('<p>See <a href="/prices?x=1">prices</a> and <img src="img/chart.png" alt="chart"> '
                '<a href="#n">n</a></p>')
    items = [
        (page(1, url="https://news.example.com/a/1.html"), article(1, url="https://news.example.com/a/1.html",
                                                                html=rel_html, author="Li Wei", site="example")),
        (page(2), article(2, html=rel_html)),                                   # no URL: relative links go
        (page(3, fetched_at=T0 + timedelta(days=1)),
         article(3, published=FoundDate(datetime(2024, 3, 1, tzinfo=CST), "header"))),
        (page(4), article(4, title="Bad\x01 title\u200b with \ufffd", text="Text\x0b with \x1f controls " * 5,
                          html="<p>Text\x0b with\x1f controls</p>", summary="sum\x00mary <b>not markup</b> & co")),
        (page(5), article(5, title="   ")),                                    # no headline at all
        (page(6, fetched_at=T0 - timedelta(days=2)), article(6)),
    ]
    fill(project, items)
    publish(project)
    return project


def test_synthetic_feeds_pass_the_feed_checks(mixed: Project) -> None:
    assert_feeds_clean([mixed.out_dir / "test.atom", mixed.out_dir / "test.rss"])


def test_self_link_equals_configured_url_and_comes_first(mixed: Project) -> None:
    atom = xml(mixed.out_dir / "test.atom")
    links = atom.findall(f"{ATOM}link")
    assert (links[0].get("rel"), links[0].get("href")) == ("self", "https://feeds.example.org/test.atom")
    assert (links[1].get("rel"), links[1].get("href")) == ("alternate", "https://example.org/")
    channel = xml(mixed.out_dir / "test.rss").find("channel")
    assert channel.findtext("link") == "https://example.org/"                # the alternate, not the self link
    assert channel.find(f"{ATOM}link").get("href") == "https://feeds.example.org/test.rss"
    assert json.loads((mixed.out_dir / "test.json").read_text())["feed_url"] == "https://feeds.example.org/test.json"


def test_entry_updated_unique_and_feed_updated_is_newest(mixed: Project) -> None:
    atom = xml(mixed.out_dir / "test.atom")
    updated = [e.findtext(f"{ATOM}updated") for e in atom.findall(f"{ATOM}entry")]
    assert len(set(updated)) == len(updated) == 6          # pages 1, 2, 4, 5 share a fetch time
    parsed = [datetime.fromisoformat(u) for u in updated]
    assert datetime.fromisoformat(atom.findtext(f"{ATOM}updated")) == max(parsed)
    assert all(u.utcoffset() == timedelta(hours=8) for u in parsed)        # the feed's zone, RFC 3339 offset


def test_published_only_when_the_article_has_a_date(mixed: Project) -> None:
    atom = xml(mixed.out_dir / "test.atom")
    published = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}published") for e in atom.findall(f"{ATOM}entry")}
    assert published["Article 3"] == "2024-03-01T00:00:00+08:00"
    assert [t for t, p in published.items() if p is not None] == ["Article 3"]
    items = xml(mixed.out_dir / "test.rss").findall("channel/item")
    assert [i.findtext("title") for i in items if i.find("pubDate") is not None] == ["Article 3"]
    third = items[[i.findtext("title") for i in items].index("Article 3")]
    assert third.findtext("pubDate") == "Fri, 01 Mar 2024 00:00:00 +0800"
    jitems = json.loads((mixed.out_dir / "test.json").read_text())["items"]
    assert [i["title"] for i in jitems if "date_published" in i] == ["Article 3"]


def test_order_is_published_else_first_seen_newest_first(mixed: Project) -> None:
    entries = xml(mixed.out_dir / "test.atom").findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    # undated pages sort by first seen (T0, then T0 - 2 days); page 3, first seen a day after T0,
    # sorts by its own date, 2024-03-01, which is older than both
    assert titles[-2:] == ["Article 6", "Article 3"]
    assert set(titles[:4]) >= {"Article 1", "Article 2"}
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries[:4]]
    assert updated == sorted(updated, reverse=True)                      # ties on first seen: newest change first


def test_content_is_html_with_absolute_urls(mixed: Project) -> None:
    entries = {e.findtext(f"{ATOM}title"): e for e in xml(mixed.out_dir / "test.atom").findall(f"{ATOM}entry")}
    content = entries["Article 1"].find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert 'href="https://news.example.com/prices?x=1"' in content.text
    assert 'src="https://news.example.com/a/img/chart.png"' in content.text
    assert 'href="https://news.example.com/a/1.html#n"' in content.text
    no_url = entries["Article 2"].find(f"{ATOM}content").text
    assert "prices" in no_url and "href" not in no_url and "<img" not in no_url
    no_url_link = entries["Article 2"].find(f"{ATOM}link").get("href")      # our copy, not an invented page URL
    assert no_url_link.startswith("https://feeds.example.org/items/test-")
    rss = {i.findtext("title"): i for i in xml(mixed.out_dir / "test.rss").findall("channel/item")}
    assert 'href="https://news.example.com/prices?x=1"' in rss["Article 1"].findtext(CONTENT)


def test_no_illegal_characters_and_no_empty_titles(mixed: Project) -> None:
    raw = "".join(p.read_text("utf-8") for p in output_files(mixed.out_dir).values())
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ufffd\u200b]", raw)
    for fmt in ("atom", "rss"):
        parsed = feedparser.parse((mixed.out_dir / f"test.{fmt}").read_bytes())
        assert all(e.title.strip() for e in parsed.entries)
    assert "Bad title with" in raw


def test_rss_item_fields(mixed: Project) -> None:
    items = {i.findtext("title"): i for i in xml(mixed.out_dir / "test.rss").findall("channel/item")}
    one = items["Article 1"]
    assert one.findtext("link") == "https://news.example.com/a/1.html"
    assert one.find("guid").get("isPermaLink") == "false"
    assert one.findtext(DC) == "Li Wei"
    assert one.findtext("category") == "example"
    assert "<p>" in one.findtext(CONTENT)
    assert "<" not in one.findtext("description")                           # plain text
    four = items["Bad title with"].findtext("description")
    assert four == "summary &lt;b&gt;not markup&lt;/b&gt; &amp; co"          # plain text, escaped for HTML readers
    assert items["Article 2"].findtext(DC) == "Tester"                      # the feed's author when the page has none
    assert xml(mixed.out_dir / "test.rss").findtext("channel/category") == "Metals"


def test_feed_author_and_ids(mixed: Project) -> None:
    atom = xml(mixed.out_dir / "test.atom")
    assert atom.findtext(f"{ATOM}author/{ATOM}name") == "Tester"
    ids = [e.findtext(f"{ATOM}id") for e in atom.findall(f"{ATOM}entry")]
    assert len(set(ids)) == 6 and all(i.startswith("tag:feeds.example.org,2024-03-0") and ":test/" in i for i in ids)


def test_json_feed_required_fields(mixed: Project) -> None:
    data = json.loads((mixed.out_dir / "test.json").read_text("utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and isinstance(data["items"], list) and len(data["items"]) == 6
    assert data["authors"][0]["name"] == "Tester"
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text")
        datetime.fromisoformat(item["date_modified"])
    atom_ids = [e.findtext(f"{ATOM}id") for e in xml(mixed.out_dir / "test.atom").findall(f"{ATOM}entry")]
    assert [i["id"] for i in data["items"]] == atom_ids


def test_same_store_same_bytes(mixed: Project, tmp_path: Path) -> None:
    """feedgen defaults `updated` to now(): two publishes moments apart must still agree byte for byte."""
    first = publish(mixed, tmp_path / "a")
    second = publish(mixed, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_entry_ids_are_per_feed(tmp_path: Path) -> None:
    project = project_with(tmp_path, spec("one"), spec("two"))
    fill(project, [(page(1), article(1))])
    with Store.open(project.store_path) as store:
        files = render(project, store)
    one = xml_bytes(files["one.atom"]).find(f"{ATOM}entry").findtext(f"{ATOM}id")
    two = xml_bytes(files["two.atom"]).find(f"{ATOM}entry").findtext(f"{ATOM}id")
    assert one != two and one.rsplit("/", 1)[1] == two.rsplit("/", 1)[1]


def test_filters_language_sites_keywords_and_max_items(tmp_path: Path) -> None:
    feeds = (spec("zh", languages=("zh",)), spec("site", sites=("cmra",)),
             spec("kw", include=("COPPER",), exclude=("tin",)), spec("few", max_items=2))
    project = project_with(tmp_path, *feeds)
    fill(project, [
        (page(1), article(1, language="zh-CN", text="再生铝项目开工。" * 10)),
        (page(2), article(2, language="zh-TW", text="再生鋁項目開工。" * 10)),
        (page(3), article(3, site="cmra", text="copper and tin " * 10)),
        (page(4), article(4, text="Copper only, nothing else " * 5)),
        (page(5), article(5, text="Aluminium only " * 10)),
    ])
    with Store.open(project.store_path) as store:
        files = render(project, store)

    def titles(name: str) -> list[str]:
        return [e.findtext(f"{ATOM}title") for e in xml_bytes(files[name]).findall(f"{ATOM}entry")]
    assert sorted(titles("zh.atom")) == ["Article 1", "Article 2"]
    assert titles("site.atom") == ["Article 3"]
    assert titles("kw.atom") == ["Article 4"]
    assert len(titles("few.atom")) == 2
    kw_categories = [c.get("term") for c in xml_bytes(files["kw.atom"]).iter(f"{ATOM}category")]
    assert "COPPER" in kw_categories


def test_empty_feed_is_valid_and_never_says_now(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    paths = publish(project)
    atom = xml(project.out_dir / "test.atom")
    assert atom.findtext(f"{ATOM}updated").startswith("1970-01-01")
    assert_feeds_clean([p for p in paths if p.suffix in (".atom", ".rss")])


def test_only_one_module_imports_feedgen() -> None:
    importers = [p.relative_to(REPO).as_posix() for p in (REPO / "cleanfeed").rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+feedgen", p.read_text("utf-8"), re.MULTILINE)]
    assert importers == ["cleanfeed/publish/xmlfeeds.py"]


def test_ingest_reports_failures_and_keeps_going(tmp_path: Path) -> None:
    from cleanfeed.errors import InputError
    project = project_with(tmp_path)
    good = Page(body=text_page("Copper climbs", 1), source="good.txt", fetched_at=T0)
    report = ingest(project, [good, Page(body=b"", source="empty.txt"), InputError("no such file", source="gone.txt")],
                    progress=False)
    assert report.pages == 3 and report.articles == 1
    assert [f.source for f in report.failures] == ["empty.txt", "gone.txt"]
    assert report.results[0].status == "new"


# ----------------------------------------------------------------------------- any article gives a valid feed

# Any text but the first letters of mojibake ("Â¡", "â€™", "锟斤拷"): a title that is mojibake already is the
# source's fault, the feed keeps it, and helpers.feedcheck rightly warns.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=MOJIBAKE_LEADS), max_size=40)
FRAGMENTS = st.sampled_from(['<a href="/rel/x">r</a>', '<img src="i.png" alt="i">', '<a href="#f">f</a>',
                             '<a href="https://abs.example/x">a</a>', '<a href="data:text/html,x">d</a>',
                             '<img src="data:image/png;base64,AAAA">', "<p>plain</p>", "<b>b</b>"])


@st.composite
def stored_articles(draw: st.DrawFn) -> Article:
    text = draw(ANY_TEXT)
    body = "".join(draw(st.lists(FRAGMENTS, max_size=4))) + f"<p>{html_escape(text)}</p>"
    offset = timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60)), seconds=draw(st.sampled_from([0, 17])))
    published = draw(st.none() | st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2030, 1, 1)))
    return Article(title=draw(ANY_TEXT), text=text or "x", html=body, summary=draw(ANY_TEXT),
                   language=draw(st.sampled_from(["en", "zh-CN", "zh_TW", "und", "", "x"])),
                   url=draw(st.sampled_from([None, "https://ex.com/a/b.html", "http://ex.com/ü?q=1"])),
                   author=draw(st.none() | ANY_TEXT), site=draw(st.none() | ANY_TEXT),
                   published=FoundDate(published.replace(tzinfo=timezone(offset)), "test") if published else None)


@settings(max_examples=25, deadline=None)
@given(st.lists(stored_articles(), min_size=1, max_size=4))
def test_any_stored_articles_give_feeds_without_feedcheck_findings(articles: list[Article]) -> None:
    """Whatever the store's gate lets in (it refuses, say, language "x" or a date after the fetch), the
    writers turn into valid feeds."""
    with tempfile.TemporaryDirectory() as tmp:
        project = project_with(Path(tmp), spec(categories=("Metals",)))
        with Store.open(project.store_path) as store:
            for n, a in enumerate(articles):
                with contextlib.suppress(RecordError):
                    store.put(page(n, body=f"raw {n}"), a)
        for path in publish(project):
            if path.suffix in (".atom", ".rss"):
                problems = check_feed(path, self_url=SELF_BASE + path.name)
                assert problems == [], (path.name, [str(p) for p in problems])
                assert not feedparser.parse(path.read_bytes()).bozo
            elif path.suffix == ".json":
                assert all(i["id"] and i["title"].strip() for i in json.loads(path.read_text("utf-8"))["items"])
