"""Header lines: the metadata lines near a headline (`Author:`, `发布时间：`, a bare date, a byline, a
source credit), which the cleaners keep as metadata for the dates engine and take out of the body.

Shared by the plain-text cleaner (cleanfeed/textclean.py) and the HTML extractor. A line is asked for
its folded `text` and its match `key` (textclean.Line); both functions are pure.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from cleanfeed.rules.site import GenericRules, match_key
from cleanfeed.text.language import to_simplified

_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|da|del|la|le|bin|al)){0,4}"
# `By Jane Doe`, `By Jane Doe and John Smith`, `By Jane Doe | March 3, 2024`, `By Jane Doe, Reuters`.
_BY_LINE = re.compile(rf"^[Bb]y\s+({_NAME}(?:\s+and\s+{_NAME})?)(?:\s*[,|·•/–—-]\s*.{{0,80}})?$")
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
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})", re.I)
# A full date (with its year) anywhere in a line, and a clock time right after it or on its own.
_FULL_DATE = re.compile(
    r"(?<!\d)(19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d\d\b|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d\d\b", re.I)
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


def is_header(line: _Line, g: GenericRules) -> bool:
    """A metadata line near the headline: labelled (`Author:`, `发布时间：`), a bare date, a byline, a
    dated source line or a bracketed credit."""
    if len(line.key) > g.header_max_len:
        return False
    if _DATE_LINE.search(line.key) and len(line.key) <= 60:
        return True
    if _BY_LINE.match(line.text) or _POSTED_LINE.match(line.text) or _ZH_BYLINE.match(line.text) \
            or _ZH_POSTED_LINE.match(line.key):
        return True
    labels = g.header_labels.finditer(line.key)
    first = next(labels, None)
    if first is not None and (first.start() <= 2 or next(labels, None) is not None):
        return True     # `作者：…`, or two labels along a line (`南海网 时间：… 来源：… 作者：…`)
    return is_dated_source(line.key) or is_credit(line.key)


def header_author(lines: Sequence[str], g: GenericRules) -> str | None:
    """The byline name from `Author: X` / `作者：X` / `By X` / `【…记者X／…】`; None when the label is there
    but empty."""
    for text in lines:
        m = _BY_LINE.match(text) or _ZH_BYLINE.match(text) or _POSTED_LINE.match(text)
        if m and m.group(1):
            return m.group(1)
        key = match_key(text)
        simplified = match_key(to_simplified(text))
        labels = list(g.header_labels.finditer(simplified))
        for i, m in enumerate(labels):
            if not g.author_labels.match(m.group(1)):
                continue
            end = labels[i + 1].start() if i + 1 < len(labels) else len(key)
            value = key[m.end():end].strip(" |/,;:·-【】[]()")
            if 0 < len(value) <= 40 and not any(ch.isdigit() for ch in value):
                return value
        if is_credit(simplified) and (r := _REPORTER.search(simplified)):
            return key[r.start(1):r.end(1)]     # as the page prints it (traditional stays traditional)
    return None


__all__ = ["is_header", "header_author", "is_dated_source", "is_credit"]
