"""Held-out scoring of cleanfeed's HTML extractor: per set, per site-disjoint fold, and per page, against
an earlier run (or a reference tool's predictions), so every change is judged on pages it was not tuned on.

Folds (`bench/folds.json`): every page of aeb-en, wcxb-dev-en, wcxb-dev-other and mozilla-multi carries
one of 5 folds by the registrable domain of its URL (the ground truth's `url`, else the page's canonical /
og:url, else the site named in its id), assigned jointly over the sets, so no site is in two folds. The
Chinese sets are one fold each (leave-one-set-out: cwced-zh against daniel-zh-dev).

    python bench/heldout.py run NAME [--sets …]        # clean every page, keep predictions under --out/NAME
    python bench/heldout.py compare BASE NAME          # ΔF1 per set and per fold, pages up / down by > 0.05
    python bench/heldout.py compare trafilatura NAME --ref-dir DIR   # against saved predictions of a tool
    python bench/heldout.py types NAME                 # wcxb-dev-other per page type (and WCXB's word metric)
    python bench/heldout.py confusion NAME             # wcxb-dev-other: page type found against the truth, per fold
    python bench/heldout.py run NAME --force-type forum   # every page cleaned as if typed forum: what a
                                                       # wrong page-type decision costs (also `gold`, `article`)
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from _score import ROOT, SHARED, load_scorer

DATA = SHARED / "data" / "extraction"
SETS = ("aeb-en", "wcxb-dev-en", "wcxb-dev-other", "mozilla-multi", "cwced-zh", "daniel-zh-dev")
CJK_SETS = {"cwced-zh", "daniel-zh-dev"}
FOLDS: dict[str, dict[str, int]] = json.loads((Path(__file__).parent / "folds.json").read_text("utf-8"))
OUT = Path("/tmp/cleanfeed-heldout")

sys.path.insert(0, str(ROOT))


def truth_of(name: str) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
    return data


def page_bytes(name: str, page_id: str) -> bytes:
    return gzip.decompress((DATA / name / "html" / f"{page_id}.html.gz").read_bytes())


def fold_of(name: str, page_id: str) -> str:
    """`f0` … `f4` for the English sets; the set's own name for a Chinese set (leave-one-set-out)."""
    return f"f{FOLDS[name][page_id]}" if name in FOLDS else name


def force_type(kind: str) -> None:
    """Replace the page-type decision of the HTML path by `kind` for the next page, so the content's cost
    of a wrong decision is measured apart from the decision itself."""
    from cleanfeed.html import article

    def forced(*args: object, **kwargs: object) -> str:     # whatever page_type is asked with (i17bl added two)
        return kind

    article.page_type = forced  # type: ignore[assignment]


_TYPE_MODELS: dict[Path, Any] = {}
_OUR_TYPE = {"collection": "listing"}      # WCXB's name → ours (html/pagetype.py PAGE_TYPES)


def use_type_model(path: Path) -> None:
    """Make the page-type hook read the type model at `path` (a fold's model of bench/typemodel.py
    --folds-out: trained without the page's sites) instead of the shipped one."""
    from cleanfeed.html import typemodel as tm

    if path in _TYPE_MODELS:
        model = _TYPE_MODELS[path]
        tm.type_model = lambda: model    # type: ignore[assignment,misc]
        return
    data = json.loads(path.read_text("utf-8"))
    model = _TYPE_MODELS[path] = tm.TypeModel(tm.logistic_from(data["other"]), float(data["threshold"]),
                         {k: tm.logistic_from(v) for k, v in data["types"].items()})
    tm.type_model = lambda: model    # type: ignore[assignment,misc]  # learned_type reads the module's name


