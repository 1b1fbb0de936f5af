"""What `cleanfeed add` costs on top of cleaning, against the previous commit, as the store grows.

300 real English pages (wcxb-dev-en, ~240 KB of HTML each, with sidecars giving URL and fetch time) are
cleaned (`cleanfeed clean DIR > /dev/null`) and added (`cleanfeed -q add DIR`: clean, gate, store, story
index, feed bookkeeping, publish) into a copy of a store already holding N articles. The difference
add − clean is the store's cost, fixed costs included; the goal is ≤ 1.5 s for 300 pages (5 ms a page),
flat in N. Each timing 3 times (range and median); the current code and the reference checkout
(`--ref`, e.g. a `git archive` of the previous commit) run in the same session, alternately.

Stores of N articles are generated with the reference's schema (straight SQL: article rows of realistic
size, aliases, and story-index rows with random band keys, so index lookups cost what they would), then
copied; the current code migrates its copy once before timing (that time is reported too).

    python bench/store.py --ref /tmp/cf-prev                   # N = 1,000 and 100,000
    python bench/store.py --ref /tmp/cf-prev --sizes 1000000 --repeat 1
    python bench/store.py --stages                             # where the store's time goes, per page

`--stages` cleans the 300 pages once, then stores them 3 times into a fresh store in this process with a
CPU-time timer around each stage of `Store.put` (the gate, identity keys, the content hash, the row write,
the story index and, inside it, the tokens and shingles and the MinHash signatures), and times the
raw-page compression apart (it runs on a helper thread during `add`, beside the cleaner). Run another
checkout's copy of this file (`python /tmp/cf-prev/bench/store.py --stages`) for its figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (Path(os.environ.get("CLEANFEED_SHARED", ROOT.parent / "shared")), ROOT.parents[1] / "shared")
               if p.is_dir()), ROOT.parent / "shared")          # CLEANFEED_SHARED: for a checkout in /tmp
DATA = SHARED / "data" / "extraction" / "wcxb-dev-en"
FEED = ('title = "Bench"\nself_url = "https://bench.example/"\nlanguage = "en"\ntimezone = "UTC"\n'
        '[author]\nname = "bench"\nemail = "bench@example.org"\n')
EPOCH_2015 = 1_420_070_400_000_000           # µs


def pages(folder: Path, count: int) -> Path:
    gt = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    for key in sorted(gt)[:count]:
        (folder / f"{key}.html").write_bytes(gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()))
        meta = {"fetched_at": "2025-10-01T10:00:00Z", **({"url": gt[key]["url"]} if gt[key].get("url") else {})}
        (folder / f"{key}.html.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def generate(path: Path, n: int) -> None:
    """A schema-v2 store of `n` synthetic articles, written by SQLite itself (a recursive CTE: a million
    rows in minutes, not an hour of Python): per article ~1 KB of text and its HTML as JSON, a 1.5 KB raw
    page, three aliases, a 1 KB signature and 64 random band keys (what the story index keeps), so index
    lookups cost what they would. Real pages are bigger (README: ~88 KB an article)."""
    sys.path.insert(0, os.environ.get("BENCH_REF") or str(ROOT))
    from cleanfeed.store.db import Store  # the reference's schema: the current code migrates its copy

    text = ("Scrap copper prices rose in Ningbo as smelters bought more material, traders said; stocks of "
            "refined metal fell and recyclers expect the buying to last until the quotas are published. ") * 5
    article = json.dumps({"title": "Story %d", "text": "%d: " + text, "html": "<p>%d: " + text + "</p>",
                          "language": "en", "url": "https://gen.example/%d.html", "author": None,
                          "published": None, "updated": None, "summary": text[:200],
                          "fetched_at": "2025-01-01T00:00:00+00:00", "site": None, "image": None})
    page = json.dumps({"url": "https://gen.example/%d.html", "fetched_at": "2025-01-01T00:00:00+00:00",
                       "text": False})
    with Store.open(path) as store:
        conn = store.conn
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000000"):   # a throwaway file
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            "INSERT INTO articles (id, url, first_seen, changed_at, sort_time, language, content_hash, raw, page, "
            "article) SELECT printf('g%015x', i), printf('https://gen.example/%d.html', i), ? + i * 60000000, "
            "? + i * 60000000, ? + i * 60000000, 'en', printf('%032x', i), randomblob(1500), printf(?, i), "
            "printf(?, i, i, i, i) FROM n", (n, EPOCH_2015, EPOCH_2015, EPOCH_2015, page, article))
        conn.execute("INSERT INTO aliases (key, id) SELECT 'url:' || substr(url, 9), id FROM articles")
        conn.execute("INSERT INTO aliases (key, id) SELECT 'raw:' || hex(randomblob(16)), id FROM articles")
        conn.execute("INSERT INTO dupe_docs (seq, id, shingles, sig) SELECT rowid, id, 400, randomblob(1024) "
                     "FROM articles")
        conn.execute("WITH RECURSIVE b(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM b WHERE k < 63) "
                     "INSERT OR IGNORE INTO dupe_bands (key, seq) SELECT random(), seq FROM dupe_docs, b")
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")


def run(code: Path, args: list[str], out: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `cleanfeed` run. The CPU time (user + system, every thread) is what
    to compare on a shared machine: other engineers' jobs stretch the wall time 1–3×, not the CPU time."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cleanfeed", *args], env=env, stdout=out, stderr=subprocess.DEVNULL,
                   check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def project(root: Path, store: Path | None, *, move: bool = False) -> Path:
    """A project around a copy of `store` (or the store itself, moved: a 1M-article store is GBs)."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "bench.toml").write_text(FEED, encoding="utf-8")
    if store is not None:
        (root / ".cleanfeed").mkdir()
        (shutil.move if move else shutil.copy)(store, root / ".cleanfeed" / "store.sqlite")
    return root


