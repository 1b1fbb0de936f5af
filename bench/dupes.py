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
Both MinHash schemes are judged on the same pairs in the same run: cleanfeed's own (store/minhash.py,
schema v3) and datasketch's affine32 one that stores before v3 held (the reference; needs the `bench`
extra, skipped without it), with the median time to fingerprint a page under each.
Timing: `Store.put` (the whole add, story index included) of 200 distinct real articles into stores
holding 10k and 100k synthetic signatures (random, with their band rows), the stores taking turns.

    python bench/dupes.py                       # everything (cleans ~1,400 pages once: a few minutes)
    python bench/dupes.py --cache /tmp/dupes.json --sizes 10000,100000
    python bench/dupes.py --cache /tmp/dupes.json --sizes '' --schemes cleanfeed   # accuracy, own scheme only
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
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
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from _score import SHARED  # this checkout first on sys.path; $CLEANFEED_SHARED or ../shared

EXTRACTION = SHARED / "data" / "extraction"
TEXT = SHARED / "data" / "text"
SETS = ("aeb-en", "wcxb-dev-en", "cwced-zh", "daniel-zh-dev", "mozilla-multi")

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
    """Each article's most similar other article of its set (cosine of TF-IDF over tokens), through an
    inverted index in plain Python (the same pairs scipy's sparse product gave; ties go to the first)."""
    by_set: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        if d["truth"]:
            by_set[d["set"]].append(d)
    for group in by_set.values():
        bags = [Counter(dupes.tokens(d["truth"])) for d in group]
        df = Counter(t for bag in bags for t in bag)
        vectors = []
        for bag in bags:
            vec = {t: (1 + math.log(c)) * math.log(len(group) / df[t]) for t, c in bag.items()}
            norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
            vectors.append({t: w / norm for t, w in vec.items() if w})
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for r, vec in enumerate(vectors):
            for t, w in vec.items():
                postings[t].append((r, w))
        for i, vec in enumerate(vectors):
            cos = [0.0] * len(group)
            for t, w in vec.items():
                for r, other in postings[t]:
                    cos[r] += w * other
            cos[i] = -1.0
            yield group[i], group[max(range(len(group)), key=cos.__getitem__)]


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
Scheme = Callable[[str], dupes.Fingerprint]


def _with(signature: Callable[[set[str]], tuple[int, ...]]) -> Scheme:
    """`dupes.fingerprint` with another MinHash: the same shingles, opening and band keys."""
    def fingerprint(text: str) -> dupes.Fingerprint:
        toks, cjk, grams = dupes.read(text)
        k = dupes.CHAR_SHINGLE if cjk else dupes.WORD_SHINGLE
        lead = dupes._grams(toks[:dupes.LEAD_TOKENS * (2 if cjk else 1)], k)
        return dupes.Fingerprint(signature(grams), signature(lead), len(grams))
    return fingerprint


def seeded(scheme: str, seed: int) -> Scheme:
    """`scheme` under another random draw: cleanfeed's CRC start value (stored: 0), datasketch's permutation
    seed (stored before schema v3: 1; needs the `bench` extra). Both are random hash families, and how many
    pairs the LSH index misses moves with the draw."""
    if scheme == "cleanfeed":
        from cleanfeed.store.minhash import signature
        return _with(lambda grams: signature(grams, seed))
    from datasketch import MinHash

    template = MinHash(num_perm=dupes.NUM_PERM, seed=seed, scheme="affine32")

    def theirs(grams: set[str]) -> tuple[int, ...]:
        mh = MinHash(num_perm=dupes.NUM_PERM, seed=seed, scheme="affine32", permutations=template.permutations)
        mh.update_batch([g.encode("utf-8", "surrogatepass") for g in grams])
        return tuple(int(v) for v in mh.hashvalues)
    return _with(theirs)


def datasketch_fingerprint(text: str) -> dupes.Fingerprint:
    """The fingerprint stores held before schema v3: datasketch 2.0's affine32 MinHash, seed 1."""
    global _DATASKETCH
    if _DATASKETCH is None:
        _DATASKETCH = seeded("datasketch", 1)
    return _DATASKETCH(text)


_DATASKETCH: Scheme | None = None
SCHEMES: dict[str, Scheme] = {"cleanfeed": dupes.fingerprint, "datasketch": datasketch_fingerprint}


def lsh_misses(pos_text: list[tuple[str, str, str]], schemes: list[str], seeds: int, threshold: float) -> None:
    """Of the reprint pairs `same_story` accepts, how many share no band key (the only thing the MinHash
    scheme decides), under `seeds` draws of each scheme (cleanfeed: CRC start 0..; datasketch: seed 1..)."""
    accepted = [(a, b) for _, a, b in pos_text if dupes.same_story(dupes.Body.of(a), dupes.Body.of(b), threshold)]
    print(f"\nreprint pairs that same_story accepts at {threshold} but the LSH index never offers "
          f"(of {len(accepted)}), per seed:")
    for name in schemes:
        counts = []
        for n in range(seeds):
            scheme = seeded(name, n if name == "cleanfeed" else n + 1)   # the stored draws: 0 and 1
            keys: dict[str, frozenset[int]] = {}
            for text in {t for pair in accepted for t in pair}:
                keys[text] = frozenset(dupes.band_keys(scheme(text)))
            counts.append(sum(1 for a, b in accepted if not keys[a] & keys[b]))
        print(f"  {name:<10} {counts}  mean {statistics.mean(counts):.1f}  (the first is the stored draw)")


