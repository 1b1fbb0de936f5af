"""Character-level hygiene shared by every reader: what may never reach a feed."""
from __future__ import annotations

import re
import unicodedata

# XML 1.0 forbids C0 controls except tab/LF/CR, and U+FFFE/U+FFFF; C1 controls and the
# zero-width family are legal but the W3C validator warns on them (feed_lint.py's BAD_CHARS).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\ud800-\udfff"
                      "\ufeff\ufffe\uffff\ufffd]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def strip_illegal(text: str) -> str:
    """`text` without characters that are illegal in XML or that validators flag (U+FFFD included)."""
    # One search first: almost every page is clean, and a scan without building a new string is
    # several times cheaper than `sub` on a 1 MB page (the HTML pipeline profiled 2 ms here).
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x0b", "\n")


def squeeze(line: str) -> str:
    """One line with runs of any space (NBSP, ideographic space, tabs) folded to one ASCII space."""
    return _SPACES.sub(" ", line).strip()


def nfkc_light(text: str) -> str:
    """Full-width ASCII digits/letters/punctuation to half-width, for matching only (never for output)."""
    return unicodedata.normalize("NFKC", text)