def run(label: str, sets: tuple[str, ...], out: Path, models: Path | None = None, forced: str | None = None,
        type_models: Path | None = None) -> None:
    """Clean every page; with `models`, each page with the sibling model of its fold (`fold_<f>.json`,
    written by bench/train_siblings.py: trained without the page's sites); with `type_models`, with the
    page-type model of its fold (bench/typemodel.py --folds-out); with `forced`, under a forced page type
    (`force_type`)."""
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError
    from cleanfeed.html import siblings

    logging.disable(logging.CRITICAL)
    (out / label).mkdir(parents=True, exist_ok=True)
    clean(b"<html><body><p>warm up</p></body></html>")
    for name in sets:
        truth = truth_of(name)
        preds: dict[str, dict[str, Any]] = {}
        start = time.process_time()
        for page_id in sorted(truth):
            if models:
                fold = json.loads((models / f"fold_{fold_of(name, page_id)}.json").read_text("utf-8"))
                siblings.use_model(siblings.Model.from_dict(fold))
            if type_models:
                use_type_model(type_models / f"fold_{fold_of(name, page_id)}.json")
            if forced:      # `gold`: the truth's type (article on the article sets)
                force_type(_OUR_TYPE.get(gold := truth[page_id].get("page_type") or "article", gold)
                           if forced == "gold" else forced)
            t0 = time.process_time()
            try:
                article = clean(page_bytes(name, page_id), url=truth[page_id].get("url"))
                preds[page_id] = {"articleBody": article.text, "title": article.title,
                                  "page_type": getattr(article, "page_type", "article")}
            except CleanfeedError:
                preds[page_id] = {"articleBody": "", "title": ""}
            preds[page_id]["ms"] = round(1000 * (time.process_time() - t0), 2)
        (out / label / f"{name}.json").write_text(json.dumps(preds, ensure_ascii=False), "utf-8")
        print(f"{name:<15} {len(preds):>4} pages  {1000 * (time.process_time() - start) / len(preds):6.1f} ms/page",
              file=sys.stderr)


def load_preds(label: str, name: str, out: Path, ref_dir: Path | None) -> dict[str, dict[str, Any]] | None:
    for path in ((ref_dir / f"{name}.{label}.json") if ref_dir else None, out / label / f"{name}.json"):
        if path is not None and path.exists():
            data: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
            return data
    return None


def page_counts(scorer: Any, name: str, truth: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]],
                ngram: int = 4) -> dict[str, tuple[float, float, float]]:
    tok = scorer.TOKENIZERS["cjk" if name in CJK_SETS else "word"]
    return {k: scorer.page_counts(tok(truth[k].get("articleBody")), tok(preds.get(k, {}).get("articleBody")), ngram)
            for k in truth}


def page_f1(c: tuple[float, float, float]) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)


def compare(base: str, new: str, sets: tuple[str, ...], out: Path, ref_dir: Path | None, show: int) -> None:
    scorer = load_scorer()
    print(f"{'set':<15} {'fold':<14} {'pages':>5} {base[:14]:>14} {new[:14]:>14}    ΔF1     ΔP     ΔR   up down"
          "  title")
    for name in sets:
        a, b = load_preds(base, name, out, ref_dir), load_preds(new, name, out, ref_dir)
        if a is None or b is None:
            continue
        truth = truth_of(name)
        ca, cb = page_counts(scorer, name, truth, a), page_counts(scorer, name, truth, b)
        groups: dict[str, list[str]] = {"all": sorted(truth)}
        for k in sorted(truth):
            groups.setdefault(fold_of(name, k), []).append(k)
        for group, ids in groups.items():
            if group == name:
                continue
            ma = scorer.aggregate([ca[k] for k in ids])
            mb = scorer.aggregate([cb[k] for k in ids])
            up = sum(1 for k in ids if page_f1(cb[k]) - page_f1(ca[k]) > 0.05)
            down = sum(1 for k in ids if page_f1(ca[k]) - page_f1(cb[k]) > 0.05)
            titled = [k for k in ids if truth[k].get("title")]
            title = (f"{_title_rate(scorer, truth, a, titled):.3f}→{_title_rate(scorer, truth, b, titled):.3f}"
                     if titled else "")
            print(f"{name if group == 'all' else '':<15} {group:<14} {len(ids):>5} {ma['f1']:>14.4f} {mb['f1']:>14.4f} "
                  f"{mb['f1'] - ma['f1']:+.4f} {mb['precision'] - ma['precision']:+.4f} "
                  f"{mb['recall'] - ma['recall']:+.4f} {up:>4} {down:>4}  {title}")
        if show:
            deltas = sorted(truth, key=lambda k: page_f1(cb[k]) - page_f1(ca[k]))
            worst = [f"{k[:16]} {page_f1(cb[k]) - page_f1(ca[k]):+.2f}" for k in deltas[:show]
                     if page_f1(cb[k]) < page_f1(ca[k]) - 0.05]
            best = [f"{k[:16]} {page_f1(cb[k]) - page_f1(ca[k]):+.2f}" for k in reversed(deltas[-show:])
                    if page_f1(cb[k]) > page_f1(ca[k]) + 0.05]
            if worst:
                print(f"{'':<15} worst: {', '.join(worst)}")
            if best:
                print(f"{'':<15} best:  {', '.join(best)}")


