"""Whole-page text dumps of pages that are not articles: wcxb-dev-other (service, product, collection,
forum, listing, documentation) rendered as dumps the way ../shared/data/text/ was made
(`bench/texttitles.py`'s `render_dump`), cleaned as text, and scored against the set's gold per page type
and per site-disjoint fold (`bench/folds.json`), beside keeping every line. Also counts the page type the
dump is given (only `article` reaches feeds), and with `--articles` how many article dumps would be typed
something else: the three text sets of ../shared/data/text/ and the article HTML sets rendered as dumps.

    python bench/otherdumps.py                          # wcxb-dev-other, per type and fold
    python bench/otherdumps.py --folds 1 3 --pages P.json   # only folds 1 and 3, per-page rows to P.json
    python bench/otherdumps.py --articles               # article dumps typed non-article (must be 0; else exit 1;
                                                        # `other`, a dump with no article body, is listed apart)
    python bench/otherdumps.py --articles --sets cwced-zh daniel-zh-dev   # those sets only
    python bench/otherdumps.py --subset tests/data/text/wcxb-dev-other-text   # the test fixture, rendered
    python bench/otherdumps.py --renderer b             # rendered by another naive scraper (a, b or c)
"""
from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import logging
import statistics
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _score import ROOT, SHARED, load_module, load_scorer, write_cached
from renderdumps import CHINESE, declared_utf8

import cleanfeed
from cleanfeed.errors import CleanfeedError

EXTRACTION = SHARED / "data" / "extraction"
TEXT = SHARED / "data" / "text"
FOLDS = ROOT / "bench" / "folds.json"
# The naive scrapers that render HTML as dumps: ours (the shared text sets' conventions), a browser's
# innerText with no `<title>` (tests/helpers/dumps_b.py; the dump model never trains on it) and an
# html2text-like one (tests/helpers/dumps_c.py), so that no number holds for one renderer only.
RENDERERS = {"a": (ROOT / "tests" / "helpers" / "dumps.py", "render_dump"),
             "b": (ROOT / "tests" / "helpers" / "dumps_b.py", "render_dump_b"),
             "c": (ROOT / "tests" / "helpers" / "dumps_c.py", "render_dump_c")}
RENDERER = "a"


def renderer_cache(which: str) -> Path:
    """Dumps are cached under /tmp per version of the renderer: a change to it must not be measured on old
    dumps (every worktree shares /tmp)."""
    return Path("/tmp/cleanfeed-bench-otherdumps") / hashlib.sha256(RENDERERS[which][0].read_bytes()).hexdigest()[:12]
ARTICLE_HTML_SETS = ("aeb-en", "wcxb-dev-en", "mozilla-multi", "cwced-zh", "daniel-zh-dev")
ARTICLE_TEXT_SETS = ("aeb-en-text", "cwced-zh-text", "daniel-zh-dev-text")


@functools.cache
def renderer(which: str) -> Callable[[bytes], str]:
    module, function = RENDERERS[which]
    render: Callable[[bytes], str] = getattr(load_module(module, f"dumps_{which}"), function)
    return render


def rendered(name: str, page_id: str, which: str | None = None) -> str:
    """The page of an HTML set as a dump by renderer `which` (default: the `--renderer` chosen), cached under
    /tmp (rendering is most of the run's time)."""
    which = which or RENDERER
    # The Chinese sets store UTF-8 under the original `charset=gb2312` (or no declaration, which lxml reads as
    # Latin-1): read so, 49 of cwced-zh's 69 dumps came out empty or mojibake and were refused as "no article".
    # As UTF-8 (declared_utf8), in a folder of their own.
    chinese = name in CHINESE
    path = renderer_cache(which) / (f"{name}-utf8" if chinese else name) / f"{page_id}.txt"
    if path.exists():
        return path.read_text("utf-8")
    html = gzip.decompress((EXTRACTION / name / "html" / f"{page_id}.html.gz").read_bytes())
    dump = renderer(which)(declared_utf8(html) if chinese else html)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_cached(path, dump)
    return dump


def clean_dump(text: str) -> tuple[str, str, float]:
    """cleanfeed's body and page type for one dump (`refused` when it gives no article), and CPU seconds."""
    start = time.process_time()
    try:
        article = cleanfeed.clean(text)
        body, kind = article.text, article.page_type
    except CleanfeedError:
        body, kind = "", "refused"
    return body, kind, time.process_time() - start


def score_rows(scorer: Any, truth: dict[str, Any], preds: dict[str, dict[str, str]]) -> tuple[float, float, float]:
    if not truth:
        return 0.0, 0.0, 0.0
    m = scorer.evaluate(truth, {k: preds[k] for k in truth}, tokenizer="cjk", n_bootstrap=0)
    return float(m["precision"]), float(m["recall"]), float(m["f1"])


