"""Character-level hygiene shared by every reader: what may never reach a feed."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# XML 1.0 forbids C0 controls except tab/LF/CR, and U+FFFE/U+FFFF; C1 controls and the
# zero-width family are legal but the W3C validator warns on them (feed_lint.py's BAD_CHARS).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\ud800-\udfff"
                      "\ufeff\ufffe\uffff\ufffd]")
# Han ideographs (CJK Extension A, Unified, Compatibility): what "a Chinese character" means everywhere.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han plus Japanese kana and Korean Hangul syllables: the scripts written without spaces between words,
# counted one token per character (fingerprints) and telling a CJK page from a spaced one (page types).
CJK_RANGES = "\u3040-\u30ff" + HAN_RANGES + "\uac00-\ud7af"
HAN: re.Pattern[str]            # compiled on first use: see __getattr__
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def __getattr__(name: str) -> re.Pattern[str]:
    """`HAN`, compiled when a module first imports it (the cleaner's modules do, at their import). `re` builds
    a class beyond Latin-1 in a 65,536-entry table filled one character at a time: 1.5-2 ms of every start,
    which `cleanfeed check` and `serve` never need (issue #23)."""
    if name == "HAN":
        pattern: re.Pattern[str] = re.compile(f"[{HAN_RANGES}]")
        globals()["HAN"] = pattern
        return pattern
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def count_chars(char_class: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the one-character class `char_class` matches: `len(findall)`, read
    off its runs (`_runs_of`), one match per run instead of one per character: 0.23 → 0.05 ms for the Han
    of a cwced-zh page's text (the cost was a one-character string built per Han character)."""
    runs = _runs_of(char_class)
    return sum(map(len, runs.findall(text))) if runs is not None else len(char_class.findall(text))


@lru_cache(maxsize=64)
def _runs_of(char_class: re.Pattern[str]) -> re.Pattern[str] | None:
    """`[…][…]*` for a class `[…]`: each match is a maximal run of its characters, so the runs' lengths sum
    to the count of its characters; None for any other pattern. Written as the class then its repeat, not
    `[…]+`: `re` skips ahead on a pattern's opening class, not on an opening repeat (3x slower on text
    without them)."""
    source = char_class.pattern
    if not isinstance(source, str) or not _ONE_CLASS.fullmatch(source):
        return None
    return re.compile(source + source + "*", char_class.flags)


# `[…]` of characters, ranges and `\uXXXX` escapes, nothing nested: one character per match, whatever the flags.
_ONE_CLASS = re.compile(r"\[\^?(?:[^\[\]\\]|\\u[0-9a-fA-F]{4})+\]")


def strip_illegal(text: str) -> str:
    """`text` without characters that are illegal in XML or that validators flag (U+FFFD included)."""
    # One search first: almost every page is clean, and a scan without building a new string is
    # several times cheaper than `sub` on a 1 MB page (the HTML pipeline profiled 2 ms here).
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


# What `_ILLEGAL` matches, as UTF-8 bytes: C0 controls and DEL are single bytes (the C1 controls are
# `\xc2\x80`–`\xc2\x9f`), the rest three-byte sequences. Each pattern opens with a literal byte, which `re`
# finds at memchr speed; a character class over a str is scanned at ~3 ns a character.
_C0_BYTES = bytes(b for b in (*range(0x20), 0x7F) if b not in (0x09, 0x0A, 0x0D))
# The surrogates' pattern last: strictly decoded UTF-8 cannot hold it (`strict` below).
_ILLEGAL_UTF8 = (re.compile(rb"\xc2[\x80-\x9f]"), re.compile(rb"\xe2\x80[\x8b-\x8d\xa8\xa9]"),
                 re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbd-\xbf])"), re.compile(rb"\xed[\xa0-\xbf]"))


def utf8_may_hold_illegal(data: bytes, *, strict: bool = False) -> bool:
    """False only when the UTF-8 text of `data` holds nothing `strip_illegal` removes: then the text needs
    no scan (0.47 ms a page on the extraction sets, mostly pages stored as UTF-8). `strict`: `data` is known
    to decode as strict UTF-8 (`bytes.decode("utf-8")` took it), which refuses an encoded surrogate (`\xed`
    then `\xa0`-`\xbf`), so that scan of the page's bytes is left out: 0.13 ms a page on bench/speed.py's
    sample, where `\xed` opens every Korean syllable of U+D000-U+D7FF."""
    patterns = _ILLEGAL_UTF8[:-1] if strict else _ILLEGAL_UTF8
    return len(data.translate(None, _C0_BYTES)) != len(data) or any(p.search(data) for p in patterns)


# Numeric character references that decode to what `strip_illegal` removes: C0 controls but tab/LF/CR,
# NUL, surrogates, U+FFFE/U+FFFF. HTML maps &#128;–&#159; to windows-1252 (`&#146;` is ’), as browsers do.
# Only references whose number is (nearly always) illegal are matched, and the bytes the HTML parser is
# handed are scanned: 0.10 ms a page on htmldate-dev, where a str scan calling back on every reference
# (pages are full of legal ones: `&#8217;`, `&#39;`) took 0.25 ms.
_ILLEGAL_REF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}"
                          rb"|[fF]{3}[eEfF]|[2-9a-fA-F][0-9a-fA-F]{5}|1[1-9a-fA-F][0-9a-fA-F]{4}|[0-9a-fA-F]{7,})"
                          rb"(?![0-9a-fA-F])|0*([0-9]|[12][0-9]|3[01]|12[7-9]|1[3-5][0-9]|5[5-9][0-9]{3}"
                          rb"|6[0-5][0-9]{3}|[0-9]{7,})(?![0-9]));?")


