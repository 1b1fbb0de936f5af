"""Speed of `cleanfeed.clean(bytes)` against trafilatura on a sample of every extraction set, with a
per-stage profile.

The sample is every k-th page of each set (`--per-set` pages each, spread over the set, not its first
pages). Both tools run in this process, page by page back to back, timed in CPU time (the machine is
shared: wall time measures the neighbours). `--repeat` runs the whole sample again and prints each ratio,
so the noise shows as a range. `--profile` runs cleanfeed alone under cProfile and prints the share of
its time spent in each stage (cumulative time of the stage's entry function; stages nest, so the shares
do not sum to 100 %).

    python bench/speed.py                        # 40 pages per set, 3 runs, ratio per run
    python bench/speed.py --profile              # per-stage shares
    python bench/speed.py --profile --top 30     # and the 30 most expensive functions (own time)
    python bench/speed.py --sample               # per-stage shares from pyinstrument's sampler (less
                                                 # overhead than cProfile, which inflates Python calls)
    python bench/speed.py --small                # small pages only: every dev page under 30 KB and our
                                                 # hand-written class pages (tests/pages/classes)
    python bench/speed.py --heavy                # generated heavy pages (bench/heavypages.py): dev article
                                                 # text in big-site chrome, ratio per page size class
                                                 # and chrome kind (html5 landmarks or plain divs)
    python bench/speed.py --long                 # long English pages written for this (bench/longpages.py:
                                                 # no dev text; nav, comments, link-column footers)
    python bench/speed.py --detail               # and per-set ratios, p95 page time, slowest 5 % of pages
    python bench/speed.py --stages               # per-stage CPU time, each stage's entry function
                                                 # wrapped in a timer (no profiler: C time counts fully)
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import json
import logging
import pstats
import sys
import time
import warnings
from typing import Any

from _score import ROOT, SHARED
from heavypages import heavy_pages
from longpages import long_pages

sys.path.insert(0, str(ROOT))

DATA = SHARED / "data" / "extraction"

# stage → (module file suffix, function name): the function whose cumulative time is the stage's
STAGES: dict[str, tuple[str, str]] = {
    "decode": ("inputs/decode.py", "decode"),
    "parse": ("html/parse.py", "parse_html"),
    "metadata": ("html/metadata.py", "read_metadata"),
    "copy (deepcopy)": ("copy.py", "deepcopy"),
    "prune_code": ("html/prune.py", "prune_code"),
    "title": ("html/article.py", "_title"),
    "header lines": ("html/underheadline.py", "header_lines_near"),
    "byline": ("html/byline.py", "byline_elements"),
    "chrome": ("html/hints.py", "remove_chrome"),
    "scoring (roots)": ("html/score.py", "candidate_roots"),
    "siblings": ("html/siblings.py", "gather"),
    "blocks (linearize)": ("html/blocks.py", "linearize"),
    "filter (rules)": ("html/extract.py", "filter_blocks"),
    "sanitize": ("html/sanitize.py", "sanitize"),
    "blocks_html": ("html/blockhtml.py", "blocks_html"),
    "dates": ("dates/engine.py", "find_dates"),
    "language": ("text/language.py", "detect_language"),
    "summary": ("text/summary.py", "summarise"),
    "site rule lookup": ("rules/site.py", "for_page"),
    "extract_html (all)": ("html/article.py", "extract_html"),
    "clean (all)": ("cleanfeed/pipeline.py", "clean"),
}


# module → names to wrap, as the calling module imported them (the wrapper replaces that binding)
WRAPPED: dict[str, tuple[str, ...]] = {
    "cleanfeed.pipeline": ("page_text", "page_source", "find_dates", "detect_language", "summarise", "extract_html"),
    "cleanfeed.html.article": ("parse_html", "read_metadata", "prune_code", "_title", "header_lines_near",
                               "_byline_elements", "_byline", "_author", "remove_chrome", "candidate_roots",
                               "linearize", "filter_blocks", "sanitize", "blocks_html", "_five_filters",
                               "page_type", "_as_list", "_with_lead", "page_features"),
    "cleanfeed.html.score": ("_scores", "gather", "link_density", "_promote", "_with_siblings"),
    "copy": ("deepcopy",),
    # the dates engine's strategies, as engine._stages calls them (by module name at call time): which of
    # them a page pays for (the layout and the lines near the headline fall in the first stage that asks)
    "cleanfeed.dates.engine": ("tags_of", "layout_of", "lines_near", "jsonld_clues", "meta_clues",
                               "text_header_clues", "url_clues", "body_clues", "cut_note_clues", "time_clues",
                               "html_header_clues", "under_headline_clues", "itemprop_clues", "marked_clues",
                               "page_clues", "image_clues", "block_dateline_clues", "footer_change", "shown_date",
                               "shown_update"),
}


def staged_times(pages: list[tuple[str, bytes, str | None]]) -> dict[str, float]:
    """CPU seconds per wrapped function (inclusive; a generator counts the time to create it only, so
    candidate_roots is timed through what it calls)."""
    import importlib

    spent: dict[str, float] = {}

    def wrap(label: str, fn: Any) -> Any:
        def timed_call(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
        return timed_call

    originals = []
    for module_name, names in WRAPPED.items():
        module = importlib.import_module(module_name)
        for name in names:
            if hasattr(module, name):
                originals.append((module, name, getattr(module, name)))
                setattr(module, name, wrap(f"{module_name.rsplit('.', 1)[-1]}.{name}", getattr(module, name)))
    start = time.process_time()
    try:
        for _, data, url in pages:
            run_cleanfeed(data, url)
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    return spent | {"_total": time.process_time() - start}


def sample(per_set: int) -> list[tuple[str, bytes, str | None]]:
    pages = []
    for folder in sorted(DATA.iterdir()):
        truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
        ids = sorted(truth)
        step = max(1, len(ids) // per_set)
        for pid in ids[::step][:per_set]:
            data = gzip.decompress((folder / "html" / f"{pid}.html.gz").read_bytes())
            pages.append((folder.name, data, truth[pid].get("url")))
    return pages


SMALL_BYTES = 30 * 1024
CLASS_PAGES = ROOT / "tests" / "pages" / "classes"


def small_sample(limit: int = SMALL_BYTES) -> list[tuple[str, bytes, str | None]]:
    """Every page of every extraction set under `limit` bytes, and our hand-written class pages: held-out
    trade pages average 4-6 KB, where the fixed per-page and per-block costs decide the ratio."""
    pages = []
    for folder in sorted(DATA.iterdir()):
        truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
        for pid in sorted(truth):
            data = gzip.decompress((folder / "html" / f"{pid}.html.gz").read_bytes())
            if len(data) < limit:
                pages.append((folder.name, data, truth[pid].get("url")))
    pages += [("classes", path.read_bytes(), None) for path in sorted(CLASS_PAGES.glob("*.html"))]
    return pages


def run_cleanfeed(data: bytes, url: str | None) -> None:
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    with contextlib.suppress(CleanfeedError):
        clean(data, url=url)


def run_trafilatura(data: bytes, url: str | None) -> None:
    import trafilatura

    trafilatura.extract(data, url=url, favor_precision=False)


# Caches keyed by page content: cleared before each run, so a repeated run does not meet its own pages
# (bench/extraction.py cleans every page once).
CONTENT_CACHES = (("cleanfeed.html.hints", "hint"), ("cleanfeed.html.hints", "token_kind"),
                  ("cleanfeed.html.blocks", "_joined"), ("cleanfeed.rules.linematch", "_lowered"),
                  ("cleanfeed.dates.clues", "_read_line"), ("cleanfeed.html.blockline", "_as_line"),
                  ("cleanfeed.rules.classes", "rule_class"), ("cleanfeed.html.typemodel", "_value_markers"))


def clear_content_caches() -> None:
    import importlib

    for module_name, name in CONTENT_CACHES:
        try:
            fn = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError):
            continue                      # an older checkout without it
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


WARM_UP_PAGES = 10


def warm_up(pages: list[tuple[str, bytes, str | None]]) -> None:
    """Both tools once over the sample's first pages: what each builds on its first real page (cleanfeed's
    date patterns, 50 ms) is a start-up cost (bench/startup.py), not a page's; a one-paragraph warm-up
    page left it in the first run."""
    for _, data, url in pages[:WARM_UP_PAGES]:
        run_cleanfeed(data, url)
        run_trafilatura(data, url)


def timed(pages: list[tuple[str, bytes, str | None]]) -> list[tuple[float, float]]:
    """CPU seconds per page: (cleanfeed, trafilatura), in the sample's order."""
    clear_content_caches()
    times = []
    for _, data, url in pages:
        start = time.process_time()
        run_cleanfeed(data, url)
        mid = time.process_time()
        run_trafilatura(data, url)
        times.append((mid - start, time.process_time() - mid))
    return times


