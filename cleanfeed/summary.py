"""A short plain-text summary: the page's own description when it has one, else the opening sentences."""
from __future__ import annotations

import re
from typing import Sequence

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"”’)）]?\s*")


def summarise(paragraphs: Sequence[str], description: str | None = None, limit: int = 280) -> str:
    """At most `limit` characters, ending at a sentence boundary when one is near."""
    if description and len(description.strip()) >= 40:
        return _cut(description.strip(), limit)
    text = " ".join(p for p in paragraphs[:3])
    return _cut(text, limit)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= limit // 2:
        return head[: ends[-1]].rstrip()
    cut = head.rsplit(" ", 1)[0] if " " in head[limit // 2:] else head
    return cut.rstrip(" ,;:，、；：") + "…"
