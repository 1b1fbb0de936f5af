"""Retrain the sibling scorer (`cleanfeed/data/siblings.json`) from the shared extraction sets, and write the
site-disjoint fold models that `bench/heldout.py run NAME --models DIR` uses to measure it on pages whose
sites it never saw.

Samples: every page of the six sets in ../shared/data/extraction is cleaned once with the current code;
at its best root, every candidate block beside the root and its ancestors (`cleanfeed.html.siblings
.candidates`) is one sample: its features, label 1 when at least half of its 4-token shingles are in the
page's ground truth, weight = its shingles over the larger of its own and the truth's (a block as long as
the article counts fully; one line of a long article counts little, as in the page's score).

Model: 80 gradient-boosted trees of depth 3 for the logistic loss (numpy, exact split search:
deterministic, no random state); a logistic regression on the same samples did as well on articles
and 0.008 F1 worse on wcxb-dev-other (held-out folds).
Folds: the English sets by `bench/folds.json` (registrable domain; no site in two folds), each Chinese
set its own fold (leave-one-set-out). `fold_<f>.json` is trained on every other fold; `siblings.json`
(shipped) on all of them.

    python bench/train_siblings.py                        # collect, cross-fit, write the shipped model
    python bench/train_siblings.py --cache /tmp/sib.json  # keep the samples between runs
    python bench/heldout.py run sib-cv --models /tmp/cleanfeed-siblings   # cleaned with held-out models
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from pathlib import Path
from typing import Any

from _score import ROOT, load_scorer
from heldout import CJK_SETS, SETS, fold_of, page_bytes, truth_of

sys.path.insert(0, str(ROOT))

import numpy as np

from cleanfeed.html import score, siblings
from cleanfeed.html.blocks import linearize

SHIPPED = ROOT / "cleanfeed" / "data" / "siblings.json"


def collect(sets: tuple[str, ...]) -> list[dict[str, Any]]:
    """One sample per candidate block of every page's first root."""
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    scorer = load_scorer()
    seen: list[list[siblings.Candidate]] = []
    real = siblings.gather

    def spy(top: Any, *args: Any, **kwargs: Any) -> Any:   # whatever score.py passes, passed on
        if not seen:
            seen.append(siblings.candidates(top))
        return real(top, *args, **kwargs)

    score.gather = spy  # type: ignore[assignment]
    samples = []
    for name in sets:
        tok = scorer.TOKENIZERS["cjk" if name in CJK_SETS else "word"]
        truth = truth_of(name)
        for page_id in sorted(truth):
            seen.clear()
            with contextlib.suppress(CleanfeedError):     # a page with no article has no candidates
                clean(page_bytes(name, page_id), url=truth[page_id].get("url"))
            if not seen:
                continue
            gold = scorer.shingles(tok(truth[page_id].get("articleBody")), 4)
            n_gold = max(1, sum(gold.values()))
            for c in seen[0]:
                mine = scorer.shingles(tok("\n".join(b.text for b in linearize([c.element], None))), 4)
                n = sum(mine.values())
                if not n:
                    continue
                share = sum((mine & gold).values()) / n
                samples.append({"set": name, "page": page_id, "fold": fold_of(name, page_id),
                                "x": list(c.features), "y": int(share >= 0.5), "w": n / max(n, n_gold)})
        print(f"  {name}: {len(samples)} samples so far", file=sys.stderr)
    score.gather = real  # type: ignore[assignment]
    return samples


ROUNDS, DEPTH, RATE, MIN_LEAF = 80, 3, 0.1, 20.0   # boosted trees: 80 trees of depth 3, shrinkage 0.1


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict[str, Any]:
    """Gradient-boosted trees for the logistic loss (second-order, exact split search; deterministic)."""
    w = w / w.mean()
    prior = float(np.log((w * y).sum() / (w * (1 - y)).sum()))
    f = np.full(len(y), prior)
    trees = []
    for _ in range(ROUNDS):
        p = 1 / (1 + np.exp(-f))
        g, h = w * (p - y), np.maximum(w * p * (1 - p), 1e-12)
        tree = _grow(x, g, h, np.arange(len(y)), DEPTH)
        trees.append(tree)
        f += np.array([_predict(tree, row) for row in x])
    return {"features": list(siblings.FEATURES), "kind": "trees", "prior": round(prior, 6), "trees": trees,
            "threshold": 0.5}


