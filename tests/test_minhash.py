"""The MinHash behind the reprint index (cleanfeed/store/minhash.py): pinned values, the fast path equal to
the one-value reference, and the property LSH relies on (equal values with probability = Jaccard)."""
from __future__ import annotations

import hashlib
import random
import statistics
import zlib

from hypothesis import given
from hypothesis import strategies as st

from cleanfeed.store import fingerprint as dupes
from cleanfeed.store import minhash

# sha256 of Fingerprint.to_bytes(): a change here changes every stored signature, so it needs a store
# migration like schema v5 (cleanfeed/store/schema.py MIGRATIONS) and a new pin. Traditional Chinese is folded to
# simplified first (data/hanzi_variants.txt), so a change of that table moves such pins too (v5 re-fingerprints).
PINNED = {
    "Copper scrap prices rose on Monday as smelters in Ningbo bought more material, traders said.":
        ("4d7cbae56ef3363f035c1bf9", 13),
    "中国有色金属工业协会再生金属分会近日发布通知，要求会员企业自四月起每月报送废铝库存数据。":
        ("cb7641c119883e4af38b27ae", 39),
    "台灣三月出口金額創下歷史新高，主要受惠於人工智慧伺服器與半導體的強勁需求。": ("8a48a4c1c1ab6a4063b3e57f", 32),
    "Copper prices rose": ("1fc03ff88e63ac1c4e111bc0", 1),
    "": ("5f4ecdb7b71c3e403983fe40", 0),
    "a lone surrogate \ud800 inside a body of text that is long enough to shingle": ("f6002ae9526486add1363788", 12),
}


def test_fingerprints_are_pinned() -> None:
    for text, (digest, shingles) in PINNED.items():
        fp = dupes.fingerprint(text)
        assert (hashlib.sha256(fp.to_bytes()).hexdigest()[:24], fp.shingles) == (digest, shingles), text


def test_stored_bytes_round_trip() -> None:
    fp = dupes.fingerprint("The association will publish the first aggregated figures in May and plans more.")
    again = dupes.Fingerprint.from_bytes(fp.to_bytes(), fp.shingles)
    assert again == fp and len(fp.to_bytes()) == 2 * 4 * dupes.NUM_PERM
    assert dupes.band_keys(again) == dupes.band_keys(fp) and len(set(dupes.band_keys(fp))) == 2 * dupes.BANDS


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=12), max_size=60))
def test_all_at_once_hashing_equals_one_at_a_time(grams: list[str]) -> None:
    expected = [minhash.hash30(zlib.crc32(g.encode("utf-8", "surrogatepass"))) for g in grams]
    assert list(minhash.hashes(grams)) == expected
    assert all(0 <= h < 2 ** minhash.HASH_BITS for h in expected)


def _reference_signature(grams: set[str]) -> tuple[int, ...]:
    """One-permutation hashing with densification, written the slow and obvious way."""
    bins: dict[int, int] = {}
    for g in grams:
        h = minhash.hash30(zlib.crc32(g.encode("utf-8", "surrogatepass")))
        b = h >> (minhash.HASH_BITS - minhash.BIN_BITS)
        bins[b] = min(bins.get(b, h), h)
    if not bins:
        return (minhash.EMPTY,) * minhash.NUM_BINS
    out = []
    for b in range(minhash.NUM_BINS):
        order = sorted(range(minhash.NUM_BINS), key=lambda k, b=b: minhash.fmix32(((b << 7) | k) ^ minhash.SALT))
        out.append(bins[b] if b in bins else next(bins[k] for k in order if k in bins))
    return tuple(out)


@given(st.sets(st.text(alphabet="abcdefgh 铜铝", min_size=1, max_size=6), max_size=400))
def test_signature_equals_the_slow_reference(grams: set[str]) -> None:
    assert minhash.signature(grams) == _reference_signature(grams)


def test_order_and_repeats_do_not_matter() -> None:
    grams = [f"word{i} word{i + 1} word{i + 2}" for i in range(300)]
    shuffled = grams[::-1] + grams[:50]
    assert minhash.signature(grams) == minhash.signature(shuffled)


def test_one_shingle_fills_every_bin_and_none_gives_the_empty_signature() -> None:
    (h,) = minhash.hashes(["copper prices rose"])
    assert minhash.signature({"copper prices rose"}) == (h,) * minhash.NUM_BINS
    assert minhash.signature(set()) == (minhash.EMPTY,) * minhash.NUM_BINS


def test_equal_values_estimate_jaccard_without_bias() -> None:
    """Over many pairs of known Jaccard similarity, short (densified) and long, the share of equal values
    is J on average (measured: bias under 0.01, spread 0.04 at 128 values, as for datasketch)."""
    rng = random.Random(4)
    for size in (40, 150, 1500):
        errors = []
        for trial in range(60):
            base = [f"{rng.random():.12f}" for _ in range(size)]
            a = set(base)
            b = set(rng.sample(base, size * 2 // 3)) | {f"new {trial} {i}" for i in range(size // 3)}
            jaccard = len(a & b) / len(a | b)
            sa, sb = minhash.signature(a), minhash.signature(b)
            errors.append(sum(x == y for x, y in zip(sa, sb, strict=True)) / minhash.NUM_BINS - jaccard)
        assert abs(statistics.mean(errors)) < 0.02, (size, statistics.mean(errors))
        assert statistics.pstdev(errors) < 0.07, (size, statistics.pstdev(errors))
