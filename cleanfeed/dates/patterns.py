"""Date mentions in text: explicit patterns, never fuzzy parsing.

`find_mentions` reads every date written in a string (ISO, `2021/01/17 00:00:00`, `17.01.2021`,
`January 17, 2021`, `17 Jan 2021`, `Jan. 17`, `2021年1月17日`, `二〇二一年一月十七日`, `09-30 22:46`,
`3 days ago`, `昨天 18:32` …) as `Mention`s. A mention is not a datetime yet: the year may be missing,
03/04 may be read two ways, and a relative form needs the fetch time. resolve.py settles that.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cleanfeed.dates.vocab import alternation, vocab


@dataclass(frozen=True)
class Reading:
    """One way to read a mention: a calendar day, maybe a clock time and the zone printed after it."""

    year: int | None
    month: int
    day: int
    clock: tuple[int, int, int] | None = None
    zone: str | None = None            # as printed: "+08:00", "Z", "GMT", "EDT", "CST"


@dataclass(frozen=True)
class Relative:
    """`3 days ago`, `yesterday at 9:14 PM`, `刚刚`: an amount back from the fetch time."""

    amount: int
    unit: str                          # seconds | minutes | hours | days | weeks | months | years
    clock: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    readings: tuple[Reading, ...] = ()   # preferred first; empty for relative forms
    relative: Relative | None = None

    @property
    def has_year(self) -> bool:
        return bool(self.readings) and self.readings[0].year is not None


# ----------------------------------------------------------------------------- normalising

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_DATE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十]{1,3})\s*[日号]")


def _cn_number(text: str) -> int:
    """十七 → 17, 二十 → 20, 三十一 → 31, 九 → 9."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _cn_date(m: re.Match[str]) -> str:
    year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
    return f"{year}年{_cn_number(m.group(2))}月{_cn_number(m.group(3))}日"


def normalize(text: str) -> str:
    """Full-width forms folded (NFKC), Chinese-numeral dates as digits: the text every pattern reads."""
    text = unicodedata.normalize("NFKC", text)
    return _CN_DATE.sub(_cn_date, text) if "年" in text else text


# ----------------------------------------------------------------------------- the patterns

# Lower case throughout: the patterns run on lower-cased text.
_TIME = r"""(?:\s*(?:,|\||-|–|—|@|at|um|à|a\ las|às|alle|t)?\s*
  (?P<h>[01]?\d|2[0-3])\s*[:：时h.]\s*(?P<mi>[0-5]\d)(?:\s*[:：分]\s*(?P<s>[0-5]\d)(?:[.,]\d+)?)?(?:\s*[分秒])?
  (?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?(?:\s*(?:uhr|hrs?)\b)?
  (?:\s*\(?(?P<tz>z(?![a-z])|[+-](?:[01]\d|2[0-3]):?[0-5]\d(?!\d)|(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?
     |(?:ZONES)(?![a-z])))?)?"""


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocab()
    time = _TIME.replace("ZONES", v.zone_names)
    mon = rf"(?P<mon>{v.month_names})(?![^\W\d_])\.?"
    year = r"(?P<y>(?:19|20)\d{2})(?!\d)"
    raw = {
        "ymd": r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])\s?(?P<m>[01]?\d)(?P=sep)\s?(?P<d>[0-3]?\d)(?!\d)",
        "ymd_cjk": r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)(?:\s*[日号])?(?!\d)",
        "md_cjk": r"(?<![\d年])(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号]",
        "dmy_dot": r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d{2}|\d{2})(?!\d|\.\d)",
        # "26 | 01 | 2022": a bar between spaced numbers is a date only with a four-digit year (_readings)
        "num": r"(?<![\d/.\-|])(?P<a>[0-3]?\d)(?P<sep>[/-]| ?\| ?)(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/\-])",
        "md_clock": r"(?<![\d/.\-])(?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?=\s+(?:[01]?\d|2[0-3]):\d\d)",
        # asctime and its cousins print the clock between day and year: "Jan 04 09:34 2021"
        "md_t_y": rf"(?<![^\W\d_]){mon}\s*(?P<d>[0-3]?\d)\s+(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
                  rf"(?::(?P<s>[0-5]\d))?\s+{year}",
        "mdy": rf"(?<![^\W\d_]){mon}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:\s*,?\s*{year})?",
        "dmy": rf"(?<![\d.:/])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?{mon}"
               rf"(?:\s*,?\s*(?:de\s+)?{year})?",
        "ago": rf"(?<![^\W\d_])(?P<n>\d+|{v.number_words}|a\ few|several)\s*(?P<unit>{v.unit_names})"
               rf"(?![^\W\d_])\s*ago\b",
        "vor": rf"\bvor\s+(?P<n>\d+|{v.number_words})\s+(?P<unit>{v.unit_names})\b",
        "qian": rf"(?P<n>\d+|[一两二三四五六七八九十半])\s*(?P<unit>{v.unit_names})\s*(?:以)?前",
        "dayword": rf"(?P<word>(?<![a-zà-ÿ]){v.day_word_names})(?![a-zà-ÿ])",
        "now": rf"(?P<word>(?<![a-zà-ÿ]){v.now_words})(?![a-zà-ÿ])",
    }
    # Compiled without IGNORECASE: they run on lower-cased text (case-insensitive matching in `re` checks
    # every literal both ways and made the month alternations 3x slower).
    out = {"time": re.compile(time, re.VERBOSE)}
    # One alternation per use, scanned once: a group per kind, inner groups prefixed with the kind.
    # At one position the first kind listed wins, so the more specific forms come first.
    for name, kinds in (("absolute", _ABSOLUTE), ("any", _ABSOLUTE + _RELATIVE)):
        out[name] = re.compile("|".join(f"(?P<{k}>{_prefixed(k, raw[k])})" for k in kinds))
    # Where a date can start. Each scan is a bare character class or a trie of literals, which `re`
    # skips through fast; one alternation of them all is five times slower (measured on prose).
    out["digits"] = re.compile(r"[0-9]+")
    out["han"] = re.compile(r"[今昨前刚一两二三四五六七八九十半]")
    out["words"] = re.compile(alternation([*v.day_words, *(w for w in v.numbers if len(w) > 2), "vor",
                                           "several", "a few", "just now", "moments ago", "gerade eben", "soeben"]))
    out["ago"] = re.compile(_prefixed("ago", raw["ago"]))
    return out


