"""Story grouping (near-duplicates across sources): precision / recall of merging, and time per add.

Pairs come from data nobody here wrote (../shared/data/extraction and ../shared/data/text):
  reprints      the same ground-truth article with different surrounding text: the text-dump rendering
                vs the HTML page of one id (both cleaned by cleanfeed.clean); the text dump vs the HTML
                version lightly edited (a sentence dropped, two paragraphs swapped, another title line);
                for sets without a text rendering, the ground-truth body vs the cleaned HTML page.
  hard negatives  different articles from the same host (same template, same boilerplate leftovers), and
                different articles on the same topic (each article's nearest other one by TF-IDF cosine
                of its ground truth, within its set). Pairs whose ground-truth bodies overlap are dropped
                as duplicates inside the data (counted in the output).
A pair is merged when the store would merge it: an LSH band key in common (body or opening) and
`dupes.same_story` at the threshold (containment, short-article, size-ratio and figures guards).
Timing: `Store.put` (the whole add, story index included) of 200 distinct real articles into stores
holding 10k and 100k synthetic signatures (random, with their band rows), the stores taking turns.

    python bench/dupes.py                       # everything (cleans ~1,400 pages once: a few minutes)
    python bench/dupes.py --cache /tmp/dupes.json --sizes 10000,100000
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared")
EXTRACTION = SHARED / "data" / "extraction"
TEXT = SHARED / "data" / "text"
SETS = ("aeb-en", "wcxb-dev-en", "cwced-zh", "daniel-zh-dev", "mozilla-multi")
sys.path.insert(0, str(ROOT))

from cleanfeed.store import fingerprint as dupes

Doc = dict[str, Any]           # {"key", "set", "host", "truth", "html", "text"}: bodies as plain text


# ----------------------------------------------------------------------------- cleaning the pages

def _clean(data: bytes, url: str | None) -> str:
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    try:
        return clean(data, url=url).text
    except (CleanfeedError, RecursionError):
        return ""


def _host(name: str, key: str, entry: dict[str, Any]) -> str | None:
    if entry.get("url"):
        host = (urlsplit(entry["url"]).hostname or "").lower()
        return host.removeprefix("www.") or None
    if name == "daniel-zh-dev":                # ids are <date>_<host>_<hash>
        parts = key.split("_")
        return parts[1] if len(parts) > 2 else None
    return None


def load_docs(sets: tuple[str, ...], limit: int | None) -> list[Doc]:
    """Every page of `sets`, cleaned from its HTML and (when the set has one) its text-dump rendering."""
    logging.getLogger("cleanfeed").setLevel(logging.ERROR)
    docs = []
    for name in sets:
        truth = json.loads((EXTRACTION / name / "ground-truth.json").read_text(encoding="utf-8"))
        text_dir = TEXT / f"{name}-text" / "html"
        for key in sorted(truth)[:limit]:
            entry = truth[key]
            html_path = EXTRACTION / name / "html" / f"{key}.html.gz"
            text_path = text_dir / f"{key}.html.gz"
            docs.append({
                "key": f"{name}/{key}", "set": name, "host": _host(name, key, entry),
                "truth": entry.get("articleBody") or "",
                "html": _clean(gzip.decompress(html_path.read_bytes()), entry.get("url")) if html_path.exists() else "",
                "text": _clean(gzip.decompress(text_path.read_bytes()), None) if text_path.exists() else "",
                "first_line": gzip.decompress(text_path.read_bytes()).decode("utf-8", "replace").split("\n", 1)[0]
                if text_path.exists() else "",
            })
        print(f"  cleaned {name}", file=sys.stderr)
    return docs


def cached_docs(cache: Path | None, sets: tuple[str, ...], limit: int | None) -> list[Doc]:
    if cache and cache.exists():
        docs: list[Doc] = json.loads(cache.read_text(encoding="utf-8"))
        return [d for d in docs if d["set"] in sets]
    docs = load_docs(sets, limit)
    if cache:
        cache.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    return docs


# ----------------------------------------------------------------------------- light edits

_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")


def drop_sentence(text: str, rng: random.Random) -> str:
    """One sentence (not the first) removed: a reprint that trimmed a line."""
    parts = [p for p in _SENTENCE.split(text) if p.strip()]
    if len(parts) < 3:
        return text
    del parts[rng.randrange(1, len(parts))]
    joiner = "" if dupes.is_cjk(dupes.tokens(text[:400])) else " "
    return joiner.join(parts)


def swap_paragraphs(text: str, rng: random.Random) -> str:
    """Two neighbouring paragraphs swapped: a reprint that reordered the body."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) < 3:
        return text
    i = rng.randrange(1, len(paras) - 1)
    paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return "\n\n".join(paras)


