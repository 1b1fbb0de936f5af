"""clean-corpus throughput and memory: pages per second with 1 and 2 local Dask workers (the scaling
ratio) against the single-process loop of `cleanfeed clean` on the same pages, and peak memory per
worker (the worker process and its cleaning process) on a small and a 20,000-page input: streaming
means the peak does not grow with the input.

The corpus is generated: pages of ../shared/data (plain-text dumps and HTML, English and Chinese)
repeated under new URLs, 80 % as JSON Lines shards and 20 % as one WARC file. Timings cover the run
only (the cluster is started before the clock). The machine has 2 cores shared with other work: the
numbers are noisy; compare the ratios, which come from the same run.

    python bench/corpus.py                        # 3,000 pages for speed, 20,000 for memory (~10 min)
    python bench/corpus.py --speed-pages 600 --memory-pages 2000 1000
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from _score import ROOT, SHARED  # this checkout first on sys.path; $CLEANFEED_SHARED or ../shared

DATA = SHARED / "data"
SETS = ("text/aeb-en-text", "text/daniel-zh-dev-text", "text/cwced-zh-text", "extraction/cwced-zh",
        "extraction/aeb-en")
sys.path.insert(0, str(ROOT / "tests" / "warc"))

from cleanfeed.corpus.run import clean_corpus
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.pipeline import clean_page


def bodies() -> list[tuple[str, str]]:
    """(kind, text) of every page in SETS: kind is `text` or `html`, as a JSON Lines record says."""
    out = []
    for name in SETS:
        kind = "text" if name.startswith("text/") else "html"
        for path in sorted((DATA / name / "html").glob("*.html.gz")):
            out.append((kind, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")))
    random.Random(0).shuffle(out)       # every slice of the input mixes sets, sizes and languages
    return out


def make_input(root: Path, pages: int, source: list[tuple[str, str]]) -> list[str]:
    """`pages` pages under new URLs: JSON Lines shards of 2,500 records, the last fifth as a WARC."""
    from warcbuild import write_pages_warcio
    root.mkdir(parents=True)
    in_jsonl = pages * 4 // 5
    paths: list[str] = []
    for start in range(0, in_jsonl, 2500):
        path = root / f"shard-{start // 2500:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(start, min(start + 2500, in_jsonl)):
                kind, text = source[n % len(source)]
                out.write(json.dumps({"url": f"https://bench.example/{n}", "fetched_at": "2021-05-01",
                                      kind: text}, ensure_ascii=False) + "\n")
        paths.append(str(path))
    warc = [(f"https://bench.example/w{n}", source[n % len(source)][1].encode("utf-8"))
            for n in range(in_jsonl, pages)]
    if warc:
        paths.append(str(write_pages_warcio(root / "crawl.warc.gz", warc)))
    return paths


def single_process(inputs: list[str]) -> tuple[int, float]:
    """The reference: `cleanfeed clean`'s loop in this process."""
    start, count = time.perf_counter(), 0
    for item in iter_pages(inputs):
        count += 1
        if not isinstance(item, CleanfeedError):
            with contextlib.suppress(Exception):
                clean_page(item)
    return count, time.perf_counter() - start


class PeakMemory:
    """Samples, every 0.2 s, the RSS of each worker process and of its cleaning process, and the CPU
    time all of them used (on a shared machine, CPU time shows how many cores the run really had)."""

    def __init__(self, pids: list[int]) -> None:
        import psutil
        self.procs = {pid: psutil.Process(pid) for pid in pids}
        self.worker = {pid: 0 for pid in pids}
        self.child = {pid: 0 for pid in pids}
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil
        while not self.stop.wait(0.2):
            for pid, proc in self.procs.items():
                try:
                    self.worker[pid] = max(self.worker[pid], proc.memory_info().rss)
                    self.cpu[pid] = sum(proc.cpu_times()[:2])
                    for kid in proc.children(recursive=True):
                        self.child[pid] = max(self.child[pid], kid.memory_info().rss)
                        self.cpu[kid.pid] = sum(kid.cpu_times()[:2])
                except psutil.Error:
                    pass

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def run_cluster(workers: int, inputs: list[str], out: Path, part_mb: float) -> tuple[Any, float, dict[str, float]]:
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        memory = PeakMemory(pids)
        with memory:
            before = dict(memory.cpu)
            start = time.perf_counter()
            report = clean_corpus(inputs, out, client=client, partition_bytes=int(part_mb * 1024 * 1024))
            seconds = time.perf_counter() - start
            time.sleep(0.3)                 # one more sample: CPU times up to the end of the run
    mb = 1024 * 1024
    peaks = {"worker_mb": max(memory.worker.values()) / mb, "child_mb": max(memory.child.values()) / mb,
             "cpu_s": sum(memory.cpu.values()) - sum(before.values())}
    return report, seconds, peaks


def row(first: str, *cells: Any) -> None:
    print(f"{first:<30}" + "".join(f"{c:>16}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--speed-pages", type=int, default=3000)
    ap.add_argument("--memory-pages", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--partition-mb", type=float, default=4.0,
                    help="input MB per partition (default 4: enough partitions to keep 2 workers busy)")
    args = ap.parse_args(argv)
    source = bodies()

    def timed(n: int, s: float) -> str:
        return f"{n / s:.1f}"

    with tempfile.TemporaryDirectory(prefix="cleanfeed-bench-") as tmp:
        root = Path(tmp)
        speed_in = make_input(root / "speed", args.speed_pages, source)
        print(f"# {len(source)} distinct pages from ../shared/data; {args.speed_pages} pages for speed; "
              f"{args.partition_mb:g} MB partitions; {os.cpu_count()} cores (shared with other work: noisy)")
        row("run", "pages", "seconds", "pages/s", "ratio", "CPU s", "cores used", "load avg")
        cpu0 = time.process_time()
        n, secs = single_process(speed_in)
        base = n / secs
        row("single process (clean loop)", n, f"{secs:.1f}", timed(n, secs), "1.00",
            f"{time.process_time() - cpu0:.1f}", f"{(time.process_time() - cpu0) / secs:.2f}",
            f"{os.getloadavg()[0]:.1f}")
        rates = {}
        for workers in (1, 2):
            report, secs, peaks = run_cluster(workers, speed_in, root / f"out-speed-{workers}", args.partition_mb)
            rates[workers] = report.pages / secs
            row(f"clean-corpus, {workers} worker(s)", report.pages, f"{secs:.1f}", timed(report.pages, secs),
                f"{rates[workers] / base:.2f}", f"{peaks['cpu_s']:.1f}", f"{peaks['cpu_s'] / secs:.2f}",
                f"{os.getloadavg()[0]:.1f}")
        print(f"# scaling 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (cores used says how many cores the "
              f"machine's other load left us)")
        print()
        row("memory (2 workers)", "pages", "input MB", "worker peak MB", "cleaner peak MB")
        for pages in args.memory_pages:
            inputs = make_input(root / f"mem-{pages}", pages, source)
            size = sum(Path(p).stat().st_size for p in inputs) / 1024 / 1024
            report, secs, peaks = run_cluster(2, inputs, root / f"out-mem-{pages}", args.partition_mb)
            row(f"{pages} pages ({secs:.0f} s)", report.pages, f"{size:.0f}", f"{peaks['worker_mb']:.0f}",
                f"{peaks['child_mb']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
