"""The FiveFilters ftr-site-config collection through cleanfeed: how much of it is read, how much applied,
and what its rules do to extraction on benchmark pages of the sites they were written for.

    python bench/ftr_collection.py                       # ../shared/data/ftr-site-config, Markdown on stdout
    python bench/ftr_collection.py --skip-extraction     # the format numbers only (a few seconds)

1. Reading: files that parse with no error, directive lines accepted, per directive whether cleanfeed
   applies it, reads it without effect, or does not support it; XPath expressions lxml cannot run.
2. Robustness: every rule file looked up and applied through the whole pipeline (`clean_page`) to one page.
3. Extraction: the pages of ../shared/data/extraction whose host has a rule with a `body` (the rules were
   written by the collection's authors, never tuned here): cleanfeed without rules, cleanfeed with the
   collection as `cleaners/ftr-site-config/`, and trafilatura on the same pages in the same run, scored with
   ../shared/tools/extraction_score.py.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from _score import ROOT, SHARED, load_scorer

sys.path.insert(0, str(ROOT))

from cleanfeed.errors import CleanfeedError
from cleanfeed.html.ftrcheck import compile_check
from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.ftr import NOT_APPLIED, UNSUPPORTED, FtrRule, not_applied, read_ftr_file
from cleanfeed.rules.ftrlookup import GLOBAL, FtrFolder, candidate_names
from cleanfeed.rules.site import RuleSet

COLLECTION = SHARED / "data" / "ftr-site-config"
EXTRACTION = SHARED / "data" / "extraction"
SETS = ("aeb-en", "wcxb-dev-en", "wcxb-dev-other")
PAGE = (ROOT / "tests" / "data" / "ftr" / "own" / "example-article.html").read_bytes()


def group(message: str) -> str:
    """A message with its file-specific parts blanked, to count kinds."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", message)


def reading(rules: dict[str, FtrRule], parse_s: float) -> None:
    per_name: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    ignored: Counter[str] = Counter()
    for name, rule in rules.items():
        for line in rule.lines:
            per_name[line.name] += 1
            files[line.name].add(name)
        for _, message in not_applied(rule):
            if not message.endswith("not supported (ignored)"):
                ignored[message.split(":", 1)[0]] += 1
    accepted = sum(per_name.values())
    unsupported = sum(c for n, c in per_name.items() if n in UNSUPPORTED)
    no_effect = sum(ignored.values())
    errors = Counter(group(m) for r in rules.values() for _, m in r.errors)
    xpath = Counter(why for r in rules.values() for _, _, why in compile_check(r))
    print("## Reading\n")
    print("| what | count |\n| --- | ---: |")
    print(f"| rule files | {len(rules)} ({sum(n.startswith('.') for n in rules)} domain files) |")
    print(f"| files with no error | {sum(1 for r in rules.values() if not r.errors)} |")
    print(f"| directive lines accepted | {accepted} (refused: {sum(errors.values())}) |")
    applied = accepted - unsupported - no_effect
    print(f"| applied by cleanfeed | {applied} ({applied / accepted:.1%}) |")
    print(f"| read, no effect in cleanfeed | {no_effect} ({no_effect / accepted:.1%}) |")
    print(f"| not supported | {unsupported} ({unsupported / accepted:.1%}) |")
    print(f"| XPath expressions lxml cannot run | {sum(xpath.values())} |")
    print(f"| parse time, whole collection | {parse_s:.2f} s |\n")
    print("| directive | lines | files | in cleanfeed |\n| --- | ---: | ---: | --- |")
    for name, count in per_name.most_common():
        status = ("not supported" if name in UNSUPPORTED else f"no effect: {NOT_APPLIED[name]}" if name in NOT_APPLIED
                  else f"applied ({ignored[name]} lines with a value not honoured)" if ignored[name] else "applied")
        print(f"| `{name}` | {count} | {len(files[name])} | {status} |")
    print("\n| refused line | count |\n| --- | ---: |")
    for kind, count in errors.most_common():
        print(f"| {kind} | {count} |")
    print("\n| XPath that cannot run | count |\n| --- | ---: |")
    for why, count in xpath.most_common():
        print(f"| {why} | {count} |")


