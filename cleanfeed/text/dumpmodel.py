"""A small learned decision: is a whole-page text dump an article, and if not, which kind of page is it.

The rules of cleanfeed/data/dumptype.toml name only the plainest shapes (a shop's buttons, post rows, code);
most dumps of service pages, listings and threads pass them as articles (546 of wcxb-dev-other's 704). This
module reads dump-level features (how much is prose, the longest prose run, how much of the page the article
run holds and how much prose lies outside it, short, link-like and same-shaped lines, dated rows, price /
code / rating / reply rows, whether a printed headline matches the `<title>`) and scores them with logistic
models shipped as plain numbers in cleanfeed/data/dumpmodel.json, trained site-disjoint by bench/dumpmodel.py
on wcxb-dev-other and every article dump we have, rendered by two naive scrapers: a gate over the cheap
features, the article model, and one model per page type. The type threshold is the highest probability any
held-out article dump reached on any fold (only articles reach the feeds; `python bench/otherdumps.py
--articles` checks the shipped model), so the model types almost nothing by itself (1 held-out dump of
1,308); what it changes is the content of an article dump it doubts (above 0.98, chosen on dev folds f1+f3
with bench/dumpprofiles.py): the content profile, which on the non-article pages the rules leave as articles
beats the article run for forums, listings and service pages and keeping every line for every type.

A second opinion puts more dumps in doubt: a small decision tree (depth 3, shipped as nested numbers) fitted
to where the content profile beat the article run, page by page, on our renderer's dumps and the real text
dumps only. A dump is in doubt too when the tree says above `content_cut` (0.85) and the article model above
`content_floor` (0.8): much prose outside the run, no headline found over it, the run holding a ninth of the
page's tokens or less. No threshold of the logistic model alone separates as well (`python bench/dumpmodel.py`
prints the held-out doubt per set, renderer and fold). wcxb-dev-other as dumps 0.594 -> 0.610, every fold
up, and it holds under the two renderers the tree never saw (bench/otherdumps.py --renderer b|c); no real
text dump is in doubt (aeb-en-text byte-identical).

Before either, a rule with no learned part: a dump whose lines never make a stretch of 30 tokens reading as
sentences (`without_prose_run`: a price table, a member directory, a page of two-line teasers) is no article,
seed-like or not, and takes the type models' most likely type (`structural_type`). On the cached dumps of
bench/dumpforest.py it types 8-15 more of wcxb-dev-other's 704 per renderer and no more article dump on any
renderer but held-out e (3 -> 4 of 1,104: a page that renderer prints with a tenth of its text).
A stretch may pass a few photo captions, one line at a time (`_longest_captioned`): a short story whose every
paragraph a caption follows. It types own captioned stories (tests/captions) articles under four real tools; on our
sets it recovers no article dump (`bench/otherdumps.py --articles` 0 -> 0, `bench/dumptypes.py` lynx/w3m/e
unchanged) and types one more wcxb-dev-other page an article under lynx and under w3m in the held-out folds
(60 -> 59, 63 -> 62 of 422 typed right); dev folds, held-out e and `bench/otherdumps.py` unchanged.

Pure functions; inference is a dot product per model and a walk down the tree, in plain Python.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from cleanfeed.rules.logistic import Logistic, logistic_from
from cleanfeed.text.dumptype import content_runs, row_counts
from cleanfeed.text.linescore import LineScore, is_header_line

_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
CJK_SHARE = 0.3           # a dump with more Han characters than this share of its characters is not judged:
                          # the non-article pages the model learned from are all in Latin script


class Tree(NamedTuple):
    """A small decision tree: `feature <= threshold` goes to `low`, else `high`; a leaf has no feature and
    holds `value` (the weighted share of its training dumps where the content profile beat the article run)."""

    feature: str | None
    threshold: float
    low: Tree | None
    high: Tree | None
    value: float

    def predict(self, feats: dict[str, float]) -> float:
        node = self
        while node.feature is not None and node.low is not None and node.high is not None:
            node = node.low if feats.get(node.feature, 0.0) <= node.threshold else node.high
        return node.value


class DumpModel(NamedTuple):
    gate: Logistic                        # the same question from the cheap features only (no row patterns)
    gate_floor: float                     # below this the gate's answer is `article`: no dump the trainer saw
                                          # that the full model doubts or types scored under it, by a margin
                                          # (bench/dumpmodel.py); degenerate dumps never take the gate
    article: Logistic                     # the probability that the dump is NOT an article
    threshold: float                      # above it the dump is not an article (no held-out article was)
    doubt: float                          # above it an article dump keeps its content lines
    types: dict[str, Logistic]            # page type → its model (argmax among the non-article types)
    content: Tree                         # whether the content profile beats the article run on this dump
    content_cut: float                    # above it, and with the article model above `content_floor`, an
    content_floor: float                  # article dump is in doubt too (the non-linear second opinion)


def _tree(data: dict[str, Any]) -> Tree:
    if "feature" not in data:
        return Tree(None, 0.0, None, None, float(data["value"]))
    return Tree(data["feature"], float(data["threshold"]), _tree(data["low"]), _tree(data["high"]),
                float(data["value"]))


@lru_cache(maxsize=1)
def dump_model() -> DumpModel:
    data: dict[str, Any] = json.loads(
        resources.files("cleanfeed").joinpath("data/dumpmodel.json").read_text("utf-8"))
    return DumpModel(logistic_from(data["gate"]), float(data["gate_floor"]), logistic_from(data["article"]),
                     float(data["threshold"]), float(data["doubt"]),
                     {k: logistic_from(v) for k, v in data["types"].items()}, _tree(data["content"]["tree"]),
                     float(data["content"]["cut"]), float(data["content"]["floor"]))


def _shape(key: str) -> str:
    """A line's shape: digits and words folded (`$12.99 - 3 left` and `$8.50 - 12 left` share one)."""
    return _LETTERS.sub("a", _DIGITS.sub("0", key))[:24]


