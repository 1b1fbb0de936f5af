"""A small learned second opinion on pages the rules of html/pagetype.py leave as articles although they do
not say so (no JSON-LD Article, no `og:type` article): most service pages, listings and category pages,
documentation and shops that print no type of their own (wcxb-dev-other: 300 of its 704 pages).

It reads the page's structure (forms and inputs, prices and cart markers, code blocks, table rows,
post/reply/comment markers, doc navigation, entry/card and pagination markers), how much of the page the
chosen text is and how long its paragraphs are, whether a byline or a dated line stands by the headline, and
the shape of the address (dated folders, long slugs, a front page). Logistic models shipped as plain numbers in
cleanfeed/data/typemodel.json, trained site-disjoint by bench/typemodel.py on wcxb-dev-other and the five
article sets, and on htmldate-dev's dated pages (all articles): one says "not an article", one per page type
picks which (one against the rest, among the non-article pages). Only articles reach the feeds, so the
threshold (0.994) sits above the probability any article of the article sets reached with its fold held out.
Held-out (`python bench/typemodel.py`, each fold's models and threshold from the other folds): wcxb-dev-other
pages typed right 309 -> 339 of 704 (f0 +1, f1 +3, f2 +7, f3 +16, f4 +3; listings most), no article of the five
extraction sets typed otherwise by it; of htmldate-dev's 799, one (a news story, at 0.9947 against the other
folds' 0.9945; htmldate-dev is now in the threshold). It is conservative: some WCXB "articles" (a fund's product
page, a dictionary entry, a price guide) look like service pages, and they set the threshold. Left out of it:
pages with `og:type` article (WordPress prints it on every page; with them in, fewer typed right and one
held-out article typed otherwise), and our own small pages of each type (tests/data/pagetypes) reach 0.01-0.97.
Fitted with an L2 penalty of 3 (i17cj, chosen on dev folds f0+f1 among 0.3, 1, 3, 10; 10 typed one more f1
article otherwise): `python bench/typemodel.py`, typed right with each fold held out 74 -> 75, 74 -> 80 on f0, f1
and 70 -> 73, 71 -> 72, 69 -> 69 on the held-out f2-f4, articles typed otherwise unchanged; the threshold drew
down from 0.997 to 0.994 as the probabilities grew less extreme.

Cheap, as it runs after the text is read on a third of the pages: one walk of libxml2 per question (tags,
class/id values, microdata), the metas, <time>s and scripts from the page's own walk (model.elements_of), one
regex pass per distinct class/id value (remembered across pages), and no price regex over a text without a
currency. Two feature groups of the first model are gone, as they cost more than they told (held-out, on the
same pages, 328 -> 343 typed right without them, every fold level or up, no article typed otherwise, before
htmldate-dev joined): the card statistics of html/listing.py (a second `card_stats` of the page, 0.35 ms a
page) and the count of tel:/mailto: links.

Tried and not kept (i17cj; dev folds f0+f1 chosen before any page was read, f2-f4 held out): eight structural
features of the text left after chrome removal and of the page — the share of link text and of code text,
headings that link away (card titles), <time>s in the text (posts), lists nested in lists (a navigation tree),
microdata of offers (price, sku, availability) and of thread posts (comment, answer, upvoteCount), and calls to
action (contact us, get a quote, book now). `python bench/typemodel.py`, each fold's models and threshold from
the other folds, non-article pages typed right: all eight 74 → 78, 74 → 74 on f0, f1 but 70 → 69, 71 → 68,
69 → 70 on f2-f4; the three that the dev folds liked best (code share, calls to action, thread microdata)
74 → 78, 74 → 75 on f0, f1 but 70 → 69, 71 → 69, 69 → 69 held out; articles typed otherwise unchanged (0, 2,
1, 2, 0). The threshold, not the features, holds typing back: on f0/f1 most non-articles that reach this
decision score a logit of 0-6 either way, under the 6.3-7.1 (0.998-0.999) that the articles of the other folds set.

Pure functions; inference is a dot product per model, in plain Python.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from cleanfeed.html.metadata import Metadata
from cleanfeed.model import Elements, elements_of
from cleanfeed.rules.html_words import role_names
from cleanfeed.rules.logistic import Logistic as Logistic
from cleanfeed.rules.logistic import logistic_from
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
# All kinds in one pass over the page's class/id words, a word's kind looked up after (six passes, one per
# kind, cost 0.7 ms a page on a 120-page dev sample). A marker is a whole word, so no two kinds' words
# overlap, but for the byline's "post-meta", which also holds the post marker "post" (counted for both, as
# six passes did); the byline's words come first, so "post-meta" is found before "post".
_KIND_OF = {word: kind for kind, words in _MARKERS.items() for w in words.split("|")
            for word in ((w[:-2] + "s", w[:-2]) if w.endswith("s?") else (w,))}
_MARKER_RX = re.compile("(?<![a-z])(" + "|".join(sorted(_KIND_OF, key=lambda w: _KIND_OF[w] != "byline"))
                        + ")s?(?![a-z])")
# A marker word's first piece of letters anywhere in the lower-cased value, as a plain alternation (no
# look-around, scanned in C): a value without one holds no marker (camelCase splitting only adds hyphens,
# `role_names` only drops whole tokens, and lower-casing maps each character alone), so it is not split at all.
_MARKER_PIECES = re.compile("|".join(sorted({w.split("-")[0] for w in _KIND_OF}, key=len, reverse=True)))
_NO_MARKERS = (0,) * len(_MARKERS)
MARKER_CACHE = 16384   # distinct class/id values remembered (a 120-page sample holds 8,175)
# Two XPaths, not the union `//@class|//@id`: libxml2 sorts and merges a union's node sets, which grows faster
# than the values do (the three largest of bench/speed.py's dev pages, 6,500 values: 30 ms against 8-15). The
# counts read the values as a multiset: the same either way. In the pipeline, on the 127 dev pages the hook
# reads: 0.60-0.66 → 0.52-0.65 ms a page for the marker counts (old and new alternating in one process).
_CLASSES = etree.XPath("//@class", smart_strings=False)
_IDS = etree.XPath("//@id", smart_strings=False)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A figure before its currency reads at most 41 characters: tried from every figure of a run, `\d[\d,.]*` read to
# the run's end each time (`1,1,1,…` of 40,000 characters: 9 s); the count is the same, one match a run.
_PRICE = re.compile(r"(?:[$€£¥￥]\s?\d[\d,.]*|\d[\d,.]{0,40}\s?(?:USD|EUR|GBP|元))")
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|/(?:19|20)\d\d[01]\d[0-3]\d")
_SLUG_WORD = re.compile(r"[a-z]{2,}")
# A page that speaks as "we" to "you" is a business's own page; a story speaks of others (news quotes aside).
_WE = re.compile(r"\b(?:we|our|ours|us)\b|我们|我司|本公司", re.I)
_YOU = re.compile(r"\b(?:you|your|yours)\b|您|你们", re.I)
_WORD = re.compile(r"\w+")
_CJK = re.compile(f"[{CJK_RANGES}]")
# A year is a run of exactly four digits opening 19 or 20. Asked as `(?<!\d)(?:19|20)\d\d(?!\d)`, the look-behind
# opening the pattern stops `re` from skipping ahead to a `1` or `2`: every character was tried (`years`).
_YEAR_END = re.compile(r"(?:19|20)\d\d(?!\d)")
# Where a page prints its publication time for machines: Open Graph / Dublin Core metas, microdata, JSON-LD.
# (the metas, <time>s and scripts come from the page's one walk, model.elements_of; microdata by XPath)
# (asked of the attributes, not `//*[@itemprop='datePublished']` of the elements: 0.37-0.41 → 0.22-0.25 ms on the
# 127 dev pages the hook reads; the same answer, as only elements carry attributes)
_MICRODATA_PUBLISHED = etree.XPath("boolean(//@itemprop[. = 'datePublished'])")
_CURRENCY = ("$", "€", "£", "¥", "￥", "USD", "EUR", "GBP", "元")   # what every _PRICE match holds


class TypeModel(NamedTuple):
    other: Logistic                # the probability that the page is not an article
    threshold: float               # above it the page is not an article (no held-out article reached it)
    types: dict[str, Logistic]     # page type → its model (the most probable one wins)


@lru_cache(maxsize=1)
def type_model() -> TypeModel | None:
    """The shipped model (cleanfeed/data/typemodel.json); None when there is none."""
    path = resources.files("cleanfeed.data").joinpath("typemodel.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return TypeModel(logistic_from(data["other"]), float(data["threshold"]),
                     {k: logistic_from(v) for k, v in data["types"].items()})


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
                  md: Metadata, url: str | None, author: str | None, header_lines: int,
                  elements: Elements | None = None) -> dict[str, float]:
    """The features the models read (see the module docstring); `doc` uncleaned, `body` after chrome removal,
    `elements` the page's walk when the caller made it (model.elements_of)."""
    counts = {tag: 0 for tag in _TAGS}
    for el in doc.iter(*_TAGS):
        counts[el.tag] += 1
    body_text = " ".join(body.text_content().split())
    prose = [len(p) for p in paragraphs]
    text = " ".join(paragraphs)
    we, you, n_words = _we_you(text)
    words = n_words + count_chars(_CJK, text) // 2 or 1
    total = sum(prose)
    feats = {f"n_{tag}": _log(n) for tag, n in counts.items()}
    feats.update({f"cls_{k}": _log(n) for k, n in _marker_counts(doc).items()})
    feats.update(address_features(url))
    feats.update({
        "prices": _log(len(_PRICE.findall(body_text)) if any(c in body_text for c in _CURRENCY) else 0),
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
        "published": float(_prints_published(doc, elements)),
        "we": we / words,
        "you": you / words,
        "years": _log(years_in(body_text)),
        "og_website": float(any(k.lower() == "og:website" for k in md.kinds)),
    })
    return feats


