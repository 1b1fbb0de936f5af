"""The speed shortcuts of the plain-text path give the answers of the plain definitions they replace:
page-level key folding in `split_lines` (vs `line_key` per line), the shared `MatchMemo` (vs
`first_match`), `to_simplified` and `chinese_script` by character classes (vs a translate / a loop)."""
from __future__ import annotations

import re

from helpers.data import pages
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.rules.linerules import LineRule, MatchMemo, first_match, generic_rules
from cleanfeed.text.clean import fold, line_key, split_lines
from cleanfeed.text.language import _fold_table, _script_tables, chinese_script, to_simplified
from cleanfeed.text.linescore import dump_rules

# Characters that make the shortcuts work: full-width punctuation, its NFKD forms, traditional and
# simplified Han, combining marks (which compose with what precedes them), spaces of every width.
TRICKY = "，：（）？！；…－／．％｜,.:a̐e\u0301\u0308\u00a8\u3000\u00a0\t 來源简體説說这這ａＡ１①℃ﬁ\ufe31\uff5e\u2028x"
lines_text = st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=30), min_size=1, max_size=8)


def reference_lines(text: str) -> list[tuple[str, str, str]]:
    """split_lines as it was before the page-level shortcut: line_key per folded line."""
    return [(fold(raw), raw.strip(), line_key(fold(raw))) for raw in text.split("\n") if fold(raw)]


def got_lines(text: str) -> list[tuple[str, str, str]]:
    return [(ln.text, ln.raw, ln.key) for ln in split_lines(text)]


@settings(max_examples=300, deadline=None)
@given(lines_text)
def test_split_lines_keys_equal_line_key(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert got_lines(text) == reference_lines(text)


def test_split_lines_keys_equal_line_key_on_real_dumps() -> None:
    """The first 20 text dumps of each set under tests/data/text (English and Chinese pages)."""
    for name in ("text/aeb-en-text", "text/cwced-zh-text"):
        for page in pages(name, 20):
            text = page.decode("utf-8")
            assert got_lines(text) == reference_lines(text)


def test_match_memo_answers_like_first_match_for_lists_and_their_tails() -> None:
    g = generic_rules()
    drop = (LineRule("site:x:drop_lines", re.compile("^Advert", re.I)),)
    wide = (*dump_rules(), *drop, *g.lines)
    tail = (*drop, *g.lines)
    other = (*g.sections, *g.lines)
    keys = ["Copyright © 2024 Metals Weekly Ltd. All rights reserved.", "We use cookies to improve it.",
            "Advertisement", "Advert: buy copper", "责任编辑:王芳", "Related Posts", "Plain prose, nothing else.",
            "推荐内容", "(Photo: Reuters/John Smith)", ""]
    memo = MatchMemo()
    for order in (keys, keys[::-1]):
        for rules in (wide, tail, other, tail, wide):       # the tail asked after, and before, the wide list
            for key in order:
                assert memo(rules, key) is first_match(rules, key), (key, rules is wide)
    fresh = MatchMemo()                                      # a tail asked first learns nothing wrong
    for key in keys:
        assert fresh(tail, key) is first_match(tail, key)
        assert fresh(wide, key) is first_match(wide, key)


HAN_ALPHABET = "來源简體説說这這個个們们的了abc ，。" + "".join(sorted(_script_tables()[1])[:40])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(HAN_ALPHABET), max_size=60))
def test_han_shortcuts_equal_their_definitions(text: str) -> None:
    assert to_simplified(text) == text.translate(_fold_table())
    simplified, traditional = _script_tables()
    s = sum(1 for ch in text if ch in simplified)
    t = sum(1 for ch in text if ch in traditional)
    assert chinese_script(text) == ("zh-TW" if t > s else "zh-CN")
