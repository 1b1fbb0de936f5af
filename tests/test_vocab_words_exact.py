"""vocab.Words: a label word list searched through a bare trie first gives what its bounded regex alone gives (issue
17, speed: the first-publication note test on every short body paragraph cost 26 µs a paragraph in the regex's
look-behind). Compared on every text piece of the committed pages, lower-cased and as printed, and on odd lines."""
from __future__ import annotations

import gzip
import re
import tomllib
from importlib import resources
from pathlib import Path

from cleanfeed.dates.vocab import Words, bounded, vocab
from cleanfeed.html.parse import parse_html

TESTS = Path(__file__).parent
HTML = sorted([*TESTS.glob("data/dates/**/*.html"), *TESTS.glob("pages/**/*.html"),
               *TESTS.glob("pages/**/*.html.gz")])

ODD = ["", "updated", "Updated", "outdated", "un-updated", "updatedness", "last updated on", "xupdated", "_updated",
       "1updated", "updated2", "this story was first published in the print edition", "firstpublished",
       "first  published", "originally published on", "re-originally published", "首发于人民网", "原载于", "原载",
       "更新时间：2021", "最后更新", "İstanbul first published", "İİİ updated İ", "ünupdated", "éupdated", "é updated",
       "première publication", "xpremière publication", "zuerst erschienen am", "erstveröffentlichung",
       "erstveröffentlichungen", "first published\nupdated", "\u00a0updated\u00a0", "updated" * 3, "correction: "]


def _texts() -> list[str]:
    out = []
    for path in HTML:
        data = path.read_bytes()
        doc = parse_html((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
        out += [t for t in doc.itertext() if t.strip()]
    return out


def _same(words: Words, text: str) -> None:
    got, want = words.search(text), words.regex.search(text)
    assert (got and got.span()) == (want and want.span()), text
    assert [m.span() for m in words.finditer(text)] == [m.span() for m in words.regex.finditer(text)], text


def test_words_search_as_their_bounded_regex() -> None:
    texts = _texts()
    assert len(texts) > 10_000
    v = vocab()
    hits = 0
    for text in [*texts, *ODD]:
        for sample in (text, text.lower(), text[:100].lower()):
            for words in (v.original, v.updated):
                _same(words, sample)
                hits += words.regex.search(sample) is not None
    assert hits > 100              # the labels are there to be found, not only their absence


def test_every_label_list_of_the_vocabulary() -> None:
    """Each label list as a Words, on its own words with letters around them (boundaries hold or fail alike)."""
    labels = tomllib.loads(resources.files("cleanfeed.dates").joinpath("vocab.toml").read_text("utf-8"))["labels"]
    for listed in labels.values():
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            continue
        words = Words.of(listed)
        assert words.pattern == bounded(listed) and words.regex.pattern == re.compile(bounded(listed)).pattern
        for w in listed:
            for text in (w, w.lower(), f"a {w} b", f"x{w}", f"{w}x", f"1{w}1", f"x{w} {w}", f"{w[:-1]}"):
                _same(words, text.lower())
