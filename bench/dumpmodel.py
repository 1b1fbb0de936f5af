"""Train the dump page-type model (cleanfeed/text/dumpmodel.py → cleanfeed/data/dumpmodel.json), reproducibly.

Pages: wcxb-dev-other (704 non-article pages) rendered as dumps, against every article dump we have (the three
text sets of ../shared/data/text and the article HTML sets rendered as dumps), each HTML page rendered by both
naive scrapers (tests/helpers/dumps.py and dumps_c.py) so that the model does not learn one renderer's habits.
Folds are site-disjoint: bench/folds.json where it has the set (by registrable domain), else the domain in the
page id (daniel-zh-dev) or the page id (cwced-zh, one publisher per page) hashed into 5 folds. A page and its
renderings share a fold.

Two logistic models (Newton steps, L2): article against not, and among the non-article pages their type
(collection counted as listing: DESIGN.md has no collection type). The threshold is the highest held-out
probability any article dump reaches on any fold, so that on every fold no held-out article would have been
typed otherwise; the final model is trained on all pages and keeps it (and `bench/otherdumps.py --articles`
checks the shipped model on every article dump).

A second opinion, a small tree (bench/_dumptree.py), is fitted to where the content profile beat the article
run page by page (each page's gain against its gold, cached beside the features); it is trained on renderer
a and the real text dumps only, so that renderers b and c stay unseen by it, and the report prints its
held-out doubts per set, renderer and fold.

    python bench/dumpmodel.py            # cross-validated report, per fold and type
    python bench/dumpmodel.py --write    # also write cleanfeed/data/dumpmodel.json
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import math
import pickle
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import _logistic
import numpy as np
from _dumptree import describe, fit_tree, predict
from _logistic import matrix, probability
from _score import ROOT, load_scorer
from otherdumps import ARTICLE_HTML_SETS, ARTICLE_TEXT_SETS, EXTRACTION, FOLDS, RENDERERS, TEXT, rendered

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.text import dump
from cleanfeed.text.dumpmodel import GATE_MIN_LINES, Run, Verdict, cheap_features, features, judged
from cleanfeed.text.dumptype import dump_page_type
from cleanfeed.text.linescore import score_line

OUT = ROOT / "cleanfeed" / "data" / "dumpmodel.json"
L2 = 1.0
# An article dump whose probability of being something else is above DOUBT keeps its content lines (every
# stretch that pays for its lines) instead of its one article run. Chosen on dev folds f1+f3 with held-out
# probabilities (this script's cross-validation), the article run against the content profile per page:
# the highest value at which aeb-en-text (the real text dumps) loses nothing there (0.95: -0.0012;
# 0.98 and 0.99: 0.9419 = 0.9419); wcxb-dev-other rendered by dumps.py 0.6087 -> 0.6163 (0.99: 0.6112).
DOUBT = 0.98
# The gate answers `article` without reading the row patterns when its probability is under a margin times the
# lowest it gives any page it answers for (cleanfeed.text.dumpmodel.gate_answers) that the full model doubts
# or types: in sample, so by construction on every dump trained on. The margin is for the dumps it never saw:
# the lowest, over the folds, of the held-out dumps' lowest such gate probability over the training folds'
# (rounded down to 0.01), and at most GATE_MARGIN; so no held-out doubted dump of any fold would have been
# skipped, as the type threshold keeps every held-out article an article.
GATE_MARGIN = 0.9
# The second opinion (a small tree, cleanfeed.text.dumpmodel.Tree): fitted to where the content profile beat the
# article run, page by page (each page weighs the size of its gain or loss, in mean precision and recall), on
# the dumps of our own renderer (a) and the real text dumps only, so that renderers b and c stay unseen by it.
# An article dump is in doubt too when the tree says above CONTENT_CUT and the article model above
# CONTENT_FLOOR. Depth, leaf size and both cuts were fixed on renderer a's cross-validation (dev folds f1+f3:
# the pair with the most gain on wcxb-dev-other where aeb-en-text lost at most one page: 0.8 / 0.8), then the
# cut raised to 0.85 so that, as for DOUBT, no real text dump is in doubt (at 0.8 one aeb-en-text page of 181
# was, 0.9438 -> 0.9434; wcxb-dev-other as dumps 0.622 there, 0.610 at 0.85, 0.594 without the tree), and
# checked under renderers b and c (bench/otherdumps.py --renderer b|c).
TREE_RENDERERS = ("a", "text")
TREE_DEPTH = 3
TREE_MIN_LEAF = 20
CONTENT_CUT = 0.85
CONTENT_FLOOR = 0.8
TRAIN_RENDERERS = ("a", "c")   # the logistic models' renderers; b (bench/otherdumps.py) is never trained on
CHEAP = frozenset(cheap_features(["a"], [score_line("a")], Run(0, 1, False)))
FOLD_COUNT = 5
# The features are read by running the whole pipeline (`dump_features`), so every source and data file of the
# package keys the cache, not only the feature code: a new boilerplate rule moves the article run and with it
# `run_share`, and a cache keyed on three files trained a model a fresh clone could not rebuild. The shipped
# model itself is left out (training never reads it), so `--write` does not throw the cache away.
SOURCES = sorted(path for path in (ROOT / "cleanfeed").rglob("*")
                 if path.is_file() and path.suffix in {".py", ".toml", ".json", ".txt"} and path.name != OUT.name
                 and "__pycache__" not in path.parts) + [RENDERERS[r][0] for r in TRAIN_RENDERERS]
CACHE = Path("/tmp/cleanfeed-bench-dumpmodel") / hashlib.sha256(
    b"".join(p.read_bytes() for p in SOURCES)).hexdigest()[:12]


# One dump: `set`, `id`, `renderer`, `fold`, `type` (gold; `article` for article sets), `rule` (the type
# dumptype.toml's rules give), `x` (features).
Page = dict[str, Any]


def dump_features(text: str) -> tuple[dict[str, float] | None, str]:
    """The features of a dump where cleanfeed decides its type (None: it never gets there — a seed-like page,
    a Chinese dump, one refused), and the type dumptype.toml's rules give it. The pipeline runs for real, with
    both decisions recorded and answered `article`."""
    seen: dict[str, Any] = {"rule": "article", "x": None}

    def rules(keys: Any, scores: Any) -> str:
        seen["rule"] = dump_page_type(keys, scores)
        return "article"

    def model(keys: Any, scores: Any, run: Any, model: Any = None) -> Verdict:
        if judged(keys):
            seen["x"] = features(keys, scores, run)
        return Verdict("article", False)

    saved = dump.dump_page_type, dump.learned_type
    dump.dump_page_type, dump.learned_type = rules, model
    try:
        cleanfeed.clean(text)
    except CleanfeedError:
        pass
    finally:
        dump.dump_page_type, dump.learned_type = saved
    return seen["x"], seen["rule"]


def hashed_fold(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % FOLD_COUNT


def load_pages() -> list[Page]:
    path = CACHE / "pages.pickle"
    if path.exists():
        pages: list[Page] = pickle.loads(path.read_bytes())
        return pages
    folds = json.loads(FOLDS.read_text("utf-8"))
    out: list[Page] = []

    def add(name: str, pid: str, renderer: str, text: str, gold: str) -> None:
        fold = folds.get(name.removesuffix("-text"), {}).get(pid)
        if fold is None:
            fold = hashed_fold(pid.split("_")[1] if name.startswith("daniel") else pid)
        x, rule = dump_features(text)
        if x is None:
            return
        out.append({"set": name, "id": pid, "renderer": renderer, "fold": int(fold), "type": gold, "rule": rule,
                    "x": x})

    truth = json.loads((EXTRACTION / "wcxb-dev-other" / "ground-truth.json").read_text("utf-8"))
    for which in TRAIN_RENDERERS:
        for pid in sorted(truth):
            kind = truth[pid]["page_type"]
            add("wcxb-dev-other", pid, which, rendered("wcxb-dev-other", pid, which),
                "listing" if kind == "collection" else kind)
        for name in ARTICLE_HTML_SETS:
            for pid in sorted(json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))):
                add(name, pid, which, rendered(name, pid, which), "article")
    for name in ARTICLE_TEXT_SETS:
        for pid in sorted(json.loads((TEXT / name / "ground-truth.json").read_text("utf-8"))):
            text = gzip.decompress((TEXT / name / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
            add(name, pid, "text", text, "article")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def profile_body(text: str, doubted: bool) -> str:
    """cleanfeed's body of a dump with the model's verdict forced: `article`, in doubt or not."""
    def verdict(keys: Any, scores: Any, run: Any, model: Any = None) -> Verdict:
        return Verdict("article", doubted and judged(keys))
    saved = dump.learned_type
    dump.learned_type = verdict
    try:
        return cleanfeed.clean(text).text
    except CleanfeedError:
        return ""
    finally:
        dump.learned_type = saved


def load_gains(pages: list[Page]) -> None:
    """Each page of TREE_RENDERERS gets `gain`: the content profile's mean of precision and recall against its
    gold (../shared/tools/extraction_score.py, 4-token shingles) less the article run's."""
    path = CACHE / "gains.pickle"
    if not path.exists():
        scorer = load_scorer()
        gains: dict[tuple[str, str, str], float] = {}
        for page in pages:
            if page["renderer"] not in TREE_RENDERERS:
                continue
            name, pid = page["set"], page["id"]
            if page["renderer"] == "text":
                gold = json.loads((TEXT / name / "ground-truth.json").read_text("utf-8"))[pid]["articleBody"]
                text = gzip.decompress((TEXT / name / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
            else:
                gold = json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))[pid]["articleBody"]
                text = rendered(name, pid, page["renderer"])
            mean = [(scorer._precision(*c) + scorer._recall(*c)) / 2 for c in (
                scorer.page_counts(scorer.tokenize_cjk(gold), scorer.tokenize_cjk(profile_body(text, d)), 4)
                for d in (True, False))]
            gains[(name, pid, page["renderer"])] = mean[0] - mean[1]
        path.write_bytes(pickle.dumps(gains))
    gains = pickle.loads(path.read_bytes())
    for page in pages:
        page["gain"] = gains.get((page["set"], page["id"], page["renderer"]))


