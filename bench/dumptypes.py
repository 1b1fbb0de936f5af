"""Page types of whole-page text dumps under every renderer: the confusion matrix, per fold group.

wcxb-dev-other (704 non-article pages, gold `page_type`; collection counted as listing) and the article sets
(aeb-en, wcxb-dev-en, mozilla-multi rendered; aeb-en-text, cwced-zh-text, daniel-zh-dev-text as they are)
are cleaned by `cleanfeed.clean` and the page type it gives is counted against the gold, for development folds
(f1, f3) and held-out folds (f0, f2, f4) apart, per renderer of bench/renderdumps.py (a, b, c, g, e, lynx,
w3m, html2text, markdownify). Renderer `e` is held out: only its totals print. Each dump's features as the dump
type model reads them (cleanfeed/text/dumpmodel.py, and bench/_genrefeatures.py's) are saved with `--save` for
the experiment bench/dumpgenre.py. Every renderer takes about 4 minutes (30 in all, renderings cached under --cache).

    python bench/dumptypes.py                           # every renderer, confusion matrices
    python bench/dumptypes.py --renderers a lynx --save /tmp/x.pickle
    python bench/dumptypes.py --quick --no-text-sets --renderers html2text   # the draft's type only, rendered sets
    python bench/dumptypes.py --render-own              # tests/dumptypes/html → tests/dumptypes/rendered
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import pickle
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from _genrefeatures import genre_features
from _score import ROOT, SHARED
from renderdumps import HELD_OUT, dumps, renderer

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.pipeline import page_draft
from cleanfeed.text import dump
from cleanfeed.text.dumpmodel import Verdict, features, judged

EXTRACTION = SHARED / "data" / "extraction"
TEXT = SHARED / "data" / "text"
FOLDS = json.loads((ROOT / "bench" / "folds.json").read_text("utf-8"))
DEV_FOLDS = frozenset({1, 3})
HTML_SETS = ("wcxb-dev-other", "aeb-en", "wcxb-dev-en", "mozilla-multi")
TEXT_SETS = ("aeb-en-text", "cwced-zh-text", "daniel-zh-dev-text")
RENDERERS = ("a", "b", "c", "g", "e", "lynx", "w3m", "html2text", "markdownify")
TYPES = ("article", "listing", "product", "forum", "documentation", "service", "other", "refused")


def typed(text: str, quick: bool = False) -> tuple[str, dict[str, float] | None]:
    """The page type cleanfeed gives the dump (`refused` when it gives none), and the features the learned
    model read, if it was asked. `quick`: the text cleaner's draft alone (no dates, no language: the type is
    the draft's) and no genre features, about a third of the time on a loaded machine."""
    seen: dict[str, Any] = {"x": None}
    learned = dump.learned_type

    def spy(keys: Any, scores: Any, run: Any, model: Any = None) -> Verdict:
        verdict = learned(keys, scores, run, model)
        if judged(keys):
            genre = {} if quick else genre_features(keys, scores)
            seen["x"] = features(keys, scores, run) | genre | {"p_given": float(verdict.page_type != "article")}
        return verdict

    dump.learned_type = spy
    try:
        if quick:
            draft = page_draft(text, None, None)
            kind = draft.page_type if draft.paragraphs else "refused"
        else:
            kind = cleanfeed.clean(text).page_type
    except CleanfeedError:
        kind = "refused"
    finally:
        dump.learned_type = learned
    return kind, seen["x"]


def fold_of(name: str, pid: str) -> int:
    fold = FOLDS.get(name.removesuffix("-text"), {}).get(pid)
    return int(fold) if fold is not None else int.from_bytes(pid.encode()[-2:], "big") % 5


