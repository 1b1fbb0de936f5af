"""An experiment: can a learned second opinion type the non-article dumps the pipeline leaves as articles,
without typing one article dump otherwise? (Measured: no; nothing here is shipped.)

Reads the dumps bench/dumptypes.py saved (`--save`): wcxb-dev-other and the article sets under every renderer,
with the features the dump type model reads (cleanfeed/text/dumpmodel.py) and bench/_genrefeatures.py's (the
voice of the prose, how it is cut into sections). Only dumps the pipeline leaves as articles and the dump type
model's gate lets through are judged. One logistic model per page type, that type against the article dumps
(bench/_logistic.py), trained on renderers TRAIN (ours, the html2text-like one, lynx) and the real text dumps;
b, g and w3m are never trained on, e (held out) prints totals only. Cross-validation by the site-disjoint folds
of bench/folds.json; each type's threshold is the highest held-out probability any article dump reaches under
every renderer but e, on any fold.

Result at 938d48a (`python bench/dumptypes.py --save P; python bench/dumpgenre.py --load P`): 34 of 2,431
judged non-article dumps typed (25 the right type, mostly documentation), no article dump typed otherwise
under the renderers the thresholds saw, but 5 of renderer e's 450 judged article dumps typed otherwise: the
thresholds do not carry to an unseen renderer. Conditioning on the dump type model's own probability as
well (`> 0.5 … 0.95`) leaves 4–5 of e's article dumps typed. The genre features help the ranking (see
bench/_genrefeatures.py), not the far tail that a zero-article rule lives in.

    python bench/dumpgenre.py --load /tmp/types.pickle            # cross-validated report, per renderer and fold
"""
from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from _logistic import fit, probability

from cleanfeed.text.dumpmodel import GATE_MIN_LINES, dump_model

TRAIN = ("a", "c", "lynx", "text")
HELD_OUT = "e"
DEV_FOLDS = (1, 3)
L2 = 1.0
MARGIN = 0.0      # added to the highest held-out article probability (logit units)
TYPES = ("listing", "product", "forum", "documentation", "service")
Page = dict[str, Any]


def past_gate(x: dict[str, float]) -> bool:
    """The dump type model's gate lets the dump through to its full model (text/dumpmodel.learned_type): only
    there are the row features read, and only there does the genre model answer."""
    model = dump_model()
    answers = math.expm1(x["log_lines"]) >= GATE_MIN_LINES - 0.5 and x["run_lines_share"] > 0
    return not (answers and model.gate.probability(x) < model.gate_floor)


def candidates(rows: list[Page]) -> list[Page]:
    """Dumps the model judges: the pipeline asked the dump type model (Latin script, a dump with a run), its
    gate let them through, and it left them articles."""
    return [r for r in rows if r["x"] is not None and r["given"] == "article" and past_gate(r["x"])]


def feature_names(pages: list[Page], only: str | None) -> list[str]:
    names = sorted(n for n in pages[0]["x"] if n != "p_given")
    return names if only is None else [n for n in names if n in only.split(",")]


def train_type(train: list[Page], names: list[str], kind: str) -> dict[str, Any]:
    """One page type against the article dumps (the other types left out), both classes weighing the same."""
    pages = [p for p in train if p["gold"] in ("article", kind)]
    target = [p["gold"] == kind for p in pages]
    n = sum(target) or 1
    weight = np.array([len(pages) / (2 * n) if t else len(pages) / (2 * (len(pages) - n)) for t in target])
    return fit(pages, names, target, weight, L2)


def cross_validate(pages: list[Page], names: list[str]) -> dict[str, np.ndarray]:
    """Every page's held-out probability under each type's model (trained on the other four folds)."""
    prob = {t: np.zeros(len(pages)) for t in TYPES}
    for k in range(5):
        train = [p for p in pages if p["fold"] != k and p["renderer"] in TRAIN]
        idx = [i for i, p in enumerate(pages) if p["fold"] == k]
        test = [pages[i] for i in idx]
        for t in TYPES:
            prob[t][idx] = probability(train_type(train, names, t), test)
    return prob


def thresholds(pages: list[Page], prob: dict[str, np.ndarray]) -> dict[str, float]:
    """Per type: the highest held-out probability of any article dump, every renderer but e, every fold."""
    arts = [i for i, p in enumerate(pages) if p["gold"] == "article" and p["renderer"] != HELD_OUT]
    return {t: float(max(prob[t][arts])) for t in TYPES}


def verdicts(pages: list[Page], prob: dict[str, np.ndarray], cuts: dict[str, float]) -> list[str]:
    """The type given: among the types whose model passes its threshold, the most probable; else article."""
    out = []
    for i in range(len(pages)):
        passed = [(prob[t][i], t) for t in TYPES if prob[t][i] > cuts[t]]
        out.append(max(passed)[1] if passed else "article")
    return out


def report(pages: list[Page], given: list[str]) -> None:
    for which in sorted({p["renderer"] for p in pages}):
        mine = [i for i, p in enumerate(pages) if p["renderer"] == which]
        groups = {"all": mine} if which == HELD_OUT else {
            "dev": [i for i in mine if pages[i]["fold"] in DEV_FOLDS],
            "held-out": [i for i in mine if pages[i]["fold"] not in DEV_FOLDS]}
        for label, idx in groups.items():
            other = [i for i in idx if pages[i]["gold"] != "article"]
            arts = [i for i in idx if pages[i]["gold"] == "article"]
            typed = [i for i in other if given[i] != "article"]
            right = sum(given[i] == pages[i]["gold"] for i in typed)
            per = Counter((pages[i]["gold"], given[i]) for i in typed) if which != HELD_OUT else {}
            print(f"{which:5} {label:8} judged non-articles {len(other):4}: typed {len(typed):3}, right {right:3}; "
                  f"articles {len(arts):4} retyped {sum(given[i] != 'article' for i in arts)}  "
                  + " ".join(f"{g}>{t}:{n}" for (g, t), n in sorted(per.items())))
    for k in range(5):
        other = [i for i, p in enumerate(pages)
                 if p["fold"] == k and p["gold"] != "article" and p["renderer"] != HELD_OUT]
        right = sum(given[i] == pages[i]["gold"] for i in other)
        print(f"fold {k}: typed {sum(given[i] != 'article' for i in other)}, right {right}, of {len(other)} judged "
              "non-article dumps (every renderer but e)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--load", type=Path, required=True, help="the pickle bench/dumptypes.py --save wrote")
    ap.add_argument("--only", help="comma-separated feature names (default: all)")
    args = ap.parse_args(argv)
    pages = candidates(pickle.loads(args.load.read_bytes()))
    names = feature_names(pages, args.only)
    prob = cross_validate(pages, names)
    cuts = thresholds(pages, prob)
    print("thresholds", {t: round(c, 6) for t, c in cuts.items()})
    report(pages, verdicts(pages, prob, cuts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
