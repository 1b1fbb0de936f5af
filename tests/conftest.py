"""Shared pytest options, markers and fixtures.

Helpers the test files share live in the `helpers` package (tests/helpers/); pytest's default import mode puts
this folder on sys.path, so test files import them as `from helpers.feeds import …`."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).resolve().parent


# No timing assertions in tests: hypothesis's default 200 ms deadline per example is one (test_minhash failed
# on it while benchmarks loaded the machine). Every property test runs without it; a test that sets its own
# `deadline=` still may, and none does.
settings.register_profile("cleanfeed", deadline=None)
settings.load_profile("cleanfeed")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files from the current output (review the diff afterwards)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: over about a second (crash loops, Dask clusters, score gates); "
                   "the fast lane is `pytest -m \"not slow\"`")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under `pytest --update-golden`: golden-file tests write what they got instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="module")
def faulty_cleaner() -> Iterator[str]:
    """The fault-injecting cleaner (helpers/faulty.py) as worker processes name it, with tests/ on PYTHONPATH
    for the whole module: Dask nannies start replacement workers with this process's environment."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))
        yield "helpers.faulty:clean_page"
