"""`feeds.opml` as `cleanfeed serve` hands it out: every feed URL on the address the reader used.

The built OPML lists each feed at its `self_url` (where public/ will be published, say
https://feeds.example.org/), which is right for a static host and dead for a reader that imports the
OPML from a local `cleanfeed serve`. So the server rewrites each outline whose feed file it serves to
`http://<Host>/<file>`: the Host header the reader sent, checked to be a plain host[:port] (it goes into
XML), else the server's own address.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                   r"|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


def base_url(host_header: str | None, fallback: str) -> str:
    """`http://<Host>/` when the header is a plain host[:port] (a name, IPv4 or [IPv6]), else `fallback`."""
    host = (host_header or "").strip()
    return f"http://{host}/" if _HOST.fullmatch(host) else fallback


def localise(body: bytes, base: str, served: Callable[[str], bool]) -> bytes:
    """The OPML with `xmlUrl` of every outline whose file `served(name)` says we serve moved to `base`, and
    its `htmlUrl` to our index page; anything that does not parse is handed out as it is."""
    import xml.etree.ElementTree as ET  # on the first request of the OPML, not on the start path of `serve`

    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return body
    changed = False
    for outline in root.iter("outline"):
        name = urlsplit(outline.get("xmlUrl", "")).path.rsplit("/", 1)[-1]
        if name and served(name):
            outline.set("xmlUrl", base + name)
            outline.set("htmlUrl", base)
            changed = True
    if not changed:
        return body
    tree: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tree + b"\n"


__all__ = ["base_url", "localise"]
