"""The page's own time zones, from the country or language it declares: where a UTC timestamp in its metadata
falls on the day it prints (`article:published_time` 2022-06-14T14:30:00Z on a `lang="en-AU"` page printing
`15 June 2022`: 00:30 in Sydney). Read only for a winner stamped in UTC (engine.find_dates)."""
from __future__ import annotations

from datetime import tzinfo
from functools import lru_cache
from itertools import takewhile
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cleanfeed.dates.vocab import vocab

_DECLARING_METAS = ("og:locale", "content-language")


def declared_tags(doc: Any) -> list[str]:
    """The language tags the page declares: `<html lang>`, `xml:lang`, og:locale and content-language in the
    head (`en-AU`, `en_AU`), as printed."""
    tags = [doc.get("lang"), doc.get("xml:lang")]
    head = doc.find("head")
    if head is not None:
        tags += [el.get("content") for el in head.iterchildren("meta")
                 if (el.get("property") or el.get("http-equiv") or "").lower() in _DECLARING_METAS]
    return [t.strip() for t in tags if t and t.strip()]


def country_of(tag: str) -> str | None:
    """`en-AU` → AU, `zh-Hant-TW` → TW, `ja` → JP (a language spoken in one country or offset), `en` → None.
    The region comes before any singleton (BCP 47: `-u-`, `-x-` open extensions and private use), so the
    calendar of `de-u-ca-gregory` is not Canada."""
    parts = tag.replace("_", "-").split("-")
    region = next((p.upper() for p in takewhile(lambda p: len(p) != 1, parts[1:]) if len(p) == 2 and p.isalpha()),
                  None)
    return region or vocab().language_countries.get(parts[0].lower())


def page_zones(doc: Any) -> tuple[tzinfo, ...]:
    """The zones of the first country the page's declared tags name (`declared_tags`), else none."""
    for tag in declared_tags(doc):
        country = country_of(tag)
        if country is not None and country in vocab().country_zones:
            return _zones(country)
    return ()


@lru_cache(maxsize=64)
def _zones(country: str) -> tuple[tzinfo, ...]:
    out: list[tzinfo] = []
    for name in vocab().country_zones[country]:
        try:
            out.append(ZoneInfo(name))
        except ZoneInfoNotFoundError:        # a system without that zone's data: the others still count
            continue
    return tuple(out)


__all__ = ["country_of", "declared_tags", "page_zones"]
