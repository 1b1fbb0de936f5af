"""The rest of the article beside its best-scoring block: a small learned scorer decides which blocks next
to the root, and next to its ancestors, belong to the article.

Page builders put every few paragraphs in a block of their own (Squarespace `sqs-block`, Divi
`et_pb_module`, one `<section>` per part of a service page, a lead box `div.summary` before
`div.body`), 1 to 4 levels above the paragraphs, so the best-scoring block is often one of several; next
to them sit the blocks that are not the article (an author's bio, a newsletter pitch, a carousel of other
posts). Every sibling of the root and of its ancestors (up to `MAX_LEVELS`, never above an `<article>` or
`<main>`) is a candidate, described by a few numbers (its size against the root's, link density, share of
prose, sentences, whether it repeats the root's tag and class words, which side of the root it is on, how
far, and how big and link-heavy the root itself is) and scored by 80 boosted trees of depth 3
(`cleanfeed/data/siblings.json`: plain numbers, evaluated in plain Python; retrained by
`python bench/train_siblings.py` from the shared benchmark sets, measured with site-disjoint folds).
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import lxml.html

from cleanfeed.html.hints import hint
from cleanfeed.html.measure import element_text, link_density, own_text_len, phrase_text_len, text_length
from cleanfeed.rules.html_words import html_words
from cleanfeed.rules.linematch import folds_like_regex, lower_if_safe

# How far above the root its article may be split: sqs-block > content > html is 3 levels over a
# paragraph, and 4 over a list that outscores the paragraphs beside it (`html > ul`, a long list of tips
# the root, the story's other blocks three wrappers up). 3 → 4, held-out with the fold models trained at 3
# (the trees read level 3 as they read level 2): wcxb-dev-en +0.0009 (R +0.0026; f1 +0.0021, unread f2
# +0.0011, f4 +0.0016, f3 −0.0002), wcxb-dev-other +0.0025 (every fold up), the other sets unmoved.
MAX_LEVELS = 4
_NOT_TEXT = frozenset({"nav", "aside", "footer", "header", "form"})
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$|[\"”’)）])")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PITCH = html_words().pitch
_PITCH_FEATURE = -1                       # index of "pitch_words" in FEATURES

FEATURES = ("level", "log_size", "size_vs_root", "link_density", "prose_share", "sentences_per_100",
            "repeated", "same_tag", "before", "log_distance", "log_siblings", "repeat_share", "headings",
            "has_h1", "list_share", "digits_share", "negative_hint", "positive_hint", "teaser_links",
            "root_log_size", "root_link_density", "pitch_words")
_BEFORE_FEATURE = FEATURES.index("before")   # the candidate precedes the root


@dataclass(frozen=True)
class Candidate:
    """A block beside the root's path: the sibling, the path element it sits beside, and its numbers."""

    element: lxml.html.HtmlElement
    path_element: lxml.html.HtmlElement
    level: int
    features: tuple[float, ...]


Tree = float | list[Any]      # a leaf's value, or [feature index, threshold, left (≤), right (>)]


@dataclass(frozen=True)
class Model:
    """Boosted trees for the log-odds that a block is article text: p = σ(prior + Σ tree(x))."""

    prior: float
    trees: tuple[Tree, ...]
    threshold: float

    def probability(self, x: tuple[float, ...]) -> float:
        z = self.log_odds(x)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def walked_log_odds(self, x: tuple[float, ...]) -> float:
        """prior + Σ tree(x), each tree walked node by node."""
        z = self.prior
        for tree in self.trees:
            node = tree
            while isinstance(node, list):
                node = node[2] if x[node[0]] <= node[1] else node[3]
            z += node
        return z

    @cached_property
    def log_odds(self) -> Callable[[tuple[float, ...]], float]:
        """`walked_log_odds` as one compiled expression (`compiled_trees`): the same comparisons and the
        same additions in the same order, so the same float, ~8x faster (80 trees: 82 → 10 µs a block)."""
        return compiled_trees(self.prior, self.trees) or self.walked_log_odds

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError(f"sibling model features {names} are not this code's {FEATURES}")
        return cls(float(data["prior"]), tuple(data["trees"]), float(data["threshold"]))