def percentile(values: list[float], share: float) -> float:
    """The value at `share` of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def detail(pages: list[tuple[str, bytes, str | None]], runs: list[list[tuple[float, float]]]) -> None:
    """Per-set ratio range, the tail (p95 page time of each tool, and p95 of the per-page ratio) and the
    slowest 5 % of pages (by cleanfeed's time, best of the runs) with their size."""
    sets = sorted({name for name, _, _ in pages})
    for name in sets:
        idx = [i for i, (n, _, _) in enumerate(pages) if n == name]
        ratios = [sum(r[i][0] for i in idx) / sum(r[i][1] for i in idx) for r in runs]
        print(f"  {name:16} ratio {min(ratios):.3f}–{max(ratios):.3f}")
    best = [(min(r[i][0] for r in runs), min(r[i][1] for r in runs)) for i in range(len(pages))]
    p95_ours, p95_theirs = percentile([o for o, _ in best], 0.95), percentile([t for _, t in best], 0.95)
    print(f"  p95 page time: cleanfeed {1000 * p95_ours:.1f} ms, trafilatura {1000 * p95_theirs:.1f} ms, "
          f"ratio {p95_ours / p95_theirs:.3f}; p95 of per-page ratios "
          f"{percentile([o / t for o, t in best if t > 0], 0.95):.3f}")
    slow = sorted(range(len(pages)), key=lambda i: -best[i][0])[:max(1, len(pages) // 20)]
    print("  slowest 5 % (cleanfeed ms, trafilatura ms, KB, set):")
    for i in slow:
        print(f"    {1000 * best[i][0]:6.1f} {1000 * best[i][1]:6.1f} {len(pages[i][1]) // 1024:5d} KB  {pages[i][0]}")


def stage_shares(stats: pstats.Stats) -> dict[str, float]:
    raw = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (f, _, fn), (_, _, _, ct, _) in raw.items() if fn == "clean" and f.endswith("pipeline.py")),
                default=0.0)
    shares = {}
    for stage, (suffix, name) in STAGES.items():
        cum = sum(ct for (f, _, fn), (_, _, _, ct, _) in raw.items() if fn == name and f.endswith(suffix))
        shares[stage] = cum
    return {k: v / total for k, v in shares.items()} | {"_total_s": total}


def sampled_shares(pages: list[tuple[str, bytes, str | None]]) -> dict[str, float]:
    """Per-stage shares from pyinstrument (a bench extra: `pip install pyinstrument`), 1 ms samples."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _, data, url in pages:
        run_cleanfeed(data, url)
    session = profiler.stop()
    found = dict.fromkeys(STAGES, 0.0)
    stack = [(session.root_frame(), frozenset[str]())]
    while stack:
        frame, inside = stack.pop()
        if frame is None:
            continue
        here = {stage for stage, (suffix, name) in STAGES.items()
                if frame.function == name and (frame.file_path or "").endswith(suffix)}
        for stage in here - inside:
            found[stage] += frame.time
        stack += [(child, inside | here) for child in frame.children]
    total = found["clean (all)"] or 1.0
    return {k: v / total for k, v in found.items()} | {"_total_s": found["clean (all)"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-set", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--sample", action="store_true", help="per-stage shares from pyinstrument")
    ap.add_argument("--stages", action="store_true", help="per-stage CPU time from timers around stages")
    ap.add_argument("--small", action="store_true",
                    help="small pages only: every dev page under 30 KB and tests/pages/classes")
    ap.add_argument("--heavy", action="store_true",
                    help="generated heavy pages (bench/heavypages.py), ratio per size class and chrome kind")
    ap.add_argument("--long", action="store_true",
                    help="long English pages written for speed work (bench/longpages.py), not dev pages")
    ap.add_argument("--detail", action="store_true",
                    help="also per-set ratios, the p95 page time and the slowest 5 %% of pages")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    pages = (small_sample() if args.small else heavy_pages() if args.heavy else long_pages() if args.long
             else sample(args.per_set))
    warm_up(pages)
    if args.stages:
        spent = staged_times(pages)
        total = spent.pop("_total")
        print(f"{len(pages)} pages, {total:.2f} s CPU, {1000 * total / len(pages):.1f} ms/page (timers included)")
        for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {label:32} {1000 * secs / len(pages):6.2f} ms/page {100 * secs / total:5.1f} %")
        return 0
    if args.sample:
        shares = sampled_shares(pages)
        print(f"{len(pages)} pages, {shares.pop('_total_s'):.2f} s sampled")
        for stage, share in shares.items():
            print(f"  {stage:22} {100 * share:5.1f} %")
        return 0
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _, data, url in pages:
            run_cleanfeed(data, url)
        prof.disable()
        stats = pstats.Stats(prof)
        shares = stage_shares(stats)
        print(f"{len(pages)} pages, {shares.pop('_total_s'):.2f} s under the profiler")
        for stage, share in shares.items():
            print(f"  {stage:22} {100 * share:5.1f} %")
        if args.top:
            stats.sort_stats("tottime").print_stats(args.top)
        return 0
    ratios, runs = [], []
    for n in range(args.repeat):
        runs.append(timed(pages))
        ours, theirs = sum(o for o, _ in runs[-1]), sum(t for _, t in runs[-1])
        ratios.append(ours / theirs)
        print(f"run {n + 1}: {len(pages)} pages, cleanfeed {1000 * ours / len(pages):.1f} ms/page, "
              f"trafilatura {1000 * theirs / len(pages):.1f} ms/page, ratio {ours / theirs:.3f}", flush=True)
    print(f"ratio range {min(ratios):.3f}–{max(ratios):.3f}")
    if args.detail or args.heavy:
        detail(pages, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
