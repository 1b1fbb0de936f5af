"""bench/dates.py's `--miss-folds` lists the misses of the named folds only, so it needs `--misses` (else nothing is
listed) and `--folds` (else no page has a fold and the list is silently empty, which reads as "no misses"): asked
without them, the script says so before running any set."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_dates() -> ModuleType:
    sys.path.insert(0, str(BENCH))          # the script imports its neighbours (_owncases, _folds) by name
    try:
        spec = importlib.util.spec_from_file_location("bench_dates", BENCH / "dates.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module     # its dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


@pytest.mark.parametrize("argv", [["--misses", "--miss-folds", "0", "1"], ["--folds", "--miss-folds", "0"]],
                         ids=["without-folds", "without-misses"])
def test_miss_folds_without_what_it_needs_is_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        bench_dates().main(["--sets", "own-r11", *argv])
    assert exit_.value.code == 2 and "--miss-folds" in capsys.readouterr().err
