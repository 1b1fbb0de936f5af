"""Crawl → clean → store: pages per second against the local fixture site with the delay at 0, and where
the time goes. Reference: wget fetching the same article URLs (one process, keep-alive, WARC on) in the
same run.

The fixture site (tests/crawlsite/server.py) serves N synthetic articles in the fixture's English
template, linked from listing pages of 20 with `index_N.html` next links. Three measurements:

1. end to end: `crawl_project` on a fresh project (fetch, archive, clean, store; one transaction per page);
2. the same work in separate phases on another fresh project, each timed on its own: fetch + archive
   (SiteCrawl alone), clean (`clean_page`), store (`Store.put`, one transaction per page);
3. wget -i over the article URLs with --warc-file: the fetch-only reference.

Wall times swing 1–3× on a shared machine; the CPU time of this process (end to end, clean, store) is
printed too, and is what to compare between two checkouts (run each checkout's own bench/crawl.py).

    python bench/crawl.py                 # 300 articles
    python bench/crawl.py --articles 1000
"""
from __future__ import annotations

import argparse
import logging
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from crawlsite.server import SITE, FixtureSite

from cleanfeed.crawl.archive import WarcArchive
from cleanfeed.crawl.discover import SiteCrawl
from cleanfeed.crawl.fetch import FetchConfig, Fetcher, HttpxTransport
from cleanfeed.crawl.run import crawl_project
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.project import load_project
from cleanfeed.store.db import Store

PER_LISTING = 20
WORDS = ["copper", "aluminium", "zinc", "nickel", "scrap", "smelter", "output", "demand", "prices", "exports",
         "market", "traders", "refined", "warehouse", "stocks", "battery", "recycling", "tonnes", "quarter",
         "analysts", "capacity", "mills", "shipments"]


def synthetic_site(n: int) -> dict[str, tuple[bytes, str]]:
    """N article pages (the fixture template, distinct text each) and their listing pages."""
    template = (SITE / "en" / "copper-prices.html").read_text(encoding="utf-8")
    pages: dict[str, tuple[bytes, str]] = {}
    for i in range(n):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(60)]
        text = f"Report {i}: " + " ".join(words).capitalize() + "."
        html = template.replace("Copper prices rose for a fourth straight session", text, 1)
        html = html.replace("Copper prices climb as smelters cut output", f"Metals report number {i}")
        pages[f"/bench/a{i}.html"] = (html.encode("utf-8"), "text/html; charset=utf-8")
    listings = (n + PER_LISTING - 1) // PER_LISTING
    for page in range(listings):
        links = "".join(f'<li><a href="a{i}.html">Report {i}</a></li>'
                        for i in range(page * PER_LISTING, min(n, (page + 1) * PER_LISTING)))
        nxt = f'<a class="next" href="index_{page + 2}.html">Next</a>' if page + 1 < listings else ""
        name = "index.html" if page == 0 else f"index_{page + 1}.html"
        pages[f"/bench/{name}"] = (f"<html><body><ul class='news'>{links}</ul>{nxt}</body></html>".encode(),
                                   "text/html; charset=utf-8")
    return pages


def make_project(root: Path, base: str, n: int) -> Path:
    (root / "cleaners").mkdir(parents=True)
    (root / "feeds").mkdir()
    (root / "cleaners" / "bench.toml").write_text(
        f'[crawl]\nstart_urls = ["{base}/bench/index.html"]\narticle_links = ["ul.news a"]\n'
        f'next_page = ["a.next"]\nmax_pages = {n * 2}\ndelay = 0\ncontact = "https://example.org/bench"\n',
        encoding="utf-8")
    return root


