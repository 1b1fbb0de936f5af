"""The logistic models the learned page-type deciders ship (cleanfeed/text/dumpmodel.py and
cleanfeed/html/typemodel.py read them as `Logistic`: features, mean, scale, bias + weights), fitted the same
way for both by bench/dumpmodel.py and bench/typemodel.py: standardised features, L2-regularised Newton steps.
numpy is a bench dependency only; inference in the package is plain Python."""
from __future__ import annotations

from typing import Any

import numpy as np

Page = dict[str, Any]       # a page's features under "x", as the two trainers collect them


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float) -> np.ndarray:
    """Bias and weights of an L2-regularised logistic regression (Newton steps; the bias is not penalised)."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -60, 60)))
        grad = a.T @ (weight * (p - y)) + penalty * w
        hess = (a * (weight * p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def matrix(pages: list[Page], names: list[str]) -> np.ndarray:
    return np.array([[p["x"].get(n, 0.0) for n in names] for p in pages], dtype=float)


def fit(pages: list[Page], names: list[str], target: list[bool], weight: np.ndarray | None, l2: float
        ) -> dict[str, Any]:
    """A logistic model as the package's `Logistic` reads it (every page weighing one unless `weight`)."""
    raw = matrix(pages, names)
    mean, scale = raw.mean(0), raw.std(0) + 1e-9
    y = np.array(target, dtype=float)
    w = fit_logistic((raw - mean) / scale, y, np.ones(len(y)) if weight is None else weight, l2)
    return {"features": names, "mean": mean.tolist(), "scale": scale.tolist(), "weights": w.tolist()}


def probability(model: dict[str, Any], pages: list[Page]) -> np.ndarray:
    """Each page's probability under `model`."""
    if not pages:
        return np.zeros(0)
    x = (matrix(pages, model["features"]) - np.array(model["mean"])) / np.array(model["scale"])
    w = np.array(model["weights"])
    return np.asarray(1 / (1 + np.exp(-np.clip(w[0] + x @ w[1:], -60, 60))))
