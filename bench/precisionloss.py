"""Where the precision of a held-out run is lost, per set and per site-disjoint fold, without printing a
page: a precision lever is only worth building where the loss is.

Each line the cleaner kept counts as the article's when at least half of its word 4-grams are in the
ground truth (a line under 4 words: when its words appear in that order in the truth). The extra words of
a page are then split by where they sit: before its first article line (`head`: kickers, bylines, a
wrong region above), between article lines (`middle`: boxes set into the story, gold disagreements such
as code or tables) or after its last one (`tail`: pitches, bios, teaser lists, comments). The loss is
also split by how wrong the page is: pages under P 0.5 (a wrong region or a gold that leaves most out)
need a region decision; pages over P 0.9 only a block filter.

    python bench/heldout.py run base --models DIR --out /tmp/x
    python bench/precisionloss.py base --out /tmp/x [--sets aeb-en wcxb-dev-en]

Shares are of mean per-page (1 − P) over the fold's pages, as the benchmark averages per page.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _score import load_scorer
from heldout import CJK_SETS, OUT, SETS, fold_of, load_preds, truth_of

BUCKETS = ((0.5, "P<0.5"), (0.8, "0.5-0.8"), (0.9, "0.8-0.9"), (1.01, "0.9-1"))


def _grams(words: Sequence[str]) -> set[tuple[str, ...]]:
    return set(zip(*(words[i:] for i in range(4)), strict=False))


def line_in_truth(words: list[str], truth_grams: set[tuple[str, ...]], truth_text: str) -> bool:
    """Half of the line's 4-grams are in the truth (a short line: its words, in order)."""
    grams = list(zip(*(words[i:] for i in range(4)), strict=False))
    if not grams:
        return " ".join(words) in truth_text
    return sum(g in truth_grams for g in grams) >= 0.5 * len(grams)


def page_split(tokenize: Callable[[str | None], list[str]], truth: str, kept: str) -> dict[str, float]:
    """The page's extra words as shares of its kept words, by place: head, middle, tail."""
    words = tokenize(truth)
    grams, joined = _grams(words), " ".join(words)
    lines = [(tokenize(line), line) for line in (kept or "").split("\n") if line.strip()]
    marks = [(line_in_truth(w, grams, joined), len(w)) for w, _ in lines]
    total = sum(n for _, n in marks) or 1
    hits = [i for i, (ok, _) in enumerate(marks) if ok]
    if not hits:
        return {"head": 0.0, "middle": 0.0, "tail": 0.0, "none": sum(n for _, n in marks) / total}
    first, last = hits[0], hits[-1]
    return {"head": sum(n for _, n in marks[:first]) / total,
            "middle": sum(n for ok, n in marks[first:last + 1] if not ok) / total,
            "tail": sum(n for _, n in marks[last + 1:]) / total, "none": 0.0}


def report(label: str, sets: Sequence[str], out: Path, ref_dir: Path | None) -> None:
    scorer = load_scorer()
    places = ("head", "middle", "tail", "none")
    print(f"{'set':<15} {'fold':<7} {'pages':>5} {'1-P':>7}  " + " ".join(f"{p:>7}" for p in places)
          + "  " + " ".join(f"{b:>8}" for _, b in BUCKETS))
    for name in sets:
        preds: dict[str, dict[str, Any]] | None = load_preds(label, name, out, ref_dir)
        if preds is None:
            continue
        truth = truth_of(name)
        tokenize = scorer.TOKENIZERS["cjk" if name in CJK_SETS else "word"]
        rows: dict[str, list[tuple[float, dict[str, float]]]] = {}
        for k in sorted(truth):
            gold, kept = truth[k].get("articleBody"), preds.get(k, {}).get("articleBody")
            tp, fp, _fn = scorer.page_counts(tokenize(gold), tokenize(kept), 4)
            precision = tp / (tp + fp) if tp + fp else 1.0
            row = (precision, page_split(tokenize, gold, kept))
            rows.setdefault("all", []).append(row)
            rows.setdefault(fold_of(name, k), []).append(row)
        for fold, group in sorted(rows.items(), key=lambda kv: (kv[0] != "all", kv[0])):
            if fold == name:
                continue
            n = len(group)
            loss = sum(1 - p for p, _ in group) / n
            split = " ".join(f"{sum(s[p] for _, s in group) / n:>7.4f}" for p in places)
            buckets = " ".join(f"{sum(1 - p for p, _ in group if low <= p < high) / n:>8.4f}"
                               for low, high in zip((0.0, *(b for b, _ in BUCKETS[:-1])), (b for b, _ in BUCKETS),
                                                    strict=True))
            print(f"{name if fold == 'all' else '':<15} {fold:<7} {n:>5} {loss:>7.4f}  {split}  {buckets}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("label", help="a run of bench/heldout.py (or saved predictions with --ref-dir)")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=["aeb-en", "wcxb-dev-en", "mozilla-multi"])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--ref-dir", type=Path, help="saved predictions <set>.<label>.json (extraction.py --out)")
    args = ap.parse_args(argv)
    report(args.label, args.sets, args.out, args.ref_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
