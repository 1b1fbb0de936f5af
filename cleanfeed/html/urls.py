"""Links and image sources of the article made absolute against the page's base URL: only http(s) and
mailto links survive (never `javascript:` or a `data:` blob), a lazy-loaded image gives its real source, and
a page's repeated links are joined once."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html

LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-actualsrc",
            "data-original-src", "data-echo", "data-hi-res-src", "original", "file", "src")


def absolute(url: str | None, base: str | None) -> str | None:
    """`url` made absolute against `base`; None when that cannot give an http(s) or mailto URL."""
    if not url:
        return None
    url = url.strip()
    if url.startswith(("data:image/", "https://", "http://")):
        return url                        # most links are: urljoin is the costliest step of a link
    if url[:11].lower().startswith(("data:", "javascript:", "vbscript:")):
        return None                       # never http(s) or mailto, and not worth remembering (a data: URL is MBs)
    return _joined(url, base) if len(url) <= MAX_REMEMBERED else _join(url, base)


MAX_REMEMBERED = 2000                     # characters: a longer link is joined, not kept in the cache


@lru_cache(maxsize=4096)
def _joined(url: str, base: str | None) -> str | None:
    """`absolute` of a relative link, remembered: urljoin is ~20 µs, and a page repeats its links."""
    return _join(url, base)


def _join(url: str, base: str | None) -> str | None:
    try:
        joined = urljoin(base, url) if base else url
        scheme = urlsplit(joined).scheme
    except ValueError:
        return None
    return joined if scheme in ("http", "https", "mailto") else None


def image_src(img: lxml.html.HtmlElement, base: str | None) -> str | None:
    """The real image of a lazy-loaded `<img>` (data-src & co. beat a placeholder src)."""
    for attr in LAZY_SRC:
        value = img.get(attr)
        if value and not value.startswith("data:image/gif") and "blank." not in value and "placeholder" not in value:
            return absolute(value, base)
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        return absolute(srcset.split(",")[0].split()[0] if srcset.split() else None, base)
    return None
