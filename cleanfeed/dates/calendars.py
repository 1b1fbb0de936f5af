"""Dates in other digits and calendars, rewritten as the Gregorian dates every pattern reads: Persian,
Arabic-Indic and Devanagari digits as ASCII (`۱۴۰۰` → `1400`), and Solar Hijri dates, the civil calendar of
Iran and Afghanistan (`۲۴ خرداد ۱۴۰۰`, `1400/03/24` beside Persian text), as ISO days (`2021-06-14`).

Only text holding those scripts pays for this (`needs_folding`: one character-class search); a Solar Hijri
date is recognised by its month name or by a year 1300–1499 written in a line of Persian script, which no
Gregorian news date can be."""
from __future__ import annotations

import re

_FOREIGN = re.compile(r"[\u0600-\u06ff\u0966-\u096f]")
_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},     # Persian ۰–۹
                         **{chr(0x0660 + i): str(i) for i in range(10)},     # Arabic-Indic ٠–٩
                         **{chr(0x0966 + i): str(i) for i in range(10)}})    # Devanagari ०–९

# Farvardin … Esfand; Persian text is also typed with the Arabic yeh and kaf (`تير` for `تیر`).
_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
_MONTH_NUMBER = {name: k for k, name in enumerate(_MONTHS, 1)}
_ALT = "|".join(sorted((name.replace("ی", "[یي]").replace("ک", "[کك]") for name in _MONTHS), key=len, reverse=True))
_YEAR = r"(?P<y>1[34]\d\d)"
_NAMED = re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\s*(?P<mon>{_ALT})(?![\u0600-\u06ff])\s*(?:ماه\s*)?{_YEAR}(?!\d)")
_NUMERIC = re.compile(rf"(?<![\d/.\-]){_YEAR}(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/.\-])")
# Letters Persian has and Arabic does not (پ چ ژ ک گ ی): an Arabic page's `1443/05/12` is a lunar Hijri date.
_PERSIAN_LETTER = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc]")


def needs_folding(text: str) -> bool:
    return _FOREIGN.search(text) is not None


def fold(text: str) -> str:
    """`text` with foreign digits as ASCII and Solar Hijri dates as ISO Gregorian days."""
    text = text.translate(_DIGITS)
    text = _NAMED.sub(_named, text)
    if _PERSIAN_LETTER.search(text):
        text = _NUMERIC.sub(_numeric, text)
    return text


def _named(m: re.Match[str]) -> str:
    month = _MONTH_NUMBER[m.group("mon").replace("ي", "ی").replace("ك", "ک")]
    return _iso(int(m.group("y")), month, int(m.group("d"))) or m.group(0)


def _numeric(m: re.Match[str]) -> str:
    return _iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))) or m.group(0)


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    y, m, d = solar_hijri_to_gregorian(year, month, day)
    return f"{y:04d}-{m:02d}-{d:02d}"


def solar_hijri_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """The Gregorian day of a Solar Hijri one, by the 33-year arithmetic rule (exact for 1300–1499:
    1 Farvardin 1400 is 21 March 2021, 22 Bahman 1357 is 11 February 1979)."""
    jy += 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
            + ((jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gd, gm = days + 1, 1
    for length in lengths:
        if gd <= length:
            break
        gd -= length
        gm += 1
    return gy, gm, gd


__all__ = ["fold", "needs_folding", "solar_hijri_to_gregorian"]