def retitled(text: str, title: str) -> str:
    """Another headline on top (the text dump's first line, the page's own <title>)."""
    return f"{title}\n\n{text}"


# ----------------------------------------------------------------------------- pairs

def reprint_pairs(docs: list[Doc], rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """(kind, body a, body b) for the same article with different surroundings."""
    for d in docs:
        if d["text"] and d["html"]:
            yield "text-dump vs html", d["text"], d["html"]
            yield "text-dump vs html, sentence dropped", d["text"], drop_sentence(d["html"], rng)
            yield "text-dump vs html, paragraphs swapped", d["text"], swap_paragraphs(d["html"], rng)
            yield "text-dump vs html, other title", d["text"], retitled(d["html"], d["first_line"])
        elif d["html"] and d["truth"]:
            yield "ground truth vs html", d["truth"], d["html"]
            yield "ground truth vs html, edited", drop_sentence(d["truth"], rng), swap_paragraphs(d["html"], rng)


def _truth_overlap(a: str, b: str) -> float:
    sa, sb = dupes.shingles(a), dupes.shingles(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


def _tfidf_neighbours(docs: list[Doc]) -> Iterator[tuple[Doc, Doc]]:
    """Each article's most similar other article of its set (cosine of TF-IDF over tokens)."""
    import numpy as np
    from scipy import sparse

    by_set: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        if d["truth"]:
            by_set[d["set"]].append(d)
    for group in by_set.values():
        bags = [Counter(dupes.tokens(d["truth"])) for d in group]
        vocab = {t: i for i, t in enumerate(sorted({t for bag in bags for t in bag}))}
        df = Counter(t for bag in bags for t in bag)
        rows, cols, vals = [], [], []
        for r, bag in enumerate(bags):
            for t, c in bag.items():
                rows.append(r)
                cols.append(vocab[t])
                vals.append((1 + math.log(c)) * math.log(len(group) / df[t]))
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(group), len(vocab)))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        m = sparse.diags(1 / np.where(norms > 0, norms, 1.0)) @ m
        cos = (m @ m.T).toarray()
        np.fill_diagonal(cos, -1.0)
        for i, j in enumerate(cos.argmax(axis=1)):
            yield group[i], group[int(j)]


def negative_pairs(docs: list[Doc]) -> tuple[list[tuple[str, str, str]], int]:
    """(pairs, dropped): different articles of one host, and nearest-topic articles; both cleaned."""
    seen: set[tuple[str, str]] = set()
    out, dropped = [], 0
    by_host: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        if d["host"]:
            by_host[d["host"]].append(d)
    candidates = [("same host", a, b) for group in by_host.values() for i, a in enumerate(group) for b in group[i + 1:]]
    candidates += [("same topic", a, b) for a, b in _tfidf_neighbours(docs)]
    for kind, a, b in candidates:
        pair = (min(a["key"], b["key"]), max(a["key"], b["key"]))
        if pair in seen:
            continue
        seen.add(pair)
        if _truth_overlap(a["truth"], b["truth"]) > 0.3:
            dropped += 1                        # the data holds the same article twice: not a negative
            continue
        for field in ("html", "text"):
            if a[field] and b[field]:
                out.append((f"{kind} ({field})", a[field], b[field]))
    return out, dropped


# ----------------------------------------------------------------------------- scoring

Body = tuple[dupes.Fingerprint, dupes.Body, frozenset[int]]      # fingerprint, compared body, band keys


def body(text: str) -> Body:
    fp = dupes.fingerprint(text)
    return fp, dupes.Body.of(text), frozenset(dupes.band_keys(fp))


def merged(a: Body, b: Body, threshold: float) -> bool:
    """What the store does: found through a shared band key, then judged by `same_story`."""
    return bool(a[2] & b[2]) and dupes.same_story(a[1], b[1], threshold)


def score(pos: list[tuple[str, Body, Body]], neg: list[tuple[str, Body, Body]], threshold: float
          ) -> tuple[float, float, Counter[str], Counter[str]]:
    missed = Counter(kind for kind, a, b in pos if not merged(a, b, threshold))
    false = Counter(kind for kind, a, b in neg if merged(a, b, threshold))
    tp = len(pos) - sum(missed.values())
    fp = sum(false.values())
    return (tp / (tp + fp) if tp + fp else 1.0), tp / len(pos), missed, false


