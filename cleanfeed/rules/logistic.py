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
        """The probability of the model's class; 0.5 (no opinion) when the logit is not a number. Both users
        act only above a high threshold, and `min(60.0, nan)` is 60.0: a NaN would have read as certainty."""
        logit = self.logit(feats)
        if math.isnan(logit):
            return 0.5
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


def logistic_from(data: dict[str, Any]) -> Logistic:
    """The model as its JSON holds it (`features`, `mean`, `scale`, `weights`); ValueError naming what is
    wrong when a key is missing, the lengths disagree or a number is not finite (a scale must be positive),
    so a damaged data file fails when it is loaded, not as a ZeroDivisionError inside some page."""
    try:
        model = Logistic(tuple(map(str, data["features"])), tuple(map(float, data["mean"])),
                         tuple(map(float, data["scale"])), tuple(map(float, data["weights"])))
    except KeyError as exc:
        raise ValueError(f"logistic model without {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise ValueError(f"logistic model with a value that is not a number ({exc})") from exc
    n = len(model.features)
    if not len(model.mean) == len(model.scale) == n or len(model.weights) != n + 1:
        raise ValueError(f"logistic model over {n} features with {len(model.mean)} means, {len(model.scale)} "
                         f"scales and {len(model.weights)} weights (the bias first)")
    if not all(map(math.isfinite, model.mean + model.scale + model.weights)) or min(model.scale, default=1.0) <= 0:
        raise ValueError("logistic model with a number that is not finite or a scale that is not positive")
    return model


__all__ = ["Logistic", "logistic_from"]