def fit(pages: list[Page], names: list[str], target: list[bool], weight: np.ndarray | None = None) -> dict[str, Any]:
    """A logistic model as cleanfeed/text/dumpmodel.py's `Logistic` reads it."""
    return _logistic.fit(pages, names, target, weight, L2)


class Model:
    """The gate (cheap features only), the article model and the type models, trained on `pages`."""

    def __init__(self, pages: list[Page], names: list[str]) -> None:
        y = [p["type"] != "article" for p in pages]
        share = sum(y) / len(y)
        balance = np.array([0.5 / share if t else 0.5 / (1 - share) for t in y])   # both classes weigh alike
        self.article = fit(pages, names, y, balance)
        self.gate = fit(pages, [n for n in names if n in CHEAP], y, balance)
        others = [p for p in pages if p["type"] != "article"]
        self.types = {kind: fit(others, names, [p["type"] == kind for p in others])
                      for kind in sorted({p["type"] for p in others})}
        self.tree = fit_content_tree([p for p in pages if p.get("gain") is not None], names)

    def second(self, pages: list[Page]) -> np.ndarray:
        """The tree's opinion: the content profile beats the article run on these dumps."""
        return np.array([predict(self.tree, p["x"]) for p in pages])

    def doubted(self, pages: list[Page]) -> np.ndarray:
        """Dumps the full model doubts or types (cleanfeed.text.dumpmodel.full_verdict)."""
        prob = self.prob(pages)
        return np.asarray((prob > DOUBT) | ((prob > CONTENT_FLOOR) & (self.second(pages) > CONTENT_CUT)))

    def prob(self, pages: list[Page]) -> np.ndarray:
        return probability(self.article, pages)

    def kind(self, pages: list[Page]) -> list[str]:
        kinds = list(self.types)
        scores = np.array([probability(self.types[k], pages) for k in kinds])
        return [kinds[i] for i in scores.argmax(0)]

    def as_data(self, threshold: float, doubt: float, gate_floor: float) -> dict[str, Any]:
        def rounded(model: dict[str, Any]) -> dict[str, Any]:
            return {k: v if k == "features" else [round(float(a), 6) for a in v] for k, v in model.items()}
        return {"comment": "written by bench/dumpmodel.py --write; read by cleanfeed/text/dumpmodel.py",
                "gate": rounded(self.gate), "gate_floor": gate_floor, "article": rounded(self.article),
                "threshold": round(threshold, 6), "doubt": doubt,
                "types": {k: rounded(v) for k, v in self.types.items()},
                "content": {"tree": self.tree, "cut": CONTENT_CUT, "floor": CONTENT_FLOOR}}


