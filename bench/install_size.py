"""The base install's size: a fresh virtual environment, `pip install <this checkout>` (no extras), then
everything in its site-packages, pip and setuptools included (how issue #21 measured 271 MB; the budget is
120 MB). Prints the total and each distribution's share (its files as listed in RECORD, plus the bytecode
pip compiled for them).

    python bench/install_size.py                          # with this interpreter
    python bench/install_size.py --python /usr/bin/python3 --keep /tmp/sizevenv
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside the new environment: every distribution's files (from RECORD), sized on disk, with the
# __pycache__ entries of its modules; whatever no RECORD names is reported as such.
PROBE = r"""
import json, os, sys, sysconfig
from importlib import metadata
site = sysconfig.get_paths()["purelib"]
sizes, claimed = {}, set()
for dist in metadata.distributions(path=[site]):
    total = 0
    for f in dist.files or []:
        path = os.path.realpath(os.path.join(site, f))
        if path in claimed or not os.path.isfile(path):
            continue
        claimed.add(path)
        total += os.path.getsize(path)
        if path.endswith(".py"):
            cache = os.path.join(os.path.dirname(path), "__pycache__")
            stem = os.path.basename(path)[:-3] + "."
            if os.path.isdir(cache):
                for pyc in os.listdir(cache):
                    full = os.path.join(cache, pyc)
                    if pyc.startswith(stem) and full not in claimed:
                        claimed.add(full)
                        total += os.path.getsize(full)
    sizes[dist.metadata["Name"]] = sizes.get(dist.metadata["Name"], 0) + total
everything = 0
for folder, _, files in os.walk(site):
    for name in files:
        full = os.path.realpath(os.path.join(folder, name))
        everything += os.path.getsize(full)
sizes["(not in any RECORD)"] = everything - sum(sizes.values())
print(json.dumps({"site": site, "total": everything, "sizes": sizes, "python": sys.version.split()[0]}))
"""


def measure(python: str, venv: Path) -> dict[str, object]:
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", str(ROOT)], check=True)
    done = subprocess.run([str(venv / "bin" / "python"), "-c", PROBE], check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", default=sys.executable, help="interpreter to make the venv with")
    ap.add_argument("--keep", type=Path, help="make the venv here and keep it (default: a temporary folder)")
    ap.add_argument("--budget-mb", type=float, default=120.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(args.python, args.keep or Path(tmp) / "venv")
    sizes: dict[str, int] = result["sizes"]  # type: ignore[assignment]
    total = int(result["total"])  # type: ignore[call-overload]
    print(f"Python {result['python']}, {result['site']}")
    print(f"{'distribution':<28} {'MiB':>8} {'MB':>8}")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{name:<28} {size / 2**20:8.1f} {size / 1e6:8.1f}")
    verdict = "within" if total / 1e6 <= args.budget_mb else "OVER"
    print(f"{'total site-packages':<28} {total / 2**20:8.1f} {total / 1e6:8.1f}   "
          f"({verdict} the {args.budget_mb:g} MB budget)")


if __name__ == "__main__":
    main()
