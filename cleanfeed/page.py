"""The records of a page as it arrives, before any cleaning: `Page` and what a feed item said about it
(`ItemHints`). Readers, the crawler and `cleanfeed check` need only these, so they live apart from the
cleaner's records in `model` (which re-exports them): defining `model`'s seven other dataclasses costs
3-4 ms of every start (issue #23). Both are NamedTuples (a changed copy is `page._replace(url=…)`), so
reading pages does not load `dataclasses` either (~7 ms with inspect and ast)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

MAX_BYTES = 32 * 1024 * 1024     # a scraped article page is KBs; 32 MB is a dump or a mistake
PAGE_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "text/plain"})   # media types the cleaner reads


class ItemHints(NamedTuple):
    """What a feed item said about the page it links to. Hints only: the page's own title, date and
    author win, these fill what the page lacks; a feed item's description (a teaser) never is the body."""

    title: str | None = None
    published: datetime | None = None       # aware, in the feed's own offset
    author: str | None = None
    categories: tuple[str, ...] = ()
    feed: str | None = None                 # the feed's URL

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "published": self.published.isoformat() if self.published else None,
                "author": self.author, "categories": list(self.categories), "feed": self.feed}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemHints:
        published = datetime.fromisoformat(data["published"]) if data.get("published") else None
        return cls(title=data.get("title"), published=published, author=data.get("author"),
                   categories=tuple(data.get("categories") or ()), feed=data.get("feed"))


class Page(NamedTuple):
    """One scraped page as it arrived: bytes or text, plus what its record says about it. An article
    split over several pages arrives as its first page with the later ones in `parts`, in order."""

    body: bytes | str
    url: str | None = None
    fetched_at: datetime | None = None      # aware; None when nothing says when it was fetched
    content_type: str | None = None         # HTTP Content-Type when known (carries the charset)
    source: str | None = None               # where it was read from (path, WARC record): for messages only
    timezone: str | None = None             # IANA zone from the page's record (sidecar), if any
    hints: ItemHints | None = None          # what the feed that linked the page said about it
    parts: tuple[Page, ...] = ()            # page 2, 3, … of the same article (the crawler follows them)