def one_size(n: int, codes: dict[str, Path], folder: Path, tmp: Path, repeat: int) -> None:
    base = tmp / f"store-{n}.sqlite"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--generate", str(base), str(n)], check=True,
                   env={**os.environ, "BENCH_REF": str(codes["ref"])})
    print(f"N = {n:,}: generated in {time.perf_counter() - t0:.0f} s, {base.stat().st_size / 2**20:.0f} MB", flush=True)
    migrated = tmp / f"store-{n}-current.sqlite"
    shutil.copy(base, migrated)
    t0 = time.perf_counter()
    opener = f"from cleanfeed.store.db import Store; Store.open({str(migrated)!r}).close()"
    subprocess.run([sys.executable, "-c", opener],
                   env={**os.environ, "PYTHONPATH": str(codes["current"])}, check=True)
    print(f"  migration of the copy to the current schema: {time.perf_counter() - t0:.1f} s", flush=True)
    stores = {"ref": base, "current": migrated}
    move = n >= 500_000                      # one run each, on the store itself: no copies of GBs
    times: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(1 if move else repeat):
        for name, code in codes.items():
            root = project(tmp / f"p-{name}", stores[name], move=move)
            for what, args in (("clean", ["clean", str(folder)]),
                               ("add", ["-q", "--project", str(root), "add", str(folder)])):
                wall, cpu = run(code, args)
                times.setdefault((name, what, "wall"), []).append(wall)
                times.setdefault((name, what, "cpu"), []).append(cpu)
            if move:
                store = root / ".cleanfeed" / "store.sqlite"
                print(f"  {name}: store after the add {store.stat().st_size / 2**30:.2f} GiB", flush=True)
                wall, cpu = run(code, ["-q", "--project", str(root), "build"])
                print(f"  {name}: build {wall:.2f} s ({cpu:.2f} s CPU)", flush=True)
                shutil.rmtree(root)
    count = len(list(folder.glob("*.html")))
    for clock in ("wall", "cpu"):
        for name in codes:
            clean, add = times[(name, "clean", clock)], times[(name, "add", clock)]
            extra = [a - c for a, c in zip(add, clean, strict=True)]
            print(f"  {clock:4s} {name:8s} clean {min(clean):6.2f}–{max(clean):6.2f} s   "
                  f"add {min(add):6.2f}–{max(add):6.2f} s   add − clean {statistics.median(extra):5.2f} s "
                  f"(range {min(extra):.2f}–{max(extra):.2f}) = "
                  f"{1e3 * statistics.median(extra) / count:.1f} ms a page", flush=True)
        ratio = statistics.median(times[("current", "add", clock)]) / statistics.median(times[("ref", "add", clock)])
        print(f"  {clock:4s} add, current / previous commit: {ratio:.2f}", flush=True)