def _longest_prose(scores: Sequence[LineScore], line_tokens: int = 10) -> int:
    """Tokens of the longest stretch of prose lines (reading as sentences, `line_tokens` tokens or more), short
    lines of up to 3 tokens between them allowed."""
    best = run = 0
    for s in scores:
        if s.quality >= 0.5 and s.tokens >= line_tokens:
            run += s.tokens
        elif s.tokens > 3:
            run = 0
        best = max(best, run)
    return best


class Run(NamedTuple):
    """What cleanfeed/text/dump.py found as the dump's article run, before the type is decided."""

    start: int
    end: int
    titled: bool          # a printed headline under the `<title>` was found above the run


def cheap_features(keys: Sequence[str], scores: Sequence[LineScore], run: Run) -> dict[str, float]:
    """The dump-level features read from the lines' scores and shapes, from the lines in `match_key` form,
    their first scores (cleanfeed/text/linescore.py) and the article run the dump cleaner found."""
    n = len(keys) or 1
    total = sum(s.tokens for s in scores) or 1
    prose = sum(s.tokens for s in scores if s.quality >= 0.5 and s.tokens >= 15)
    short = sum(1 for s in scores if 0 < s.tokens <= 4)
    link_like = sum(1 for s in scores if 0 < s.tokens <= 6 and s.quality < 0.3)
    shapes = Counter(_shape(k) for k, s in zip(keys, scores, strict=True) if s.tokens > 0)
    repeated = sum(c for c in shapes.values() if c >= 3)
    lines_repeated = Counter(keys)
    labels = sum(1 for k, c in lines_repeated.items() if c >= 4 and 0 < len(k.split()) <= 4)
    longest = _longest_prose(scores)
    in_run = sum(s.tokens for s in scores[run.start:run.end])
    outside = [s.tokens if s.quality >= 0.5 and s.tokens >= 10 else 0 for s in scores]
    outside[run.start:run.end] = [0] * (run.end - run.start)
    stretches = content_runs([s.tokens * max(s.quality, 0.3) - 2.0 for s in scores])
    feats = {
        "prose_share": prose / total,
        "short_share": short / n,
        "link_like_share": link_like / n,
        "repeated_shape_share": repeated / n,
        "longest_prose_share": longest / total,
        "log_longest_prose": math.log1p(longest),
        "log_lines": math.log1p(n),
        "log_tokens": math.log1p(total),
        "log_labels": math.log1p(labels),
        "mean_quality": sum(s.quality for s in scores) / n,
        "titled": float(run.titled),
        "run_share": in_run / total,
        "log_run_tokens": math.log1p(in_run),
        "run_lines_share": (run.end - run.start) / n,
        "before_run_share": run.start / n,
        "after_run_share": (n - run.end) / n,
        "outside_prose_share": sum(outside) / total,
        "log_stretches": math.log1p(len(stretches)),
    }
    return feats


def row_features(keys: Sequence[str], scores: Sequence[LineScore]) -> dict[str, float]:
    """Lines matching dumptype.toml's row patterns (price, cart, rating, reply, code, `Read more`) and dated
    lines, as counts and shares: about 3.6 ms on an English article dump, so read only past the gate."""
    n = len(keys) or 1
    feats = {}
    for name, count in row_counts(keys, scores).items():
        feats[f"log_{name}"] = math.log1p(count)
        feats[f"{name}_share"] = count / n
    return feats