def robustness(folder: FtrFolder) -> None:
    rules = RuleSet((), folder)
    started = time.perf_counter()
    crashes: list[str] = []
    outcomes: Counter[str] = Counter()
    for name in sorted(folder.standard):
        if name == GLOBAL:
            continue
        host = name.removesuffix(".txt").lstrip(".")
        host = host if not name.startswith(".") else "www2." + host
        try:
            clean_page(Page(body=PAGE, url=f"https://{host}/a/1.html"), rules)
            outcomes["article"] += 1
        except CleanfeedError as exc:
            outcomes[type(exc).__name__] += 1
        except Exception as exc:  # noqa: BLE001 — a measurement: every crash is counted, none stops the run
            crashes.append(f"{name}: {type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    print("\n## Robustness\n")
    print(f"Every rule file looked up by its host and applied through `clean_page` to one unrelated page: "
          f"{sum(outcomes.values()) + len(crashes)} runs, {len(crashes)} exceptions, "
          f"{dict(outcomes)} in {seconds:.1f} s.")
    for crash in crashes[:10]:
        print(f"- {crash}")


def ruled_pages(folder: FtrFolder) -> dict[str, list[tuple[str, str, str]]]:
    """Per set, (id, url, rule file) of the pages whose host has a rule with a body."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for name in SETS:
        truth = json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))
        out[name] = []
        for page_id in sorted(truth):
            url = truth[page_id].get("url")
            found = folder.for_host(urlsplit(url).hostname or "") if url else None
            if found and found[1].body:
                out[name].append((page_id, url, next(c for c in candidate_names(urlsplit(url).hostname or "")
                                                     if c in folder.standard)))
    return out


def extraction(folder: FtrFolder) -> None:
    import trafilatura

    scorer = load_scorer()
    with_rules, without = RuleSet((), folder), RuleSet()

    def cleanfeed(data: bytes, url: str, rules: RuleSet) -> dict[str, str]:
        try:
            return {"articleBody": clean_page(Page(body=data, url=url), rules).text}
        except CleanfeedError:
            return {"articleBody": ""}

    tools = {"cleanfeed": lambda d, u: cleanfeed(d, u, without),
             "cleanfeed+ftr": lambda d, u: cleanfeed(d, u, with_rules),
             "trafilatura": lambda d, u: {"articleBody": trafilatura.extract(d, url=u) or ""}}
    for run in tools.values():
        run(b"<html><body><p>warm up</p></body></html>", "https://example.com/")
    print("\n## Extraction on the benchmark pages of sites the collection has a rule for\n")
    print("| set | pages | sites | tool | P | R | F1 | empty | ms/page | time/trafilatura |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    per_page: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, pages in ruled_pages(folder).items():
        truth_all = json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))
        truth = {i: truth_all[i] for i, _, _ in pages}
        preds: dict[str, dict[str, dict[str, str]]] = {t: {} for t in tools}
        times: dict[str, list[float]] = {t: [] for t in tools}
        for page_id, url, _ in pages:
            data = gzip.decompress((EXTRACTION / name / "html" / f"{page_id}.html.gz").read_bytes())
            for tool, run in tools.items():
                started = time.perf_counter()
                preds[tool][page_id] = run(data, url)
                times[tool].append(time.perf_counter() - started)
        traf_ms = statistics.mean(times["trafilatura"])
        per_page[name] = {}
        for tool in tools:
            rows: list[dict[str, Any]] = []
            m = scorer.evaluate(truth, preds[tool], n_bootstrap=0, per_page=rows)
            per_page[name][tool] = rows
            ms = statistics.mean(times[tool])
            print(f"| {name} | {len(pages)} | {len({r for _, _, r in pages})} | {tool} | {m['precision']:.3f} | "
                  f"{m['recall']:.3f} | {m['f1']:.3f} | {m['empty_pred']} | {1000 * ms:.1f} | {ms / traf_ms:.2f} |")
    print("\nPer page, cleanfeed with the collection's rule against cleanfeed alone (F1 up / same / down by more "
          "than 0.02):\n")
    for name, tools_rows in per_page.items():
        base = {r["id"]: page_f1(r) for r in tools_rows["cleanfeed"]}
        ruled = {r["id"]: page_f1(r) for r in tools_rows["cleanfeed+ftr"]}
        up = sum(ruled[i] > base[i] + 0.02 for i in base)
        down = [i for i in base if ruled[i] < base[i] - 0.02]
        print(f"- {name}: {up} up, {len(base) - up - len(down)} same, {len(down)} down"
              + (f" ({', '.join(down[:12])})" if down else ""))


def page_f1(row: dict[str, Any]) -> float:
    p, r = row["precision"] or 0.0, row["recall"] or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("collection", nargs="?", type=Path, default=COLLECTION)
    ap.add_argument("--skip-extraction", action="store_true")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    paths = sorted(p for p in args.collection.glob("*.txt") if p.name.lower() != "license.txt")
    if not paths:
        print(f"no rule files in {args.collection}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rules = {p.name: read_ftr_file(p) for p in paths}
    parse_s = time.perf_counter() - started
    print(f"Collection: `{args.collection}`, {len(rules)} rule files.\n")
    reading(rules, parse_s)
    folder = FtrFolder({}, {p.name: p for p in paths})
    robustness(folder)
    if not args.skip_extraction and EXTRACTION.is_dir():
        extraction(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
