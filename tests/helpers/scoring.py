"""The extraction metric of the article-extraction benchmarks, written for this project.

A text becomes tokens (`word`: runs of \\w; `cjk`: each CJK ideograph, kana or hangul syllable is one token, other
\\w runs stay whole words), the tokens become the multiset of their overlapping 4-token windows (a text of at most
4 tokens is one window), and on each page the two multisets give the windows found (tp), invented (fp) and missed
(fn). Precision is the mean of tp / (tp + fp) over the pages whose prediction has windows; recall the mean of
tp / (tp + fn) over the pages whose truth has windows; F1 is the harmonic mean of those two means. An empty
prediction costs recall only.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_SPACELESS = ("\u3040-\u30ff"                  # hiragana, katakana
              "\u3400-\u4dbf\u4e00-\u9fff"     # CJK ideographs (extension A, unified)
              "\uac00-\ud7af"                  # hangul syllables
              "\uf900-\ufaff"                  # compatibility ideographs
              "\U00020000-\U0002ebef\U00030000-\U0003134f")   # extensions B to G
TOKENIZERS = {
    "word": re.compile(r"\w+"),
    "cjk": re.compile(rf"[{_SPACELESS}]|[^\W{_SPACELESS}]+"),
}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def tokens(text: str, tokenizer: str = "word") -> list[str]:
    return TOKENIZERS[tokenizer].findall(text)


def windows(toks: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of overlapping n-token windows (one window for a text of at most n tokens)."""
    if len(toks) <= n:
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def body(item: Any) -> str:
    """The article text of a ground-truth or prediction entry (`{"articleBody": …}` or a plain string)."""
    if isinstance(item, str):
        return item
    return (item.get("articleBody") or "") if isinstance(item, Mapping) else ""


def score(truth: Mapping[str, Any], predicted: Mapping[str, Any], tokenizer: str = "word", n: int = 4) -> Score:
    """Score `predicted` ({id: entry}) against `truth` ({id: entry}); ids missing from `predicted` are empty."""
    precisions: list[float] = []
    recalls: list[float] = []
    for key in truth:
        want = windows(tokens(body(truth[key]), tokenizer), n)
        got = windows(tokens(body(predicted.get(key, "")), tokenizer), n)
        found = sum((want & got).values())
        if got:
            precisions.append(found / sum(got.values()))
        if want:
            recalls.append(found / sum(want.values()))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(truth))
