"""Small learned models shipped as data: a logistic regression over standardised features, as
bench/_logistic.py fits it and cleanfeed/data/*.json holds it (the dump page type of text/dumpmodel, the
page type of html/typemodel). Inference is a dot product in plain Python: no numpy on the hot path."""
from __future__ import annotations

import math
from typing import Any, NamedTuple


class Logistic(NamedTuple):
    """A logistic model over standardised features: bias first, then one weight per feature."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def logit(self, feats: dict[str, float]) -> float:
        x = ((feats.get(n, 0.0) - m) / s for n, m, s in zip(self.features, self.mean, self.scale, strict=True))
        return self.weights[0] + sum(w * v for w, v in zip(self.weights[1:], x, strict=True))

    def probability(self, feats: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, self.logit(feats)))))


def logistic_from(data: dict[str, Any]) -> Logistic:
    """The model as its JSON holds it (`features`, `mean`, `scale`, `weights`)."""
    return Logistic(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]))


__all__ = ["Logistic", "logistic_from"]
