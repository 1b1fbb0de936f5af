"""Page type (`cleanfeed/html/pagetype.py`) against the shared sets: every page of aeb-en, wcxb-dev-en,
mozilla-multi, cwced-zh and daniel-zh-dev is an article; wcxb-dev-other's ground truth names its type
(service, product, collection, forum, listing, documentation; WCXB's `collection` is our `listing`).
Only articles reach the feeds, so the number that matters most is articles called something else.

    python bench/pagetype.py
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from functools import partial

from _score import ROOT, SHARED

DATA = SHARED / "data" / "extraction"
SETS = ("aeb-en", "wcxb-dev-en", "wcxb-dev-other", "mozilla-multi", "cwced-zh", "daniel-zh-dev")
SAME = {"collection": "listing"}

sys.path.insert(0, str(ROOT))

from cleanfeed.html.metadata import read_metadata
from cleanfeed.html.pagetype import has_cart_form, page_type
from cleanfeed.html.parse import parse_html
from cleanfeed.model import Page
from cleanfeed.pipeline import page_text


def main() -> int:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    lost: list[str] = []
    for name in SETS:
        truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
        for page_id, gold in sorted(truth.items()):
            text, _ = page_text(Page(body=gzip.decompress((DATA / name / "html" / f"{page_id}.html.gz").read_bytes())))
            doc = parse_html(text)
            md = read_metadata(doc, gold.get("url"))
            want = gold.get("page_type", "article")
            got = page_type(md.kinds, gold.get("url") or md.url, partial(has_cart_form, doc), md.generator)
            confusion[SAME.get(want, want)][got] += 1
            if want == "article" and got != "article":
                lost.append(f"  {name}/{page_id}: {got} ({', '.join(md.kinds)}; {gold.get('url') or md.url})")
    kinds = sorted({k for c in confusion.values() for k in c} | set(confusion))
    print(f"{'truth / ours':<15}" + "".join(f"{k[:13]:>14}" for k in kinds) + f"{'right':>8}")
    for want in kinds:
        row = confusion.get(want, Counter())
        if row:
            print(f"{want:<15}" + "".join(f"{row[k]:>14}" for k in kinds) + f"{row[want] / sum(row.values()):>8.3f}")
    articles = confusion["article"]
    others = sum(sum(c.values()) for k, c in confusion.items() if k != "article")
    found = sum(n for k, c in confusion.items() if k != "article" for g, n in c.items() if g != "article")
    print(f"\narticles kept as articles: {articles['article']}/{sum(articles.values())}; "
          f"non-articles not called article: {found}/{others}")
    print("\n".join(lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())
