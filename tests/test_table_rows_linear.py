"""text/listblocks.table_rows reads a dump's lines in one pass: it scanned a run of same-celled lines again from each
start that failed (a run with no digit, a dated run), so 8,000 lines of `标签 标签 标签` took 90 s in clean() (the
lead's last read). The tables found are those of the old scan, kept here as the reference."""
from __future__ import annotations

import random
import time

from cleanfeed import clean
from cleanfeed.text.listblocks import (
    _BOX_RULE,
    _DIGIT,
    _FULL_DATE,
    _HAN,
    MIN_TABLE_ROWS,
    table_cells,
    table_rows,
)


def _scanned(keys: list[str]) -> list[tuple[int, int]]:
    """The tables as first written: the rows scanned again from every start."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(keys):
        first = table_cells(keys[i])
        if first is None:
            i += 1
            continue
        rows, j = [i], i + 1
        while j < len(keys):
            if _BOX_RULE.match(keys[j]) and keys[j].strip():
                j += 1
                continue
            cells = table_cells(keys[j])
            if cells is None or len(cells) != len(first):
                break
            rows.append(j)
            j += 1
        texts = [keys[k] for k in rows]
        if len(rows) >= MIN_TABLE_ROWS and sum(bool(_HAN.search(t)) for t in texts) * 2 > len(texts) \
                and sum(bool(_DIGIT.search(t)) for t in texts) >= 2 and not any(_FULL_DATE.search(t) for t in texts):
            top = i - 1 if i > 0 and _BOX_RULE.match(keys[i - 1]) and keys[i - 1].strip() else i
            out.append((top, rows[-1] + 1 + (rows[-1] + 1 < len(keys) and bool(_BOX_RULE.match(keys[rows[-1] + 1]))
                                               and bool(keys[rows[-1] + 1].strip()))))
            i = rows[-1] + 1
        else:
            i += 1
    return out


_LINES = ["企业 地址 产能", "1 铜业 5万吨", "2 铝业 3万吨", "甲 乙 丙", "甲 乙 丙 丁", "| 名称 | 数量 | 单位 |",
          "| --- | --- | --- |", "├──┼──┤", "──────", "", "正文第一段，铜价上涨。", "a b c", "1 2 3",
          "2024-03-01 铜 价", "│ 1 │ 企业 │ 10 │", "甲 乙。 丙"]


def test_the_tables_are_those_of_the_scan() -> None:
    rng = random.Random(17)
    for _ in range(4000):
        keys = [rng.choice(_LINES) for _ in range(rng.randint(0, 14))]
        assert table_rows(keys) == _scanned(keys), keys


def test_many_rows_that_are_no_table_are_read_in_linear_time() -> None:
    spent = [min(_cpu_to_read(["标签 标签 标签"] * n) for _ in range(3)) for n in (1_000, 8_000)]
    assert spent[1] < 20 * max(spent[0], 0.005)    # 8x the lines: 8x the time, not 64x


def _cpu_to_read(keys: list[str]) -> float:
    """CPU seconds table_rows takes on `keys` (the best of three runs is taken: one run of 3 ms is as long as a
    scheduler's or the collector's pause on a loaded machine, which once made this test fail)."""
    started = time.process_time()
    assert table_rows(keys) == []
    return time.process_time() - started


def test_a_dump_of_such_rows_cleans() -> None:
    prose = "铜价周一上涨，因为贸易商从智利的冶炼厂买入了更多金属，市场预计需求将继续增加。" * 3
    assert clean("铜价上涨\n" + prose + "\n" + "\n".join(["标签 标签 标签"] * 8_000) + "\n" + prose).text