def years_in(text: str) -> int:
    """How many runs of exactly four digits open with 19 or 20 (`(?<!\\d)(?:19|20)\\d\\d(?!\\d)`'s matches): the
    pattern without its look-behind, each match kept when no digit stands before it (`\\d` is `str.isdecimal`).
    Exact: a match with a digit before it lies inside a longer run, and the run's own start, if a year, was
    not consumed by it. 4x faster: bench/longpages.py 0.13 → 0.03 ms a page, the dev sample 0.054 → 0.016."""
    return sum(1 for m in _YEAR_END.finditer(text) if not (start := m.start()) or not text[start - 1].isdecimal())


_WE_WORDS = ("we", "our", "ours", "us")
_YOU_WORDS = ("you", "your", "yours")
_WE_HAN = ("我们", "我司", "本公司")
_YOU_HAN = ("您", "你们")


def _we_you(text: str) -> tuple[int, int, int]:
    """(`_WE` matches, `_YOU` matches, `_WORD` matches) in `text`, from one pass of `_WORD` over the lower-cased
    text: a `\\b(?:we|…)\\b` match is a word that is exactly one of those, and the Chinese ones never share a
    character with each other (str.count of each is the regex's count). Exact when lower-casing maps each
    character to one character, which keeps every character's `\\w`-ness (checked over every code point), and
    when there is no long s (`ſ`, which re.I matches as `s`): otherwise the patterns are asked. On the 311
    pages of bench/speed.py's dev and --small samples that reach the hook, 0.28 -> 0.15 ms a page (the two
    case-blind scans of the chosen text and the word scan, against one word scan and a Counter). ASCII text
    (most English stories) is split in C instead (`_ascii_we_you`)."""
    low = text.lower()
    if len(low) != len(text) or "ſ" in low:
        return len(_WE.findall(text)), len(_YOU.findall(text)), len(_WORD.findall(text))
    if low.isascii():
        return _ascii_we_you(low)
    tokens = Counter(_WORD.findall(low))
    we = sum(tokens[w] for w in _WE_WORDS) + sum(low.count(w) for w in _WE_HAN)
    you = sum(tokens[w] for w in _YOU_WORDS) + sum(low.count(w) for w in _YOU_HAN)
    return we, you, tokens.total()


