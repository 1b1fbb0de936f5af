"""One walk of an HTML page for the elements looked up by tag (model.elements_of): the metadata reader and the
dates engine read what their own walks read, in the same order (issue 17, speed: five walks of the page fewer)."""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from cleanfeed.dates.footer import footer_boxes
from cleanfeed.dates.layout import Tags, tags_of
from cleanfeed.html.metadata import read_metadata
from cleanfeed.html.parse import parse_html
from cleanfeed.model import PAGE_TAGS, elements_of

TESTS = Path(__file__).parent
HTML = sorted([*TESTS.glob("data/dates/**/*.html"), *TESTS.glob("pages/**/*.html"),
               *TESTS.glob("pages/**/*.html.gz")])

# A second <title> in an inline SVG, headings in every order, a <time> before the <h1>, JSON-LD in the body.
ODD = """<html><head><meta name="x" content=" a "><title>First</title><link rel="canonical" href="/c"></head>
<body><h2>Two</h2><time datetime="2021-01-01">1 Jan</time><h1>One</h1><svg><title>Second</title></svg>
<h3>Three</h3><h1></h1><h1>Again</h1><meta property="og:title" content="OG">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD", "author": {"name": "A"}}</script>
<link rel="canonical" href="/later"></body></html>"""


def _doc(path: Path) -> Any:
    data = path.read_bytes()
    return parse_html((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))


def _same_tags(a: Tags, b: Tags) -> None:
    for name in ("metas", "scripts", "links", "times", "headings", "abbrs", "footers", "articles"):
        got, want = getattr(a, name), getattr(b, name)
        assert len(got) == len(want) and all(x is y for x, y in zip(got, want, strict=True)), name


def test_one_walk_reads_what_the_walks_per_tag_read() -> None:
    assert len(HTML) > 150
    for path in [*HTML, None]:
        doc = parse_html(ODD) if path is None else _doc(path)
        walked = elements_of(doc)
        assert read_metadata(doc, "https://example.org/a", walked) == read_metadata(doc, "https://example.org/a")
        _same_tags(tags_of(doc, walked), tags_of(doc))


def test_the_walk_is_in_document_order_and_by_tag() -> None:
    doc = parse_html(ODD)
    walked = elements_of(doc)
    assert [el.tag for el in walked.found] == [el.tag for el in doc.iter(*PAGE_TAGS)]
    assert [el.text for el in walked.by_tag["title"]] == ["First", "Second"]
    assert [el.text or "" for el in walked.by_tag["h1"]] == ["One", "", "Again"]
    md = read_metadata(doc, None, walked)
    assert md.title == "First" and md.headings == ("One", "Again")
    assert read_metadata(doc, "https://example.org/a", walked).url == "https://example.org/c"


def test_a_walk_for_other_tags_is_not_taken_for_these() -> None:
    doc = parse_html(ODD)
    partial = elements_of(doc, ("meta", "script", "link"))       # no time, no headings: the reader walks itself
    assert not partial.covers(("time",))
    _same_tags(tags_of(doc, partial), tags_of(doc))
    assert read_metadata(doc, None, partial) == read_metadata(doc, None)
    assert [el.tag for el in tags_of(doc, partial).headings] == ["h2", "h1", "h3", "h1", "h1"]


# Footers in an article, in a quote in it, in a second article, nested; a div named a footer; a script's footer.
FEET = """<html><body><article><p>Story</p><blockquote><footer>Quote, 2020</footer></blockquote>
<footer>Updated 3 May 2021</footer></article><article><footer>Other, 2019</footer></article>
<div><footer><footer>Inner</footer></footer></div><script>var f = '<footer>x</footer>';</script>
<div id="site-footer">Last modified 4 June 2022</div></body></html>"""


def test_footer_boxes_from_the_walk_are_the_boxes_it_walked_for() -> None:
    """footer.footer_boxes reads the page's <footer>s and <article>s off the engine's walk (tags_of): the same
    boxes, in the same order, as its own `iter("footer")` and `iter("article")` found."""
    for path in [*HTML, None]:
        doc = parse_html(FEET) if path is None else _doc(path)
        assert footer_boxes(doc, tags_of(doc)) == footer_boxes(doc)
        assert footer_boxes(doc, tags_of(doc, elements_of(doc))) == footer_boxes(doc)
        assert tags_of(doc).scripts == list(doc.iter("script"))