def features(keys: Sequence[str], scores: Sequence[LineScore], run: Run) -> dict[str, float]:
    """Every feature the models read (bench/dumpmodel.py trains on these)."""
    return cheap_features(keys, scores, run) | row_features(keys, scores)


def judged(keys: Sequence[str]) -> bool:
    """The model judges dumps in Latin script only (it never saw a Chinese page that is not an article)."""
    han = sum(len(_HAN.findall(k)) for k in keys if not k.isascii())
    return han <= CJK_SHARE * (sum(map(len, keys)) or 1)


class Verdict(NamedTuple):
    page_type: str        # `article` or the most likely other type
    doubtful: bool        # an article that reads like a page of sections: keep its content lines, not one run


# The gate answers only for a dump of this many lines or more with a non-empty article run. A smaller or
# degenerate dump (one line, no run) lies outside what the gate was fitted on (a one-line dump with an empty
# run scored under the floor while the full model gave it 1.0), and reading its row patterns costs little:
# about 0.13 ms for 20 lines of an aeb-en-text dump, against 1.9 ms for the whole 350-line dump.
GATE_MIN_LINES = 20


def gate_answers(keys: Sequence[str], run: Run) -> bool:
    """Whether the gate may answer `article` alone for this dump (else the full model is always read)."""
    return len(keys) >= GATE_MIN_LINES and run.end > run.start


def full_verdict(feats: dict[str, float], model: DumpModel) -> Verdict:
    """The full model's verdict from every feature: the gate must never answer otherwise where it answers."""
    p = model.article.probability(feats)
    if p <= model.threshold:
        second = p > model.content_floor and model.content.predict(feats) > model.content_cut
        return Verdict("article", p > model.doubt or second)
    return Verdict(max(model.types, key=lambda t: model.types[t].logit(feats)), False)


# A page with no run of prose at all is no article, whatever its rows look like: a price table, a member
# directory, a tag page of two-line teasers, a product page, a help page of steps. Its longest stretch of lines
# reading as sentences (`_longest_prose` over lines of NO_RUN_LINE_TOKENS tokens or more, so that a story
# told in short paragraphs, or one whose wrapped paragraph the unwrapper split, still counts as one stretch)
# stays under NO_RUN_TOKENS tokens over NO_RUN_MIN_LINES distinct lines or more (a shorter dump shows too little to
# read a structure from: the seed-like article dumps of the dev folds under 30 tokens have 1 or 2 lines). Chosen on
# dev folds f1+f3 of the training renderers (a, b, lynx, html2text and aeb-en-text): the lowest whole-page
# article dump there has a 40-token stretch of 10-token lines; 30 leaves a quarter of it for a renderer that
# breaks a page's paragraphs shorter. With lines of 10+ tokens only, a three-paragraph news brief whose first
# paragraph the unwrapper left in two pieces (tests/data/dates/round13 a08 under lynx) was typed a listing.
NO_RUN_TOKENS = 30
NO_RUN_LINE_TOKENS = 4
NO_RUN_MIN_LINES = 20


# A short story whose paragraphs are each under NO_RUN_TOKENS tokens may have a photo caption between every two
# (`Workers sort aluminium cans at the plant in Ohio`: a line of a few words, no sentence end), which breaks every
# stretch. A teaser listing's title between two excerpts has the same shape, line by line; what parts them is the
# whole dump: a caption stands alone between two paragraphs (a teaser's title comes with a date, a byline, a
# `Read more` or an excerpt cut short, which end the stretch here), and a short story has a few captions where a
# listing repeats its title + excerpt unit down the page. So a stretch of prose lines may pass one caption-like
# line at a time (CAPTION_TOKENS tokens or fewer, no date or byline, no link cue, not cut short) between two lines
# of CAPTION_PARAGRAPH tokens or more (a shop's price lines and image alt texts read as sentences too), and only in a
# dump with CAPTIONS_MAX such lines between prose lines or fewer, all stretches counted: a dump with more is a list
# of items, however its other lines cut it up. Left alone: a listing of CAPTIONS_MAX + 1 teasers or fewer with
# nothing but a title between its excerpts.
CAPTION_TOKENS = 20
CAPTIONS_MAX = 3
CAPTION_PARAGRAPH = 12
_MORE = re.compile(r"\b(read more|continue reading|full story)|[»›→]\s*$", re.I)
_MARKS = re.compile(r"\W*")


def _cut_short(key: str) -> bool:
    """The line ends in an ellipsis (`...`, `…`) with only marks after it: an excerpt cut short. Read from the
    line's end: a regex search for the ellipsis and the marks goes quadratic on a long run of marks."""
    tail = _MARKS.match(key[::-1])
    return tail is not None and ("..." in tail.group() or "…" in tail.group())


