"""Speed and memory of cleaning plain-text pages: each seed, and a 1 MB text page.

    python bench/clean.py [--repeat 200]

Prints, per page, the median milliseconds of `clean_page` (decode → site rule → clean → language → dates)
on bytes already in memory, the peak memory of one call (tracemalloc), and — as the reference measured in
the same run — trafilatura.extract on the same text wrapped in <p> per line (the nearest existing tool for
text dumps, see ../shared/data/README.md), with the ratio. Target: well under 10 ms for a seed-sized page.
"""
from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet, load_rules


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()                                          # warm caches (rules, regexes, tables) once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_kib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def big_page(target: int = 1_000_000) -> bytes:
    """A 1 MB seed-like page: a banner, a headline, the seeds' paragraphs over and over, a footer."""
    paragraphs = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        lines = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if len(ln) > 80]
        paragraphs.extend(lines)
    head = "Metals Weekly\nHome > News > Aluminium\nA very long report on the recycled metals industry\n" \
           "Author: Jane Doe Release Time:2021/01/17 00:00:00\n\n"
    body, size = [], len(head.encode())
    while size < target:
        for p in paragraphs:
            body.append(p)
            size += len(p.encode()) + 2
            if size >= target:
                break
    tail = "\n\nShare this article\nTags: aluminium\nRelated Posts\nCopyright © 2024 Metals Weekly\n"
    return (head + "\n\n".join(body) + tail).encode("utf-8")


def reference(text: str) -> Callable[[], object] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    doc = "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in text.splitlines() if ln.strip()) \
        + "</body></html>"
    return lambda: trafilatura.extract(doc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="runs per seed (the 1 MB page runs 5)")
    args = parser.parse_args()
    rules: RuleSet = load_rules(ROOT / "cleaners")
    cases = [(p.name[:24], p.read_bytes(), args.repeat) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    cases.append(("1 MB text page", big_page(), 5))
    print(f"{'page':26}{'KB':>8}{'median ms':>12}{'peak KiB':>11}{'trafilatura ms':>16}{'ratio':>8}")
    for name, data, repeat in cases:
        page = Page(body=data, source=name)
        ours = median_ms(lambda page=page: clean_page(page, rules), repeat)
        peak = peak_kib(lambda page=page: clean_page(page, rules))
        ref = reference(data.decode("utf-8"))
        theirs = median_ms(ref, max(3, repeat // 10)) if ref else float("nan")
        ratio = f"{theirs / ours:7.1f}x" if ref else "     -"
        print(f"{name:26}{len(data) / 1000:8.1f}{ours:12.2f}{peak:11.0f}{theirs:16.2f}{ratio:>8}")
    print("\nratio = trafilatura time / cleanfeed time (same run, same machine); peak = tracemalloc, one call")
    return 0


if __name__ == "__main__":
    sys.exit(main())
