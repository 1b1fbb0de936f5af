"""The logistic models shipped as data (review r7): a damaged model fails when it is loaded, with a message, and
a logit that is not a number is no opinion rather than certainty."""
from __future__ import annotations

import math
from typing import Any

import pytest

from cleanfeed.rules.logistic import logistic_from

GOOD: dict[str, Any] = {"features": ["a", "b"], "mean": [0.0, 1.0], "scale": [1.0, 2.0], "weights": [0.5, 1.0, -1.0]}


def test_a_good_model_reads_its_features() -> None:
    model = logistic_from(GOOD)
    assert model.logit({"a": 1.0, "b": 3.0}) == pytest.approx(0.5)
    assert model.probability({"a": 1.0, "b": 3.0}) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert model.probability({"a": 1e308, "b": -1e308}) == 1.0        # overflow saturates, never raises
    assert model.probability({"a": -math.inf}) == pytest.approx(0.0)


def test_a_logit_that_is_not_a_number_is_no_opinion() -> None:
    model = logistic_from(GOOD)
    assert model.probability({"a": math.nan}) == 0.5
    assert model.probability({"a": math.inf, "b": -math.inf}) == 1.0   # both push the same way: +inf
    assert logistic_from({**GOOD, "weights": [0.0, 0.0, 1.0]}).probability({"a": math.inf}) == 0.5   # 0 × inf


@pytest.mark.parametrize(("change", "message"), [
    ({"scale": [1.0, 0.0]}, "scale that is not positive"),
    ({"mean": [0.0]}, "2 features with 1 means"),
    ({"weights": [1.0, 2.0]}, "2 weights"),
    ({"weights": [0.5, math.nan, 1.0]}, "not finite"),
    ({"mean": [0.0, "x"]}, "not a number"),
])
def test_a_damaged_model_fails_when_loaded(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        logistic_from({**GOOD, **change})


def test_a_missing_key_is_named() -> None:
    with pytest.raises(ValueError, match="without 'scale'"):
        logistic_from({k: v for k, v in GOOD.items() if k != "scale"})
