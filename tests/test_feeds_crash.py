"""Crash safety: SIGKILL `cleanfeed add` / `build` at chosen points (the CLEANFEED_CRASH_AT hook) and at
arbitrary moments (timers started when the run opens the store). Every feed file must be byte-identical to
before or to the finished run, the store must pass SQLite's integrity check and still hold everything it
held before."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.feeds import text_page, write_page

from cleanfeed.cli import main

pytestmark = [pytest.mark.slow,             # kill -9 crash loops: ~15 s
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")]

FEED = 'title = "Crash"\nself_url = "https://crash.example/"\ninputs = ["in/*.txt"]\n'


def snapshot(root: Path) -> dict[str, bytes]:
    """Every published file (the item pages in public/items/ too), temporary files left out."""
    out = root / "public"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
            and not p.name.startswith(".")}


def live_ids(root: Path) -> set[str]:
    conn = sqlite3.connect(root / ".cleanfeed" / "store.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {r[0] for r in conn.execute("SELECT id FROM articles WHERE removed = 0")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`before`: a built project of 30 pages plus 12 new ones waiting in more/ and 12 more in in/ that
    the next build will see; `after_add` / `after_build`: the same project after a run that finished."""
    base = tmp_path_factory.mktemp("crash")
    before = base / "before"
    (before / "feeds").mkdir(parents=True)
    (before / "feeds" / "crash.toml").write_text(FEED)
    for n in range(30):
        write_page(before / "in", f"p{n:02}.txt", text_page(f"Copper story {n}", n),
                   fetched_at=f"2024-03-{1 + n % 28:02}T10:00:00+08:00")
    assert main(["-q", "--project", str(before), "build"]) == 0
    for n in range(30, 42):
        write_page(before / "more", f"p{n:02}.txt", text_page(f"Copper story {n}", n), fetched_at="2024-04-01")
    for n in range(42, 54):
        write_page(before / "later", f"p{n:02}.txt", text_page(f"Copper story {n}", n), fetched_at="2024-04-02")
    out = {"before": before}
    for name, args in (("after_add", ["add", str(base / "after_add" / "more")]), ("after_build", ["build"])):
        shutil.copytree(before, base / name)
        if name == "after_build":
            _move_later_into_inputs(base / name)
        assert main(["-q", "--project", str(base / name), *args]) == 0
        out[name] = base / name
    return out


def _move_later_into_inputs(root: Path) -> None:
    for path in sorted((root / "later").iterdir()):
        shutil.move(path, root / "in" / path.name)


def _has_store_open(pid: int) -> bool:
    """The process holds a file descriptor on the store (Linux's /proc): its imports are over and the
    run's work has begun."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}").endswith("store.sqlite")
                   for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:                                          # no /proc, or the descriptor closed meanwhile
        return False


def _wait_for_work(proc: subprocess.Popen[bytes], limit: float = 30.0) -> None:
    """Until the run opens the store (or ends): a fresh interpreter spends its first second or two on
    imports, and a kill timed from the start would land there, before anything is written."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and not _has_store_open(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.005)


def _run(root: Path, args: list[str], env: dict[str, str] | None = None, kill_after: float | None = None) -> int:
    """Run the CLI as a real process; with `kill_after`, SIGKILL it that many seconds after it opened the
    store."""
    proc = subprocess.Popen([sys.executable, "-m", "cleanfeed", "-q", "--project", str(root), *args],
                            cwd=root, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is not None:
        _wait_for_work(proc)
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=60)


def _finish(root: Path, args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """The next, ordinary run after a crash, in this process (cwd the project, as `_run` gives it): what is
    tested is the state it leaves, not the process; the killed runs above stay real processes. A fresh
    interpreter costs ~2 s of imports and rule compiling per run, this ~0.2 s."""
    monkeypatch.delenv("CLEANFEED_CRASH_AT", raising=False)
    monkeypatch.chdir(root)
    return main(["-q", "--project", str(root), *args])


def _check(root: Path, states: dict[str, Path], finished: str) -> None:
    old, new = snapshot(states["before"]), snapshot(states[finished])
    for name, data in snapshot(root).items():                # an item page may be only old or only new
        assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file"
    ids = live_ids(root)
    assert live_ids(states["before"]) <= ids                 # nothing already stored is lost
    assert ids in (live_ids(states["before"]), live_ids(states[finished]))   # a batch is all or nothing


@pytest.mark.parametrize("point", ["ingest-before-commit", "ingest-committed", "publish-temp-written",
                                   "publish-replaced:1", "publish-replaced:2", "publish-temp-written:3"])
def test_add_killed_at_a_chosen_point(tmp_path: Path, states: dict[str, Path], point: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "p"
    shutil.copytree(states["before"], root)
    code = _run(root, ["add", "more"], env={"CLEANFEED_CRASH_AT": point})     # cwd is the project
    assert code == -signal.SIGKILL
    _check(root, states, "after_add")
    assert _finish(root, ["add", "more"], monkeypatch) == 0   # the next run finishes the job
    assert snapshot(root) == snapshot(states["after_add"])
    assert not [p for p in (root / "public").rglob(".*")]   # stale temp files swept


@pytest.mark.parametrize("delay", [0.0, 0.1, 0.25, 0.5])     # after the store is open: the work takes ~0.8 s
def test_build_killed_at_an_arbitrary_moment(tmp_path: Path, states: dict[str, Path], delay: float,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "p"
    shutil.copytree(states["before"], root)
    _move_later_into_inputs(root)
    _run(root, ["build"], kill_after=delay)                  # may also have finished: the same rules hold
    _check(root, states, "after_build")
    assert _finish(root, ["build"], monkeypatch) == 0
    assert snapshot(root) == snapshot(states["after_build"])
