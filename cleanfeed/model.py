"""The frozen records that flow one way through cleanfeed: Page → Article (→ store → feed). `Page` and
`ItemHints` are defined in `cleanfeed.page` (what the readers need, without the cleaner's records) and
re-exported here."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from cleanfeed.page import MAX_BYTES as MAX_BYTES
from cleanfeed.page import PAGE_TYPES as PAGE_TYPES
from cleanfeed.page import ItemHints as ItemHints
from cleanfeed.page import Page as Page


@dataclass(frozen=True)
class FoundDate:
    """A date with its provenance, so tests and --explain can say why."""

    value: datetime   # always time-zone aware: feedgen raises on naive datetimes
    source: str       # which strategy found it (`header`, `dateline:inferred`, `meta:article:published_time`, …)

    def __post_init__(self) -> None:
        if self.value.tzinfo is None or self.value.utcoffset() is None:
            raise ValueError(f"FoundDate needs an aware datetime, got {self.value!r}")


@dataclass(frozen=True)
class DateCandidate:
    """A date the engine considered; `reason` says why it won or lost."""

    value: datetime
    source: str
    text: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value.isoformat(), "source": self.source, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Removed:
    """A block the cleaner dropped, the rule that dropped it and that rule's class (`rules.classes`:
    notice, comments, widgets, …), which the pipeline fills in."""

    text: str
    rule: str
    rule_class: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {"text": self.text, "rule": self.rule}
        if self.rule_class:
            out["class"] = self.rule_class
        return out


@dataclass(frozen=True)
class Article:
    """The clean result of one page. `text` holds paragraphs separated by one blank line."""

    title: str
    text: str
    html: str
    language: str
    url: str | None = None
    author: str | None = None
    published: FoundDate | None = None
    updated: FoundDate | None = None
    summary: str = ""
    fetched_at: datetime | None = None
    site: str | None = None                 # name of the site rule that applied, if any
    image: str | None = None                # lead image URL (HTML pages)
    categories: tuple[str, ...] = ()        # the feed item's categories (feeds as crawl starts)
    removed: tuple[Removed, ...] = ()
    date_candidates: tuple[DateCandidate, ...] = field(default=(), compare=False)
    page_type: str = "article"              # or listing, forum, product, documentation, service, other

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON contract of `cleanfeed clean` (DESIGN.md); `explain` adds removed blocks and date candidates."""
        out: dict[str, Any] = {
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published.value.isoformat() if self.published else None,
            "published_source": self.published.source if self.published else None,
            "updated": self.updated.value.isoformat() if self.updated else None,
            "updated_source": self.updated.source if self.updated else None,
            "language": self.language,
            "text": self.text,
            "html": self.html,
            "summary": self.summary,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "site": self.site,
            "page_type": self.page_type,
        }
        if self.image:
            out["image"] = self.image
        if self.categories:
            out["categories"] = list(self.categories)
        if explain:
            out["removed"] = [r.to_dict() for r in self.removed]
            out["date_candidates"] = [c.to_dict() for c in self.date_candidates]
        return out


# The elements the metadata reader and the dates engine look up by tag (html/metadata.py, dates/layout.tags_of).
PAGE_TAGS = ("meta", "script", "link", "time", "h1", "h2", "h3", "title", "abbr", "footer", "article")


@dataclass(frozen=True)
class Elements:
    """An lxml page's elements of some tags, in document order, from one walk (`elements_of`). lxml's
    `iter(tag)` looks ahead to the page's end for its next match, so each tag asked for walked the whole page:
    the metadata reader asked five times, the dates engine once more (0.13 ms a walk on bench/speed.py's
    sample, 0.03 ms on its small pages); one walk for all of them costs about one."""

    tags: frozenset[str]
    found: tuple[Any, ...]
    by_tag: dict[str, list[Any]]

    def covers(self, tags: tuple[str, ...]) -> bool:
        return self.tags.issuperset(tags)


def elements_of(doc: Any, tags: tuple[str, ...] = PAGE_TAGS) -> Elements:
    found = tuple(doc.iter(*tags))
    by_tag: dict[str, list[Any]] = {tag: [] for tag in tags}
    for el in found:
        by_tag[el.tag].append(el)
    return Elements(frozenset(tags), found, by_tag)


def inside(el: Any, ancestor: Any) -> bool:
    """`el` is inside `ancestor` (a strict descendant): the tree relation html/score, rootagree, pitch and ftr
    ask (an ancestor box may have been dropped before, so the walk is the test)."""
    return any(a is ancestor for a in el.iterancestors())


@dataclass(frozen=True)
class Draft:
    """A cleaned page before dates and language are settled."""

    title: str | None
    paragraphs: tuple[str, ...]          # the article body as plain-text blocks, in order
    author: str | None = None
    html: str | None = None              # sanitized body HTML; None → built from `paragraphs`
    header_lines: tuple[str, ...] = ()   # metadata lines near the headline ("Release Time: …", "发布时间：…")
    ruled_date: str | None = None        # the date text a site rule selected (also the first header line)
    removed: tuple[Removed, ...] = ()
    language: str | None = None          # as the page declares it (`<html lang>`), if it does
    url: str | None = None               # canonical URL the page states, if any
    image: str | None = None             # lead image (absolute URL)
    description: str | None = None       # the page's own summary (meta description)
    page_type: str = "article"           # what the page says it is (html/pagetype.py); a text dump: text/dumptype.py
    doc: Any = None                      # HTML only: the *uncleaned* lxml document, for the dates engine
    elements: Elements | None = None     # HTML only: `doc`'s PAGE_TAGS elements, walked once by the extractor


@dataclass(frozen=True)
class Cleaned:
    """A page cleaned elsewhere (a `clean-corpus` shard record), on its way into the store: untrusted, so
    it passes the store's gate like any page. `page.body` is the raw page when `raw_kept`, else the
    article's text (it then only serves as the page's identity: `reclean` has nothing to clean again)."""

    page: Page
    article: Article
    raw_kept: bool


@dataclass(frozen=True)
class DateContext:
    """What the dates engine needs besides the page: when it was fetched and which zone its clocks use."""

    fetched_at: datetime | None   # aware; None → year-less and relative dates cannot be resolved
    tz: tzinfo                    # for wall-clock times printed without an offset
    language: str                 # BCP 47 of the page: decides 03/04 day-first vs month-first
    url: str | None = None


# ----------------------------------------------------------------------------- Article ↔ JSON (store, shards)

def article_to_json(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in vars(article).items():
        if name in ("removed", "date_candidates"):       # --explain material, not feed content
            continue
        if name == "categories" and not value:          # absent before feeds gave them: stored hashes stay
            continue
        if isinstance(value, FoundDate):
            value = {"value": value.value.isoformat(), "source": value.source}
        elif isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def article_from_json(data: dict[str, Any]) -> Article:
    known = set(Article.__dataclass_fields__) - {"removed", "date_candidates"}
    kw = {k: v for k, v in data.items() if k in known}
    for name in ("published", "updated"):
        if kw.get(name):
            kw[name] = FoundDate(datetime.fromisoformat(kw[name]["value"]), kw[name]["source"])
    if kw.get("fetched_at"):
        kw["fetched_at"] = datetime.fromisoformat(kw["fetched_at"])
    fixed: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in kw.items()}
    return Article(**fixed)
