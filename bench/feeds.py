"""Feed building against store size: synthetic stores of 1,000 / 10,000 / 100,000 articles.

For each size, in a fresh subprocess (so peak RSS belongs to that size alone):
  * generate   — rows written straight into the store's tables in one transaction (not timed as a result)
  * build      — `cleanfeed build` of the project (two feeds, max_items 50; no new inputs: store → 6 feeds
                 + index.html + feeds.opml), median of 3
  * add        — `cleanfeed add` of one new page (clean, store, rewrite every feed), median of 5
  * feedgen    — the reference: feedgen rendering the same 2 × 50 entries as Atom and RSS
  * peak       — tracemalloc peak of one build and one add (Python allocations), and the process max RSS
The cost of add must not grow with the store: only the newest max_items are read, through an index.

    python bench/feeds.py                    # 1k, 10k, 100k (the 100k store takes ~1 minute to generate)
    python bench/feeds.py --sizes 1000 10000
    python bench/feeds.py --keyword-feeds 20 --code /tmp/cf-prev   # 20 keyword feeds more; another checkout

With `--keyword-feeds K`, K feeds with `include` / `exclude` words are added to the two seed feeds: half
of them name one story only (the whole store must be searched), the others common words or exclusions.
`first build` is the first build after the feeds were made (the store learns their members then: one
pass over every article for all of them); `build` the builds after it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else ROOT
sys.path.insert(0, str(CODE))

FEEDS = {
    "metals-en": 'title = "Metals"\nself_url = "https://bench.example/"\nlanguage = "en"\ntimezone = "Asia/Shanghai"\n',
    "metals-zh": 'title = "金属"\nself_url = "https://bench.example/"\nlanguage = "zh"\ntimezone = "Asia/Shanghai"\n',
}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
START = datetime(2015, 1, 1, tzinfo=UTC)


def _us(value: datetime) -> int:
    return (value - EPOCH) // timedelta(microseconds=1)


def keyword_feeds(k: int, n: int) -> dict[str, str]:
    """K keyword feeds over a store of `n` articles: rare words (one story), common words, exclusions."""
    out = {}
    for j in range(k):
        kind = j % 4
        words = (f'include = ["story number {(j * 7919) % n}:"]' if kind < 2 else
                 'include = ["smelters", "再生铝"]' if kind == 2 else f'exclude = ["number {j}"]')
        out[f"kw-{j:02d}"] = f'title = "Keyword {j}"\nself_url = "https://bench.example/"\n{words}\n'
    return out


def generate(root: Path, n: int, keywords: int = 0) -> float:
    """A project whose store holds `n` articles (2/3 English, 1/3 Chinese, half with a URL, half dated)."""
    from cleanfeed.model import Article, FoundDate, article_to_json
    from cleanfeed.store.db import Store, content_hash

    (root / "feeds").mkdir(parents=True)
    for slug, text in {**FEEDS, **keyword_feeds(keywords, n)}.items():
        (root / "feeds" / f"{slug}.toml").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store, store.transaction():
        articles, aliases = [], []
        for i in range(n):
            zh = i % 3 == 2
            text = (f"第{i}号再生铝项目开工建设，年产能{i}万吨。" * 8) if zh else \
                (f"Scrap copper story number {i}: smelters bought more material this week. " * 6)
            seen = START + timedelta(minutes=37 * i)
            url = f"https://news.example.com/{i}.html" if i % 2 else None
            published = FoundDate((seen - timedelta(hours=5)).astimezone(timezone(timedelta(hours=8))), "header") \
                if i % 4 < 2 else None
            art = Article(title=f"Story {i}", text=text, html=f"<p>{text}</p>", language="zh-CN" if zh else "en",
                          url=url, published=published, summary=text[:120], fetched_at=seen)
            data = article_to_json(art)
            aid = f"b{i:015x}"
            sort = _us(published.value) if published else _us(seen)
            raw = zlib.compress(f"Story {i}\n\n{text}".encode(), 6)
            articles.append((aid, url, _us(seen), _us(seen), sort, data["language"], None, content_hash(data), raw,
                             json.dumps({"fetched_at": seen.isoformat(), "source": f"gen/{i}.txt", "text": True}),
                             json.dumps(data, ensure_ascii=False)))
            aliases.append(("raw:" + hashlib.sha256(raw).hexdigest()[:32], aid))
            if url:
                aliases.append(("url:" + url.split("://", 1)[1], aid))
            if len(articles) >= 5000:
                _flush(store, articles, aliases)
        _flush(store, articles, aliases)
    return time.perf_counter() - t0


def _flush(store: Any, articles: list[tuple[Any, ...]], aliases: list[tuple[str, str]]) -> None:
    store.conn.executemany("INSERT INTO articles (id, url, first_seen, changed_at, sort_time, language, site, "
                           "content_hash, raw, page, article) VALUES (?,?,?,?,?,?,?,?,?,?,?)", articles)
    store.conn.executemany("INSERT OR IGNORE INTO aliases (key, id) VALUES (?, ?)", aliases)
    articles.clear()
    aliases.clear()


def new_page(root: Path, k: int) -> Path:
    path = root / "incoming" / f"new{k}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"Copper climbs again, part {k}\n\nScrap copper prices rose for the {k}th day in Ningbo as "
                    f"smelters bought more material, traders said.\n\nAnalysts expect plant {k} to keep buying.\n",
                    encoding="utf-8")
    path.with_name(path.name + ".meta.json").write_text(
        json.dumps({"fetched_at": f"2030-01-{1 + k:02}T10:00:00", "timezone": "Asia/Shanghai"}), encoding="utf-8")
    return path


def timed(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def feedgen_reference(root: Path) -> Callable[[], None]:
    """The reference: feedgen rendering the same 2 × 50 entries as Atom and RSS, with the same fields
    (our xmlfeeds module on preselected items) — everything else in a build is store, JSON Feed, pages, CLI."""
    from cleanfeed.publish.items import select
    from cleanfeed.publish.xmlfeeds import atom_bytes, rss_bytes
    from cleanfeed.rules.project import load_project
    from cleanfeed.store.db import Store

    project = load_project(root)
    with Store.open(project.store_path) as store:
        selections = [(spec, select(store, spec)) for spec in project.feeds]

    def run() -> None:
        for spec, items in selections:
            atom_bytes(spec, items)
            rss_bytes(spec, items)
    return run


def one_size(n: int, keywords: int = 0) -> dict[str, Any]:
    from cleanfeed.cli import main

    with tempfile.TemporaryDirectory(prefix=f"cleanfeed-bench-{n}-") as tmp:
        root = Path(tmp)
        gen = generate(root, n, keywords)
        size_mb = (root / ".cleanfeed" / "store.sqlite").stat().st_size / 2**20

        def build(root: Path = root) -> int:
            return main(["-q", "--project", str(root), "build"])

        t0 = time.perf_counter()
        assert build() == 0
        t_first = time.perf_counter() - t0
        t_build = timed(build, 3)
        pages = iter(range(1, 30))

        def add(root: Path = root, pages: Iterator[int] = pages) -> int:
            return main(["-q", "--project", str(root), "add", str(new_page(root, next(pages)))])

        t_add = timed(add, 5)
        t_ref = timed(feedgen_reference(root), 3)
        m_build, m_add = peak(build), peak(add)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "generate_s": gen, "store_mb": size_mb, "first_build_ms": t_first * 1e3,
            "build_ms": t_build * 1e3, "add_ms": t_add * 1e3,
            "feedgen_ms": t_ref * 1e3, "build_peak_mb": m_build, "add_peak_mb": m_add, "max_rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--keyword-feeds", type=int, default=0, metavar="K", help="K keyword feeds more")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)        # the per-size subprocess
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_size(args.one, args.keyword_feeds)))
        return 0
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--keyword-feeds", str(args.keyword_feeds),
                              "--code", str(args.code)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'articles':>9} {'store MB':>9} {'gen s':>6} {'first build ms':>15} {'build ms':>9} {'add ms':>7} "
          f"{'feedgen ms':>11} {'build/fg':>8} {'build peak MB':>14} {'add peak MB':>12} {'max RSS MB':>11}")
    for r in rows:
        print(f"{r['n']:>9,} {r['store_mb']:>9.1f} {r['generate_s']:>6.1f} {r['first_build_ms']:>15.1f} "
              f"{r['build_ms']:>9.1f} {r['add_ms']:>7.1f} "
              f"{r['feedgen_ms']:>11.1f} {r['build_ms'] / r['feedgen_ms']:>8.2f} {r['build_peak_mb']:>14.1f} "
              f"{r['add_peak_mb']:>12.1f} {r['max_rss_mb']:>11.1f}")
    first, last = rows[0], rows[-1]
    print(f"growth {first['n']:,} → {last['n']:,} articles ({last['n'] / first['n']:.0f}×): "
          f"build ×{last['build_ms'] / first['build_ms']:.2f}, add ×{last['add_ms'] / first['add_ms']:.2f}, "
          f"add peak memory ×{last['add_peak_mb'] / first['add_peak_mb']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
