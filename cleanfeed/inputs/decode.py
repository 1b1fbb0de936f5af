"""Bytes → text with a stated policy: BOM, declared charset, strict UTF-8, UTF-16 sniffing, detection.

GB2312 and GBK are read as GB18030 (their superset: pages labelled GB2312 routinely use GBK-only
characters). Bytes that no encoding explains are a DecodeError, never silently dropped.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from cleanfeed.errors import DecodeError
from cleanfeed.textnorm import HAN

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "euc-cn": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
              "us-ascii": "cp1252", "big5": "big5hkscs"}
_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# A <meta> that declares the charset (`<meta charset=…>` or http-equiv `content="…; charset=…"`): only inside
# a meta tag, so `charset=` in a script or a link does not count.
_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_META_SCAN = 16_384     # pages put long scripts before the meta; browsers scan further than HTML5's 1024 bytes
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CJK_OTHER = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7\x20-\x7e\t\r\n]")
_UTF16_SCAN = 4096
UTF16_CJK_USUAL = 0.95   # of the first 4096 characters; GBK read as UTF-16 gives mostly Hangul, Big5 ~half Han
UTF16_MIN_BYTES = 32     # 16 characters: two or three random units pass for Han a third of the time each
UTF16_CJK_HAN = 0.2      # Chinese text, not ASCII in UTF-16 (which _looks_utf16 finds by its NUL bytes)
_XML_DECL = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str                # bom | stray-bom | http | meta | utf-8 | utf-16-sniffed | detected | lossy | …
    replaced: int = 0       # characters that could not be decoded and were replaced (then stripped)


def canonical_encoding(name: str) -> str | None:
    """The codec we actually use for a declared name, or None when Python does not know it."""
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, _SUPERSETS.get(name.strip().lower(), codec))


def declared_charset(data: bytes, content_type: str | None = None) -> tuple[str, str] | None:
    """(encoding, where) from the HTTP header, then the XML declaration or `<meta>` in the first 16 KB."""
    if content_type:
        m = _CHARSET_PARAM.search(content_type.encode("ascii", "ignore"))
        if m and (enc := canonical_encoding(m.group(1).decode("ascii"))):
            return enc, "http"
    head = data[:_META_SCAN]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    enc = canonical_encoding(m.group(1).decode("ascii", "ignore")) if m else None
    if enc and enc not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):   # a byte-read meta cannot be UTF-16
        return enc, "meta"
    return None


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _cjk_share(text: str) -> tuple[float, float]:
    """(share of characters that Chinese text is made of — Han, CJK and full-width punctuation, ASCII
    printables and line breaks —, share of Han characters) in `text`."""
    if not text:
        return 0.0, 0.0
    han = len(HAN.findall(text))
    usual = han + len(_CJK_OTHER.findall(text))
    return usual / len(text), han / len(text)


def _looks_utf16_cjk(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for UTF-16 Chinese text without a byte-order mark. Its Han characters put no NUL
    bytes in the stream, so _looks_utf16 (which counts the NULs of ASCII) misses it and looks_binary would
    reject it. Only bytes that are not UTF-8 (or hold NULs) and have an even length are tried; the strict
    decode must come out as Chinese text (GBK or Big5 read as UTF-16 give Hangul, Yi and surrogate
    errors; binary data, control characters and unassigned code points)."""
    if len(data) < UTF16_MIN_BYTES or len(data) % 2:
        return None
    head = data[:_UTF16_SCAN]
    if b"\x00" not in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            return None                                        # valid UTF-8 so far: not UTF-16
        except UnicodeDecodeError:
            pass
    best: tuple[float, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:                                    # the head first: a pair split at its end is not an error
            usual, han = _cjk_share(codecs.getincrementaldecoder(enc)().decode(head, final=False))
        except UnicodeDecodeError:
            continue
        if usual >= UTF16_CJK_USUAL and han >= UTF16_CJK_HAN and (best is None or usual > best[0]):
            best = (usual, enc)
    text = _strict(data, best[1]) if best else None
    return (text, best[1]) if best and text is not None else None


def looks_binary(data: bytes) -> bool:
    """Many C0 controls (NUL included) in the first 8 KB: an image, archive or executable, not a page.
    Measured here: PDF, gzip, ZIP, JPEG, PNG, .mo, .ico and shared libraries have 9-90 % of such bytes; a
    text page that picked up a stray NUL (a scraper's padding) has a handful, and stays a page."""
    sample = data[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))   # C speed: no per-byte loop
    return controls / len(sample) > 0.05


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: only needed for undeclared non-UTF-8 pages

    best = from_bytes(data[:200_000]).best()
    return canonical_encoding(best.encoding) if best else None


