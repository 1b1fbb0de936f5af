"""Near-duplicate detection, the pure part: clean body → shingles → MinHash signature → LSH band keys.

Only the clean body is compared (never the title, never the page around it), so two articles of one
site sharing a header and a footer look as different as their bodies are. The text is normalised
first (NFKC folds full-width forms, case folded, traditional Han folded to simplified, punctuation and
whitespace dropped), then cut into tokens: one per Han/kana/Hangul character, one per other word. A
shingle is `CHAR_SHINGLE` consecutive tokens for Chinese text (character shingles) and `WORD_SHINGLE`
consecutive words otherwise. The MinHash is datasketch's (affine32 scheme, fixed seed: a signature
stored today compares with one computed next year); it only finds candidates (LSH band keys), which
are then compared exactly by containment (`same_story`), with guards for short texts and figures.

    >>> keys = band_keys(fingerprint(article.text))     # stored in dupe_bands, looked up by key
    >>> same_story(Body.of(a.text), Body.of(b.text), threshold=0.8)
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from cleanfeed.text.language import to_simplified

NUM_PERM = 128            # per signature (body, opening): 2 × 512 bytes stored per article
BANDS, ROWS = 32, 4       # LSH: P(candidate) = 1-(1-J^4)^32: 0.87 at J=0.5, 0.99 at J=0.6, ~5e-6 at J=0.02
SEED = 1
SCHEME = "affine32"
CHAR_SHINGLE = 4          # Chinese: 4 characters, about two words (bench/dupes.py recall: 3 → 0.962, 4 → 0.965,
WORD_SHINGLE = 3          # 5 → 0.961); others: 3 words (2 → 0.967 but more chance overlap between unrelated texts)
# Short articles: a few sentences share whole shingle runs by chance (stock phrases, one dateline), and
# one edit moves their similarity by a lot. Below SHORT_SHINGLES they need SHORT_THRESHOLD at least;
# below MIN_SHINGLES they are never merged (an exact duplicate is still caught by the store's aliases).
MIN_SHINGLES = 12
SHORT_SHINGLES = 60
SHORT_THRESHOLD = 0.9
MIN_RATIO = 0.2           # a body under a fifth of the other's size is a quote or a digest entry, not a reprint
NUMBER_MATCH = 0.5        # share of the figures the smaller body must share (bench: recall 0.966 → 0.965)
LEAD_TOKENS = 100         # the opening (words; twice as many CJK characters) has its own LSH bands, so a
                          # copy with a long tail of leftovers (comments, captions) is still found

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}_]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps of one body: MinHash signatures of the whole body and of its opening
    (`LEAD_TOKENS` tokens), and how many shingles the body had."""

    signature: np.ndarray     # NUM_PERM uint32 values: the whole body
    lead: np.ndarray          # NUM_PERM uint32 values: the opening only
    shingles: int

    def to_bytes(self) -> bytes:
        return np.concatenate([self.signature, self.lead]).astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Fingerprint:
        both = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        return cls(both[:NUM_PERM], both[NUM_PERM:], shingles)


def normalise(text: str) -> str:
    """Case-, width- and script-folded text: `ＡＢＣ，１２３` and `abc, 123` compare equal."""
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


def tokens(text: str) -> list[str]:
    """Words and single CJK characters of the normalised text; punctuation and spaces are dropped."""
    return _TOKEN.findall(normalise(text))


def is_cjk(toks: Sequence[str]) -> bool:
    """Mostly one-character CJK tokens: shingle by characters."""
    cjk = sum(1 for t in toks if len(t) == 1 and _CJK_CHAR.match(t))
    return cjk * 2 > len(toks)


def _grams(toks: Sequence[str], k: int) -> set[str]:
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def _read(text: str) -> tuple[list[str], bool, set[str]]:
    """(tokens, Chinese?, shingles): runs of `CHAR_SHINGLE` tokens (Chinese) or `WORD_SHINGLE` words."""
    toks = tokens(text)
    cjk = is_cjk(toks)
    return toks, cjk, _grams(toks, CHAR_SHINGLE if cjk else WORD_SHINGLE)


