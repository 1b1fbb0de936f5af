"""Big pages of the shapes bench/bigpages.py builds clean to a safe result, not a hang (issue i17da: a 22 MB
price-table page took 93 s and 1.4 GB). Each page is cleaned in a subprocess with a generous timeout that only a
hang (growth faster than linear) would pass; no timing is asserted. The shapes that take a second or so a MB
run here at 2 MB; the table and the list of dated links (3-5 s a MB, ~60 MB of memory a MB) stay in the bench:
`python bench/bigpages.py --shapes table links zh-table zh-links`."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "bigpages.py"
CHEAP = ("article", "nested", "blob", "zh-article", "zh-nested", "zh-blob")


def bigpages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_bigpages", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("shape", CHEAP)
def test_a_2mb_page_of_each_shape_cleans(shape: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(bigpages().build(shape, 2.0))
    assert 1_900_000 < page.stat().st_size <= 2_000_000
    out = subprocess.run([sys.executable, str(BENCH), "--child", str(page)], capture_output=True, text=True,
                         timeout=120, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["outcome"].startswith("article "), result