def bench_other(folds_wanted: set[int] | None, pages_out: Path | None) -> None:
    scorer = load_scorer()
    truth = json.loads((EXTRACTION / "wcxb-dev-other" / "ground-truth.json").read_text("utf-8"))
    folds = {k: int(v) for k, v in json.loads(FOLDS.read_text("utf-8"))["wcxb-dev-other"].items()}
    ids = [k for k in sorted(truth) if folds_wanted is None or folds.get(k, -1) in folds_wanted]
    ours: dict[str, dict[str, str]] = {}
    keep: dict[str, dict[str, str]] = {}
    kinds: dict[str, str] = {}
    times: list[float] = []
    for pid in ids:
        dump = rendered("wcxb-dev-other", pid)
        body, kinds[pid], spent = clean_dump(dump)
        times.append(spent)
        ours[pid] = {"articleBody": body}
        keep[pid] = {"articleBody": dump}
    groups: dict[str, list[str]] = defaultdict(list)
    for pid in ids:
        groups[f"type {truth[pid]['page_type']}"].append(pid)
        groups[f"fold f{folds.get(pid, -1)}"].append(pid)
        groups["all"].append(pid)
        if kinds[pid] not in ("article", "refused"):
            groups[f"typed, f{folds.get(pid, -1)}"].append(pid)
    print(f"{'group':<20} {'pages':>5} {'cleanfeed P / R / F1':>22} {'keep-all F1':>12} {'typed right':>11}")
    for name in sorted(groups, key=lambda g: (g == "all", g)):
        sub = {k: truth[k] for k in groups[name]}
        p, r, f = score_rows(scorer, sub, ours)
        f_keep = score_rows(scorer, sub, keep)[2]
        right = sum(kinds[k] == truth[k]["page_type"] or kinds[k] != "article" and kinds[k] != "refused"
                    for k in sub)
        print(f"{name:<20} {len(sub):>5} {p:>6.3f} / {r:.3f} / {f:.3f} {f_keep:>12.3f} {right:>11}")
    print("page types given:", dict(Counter(kinds.values()).most_common()))
    print("typed right: any type but article (the gold's six types are not all told apart by a dump)")
    print(f"time: {1000 * statistics.mean(times or [0.0]):.1f} ms CPU per page (whole cleanfeed.clean)")
    if pages_out:
        rows = []
        for pid in ids:
            p, r, f = score_rows(scorer, {pid: truth[pid]}, ours)
            rows.append({"id": pid, "fold": folds.get(pid, -1), "type": truth[pid]["page_type"], "given": kinds[pid],
                         "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
                         "keep_F1": round(score_rows(scorer, {pid: truth[pid]}, keep)[2], 3)})
        pages_out.write_text(json.dumps(rows, indent=1), "utf-8")


def bench_articles(only: set[str] | None = None) -> int:
    """How many article dumps are typed something other than `article`, set by set (must stay 0); `only`: these
    sets alone (names as in ARTICLE_TEXT_SETS and ARTICLE_HTML_SETS)."""
    wrong = 0
    sources: list[tuple[str, list[tuple[str, str]]]] = []
    for name in ARTICLE_TEXT_SETS:
        if only and name not in only:
            continue
        ids = sorted(json.loads((TEXT / name / "ground-truth.json").read_text("utf-8")))
        sources.append((name, [(k, gzip.decompress((TEXT / name / "html" / f"{k}.html.gz").read_bytes())
                                .decode("utf-8")) for k in ids]))
    for name in ARTICLE_HTML_SETS:
        if only and name not in only:
            continue
        ids = sorted(json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8")))
        sources.append((f"{name} (rendered)", [(k, rendered(name, k)) for k in ids]))
    for name, pages in sources:
        kinds = Counter()
        for pid, text in pages:
            kind = clean_dump(text)[1]
            kinds[kind] += 1
            if kind not in ("article", "refused", "other"):
                wrong += 1
                print(f"  {name} {pid}: typed {kind}")
            elif kind == "other":   # no article body found: refused before text/dump.content_fallback
                print(f"  {name} {pid}: no article body, its content kept as `other`")
        print(f"{name:<28} {len(pages):>5} pages  {dict(kinds.most_common())}")
    print(f"article dumps typed non-article: {wrong} (not counting `other`, a page refused before)")
    return wrong


def write_subset(out: Path) -> None:
    """The test fixture: the pages of tests/data/extraction/wcxb-dev-other (its ids) rendered as dumps, in the
    layout of ../shared/data/text (`html/<id>.html.gz` holding TEXT, `ground-truth.json` cut to the ids)."""
    ids = sorted(json.loads((ROOT / "tests/data/extraction/wcxb-dev-other/ground-truth.json").read_text("utf-8")))
    truth = json.loads((EXTRACTION / "wcxb-dev-other" / "ground-truth.json").read_text("utf-8"))
    (out / "html").mkdir(parents=True, exist_ok=True)
    for pid in ids:
        (out / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(rendered("wcxb-dev-other", pid).encode(), mtime=0))
    (out / "ground-truth.json").write_text(json.dumps({k: truth[k] for k in ids}, ensure_ascii=False, indent=1) + "\n",
                                           "utf-8")
    print(f"{len(ids)} dumps written to {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", nargs="+", type=int, help="only these folds of wcxb-dev-other")
    ap.add_argument("--pages", type=Path, help="write per-page rows (id, fold, type, P/R/F1) to this JSON file")
    ap.add_argument("--articles", action="store_true", help="count article dumps typed non-article instead")
    ap.add_argument("--sets", nargs="+", choices=ARTICLE_TEXT_SETS + ARTICLE_HTML_SETS,
                    help="with --articles: only these sets")
    ap.add_argument("--subset", type=Path, help="write the test fixture (the committed wcxb-dev-other ids) here")
    ap.add_argument("--renderer", choices=sorted(RENDERERS), default="a",
                    help="a: tests/helpers/dumps.py (the shared text sets' conventions); b: tests/helpers/dumps_b.py "
                         "(innerText, no <title>); c: tests/helpers/dumps_c.py (html2text-like)")
    args = ap.parse_args(argv)
    global RENDERER
    RENDERER = args.renderer
    if not (EXTRACTION / "wcxb-dev-other").is_dir():
        print(f"no benchmark data in {EXTRACTION} (set CLEANFEED_SHARED)", file=sys.stderr)
        return 2
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    if args.subset:
        write_subset(args.subset)
        return 0
    if args.articles:
        return 1 if bench_articles(set(args.sets or ())) else 0      # an article dump typed otherwise fails the run
    bench_other(set(args.folds) if args.folds else None, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
