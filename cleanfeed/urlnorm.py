"""URL normalisation for the crawler: one spelling per page, so "already stored?" has one answer.

`clean_url` keeps what the server needs (scheme, path, real query) and drops what only names the same
page twice: the fragment, tracking parameters, default ports, the case of scheme and host.
`page_key` also forgets http vs https: sites serve both, and a page seen under one is the same article
(the store's URL key makes the same choice).
Pure functions, no I/O.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

# Parameters that track the click, never choose the page (analytics, ad and mail campaigns, share widgets).
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|"
    r"mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|spm)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:", "ftp:", "sms:", "whatsapp:")
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.I)


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host; False for anything urllib cannot even split (`http://[::1/a`)."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False


def _port(parts_netloc: str, scheme: str) -> tuple[str, int | None]:
    """(host, port or None when default). A bad port is a ValueError from urllib, left to the caller."""
    parts = urlsplit(f"{scheme}://{parts_netloc}")
    host = (parts.hostname or "").rstrip(".")
    port = parts.port
    return host, None if port == _DEFAULT_PORTS.get(scheme) else port


def clean_url(url: str) -> str:
    """`url` without fragment, tracking parameters, default port or case differences in scheme/host.

    >>> clean_url("HTTP://Example.com:80/a/../b?utm_source=x&id=3#top")
    'http://example.com/b?id=3'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host, port = _port(parts.netloc.rpartition("@")[2], scheme)
    host = f"[{host}]" if ":" in host else host                    # IPv6 literals keep their brackets
    netloc = host.lower() + (f":{port}" if port else "")
    path = _ESCAPE.sub(lambda m: m.group(0).upper(), quote(parts.path, safe=_SAFE_PATH)) or "/"
    path = urljoin("/", path) if "/." in path else path           # resolve ./ and ../ segments
    # Kept as written (not re-encoded): `?12345` and `a=b+c` mean what the server says they mean.
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
    return urlunsplit((scheme, netloc, path, query, ""))


def page_key(url: str) -> str:
    """The clean URL without its scheme: `http://` and `https://` spellings name one page (sites serve both)."""
    return clean_url(url).split("://", 1)[1]


def resolve_link(href: str | None, base: str) -> str | None:
    """An absolute, clean http(s) URL for a link's href, or None for links that lead to no page
    (`javascript:`, `mailto:`, a bare `#fragment`, empty, or another scheme)."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        absolute = urljoin(base, href)
        return clean_url(absolute) if is_http_url(absolute) else None
    except ValueError:           # a bad port or an unbalanced IPv6 bracket: not a link we can follow
        return None


def host_of(url: str) -> str:
    """The lower-case host name, without `www.` and port: the unit of politeness and of allowed_hosts."""
    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


__all__ = ["clean_url", "page_key", "resolve_link", "host_of", "is_http_url"]