def body(text: str, scheme: Scheme = dupes.fingerprint) -> Body:
    fp = scheme(text)
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


def available(names: list[str]) -> list[str]:
    """The schemes asked for that can run here (datasketch only with the `bench` extra installed)."""
    out = []
    for name in names:
        if name == "datasketch" and importlib.util.find_spec("datasketch") is None:
            print("datasketch is not installed (pip install -e '.[bench]'): its scheme is skipped", file=sys.stderr)
            continue
        out.append(name)
    return out


def fingerprint_ms(texts: list[str], schemes: list[str]) -> dict[str, list[float]]:
    """ms per fingerprint (body and opening) of every text under each scheme, interleaved text by text
    so the load of this shared machine falls on both alike; best of 3."""
    out: dict[str, list[float]] = {name: [] for name in schemes}
    for text in texts:
        for name in schemes:
            best = math.inf
            for _ in range(3):
                start = time.perf_counter()
                SCHEMES[name](text)
                best = min(best, time.perf_counter() - start)
            out[name].append(best * 1000)
    return out


def accuracy(args: argparse.Namespace) -> list[Doc]:
    rng = random.Random(9)
    docs = cached_docs(args.cache, tuple(args.sets.split(",")), args.limit)
    pos_text = [p for p in reprint_pairs(docs, rng) if p[1].strip() and p[2].strip()]
    neg_text, dropped = negative_pairs(docs)
    print(f"{len(docs)} pages, {len(pos_text)} reprint pairs, {len(neg_text)} hard-negative pairs "
          f"({dropped} candidate negatives dropped: same article twice in the data)")
    schemes = available(args.schemes.split(","))
    for name in schemes:
        accuracy_of(name, pos_text, neg_text, args.threshold)
    if args.seeds:
        lsh_misses(pos_text, schemes, args.seeds, args.threshold)
    texts = [d["html"] for d in docs if d["html"]]
    sample = random.Random(9).sample(texts, min(args.repeat, len(texts)))
    times = fingerprint_ms(sample, schemes)
    print(f"\nms per fingerprint (body + opening), {len(sample)} cleaned pages:")
    for name, ms in times.items():
        print(f"  {name:<10} median {statistics.median(ms):6.3f}  mean {statistics.mean(ms):6.3f}  p90 {_p90(ms):6.3f}")
    return docs


def accuracy_of(scheme: str, pos_text: list[tuple[str, str, str]], neg_text: list[tuple[str, str, str]],
                threshold: float) -> None:
    bodies: dict[str, Body] = {}

    def fp(text: str) -> Body:
        if text not in bodies:
            bodies[text] = body(text, SCHEMES[scheme])
        return bodies[text]

    pos = [(k, fp(a), fp(b)) for k, a, b in pos_text]
    neg = [(k, fp(a), fp(b)) for k, a, b in neg_text]
    print(f"\nMinHash scheme: {scheme}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'false merges':>12} {'missed':>7}")
    for t in [x / 100 for x in range(50, 100, 5)]:
        p, r, missed, false = score(pos, neg, t)
        mark = "  <- default" if math.isclose(t, threshold) else ""
        print(f"{t:9.2f} {p:9.4f} {r:7.4f} {sum(false.values()):12d} {sum(missed.values()):7d}{mark}")
    p, r, missed, false = score(pos, neg, threshold)
    print(f"at the default {threshold} ({scheme}): precision {p:.4f}, recall {r:.4f}")
    for kind in sorted({k for k, *_ in pos}):
        n = sum(1 for k, *_ in pos if k == kind)
        print(f"  recall  {kind:<42} {1 - missed[kind] / n:.3f}  ({n} pairs)")
    for kind in sorted({k for k, *_ in neg}):
        n = sum(1 for k, *_ in neg if k == kind)
        print(f"  merged  {kind:<42} {false[kind]:5d} of {n}")


# ----------------------------------------------------------------------------- timing

def _filled(path: Path, size: int, seed: int) -> Any:
    """A store holding `size` random signatures with their band rows (what `add` would have left)."""
    from cleanfeed.store.db import Store

    store = Store.open(path)
    rng = random.Random(seed)
    fps = [dupes.Fingerprint(tuple(rng.getrandbits(30) for _ in range(dupes.NUM_PERM)),
                             tuple(rng.getrandbits(30) for _ in range(dupes.NUM_PERM)), 200) for _ in range(size)]
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
    ap.add_argument("--repeat", type=int, default=200, help="adds timed per store size, fingerprints timed per scheme")
    ap.add_argument("--schemes", default="cleanfeed,datasketch",
                    help="MinHash schemes to judge on the same pairs (datasketch: the one before schema v3)")
    ap.add_argument("--seeds", type=int, default=0, metavar="N",
                    help="also count the LSH index's misses under N random draws of each scheme")
    args = ap.parse_args()
    docs = accuracy(args)
    if args.sizes:
        texts = [d["html"] for d in docs if d["html"]]
        timing([int(s) for s in args.sizes.split(",")], random.Random(9).sample(texts, min(args.repeat, len(texts))))


if __name__ == "__main__":
    main()