def _reference(m: re.Match[bytes]) -> bytes:
    code = int(m.group(1), 16) if m.group(1) is not None else int(m.group(2))
    if code in (9, 10, 13) or 0x20 <= code < 0x7F or 0x9F < code < 0xD800 or 0xDFFF < code < 0xFFFE \
            or 0xFFFF < code <= 0x10FFFF:
        return m.group(0)                                   # legal: the HTML parser decodes it
    if 0x80 <= code <= 0x9F:                                # HTML reads these as windows-1252 (`&#146;` is ’)
        return bytes([code]).decode("cp1252", errors="ignore").encode("utf-8")
    return b""


def strip_illegal_references(html: bytes) -> bytes:
    """UTF-8 HTML without numeric references to XML-illegal characters (C0 controls, NUL, surrogates,
    U+FFFE/U+FFFF), so what the HTML parser decodes cannot bring back what `strip_illegal` took out."""
    return _ILLEGAL_REF.sub(_reference, html) if _ILLEGAL_REF.search(html) else html


# Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a headline they make a
# reader show the characters in another order than they are stored ("Trojan Source", CVE-2021-42574), so a
# title can pose as another. The marks U+200E/U+200F are ordinary right-to-left typing and stay.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """A title, author or summary as readers show it: no XML-illegal or bidi control characters, every run
    of whitespace (line breaks too) folded to one space."""
    text = strip_illegal(text)
    if _BIDI_CONTROLS.search(text):
        text = _BIDI_CONTROLS.sub("", text)
    return " ".join(text.split())


def normalise_newlines(text: str) -> str:
    """CR LF, CR, form feed and vertical tab as LF. Each replacement only where its character is: a `in`
    scan is several times cheaper than a `replace` that finds nothing (0.19 → 0.07 ms a page on the
    extraction sets, where three pages in four hold no CR)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    if "\x0b" in text:
        text = text.replace("\x0b", "\n")
    return text


def squeeze(line: str) -> str:
    """One line with runs of any space (NBSP, ideographic space, tabs) folded to one ASCII space."""
    return _SPACES.sub(" ", line).strip()


# The full-width punctuation of Chinese pages (97% of the non-NFKC characters on the 442 pages of
# ../shared/data/text, `，` alone 65%), each with its full compatibility decomposition (NFKD form).
WIDE_PUNCT = tuple((ch, unicodedata.normalize("NFKD", ch)) for ch in "，：（）？！；…－／．％｜")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, with the full-width punctuation replaced by its NFKD form first.
    NFKC composes the full decomposition (NFKD) of the text, and a character replaced by its own full
    decomposition leaves that unchanged, so the result is the same; but a Chinese line whose only
    non-NFKC characters are `，` and `：` now passes the quick check instead of being decomposed and
    recomposed whole: 0.125 → 0.025 ms a page over the 8,634 NFKC calls of `bench/speed.py --small`
    (dates engine, line keys, rule keys). ASCII is NFKC as it is."""
    return text if text.isascii() else unicodedata.normalize("NFKC", narrow_punct(text))


def narrow_punct(text: str) -> str:
    """`text` with each WIDE_PUNCT character replaced by its own NFKD form, so its NFKD and NFKC are those of
    `text`: a line whose only non-NFKC characters were these then passes NFKC's quick check (`nfkc`; done
    once for a whole page by `text.lines`)."""
    for wide, narrow in WIDE_PUNCT:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def normalise_tag(tag: str | None) -> str | None:
    """`zh_CN`, `ZH-cn`, `zh-Hans` → `zh-CN`; `en-us` → `en-US`; junk → None. Chinese is told by its script:
    `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` → zh-TW, but a script subtag wins over the region (`zh-Hans-HK`,
    simplified characters in Hong Kong → zh-CN; `zh-Hant-SG` → zh-TW)."""
    if not tag:
        return None
    parts = re.split(r"[-_]", tag.strip())
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    lang = parts[0].lower()
    rest = [p for p in parts[1:] if p.isalnum()]
    if lang == "zh":
        subtags = {p.lower() for p in rest}
        if "hans" in subtags:
            return "zh-CN"
        return "zh-TW" if subtags & {"hant", "tw", "hk", "mo"} else "zh-CN"
    region = next((p.upper() for p in rest if len(p) == 2 and p.isalpha()), None)
    return f"{lang}-{region}" if region else lang
