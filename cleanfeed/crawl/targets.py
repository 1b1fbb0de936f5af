"""Which URLs the crawler may fetch: http(s) only, and no private, loopback, link-local, multicast or
reserved address unless it is an address of the site rule's own host.

Why: a listing page, a sitemap or a redirect can point anywhere. `Location: http://169.254.169.254/…`
(a cloud's metadata service), `http://10.0.0.1/admin` or `http://localhost:8080/` would have the crawler
fetch from inside the network it runs in, and archive the answer. A site on an intranet (or the tests'
site on 127.0.0.1) is still crawlable: the addresses its own host names resolve to are trusted.

The check resolves the name before the request (the connection resolves it again: a name that changes
its answer in between, DNS rebinding, is not caught here).
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]


def resolve(host: str) -> list[str]:
    """The addresses `host` resolves to (the system resolver), [] when it does not resolve."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except (OSError, UnicodeError):
        return []


def literal(host: str) -> Address | None:
    """The address when `host` is an IP literal (`127.0.0.1`, `[::1]`), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_public(address: Address) -> bool:
    """A globally routable unicast address (an IPv4-mapped IPv6 address is judged as its IPv4 one)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def addresses(host: str, resolver: Resolver | None) -> list[Address]:
    """The host's addresses: the literal, else what `resolver` says (none without a resolver)."""
    if (found := literal(host)) is not None:
        return [found]
    out = []
    for text in (resolver(host) if resolver else []):
        if (address := literal(text.split("%", 1)[0])) is not None:    # fe80::1%eth0: drop the zone
            out.append(address)
    return out


def refusal(url: str, trusted: Iterable[Address], resolver: Resolver | None) -> str | None:
    """Why `url` may not be fetched, or None when it may."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "not a URL"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"not an http(s) URL ({parts.scheme or 'no'} scheme)"
    allowed = set(trusted)
    for address in addresses(host, resolver):
        if not is_public(address) and address not in allowed:
            return (f"{host} is a private, loopback or link-local address ({address}); only the site rule's "
                    "own hosts may be such")
    return None


__all__ = ["Address", "Resolver", "addresses", "is_public", "literal", "refusal", "resolve"]