def _caption_like(key: str, score: LineScore) -> bool:
    """A line that may stand between two paragraphs of one story: a few words, no date, byline or link cue."""
    return (score.tokens <= CAPTION_TOKENS and not is_header_line(key) and _MORE.search(key) is None
            and not _cut_short(key))


def _longest_captioned(keys: Sequence[str], scores: Sequence[LineScore]) -> int:
    """Tokens of the longest stretch of prose lines (`_longest_prose`'s, NO_RUN_LINE_TOKENS tokens or more) where
    one caption-like line at a time may stand between two of them; 0 when the dump has more than CAPTIONS_MAX
    such lines between prose lines. A date or byline line, a short `Read more` line or a cut-short teaser
    ends a stretch."""
    best = run = captions = last = 0
    pending = False                     # a caption-like line after the stretch's last prose line
    for key, s in zip(keys, scores, strict=True):
        if s.tokens < 10 and is_header_line(key):   # a date or byline line between two teasers' excerpts
            run, pending = 0, False
        elif s.quality >= 0.5 and s.tokens >= NO_RUN_LINE_TOKENS and not _cut_short(key):
            if pending and s.tokens < CAPTION_PARAGRAPH:
                run = 0                 # a price or an image's alt text after a product's name: no paragraph
            captions += pending and s.tokens >= CAPTION_PARAGRAPH
            run, pending, last = run + s.tokens, False, s.tokens
            best = max(best, run)
        elif s.tokens == 0 or (s.tokens <= 3 and _MORE.search(key) is None):
            continue
        elif run and not pending and last >= CAPTION_PARAGRAPH and _caption_like(key, s):
            pending = True
        else:
            run, pending = 0, False
    return best if captions <= CAPTIONS_MAX else 0


def without_prose_run(keys: Sequence[str], scores: Sequence[LineScore]) -> bool:
    """Whether the dump has NO_RUN_MIN_LINES distinct lines or more and no stretch of NO_RUN_TOKENS tokens of lines
    reading as sentences, a few captions between them allowed (in Latin script: `judged`)."""
    if _longest_prose(scores, NO_RUN_LINE_TOKENS) >= NO_RUN_TOKENS:
        return False
    if _longest_captioned(keys, scores) >= NO_RUN_TOKENS:
        return False
    if len({k for k, s in zip(keys, scores, strict=True) if s.tokens > 0}) < NO_RUN_MIN_LINES:
        return False        # a line printed again and again is no record (a breadcrumb twenty times over)
    return judged(keys)


def structural_type(keys: Sequence[str], scores: Sequence[LineScore], run: Run, model: DumpModel | None = None) \
        -> str | None:
    """The type of a dump with no run of prose at all (`without_prose_run`): the most likely of the type
    models' non-article types; None for any other dump, which the rules and `learned_type` decide."""
    if not without_prose_run(keys, scores):
        return None
    model = model or dump_model()
    feats = features(keys, scores, run)
    return max(model.types, key=lambda t: model.types[t].logit(feats))


def learned_type(keys: Sequence[str], scores: Sequence[LineScore], run: Run, model: DumpModel | None = None) \
        -> Verdict:
    """The model's verdict on a dump the rules called an article: another type when it scores above the
    model's threshold (no held-out article did); an article in doubt above `doubt`, whose content is kept by
    the non-article profile (cleanfeed/text/dumptype.py: every stretch that pays for its lines) — on dev folds
    f1+f3 that profile beats the article run on such pages, articles and not (bench/dumpmodel.py). The gate
    skips the row patterns of a dump it scores under `gate_floor`; the trainer puts the floor under every dump
    it sees that the full model doubts or types, by a margin, and degenerate dumps never take the gate."""
    if not judged(keys):
        return Verdict("article", False)
    model = model or dump_model()
    feats = cheap_features(keys, scores, run)
    if gate_answers(keys, run) and model.gate.probability(feats) < model.gate_floor:   # ~2 in 3 article dumps
        return Verdict("article", False)
    return full_verdict(feats | row_features(keys, scores), model)


__all__ = ["CAPTIONS_MAX", "CAPTION_PARAGRAPH", "CAPTION_TOKENS", "GATE_MIN_LINES", "NO_RUN_LINE_TOKENS",
           "NO_RUN_MIN_LINES", "NO_RUN_TOKENS", "DumpModel", "Logistic", "Run", "Tree", "Verdict", "cheap_features",
           "dump_model", "features", "full_verdict", "gate_answers", "judged", "learned_type", "structural_type",
           "without_prose_run"]
