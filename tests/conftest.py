"""Shared pytest options, markers and fixtures.

Helpers the test files share live in the `helpers` package (tests/helpers/); pytest's default import mode puts
this folder on sys.path, so test files import them as `from helpers.feeds import …`."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MYPY_TEST = "test_lint.py::test_mypy_strict_is_clean"
_MYPY = pytest.StashKey["subprocess.Popen[str]"]()


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


def _start_mypy() -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "mypy"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def pytest_collection_finish(session: pytest.Session) -> None:
    """When test_lint's mypy test is among the tests to run, mypy starts now, beside the suite (which runs on one
    core): from a fresh clone, with no cache, it takes ~20-25 s that the test would otherwise wait through at its
    turn. The test still runs the whole of `mypy` and judges it the same way (fixture `mypy_done`)."""
    if not session.config.option.collectonly and any(item.nodeid.endswith(MYPY_TEST) for item in session.items):
        session.config.stash[_MYPY] = _start_mypy()


def pytest_unconfigure(config: pytest.Config) -> None:
    """A mypy started for a test that never ran (the run was stopped, or failed first) is not left behind."""
    proc = config.stash.get(_MYPY, None)
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.communicate()


@pytest.fixture
def mypy_done(request: pytest.FixtureRequest) -> subprocess.CompletedProcess[str]:
    """`python -m mypy` (strict, configured in pyproject.toml) run to its end in the repository: the one
    started at collection, or one started now."""
    proc = request.config.stash.get(_MYPY, None) or _start_mypy()
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
