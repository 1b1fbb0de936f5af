"""A small weighted decision tree (CART, Gini), fitted with numpy for bench/dumpmodel.py and written as the
nested JSON that cleanfeed/text/dumpmodel.py's `Tree` reads: `{"feature", "threshold", "low", "high",
"value"}`, a leaf `{"value"}`. Splits are taken at midpoints between distinct values; ties go to the first
feature in name order, so a fit is reproducible."""
from __future__ import annotations

from typing import Any

import numpy as np


def _impurity(positive: np.ndarray, total: np.ndarray) -> np.ndarray:
    share = positive / np.maximum(total, 1e-12)
    return np.asarray(total * 2 * share * (1 - share))


def best_split(x: np.ndarray, y: np.ndarray, w: np.ndarray, min_leaf: int) -> tuple[int, float, float] | None:
    """(feature, threshold, impurity drop) of the best split with `min_leaf` rows or more on each side."""
    n = len(y)
    base = float(_impurity(np.array(w @ y), np.array(w.sum())))
    best: tuple[int, float, float] | None = None
    for j in range(x.shape[1]):
        order = np.argsort(x[:, j], kind="stable")
        xs, cw, cp = x[order, j], np.cumsum(w[order]), np.cumsum(w[order] * y[order])
        rows = np.arange(1, n)
        valid = (xs[:-1] < xs[1:]) & (rows >= min_leaf) & (n - rows >= min_leaf)
        if not valid.any():
            continue
        drop = base - _impurity(cp[:-1], cw[:-1]) - _impurity(cp[-1] - cp[:-1], cw[-1] - cw[:-1])
        drop[~valid] = -1.0
        k = int(drop.argmax())
        if drop[k] > 1e-12 and (best is None or drop[k] > best[2] + 1e-12):
            best = (j, float((xs[k] + xs[k + 1]) / 2), float(drop[k]))
    return best


def fit_tree(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str], depth: int,
             min_leaf: int) -> dict[str, Any]:
    """The tree as nested dicts; each node's `value` is the weighted share of positive rows under it."""
    value = round(float(w @ y / w.sum()), 6)
    split = best_split(x, y, w, min_leaf) if depth > 0 and len(y) >= 2 * min_leaf else None
    if split is None:
        return {"value": value}
    j, threshold, _ = split
    low = x[:, j] <= threshold
    return {"feature": names[j], "threshold": round(threshold, 6), "value": value,
            "low": fit_tree(x[low], y[low], w[low], names, depth - 1, min_leaf),
            "high": fit_tree(x[~low], y[~low], w[~low], names, depth - 1, min_leaf)}


def predict(tree: dict[str, Any], feats: dict[str, float]) -> float:
    while "feature" in tree:
        tree = tree["low"] if feats.get(tree["feature"], 0.0) <= tree["threshold"] else tree["high"]
    return float(tree["value"])


def describe(tree: dict[str, Any], indent: str = "") -> str:
    if "feature" not in tree:
        return f"{indent}-> {tree['value']:.3f}\n"
    return (f"{indent}{tree['feature']} <= {tree['threshold']:.4f}\n" + describe(tree["low"], indent + "  ")
            + f"{indent}{tree['feature']} > {tree['threshold']:.4f}\n" + describe(tree["high"], indent + "  "))
