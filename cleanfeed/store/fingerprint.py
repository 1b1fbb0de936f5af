"""Near-duplicate detection, the pure part: clean body → shingles → MinHash signature → LSH band keys.

Only the clean body is compared (never the title, never the page around it), so two articles of one
site sharing a header and a footer look as different as their bodies are. The text is normalised
first (NFKC folds full-width forms, case folded, traditional Han folded to simplified, punctuation and
whitespace dropped), then cut into tokens: one per Han/kana/Hangul character, one per other word. A
shingle is `CHAR_SHINGLE` consecutive tokens for Chinese text (character shingles) and `WORD_SHINGLE`
consecutive words otherwise. The MinHash (`minhash`: one hash per shingle, one permutation, densified;
pure Python, fixed, so a signature stored today compares with one computed next year) only finds
candidates (LSH band keys), which are then compared exactly by containment (`same_story`), with guards
for short texts and figures. Stores made before schema v5 held datasketch signatures: opening one
re-fingerprints every stored article once (`stories.refingerprint`), keeping its story links.

    >>> keys = band_keys(fingerprint(article.text))     # stored in dupe_bands, looked up by key
    >>> same_story(Body.of(a.text), Body.of(b.text), threshold=0.8)
"""
from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cleanfeed.store.minhash import NUM_BINS, signature
from cleanfeed.text.language import to_simplified
from cleanfeed.textnorm import CJK_RANGES

NUM_PERM = NUM_BINS       # values per signature (body, opening): 2 × 512 bytes stored per article
BANDS, ROWS = 32, 4       # LSH: P(candidate) = 1-(1-J^4)^32: 0.87 at J=0.5, 0.99 at J=0.6, ~5e-6 at J=0.02
SCHEME = "oph-crc32-fmix32"   # minhash.py; schema v5. Before v5: datasketch affine32, seed 1
_SIG = struct.Struct(f"<{NUM_PERM}I")
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

_CJK = CJK_RANGES
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}_]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps of one body: MinHash signatures of the whole body and of its opening
    (`LEAD_TOKENS` tokens), and how many shingles the body had."""

    signature: tuple[int, ...]    # NUM_PERM 32-bit values: the whole body
    lead: tuple[int, ...]         # NUM_PERM 32-bit values: the opening only
    shingles: int

    def to_bytes(self) -> bytes:
        """Body then opening, little-endian uint32s (the `dupe_docs.sig` column)."""
        return _SIG.pack(*self.signature) + _SIG.pack(*self.lead)

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Fingerprint:
        return cls(_SIG.unpack_from(data, 0), _SIG.unpack_from(data, _SIG.size), shingles)


def normalise(text: str) -> str:
    """Case-, width- and script-folded text: `ＡＢＣ，１２３` and `abc, 123` compare equal."""
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


def tokens(text: str) -> list[str]:
    """Words and single CJK characters of the normalised text; punctuation and spaces are dropped."""
    return _TOKEN.findall(normalise(text))


def is_cjk(toks: Sequence[str]) -> bool:
    """Mostly one-character CJK tokens: shingle by characters. A CJK character is always a token of
    its own, so counting them in the joined tokens counts those tokens (0.09 → 0.06 ms a page)."""
    return len(_CJK_CHAR.findall("".join(toks))) * 2 > len(toks)


def _grams(toks: Sequence[str], k: int) -> set[str]:
    """Every run of `k` tokens, space-joined (the whole text when it is shorter); built in C by zip
    and map: 0.31 → 0.20 ms a page, the same set."""
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return set(map(" ".join, zip(*(toks[i:] for i in range(k)), strict=False)))   # stops at the shortest


class Reading(NamedTuple):
    """A body read once: its tokens, whether it is Chinese, its shingles (runs of `CHAR_SHINGLE` tokens for
    Chinese, `WORD_SHINGLE` words otherwise). The store's index needs all three, for the fingerprint and
    for the exact comparison: reading twice was 0.5 ms of an add for a 12,000-character page."""

    tokens: list[str]
    cjk: bool
    shingles: set[str]


def read(text: str) -> Reading:
    toks = tokens(text)
    cjk = is_cjk(toks)
    return Reading(toks, cjk, _grams(toks, CHAR_SHINGLE if cjk else WORD_SHINGLE))


def shingles(text: str) -> set[str]:
    """The body's shingles: runs of `CHAR_SHINGLE` tokens (Chinese) or `WORD_SHINGLE` words."""
    return read(text).shingles


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a clean body (whole body and opening)."""
    return fingerprint_of(read(text))


def fingerprint_of(reading: Reading) -> Fingerprint:
    toks, cjk, grams = reading
    lead = _grams(toks[:LEAD_TOKENS * (2 if cjk else 1)], CHAR_SHINGLE if cjk else WORD_SHINGLE)
    return Fingerprint(signature(grams), signature(lead), len(grams))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two whole bodies' shingle sets (share of equal MinHash values)."""
    if not a.shingles or not b.shingles:
        return 0.0
    return sum(x == y for x, y in zip(a.signature, b.signature, strict=True)) / NUM_PERM


@dataclass(frozen=True)
class Body:
    """A clean body as compared: its shingles, and its number tokens (figures, dates, counts)."""

    shingles: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Body:
        return cls.of_reading(read(text))

    @classmethod
    def of_reading(cls, reading: Reading) -> Body:
        return cls(frozenset(reading.shingles), frozenset(t for t in reading.tokens if _DIGIT.search(t)))


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
        raw = _SIG.pack(*sig)
        for band in range(BANDS):
            chunk = (offset + band).to_bytes(2, "little") + raw[band * ROWS * 4:(band + 1) * ROWS * 4]
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
    "Reading",
    "band_keys",
    "containment",
    "fingerprint",
    "fingerprint_of",
    "link",
    "normalise",
    "numbers_agree",
    "read",
    "required",
    "same_story",
    "shingles",
    "similarity",
    "tokens",
]