def fit_content_tree(pages: list[Page], names: list[str]) -> dict[str, Any]:
    """The tree of where the content profile beats the article run, each dump weighing its gain or loss."""
    gain = np.array([p["gain"] for p in pages])
    return fit_tree(matrix(pages, names), (gain > 0).astype(float), np.abs(gain) + 1e-3, names, TREE_DEPTH,
                    TREE_MIN_LEAF)


def gate_answers(page: Page) -> bool:
    """cleanfeed.text.dumpmodel.gate_answers from the features: `log_lines` is log1p of the dump's lines and
    `run_lines_share` is 0 for an empty run."""
    return round(float(np.expm1(page["x"]["log_lines"]))) >= GATE_MIN_LINES and page["x"]["run_lines_share"] > 0


def lowest_doubted_gate(model: Model, pages: list[Page]) -> float:
    """The lowest gate probability of a page the gate answers for that the full model doubts or types; 1.0 if
    there is none."""
    answered = [p for p in pages if gate_answers(p)]
    gate, doubted = probability(model.gate, answered), model.doubted(answered)
    return float(gate[doubted].min()) if doubted.any() else 1.0


def cross_validate(pages: list[Page], names: list[str]) -> tuple[np.ndarray, np.ndarray, list[str], float]:
    """Held-out probability and type of every page, each from the model trained without its fold, and the
    gate's margin: the lowest ratio, over the folds, of the held-out doubted dumps' lowest gate probability to
    the training folds' (capped at GATE_MARGIN, rounded down to 0.01)."""
    prob, second = np.zeros(len(pages)), np.zeros(len(pages))
    kinds = [""] * len(pages)
    ratios = []
    for fold in range(FOLD_COUNT):
        train = [p for p in pages if p["fold"] != fold]
        test = [i for i, p in enumerate(pages) if p["fold"] == fold]
        model = Model(train, names)
        held = [pages[i] for i in test]
        for i, pr, q, k in zip(test, model.prob(held), model.second(held), model.kind(held), strict=True):
            prob[i], second[i], kinds[i] = pr, q, k
        ratios.append(lowest_doubted_gate(model, held) / lowest_doubted_gate(model, train))
    margin = math.floor(min(GATE_MARGIN, *ratios) * 100) / 100
    print("gate: held-out / training lowest doubted gate probability per fold:",
          ", ".join(f"f{i} {r:.3f}" for i, r in enumerate(ratios)), f"-> margin {margin:.2f}")
    return prob, second, kinds, margin


