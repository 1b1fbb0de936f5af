"""The bench helpers (bench/_score.py) for the tests: `bench/` is a folder of scripts, not a package."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "bench" / "_score.py"
_SPEC = importlib.util.spec_from_file_location("bench_score", _PATH)
assert _SPEC and _SPEC.loader
_score = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_score)

SHARED = _score.SHARED
load_module = _score.load_module
load_scorer = _score.load_scorer
