"""A small learned second opinion on pages the rules of html/pagetype.py leave as articles although they do
not say so (no JSON-LD Article, no `og:type` article): most service pages, listings and category pages,
documentation and shops that print no type of their own (wcxb-dev-other: 300 of its 704 pages).

It reads the page's structure (forms and inputs, prices and cart markers, code blocks, table rows, repeated
item cards, post/reply/comment markers, doc navigation), how much of the page the chosen text is and how long
its paragraphs are, whether a byline or a dated line stands by the headline, and the shape of the address
(dated folders, long slugs, a front page). Logistic models shipped as plain numbers in
cleanfeed/data/typemodel.json, trained site-disjoint by bench/typemodel.py on wcxb-dev-other and the five
article sets: one says "not an article", one per page type picks which (one against the rest, among the
non-article pages). Only articles reach the feeds, so the threshold (0.998) sits above the probability any
article of the article sets reached with its fold held out. Held-out (`python bench/typemodel.py`, each fold's
models and threshold from the other folds): wcxb-dev-other pages typed right 309 -> 332 of 704 (f0 +2, f1 +1,
f2 +3, f3 +13, f4 +4; listings most), no article of the five article sets typed otherwise by it. It is
conservative: some WCXB "articles" (a fund's product page, a dictionary entry, a price guide) look like service
pages, and they set the threshold. Left out of it: pages with `og:type` article (WordPress prints it on every
page; with them in, 325 instead of 332 typed right and one held-out article typed otherwise), and our own
small pages of each type (tests/data/pagetypes) reach 0.03-0.92 only.

Pure functions; inference is a dot product per model, in plain Python.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import lxml.html

from cleanfeed.html.listing import card_stats
from cleanfeed.html.metadata import Metadata
from cleanfeed.textnorm import CJK_RANGES, count_chars

_TAGS = ("form", "input", "select", "textarea", "button", "pre", "code", "tr", "time", "h2", "h3", "li", "a",
         "p", "img", "table", "dl", "nav", "aside")
# Class / id words that mark a kind of block (whole words of `class_words`-style splitting).
_MARKERS = {
    "cart": "cart|basket|checkout|price|sku|stock|qty|quantity|wishlist|variant",
    "post": "reply|replies|post|posts|message|thread|topic|forum|avatar|signature",
    "doc": "toc|docs?|api|sidebar|breadcrumbs?|version|highlight|sourcecode|admonition",
    "entry": "card|tile|grid|teaser|excerpt|listing|results?|pagination|pager",
    "byline": "byline|author|published|dateline|entry-meta|post-meta",
    "service": "cta|hero|testimonials?|pricing|quote|contact|services?|features?",
}
_MARKER_RX = {kind: re.compile(rf"(?<![a-z])(?:{words})s?(?![a-z])") for kind, words in _MARKERS.items()}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PRICE = re.compile(r"(?:[$€£¥￥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:USD|EUR|GBP|元))")
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|/(?:19|20)\d\d[01]\d[0-3]\d")
_SLUG_WORD = re.compile(r"[a-z]{2,}")
# A page that speaks as "we" to "you" is a business's own page; a story speaks of others (news quotes aside).
_WE = re.compile(r"\b(?:we|our|ours|us)\b|我们|我司|本公司", re.I)
_YOU = re.compile(r"\b(?:you|your|yours)\b|您|你们", re.I)
_WORD = re.compile(r"\w+")
_CJK = re.compile(f"[{CJK_RANGES}]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Where a page prints its publication time for machines: Open Graph / Dublin Core metas, microdata, JSON-LD.
_PUBLISHED = ("//meta[contains(@property, 'published_time') or contains(@name, 'date') or @itemprop='datePublished']"
              "|//*[@itemprop='datePublished']|//time[@pubdate]")


class Logistic(NamedTuple):
    """A logistic model over standardised features: bias first, then one weight per feature."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def probability(self, feats: dict[str, float]) -> float:
        x = ((feats.get(n, 0.0) - m) / s for n, m, s in zip(self.features, self.mean, self.scale, strict=True))
        logit = self.weights[0] + sum(w * v for w, v in zip(self.weights[1:], x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


class TypeModel(NamedTuple):
    other: Logistic                # the probability that the page is not an article
    threshold: float               # above it the page is not an article (no held-out article reached it)
    types: dict[str, Logistic]     # page type → its model (the most probable one wins)


def _logistic(data: dict[str, Any]) -> Logistic:
    return Logistic(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]))


