"""Which content profile wins on a dump, per page type, and where the dump model's doubt threshold goes.

Every dump where cleanfeed decides a type (bench/dumpmodel.py's pages: wcxb-dev-other and the English
article sets rendered by both naive scrapers, and aeb-en-text) is cleaned twice: with the article profile
(one article run) and with the content profile (cleanfeed/text/dumptype.py: every stretch that pays for its
lines), and scored against its gold beside keeping every line. Then, with each page's held-out probability
from bench/dumpmodel.py's cross-validation, the sets' F1 when the content profile is given to the pages above
a doubt threshold, on the development folds (1, 3) and the others. DOUBT in bench/dumpmodel.py was chosen
from the development folds' columns of this table.

    python bench/dumpprofiles.py
"""
from __future__ import annotations

import gzip
import json
import logging
import pickle
import sys
import warnings
from typing import Any

from _score import load_scorer
from dumpmodel import CACHE, FOLDS, cross_validate, load_pages
from otherdumps import EXTRACTION, TEXT, rendered

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.text import dump
from cleanfeed.text.dumpmodel import Verdict, judged

DEV_FOLDS = (1, 3)
DOUBTS = (0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 1.01)


def body(text: str, as_content: bool) -> tuple[str, str]:
    """cleanfeed's body and type of a dump, every dump the model judges given the content profile or none."""
    def verdict(keys: Any, scores: Any, run: Any, model: Any = None) -> Verdict:
        return Verdict("article", as_content and judged(keys))
    saved = dump.learned_type
    dump.learned_type = verdict
    try:
        article = cleanfeed.clean(text)
        return article.text, article.page_type
    except CleanfeedError:
        return "", "refused"
    finally:
        dump.learned_type = saved


def scored_pages(scorer: Any) -> list[dict[str, Any]]:
    path = CACHE / "profiles.pickle"
    if path.exists():
        rows: list[dict[str, Any]] = pickle.loads(path.read_bytes())
        return rows
    folds = json.loads(FOLDS.read_text("utf-8"))
    rows = []

    def add(name: str, pid: str, renderer: str, text: str, gold: str, kind: str) -> None:
        def counts(pred: str) -> Any:
            return scorer.page_counts(scorer.tokenize_cjk(gold), scorer.tokenize_cjk(pred), 4)
        run_body, given = body(text, False)
        rows.append({"set": name, "id": pid, "renderer": renderer, "type": kind, "rule": given,
                     "fold": folds[name.removesuffix("-text")][pid], "run": counts(run_body),
                     "content": counts(body(text, True)[0]), "keep": counts(text)})

    for renderer in ("a", "c"):
        for name in ("wcxb-dev-other", "aeb-en", "wcxb-dev-en", "mozilla-multi"):
            truth = json.loads((EXTRACTION / name / "ground-truth.json").read_text("utf-8"))
            for pid in sorted(truth):
                add(name, pid, renderer, rendered(name, pid, renderer), truth[pid]["articleBody"],
                    truth[pid].get("page_type", "article"))
    truth = json.loads((TEXT / "aeb-en-text" / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(truth):
        text = gzip.decompress((TEXT / "aeb-en-text" / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
        add("aeb-en-text", pid, "text", text, truth[pid]["articleBody"], "article")
    path.write_bytes(pickle.dumps(rows))
    return rows


def main() -> int:
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    scorer = load_scorer()
    pages = load_pages()
    names = sorted({n for p in pages for n in p["x"]})
    prob, _, _, _ = cross_validate(pages, names)
    held = {(p["set"], p["id"], p["renderer"]): float(prob[i]) for i, p in enumerate(pages)}
    rows = [r | {"p": held[(r["set"], r["id"], r["renderer"])]} for r in scored_pages(scorer)
            if (r["set"], r["id"], r["renderer"]) in held]

    def f1(subset: list[dict[str, Any]], pick: Any) -> float:
        return float(scorer.aggregate([pick(r) for r in subset])["f1"]) if subset else float("nan")

    print("Non-article pages the rules leave as articles, F1 per profile (dev folds 1, 3 / the others):")
    print(f"{'type':<15}{'folds':<8}{'renderer':<9}{'pages':>6}{'article run':>12}{'content':>9}{'keep all':>9}")
    others = [r for r in rows if r["type"] != "article" and r["rule"] == "article"]
    for kind in sorted({r["type"] for r in others}):
        for label, dev in (("dev", True), ("others", False)):
            for renderer in ("a", "c"):
                sub = [r for r in others if r["type"] == kind and r["renderer"] == renderer
                       and (r["fold"] in DEV_FOLDS) == dev]
                print(f"{kind:<15}{label:<8}{renderer:<9}{len(sub):>6}{f1(sub, lambda r: r['run']):>12.3f}"
                      f"{f1(sub, lambda r: r['content']):>9.3f}{f1(sub, lambda r: r['keep']):>9.3f}")
    print("\nSet F1 with the content profile above each doubt threshold (dev folds / the others):")
    groups = sorted({(r["set"], r["renderer"]) for r in rows})
    print("doubt  " + "  ".join(f"{s}/{w}" for s, w in groups))
    for doubt in DOUBTS:
        cells = []
        for name, renderer in groups:
            sub = [r for r in rows if r["set"] == name and r["renderer"] == renderer]
            def pick(r: dict[str, Any], doubt: float = doubt) -> Any:
                return r["content"] if r["p"] > doubt and r["rule"] == "article" else r["run"]
            cells.append(f"{f1([r for r in sub if r['fold'] in DEV_FOLDS], pick):.4f}/"
                         f"{f1([r for r in sub if r['fold'] not in DEV_FOLDS], pick):.4f}")
        print(f"{doubt:<6} " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
