"""public/ as a small news site (cleanfeed/publish/site.py): index.html lists every item of every feed with
its title, printed date, source and summary; each item has its own page with the whole clean article, its
source link and the "also published by" links; one stylesheet; the site is named by cleanfeed.toml.

The project: the repository's seeds (no URLs) plus a notice published by one site and reprinted by another
(both with URLs), so a story with "also published by" is on the site too."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.feeds import CST, output_files, seed_project, write_page
from helpers.stories import NOTICE, page
from lxml import etree

from cleanfeed.cli import main
from cleanfeed.publish.site import printed_day
from cleanfeed.rules.project import load_project

FEEDS = ("recycled-metals-en", "recycled-metals-zh")


def build_site(root: Path) -> Path:
    """The seed project plus a story of two versions with URLs; returns public/."""
    seed_project(root)
    inbox = root / "inbox"
    write_page(inbox, "alloy.txt", page("Alloy Daily", "Recyclers asked to report scrap stocks", NOTICE),
               url="https://www.alloy.example/news/1.html", fetched_at="2024-03-01T12:00:00+08:00")
    write_page(inbox, "wire.txt", page("Metal Wire", "Scrap stock reports from April", NOTICE[:5]),
               url="https://wire.example/a/77", fetched_at="2024-03-01T15:00:00+08:00")
    assert main(["-q", "--project", str(root), "build"]) == 0
    assert main(["-q", "--project", str(root), "add", str(inbox)]) == 0
    return root / "public"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


def html(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.HTMLParser())


def text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def feed_items(out: Path, slug: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads((out / f"{slug}.json").read_text("utf-8"))["items"]
    return items


def test_index_lists_every_item_of_every_feed_with_date_source_and_summary(site: Path) -> None:
    doc = html(site / "index.html")
    for slug in FEEDS:
        section = doc.find(f".//section[@id='{slug}']")
        rows = section.findall("ol/li")
        items = feed_items(site, slug)
        assert len(rows) == len(items) > 0
        for row, item in zip(rows, items, strict=True):
            link = row.find("h3/a")
            assert text(link) == item["title"]
            assert re.fullmatch(rf"items/{slug}-[a-z0-9]+\.html", link.get("href"))
            assert (site / link.get("href")).is_file()
            meta = text(row.find("p[@class='meta']"))
            if item.get("date_published"):
                published = datetime.fromisoformat(str(item["date_published"]))
                assert meta.startswith(printed_day(published, str(item.get("language"))))
                assert row.find(".//time").get("datetime") == item["date_published"]
            summary = row.find("p[@class='summary']")
            assert summary is not None and text(summary) == " ".join(str(item["summary"]).split())
    en = text(doc.find(".//section[@id='recycled-metals-en']"))
    assert "29 September 2020" in en and "alloy.example" in en             # the printed day; the source's host
    assert "2023年9月28日" in text(doc.find(".//section[@id='recycled-metals-zh']"))


def test_the_story_page_has_the_whole_article_its_source_and_the_other_publisher(site: Path) -> None:
    (item,) = [i for i in feed_items(site, "recycled-metals-en") if "alloy.example" in str(i["url"])]
    anchor = f"recycled-metals-en-{str(item['id']).rsplit('/', 1)[1]}"
    doc = html(site / "items" / f"{anchor}.html")
    article = doc.find(".//article")
    body = text(article)
    assert text(article.find("h1")) == item["title"]
    assert all(" ".join(p.split()) in body for p in NOTICE)                  # the whole article
    assert "Also published by: wire.example" in body
    hrefs = [a.get("href") for a in article.iter("a")]
    assert "https://www.alloy.example/news/1.html" in hrefs and "https://wire.example/a/77" in hrefs
    assert text(article.find("p[@class='original']")) == "Published at alloy.example"
    back = doc.find(".//p[@class='back']/a")
    assert back.get("href") == f"../index.html#{anchor}"
    assert doc.find(".//link[@rel='stylesheet']").get("href") == "../style.css"


def test_items_without_a_url_are_read_on_their_own_page(site: Path) -> None:
    for slug in FEEDS:
        for item in feed_items(site, slug):
            if "example" in str(item["url"]):
                continue
            own = str(item["url"]).removeprefix("https://feeds.example.org/")
            assert own.startswith(f"items/{slug}-")
            doc = html(site / own)
            assert text(doc.find(".//article/h1")) == item["title"]
            assert doc.find(".//p[@class='original']") is None                 # no source page to link to
            first = etree.fromstring(str(item["content_html"]), etree.HTMLParser()).find(".//p")
            assert text(first) in text(doc.find(".//div[@class='content']"))


def test_site_title_comes_from_the_project_setting(site: Path) -> None:
    title = load_project(site.parent).site.title
    assert title == "Recycled metals news"
    index = html(site / "index.html")
    assert text(index.find(".//title")) == text(index.find(".//h1")) == title
    for path in (site / "items").glob("*.html"):
        assert text(html(path).find(".//title")).endswith(f" · {title}")
        assert text(html(path).find(".//header/a")) == title


def test_a_project_without_the_setting_is_named_after_its_only_feed(tmp_path: Path) -> None:
    root = seed_project(tmp_path)
    (root / "cleanfeed.toml").unlink()
    (root / "feeds" / "recycled-metals-zh.toml").unlink()
    assert main(["-q", "--project", str(root), "build"]) == 0
    assert text(html(root / "public" / "index.html").find(".//h1")) == "Recycled metals news"


def test_unknown_settings_are_config_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = seed_project(tmp_path)
    (root / "cleanfeed.toml").write_text('[site]\ntitel = "x"\n', encoding="utf-8")
    assert main(["-q", "--project", str(root), "build"]) == 2
    assert "cleanfeed.toml: unknown key 'site.titel'" in capsys.readouterr().err


def test_pages_are_static_and_share_one_stylesheet(site: Path) -> None:
    pages = [site / "index.html", *sorted((site / "items").glob("*.html"))]
    for path in pages:
        raw = path.read_text("utf-8")
        assert "<script" not in raw and not re.search(r"\son[a-z]+=", raw)      # no JavaScript at all
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in raw
        assert len(re.findall(r'rel="stylesheet"', raw)) == 1 and "<style" not in raw
    css = (site / "style.css").read_text("utf-8")
    assert "@media (prefers-color-scheme: dark)" in css and "@import" not in css and "url(" not in css


def test_item_pages_of_items_that_left_the_feeds_are_deleted(tmp_path: Path) -> None:
    out = build_site(tmp_path)
    (item,) = [i for i in feed_items(out, "recycled-metals-en") if "alloy.example" in str(i["url"])]
    page_name = f"recycled-metals-en-{str(item['id']).rsplit('/', 1)[1]}.html"
    assert (out / "items" / page_name).is_file()
    assert main(["-q", "--project", str(tmp_path), "remove", str(item["id"])]) == 0
    assert not (out / "items" / page_name).exists()
    assert all(n.startswith("items/recycled-metals-") for n in output_files(out) if n.startswith("items/"))


def test_printed_day_is_the_pages_own_day_in_its_language() -> None:
    late = datetime(2023, 9, 28, 23, 30, tzinfo=CST)              # 15:30 UTC: still the 28th where printed
    assert printed_day(late, "en") == "28 September 2023"
    assert printed_day(late, "zh-TW") == "2023年9月28日"
    assert printed_day(late, "ko") == "2023년 9월 28일"
    assert printed_day(late + timedelta(hours=1), "de") == "2023-09-29"
