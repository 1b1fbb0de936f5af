"""`hints._why_chrome` reading an element's attribute names once (issue 17, speed) answers exactly as the
version that asked `get` for each of hidden, style, role, id and class: on every element of the committed
pages and on hand-made elements with each attribute present, absent, empty or namespaced."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from cleanfeed.html import hints
from cleanfeed.html.hints import _CAPTION, _FIGURE_TAGS, _HIDDEN_STYLE, CHROME_ROLES, CHROME_TAGS, class_id, hint
from cleanfeed.html.parse import parse_html
from cleanfeed.html.prune import prune_code

TESTS = Path(__file__).parent


def _reference(el: lxml.html.HtmlElement) -> str | None:
    """`_why_chrome` as written before (five `get`s)."""
    tag = el.tag
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    if not el.attrib:
        return "header" if tag == "header" and el.find(".//h1") is None else None
    if (el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "")) and not hints._disclosed(el):
        return "hidden"
    role = (el.get("role") or "").lower()
    if role in CHROME_ROLES:
        return CHROME_ROLES[role]
    names = class_id(el)
    if names:
        negative, _ = hint(names)
        if negative:
            if tag in ("article", "main") and negative.startswith("class:") and not hints._is_strong(negative):
                return None
            if hints._content_widget(names, negative):
                return None
            if negative == _CAPTION and tag in _FIGURE_TAGS:
                return None
            return negative
    if tag == "header" and el.find(".//h1") is None:
        return "header"
    return None


def _elements(html: str) -> list[lxml.html.HtmlElement]:
    doc = parse_html(html)
    return [el for el in doc.iter() if isinstance(el.tag, str)]


MADE = """<html xmlns:x="urn:x"><body>
<div hidden>a</div><div hidden="">b</div><div style="">c</div><div style="display: none">d</div>
<div style="color:red" class="share">e</div><div role="">f</div><div role="Navigation">g</div><div role="main">h</div>
<div id="">i</div><div class="">j</div><div id="share" class="">k</div><div class="" id="">l</div>
<div id="a-b-c-d" class="sidebar">m</div><div class="  menu  ">n</div><div x:class="share">o</div>
<div x:id="nav" class="story">p</div><header class="share"><h1>q</h1></header><header>r</header>
<header title="t"><h1>s</h1></header><article class="related">t</article><main id="header">u</main>
<figure class="caption">v</figure><div class="accordion-header">w</div><div data-role="navigation">x</div>
<div role="tabpanel" hidden>y</div><div id="S:3" hidden>z</div><section aria-hidden="true" class="promo">z</section>
</body></html>"""


@pytest.mark.parametrize("el", _elements(MADE), ids=lambda el: lxml.html.tostring(el, encoding=str)[:40])
def test_made_elements(el: lxml.html.HtmlElement) -> None:
    assert hints._why_chrome(el) == _reference(el)


def test_every_element_of_the_committed_pages() -> None:
    paths = sorted((TESTS / "pages").rglob("*.htm*"))
    assert len(paths) > 100
    checked = 0
    for path in paths:
        doc = parse_html(path.read_text("utf-8", errors="replace"))
        prune_code(doc)
        for el in doc.iter():
            if isinstance(el.tag, str):
                assert hints._why_chrome(el) == _reference(el), (path.name, lxml.html.tostring(el)[:80])
                checked += 1
    assert checked > 10_000