def _title_rate(scorer: Any, truth: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]],
                ids: list[str]) -> float:
    """Exact title matches (the scorer's normalisation) among `ids`."""
    return sum(scorer.norm_title(truth[k]["title"]) == scorer.norm_title(preds.get(k, {}).get("title"))
               for k in ids) / len(ids)


def types(label: str, out: Path, ref_dir: Path | None) -> None:
    """wcxb-dev-other per page type, with the 4-gram metric and WCXB's bag-of-words (1-gram) one."""
    scorer = load_scorer()
    name = "wcxb-dev-other"
    preds = load_preds(label, name, out, ref_dir)
    if preds is None:
        return
    truth = truth_of(name)
    c4, c1 = page_counts(scorer, name, truth, preds), page_counts(scorer, name, truth, preds, ngram=1)
    by_type: dict[str, list[str]] = {}
    for k, v in truth.items():
        by_type.setdefault(v.get("page_type", "?"), []).append(k)
    print(f"{'page type':<15} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1 1-gram':>10} {'page-mean 1g':>12}")
    for t, ids in sorted(by_type.items()) + [("all", list(truth))]:
        m, m1 = scorer.aggregate([c4[k] for k in ids]), scorer.aggregate([c1[k] for k in ids])
        mean1 = sum(page_f1(c1[k]) for k in ids) / len(ids)
        print(f"{t:<15} {len(ids):>5} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m1['f1']:>10.3f}"
              f" {mean1:>12.3f}")


def confusion(label: str, out: Path, ref_dir: Path | None) -> None:
    """wcxb-dev-other: the page type the pipeline gave (rows: the truth's; WCXB's `collection` is our
    `listing`) per fold and in all, with how many are right. A page whose cleaning failed counts `none`."""
    preds = load_preds(label, "wcxb-dev-other", out, ref_dir)
    if preds is None:
        return
    truth = truth_of("wcxb-dev-other")
    same = {"collection": "listing"}
    found = ("article", "listing", "forum", "product", "documentation", "service", "none")
    folds: dict[str, list[str]] = {}
    for k in sorted(truth):
        folds.setdefault(fold_of("wcxb-dev-other", k), []).append(k)
    for fold, ids in sorted(folds.items()) + [("all", sorted(truth))]:
        got = {k: preds.get(k, {}).get("page_type") or "none" for k in ids}
        right = sum(got[k] == same.get(truth[k]["page_type"], truth[k]["page_type"]) for k in ids)
        print(f"\n{fold}: {right}/{len(ids)} right    " + " ".join(f"{f[:7]:>7}" for f in found))
        for t in sorted({truth[k]["page_type"] for k in ids}):
            row = [sum(1 for k in ids if truth[k]["page_type"] == t and got[k] == f) for f in found]
            print(f"{t:<24} " + " ".join(f"{n:>7}" for n in row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("run", "compare", "types", "confusion"))
    ap.add_argument("labels", nargs="+")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--ref-dir", type=Path, help="saved predictions <set>.<label>.json (extraction.py --out)")
    ap.add_argument("--models", type=Path, help="run: fold models of bench/train_siblings.py (held-out scoring)")
    ap.add_argument("--type-models", type=Path, help="run: fold page-type models of bench/typemodel.py --folds-out")
    ap.add_argument("--force-type", help="run: clean every page as this page type (`gold`: the truth's type)")
    ap.add_argument("--show", type=int, default=0, help="name the N pages that moved most per set")
    args = ap.parse_args(argv)
    if args.command == "run":
        run(args.labels[0], tuple(args.sets), args.out, args.models, args.force_type, args.type_models)
    elif args.command == "compare":
        compare(args.labels[0], args.labels[1], tuple(args.sets), args.out, args.ref_dir, args.show)
    elif args.command == "confusion":
        confusion(args.labels[0], args.out, args.ref_dir)
    else:
        types(args.labels[0], args.out, args.ref_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
