"""Who an article is: the alias keys that recognise it again (URL, exact raw page, opening text) and the id
that never changes (from the canonical URL when one is known, else from the opening-text fingerprint).

Pure functions: the store (store.py) keeps the keys as aliases of each row's id.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cleanfeed.model import Article, Page

FINGERPRINT_CHARS = 200      # word characters of the opening body text: ~35 English words, a Chinese lead sentence
MIN_FINGERPRINT_CHARS = 40   # below this, two different short items could share an opening: use the raw page

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|spm)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def canonical_url(url: str) -> str | None:
    """`url` without what does not name the article: fragment, default port, tracking parameters."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower() + (f":{port}" if port and port not in (80, 443) else "")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def url_key(url: str | None) -> str | None:
    """The alias key of a URL; http and https name the same article (sites move to https)."""
    canon = canonical_url(url) if url else None
    return "url:" + canon.split("://", 1)[1] if canon else None


def fingerprint(text: str) -> str | None:
    """The opening body text folded to its word characters (survives re-wrapping, spacing and case);
    None when the text is too short to tell two articles apart."""
    folded = _folded_opening(text)
    if len(folded) < MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.sha256(folded[:FINGERPRINT_CHARS].encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _fold(text: str) -> str:
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _folded_opening(text: str, start: int = 4 * FINGERPRINT_CHARS) -> str:
    """The first FINGERPRINT_CHARS word characters of the folded text, folding only as much of it as that
    takes (a 12,000-character body: 0.6 → 0.05 ms). The cut is at a space, where NFKC and case folding
    never reach across, so the result is what folding the whole text gives."""
    end = start
    while end < len(text):
        cut = text.rfind(" ", 0, end)
        if cut <= 0:
            break
        folded = _fold(text[:cut])
        if len(folded) >= FINGERPRINT_CHARS:
            return folded
        end *= 4
    return _fold(text)


def short_sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data).hexdigest()[:32]


def identity_keys(page: Page, article: Article) -> list[str]:
    """Alias keys of a page, strongest first: its URLs, the exact raw page, the opening-text fingerprint."""
    keys = [k for k in (url_key(article.url), url_key(page.url)) if k]
    keys.append("raw:" + short_sha(page.body))
    fp = fingerprint(article.text)
    if fp:
        keys.append("fp:" + fp)
    return list(dict.fromkeys(keys))


def new_id(keys: Sequence[str]) -> str:
    """`u…` from the URL when known, else `t…` from the opening text (the raw page for very short texts)."""
    first = keys[0]
    return ("u" if first.startswith("url:") else "t") + short_sha(first if first.startswith("url:") else keys[-1])[:16]


__all__ = ["FINGERPRINT_CHARS", "MIN_FINGERPRINT_CHARS", "canonical_url", "fingerprint", "identity_keys", "new_id",
           "short_sha", "url_key"]
