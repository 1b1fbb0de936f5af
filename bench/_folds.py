"""Site-disjoint folds for the HTML date sets: every page of a set gets one of K folds by the registrable
domain of its URL, so no site sits in two folds. A rule developed on four folds and scored on the fifth
(rotated) shows whether it holds on sites nobody looked at; a gain on the folds it came from only is
overfitting.

wcxb-dev-en takes the team's shared assignment (`--folds FILE`, the {set: {id: fold}} file the extraction
analysis wrote, computed jointly over the English extraction sets); a set that file does not cover
(htmldate-dev) is assigned here the same way: domains sorted by pages (then by a stable hash), each put in
the fold with the fewest pages so far. Registrable domain: `tld.get_fld` (the Public Suffix List) when the
`tld` package is installed (`pip install -e .[bench]`), else the last two labels, three under a two-letter
country code's second level (`bbc.co.uk`, `abc.net.au`).

Bench scripts import this module directly (their folder is sys.path[0]).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

K = 5
_SECOND_LEVEL = {"co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "gv", "asn", "id"}


def registrable_domain(url: str) -> str | None:
    """`https://www.bbc.co.uk/news/x` → `bbc.co.uk`; None for an address without a host."""
    try:
        from tld import get_fld

        found = get_fld(url, fail_silently=True)
        if found:
            return str(found).lower()
    except ImportError:
        pass
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2:
        return host or None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _stable(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def assign(urls: Mapping[str, str | None], k: int = K) -> dict[str, int]:
    """{page id: fold} for pages with these URLs, site-disjoint and balanced (greedy, deterministic)."""
    domain = {pid: registrable_domain(url) if url else None for pid, url in urls.items()}
    domain = {pid: d or f"nourl:{pid}" for pid, d in domain.items()}
    pages = Counter(domain.values())
    load = [0] * k
    fold_of: dict[str, int] = {}
    for d in sorted(pages, key=lambda d: (-pages[d], _stable(d))):
        best = min(range(k), key=lambda f: (load[f], f))
        fold_of[d] = best
        load[best] += pages[d]
    return {pid: fold_of[d] for pid, d in domain.items()}


def folds_for(name: str, truth: Mapping[str, Mapping[str, object]], shared: Path | None) -> dict[str, int]:
    """The folds of set `name` (ground truth `truth`): from the shared file when it covers the set, else by
    the domains of the ground truth's URLs."""
    if shared is not None and shared.is_file():
        known = json.loads(shared.read_text("utf-8"))
        if name in known:
            return {pid: int(f) for pid, f in known[name].items()}
    return assign({pid: str(v.get("url") or "") or None for pid, v in truth.items()})
