"""A feed reader's exported subscriptions (OPML 1.0 / 2.0) → site rules whose crawl starts are those feeds.

Every `<outline xmlUrl=…>` at any depth is a subscription (the folders around it are its categories).
Feeds of one site (by the host of `htmlUrl`, else of the feed) become one rule, named after that host,
so a second import of the same file finds the rules it wrote. Pure: `cleanfeed add-feeds` writes them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cleanfeed.errors import ConfigError
from cleanfeed.urlnorm import clean_url, host_of, is_http_url

MAX_OPML_BYTES = 16 * 2**20       # a reader's export of thousands of feeds is a few MB


@dataclass(frozen=True)
class Subscription:
    feed: str                       # the feed URL (clean, absolute http(s))
    title: str | None = None
    site: str | None = None         # the site's home page (`htmlUrl`), when the export names it
    folders: tuple[str, ...] = ()   # the outlines it sits in ("Metals", "Chinese")


@dataclass(frozen=True)
class NewSite:
    """One site rule to write: a site's feeds."""

    name: str
    host: str
    feeds: tuple[str, ...]
    title: str | None = None
    folders: tuple[str, ...] = ()


def read_opml(data: bytes, source: str) -> tuple[list[Subscription], list[str]]:
    """(subscriptions in file order, one message per outline that was left out). ConfigError when the
    file is not OPML at all."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise ConfigError(f"larger than {MAX_OPML_BYTES:,} bytes: not a subscription list", source=source)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"not well-formed XML: {exc}", source=source) from None
    if root is None or etree.QName(root).localname.lower() != "opml" or root.find("body") is None:
        raise ConfigError("not an OPML file (no <opml> with a <body>)", source=source)
    subs: list[Subscription] = []
    skipped: list[str] = []
    for outline in root.find("body").iter("outline"):
        feed = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not feed:
            continue                                   # a folder
        title = _one_line(outline.get("title") or outline.get("text"))
        if not is_http_url(feed):
            skipped.append(f"{title or feed!r}: feed URL {feed[:200]!r} is not an absolute http(s) URL")
            continue
        site = (outline.get("htmlUrl") or outline.get("htmlurl") or "").strip()
        folders = [t for o in outline.iterancestors("outline") if (t := _one_line(o.get("title") or o.get("text")))]
        subs.append(Subscription(clean_url(feed), title, clean_url(site) if is_http_url(site) else None,
                                 tuple(reversed(folders))))
    if not subs and not skipped:
        raise ConfigError("no subscriptions in it (no <outline> with an xmlUrl)", source=source)
    return subs, skipped


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def new_sites(subs: Iterable[Subscription]) -> list[NewSite]:
    """One site per host (of the home page, else of the feed), feeds in file order, without repeats."""
    by_host: dict[str, list[Subscription]] = {}
    for sub in subs:
        by_host.setdefault(host_of(sub.site or sub.feed), []).append(sub)
    return [NewSite(name=rule_name(host), host=host, feeds=tuple(dict.fromkeys(s.feed for s in group)),
                    title=next((s.title for s in group if s.title), None),
                    folders=tuple(dict.fromkeys(f for s in group for f in s.folders)))
            for host, group in by_host.items()]


def rule_name(host: str) -> str:
    """A file name for the host's rule: `news.example.cn` (characters a file name should not hold → `-`)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", host).strip(".-") or "site"


def rule_text(site: NewSite, source: str) -> str:
    """The TOML of a new site rule: its host and its feeds as crawl starts."""
    starts = ",\n              ".join(json.dumps(f) for f in site.feeds)
    title = f"{site.title} — " if site.title else ""
    folders = f" (folder: {' / '.join(site.folders)})" if site.folders else ""
    return (f"# {title}from the subscriptions in {source}{folders} (cleanfeed add-feeds)\n"
            f"hosts = [{json.dumps(site.host)}]\n"
            f"# timezone = \"Asia/Shanghai\"   # the clock of times the site prints without an offset\n\n"
            f"[crawl]\n"
            f"start_urls = [{starts}]   # feeds: each item links an article page\n"
            f"# delay = 1.0               # seconds between requests to the site (robots.txt may ask more)\n"
            f"# max_pages = 50            # page fetches per run\n")


__all__ = ["MAX_OPML_BYTES", "NewSite", "Subscription", "new_sites", "read_opml", "rule_name", "rule_text"]
