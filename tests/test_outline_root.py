"""A root deep in a story's nested `<section>` outline climbs to the outermost section of that outline
(cleanfeed/html/outline.py), and only through sections that add the story's own text: not through a
section holding a menu, a sidebar or a list of links, and never into `<article>` or `<main>`."""
from __future__ import annotations

import lxml.html

from cleanfeed.html.outline import outline_root

PROSE = "<p>The furnace draws up to 180 megawatts, and half of that comes from a wind farm in Illinois.</p>"


def _root(html: str) -> tuple[lxml.html.HtmlElement, str]:
    tree = lxml.html.fromstring(html)
    top = tree.get_element_by_id("deep")
    got = outline_root(top)
    return got, got.get("id") or got.tag


def test_a_part_inside_parts_climbs_to_the_outermost_section() -> None:
    html = (f'<html><body><article><h1>T</h1><section id="outer"><h2>One</h2>{PROSE}<section><section id="mid">'
            f'<h2>Two</h2>{PROSE}<ul><li>a point of the list</li></ul><section id="deep">{PROSE * 4}</section>'
            f'</section></section></section></article></body></html>')
    assert _root(html)[1] == "outer"


def test_a_wrapper_section_is_climbed_but_never_the_article() -> None:
    html = (f'<html><body><article><section id="w"><section id="deep">{PROSE * 3}</section></section></article>'
            '</body></html>')
    assert _root(html)[1] == "w"


def test_a_section_holding_chrome_or_links_stops_the_climb() -> None:
    nav = '<nav><a href="/a">Home</a><a href="/b">News</a></nav>'
    links = ('<ul><li><a href="/1">Another story about copper prices</a></li>'
             '<li><a href="/2">And one on zinc</a></li></ul>')
    for beside in (nav, links, '<aside><p>Sign up for our newsletter to get the news.</p></aside>'):
        html = f'<html><body><section id="page">{beside}<section id="deep">{PROSE * 3}</section></section></body>'
        assert _root(html)[1] == "deep", beside


def test_a_root_that_is_not_a_section_stays() -> None:
    html = f'<html><body><section><h2>One</h2>{PROSE}<div id="deep">{PROSE * 3}</div></section></body></html>'
    assert _root(html)[1] == "deep"


def test_a_section_beside_blocks_without_text_is_a_wrapper() -> None:
    cards = '<div class="card"><img src="/a.jpg"></div><div class="card"><img src="/b.jpg"></div>'
    html = f'<html><body><section id="page"><div>{cards}</div><section id="deep">{PROSE * 3}</section></section></body>'
    assert _root(html)[1] == "page"
