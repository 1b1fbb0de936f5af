"""The text sizes the candidate scorer takes (`score._text_units`) serve `_widen`'s prose map of the same
tree (issue 17, speed): each recorded size is what `measure.unit_size` measures, and the map and the root
come out the same as measured afresh."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.html import measure
from cleanfeed.html.score import _text_units, _widen, candidate_roots

_PARA = "Copper scrap imports rose in March as smelters in Guangdong bought ahead of the new quota rules. "
PAGES = [
    # a page of sections: every part a few sentences in its own box (the widen case)
    "<html><body><nav><a href='/'>Home</a></nav><div id='column'>"
    + "".join(f"<div class='vc_row'><h2>Part {i}</h2><p>{_PARA * 3}</p></div>" for i in range(10))
    + "</div><footer>© Site</footer></body></html>",
    # prose in a div's own text around inline children, a table cell, a font tag, nested paragraphs
    "<html><body><div id='story'>Lead text " + _PARA + "<br>" + _PARA + "<a href='#'>link</a> tail " + _PARA
    + "<div><p>" + _PARA + "<b>bold</b> more</p><p>short</p></div></div>"
    + "<table><tr><td>" + _PARA + "<span>in span</span> " + _PARA + "</td></tr></table>"
    + "<font>" + _PARA + "</font><section><article><p>" + _PARA * 3 + "</p></article></section>"
    + "<ul><li>" + _PARA + "</li></ul><pre>" + _PARA + "</pre></body></html>",
    # nothing long enough anywhere
    "<html><body><div><p>short</p><span>tiny</span></div></body></html>",
]


@pytest.mark.parametrize("html", PAGES)
def test_recorded_sizes_are_the_unit_sizes(html: str) -> None:
    body = lxml.html.document_fromstring(html).find("body")
    measured: dict[lxml.html.HtmlElement, int] = {}
    _text_units(body, measured)
    assert measured, "the scorer records what it measured"
    assert all(size == measure.unit_size(el) for el, size in measured.items())


@pytest.mark.parametrize("html", PAGES)
def test_the_prose_map_from_recorded_sizes_is_the_one_measured_afresh(html: str) -> None:
    body = lxml.html.document_fromstring(html).find("body")
    measured: dict[lxml.html.HtmlElement, int] = {}
    _text_units(body, measured)
    assert measure.prose_map(body, measured) == measure.prose_map(body)
    for el in body.iter():
        assert measure.prose_in(el, measured) == measure.prose_in(el)


def test_the_map_reads_the_recorded_sizes() -> None:
    body = lxml.html.document_fromstring("<html><body><div><p>short</p></div></body></html>").find("body")
    p = body.find(".//p")
    assert measure.prose_map(body) == {}
    assert measure.prose_map(body, {p: 500})[body] == 500       # a size given is not measured again


def test_widen_with_recorded_sizes_takes_the_same_ancestor() -> None:
    body = lxml.html.document_fromstring(PAGES[0]).find("body")
    measured: dict[lxml.html.HtmlElement, int] = {}
    _text_units(body, measured)
    top = body.find(".//div[@class='vc_row']")
    widened = _widen(top, body, True, measured=measured)
    assert widened is _widen(top, body, True) and widened.get("id") == "column"


def test_candidate_roots_unchanged_by_the_shared_sizes() -> None:
    body = lxml.html.document_fromstring(PAGES[0]).find("body")
    roots = [r.elements for r in candidate_roots(body, sections=True)]
    assert roots and roots[0][0].get("id") == "column"
