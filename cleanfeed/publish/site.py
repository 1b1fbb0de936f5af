"""`index.html` (the latest items, with feed autodiscovery links) and `feeds.opml` (every feed, to import
into a reader). Links between the published files are relative, so the folder works from any host."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from lxml import etree

from cleanfeed.publish.items import MEDIA_TYPES, FeedItem
from cleanfeed.rules.project import FeedSpec

FORMAT_NAMES = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
Selection = Sequence[tuple[FeedSpec, Sequence[FeedItem]]]


def _date(item: FeedItem) -> str:
    if item.published:
        return f'<time datetime="{item.published.isoformat()}">{item.published.date().isoformat()}</time>'
    return f'<time datetime="{item.first_seen.isoformat()}">first seen {item.first_seen.date().isoformat()}</time>'


def _section(spec: FeedSpec, items: Sequence[FeedItem]) -> str:
    lang = f' lang="{escape(spec.language)}"' if spec.language else ""
    links = " · ".join(f'<a href="{escape(spec.filename(f))}" type="{MEDIA_TYPES[f]}">{FORMAT_NAMES[f]}</a>'
                       for f in spec.formats)
    rows = []
    for item in items:
        title = escape(item.title)
        head = f'<a href="{escape(item.url)}">{title}</a>' if item.url else title
        rows.append(f'<li id="{escape(item.anchor)}"{_lang(item, spec)}>{head} <small>{_date(item)}</small><br>'
                    f"{escape(item.description)}</li>")   # the id: entries without a page URL link here
    body = "\n".join(rows) or "<li>No items yet.</li>"
    return (f'<section id="{escape(spec.slug)}"{lang}>\n<h2>{escape(spec.title)}</h2>\n'
            f"<p>{escape(spec.description)}</p>\n<p>Subscribe: {links}</p>\n<ol>\n{body}\n</ol>\n</section>")


def _lang(item: FeedItem, spec: FeedSpec) -> str:
    return f' lang="{escape(item.language)}"' if item.language and item.language != spec.language else ""


def index_html(selection: Selection, title: str = "Feeds") -> bytes:
    """A readable page of the latest items; `<link rel="alternate">` tags let readers find the feeds."""
    discovery = "\n".join(
        f'<link rel="alternate" type="{MEDIA_TYPES[f]}" title="{escape(spec.title)} ({FORMAT_NAMES[f]})" '
        f'href="{escape(spec.filename(f))}">'
        for spec, _ in selection for f in spec.formats)
    sections = "\n".join(_section(spec, items) for spec, items in selection)
    page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'{discovery}\n<link rel="outline" type="text/x-opml" title="All feeds (OPML)" href="feeds.opml">\n'
            f'</head>\n<body>\n<h1>{escape(title)}</h1>\n<p><a href="feeds.opml">All feeds as OPML</a></p>\n'
            f"{sections}\n</body>\n</html>\n")
    return page.encode("utf-8")


def opml(feeds: Sequence[FeedSpec], title: str = "Feeds") -> bytes:
    """OPML 2.0 subscription list: one outline per feed (its Atom file when it has one)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for spec in feeds:
        fmt = next((f for f in ("atom", "rss") if f in spec.formats), None)
        if fmt is None:
            continue
        outline = etree.SubElement(body, "outline", type="rss", text=spec.title, title=spec.title,
                                   xmlUrl=spec.url(fmt), htmlUrl=spec.home_url)
        if spec.description:
            outline.set("description", spec.description)
        if spec.language:
            outline.set("language", spec.language)
    return bytes(etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8"))


__all__ = ["index_html", "opml"]
