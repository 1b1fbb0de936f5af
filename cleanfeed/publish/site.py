"""public/ as a small news site: `index.html` (every item of every feed: title, printed date, source,
summary), one page per item under `items/` (the whole clean article, its source link and the "also
published by" links), one stylesheet, and `feeds.opml` (every feed, to import into a reader).

No JavaScript; links between the published files are relative, so the folder works from any host and
straight from the disk. The site's name is the project's `[site]` setting (cleanfeed.toml).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from importlib import resources

from lxml import etree

from cleanfeed.publish.items import MEDIA_TYPES, FeedItem, item_page
from cleanfeed.rules.project import FeedSpec, SiteSpec

FORMAT_NAMES = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
STYLESHEET = "style.css"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
Selection = Sequence[tuple[FeedSpec, Sequence[FeedItem]]]


def stylesheet() -> bytes:
    """The one stylesheet (package data): phone and desktop widths, light and dark."""
    return resources.files("cleanfeed").joinpath("data/style.css").read_bytes()


def printed_day(value: datetime, language: str | None) -> str:
    """The day the page printed, in the page's own offset (never the reader's): `29 September 2020`,
    `2020年9月29日`; ISO for other languages, whose month names we do not carry."""
    lang = (language or "").lower()
    if lang.startswith(("zh", "ja")):
        return f"{value.year}年{value.month}月{value.day}日"
    if lang.startswith("ko"):
        return f"{value.year}년 {value.month}월 {value.day}일"
    if lang.startswith("en") or not lang:
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return value.date().isoformat()


def _date(item: FeedItem) -> str:
    if item.published:
        return (f'<time datetime="{item.published.isoformat()}">'
                f"{escape(printed_day(item.published, item.language))}</time>")
    return (f'<time class="seen" datetime="{item.first_seen.isoformat()}">first seen '
            f"{escape(printed_day(item.first_seen, 'en'))}</time>")


def _meta(item: FeedItem, *, author: bool = False) -> str:
    bits = [_date(item)]
    if author and item.author:
        bits.append(f'<span class="author">{escape(item.author)}</span>')
    if item.source:
        bits.append(f'<span class="source">{escape(item.source)}</span>')
    return f'<p class="meta">{" · ".join(bits)}</p>'


def _lang(language: str | None, inherited: str | None) -> str:
    return f' lang="{escape(language)}"' if language and language != inherited else ""


def _head(title: str, css: str, links: str, lang: str | None) -> str:
    return (f'<!DOCTYPE html>\n<html{_lang(lang, None)}>\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="color-scheme" content="light dark">\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" href="{css}">\n{links}</head>\n')


def _subscribe(spec: FeedSpec) -> str:
    return " · ".join(f'<a href="{escape(spec.filename(f))}" type="{MEDIA_TYPES[f]}">{FORMAT_NAMES[f]}</a>'
                      for f in spec.formats)


def _entry(spec: FeedSpec, item: FeedItem) -> str:
    return (f'<li id="{escape(item.anchor)}"{_lang(item.language, spec.language)}>\n'
            f'<h3><a href="{escape(item_page(spec, item.article_id))}">{escape(item.title)}</a></h3>\n'
            f"{_meta(item)}\n" + (f'<p class="summary">{escape(item.description)}</p>\n' if item.description else "")
            + "</li>")


def _section(spec: FeedSpec, items: Sequence[FeedItem]) -> str:
    rows = "\n".join(_entry(spec, item) for item in items) or '<li class="empty">No items yet.</li>'
    description = f'<p class="description">{escape(spec.description)}</p>\n' if spec.description != spec.title else ""
    return (f'<section class="feed" id="{escape(spec.slug)}"{_lang(spec.language, None)}>\n'
            f"<h2>{escape(spec.title)}</h2>\n{description}"
            f'<p class="subscribe">Subscribe: {_subscribe(spec)}</p>\n<ol class="items">\n{rows}\n</ol>\n</section>')


def _site_language(selection: Selection) -> str | None:
    """The feeds' one language, when they share it (a page of Chinese feeds is `zh-CN`); else none."""
    languages = {spec.language for spec, _ in selection}
    return languages.pop() if len(languages) == 1 else None


def index_html(site: SiteSpec, selection: Selection) -> bytes:
    """Every item of every feed, newest first per feed; `<link rel="alternate">` lets readers find the feeds."""
    discovery = "".join(
        f'<link rel="alternate" type="{MEDIA_TYPES[f]}" title="{escape(spec.title)} ({FORMAT_NAMES[f]})" '
        f'href="{escape(spec.filename(f))}">\n' for spec, _ in selection for f in spec.formats)
    discovery += '<link rel="outline" type="text/x-opml" title="All feeds (OPML)" href="feeds.opml">\n'
    language = _site_language(selection)
    nav = " · ".join(f'<a href="#{escape(spec.slug)}">{escape(spec.title)}</a>' for spec, _ in selection)
    sections = "\n".join(_section(spec, items) for spec, items in selection)
    page = (_head(site.title, STYLESHEET, discovery, language)
            + f'<body>\n<header class="site">\n<h1>{escape(site.title)}</h1>\n'
            + (f'<p class="description">{escape(site.description)}</p>\n' if site.description else "")
            + (f"<nav>{nav}</nav>\n" if len(selection) > 1 else "")
            + f"</header>\n<main>\n{sections}\n</main>\n{_footer('')}</body>\n</html>\n")
    return page.encode("utf-8")


def _footer(up: str) -> str:
    return f'<footer class="site"><a href="{up}feeds.opml">All feeds (OPML)</a> · made with cleanfeed</footer>\n'


def item_html(site: SiteSpec, spec: FeedSpec, item: FeedItem) -> bytes:
    """The item's own page: the whole clean article (its "also published by" links included), the link to
    where it was published, and the way back to the feed. Lives in items/, so links go up one folder."""
    feed_link = f'<link rel="alternate" type="{MEDIA_TYPES[spec.formats[0]]}" title="{escape(spec.title)}" ' \
                f'href="../{escape(spec.filename(spec.formats[0]))}">\n'
    original = (f'<p class="original">Published at <a href="{escape(item.url)}">{escape(item.source or item.url)}'
                f"</a></p>\n" if item.url else "")
    page = (_head(f"{item.title} · {site.title}", f"../{STYLESHEET}", feed_link, item.language or spec.language)
            + f'<body>\n<header class="site"><a class="home" href="../index.html">{escape(site.title)}</a></header>\n'
            + f'<main>\n<article class="story">\n<h1>{escape(item.title)}</h1>\n{_meta(item, author=True)}\n'
            + f'<div class="content">\n{item.html}\n</div>\n{original}</article>\n'
            + f'<p class="back"><a href="../index.html#{escape(item.anchor)}" lang="{escape(spec.language or "en")}">'
            + f"← {escape(spec.title)}</a></p>\n</main>\n{_footer('../')}</body>\n</html>\n")
    return page.encode("utf-8")


def item_pages(site: SiteSpec, selection: Selection) -> dict[str, bytes]:
    """`items/<slug>-<id>.html` → page, for every item of every feed."""
    return {item_page(spec, item.article_id): item_html(site, spec, item) for spec, items in selection
            for item in items}


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


__all__ = ["STYLESHEET", "index_html", "item_html", "item_pages", "opml", "printed_day", "stylesheet"]