def shingles(text: str) -> set[str]:
    """The body's shingles: runs of `CHAR_SHINGLE` tokens (Chinese) or `WORD_SHINGLE` words."""
    return _read(text)[2]


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """Permutations are drawn once: building them for each MinHash costs more than hashing a page."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def _minhash(grams: set[str]) -> np.ndarray:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_template().permutations)
    mh.update_batch([g.encode("utf-8", "surrogatepass") for g in sorted(grams)])
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a clean body (whole body and opening)."""
    toks, cjk, grams = _read(text)
    lead = _grams(toks[:LEAD_TOKENS * (2 if cjk else 1)], CHAR_SHINGLE if cjk else WORD_SHINGLE)
    return Fingerprint(_minhash(grams), _minhash(lead), len(grams))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two whole bodies' shingle sets (share of equal MinHash values)."""
    if not a.shingles or not b.shingles:
        return 0.0
    return float(np.count_nonzero(a.signature == b.signature)) / NUM_PERM


@dataclass(frozen=True)
class Body:
    """A clean body as compared: its shingles, and its number tokens (figures, dates, counts)."""

    shingles: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Body:
        toks, _, grams = _read(text)
        return cls(frozenset(grams), frozenset(t for t in toks if _DIGIT.search(t)))


def containment(a: Body, b: Body) -> float:
    """Share of the smaller body's shingles found in the other: a reprint that cut the last paragraphs,
    or a copy that kept a comment thread, is still contained (bench/dupes.py: recall 0.92 → 0.97 over
    Jaccard at the same precision)."""
    if not a.shingles or not b.shingles:
        return 0.0
    return len(a.shingles & b.shingles) / min(len(a.shingles), len(b.shingles))


def numbers_agree(a: Body, b: Body) -> bool:
    """A reprint keeps the figures; a site's daily price report keeps the wording and changes them."""
    if not a.numbers or not b.numbers:
        return True
    return len(a.numbers & b.numbers) >= NUMBER_MATCH * min(len(a.numbers), len(b.numbers))


def required(threshold: float, a: int, b: int) -> float | None:
    """The containment two bodies of `a` and `b` shingles need to be one story: `threshold`, raised for
    short ones; None = never (too short, or one is a small part of a much longer page)."""
    small, large = min(a, b), max(a, b)
    if small < MIN_SHINGLES or small < MIN_RATIO * large:
        return None
    return max(threshold, SHORT_THRESHOLD) if small < SHORT_SHINGLES else threshold


def link(a: Body, b: Body) -> tuple[float, float] | None:
    """(similarity, least threshold the pair needs) when the two could be one story at some threshold."""
    floor = required(0.0, len(a.shingles), len(b.shingles))
    if floor is None or not numbers_agree(a, b):
        return None
    return containment(a, b), floor


def same_story(a: Body, b: Body, threshold: float) -> bool:
    found = link(a, b)
    return found is not None and found[0] >= max(threshold, found[1])


def band_keys(fp: Fingerprint) -> list[int]:
    """Signed 64-bit keys, one per LSH band of the body and of its opening (band number mixed in),
    for an indexed SQLite column."""
    out = []
    for offset, sig in ((0, fp.signature), (BANDS, fp.lead)):
        raw = sig.astype("<u4")
        for band in range(BANDS):
            chunk = (offset + band).to_bytes(2, "little") + raw[band * ROWS:(band + 1) * ROWS].tobytes()
            out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return out


__all__ = [
    "BANDS",
    "MIN_SHINGLES",
    "NUM_PERM",
    "ROWS",
    "SHORT_SHINGLES",
    "SHORT_THRESHOLD",
    "Body",
    "Fingerprint",
    "band_keys",
    "containment",
    "fingerprint",
    "link",
    "normalise",
    "numbers_agree",
    "required",
    "same_story",
    "shingles",
    "similarity",
    "tokens",
]