def report(pages: list[Page], prob: np.ndarray, kinds: list[str], threshold: float) -> None:
    is_article = np.array([p["type"] == "article" for p in pages])
    print(f"threshold {threshold:.4f} (highest held-out article probability over all folds)")
    print(f"{'fold':<6}{'articles':>9}{'max p':>8}{'others':>8}{'by rules':>9}{'by model':>9}"
          f"{'either':>8}{'type right':>11}")
    for fold in range(FOLD_COUNT):
        idx = [i for i, p in enumerate(pages) if p["fold"] == fold]
        arts = [i for i in idx if is_article[i]]
        others = [i for i in idx if not is_article[i]]
        rules = sum(pages[i]["rule"] != "article" for i in others)
        model = sum(prob[i] > threshold for i in others)
        either = [i for i in others if pages[i]["rule"] != "article" or prob[i] > threshold]
        right = sum((pages[i]["rule"] if pages[i]["rule"] != "article" else kinds[i]) == pages[i]["type"]
                    for i in either)
        print(f"f{fold:<5}{len(arts):>9}{max(prob[i] for i in arts):>8.3f}{len(others):>8}{rules:>9}{model:>9}"
              f"{len(either):>8}{right:>11}")
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pages):
        if not is_article[i]:
            by_type[f"{p['type']} ({p['renderer']})"].append(i)
    print(f"\n{'gold type (renderer)':<26}{'pages':>6}{'typed':>7}{'type right':>11}{'model type right':>17}")
    for name in sorted(by_type):
        idx = by_type[name]
        typed = [i for i in idx if pages[i]["rule"] != "article" or prob[i] > threshold]
        right = sum((pages[i]["rule"] if pages[i]["rule"] != "article" else kinds[i]) == pages[i]["type"]
                    for i in typed)
        model_right = sum(kinds[i] == pages[i]["type"] for i in typed)
        print(f"{name:<26}{len(idx):>6}{len(typed):>7}{right:>11}{model_right:>17}")
    wrong = Counter(p["set"] for i, p in enumerate(pages) if is_article[i] and p["rule"] != "article")
    print("article dumps typed otherwise by the rules:", dict(wrong) or 0)