def end_to_end(base: str, n: int, tmp: Path, config: FetchConfig) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, articles stored)."""
    project = load_project(make_project(tmp / "e2e", base, n))
    start, cpu = time.perf_counter(), time.process_time()
    report = crawl_project(project, project.rules.sites, config=config, progress=False)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return elapsed, cpu, sum(s.new_articles for s in report.sites)


def phases(base: str, n: int, tmp: Path, config: FetchConfig) -> dict[str, float]:
    project = load_project(make_project(tmp / "phases", base, n))
    site = project.rules.sites[0]
    fetcher = Fetcher(HttpxTransport(config), config)
    times = {"fetch": 0.0, "archive": 0.0, "clean": 0.0, "store": 0.0}
    with WarcArchive(project.root / "archive", site.name) as archive:
        def write(exchange):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            archive.write(exchange)
            times["archive"] += time.perf_counter() - t
        crawl = SiteCrawl(site, fetcher, is_known=lambda _: False, agent="cleanfeed-bench", on_exchange=write)
        start = time.perf_counter()
        pages = list(crawl.pages())
        times["fetch"] = time.perf_counter() - start - times["archive"]
    fetcher.close()
    start, cpu = time.perf_counter(), time.process_time()
    articles = [clean_page(p, project.rules, timezone=project.timezone) for p in pages]
    times["clean"], times["clean cpu"] = time.perf_counter() - start, time.process_time() - cpu
    with Store.open(project.store_path) as store:
        start, cpu = time.perf_counter(), time.process_time()
        for page, article in zip(pages, articles, strict=True):
            with store.transaction():
                store.put(page, article)
        times["store"], times["store cpu"] = time.perf_counter() - start, time.process_time() - cpu
    times["pages"] = len(pages)
    times["listing fetches"] = crawl.stats.listing_fetches
    return times


def wget_reference(base: str, n: int, tmp: Path) -> float | None:
    if not shutil.which("wget"):
        return None
    urls = tmp / "urls.txt"
    urls.write_text("".join(f"{base}/bench/a{i}.html\n" for i in range(n)), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(["wget", "-q", "-i", str(urls), "-O", "/dev/null", f"--warc-file={tmp / 'wget'}"],
                   cwd=tmp, check=False, timeout=600)
    return time.perf_counter() - start


def serve(n: int, ready: multiprocessing.Queue[str], stop: multiprocessing.synchronize.Event) -> None:
    """The fixture site in its own process, so the server does not share the crawler's GIL."""
    with FixtureSite(pages=synthetic_site(n)) as site:
        ready.put(site.base)
        stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    n = args.articles
    config = FetchConfig(delay=0)
    ctx = multiprocessing.get_context("fork")
    ready: multiprocessing.Queue[str] = ctx.Queue()
    stop = ctx.Event()
    server = ctx.Process(target=serve, args=(n, ready, stop), daemon=True)
    server.start()
    try:
        base = ready.get(timeout=30)
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            end_to_end(base, min(n, 20), tmp / "warm-up", config)      # imports, regex compiles, connections
            e2e, e2e_cpu, stored = end_to_end(base, n, tmp, config)
            parts = phases(base, n, tmp, config)
            ref = wget_reference(base, n, tmp)
    finally:
        stop.set()
        server.join(10)
    pages = int(parts["pages"])
    print(f"crawl → clean → store, {n} articles + {int(parts['listing fetches'])} listing pages, delay 0, "
          f"fixture server on 127.0.0.1 in its own process (python {sys.version.split()[0]})\n")
    print(f"{'measurement':<34}{'seconds':>9}{'pages/s':>9}{'ms/page':>9}")
    print(f"{'end to end (crawl_project)':<34}{e2e:9.2f}{stored / e2e:9.1f}{1000 * e2e / stored:9.2f}   "
          f"CPU {e2e_cpu:.2f} s = {1000 * e2e_cpu / stored:.2f} ms/page")
    phase_total = sum(parts[k] for k in ("fetch", "archive", "clean", "store"))
    for key in ("fetch", "archive", "clean", "store"):
        share = f"{100 * parts[key] / phase_total:5.1f} %"
        cpu = f"   CPU {1000 * parts[key + ' cpu'] / pages:.2f} ms/page" if key + " cpu" in parts else ""
        print(f"{'  ' + key:<34}{parts[key]:9.2f}{'':>9}{1000 * parts[key] / pages:9.2f}   {share}{cpu}")
    print(f"{'  sum of phases':<34}{phase_total:9.2f}{pages / phase_total:9.1f}{1000 * phase_total / pages:9.2f}")
    if ref is not None:
        print(f"{'wget -i --warc-file (fetch only)':<34}{ref:9.2f}{n / ref:9.1f}{1000 * ref / n:9.2f}")
        print(f"\nfetch + archive vs wget: {(parts['fetch'] + parts['archive']) / ref:.2f}× wget's time")


if __name__ == "__main__":
    main()