def _prefixed(kind: str, pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}_\1>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", rf"(?P={kind}_\1)", pattern)


_BAR_BEFORE = re.compile(r"\d\s*\|\s*$")
_BAR_AFTER = re.compile(r"\s*\|\s*\d")

_ABSOLUTE = ("ymd", "ymd_cjk", "dmy_dot", "num", "md_t_y", "mdy", "dmy", "md_cjk", "md_clock")
_RELATIVE = ("ago", "vor", "qian", "dayword", "now")
_MONTH_FIRST = ("en", "zh", "ja", "ko")          # 03/04/2021 is March 4 in these, April 3 elsewhere
_DAY_FIRST_EN = ("en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za")


def month_first(language: str | None) -> bool:
    lang = (language or "en").lower()
    return lang.startswith(_MONTH_FIRST) and not lang.startswith(_DAY_FIRST_EN)


def _year(text: str) -> int:
    """Two-digit years: 95–99 are the 1990s (nothing before 1995 is plausible), the rest 2000s."""
    y = int(text)
    return y if y >= 100 else (1900 + y if y >= 95 else 2000 + y)


def _clock(low: str, text: str, at: int) -> tuple[tuple[int, int, int] | None, str | None, int]:
    """The clock time printed right after a date (`, 9:00 am`, `T10:00:00+08:00`, `09.30 GMT`)."""
    m = _patterns()["time"].match(low, at)
    if not m or m.group("h") is None:
        return None, None, at
    hour, minute, second = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
    if ampm := m.group("ampm"):
        if hour > 12:
            return None, None, at
        hour = hour % 12 + (12 if ampm[0].lower() == "p" else 0)
    elif m.group(0).lstrip()[:1] not in ("T", "t") and ":" not in m.group(0) and "时" not in m.group(0) \
            and not m.group("tz") and "uhr" not in m.group(0).lower():
        return None, None, at                # "2021. 10.30" is not a time: a dot needs a zone or "Uhr"
    tz = re.sub(r"\s+", "", text[m.start("tz"):m.end("tz")]) if m.group("tz") else None
    return (hour, minute, second), tz, m.end()


class _Groups:
    """The groups of the kind that matched, by their short names (`y`, `m`, `d`): a view, because
    building groupdict() of a pattern with a hundred groups for every match is measurably slow."""

    def __init__(self, kind: str, m: re.Match[str]) -> None:
        self.kind, self.m = kind, m

    def __getitem__(self, name: str) -> str:
        return self.m.group(f"{self.kind}_{name}")

    def get(self, name: str) -> str | None:
        try:
            return self.m.group(f"{self.kind}_{name}")
        except IndexError:
            return None