def report_doubt(pages: list[Page], prob: np.ndarray, second: np.ndarray) -> None:
    """Held-out doubt per set, renderer and fold: dumps in doubt by the article model alone (p > DOUBT) and by
    the second opinion too, and for the pages with a gain, the summed gain of the content profile on them."""
    print(f"\n{'set':<16}{'rend':<6}{'fold':>5}{'dumps':>6}{'doubt p':>8}{'+ tree':>7}{'gain of + tree':>15}")
    rows: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for i, p in enumerate(pages):
        rows[(p["set"], p["renderer"], p["fold"])].append(i)
    for (name, which, fold), idx in sorted(rows.items()):
        alone = [i for i in idx if prob[i] > DOUBT]
        added = [i for i in idx if prob[i] <= DOUBT and prob[i] > CONTENT_FLOOR and second[i] > CONTENT_CUT]
        gain = sum(pages[i]["gain"] for i in added if pages[i].get("gain") is not None)
        print(f"{name:<16}{which:<6}{fold:>5}{len(idx):>6}{len(alone):>8}{len(added):>7}{gain:>+15.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"write the model trained on all pages to {OUT}")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    pages = load_pages()
    names = sorted({n for p in pages for n in p["x"]})
    load_gains(pages)
    prob, second, kinds, margin = cross_validate(pages, names)
    threshold = float(max(prob[i] for i, p in enumerate(pages) if p["type"] == "article" and p["rule"] == "article"))
    report(pages, prob, kinds, threshold)
    report_doubt(pages, prob, second)
    final = Model(pages, names)
    print("second opinion (trained on all folds):\n" + describe(final.tree))
    inside = final.prob([p for p in pages if p["type"] == "article"])
    print(f"final model: {int((inside > threshold).sum())} article dumps above the threshold (in sample)")
    # rounded down: no page the trainer saw that the full model doubts or types is under it
    floor = math.floor(margin * lowest_doubted_gate(final, pages) * 1e4) / 1e4
    skip = (probability(final.gate, pages) < floor) & np.array([gate_answers(p) for p in pages])
    print(f"gate floor {floor:.4f}: {skip.mean():.1%} of the pages skip the row patterns "
          f"({skip[[p['set'] == 'aeb-en-text' for p in pages]].mean():.1%} of aeb-en-text)")
    if args.write:
        OUT.write_text(json.dumps(final.as_data(threshold, DOUBT, floor), indent=1) + "\n", "utf-8")
        print(f"written {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