def accuracy(args: argparse.Namespace) -> list[Doc]:
    rng = random.Random(9)
    docs = cached_docs(args.cache, tuple(args.sets.split(",")), args.limit)
    pos_text = [p for p in reprint_pairs(docs, rng) if p[1].strip() and p[2].strip()]
    neg_text, dropped = negative_pairs(docs)
    bodies: dict[str, Body] = {}

    def fp(text: str) -> Body:
        if text not in bodies:
            bodies[text] = body(text)
        return bodies[text]

    pos = [(k, fp(a), fp(b)) for k, a, b in pos_text]
    neg = [(k, fp(a), fp(b)) for k, a, b in neg_text]
    print(f"{len(docs)} pages, {len(pos)} reprint pairs, {len(neg)} hard-negative pairs "
          f"({dropped} candidate negatives dropped: same article twice in the data)\n")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'false merges':>12} {'missed':>7}")
    for t in [x / 100 for x in range(50, 100, 5)]:
        p, r, missed, false = score(pos, neg, t)
        mark = "  <- default" if math.isclose(t, args.threshold) else ""
        print(f"{t:9.2f} {p:9.4f} {r:7.4f} {sum(false.values()):12d} {sum(missed.values()):7d}{mark}")
    p, r, missed, false = score(pos, neg, args.threshold)
    print(f"\nat the default {args.threshold}: precision {p:.4f}, recall {r:.4f}")
    for kind in sorted({k for k, *_ in pos}):
        n = sum(1 for k, *_ in pos if k == kind)
        print(f"  recall  {kind:<42} {1 - missed[kind] / n:.3f}  ({n} pairs)")
    for kind in sorted({k for k, *_ in neg}):
        n = sum(1 for k, *_ in neg if k == kind)
        print(f"  merged  {kind:<42} {false[kind]:5d} of {n}")
    return docs


# ----------------------------------------------------------------------------- timing

def _filled(path: Path, size: int, seed: int) -> Any:
    """A store holding `size` random signatures with their band rows (what `add` would have left)."""
    import numpy as np

    from cleanfeed.store.db import Store

    store = Store.open(path)
    sigs = np.random.default_rng(seed).integers(0, 2**32, size=(size, 2 * dupes.NUM_PERM), dtype=np.uint32)
    fps = [dupes.Fingerprint(sig[:dupes.NUM_PERM], sig[dupes.NUM_PERM:], 200) for sig in sigs]
    with store.transaction():
        store.conn.executemany("INSERT INTO dupe_docs (seq, id, shingles, sig) VALUES (?, ?, ?, ?)",
                               ((i + 1, f"s{i}", 200, fp.to_bytes()) for i, fp in enumerate(fps)))
        store.conn.executemany("INSERT OR IGNORE INTO dupe_bands (key, seq) VALUES (?, ?)",
                               ((k, i + 1) for i, fp in enumerate(fps) for k in dupes.band_keys(fp)))
    return store


def timing(sizes: list[int], texts: list[str]) -> None:
    """Adds of distinct real articles (`texts`) into stores pre-filled with random signatures. The stores
    take turns, article by article, so the load of this shared machine falls on every size alike."""
    from cleanfeed.model import Article, Page
    from cleanfeed.store.stories import _candidates

    put_ms: dict[int, list[float]] = {n: [] for n in sizes}
    lookup_ms: dict[int, list[float]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        stores = {n: _filled(Path(tmp) / f"{n}.sqlite", n, 9) for n in sizes}
        for n, text in enumerate(texts):
            article = Article(title=f"t{n}", text=text, html="", language="en", url=f"https://x.example/{n}")
            page = Page(body=text, url=article.url, fetched_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(n))
            keys = dupes.band_keys(dupes.fingerprint(text))
            for size, store in stores.items():
                start = time.perf_counter()
                store.put(page, article)                 # the whole add: article row, aliases, story index
                put_ms[size].append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                _candidates(store.conn, keys, -1)        # the band-key look-up alone
                lookup_ms[size].append((time.perf_counter() - start) * 1000)
        for store in stores.values():
            store.close()
    print(f"\n{'stored':>9} {'add ms (median)':>16} {'p90':>7} {'band look-up ms':>16} {'p90':>7}"
          f"   ({len(texts)} adds)")
    for size in sizes:
        print(f"{size:9,d} {statistics.median(put_ms[size]):16.2f} {_p90(put_ms[size]):7.2f} "
              f"{statistics.median(lookup_ms[size]):16.3f} {_p90(lookup_ms[size]):7.3f}")


def _p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def main() -> None:
    from cleanfeed.store.stories import DEFAULT_THRESHOLD

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, help="pages per set")
    ap.add_argument("--cache", type=Path, help="keep the cleaned bodies in this JSON file between runs")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--sizes", default="10000,100000", help="store sizes for the timing ('' to skip)")
    ap.add_argument("--repeat", type=int, default=200, help="adds timed per store size")
    args = ap.parse_args()
    docs = accuracy(args)
    if args.sizes:
        texts = [d["html"] for d in docs if d["html"]]
        timing([int(s) for s in args.sizes.split(",")], random.Random(9).sample(texts, min(args.repeat, len(texts))))


if __name__ == "__main__":
    main()