def compiled_trees(prior: float, trees: tuple[Tree, ...]) -> Callable[[tuple[float, ...]], float] | None:
    """`prior + tree_1(x) + … + tree_n(x)` (left to right, as the walk adds) as a Python function of nested
    conditional expressions, every threshold and leaf written as its exact `repr`. None when a number has
    no such literal (inf, nan) or a node is malformed: the walk then scores."""
    def source(node: Tree) -> str | None:
        if not isinstance(node, list):
            return _literal(node)
        if len(node) != 4 or not isinstance(node[0], int) or isinstance(node[0], bool):
            return None
        threshold, left, right = _literal(node[1]), source(node[2]), source(node[3])
        if threshold is None or left is None or right is None:
            return None
        return f"({left} if x[{node[0]}] <= {threshold} else {right})"

    terms = [_literal(prior), *(source(tree) for tree in trees)]
    written = [term for term in terms if term is not None]
    if len(written) != len(terms):
        return None
    # (only numbers and `x[i]` in the source: nothing a data file could smuggle in)
    try:
        scorer: Callable[[tuple[float, ...]], float] = eval("lambda x: " + " + ".join(written), {"__builtins__": {}})
    except (SyntaxError, RecursionError, MemoryError):     # trees too deep for the parser: walk them
        return None
    return scorer


def _literal(value: Any) -> str | None:
    """The exact source literal of a finite int or float, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return repr(float(value)) if isinstance(value, float) else repr(value)


@cache
def shipped_model() -> Model:
    raw = resources.files("cleanfeed").joinpath("data/siblings.json").read_text("utf-8")
    return Model.from_dict(json.loads(raw))


_override: list[Model] = []


def use_model(model: Model | None) -> None:
    """Score with `model` instead of the shipped one (None: back to the shipped one). For the training
    tool's held-out runs: each fold is cleaned with a model that never saw its sites."""
    _override[:] = [model] if model is not None else []


def candidates(top: lxml.html.HtmlElement) -> list[Candidate]:
    """Every block beside the root and beside its ancestors (up to `MAX_LEVELS`), with its numbers."""
    top_size = max(1, len(top.text_content()))
    context = (math.log1p(top_size), link_density(top, top_size))
    out: list[Candidate] = []
    el = top
    for level in range(MAX_LEVELS):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html") or el.tag in ("article", "main"):
            break
        siblings = [s for s in parent if isinstance(s.tag, str)]
        signature = _signature(el)
        repeats = sum(1 for s in siblings if s is not el and _signature(s) == signature)
        position = siblings.index(el)
        for i, sib in enumerate(siblings):
            if sib is el or sib.tag in _NOT_TEXT:
                continue
            text = sib.text_content()
            if not text.strip():
                continue
            out.append(Candidate(sib, el, level, _features(
                sib, text, el, level, top_size, i - position, len(siblings), repeats) + context
                + (float(min(5, pitch_words(text))),)))
        el = parent
    return out


# The pitch words' alternation without re.I, for lower-cased text: `re` skips ahead on the words' first
# characters (0.16 → 0.03 ms a block); exact where `lower_if_safe` says so (rules/linematch.py).
_PITCH_PLAIN = re.compile(_PITCH.pattern) if folds_like_regex(_PITCH.pattern) else None
PITCH_SPAN = 2000          # characters of a block read for pitch words


def pitch_words(text: str) -> int:
    """How many pitch words (`subscribe`, `donate`, `订阅`) the block's first characters hold."""
    low = lower_if_safe(text[:PITCH_SPAN]) if _PITCH_PLAIN is not None else None
    if low is None or _PITCH_PLAIN is None:
        return len(_PITCH.findall(text, 0, PITCH_SPAN))
    return len(_PITCH_PLAIN.findall(low))


def _features(sib: lxml.html.HtmlElement, text: str, path_el: lxml.html.HtmlElement, level: int, top_size: int,
              offset: int, n_siblings: int, repeats: int) -> tuple[float, ...]:
    size = len(text)
    prose = _prose(sib)
    signature = _signature(path_el)
    repeated = _signature(sib) == signature and ("." in signature or path_el.tag in ("section", "article"))
    negative, positive = hint(f"{sib.get('class') or ''} {sib.get('id') or ''}".strip()) if (
        sib.get("class") or sib.get("id")) else (None, False)
    items = sum(text_length(li) for li in sib.iter("li"))
    digits = sum(map(str.isdigit, text))
    return (
        float(level),
        math.log1p(size),
        math.log((size + 50) / (top_size + 50)),
        link_density(sib, size),
        min(1.0, prose / size),
        100 * len(_SENTENCE_END.findall(text)) / size,
        float(repeated),
        float(sib.tag == path_el.tag),
        float(offset < 0),
        math.log(abs(offset)),
        math.log(n_siblings),
        repeats / max(1, n_siblings - 1),
        float(min(5, sum(1 for _ in sib.iter(*_HEADINGS)))),
        float(sib.find(".//h1") is not None or sib.tag == "h1"),
        min(1.0, items / size),
        digits / size,
        float(negative is not None),
        float(positive),
        float(min(5, _teaser_links(sib))),
    )


def _teaser_links(el: lxml.html.HtmlElement) -> int:
    """Headings that are links: the titles of other articles (a related carousel, a list of posts)."""
    return sum(1 for h in el.iter(*_HEADINGS) if h.find(".//a") is not None
               and len(" ".join(element_text(a) for a in h.iter("a")).strip()) >= 0.8 * len(h.text_content().strip()))


