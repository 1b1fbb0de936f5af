"""Start-up time of light commands against a bare interpreter, in the same run: `python -c pass`, then
`cleanfeed --version`, `--help`, `check` (in a copy of the seed project) and `serve` (until its port
answers). Each N times; the median, the range and the ratio to the bare interpreter's median, for the wall
time and for the CPU time of the child (user + system): on a shared machine the wall time of a 50 ms
process doubles when another job holds the core, its CPU time barely moves.

    python bench/startup.py                 # 7 runs each
    python bench/startup.py --code /tmp/cf-prev --runs 5
    /tmp/venv/bin/python bench/startup.py --installed    # the cleanfeed installed there (e.g. from a wheel)

The bare interpreter is this one (`sys.executable`), with its site-packages: in a dev venv that includes the
editable install's `.pth` finder, which imports pathlib, re, urllib.parse … at every start (bare python and
cleanfeed alike), so ratios there are lower than for a regular install (README, issue #23 report).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run."""
    cpu, t0 = children_cpu(), time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0, children_cpu() - cpu


def serve_until_listening(env: dict[str, str], cwd: Path, folder: Path) -> tuple[float, float]:
    """(wall seconds until the port answers, CPU seconds of the server until it was stopped right then)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cpu, t0 = children_cpu(), time.perf_counter()
    wall = None
    proc = subprocess.Popen([sys.executable, "-m", "cleanfeed", "serve", str(folder), "--port", str(port), "-q"],
                            env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < 20:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                wall = time.perf_counter() - t0
                break
            except OSError:
                time.sleep(0.002)
    finally:
        proc.terminate()
        proc.wait(10)
    if wall is None:
        raise SystemExit("serve did not start")
    return wall, children_cpu() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--installed", action="store_true",
                    help="time the cleanfeed installed in this interpreter's environment, not --code")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleanfeed-startup-") as tmp:
        # An installed cleanfeed has its bytecode compiled (pip does it); a shell with PYTHONDONTWRITEBYTECODE
        # would compile every module from source on every start (check: ~60 ms of 120). The bytecode goes to
        # a folder of its own, never into the checkout, and one untimed round writes it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env.pop("PYTHONPATH", None)
        if not args.installed:
            env["PYTHONPATH"] = str(args.code.resolve())
        project = Path(tmp) / "project"
        for name in ("feeds", "cleaners", "seeds"):
            shutil.copytree(ROOT / name, project / name)
        (project / "public").mkdir()
        (project / "public" / "f.atom").write_text("<feed/>", encoding="utf-8")
        cases: dict[str, Callable[[], tuple[float, float]]] = {
            "python -c pass": lambda: timed([sys.executable, "-c", "pass"], env, project),
            "cleanfeed --version": lambda: timed([sys.executable, "-m", "cleanfeed", "--version"], env, project),
            "cleanfeed --help": lambda: timed([sys.executable, "-m", "cleanfeed", "--help"], env, project),
            "cleanfeed check": lambda: timed([sys.executable, "-m", "cleanfeed", "check"], env, project),
            "cleanfeed serve (listening)": lambda: serve_until_listening(env, project, project / "public"),
        }
        for case in cases.values():
            case()
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpus: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):                   # interleaved: a busy moment hits every case alike
            for name, case in cases.items():
                wall, cpu = case()
                times[name].append(wall)
                cpus[name].append(cpu)
    code = "installed" if args.installed else args.code
    print(f"{args.runs} runs each, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; code: {code}; "
          f"python: {sys.executable}")
    for clock, table in (("wall", times), ("CPU", cpus)):
        bare = statistics.median(table["python -c pass"])
        for name, values in table.items():
            med = statistics.median(values)
            print(f"{clock:4s} {name:30s} median {med * 1e3:6.0f} ms  range {min(values) * 1e3:4.0f}–"
                  f"{max(values) * 1e3:4.0f} ms  ×{med / bare:.2f} bare python")
    return 0


if __name__ == "__main__":
    sys.exit(main())