# Every ASCII character `\w` does not match, to a space: the words of an ASCII text are then its `split()`.
_ASCII_GAPS = str.maketrans(dict.fromkeys((c for c in range(128) if not _WORD.fullmatch(chr(c))), " "))


def _ascii_we_you(low: str) -> tuple[int, int, int]:
    """`_we_you` of lower-cased ASCII text: its `\\w+` runs are the words `split()` gives once every other
    character is a space (`str.translate` and `split` in C, not a regex match and a string per word, nor a
    Counter of them): bench/longpages.py 0.244 → 0.121 ms a page, the dev sample 0.108 → 0.097."""
    words = low.translate(_ASCII_GAPS).split()
    return (sum(map(words.count, _WE_WORDS)), sum(map(words.count, _YOU_WORDS)), len(words))


def _marker_counts(doc: lxml.html.HtmlElement) -> dict[str, int]:
    """How many class/id words of each kind of `_MARKERS` the page holds (camelCase split, lower-cased). Each
    distinct value is read once, and once a site's pages repeat their values, not at all (a 120-page dev
    sample: 31,135 values, 8,175 distinct; 0.75 → 0.29 ms a page)."""
    counts = [0] * len(_MARKERS)
    values = Counter(_CLASSES(doc))
    values.update(_IDS(doc))
    for value, times in values.items():
        markers = _value_markers(value)
        if markers is not _NO_MARKERS:          # (nine distinct values in ten)
            for i, n in enumerate(markers):
                counts[i] += times * n
    return dict(zip(_MARKERS, counts, strict=True))