def _readings(kind: str, m: re.Match[str], language: str | None) -> tuple[Reading, ...]:
    g = _Groups(kind, m)
    if kind in ("ymd", "ymd_cjk"):
        return (Reading(int(g["y"]), int(g["m"]), int(g["d"])),)
    if kind in ("md_cjk", "md_clock"):
        return (Reading(None, int(g["m"]), int(g["d"])),)
    if kind == "dmy_dot":
        return (Reading(_year(g["y"]), int(g["m"]), int(g["d"])),)
    if kind == "num":
        a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
        if len(g["y"]) == 2 and g["sep"] != "/":
            return ()                        # 12-34-56, 1 | 2 | 20: a code or a pager, not a date
        near = _BAR_BEFORE.search(m.string, max(0, m.start() - 40), m.start()) or _BAR_AFTER.match(m.string, m.end())
        if "|" in g["sep"] and near:
            return ()                        # 3 | 4 | 5 | 2019 | 2020: one run of a pager
        md, dm = Reading(y, a, b), Reading(y, b, a)
        readings = (md, dm) if month_first(language) else (dm, md)
        return tuple(r for i, r in enumerate(readings) if 1 <= r.month <= 12 and (i == 0 or a != b))
    year = _year(g["y"]) if g.get("y") else None
    clock = (int(g["h"]), int(g["mi"]), int(g.get("s") or 0)) if kind == "md_t_y" else None
    return (Reading(year, vocab().months[g["mon"].lower()], int(g["d"]), clock),)


def _relative(kind: str, m: re.Match[str]) -> Relative | None:
    v = vocab()
    g = _Groups(kind, m)
    if kind == "now":
        return Relative(0, "seconds")
    if kind == "dayword":
        return Relative(v.day_words[g["word"].lower()], "days")
    n_text = g["n"].lower()
    n = int(n_text) if n_text.isdigit() else v.numbers.get(n_text, 3 if n_text in ("a few", "several") else 1)
    return Relative(n, v.units[g["unit"].lower()])


def _anchors(low: str, relative: bool) -> list[int]:
    """Where a date may start. Every absolute date holds a run of digits, so: each digit run, and the
    month name right before it (`Jan. 17`); for relative forms also day and number words. Trying the big
    pattern only there is what makes scanning a page affordable (a month-name scan over every
    character costs three times the rest of the work, measured on English prose)."""
    pats = _patterns()
    months = vocab().months
    found = []
    for m in pats["digits"].finditer(low):
        p = m.start()
        found.append(p)
        j = p
        while j > 0 and low[j - 1] in " .,\u00a0":
            j -= 1
        i = j
        while i > 0 and low[i - 1].isalpha():
            i -= 1
        if i < j and low[i:j] in months:
            found.append(i)
    if relative:
        found += [m.start() for m in pats["words"].finditer(low) if m.start() == 0 or not low[m.start() - 1].isalpha()]
        found += [m.start() for m in pats["han"].finditer(low)]
        if "ago" in low:
            found += [m.start() for m in pats["ago"].finditer(low)]
    return sorted(set(found))


def find_mentions(text: str, language: str | None = None, *, relative: bool = True) -> list[Mention]:
    """Every date written in `text` (already `normalize`d), in order; at one position the most specific
    form wins (patterns are tried in the order of _ABSOLUTE, _RELATIVE)."""
    low = text.lower()
    if len(low) != len(text):        # "İ" lower-cases to two characters: keep such letters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    pattern = _patterns()["any" if relative else "absolute"]
    out: list[Mention] = []
    end = 0
    for at in _anchors(low, relative):
        if at < end:
            continue
        m = pattern.match(low, at)
        if m is None:
            continue
        if mention := _mention(m.lastgroup or "", m, low, text, language):
            out.append(mention)
            end = mention.end
    return out


def _mention(kind: str, m: re.Match[str], low: str, text: str, language: str | None) -> Mention | None:
    clock, zone, end = _clock(low, text, m.end())
    if kind in _RELATIVE:
        rel = _relative(kind, m)
        if rel is None:
            return None
        if clock and rel.unit == "days":
            rel = Relative(rel.amount, rel.unit, clock)
        return Mention(m.start(), end if rel.clock else m.end(), text[m.start():end if rel.clock else m.end()],
                       relative=rel)
    readings = _readings(kind, m, language)
    if not readings:
        return None
    if clock:
        readings = tuple(Reading(r.year, r.month, r.day, clock, zone) for r in readings)
    return Mention(m.start(), end, text[m.start():end], readings)
