"""The text every date pattern reads: full-width forms folded (NFKC: `２０１９年０３月０２日` is
`2019年03月02日`) and dates written in Chinese numerals turned into digits (`二〇二二年十一月二十三日`,
`十一月五日`), and Taiwan's ROC years as Gregorian ones (`民國109年`, `發布日期：109-08-14`), so that one grammar
reads all of them."""
from __future__ import annotations

import re

from cleanfeed.dates.calendars import fold, needs_folding
from cleanfeed.textnorm import nfkc

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
# A year of four numeral digits (二〇二一年), a month (一 … 十二) and a day (一 … 三十一) with 日 or 号. The
# year may be left out (`十一月五日`, in the body of a notice), the day never: `二〇二一年` or `一月` alone is
# no day. Read after NFKC, which turns `Ｏ` into `O`.
_CN_DATE = re.compile(r"(?:([〇零○O一二三四五六七八九]{4})\s*年\s*)?(?<![一二三四五六七八九十〇零])"
                      r"(十[一二]?|[一二三四五六七八九])\s*月\s*(三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]")
_CN_HINT = re.compile(r"[一二三四五六七八九十]\s*月")
# Taiwan's ROC (民國) years, year 1 = 1912: `民國109年`, `109年8月14日` (a three-digit year with month and day,
# after no other Han character: `建党100年` is no year), and `109-08-14` after a date label and its colon
# (`發布日期：109-08-14`), the forms Taiwanese government pages print.
ROC_OFFSET = 1911
_ROC = re.compile(r"民[國国]\s*(\d{2,3})(?=\s*年)"
                  r"|(?<![\d\u4e00-\u9fff])(1[01]\d)(?=\s*年\s*[01]?\d\s*月\s*[0-3]?\d\s*日)"
                  r"|(?<=[期間间][:：])\s*(1[01]\d)(?=([-/.])[01]?\d\4[0-3]?\d(?!\d))")


def _roc(m: re.Match[str]) -> str:
    return str(int(m.group(1) or m.group(2) or m.group(3)) + ROC_OFFSET)


def cn_number(text: str) -> int:
    """十七 → 17, 二十 → 20, 三十一 → 31, 九 → 9; digits one by one for years (二〇二一 → 2021)."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _cn_date(m: re.Match[str]) -> str:
    year = f"{cn_number(m.group(1))}年" if m.group(1) else ""
    return f"{year}{cn_number(m.group(2))}月{cn_number(m.group(3))}日"


def normalize(text: str) -> str:
    """Full-width forms folded (NFKC), Chinese-numeral dates as digits, other digits and calendars as
    Gregorian ASCII dates (calendars.py): the text every pattern reads.
    NFKC keeps the length of CJK text but not of every script: mentions index the normalized text."""
    text = nfkc(text)
    if needs_folding(text):                 # Persian, Arabic-Indic, Devanagari digits; Solar Hijri dates
        text = fold(text)
    if "年" in text or "期" in text or "間" in text or "间" in text:
        text = _ROC.sub(_roc, text)
    return _CN_DATE.sub(_cn_date, text) if "月" in text and _CN_HINT.search(text) else text


__all__ = ["cn_number", "normalize"]
