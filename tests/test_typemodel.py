"""The learned page type (html/typemodel.py) of pages the rules leave as articles although they do not say so:
its features, its decision, the shipped model, and a gate on the committed subsets: the 36 wcxb-dev-other
pages keep their page-type accuracy, and no page of the article subsets is typed otherwise (only articles
reach the feeds). Our own pages of each type: tests/test_pagetype_pages.py."""
from __future__ import annotations

import re

import lxml.html
import pytest
from helpers.data import cleaned, page_bytes, truth
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.errors import CleanfeedError
from cleanfeed.html.metadata import Metadata
from cleanfeed.html.typemodel import (
    _MARKERS,
    Logistic,
    TypeModel,
    _marker_counts,
    _prints_published,
    address_features,
    learned_type,
    page_features,
    type_model,
)
from cleanfeed.model import elements_of


def test_address_shapes() -> None:
    story = address_features("https://example.com/2024/05/copper-prices-fall-for-a-third-week")
    assert story["url_dated"] == 1.0 and story["url_slug_words"] == 6.0 and story["url_front"] == 0.0
    front = address_features("https://example.com/")
    assert front["url_front"] == 1.0 and front["url_depth"] == 0.0
    assert address_features("https://example.com/p/item-20240531.html")["url_digits"] == 1.0
    assert address_features("http://[bad")["url_depth"] == 0.0          # a broken address says nothing


def test_features_count_structure() -> None:
    doc = lxml.html.fromstring(
        "<html><head><meta property='article:published_time' content='2024-05-01'></head><body>"
        "<form class='cart'><input name='qty'><button>Add to cart</button></form><p>Price $12.50 or $11.00</p>"
        "<pre><code>x = 1</code></pre><p>We repair your roof.</p><a href='tel:+15550100'>Call</a></body></html>")
    feats = page_features(doc, doc, ["We repair your roof."], Metadata(), "https://example.com/roofs", None, 0)
    assert feats["n_form"] > 0 and feats["n_pre"] > 0 and feats["prices"] > 0 and feats["cls_cart"] > 0
    assert feats["published"] == 1.0
    assert feats["we"] == pytest.approx(1 / 4) and feats["you"] == pytest.approx(1 / 4)


# The six kinds' class/id markers as one regex per kind read them over all the page's values (before the
# single pass and the per-value cache): the counts must be the same.
_ONE_RX_PER_KIND = {kind: re.compile(rf"(?<![a-z])(?:{words})s?(?![a-z])") for kind, words in _MARKERS.items()}
_NAMES = ["post-meta", "entry-meta postMeta", "posts", "docss", "breadcrumbs", "addToCart cart-item", "Hero",
          "navbar", "sidebar-left", "pricing price-tag", "reply-count", "results-grid", "post_meta", "x-post-metas",
          "testimonialsCarousel", "toc", "versionSwitcher", "CART"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=12), st.lists(st.sampled_from(_NAMES), max_size=4))
def test_marker_counts_match_one_regex_per_kind(classes: list[str], ids: list[str]) -> None:
    html = "".join(f"<div class='{c}'" + (f" id='{ids[i]}'" if i < len(ids) else "") + "></div>"
                   for i, c in enumerate(classes))
    doc = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    names = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", " ".join(str(v) for v in doc.xpath("//@class|//@id"))).lower()
    assert _marker_counts(doc) == {kind: len(rx.findall(names)) for kind, rx in _ONE_RX_PER_KIND.items()}


@pytest.mark.parametrize("head", [
    "<meta property='article:published_time' content='2024-05-01'>", "<meta name='dc.date' content='2024-05-01'>",
    "<script type='application/ld+json'>{\"datePublished\": \"2024-05-01\"}</script>"])
def test_published_read_from_the_page_walk(head: str) -> None:
    doc = lxml.html.fromstring(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert _prints_published(doc, elements_of(doc)) and _prints_published(doc, None)
    assert _prints_published(doc, elements_of(doc, ("h1",)))         # a walk without metas: walked again


def test_published_by_microdata_or_time_and_not_by_other_scripts() -> None:
    for body in ("<span itemprop='datePublished'>May 1</span>", "<time pubdate>May 1</time>"):
        doc = lxml.html.fromstring(f"<html><body>{body}<p>Text.</p></body></html>")
        assert _prints_published(doc, elements_of(doc))
    doc = lxml.html.fromstring("<html><head><script>var datePublished = 1;</script></head><body></body></html>")
    assert not _prints_published(doc, elements_of(doc))


def _model(threshold: float) -> TypeModel:
    one = ("text",)
    return TypeModel(Logistic(one, (0.0,), (1.0,), (0.0, 1.0)), threshold,
                     {"product": Logistic(one, (0.0,), (1.0,), (0.0, 1.0)),
                      "service": Logistic(one, (0.0,), (1.0,), (0.0, -1.0))})


def test_decision_needs_the_threshold_then_picks_the_surest_type() -> None:
    assert learned_type({"text": 2.0}, _model(0.95)) == "article"        # 0.88: not sure enough
    assert learned_type({"text": 4.0}, _model(0.95)) == "product"        # 0.98, product over service
    assert learned_type({"text": -4.0}, _model(0.0)) == "service"


def test_shipped_model_reads_the_features_the_pipeline_makes() -> None:
    model = type_model()
    assert model is not None and 0.9 < model.threshold < 1.0
    assert set(model.types) == {"listing", "forum", "product", "documentation", "service"}
    doc = lxml.html.fromstring("<html><body><p>One line.</p></body></html>")
    names = set(page_features(doc, doc, ["One line."], Metadata(), None, None, 0))
    assert set(model.other.features) == names
    assert all(set(m.features) == names for m in model.types.values())


def _types(name: str) -> dict[str, tuple[str, str]]:
    gold = truth(f"extraction/{name}")
    found = {}
    for page_id in sorted(gold):
        article = cleaned(page_bytes(f"extraction/{name}", page_id), gold[page_id].get("url"))
        kind = "none" if isinstance(article, CleanfeedError) else article.page_type
        want = gold[page_id].get("page_type", "article")
        found[page_id] = ({"collection": "listing"}.get(want, want), kind)
    return found


# The 36 wcxb-dev-other pages (six of each type): page type right on 18, with the learned decision and without
# it (it moves none of them); the floor is just under. The 5 pages of wcxb-dev-other-types are the ones of the
# development folds it types right (typed article by the rules alone; in its training data: a gate, not a score).
TYPED_RIGHT_FLOOR = 17


@pytest.mark.slow
def test_page_type_gate_on_the_committed_subsets() -> None:
    others = _types("wcxb-dev-other")
    right = sum(want == got for want, got in others.values())
    assert right >= TYPED_RIGHT_FLOOR, others
    assert all(want == got for want, got in _types("wcxb-dev-other-types").values())     # the rules: 0 of 5
    for name in ("aeb-en", "cwced-zh", "wcxb-dev-en", "mozilla-multi"):
        typed = {k: got for k, (_, got) in _types(name).items() if got not in ("article", "none")}
        assert not typed, (name, typed)
