"""Bytes → text with a stated policy: BOM, declared charset, strict UTF-8, UTF-16 sniffing, detection.

GB2312 and GBK are read as GB18030 (their superset: pages labelled GB2312 routinely use GBK-only
characters). Bytes that no encoding explains are a DecodeError, never silently dropped.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import DecodeError

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
_XML_DECL = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str                # bom | http | meta | utf-8 | utf-16-sniffed | detected
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
    if m and (enc := canonical_encoding(m.group(1).decode("ascii", "ignore"))):
        if enc not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):   # a byte-read meta cannot be UTF-16
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


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 controls in the first 8 KB: an image, archive or executable, not a page."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
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


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes; raises DecodeError for binary data that no text encoding explains."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], enc)
            if text is not None:
                return Decoded(text, enc, "bom")
    if (utf16 := _looks_utf16(data)) and (text := _strict(data, utf16)) is not None:
        return Decoded(text, utf16, "utf-16-sniffed")
    if looks_binary(data):
        raise DecodeError("binary content, not a text or HTML page")
    declared = declared_charset(data, content_type)
    # Valid UTF-8 with multi-byte sequences is almost never an accident, while GB18030 and cp1252
    # decode nearly any bytes: a page that is UTF-8 but declares GB2312 (common) must stay UTF-8.
    if (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8", declared[1] if declared and declared[0] == "utf-8" else "utf-8")
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
