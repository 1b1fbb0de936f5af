"""Our own pages of the site families no shared set covers (tests/pages/families/, SOURCE.md): cleanfeed's
body precision / recall / F1 per page and overall with the shared scorer, trafilatura beside it.
`--pages zhportals` scores the Chinese portal pages of tests/pages/zhportals/ (one token per ideograph).

    python bench/families.py                 # per page and overall
    python bench/families.py --tools cleanfeed
    python bench/families.py --pages zhportals
"""
from __future__ import annotations

import argparse
import json
import logging

from _score import ROOT, load_scorer

PAGES = ROOT / "tests" / "pages"
TOKENIZER = {"families": "word", "zhportals": "cjk"}


def predict(tool: str, data: bytes) -> str:
    if tool == "trafilatura":
        import trafilatura
        return trafilatura.extract(data) or ""
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError
    try:
        return clean(data).text
    except CleanfeedError:
        return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", nargs="+", default=["cleanfeed", "trafilatura"])
    ap.add_argument("--pages", choices=sorted(TOKENIZER), default="families")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    scorer = load_scorer()
    tokenize = scorer.TOKENIZERS[TOKENIZER[args.pages]]
    pages = sorted((PAGES / args.pages).glob("*.html"))
    for tool in args.tools:
        counts = []
        for page in pages:
            gold = json.loads(page.with_suffix(".gold.json").read_text("utf-8"))["articleBody"]
            got = predict(tool, page.read_bytes())
            c = scorer.page_counts(tokenize(gold), tokenize(got), 4)
            counts.append(c)
            one = scorer.aggregate([c])
            print(f"{tool:12} {page.stem:26} P {one['precision']:.3f} R {one['recall']:.3f} F1 {one['f1']:.3f}")
        total = scorer.aggregate(counts)
        print(f"{tool:12} {'ALL (' + str(len(pages)) + ')':26} P {total['precision']:.4f} R {total['recall']:.4f} "
              f"F1 {total['f1']:.4f}")


if __name__ == "__main__":
    main()