def _grow(x: np.ndarray, g: np.ndarray, h: np.ndarray, idx: np.ndarray, depth: int) -> Any:
    leaf = round(float(-RATE * g[idx].sum() / (h[idx].sum() + 1.0)), 6)
    if depth == 0 or len(idx) < 2 * MIN_LEAF:
        return leaf
    best = (0.0, -1, 0.0)
    gs, hs = g[idx].sum(), h[idx].sum()
    parent = gs * gs / (hs + 1.0)
    for j in range(x.shape[1]):
        order = idx[np.argsort(x[idx, j], kind="stable")]
        v = x[order, j]
        cg, ch = np.cumsum(g[order])[:-1], np.cumsum(h[order])[:-1]
        ok = (v[1:] > v[:-1]) & (ch >= MIN_LEAF * 1e-3) & (hs - ch >= MIN_LEAF * 1e-3)
        ok &= (np.arange(1, len(v)) >= MIN_LEAF) & (np.arange(1, len(v)) <= len(v) - MIN_LEAF)
        if not ok.any():
            continue
        gain = cg ** 2 / (ch + 1.0) + (gs - cg) ** 2 / (hs - ch + 1.0) - parent
        gain[~ok] = -np.inf
        k = int(np.argmax(gain))
        if gain[k] > best[0]:
            best = (float(gain[k]), j, float((v[k] + v[k + 1]) / 2))
    if best[1] < 0:
        return leaf
    j, t = best[1], round(best[2], 6)
    left, right = idx[x[idx, j] <= t], idx[x[idx, j] > t]
    if not len(left) or not len(right):
        return leaf
    return [j, t, _grow(x, g, h, left, depth - 1), _grow(x, g, h, right, depth - 1)]


def _predict(tree: Any, row: Any) -> float:
    while isinstance(tree, list):
        tree = tree[2] if row[tree[0]] <= tree[1] else tree[3]
    return float(tree)


def arrays(samples: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (np.array([s["x"] for s in samples], dtype=float), np.array([s["y"] for s in samples], dtype=float),
            np.array([s["w"] for s in samples], dtype=float))


def weighted_accuracy(model: dict[str, Any], samples: list[dict[str, Any]]) -> float:
    m = siblings.Model.from_dict(model)
    right = sum(s["w"] for s in samples if (m.probability(tuple(s["x"])) >= m.threshold) == bool(s["y"]))
    return right / max(1e-9, sum(s["w"] for s in samples))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--cache", type=Path, help="samples JSON: read when it exists, else written")
    ap.add_argument("--folds-out", type=Path, default=Path("/tmp/cleanfeed-siblings"))
    ap.add_argument("--no-ship", action="store_true", help="write the fold models only")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)
    if args.cache and args.cache.exists():
        samples = json.loads(args.cache.read_text("utf-8"))
    else:
        samples = collect(tuple(args.sets))
        if args.cache:
            args.cache.write_text(json.dumps(samples), "utf-8")
    args.folds_out.mkdir(parents=True, exist_ok=True)
    folds = sorted({s["fold"] for s in samples})
    print(f"{len(samples)} samples, {sum(s['y'] for s in samples)} positive, folds {folds}")
    for f in folds:
        train = [s for s in samples if s["fold"] != f]
        test = [s for s in samples if s["fold"] == f]
        model = fit(*arrays(train))
        (args.folds_out / f"fold_{f}.json").write_text(json.dumps(model, indent=1), "utf-8")
        print(f"  fold {f:<14} train {len(train):>5}  held-out weighted accuracy {weighted_accuracy(model, test):.3f}"
              f"  (all-no {1 - sum(s['w'] * s['y'] for s in test) / max(1e-9, sum(s['w'] for s in test)):.3f})")
    model = fit(*arrays(samples))
    if not args.no_ship:
        SHIPPED.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        print(f"wrote {SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