def collect(renderers: list[str], cache: Path, quick: bool = False, text_sets: bool = True,
            sets: tuple[str, ...] = HTML_SETS) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in sets:
        truth = json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))
        ids = sorted(truth)
        for which in renderers:
            texts = dumps(name, ids, which, cache)
            for pid in ids:
                gold = truth[pid].get("page_type", "article")
                kind, x = typed(texts[pid], quick)
                out.append({"set": name, "id": pid, "renderer": which, "fold": fold_of(name, pid),
                            "gold": "listing" if gold == "collection" else gold, "given": kind, "x": x})
            logging.info("%s %s done", name, which)
    for name in TEXT_SETS if text_sets else ():
        for pid in sorted(json.loads((TEXT / name / "ground-truth.json").read_text("utf-8"))):
            text = gzip.decompress((TEXT / name / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
            kind, x = typed(text, quick)
            out.append({"set": name, "id": pid, "renderer": "text", "fold": fold_of(name, pid),
                        "gold": "article", "given": kind, "x": x})
    return out


def matrix(rows: list[dict[str, Any]]) -> str:
    counts = Counter((r["gold"], r["given"]) for r in rows)
    golds = [t for t in TYPES if any(g == t for g, _ in counts)]
    lines = ["gold \\ given  " + " ".join(f"{t[:7]:>7}" for t in TYPES) + "   right"]
    for g in golds:
        n = sum(counts[g, t] for t in TYPES)
        lines.append(f"{g:13} " + " ".join(f"{counts[g, t]:7d}" for t in TYPES) + f"   {counts[g, g] / n:.3f} of {n}")
    return "\n".join(lines)


def report(rows: list[dict[str, Any]]) -> None:
    for which in sorted({r["renderer"] for r in rows}):
        mine = [r for r in rows if r["renderer"] == which]
        groups = {"all": mine} if which == HELD_OUT else {
            "dev f1+f3": [r for r in mine if r["fold"] in DEV_FOLDS],
            "held-out f0+f2+f4": [r for r in mine if r["fold"] not in DEV_FOLDS]}
        for label, group in groups.items():
            other = [r for r in group if r["set"] == "wcxb-dev-other"]
            arts = [r for r in group if r["gold"] == "article"]
            retyped = sum(r["given"] not in ("article", "refused") for r in arts)
            right = sum(r["given"] == r["gold"] for r in other)
            print(f"\n== renderer {which}, {label}: non-article typed right {right}/{len(other)}; "
                  f"article dumps typed otherwise {retyped}/{len(arts)}")
            if which != HELD_OUT:
                print(matrix(other))


OWN = ROOT / "tests" / "dumptypes"
OWN_RENDERERS = ("a", "b", "c", "g", "lynx", "w3m", "html2text", "markdownify")     # not the held-out e


def render_own() -> None:
    """Write tests/dumptypes/rendered/<page>.<renderer>.txt: each own page of tests/dumptypes/html saved as text
    by every renderer but the held-out one, and print the type each gets."""
    out = OWN / "rendered"
    out.mkdir(exist_ok=True)
    for page in sorted((OWN / "html").glob("*.html")):
        kinds = []
        for which in OWN_RENDERERS:
            text = renderer(which)[0](page.read_bytes())
            (out / f"{page.stem}.{which}.txt").write_text(text, "utf-8")
            kinds.append(f"{which}:{typed(text, quick=True)[0]}")
        print(page.stem, " ".join(kinds))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--renderers", nargs="+", default=list(RENDERERS), choices=RENDERERS)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cleanfeed-renderdumps"))
    ap.add_argument("--save", type=Path, help="write every dump's type and features (pickle)")
    ap.add_argument("--quick", action="store_true", help="the text cleaner's draft only (no dates, no genre features)")
    ap.add_argument("--sets", nargs="+", default=list(HTML_SETS), choices=HTML_SETS, help="the rendered sets")
    ap.add_argument("--no-text-sets", action="store_true", help="the rendered sets only")
    ap.add_argument("--load", type=Path, help="report from a saved pickle instead of cleaning")
    ap.add_argument("--render-own", action="store_true", help="render tests/dumptypes/html under every renderer but e")
    args = ap.parse_args(argv)
    if args.render_own:
        render_own()
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("cleanfeed").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    rows = pickle.loads(args.load.read_bytes()) if args.load else \
        collect(args.renderers, args.cache, args.quick, not args.no_text_sets, tuple(args.sets))
    if args.save:
        args.save.write_bytes(pickle.dumps(rows))
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
