"""How often the generic "next page" detector (cleanfeed/crawl/pagination.py) fires on pages of the extraction
sets, which are single pages whose ground truth is the whole article: each hit is either an article really
continued on another page (WordPress "Pages: 1 2 3", WebMD's pager) or a false positive (a comments or
reviews pager, a blog widget's "Older entries"). Lists every hit with the way it was found, to read.

    python bench/pagination.py                     # every set in ../shared/data/extraction
    python bench/pagination.py --sets cwced-zh daniel-zh-dev
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter

from _score import ROOT, SHARED

sys.path.insert(0, str(ROOT))

from cleanfeed.crawl.pagination import page_links
from cleanfeed.errors import DecodeError
from cleanfeed.inputs.decode import decode
from cleanfeed.urlnorm import host_of

DATA = SHARED / "data" / "extraction"


def main(argv: list[str] | None = None) -> int:
    sets = sorted(p.name for p in DATA.iterdir() if (p / "ground-truth.json").exists()) if DATA.is_dir() else []
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=sets, default=sets)
    args = ap.parse_args(argv)
    if not sets:
        print(f"no benchmark data in {DATA}", file=sys.stderr)
        return 2
    print("| set | pages | next page found | by URL | by link text | ms/page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    hits: list[str] = []
    for name in args.sets:
        truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
        found: Counter[str] = Counter()
        pages, seconds = 0, 0.0
        for page_id in sorted(truth):
            url = truth[page_id].get("url") or f"https://{name}.example/{page_id}.html"
            try:
                html = decode(gzip.decompress((DATA / name / "html" / f"{page_id}.html.gz").read_bytes()), None).text
            except DecodeError:
                continue
            pages += 1
            started = time.perf_counter()
            links = page_links(html, url, first_url=url, page_no=1, rule=None, hosts=[host_of(url)])
            seconds += time.perf_counter() - started
            if links.next_page:
                found[links.how] += 1
                hits.append(f"- {name} {page_id[:16]} ({links.how}): {url[:100]} → {links.next_page[:120]}")
        print(f"| {name} | {pages} | {sum(found.values())} | {found['url']} | {found['text']} | "
              f"{1000 * seconds / max(pages, 1):.2f} |")
    print("\n" + "\n".join(hits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