def _signature(el: lxml.html.HtmlElement) -> str:
    """Tag and class words without digits: `div.html-block.sqs-block` for every block of a column."""
    words = sorted(w for w in (el.get("class") or "").split() if not any(ch.isdigit() for ch in w))
    return ".".join([el.tag, *words])


def block_prose_len(el: lxml.html.HtmlElement) -> int:
    """A block's own text with the words of its phrasing children: `<div><span>text</span></div>`, a React
    rich-text paragraph, holds its text in spans (measure.phrase_text_len). Counted as its own text only, such
    a story chunk beside the root read as no prose and the trees refused it. Own pages (tests/pages/families,
    react-spans-*): recall 0.54-0.61 -> 0.99."""
    n = own_text_len(el)
    return n + phrase_text_len(el) if len(el) else n


def _prose(el: lxml.html.HtmlElement) -> int:
    """Characters in paragraphs (and text-bearing containers) of 60+ characters under `el`."""
    n = 0
    for x in el.iter("p", "li", "dd", "blockquote", "div", "section", "td"):
        size = len(element_text(x).strip()) if x.tag in ("p", "li", "dd", "blockquote") else block_prose_len(x)
        if size >= 60:
            n += size
    return n


def gather(top: lxml.html.HtmlElement, level0: list[lxml.html.HtmlElement], after_margin: float = 0.0
           ) -> list[lxml.html.HtmlElement]:
    """The root, the siblings the score already chose (`level0`, which holds `top`; less the ones the
    model refuses that ask the reader to subscribe or donate), and every candidate the model takes, in
    document order; a copy of a block already taken (desktop and mobile renderings of one text) counts
    once. A candidate after the root is taken only at `after_margin` over the model's threshold (what
    follows a story is where a page puts its bio box, notice or pitch: score.AFTER_STORY_MARGIN)."""
    model = _override[0] if _override else shipped_model()
    taken, pitches, chosen = set(), set(), set(level0)
    for c in candidates(top):
        after = c.features[_BEFORE_FEATURE] == 0.0
        takes = model.probability(c.features) >= model.threshold + (after_margin if after else 0.0)
        # (the teaser walk only matters for a block that would be kept: it reads every list item's text)
        if (takes or c.element in chosen) and _teaser_list(c.element):
            pitches.add(c.element)        # other articles' headlines and cut blurbs: never this article
        elif takes:
            taken.add(c.element)
        elif c.features[_PITCH_FEATURE] > 0:
            pitches.add(c.element)        # a sign-up or donation box the score merged: not the article
    return _in_order(top, taken | (chosen - pitches))


_CUT_SHORT = re.compile(r"(\.\.\.|…)\s*(\[?\s*(read )?more\s*\]?)?\s*$", re.I)
MIN_TEASERS = 3


def _teaser_list(el: lxml.html.HtmlElement) -> bool:
    """A box of teasers: three or more list items that each open with a link (another article's headline)
    and end in a blurb cut short (`…`, `...`)."""
    teasers = 0
    for li in el.iter("li"):
        first = next((c for c in li if isinstance(c.tag, str)), None)
        if first is None or (li.text or "").strip():
            continue
        link = first if first.tag == "a" else first.find(".//a")
        if link is not None and len(link.text_content().strip()) >= 20 and _CUT_SHORT.search(li.text_content()):
            teasers += 1
            if teasers >= MIN_TEASERS:
                return True
    return False


def _in_order(top: lxml.html.HtmlElement, taken: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """`taken` (the root's siblings and its ancestors' siblings, and the root) in document order, without
    repeated texts."""
    if not taken - {top}:
        return [top]
    seq: list[lxml.html.HtmlElement] = [top]
    el = top
    for _ in range(MAX_LEVELS):
        parent = el.getparent()
        if parent is None:
            break
        before: list[lxml.html.HtmlElement] = []
        after: list[lxml.html.HtmlElement] = []
        seen_el = False
        for s in parent:
            if s is el:
                seen_el = True
            elif s in taken:
                (after if seen_el else before).append(s)
        seq = before + seq + after
        el = parent
    seen = _word_pairs(top)
    out: list[lxml.html.HtmlElement] = []
    for s in seq:
        if s is not top:
            pairs = _word_pairs(s)
            if pairs and len(pairs & seen) >= 0.8 * len(pairs):
                continue                  # another rendering of text already taken
            seen |= pairs
        out.append(s)
    return out


def _word_pairs(el: lxml.html.HtmlElement) -> set[tuple[str, str]]:
    words = el.text_content().lower().split()
    return set(zip(words, words[1:], strict=False))
