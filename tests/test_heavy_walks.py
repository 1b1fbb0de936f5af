"""Walks that grew with a page's chrome, made cheaper with the same answers (issue 17, speed on heavy pages):
the prose map sums each element's prose once instead of adding every paragraph to every ancestor,
the byline candidates are read by an attribute XPath instead of a walk over every element, and the class of
a removal reason is remembered. Each is compared with the code it replaced, on the committed pages and on
pages built to hit the edges (deep wrappers, units inside units, attributes on the root)."""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.html.byline import byline_elements
from cleanfeed.html.measure import MIN_PROSE_UNIT, prose_map, unit_size
from cleanfeed.html.parse import body_of, parse_html
from cleanfeed.html.prune import prune_code
from cleanfeed.rules.classes import class_table, rule_class

TESTS = Path(__file__).parent
HTML = sorted([*TESTS.glob("data/dates/**/*.html"), *TESTS.glob("pages/**/*.html"),
               *TESTS.glob("pages/**/*.html.gz")])
LONG = "word " * 20                     # 100 characters: a prose unit
SHORT = "menu"


def _doc(path: Path) -> Any:
    data = path.read_bytes()
    return parse_html((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))


def _prose_map_by_ancestors(body: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """The map as it was built before: each unit added to itself and to every ancestor."""
    found: dict[lxml.html.HtmlElement, int] = {}
    for el in body.iter("p", "div", "td", "section", "article", "font"):
        n = unit_size(el)
        if n < MIN_PROSE_UNIT:
            continue
        found[el] = found.get(el, 0) + n
        for anc in el.iterancestors():
            found[anc] = found.get(anc, 0) + n
    return found


def _byline_walk(work: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The byline candidates as the walk over every element found them."""
    found = []
    for el in work.iter():
        css = el.get("class")
        if css is not None and ("byline" in css or "author" in css) or el.get("rel") == "author" \
                or el.get("itemprop") == "author":
            found.append(el)
    return found


def _same_elements(got: list[lxml.html.HtmlElement], want: list[lxml.html.HtmlElement]) -> bool:
    return len(got) == len(want) and all(a is b for a, b in zip(got, want, strict=True))


def test_prose_map_and_bylines_match_the_old_walks_on_the_committed_pages() -> None:
    assert len(HTML) > 150
    for path in HTML:
        doc = _doc(path)
        assert prose_map(body_of(doc)) == _prose_map_by_ancestors(body_of(doc)), path
        prune_code(doc)
        assert _same_elements(byline_elements(doc), _byline_walk(doc)), path


DEEP = f"""<html><body><div class="author-box"><p>{LONG}</p><div>{LONG}<span>x</span>{LONG}
<p>{LONG}</p><div><div><div><div><p>{LONG}</p><p>{SHORT}</p></div></div></div></div></div></div>
<section rel="author"><td>{LONG}</td></section><font itemprop="author">{LONG}<p>{LONG}</p></font>
<p class="a-byline" rel="author" itemprop="author">{LONG}</p><p class="Author">{SHORT}</p></body></html>"""


def test_units_inside_units_and_deep_wrappers_sum_as_before() -> None:
    doc = parse_html(DEEP)
    body = body_of(doc)
    found = prose_map(body)
    assert found == _prose_map_by_ancestors(body)
    assert found[doc] == found[body] > 6 * len(LONG)        # the `<html>` above the body holds it all too
    assert _same_elements(byline_elements(doc), _byline_walk(doc))
    assert len(byline_elements(doc)) == 4                   # one element marked three ways is listed once


def test_the_byline_xpath_reads_the_root_and_only_what_is_under_it() -> None:
    doc = parse_html('<html class="author"><body><div class="byline">x</div><p rel="author">y</p></body></html>')
    assert [el.tag for el in byline_elements(doc)] == ["html", "div", "p"]
    body = body_of(doc)
    assert [el.tag for el in byline_elements(body)] == ["div", "p"]     # not the `<html>` above it


@st.composite
def _nested_page(draw: st.DrawFn) -> str:
    """A tree of wrappers (div, section, td) with paragraphs and own text of any length."""
    def node(depth: int) -> str:
        tag = draw(st.sampled_from(("div", "section", "span", "article")))
        cls = draw(st.sampled_from(("", ' class="author"', ' class="xbylinex"', ' rel="author"', ' itemprop="x"')))
        text = "a" * draw(st.sampled_from((0, 10, 59, 60, 200)))
        kids = [node(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 6 else 0)))]
        para = "".join(f"<p>{'b' * draw(st.sampled_from((5, 60, 150)))}</p>" for _ in range(draw(st.integers(0, 2))))
        return f"<{tag}{cls}>{text}{para}{''.join(kids)}</{tag}>"
    return f"<html><body>{node(0)}</body></html>"


@settings(max_examples=150, deadline=None)
@given(_nested_page())
def test_any_nesting_gives_the_old_answers(page: str) -> None:
    doc = parse_html(page)
    body = body_of(doc)
    assert prose_map(body) == _prose_map_by_ancestors(body)
    assert _same_elements(byline_elements(doc), _byline_walk(doc))


def test_the_class_of_a_reason_is_remembered_and_the_same() -> None:
    reasons = ["copyright", "class:sharebar", "class:xyz-unknown", "site:x:drop_lines", "breadcrumb", "header"]
    first = [rule_class(r) for r in reasons]
    assert first == [rule_class.__wrapped__(r) for r in reasons]
    assert [rule_class(r) for r in reasons] == first
    assert rule_class.cache_info().hits >= len(reasons)
    assert class_table().html_exact                       # (the table the answers come from is loaded)
