"""Loading the shared reference tools (../shared/tools/*.py) and bench scripts by path.

They are scripts, not installed packages: the bench scripts import this module directly (their folder is
`sys.path[0]`). The tests never use it: they score with their own `tests/helpers/scoring.py`.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
# Every bench script imports this module before cleanfeed: from here on `import cleanfeed` is this checkout's,
# not the tree the venv has installed (a base tree unpacked with `git archive` and timed or scored from inside
# it measured the installed tree before; some scripts had their own copy of this line, others had none).
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))
# `../shared` beside the checkout (/work/main → /work/shared); a worktree one level deeper
# (/work/wt/NAME) finds it one folder further up.
SHARED = (Path(os.environ["CLEANFEED_SHARED"]) if os.environ.get("CLEANFEED_SHARED") else   # or say where
          next((p / "shared" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared"))


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """The Python file at `path` imported as a module named `name` (default: its stem)."""
    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    assert spec and spec.loader, f"cannot load {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_cached(path: Path, text: str) -> None:
    """Write a cached rendering whole or not at all (a temporary file, then a rename): benches run side by side
    share one cache, and one must never read a dump another is still writing."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


def load_scorer() -> ModuleType:
    """`../shared/tools/extraction_score.py`, the extraction benchmark's scorer (`evaluate(...)`)."""
    return load_module(SHARED / "tools" / "extraction_score.py", "extraction_score")


def set_arguments(doc: str | None, data: Path, tools: tuple[str, ...], out: Path) -> argparse.ArgumentParser:
    """The options every benchmark over a folder of ground-truth sets takes: which sets, how many pages,
    which tools, where predictions go. `--sets` defaults to every set in `data` with a ground truth."""
    sets = sorted(p.name for p in data.iterdir() if (p / "ground-truth.json").exists()) if data.is_dir() else []
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=sets, default=sets)
    ap.add_argument("--limit", type=int, help="first N pages (sorted ids) of each set")
    ap.add_argument("--tools", nargs="+", choices=tools, default=list(tools))
    ap.add_argument("--out", type=Path, default=out, help="predictions folder")
    ap.add_argument("--json", type=Path, help="also write the table rows as JSON")
    return ap
