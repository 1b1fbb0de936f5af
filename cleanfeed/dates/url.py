"""The URL strategy: a day in the page's address (`/2021/01/17/`, `20210117`), from the caller or from
the canonical link / og:url the page states for itself."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from cleanfeed.dates.clues import LOOSE, PUBLISHED, URL, Clue
from cleanfeed.dates.layout import Tags
from cleanfeed.dates.patterns import Mention, Reading

_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)"
                       r"|(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"
                       r"|(?<![\d.])(0?[1-9]|[12]\d|3[01])([_-])(0?[1-9]|1[0-2])\9((?:19|20)\d{2})(?!\d)")
# Chinese portals' folders: `/2019/0302/`, `/201903/02/`, `/2019-03/02/`, and `/19/0302/` (two-digit year).
_FOLDER_DATE = re.compile(r"/((?:19|20)?\d{2})[/-]?(0[1-9]|1[0-2])/?(0[1-9]|[12]\d|3[01])/")


def page_url(tags: Tags) -> str | None:
    """The URL the page states for itself (canonical link, og:url)."""
    for el in tags.links + tags.metas:
        if (el.get("rel") or "").lower() == "canonical" or el.get("property") == "og:url":
            url = (el.get("href") or el.get("content") or "").strip()
            if url:     # an address encoded whole (`https://host%2Farticles%2F2025-12-15%2BRust`) is still one
                return unquote(url) if "%2f" in url.lower() else url
    return None


def url_clues(url: str | None) -> list[Clue]:
    """`/2021/01/17/`, `/2021-01-17/`, `20210117`, `29-10-2021` in the URL's path: a day, no clock."""
    if not url:
        return []
    path = urlsplit(url).path if "://" in url else url
    m = _URL_DATE.search(path)
    if not m:
        return _folder_clues(url, path)
    if m.group(1):
        y, mo, d = m.group(1), m.group(3), m.group(4)
    elif m.group(5):
        y, mo, d = m.group(5), m.group(6), m.group(7)
    else:                                   # /meldungen/29-10-2021: day first, the only reading with a year last
        y, mo, d = m.group(11), m.group(10), m.group(8)
    mention = Mention(m.start(), m.end(), m.group(0), (Reading(int(y), int(mo), int(d)),))
    return [Clue(mention, "url", PUBLISHED, URL, 0, 0, url)]


def _folder_clues(url: str, path: str) -> list[Clue]:
    """`/news/2019/0302/8812.html`, `/19/0302/10/ABC.html`: the year, then month and day as one folder (or
    year and month as one). A two-digit year counts only as a whole folder before `MMDD`."""
    m = _FOLDER_DATE.search(path)
    if not m or len(m.group(1)) == 2 and path[m.start(1) + 2] != "/":
        return []
    year = int(m.group(1))
    if year < 100:                          # `/98/0302/` is 1998 (news sites date from the 1990s), `/19/0302/` 2019
        year += 1900 if year >= 90 else 2000
    mention = Mention(m.start(), m.end(), m.group(0), (Reading(year, int(m.group(2)), int(m.group(3))),))
    return [Clue(mention, "url", PUBLISHED, URL, 0, 0, url)]


_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")


def image_clues(tags: Tags) -> list[Clue]:
    """A day in the path of the page's lead image (`/files/2016/05/04/cover.png`): uploaded when the
    article was written, a hint of last resort for pages that print no date at all."""
    for el in tags.metas:
        if (el.get("property") or el.get("name") or "").lower() in _IMAGE_KEYS:
            url = (el.get("content") or "").strip()
            path = urlsplit(url).path if "://" in url else url
            m = _URL_DATE.search(path)
            if m and m.group(1):            # only /YYYY/MM/DD/: a bare 8-digit run in a file name is an id
                found = url_clues(path)
                return [Clue(c.mention, "image-url", PUBLISHED, LOOSE, 9, 0, url) for c in found]
    return []
