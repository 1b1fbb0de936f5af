"""Header lines: the metadata lines near a headline (`Author:`, `发布时间：`, a bare date, a byline, a
source credit), which the cleaners keep as metadata for the dates engine and take out of the body.

Shared by the plain-text cleaner (cleanfeed/textclean.py) and the HTML extractor. A line is asked for
its folded `text` and its match `key` (textclean.Line); both functions are pure.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from cleanfeed.rules.linerules import GenericRules, match_key
from cleanfeed.text.language import to_simplified

_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|da|del|la|le|bin|al)){0,4}"
# `By Jane Doe`, `By Jane Doe and John Smith`, `By Jane Doe | March 3, 2024`, `By Jane Doe, Reuters`.
_NAME_ONLY = re.compile(rf"{_NAME}")
_BY_LINE = re.compile(rf"^[Bb]y\s+({_NAME}(?:\s+and\s+{_NAME})?)"
                      rf"(?:\s*[,|·•/–—-]\s*.{{0,80}}|\s+on\s+(?=.{{0,30}}\d).{{3,40}})?$")
# `Posted on 12 March 2024 by Anna Lee`, `Published March 3, 2024`, `Updated 2024-03-03 10:00`.
_POSTED_LINE = re.compile(rf"^(?:posted|published|written|updated|last updated)(?:\s+on)?\s+"
                          rf"(?=[^|]{{0,40}}\d)[^|]{{3,40}}?(?:\s+by\s+({_NAME}))?$", re.I)
# `发布于 2019-09-26`, `发表于：2019年9月26日 10:20`, `更新时间 2020-01-02`: a Chinese date label without a colon.
_ZH_POSTED_LINE = re.compile(r"^(?:发布|发表|更新|刊登|上传)(?:于|在|时间|日期)\s*:?\s*(?=[^。]{0,30}\d)[^。]{3,40}$")
# `文/记者 张三`, `文｜李四 王五`, `本报记者 赵强`: a Chinese byline without a colon.
_ZH_BYLINE = re.compile(r"^(?:(?:文|撰文|文字|图文)\s*[/／|｜]\s*(?:本报)?(?:记者|通讯员)?\s*"
                        r"|(?:本报|特约)?(?:记者|通讯员)\s+)"
                        r"([\u4e00-\u9fff·]{2,5}(?:[ 、,，][\u4e00-\u9fff·]{2,5}){0,3})$")
_DATE_LINE = re.compile(
    r"^\W*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|"
    r"\d+\s*(分钟|小时|天|周|个月)前|刚刚|\d+\s+(minutes?|hours?|days?|weeks?)\s+ago\b)", re.I)
# What may follow a date or a relative time on a stamp line (`2023-06-19 15:48 易金属网`, `3小时前 来源:…`,
# `2021/04/28 記者 王志豪／綜合報導`): a clock time, a weekday, and a short name or label, never a clause.
_STAMP_REST = re.compile(r"^[\s|/·,，-]*(?:(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*[a-z]{0,4}"
                         r"|(?:星期|周)[一二三四五六日天])?[\s|/·,，-]*", re.I)
_CLAUSE = re.compile(r"[,.;!?。，；！？]\s*\S")
STAMP_REST_MAX = 40
STAMP_ROW_MAX = 120
# Date labels and glue words of a byline row, and the separators between its pieces.
_ROW_WORDS = re.compile(r"\b(updated|published|posted|last updated|modified|first published|by|on|at|"
                        r"[a-z]{1,3}t)\b|更新|发布|发表|于|[|·•/,:\-–—]", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")       # `来源：中国有色金属工业协会再生金属分会` is 19; a sentence runs longer
# A full date (with its year) anywhere in a line, and a clock time right after it or on its own.
_FULL_DATE = re.compile(
    r"(?<!\d)(19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|"
    r"(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d\d(?!\d)|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d\d(?!\d)", re.I)
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d\d(:\d\d)?(\s*[ap]\.?m\.?\b)?", re.I)
# What names a source or a site beside the date: a label (`来源`, `本文来源于`, `作者`), a title in 《》,
# a domain (`BUSINESS.SOHU.COM`, `www.china.com.cn`), an outlet name (`每经网`, `燕赵晚报`, `新华社`).
_SOURCE_CUE = re.compile(
    r"来源|稿源|出处|转自|作者|记者|编辑|《[^》]{1,20}》|"
    r"\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|cn|net|org|gov|edu|tv|hk|tw|co|info)\b|"
    r"[\u4e00-\u9fff](网|报|社|台|频道|日报|晚报|时报|周刊|新闻)\b", re.I)
_ADDRESS = re.compile(r"(https?://)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?", re.I)
_SENTENCE_MARK = re.compile(r"[。,;!?]")
DATED_SOURCE_MAX = 80     # a stamp line with its site name: `本文来源于《财经网》 2012年01月12日 18:49` is 33
DATED_SOURCE_REST = 40    # what is left once the date and time are taken out: a name, not a sentence
# `【聯合報╱記者張嘉芳／台北報導】`, `【世界日报╱广州12日电】`, `(记者 张三 通讯员 李四)`, `【来源：新华网】`:
# a whole line in brackets that credits a reporter, an agency or a source.
_CREDIT = re.compile(r"^[【\[(〔](?P<inner>[^】\])〕]{2,40})[】\])〕]$")
_CREDIT_WORD = re.compile(r"记者|通讯员|特派员|实习生|特约|撰稿|撰文|编译|摄影|来源|稿源|出处|本报讯|"
                          r"(报导|报道|电|讯|综合)$|\d+日电")
# `本报记者罗科苏盈发自北京`, `记者 张三 李四 报道`: the same credit without brackets.
_CREDIT_LINE = re.compile(r"^(?:本报|特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff·、 ]{2,16}?"
                          r"(?:发自[\u4e00-\u9fff]{1,6}|报道|报导|\d{1,2}日电)$")
_REPORTER = re.compile(r"记者\s*([\u4e00-\u9fff·]{2,4})(?=[\s/╱|】)\]]|$)")
# `记者 孙立新 郑可欣`, `2021/04/28 記者 王志豪／綜合報導`, `（记者 张三 李四）`: the names after a reporter
# label, up to a slash, a bracket, `报道`, a role word or the end.
_HAN_NAME = r"(?!通讯员|记者|实习生|摄影|报道|报导|综合)[\u4e00-\u9fff·]{2,4}"
_REPORTERS = re.compile(rf"(?:^|[\s(（【\[/／╱|｜])(?:本报|特约)?记者\s*[:：]?\s*"
                        rf"({_HAN_NAME}(?:[ 、,，]+{_HAN_NAME}){{0,3}})"
                        r"(?=$|\s*[/／╱|｜)）】\]]|\s*(?:报道|报导|综合|发自|摄|通讯员|实习生))")
_HAN_NAMES = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:[\s、,，]+[\u4e00-\u9fff·]{2,4})+")
_PLACE_SUFFIX = re.compile(r"\s*[/／╱|｜]\s*[\u4e00-\u9fff]{0,6}(?:报道|报导|電|电|讯)?$")
# Words that name a role or a report, not a person: `见习编辑 李琼皙`, `邱雯琪 羅執中 台北報導`.
_ROLE = re.compile(r"编辑|记者|通讯员|实习|见习|摄影|报道|报导|综合|编译|撰稿")
# `綠色產經／林佳蓉`, `中央社／王小明 台北報導`: an outlet, a slash, the reporter's name, at the end of a line.
_OUTLET_REPORTER = re.compile(r"(?:报|网|社|台|产经|日报|新闻|时报|周刊|财经)\s*[/／╱]\s*(?!记者)([\u4e00-\u9fff]{2,3})"
                              r"(?:\s*[\u4e00-\u9fff]{0,3}(?:报道|报导))?$")
_PIECE_SEPARATOR = re.compile(r"\s+[|｜]\s+|\s*[|｜]\s*(?=\S)")


class _Line(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def key(self) -> str: ...


def is_dated_source(key: str) -> bool:
    """`本文来源于《财经网》 2012年01月12日 18:49`, `BUSINESS.SOHU.COM 2005年3月11日12:12`, `中国网
    www.china.com.cn 2012-01-17 16:56`: a short line holding a full date and, beside it, a time or a
    source / site name, and no sentence. A headline that mentions a date has a sentence's words around it
    and no clock time or outlet name."""
    if len(key) > DATED_SOURCE_MAX or not (date := _FULL_DATE.search(key)):
        return False
    rest = _CLOCK.sub(" ", key[:date.start()] + " " + key[date.end():])
    words = " ".join(_ADDRESS.sub(" ", rest).split())       # a site's address names it: no words of a sentence
    if len(words) > DATED_SOURCE_REST or _SENTENCE_MARK.search(words):
        return False
    return _CLOCK.search(key, date.end()) is not None or _SOURCE_CUE.search(rest) is not None


def is_credit(key: str) -> bool:
    """A reporter / agency / source credit, bracketed (`【聯合報╱記者張嘉芳／台北報導】`) or not
    (`本报记者罗科苏盈发自北京`), on `key` folded to simplified characters."""
    if _CREDIT_LINE.match(key):
        return True
    m = _CREDIT.match(key)
    return m is not None and _CREDIT_WORD.search(m.group("inner").strip()) is not None


def is_stamp(key: str) -> bool:
    """A line that is nothing but a date or a relative time, with a clock time and a short source, name or
    label beside it (`2023-06-19 15:48 易金属网`, `3小时前 来源:百川金属网`); a paragraph that opens with a
    date (`2019年5月12日，…`) goes on with a clause and is not one."""
    m = _DATE_LINE.match(key)
    if m is None or len(key) > 60 + STAMP_REST_MAX:
        return False
    rest = key[m.end():]
    rest = rest[_STAMP_REST.match(rest).end():]      # type: ignore[union-attr]  # the pattern matches ""
    return len(rest) <= STAMP_REST_MAX and _CLAUSE.search(rest) is None


def is_stamp_row(key: str) -> bool:
    """A row of a byline, dates and date labels and nothing else, as a news site prints it under the
    standfirst: `Sofia Lindqvist 30 June 2022 Updated 1 July 2022`, `By Grace Liu | August 24, 2021 4:10 PM
    CST`. Once the dates, times and labels are out, a name or two is left, and no clause."""
    if len(key) > STAMP_ROW_MAX or not _FULL_DATE.search(key):
        return False
    rest = _ROW_WORDS.sub(" ", _CLOCK.sub(" ", _FULL_DATE.sub(" ", key)))
    if _CLAUSE.search(rest) or _SENTENCE_MARK.search(rest):
        return False
    han = len(_HAN.findall(rest))
    return not any(ch.isdigit() for ch in rest) and (han <= 4 if han else len(rest.split()) <= 4)


def is_header(line: _Line, g: GenericRules) -> bool:
    """A metadata line near the headline: labelled (`Author:`, `发布时间：`), a bare date or relative time, a
    byline, a dated source line, a bracketed credit, or pieces of those joined by `|`."""
    return len(line.key) <= g.header_max_len and (
        _header_piece(line.text, line.key, g) or _pieces_are_headers(line.text, line.key, g))


def _header_piece(text: str, key: str, g: GenericRules) -> bool:
    if is_stamp(key):
        return True
    if _BY_LINE.match(text) or _POSTED_LINE.match(text) or _ZH_BYLINE.match(key) or _ZH_POSTED_LINE.match(key):
        return True
    labels = g.header_labels.finditer(key)
    first = next(labels, None)
    if first is not None and (first.start() <= 2 or next(labels, None) is not None):
        return True     # `作者：…`, or two labels along a line (`南海网 时间：… 来源：… 作者：…`)
    return is_dated_source(key) or is_credit(key)


def _pieces_are_headers(text: str, key: str, g: GenericRules) -> bool:
    """`Updated Jan 10, 2024 | Published Jan 9, 2024`, `By Grace Liu | August 24, 2021 4:10 PM`. Every
    separator holds a bar: a key without one is one piece, asked without the split, whose pattern opens
    with `\\s*` and is tried at every position of the line (0.04 ms a page on bench/speed.py --small)."""
    if "|" not in key and "｜" not in key:
        return False
    texts, keys = _PIECE_SEPARATOR.split(text), _PIECE_SEPARATOR.split(key)
    return 1 < len(keys) == len(texts) and all(
        _header_piece(t.strip(), k.strip(), g) for t, k in zip(texts, keys, strict=True) if k.strip())


def header_author(lines: Sequence[str], g: GenericRules) -> str | None:
    """The byline name(s) from `Author: X` / `作者：X` / `By X` / `记者 X Y` / `【…记者X／…】`, as the page
    prints them (traditional stays traditional), several Chinese names joined by `, `; None when the
    label is there but empty."""
    for text in lines:
        m = _BY_LINE.match(text) or _POSTED_LINE.match(text)
        if m and m.group(1):
            return join_names(m.group(1))
        folded = " ".join(text.split())
        simplified = to_simplified(folded)           # one character for one: offsets into `folded` hold
        if (m := _ZH_BYLINE.match(simplified)) or (m := _REPORTERS.search(simplified)):
            return _names(folded[m.start(1):m.end(1)])
        key = match_key(text)
        labels = list(g.header_labels.finditer(match_key(simplified)))
        for i, m in enumerate(labels):
            if not g.author_labels.match(m.group(1)):
                continue
            end = labels[i + 1].start() if i + 1 < len(labels) else len(key)
            value = key[m.end():end].strip(" |/,;:·-【】[]()")
            if 0 < len(value) <= 40 and not any(ch.isdigit() for ch in value):
                return _names(value)
        if is_credit(match_key(simplified)) and (r := _REPORTER.search(simplified)):
            return folded[r.start(1):r.end(1)]
        if r := _OUTLET_REPORTER.search(simplified):
            return folded[r.start(1):r.end(1)]
    return None


def _names(value: str) -> str:
    """`孙立新 郑可欣` → `孙立新, 郑可欣`; a Chinese name with a place or role after a slash loses it
    (`李小華／台中報導` → `李小華`); anything else as `join_names` gives it."""
    value = _PLACE_SUFFIX.sub("", value).strip()
    if _HAN_NAMES.fullmatch(value):
        names = [n for n in re.split(r"[\s、,，]+", value) if n and not _ROLE.search(to_simplified(n))]
        return ", ".join(names) if names else value
    return join_names(value)


_AND = re.compile(r",?\s+(?:and|&)\s+|\s*,\s*")


def join_names(value: str) -> str:
    """Several people in one byline, written one way whatever the page's style: `Jane Doe and John Roe`,
    `Jane Doe & John Roe` → `Jane Doe, John Roe` (as several Chinese names are joined). Only when every
    piece reads as a name: `Smith & Sons Metals Ltd` or `Reuters, London` stay as printed."""
    parts = [p.strip() for p in _AND.split(value)]
    if len(parts) > 1 and all(_NAME_ONLY.fullmatch(p) for p in parts):
        return ", ".join(parts)
    return value


__all__ = ["is_stamp", "is_stamp_row", "is_header", "header_author", "join_names", "is_dated_source", "is_credit"]
