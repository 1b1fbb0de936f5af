"""Date mentions in text: a small grammar of explicit patterns, never fuzzy parsing.

`find_mentions` reads every date written in a string as `Mention`s: day, month and year in any of the
orders people print them (`2021-01-17`, `17.01.2021`, `01/17/2021`, `17-Jan-2021`, `January 17th, 2021`,
`the 17th of January 2021`, `2021. január 17.`, `17 января 2021`), with month names of the languages in
vocab.toml, CJK forms (`2021年1月17日`, `21年1月17日`, `2021년 1월 17일`, `1月17日`, the day alone in
`17日电`), full-width digits and Chinese numerals (cjk.normalize), clock times and zones after the date,
and relative forms (`3 days ago`, `昨天 18:32`). A mention is not a datetime yet: the year or the month
may be missing, `03/04/2021` may be read two ways (`order` says so), and a relative form needs the fetch
time. resolve.py and the engine settle that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cleanfeed.dates.cjk import normalize as normalize  # re-exported: the text the patterns read
from cleanfeed.dates.vocab import alternation, vocab


@dataclass(frozen=True)
class Reading:
    """One way to read a mention: a calendar day, maybe a clock time and the zone printed after it."""

    year: int | None
    month: int | None                  # None: the day alone (`2日下午`, `30日电`), resolved against the fetch time
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
    # Numeric day and month (`03/04/2021`): "dm" or "md" when one part exceeds 12 and so fixes the order
    # the page writes dates in; "either" when both readings are real days (then `readings` is (month
    # first, day first) and the engine settles it from the page); "" for every other form.
    order: str = ""

    @property
    def has_year(self) -> bool:
        return bool(self.readings) and self.readings[0].year is not None


# ----------------------------------------------------------------------------- the patterns

# The apostrophe of a two-digit year (`Mar 4 ’24`, `4 Mar '24`), straight or curly (and `‘`, as word processors
# turn it), as bylines and cards abbreviate the year after a month name and day.
APOSTROPHE = "['’‘]"

# Lower case throughout: the patterns run on lower-cased text.
_TIME = r"""(?:\s*(?:,|\||-|–|—|@|at|um|à|a\ las|às|alle|ore|om|t)?\s*
  (?P<h>[01]?\d|2[0-3])\s*[:：时h.]\s*(?P<mi>[0-5]\d)(?:\s*[:：分]\s*(?P<s>[0-5]\d)(?:[.,]\d+)?)?(?:\s*[分秒])?
  (?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?(?:\s*(?:uhr|hrs?|h)\b)?
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
        "ymd_cjk": r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)"
                   r"(?:\s*[日号일])?(?!\d)",
        # `21年11月8日`: a two-digit year only with the day's 日 (`近10年12月` is no date)
        "yy_cjk": r"(?<![\d.])(?P<y>\d{2})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号](?!\d)",
        # year, month name, day: `2021. április 14.` (Hungarian), `2023 Jan 7` (PubMed, citation meta tags),
        # `2021 m. gegužės 7 d.` (Lithuanian: the year's `m.`)
        "y_mon_d": rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})(?:\s+m\.)?(?:\.\s*|\s+){mon}\s*(?P<d>[0-3]?\d)(?![\d:])",
        # year, day, month name: `2021. gada 9. septembrī` (Latvian)
        "y_gada": rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})\.\s*gada\s+(?P<d>[0-3]?\d)\.\s*{mon}",
        # day and month number in words: `14 tháng 6 năm 2021`, `14 tháng 6, 2021` (Vietnamese)
        "d_thang": r"(?<![\d.])(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:,|năm)\s*(?P<y>(?:19|20)\d{2})(?!\d)",
        "md_cjk": r"(?<![\d年년])(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日号일]",
        # The day alone: `2日下午`, `新华社上海30日电`, `本月5日`, only where a dateline puts it (vocab.toml)
        "d_cjk": rf"(?<![\d年/.\-:])(?<!\d月)(?P<d>[0-3]?\d)\s*[日号]"
                 rf"(?:(?<=本月..)|(?<=本月...)|(?={v.day_followers}))",
        "dmy_dot": r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d{2}|\d{2})(?!\d|\.\d)",
        # "26 | 01 | 2022": a bar between spaced numbers is a date only with a four-digit year (_readings)
        "num": r"(?<![\d/.\-|])(?P<a>[0-3]?\d)(?P<sep>[/-]| ?\| ?)(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/\-])",
        "md_clock": r"(?<![\d/.\-])(?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?=\s+(?:[01]?\d|2[0-3]):\d\d)",
        # asctime and its cousins print the clock between day and year: "Jan 04 09:34 2021"
        "md_t_y": rf"(?<![^\W\d_]){mon}\s*(?P<d>[0-3]?\d)\s+(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
                  rf"(?::(?P<s>[0-5]\d))?\s+{year}",
        # `December 19, 2025`, `Dec 19 2025`, `Mar 4 ’24` (a two-digit year after an apostrophe, as bylines and
        # cards abbreviate it), and `December 19. 2025` (a template's dot after the day); a colon
        # after the day ends a note's heading (`Editor's note, March 12: This story …`), a clock after it does not
        # leave a day (`May 10:30`)
        "mdy": rf"(?<![^\W\d_]){mon}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\s?\d)"
               rf"(?:(?:\s*,?\s*|\.\s+){year}|,?\s*{APOSTROPHE}(?P<yy>\d{{2}})(?![\d:/.'’]))?",
        # `17 Jan 2021`, `17-Jan-2021`, `17-jan-21`, `4 Mar '24`, `the 2nd of March 2018`, `5 de octubre de 2020`
        # (a second name of the month may follow: `24 نيسان / أبريل 2020`)
        "dmy": rf"(?<![\d.:/])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?(?:\s*|\s?[-/]\s?)(?:of\s+|de\s+)?{mon}"
               rf"(?:\s?/\s?[^\W\d_]{{3,12}})?(?:(?:\s*,?\s*(?:de\s+)?|\s?[-/]\s?){year}|(?:[-/]|,?\s*{APOSTROPHE})(?P<yy>\d{{2}})"
               rf"(?![\d:/.'’]))?",
        # `on the 21st,`: the day alone in English prose, only where nothing follows it but punctuation
        "d_en": r"(?<=on the )(?P<d>[0-3]?\d)(?:st|nd|rd|th)(?=\s*[,;:]|\s*$|\.(?:\s|$))",
        "ago": rf"(?<![^\W\d_])(?P<n>\d+|{v.number_words}|a\ few|several)\s*(?P<unit>{v.unit_names})"
               rf"(?![^\W\d_])\s*(?:{v.after_words})(?![^\W\d_])",
        # `vor 3 Stunden`, `il y a 3 heures`, `hace 2 horas`, `há 3 dias`
        "vor": rf"(?<![^\W\d_])(?:{alternation(v.before_words)})\s+(?P<n>\d+|{v.number_words})\s+"
               rf"(?P<unit>{v.unit_names})(?![^\W\d_])",
        "qian": rf"(?P<n>\d+|[一两二三四五六七八九十半])\s*(?P<unit>{v.unit_names})\s*(?:以)?前",
        "dayword": rf"(?P<word>(?<![^\W\d_]){v.day_word_names})(?![^\W\d_])",
        "now": rf"(?P<word>(?<![^\W\d_]){v.now_words})(?![^\W\d_])",
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
    out["words"] = re.compile(alternation([*v.day_words, *(w for w in v.numbers if len(w) > 2),
                                           *v.before_words,
                                           "several", "a few", "just now", "moments ago", "gerade eben", "soeben"]))
    out["ago"] = re.compile(_prefixed("ago", raw["ago"]))
    return out


