"""Article extraction: cleanfeed vs trafilatura vs readability-lxml on every set in ../shared/data/extraction/.

One run, same pages, same bytes: each page's tools run back to back (so cache and machine load fall on
all of them alike), predictions are written as JSON per set and tool, then scored with
../shared/tools/extraction_score.py (`cjk` tokenizer for the Chinese sets). Prints precision / recall /
F1 per set and tool, the title exact-match rate where the truth has titles, and cleanfeed's time per
page as a ratio of trafilatura's.

    python bench/extraction.py                      # everything (a few minutes on 2 cores)
    python bench/extraction.py --sets aeb-en --limit 40 --tools cleanfeed
"""
from __future__ import annotations

import gzip
import json
import logging
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _score import ROOT, SHARED, load_scorer, set_arguments

DATA = SHARED / "data" / "extraction"
CJK_SETS = {"cwced-zh", "daniel-zh-dev"}
TOOLS = ("cleanfeed", "trafilatura", "readability")

sys.path.insert(0, str(ROOT))


def run_cleanfeed(data: bytes, url: str | None) -> dict[str, str]:
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    try:
        article = clean(data, url=url)
    except CleanfeedError:
        return {"articleBody": ""}
    return {"articleBody": article.text, "title": article.title}


def run_trafilatura(data: bytes, url: str | None) -> dict[str, str]:
    import trafilatura

    text = trafilatura.extract(data, url=url, favor_precision=False) or ""
    return {"articleBody": text}


def run_trafilatura_title(data: bytes, url: str | None) -> str:
    """Trafilatura's title (bare_extraction), timed apart from the body run so speed stays comparable."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    return (getattr(doc, "title", None) if doc is not None else None) or ""


def run_readability(data: bytes, url: str | None) -> dict[str, str]:
    import lxml.html
    from readability import Document

    try:
        summary = Document(data, url=url).summary()
        root = lxml.html.fromstring(summary)
        for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "tr", "br", "pre", "blockquote"):
            block.tail = "\n" + (block.tail or "")
        text = root.text_content()
    except Exception:  # noqa: BLE001 — the reference tool's own failures count as an empty prediction
        text = ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return {"articleBody": "\n".join(line for line in lines if line)}


RUNNERS: dict[str, Callable[[bytes, str | None], dict[str, str]]] = {
    "cleanfeed": run_cleanfeed, "trafilatura": run_trafilatura, "readability": run_readability}


def bench_set(name: str, tools: tuple[str, ...], limit: int | None, out: Path, scorer: Any) -> list[dict[str, Any]]:
    truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    truth = {k: truth[k] for k in ids}
    has_titles = any(v.get("title") for v in truth.values())
    preds: dict[str, dict[str, dict[str, str]]] = {t: {} for t in tools}
    times: dict[str, list[float]] = {t: [] for t in tools}
    for page_id in ids:
        data = gzip.decompress((DATA / name / "html" / f"{page_id}.html.gz").read_bytes())
        url = truth[page_id].get("url")
        for tool in tools:
            start = time.perf_counter()
            preds[tool][page_id] = RUNNERS[tool](data, url)
            times[tool].append(time.perf_counter() - start)
        if has_titles and "trafilatura" in tools:
            preds["trafilatura"][page_id]["title"] = run_trafilatura_title(data, url)
    rows = []
    for tool in tools:
        path = out / f"{name}.{tool}.json"
        path.write_text(json.dumps(preds[tool], ensure_ascii=False, indent=1), encoding="utf-8")
        tokenizer = "cjk" if name in CJK_SETS else "word"
        m = scorer.evaluate(truth, preds[tool], tokenizer=tokenizer, n_bootstrap=0)
        rows.append({"set": name, "tool": tool, "pages": len(ids), **m,
                     "ms": 1000 * statistics.mean(times[tool]), "ms_median": 1000 * statistics.median(times[tool])})
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'set':<15} {'tool':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'empty':>5} {'title':>6} "
          f"{'ms/page':>8} {'med ms':>7} {'time/traf':>9}")
    traf = {r["set"]: r["ms"] for r in rows if r["tool"] == "trafilatura"}
    for r in rows:
        title = f"{r['title_exact']:.3f}" if "title_exact" in r else "-"
        ratio = f"{r['ms'] / traf[r['set']]:.2f}" if r["set"] in traf else "-"
        print(f"{r['set']:<15} {r['tool']:<12} {r['pages']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{r['f1']:>6.3f} {r['empty_pred']:>5} {title:>6} {r['ms']:>8.1f} {r['ms_median']:>7.1f} {ratio:>9}")
    if traf and any(r["tool"] == "cleanfeed" for r in rows):
        clean_ms = sum(r["ms"] * r["pages"] for r in rows if r["tool"] == "cleanfeed")
        traf_ms = sum(r["ms"] * r["pages"] for r in rows if r["tool"] == "trafilatura")
        print(f"\nall sets: cleanfeed time per page / trafilatura's = {clean_ms / traf_ms:.2f}")


def main(argv: list[str] | None = None) -> int:
    args = set_arguments(__doc__, DATA, TOOLS, Path("/tmp/cleanfeed-bench")).parse_args(argv)
    if not args.sets:
        print(f"no benchmark data in {DATA}", file=sys.stderr)
        return 2
    logging.disable(logging.CRITICAL)   # trafilatura and readability log every odd page
    warnings.simplefilter("ignore")
    args.out.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer()
    for tool in args.tools:             # warm imports and lazy tables outside the timed loop
        RUNNERS[tool](b"<html><body><p>warm up</p></body></html>", None)
    rows = []
    for name in args.sets:
        rows += bench_set(name, tuple(args.tools), args.limit, args.out, scorer)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