def stages(folder: Path, tmp: Path, repeat: int = 3) -> None:
    """Per-page time of each stage of the store's write path, on pages cleaned beforehand."""
    import collections
    import functools

    sys.path.insert(0, str(ROOT))
    import cleanfeed.store.db as db
    import cleanfeed.store.fingerprint as fp
    import cleanfeed.store.stories as st
    from cleanfeed.inputs.files import iter_pages
    from cleanfeed.model import Article, Page
    from cleanfeed.rules.project import load_project
    from cleanfeed.store.ingest import clean_one
    from cleanfeed.store.records import compress_raw

    spent: collections.defaultdict[str, float] = collections.defaultdict(float)

    def timer(owner: object, name: str, label: str) -> None:
        real = getattr(owner, name, None)
        if real is None:                     # a stage the measured checkout does not have
            return

        @functools.wraps(real)
        def timed_call(*a: object, **k: object) -> object:
            t0 = time.process_time()        # CPU time: other jobs on the machine do not count
            try:
                return real(*a, **k)
            finally:
                spent[label] += time.process_time() - t0
        setattr(owner, name, timed_call)

    root = project(tmp / "stages", None)
    proj = load_project(root)
    pages = [p for p in iter_pages([str(folder)], timezone="UTC") if isinstance(p, Page)]
    cleaned = [(p, a) for p in pages if isinstance(a := clean_one(p, proj), Article)]
    for owner, name, label in ((db, "admit", "gate"), (db, "identity_keys", "identity keys"),
                               (db, "content_hash", "content hash"), (db.Store, "_write", "row write"),
                               (st, "index_article", "story index (all)"), (fp, "read", "  tokens, shingles"),
                               (fp, "_read", "  tokens, shingles"), (fp, "signature", "  MinHash signatures"),
                               (db.Store, "put", "put (all)")):
        timer(owner, name, label)
    fp.fingerprint("warm up the MinHash code once")        # imports, permutations: a fixed cost, apart
    t0 = time.perf_counter()
    for p, _ in cleaned:
        compress_raw(p)
    zlib_ms = 1e3 * (time.perf_counter() - t0) / len(cleaned)
    for _ in range(repeat):
        shutil.rmtree(root / ".cleanfeed", ignore_errors=True)
        with db.Store.open(root / ".cleanfeed" / "store.sqlite") as store, store.transaction():
            for p, a in cleaned:
                store.put(p, a, compressed=b"", sanitized=True)
    n = len(cleaned) * repeat
    print(f"{len(cleaned)} pages × {repeat}: ms a page (raw compression, on the helper thread: {zlib_ms:.2f})")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:20s} {1e3 * seconds / n:6.2f}")
    share = (spent["  tokens, shingles"] + spent["  MinHash signatures"]) / spent["put (all)"]
    print(f"  the fingerprint (tokens, shingles, signatures) is {share:.0%} of the store's time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", type=Path, required=False, help="checkout of the previous commit")
    parser.add_argument("--current", type=Path, default=ROOT, help="the code to measure (default: this checkout)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="time each stage of a write, in this process")
    parser.add_argument("--generate", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return 0
    if args.stages:
        with tempfile.TemporaryDirectory(prefix="cleanfeed-bench-stages-") as tmp:
            stages(pages(Path(tmp) / "pages", args.pages), Path(tmp))
        return 0
    if args.ref is None:
        parser.error("--ref is required")
    codes = {"ref": args.ref.resolve(), "current": args.current.resolve()}
    with tempfile.TemporaryDirectory(prefix="cleanfeed-bench-store-") as tmp:
        folder = pages(Path(tmp) / "pages", args.pages)
        for n in args.sizes:
            one_size(n, codes, folder, Path(tmp), args.repeat)
            for leftover in Path(tmp).glob("store-*.sqlite*"):
                leftover.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