def _prefixed(kind: str, pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}_\1>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", rf"(?P={kind}_\1)", pattern)


_H_CLOCK = re.compile(r"\dh\d\d")          # `08h30`, `18h45`: the clock of French and Portuguese pages
_CLOCK_NEXT = re.compile(r",?\s*(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
_BAR_BEFORE = re.compile(r"\d\s*\|\s*$")
_BAR_AFTER = re.compile(r"\s*\|\s*\d")

_ABSOLUTE = ("ymd", "ymd_cjk", "yy_cjk", "y_mon_d", "y_gada", "d_thang", "dmy_dot", "num", "md_t_y", "mdy", "dmy",
             "md_cjk", "d_cjk", "md_clock", "d_en")
_RELATIVE = ("ago", "vor", "qian", "dayword", "now")
# How numeric dates are written (`03/04/2021`): month first in the United States and the Philippines, and on
# Chinese, Japanese and Korean pages (whose own order is year-month-day); day first nearly everywhere else.
# Plain `en` says nothing: British and American pages both call themselves that.
_MONTH_FIRST = ("en-us", "en-ph", "zh", "ja", "ko")
_UNDECIDED = ("en",)


def language_order(language: str | None) -> str | None:
    """"md" or "dm": the order numeric dates take in `language` (BCP 47, with its region), or None."""
    lang = (language or "").lower()
    if lang.startswith(_MONTH_FIRST):
        return "md"
    if not lang or lang in _UNDECIDED:
        return None
    return "dm"


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
            and not m.group("tz") and "uhr" not in m.group(0).lower() and not _H_CLOCK.search(m.group(0)):
        return None, None, at                # "2021. 10.30" is not a time: a dot needs a zone or "Uhr"
    tz = re.sub(r"\s+", "", text[m.start("tz"):m.end("tz")]) if m.group("tz") else None
    return (hour, minute, second), tz, m.end()


# Characters past `until` that `clock_at` lets the pattern see, so that its `\b` and `(?![a-z])` read the
# letter that follows, as they do on the whole line.
_CLOCK_LOOKAHEAD = 8


def clock_at(text: str, at: int, until: int) -> tuple[tuple[int, int, int] | None, str | None, int]:
    """The clock printed at `at` in `text` (already `normalize`d) and ending by `until`, as after a date:
    (h, m, s), its zone and where it ends; (None, None, at) when there is none. Only the stretch up to `until`
    is lower-cased: the whole line for every update made a long line of them quadratic (8,000 on a 352 KB line
    took 8.6 s)."""
    window = text[at:until + _CLOCK_LOOKAHEAD]
    clock, zone, end = _clock(_lowered(window), window, 0)
    if clock is None or at + end > until:
        return None, None, at
    return clock, zone, at + end


def _lowered(text: str) -> str:
    """`text` lower-cased letter for letter: "İ" lower-cases to two characters and would shift every position
    after it, so such letters stay as they are."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


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


def _readings(kind: str, m: re.Match[str]) -> tuple[tuple[Reading, ...], str]:
    """The readings of a match, and its day/month `order` (Mention.order)."""
    g = _Groups(kind, m)
    if kind in ("ymd", "ymd_cjk", "yy_cjk"):
        return (Reading(_year(g["y"]), int(g["m"]), int(g["d"])),), ""
    if kind in ("md_cjk", "md_clock"):
        return (Reading(None, int(g["m"]), int(g["d"])),), ""
    if kind in ("d_cjk", "d_en"):
        return (Reading(None, None, int(g["d"])),), ""
    if kind in ("dmy_dot", "d_thang"):
        return (Reading(_year(g["y"]), int(g["m"]), int(g["d"])),), ""
    if kind == "num":
        return _numeric(g, m)
    year = _year(g["y"]) if g.get("y") else _year(yy) if (yy := g.get("yy")) else None
    clock = (int(g["h"]), int(g["mi"]), int(g.get("s") or 0)) if kind == "md_t_y" else None
    return (Reading(year, vocab().months[g["mon"].lower()], int(g["d"]), clock),), ""


def _dashes_and_a_clock(g: _Groups, m: re.Match[str]) -> bool:
    """A two-digit year after dashes with a clock right after it (`06-12-24, 10:15`, Dutch news): a date, where
    `12-34-56` alone may be a code."""
    return g["sep"] == "-" and _CLOCK_NEXT.match(m.string, m.end()) is not None


def _numeric(g: _Groups, m: re.Match[str]) -> tuple[tuple[Reading, ...], str]:
    """`03/04/2021`, `23/11/2020`, `7/14/21`: month first, day first, or either."""
    a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
    if len(g["y"]) == 2 and g["sep"] != "/" and not _dashes_and_a_clock(g, m):
        return (), ""                        # 12-34-56, 1 | 2 | 20: a code or a pager, not a date
    near = _BAR_BEFORE.search(m.string, max(0, m.start() - 40), m.start()) or _BAR_AFTER.match(m.string, m.end())
    if "|" in g["sep"] and near:
        return (), ""                        # 3 | 4 | 5 | 2019 | 2020: one run of a pager
    md, dm = Reading(y, a, b), Reading(y, b, a)
    if a == b or not (1 <= a <= 31 and 1 <= b <= 31):
        return ((md,), "") if a == b and 1 <= a <= 12 else ((), "")
    if a > 12 and b <= 12:
        return (dm,), "dm"
    if b > 12 and a <= 12:
        return (md,), "md"
    return ((md, dm), "either") if a <= 12 and b <= 12 else ((), "")


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


def has_digit(text: str) -> bool:
    """`text` holds an ASCII digit: ten substring tests, a tenth of the cost of `[0-9]` searched with `re`."""
    return "0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text \
        or "6" in text or "7" in text or "8" in text or "9" in text


def find_mentions(text: str, language: str | None = None, *, relative: bool = True) -> list[Mention]:
    """Every date written in `text` (already `normalize`d), in order; at one position the most specific
    form wins (patterns are tried in the order of _ABSOLUTE, _RELATIVE). Absolute dates start only at a digit
    run (`_anchors`), so a text without a digit has none, and its reading (lower-casing, the anchor scans, 7 µs
    on a paragraph of prose) is skipped."""
    if not relative and not has_digit(text):
        return []
    low = _lowered(text)
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


# English weekday names (full and short) as a weekday number: a weekday printed before a day and month confirms the
# two-digit year after them (`_weekday_year`).
_WEEKDAY_NUMBER = {name: n for n, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_WEEKDAY_BEFORE = re.compile(rf"(?<![^\W\d_])({'|'.join(sorted(_WEEKDAY_NUMBER, key=len, reverse=True))})\.?,?\s*$")
_SHORT_YEAR_AFTER = re.compile(r",?\s+(\d{2})(?![\d:./'’%])")
# A word one space after the two digits, as prose goes on, unless `at` before a clock or a byline's `by`: they
# count something (`7 March 14 people`), and the weekday, printed for the current year's date, fits one year in
# seven as well (2014's calendar is 2025's). A table's next cell stands further off (`Monday, 7th Feb 05     Price`).
_COUNTED = re.compile(r" (?!at\s+\d|by\s)[^\W\d_]")


def _weekday_year(kind: str, readings: tuple[Reading, ...], low: str, m: re.Match[str]
                  ) -> tuple[tuple[Reading, ...], int] | None:
    """`Monday, 7th Feb 05`: a day and month name with a bare two-digit year after them, which alone could be
    anything (`7th Feb 25 people`), read as that year when the weekday printed right before names the weekday
    of that date (old newsletters and forum templates) and no word follows them (`On Friday 7 March 14 people
    were arrested`: a count, `_COUNTED`). (readings, end) or None."""
    if kind not in ("dmy", "mdy") or len(readings) != 1 or readings[0].year is not None:
        return None
    before = _WEEKDAY_BEFORE.search(low, max(0, m.start() - 12), m.start())
    after = _SHORT_YEAR_AFTER.match(low, m.end())
    if before is None or after is None or _COUNTED.match(low, after.end()):
        return None
    r, year = readings[0], _year(after.group(1))
    try:
        weekday = date(year, r.month or 0, r.day or 0).weekday()
    except ValueError:
        return None
    if weekday != _WEEKDAY_NUMBER[before.group(1)]:
        return None
    return (Reading(year, r.month, r.day, r.clock, r.zone),), after.end()


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
    readings, order = _readings(kind, m)
    if not readings:
        return None
    if (dated := _weekday_year(kind, readings, low, m)) is not None:
        readings = dated[0]
        clock, zone, end = _clock(low, text, dated[1])
    if clock:
        readings = tuple(Reading(r.year, r.month, r.day, clock, zone) for r in readings)
    return Mention(m.start(), end, text[m.start():end], readings, order=order)
