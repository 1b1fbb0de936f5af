"""JSON-LD script text → data, parsed once per page: the metadata reader (html/metadata.py) and the
dates engine (dates/html.py) both read a page's JSON-LD, and some sites ship hundreds of KB of it."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=16)
def parse_jsonld(text: str) -> Any:
    """The data of one `<script type="application/ld+json">` (shared between callers: read, never change
    it); None when the text is not JSON (or nests too deep to read)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


__all__ = ["parse_jsonld"]