_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_BROKEN = re.compile("\ufffd+")
MOSTLY_UTF8 = 10        # valid non-ASCII characters per broken sequence, at least


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 that is not strictly valid, read as UTF-8 all the same: a lone surrogate written as UTF-8
    (WTF-8, CESU-8: a JSON-escaped emoji half), or a few broken sequences among many good ones (a
    character cut in half). Detection would read the whole page as mac-roman or cp1252, every non-ASCII
    character turning into mojibake. cp1252 or GBK text is not this: almost none of its non-ASCII bytes
    form valid UTF-8 sequences. The surrogates and replacement characters are stripped later (counted)."""
    try:
        text = data.decode("utf-8", "surrogatepass")
        return Decoded(text, "utf-8", "utf-8-surrogates", replaced=sum(1 for c in text if "\ud800" <= c <= "\udfff"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    broken = len(_BROKEN.findall(text)) - data.count(b"\xef\xbf\xbd")   # U+FFFD the page wrote itself
    if broken <= 0 or len(_NON_ASCII.findall(text)) < MOSTLY_UTF8 * broken:
        return None
    return Decoded(text, "utf-8", "utf-8-mostly", replaced=broken)


def _by_bom(data: bytes) -> Decoded | None:
    """The text a byte-order mark announces. A UTF-16 or UTF-32 stream cut short (the last character's
    bytes incomplete: a download cut at an odd byte) keeps all but that character. A UTF-16 mark before
    bytes that are strict UTF-8 with no NUL is a stray mark (a tool that wrote the mark, then UTF-8): read
    as UTF-16, `\xff\xfe<html>` is a line of Han characters; real UTF-16 text holds NULs (ASCII, line
    breaks) or, all Han, is almost never valid UTF-8 past a few characters."""
    for bom, enc in _BOMS:
        if not data.startswith(bom):
            continue
        body = data[len(bom):]
        if enc.startswith("utf-16") and body and b"\x00" not in body and (text := _strict(body, "utf-8")) is not None:
            return Decoded(text, "utf-8", "stray-bom", replaced=1)
        if (text := _strict(body, enc)) is not None:
            return Decoded(text, enc, "bom")
        unit = 1 if enc == "utf-8" else 2 if enc.startswith("utf-16") else 4
        cut = len(body) % unit
        if cut and (text := _strict(body[:-cut], enc)) is not None:
            return Decoded(text, enc, "bom", replaced=1)
    return None


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes; raises DecodeError for binary data that no text encoding explains."""
    if by_bom := _by_bom(data):
        return by_bom
    if (utf16 := _looks_utf16(data)) and (text := _strict(data, utf16)) is not None:
        return Decoded(text, utf16, "utf-16-sniffed")
    if found := _looks_utf16_cjk(data):
        return Decoded(found[0], found[1], "utf-16-sniffed")
    if looks_binary(data):
        raise DecodeError("binary content, not a text or HTML page")
    declared = declared_charset(data, content_type)
    # Valid UTF-8 with multi-byte sequences is almost never an accident, while GB18030 and cp1252
    # decode nearly any bytes: a page that is UTF-8 but declares GB2312 (common) must stay UTF-8.
    if (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8", declared[1] if declared and declared[0] == "utf-8" else "utf-8")
    if mostly := _mostly_utf8(data):
        return mostly
    if declared and (text := _strict(data, declared[0])) is not None:
        return Decoded(text, declared[0], declared[1])
    detected = _detect(data)
    if detected and (text := _strict(data, detected)) is not None:
        return Decoded(text, detected, "detected")
    # Nothing decodes every byte: the declared or detected encoding with replacement, counted,
    # so the caller can report it (the U+FFFD are stripped before any feed sees them).
    enc = (declared[0] if declared else None) or detected or "utf-8"
    text = data.decode(enc, errors="replace")
    return Decoded(text, enc, "lossy", replaced=text.count("\ufffd"))
