"""Two class/id readers rewritten for speed must answer as their old definitions on every input:
`html_words.role_names` (one regex scan for the term prefixes, not a substring test per prefix) and
`typemodel._value_markers` (a value holding no marker word's first piece is not split); and the dates
engine's `header._marked`, which reads every value through `role_names`, must find the elements it found.
The old definitions are copied here; random class strings and random pages compare them."""
from __future__ import annotations

import random
from bisect import bisect_right
from typing import Any

import lxml.html
from lxml import etree

from cleanfeed.dates.header import _marked, hinted_starts
from cleanfeed.html.typemodel import _CAMEL, _KIND_OF, _MARKER_RX, _MARKERS, _value_markers
from cleanfeed.rules.html_words import _role_names, html_words, role_names

# Pieces of real class strings (marker words, term prefixes and lists, hinted words), camelCase, and the odd
# characters: İ and the Kelvin sign lower-case to ASCII letters (İ to two characters), Σ by its context.
PIECES = ["tag-", "category-", "cat-", "topic-", "post_tag-", "taxonomy-term-", "product_cat-", "post", "hentry",
          "type-post", "status-publish", "post-12", "node--type-article", "entry", "article", "format-aside",
          "meta", "entry-meta", "post-meta", "postMeta", "byline", "author", "Author", "date", "pub", "publish",
          "cart", "CheckOut", "price", "sku", "toc", "docs", "api", "card", "Tiles", "hero", "cta", "quote",
          "reply", "replies", "thread", "result", "results", "breadcrumbs", "nav", "menu", "info", "zeit",
          "-", "_", " ", "  ", "\t", "\n", "s", "x", "A", "1", "İ", "K", "Σ", "é", "ß"]


def _old_role_names(names: str) -> str:
    low = names.lower()
    words = html_words()
    if not any(p in low for p in words.term_prefix):
        return names
    tokens = names.split()
    if not any(words.term_list.fullmatch(t.lower()) for t in tokens):
        return names
    return " ".join(t for t in tokens if not t.lower().startswith(words.term_prefix))


def _old_value_markers(value: str) -> tuple[int, ...]:
    counts = dict.fromkeys(_MARKERS, 0)
    for word in _MARKER_RX.findall(_CAMEL.sub("-", _old_role_names(value)).lower()):
        counts[_KIND_OF[word]] += 1
        if word == "post-meta":
            counts["post"] += 1
    return tuple(counts.values())


_MARK_VALUES = etree.XPath("//@class|//@id")


def _old_marked(doc: Any) -> list[Any]:
    values = _MARK_VALUES(doc)
    names = [_old_role_names(str(v)) for v in values]
    starts = []
    at = 0
    for value in names:
        starts.append(at)
        at += len(value) + 1
    joined = "\n".join(names)
    low = joined.lower()
    if len(low) != len(joined):
        low = joined
    out: list[Any] = []
    last = None
    for start in hinted_starts(low):
        owner = values[bisect_right(starts, start) - 1].getparent()
        if owner is not last and owner is not None:
            last = owner
            out.append(owner)
    return out


def _class_string(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))


def test_role_names_and_value_markers_match_the_old_definitions() -> None:
    rng = random.Random(1712)
    for _ in range(30000):
        value = _class_string(rng)
        _role_names.cache_clear()
        assert role_names(value) == _old_role_names(value), value
        _value_markers.cache_clear()
        assert _value_markers(value) == _old_value_markers(value), value


def _page(rng: random.Random) -> str:
    """A random nest of elements, some with a class, an id, both (either order) or an empty one."""
    out, depth = ["<html><body>"], 0
    for _ in range(rng.randint(1, 40)):
        if depth and rng.random() < 0.35:
            out.append("</div>")
            depth -= 1
            continue
        attrs = []
        for name in rng.sample(["class", "id"], 2):
            if rng.random() < 0.5:
                attrs.append(f'{name}="{_class_string(rng).replace(chr(34), "")}"')
        out.append(f"<div {' '.join(attrs)}>{rng.choice(['', 'May 3, 2021', 'text'])}")
        depth += 1
    return "".join(out) + "</div>" * depth + "</body></html>"


def test_marked_matches_the_old_definition_on_random_pages() -> None:
    rng = random.Random(4242)
    found = 0
    for _ in range(3000):
        doc = lxml.html.document_fromstring(_page(rng))
        old = _old_marked(doc)
        assert list(_marked(doc)) == old
        found += len(old)
    assert found > 1000            # the pages do hold marked elements


def test_marked_reads_class_and_id_in_either_order() -> None:
    doc = lxml.html.document_fromstring('<html><body><p id="pub-date" class="x">1</p><p class="nav">2</p>'
                                        '<span class="" id="entry-meta">3</span><i class="tag-date post">4</i>'
                                        '</body></html>')
    assert [el.text for el in _marked(doc)] == ["1", "3"]
    assert [el.text for el in _old_marked(doc)] == ["1", "3"]


def test_marked_matches_the_old_definition_on_committed_pages() -> None:
    """Real markup (comments, scripts, svg, odd attributes) on the hand-written class pages."""
    from pathlib import Path

    pages = sorted((Path(__file__).parent / "pages" / "classes").glob("*.html"))
    assert pages
    for path in pages:
        doc = lxml.html.document_fromstring(path.read_bytes())
        assert list(_marked(doc)) == _old_marked(doc), path.name


def test_marked_matches_the_old_definition_on_odd_markup() -> None:
    """r19-review: comments and processing instructions (a PI's pseudo-attributes are no class), elements in
    namespaces, namespaced attributes, whitespace and case inside values, a letter whose lower case is longer."""
    pages = ['<html><!-- c --><body><?php class="date" ?><div CLASS=" Date\n time ">x</div></body></html>',
             '<html xmlns:o="urn:o"><body><o:p class="date">x</o:p><svg xmlns="http://www.w3.org/2000/svg">'
             '<g id="time"/></svg></body></html>',
             '<html><body><div class="İdate">x</div><div class="" id="">y</div><div id="time">z</div></body></html>']
    for page in pages:
        doc = lxml.html.document_fromstring(page)
        assert list(_marked(doc)) == _old_marked(doc) != []
    xml = etree.fromstring(b'<r xmlns:a="urn:a"><?pi class="date"?><a:b a:class="date" id="meta"/>'
                           b'<c class="time">t</c><!--class="date"--><d a:id="date"/></r>')
    assert [el.tag for el in _marked(xml)] == [el.tag for el in _old_marked(xml)] == ["{urn:a}b", "c"]
