"""Atom 1.0 and RSS 2.0 through feedgen — the only module that imports it.

feedgen's defaults are traps, each coded around here: entries are prepended unless `order="append"`;
feed and entry `updated` default to now (so every build would differ); RSS's channel `<link>` is the
last alternate link added (so the self link goes first); naive datetimes raise. One generator per
format, because the rel="self" link must be the URL of the file it sits in.
"""
from __future__ import annotations

import html as htmlmod
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from cleanfeed.publish.items import MEDIA_TYPES, FeedItem, feed_updated
from cleanfeed.rules.project import FeedSpec
from cleanfeed.version import __version__


def _generator(spec: FeedSpec, items: Sequence[FeedItem], fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    if fmt == "rss":
        fg.load_extension("dc", atom=False, rss=True)       # dc:creator: RSS <author> must be an email
    fg.id(spec.url("atom"))
    fg.title(spec.title)
    fg.subtitle(spec.description)
    fg.link(href=spec.url(fmt), rel="self", type=MEDIA_TYPES[fmt])   # first: RSS <link> takes the last one
    fg.link(href=spec.home_url, rel="alternate", type="text/html")
    fg.author({"name": spec.author_name, **({"email": spec.author_email} if spec.author_email else {})})
    if spec.author_email:
        fg.managingEditor(f"{spec.author_email} ({spec.author_name})")
    if spec.language:
        fg.language(spec.language)
    for category in spec.categories:
        fg.category(term=category)
    fg.generator("cleanfeed", version=__version__)
    fg.updated(feed_updated(spec, items))                    # also RSS lastBuildDate; the default is now()
    for item in items:
        _entry(fg, spec, item, fmt)
    return fg


def _entry(fg: FeedGenerator, spec: FeedSpec, item: FeedItem, fmt: str) -> None:
    entry = fg.add_entry(order="append")                     # the default prepends and reverses our order
    entry.id(item.entry_id)                                  # RSS guid isPermaLink="false": a tag URI
    entry.title(item.title)
    entry.link(href=item.url or item.permalink, rel="alternate", type="text/html")   # RSS <link>; guid stays the tag
    entry.updated(item.updated)                              # the default is now()
    if item.published:
        entry.published(item.published)                      # only a date the page gave: never invented
    entry.content(item.html, type="html")                    # Atom content type="html"; RSS content:encoded
    entry.summary(htmlmod.escape(item.description, quote=False), type="html")   # plain text, escaped
    if item.author:
        entry.author(name=item.author)
    for category in item.categories:
        entry.category(term=category)
    if fmt == "rss":
        entry.dc.dc_creator(item.author or spec.author_name)


def atom_bytes(spec: FeedSpec, items: Sequence[FeedItem]) -> bytes:
    return bytes(_generator(spec, items, "atom").atom_str(pretty=True))


def rss_bytes(spec: FeedSpec, items: Sequence[FeedItem]) -> bytes:
    return bytes(_generator(spec, items, "rss").rss_str(pretty=True))


__all__ = ["atom_bytes", "rss_bytes"]
