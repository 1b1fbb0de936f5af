"""Page types (DESIGN.md `page_type`): what a page says it is (JSON-LD @type, og:type) or where it lives
(its URL's folders) makes it a product, a listing, a forum thread, documentation or a service page; an
article type anywhere on the page wins (but a bare og:type article loses to a forum host, a forum script or
a forum @type), and a page that says nothing is an article. Only articles are
stored and published: `add` counts the others as skipped, never as failed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.feeds import seed_project, write_page

from cleanfeed import clean
from cleanfeed.cli import main
from cleanfeed.html.pagetype import page_type

TEXT = ("<p>The new alloy wheel is cast from recycled aluminium at the plant in Ningbo, which opened in "
        "March after two years of building work and now employs four hundred people.</p>"
        "<p>Each wheel weighs nine kilograms and is tested for cracks with X-rays before it leaves the line, "
        "the company said, and the scrap from the test line goes back into the furnace.</p>")


def html(kinds: str = "", og: str = "") -> str:
    ld = f'<script type="application/ld+json">{kinds}</script>' if kinds else ""
    meta = f'<meta property="og:type" content="{og}">' if og else ""
    return (f"<html><head><title>Alloy wheel AW-9</title>{ld}{meta}</head>"
            f"<body><h1>Alloy wheel AW-9</h1>{TEXT}</body></html>")


@pytest.mark.parametrize(("kinds", "og", "url", "expected"), [
    ("", "", "https://example.org/news/2024/alloy-wheel", "article"),
    ('{"@type": "Product", "name": "AW-9"}', "", None, "product"),
    ("", "product", None, "product"),
    ('{"@graph": [{"@type": "NewsArticle"}, {"@type": "Product"}]}', "", None, "article"),
    ('{"@type": ["DiscussionForumPosting"]}', "", None, "forum"),
    ('{"@type": "CollectionPage"}', "website", None, "listing"),
    ("", "", "https://example.org/forums/t/wheels-cracking/123", "forum"),
    ("", "", "https://example.org/docs/install/linux", "documentation"),
    ("", "", "https://example.org/products/aw-9", "product"),
    ("", "article", "https://example.org/products/aw-9-review", "article"),
    ("", "", "https://example.org/forums", "article"),          # the last segment is the page, not a folder
    # forum software prints og:type article on every thread: the host, the script or a forum @type wins
    ("", "article", "https://forum.example.org/t/wheels-cracking/123", "forum"),
    ("", "article", "https://bbs.example.cn/thread-123-1-1.html", "forum"),
    ("", "", "https://example.org/board/viewtopic.php?t=123", "forum"),
    ('{"@type": "QAPage"}', "article", None, "forum"),
    ('{"@graph": [{"@type": "BlogPosting"}, {"@type": "QAPage"}]}', "article", None, "article"),
    ("", "article", "https://example.org/topic/wheels-cracking", "article"),   # a folder does not beat og:type
    # a documentation host, or the version folder of documentation hosting, says documentation
    ("", "", "https://docs.example.org/install/linux", "documentation"),
    ("", "", "https://developer.example.com/guides/wheels", "documentation"),
    ("", "", "https://wiki.example.org/Alloy_wheels", "documentation"),
    ("", "", "https://example.readthedocs.io/en/latest/install.html", "documentation"),
    ("", "", "https://example.org/en/stable/api.html", "documentation"),
    ("", "article", "https://docs.example.org/blog/alloy-wheel", "article"),  # the page says article: it is one
    ("", "", "https://developers.example.com/blog/alloy-wheel", "article"),   # a company's blog lives there
    ("", "", "https://example.org/", "article"),                             # a front page says nothing
])
def test_a_page_type_comes_from_what_the_page_says_or_its_address(kinds: str, og: str, url: str | None,
                                                                  expected: str) -> None:
    assert clean(html(kinds, og), url=url).page_type == expected


def test_text_dumps_and_unknown_signals_are_articles() -> None:
    assert clean("Alloy wheel AW-9\n\n" + TEXT.replace("<p>", "").replace("</p>", "\n\n")).page_type == "article"
    assert page_type(("WebPage", "og:website", "BreadcrumbList"), None) == "article"


def test_the_page_type_is_in_the_json_contract() -> None:
    assert clean(html('{"@type": "Product"}')).to_dict()["page_type"] == "product"


def test_add_skips_and_counts_pages_that_are_not_articles(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = seed_project(tmp_path)
    inbox = tmp_path / "inbox"
    write_page(inbox, "shop.html", html('{"@type": "Product"}'), url="https://example.org/aw-9")
    write_page(inbox, "story.html", html('{"@type": "NewsArticle"}'), url="https://example.org/news/aw-9")
    assert main(["--project", str(root), "add", str(inbox)]) == 0           # skipped is not failed
    err = capsys.readouterr().err
    assert "2 pages, 1 articles, 0 failed" in err and "1 not articles, skipped" in err
    assert "shop.html" not in err
    main(["--project", str(root), "-q", "build"])
    feeds = "".join(p.read_text("utf-8") for p in (root / "public").glob("*.json"))
    assert "example.org/news/aw-9" in feeds and "example.org/aw-9\"" not in feeds
    assert json.loads((root / "public" / "recycled-metals-en.json").read_text("utf-8"))["items"]