@lru_cache(maxsize=MARKER_CACHE)
def _value_markers(value: str) -> tuple[int, ...]:
    """The marker words of one class/id value, per kind in `_MARKERS`'s order (`_NO_MARKERS` itself when it
    holds none)."""
    if _MARKER_PIECES.search(value.lower()) is None:
        return _NO_MARKERS
    counts = dict.fromkeys(_MARKERS, 0)
    for word in _MARKER_RX.findall(_CAMEL.sub("-", role_names(value)).lower()):
        counts[_KIND_OF[word]] += 1
        if word == "post-meta":
            counts["post"] += 1
    return tuple(counts.values())


def _prints_published(doc: lxml.html.HtmlElement, elements: Elements | None) -> bool:
    """The page prints its publication time for machines: Open Graph / Dublin Core metas, microdata,
    `<time pubdate>`, JSON-LD."""
    if elements is None or not elements.covers(("meta", "time", "script")):
        elements = elements_of(doc, ("meta", "time", "script"))
    found = elements.by_tag
    return (any("published_time" in (m.get("property") or "") or "date" in (m.get("name") or "")
                for m in found["meta"])
            or any(t.get("pubdate") is not None for t in found["time"])
            or any(s.get("type") == "application/ld+json" and "datePublished" in (s.text or "")
                   for s in found["script"])
            or bool(_MICRODATA_PUBLISHED(doc)))


def learned_type(feats: dict[str, float], model: TypeModel | None = None) -> str:
    """`article`, or the page type the models find when they are sure the page is not an article."""
    model = model or type_model()
    if model is None or model.other.probability(feats) <= model.threshold:
        return "article"
    return max(model.types, key=lambda kind: model.types[kind].probability(feats))
