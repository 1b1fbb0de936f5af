"""text/dumphead's labelled headline field (`标　　题：…`, `│标 题： │…│`) is read in linear time: the pattern read
the spaces after the label with two `\\s*` around an optional cell wall, so a label over a long run of spaces
with nothing after it took quadratic time (40,000 spaces: 15 s, r11-review). Same matches as before."""
from __future__ import annotations

import random
import re
import time

from cleanfeed.text.dumphead import _TITLE_FIELD, labelled_headline, without_field_label

_BEFORE = re.compile(r"(?:^|[│|]\s*)[标標]\s*[题題]\s*[:：]\s*[│|]?\s*(?=\S)")


def test_a_label_over_many_spaces_is_read_in_linear_time() -> None:
    started = time.process_time()
    assert without_field_label("标题：" + " " * 200_000) == "标题：" + " " * 200_000
    assert labelled_headline(["标　　题：" + "\u3000" * 200_000], 1) is None
    assert time.process_time() - started < 2.0        # before: minutes


def test_the_field_is_found_where_it_was() -> None:
    notice = "南江市人民政府关于加强城市管理的通告"
    assert without_field_label(f"│标 题： │{notice} │") == notice
    alphabet = ["标", "標", "题", "題", ":", "：", "│", "|", " ", "\u3000", "x", "南"]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        old, new = _BEFORE.search(text), _TITLE_FIELD.search(text)
        assert (old and old.span()) == (new and new.span()), text
