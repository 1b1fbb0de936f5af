"""Start-up time of light commands against a bare interpreter, in the same run: `python -c pass`, then
`cleanfeed --version`, `--help`, `check` (in a copy of the seed project) and `serve` (until its port
answers). Each N times; the median, the range and the ratio to the bare interpreter's median.

    python bench/startup.py                 # 7 runs each
    python bench/startup.py --code /tmp/cf-prev --runs 5
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def serve_until_listening(env: dict[str, str], cwd: Path, folder: Path) -> float:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cleanfeed", "serve", str(folder), "--port", str(port), "-q"],
                            env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < 20:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return time.perf_counter() - t0
            except OSError:
                time.sleep(0.002)
        raise SystemExit("serve did not start")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--code", type=Path, default=ROOT)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.code.resolve())}
    with tempfile.TemporaryDirectory(prefix="cleanfeed-startup-") as tmp:
        project = Path(tmp)
        for name in ("feeds", "cleaners", "seeds"):
            shutil.copytree(ROOT / name, project / name)
        (project / "public").mkdir()
        (project / "public" / "f.atom").write_text("<feed/>", encoding="utf-8")
        cases = {
            "python -c pass": lambda: timed([sys.executable, "-c", "pass"], env, project),
            "cleanfeed --version": lambda: timed([sys.executable, "-m", "cleanfeed", "--version"], env, project),
            "cleanfeed --help": lambda: timed([sys.executable, "-m", "cleanfeed", "--help"], env, project),
            "cleanfeed check": lambda: timed([sys.executable, "-m", "cleanfeed", "check"], env, project),
            "cleanfeed serve (listening)": lambda: serve_until_listening(env, project, project / "public"),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):                   # interleaved: a busy moment hits every case alike
            for name, case in cases.items():
                times[name].append(case())
    bare = statistics.median(times["python -c pass"])
    print(f"{args.runs} runs each, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; code: {args.code}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:30s} median {med * 1e3:6.0f} ms  range {min(values) * 1e3:4.0f}–{max(values) * 1e3:4.0f} ms  "
              f"×{med / bare:.2f} bare python")
    return 0


if __name__ == "__main__":
    sys.exit(main())