@lru_cache(maxsize=1)
def type_model() -> TypeModel | None:
    """The shipped model (cleanfeed/data/typemodel.json); None when there is none."""
    path = resources.files("cleanfeed.data").joinpath("typemodel.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return TypeModel(_logistic(data["other"]), float(data["threshold"]),
                     {k: _logistic(v) for k, v in data["types"].items()})


def _log(n: float) -> float:
    return math.log1p(max(0.0, n))


def address_features(url: str | None) -> dict[str, float]:
    """The address's shape: folders, a dated folder, the last segment's slug words and digits, a front page."""
    try:
        path = urlsplit(url or "").path
    except ValueError:
        path = ""
    segments = [s for s in path.lower().split("/") if s]
    last = segments[-1] if segments else ""
    stem = last.rsplit(".", 1)[0]
    return {
        "url_depth": float(len(segments)),
        "url_front": float(not segments),
        "url_dated": float(bool(_DATED_PATH.search(path))),
        "url_slug_words": float(len(_SLUG_WORD.findall(stem))),
        "url_digits": float(sum(c.isdigit() for c in stem) >= 4),
        "url_file": float("." in last),
    }


def page_features(doc: lxml.html.HtmlElement, body: lxml.html.HtmlElement, paragraphs: Sequence[str],
                  md: Metadata, url: str | None, author: str | None, header_lines: int) -> dict[str, float]:
    """The features the models read (see the module docstring); `doc` uncleaned, `body` after chrome removal."""
    counts = {tag: 0 for tag in _TAGS}
    for el in doc.iter(*_TAGS):
        counts[el.tag] += 1
    names = _CAMEL.sub("-", " ".join(str(v) for v in doc.xpath("//@class|//@id"))).lower()
    body_text = " ".join(body.text_content().split())
    prose = [len(p) for p in paragraphs]
    text = " ".join(paragraphs)
    words = len(_WORD.findall(text)) + count_chars(_CJK, text) // 2 or 1
    total = sum(prose)
    stats = card_stats(body, url, body_text)
    feats = {f"n_{tag}": _log(n) for tag, n in counts.items()}
    feats.update({f"cls_{k}": _log(len(rx.findall(names))) for k, rx in _MARKER_RX.items()})
    feats.update(address_features(url))
    feats.update({
        "prices": _log(len(_PRICE.findall(body_text))),
        "text": _log(total),
        "body_text": _log(len(body_text)),
        "text_share": total / (len(body_text) or 1),
        "longest": _log(max(prose, default=0)),
        "long_paras": _log(sum(n >= 150 for n in prose)),
        "paras": _log(len(prose)),
        "author": float(bool(author)),
        "header_lines": float(min(header_lines, 3)),
        "kinds": float(bool(md.kinds)),
        "og_article": float(any(k.lower() == "og:article" for k in md.kinds)),
        "published": float(bool(doc.xpath(_PUBLISHED)) or any("datePublished" in (s.text or "")
                           for s in doc.iter("script") if s.get("type") == "application/ld+json")),
        "we": len(_WE.findall(text)) / words,
        "you": len(_YOU.findall(text)) / words,
        "tel_links": _log(len(doc.xpath("//a[starts-with(@href, 'tel:') or starts-with(@href, 'mailto:')]"))),
        "years": _log(len(_YEAR.findall(body_text))),
        "og_website": float(any(k.lower() == "og:website" for k in md.kinds)),
        "items": _log(stats.items),
        "items_share": stats.text_share,
        "items_titled": stats.titled,
        "items_median": _log(stats.median_item),
        "prose_run": _log(stats.prose_run),
    })
    return feats


def learned_type(feats: dict[str, float], model: TypeModel | None = None) -> str:
    """`article`, or the page type the models find when they are sure the page is not an article."""
    model = model or type_model()
    if model is None or model.other.probability(feats) <= model.threshold:
        return "article"
    return max(model.types, key=lambda kind: model.types[kind].probability(feats))
