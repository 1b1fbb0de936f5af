"""One feed item per story: the stored articles of a feed, collapsed by story (cleanfeed/storydb.py).

The item shows the earliest-published member the feed selects (or the first of the feed's
`preferred_sources` that has one), under the entry id of the story (its first-added member), so a
reprint arriving later — even one dated earlier — changes what the item says, never its id. The item's
content ends with "Also published by …", linking the other members; its `updated` is the newest
`changed_at` of the members it lists (unique per store, so unique per feed). Removing the story's
first article (the entry id `remove` is given) keeps the whole story out; removing a reprint drops
only that version.
"""
from __future__ import annotations

import html as htmlmod
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from cleanfeed.model import Article, article_from_json
from cleanfeed.rules.project import FeedSpec
from cleanfeed.store.db import Store, StoredItem, from_us
from cleanfeed.store.feedindex import signature
from cleanfeed.store.stories import Stories, Story, feed_threshold

ALSO = {"en": "Also published by", "zh": "其他来源"}


@dataclass(frozen=True)
class Row:
    """One stored member of a story."""

    id: str
    article: Article
    first_seen: int
    changed_at: int
    sort_time: int
    live: bool
    language: str
    site: str | None


def member_rows(store: Store, ids: Sequence[str], known: Mapping[str, Article] | None = None
                ) -> dict[str, Row]:
    """The stored rows of a story's members; `known`: articles the feed's own query decoded already (a build
    of 22 feeds decoded each shown article twice: 1,214 decodes for 607 items, ~7 % of the build)."""
    marks = ",".join("?" * len(ids))
    known = known or {}
    out = {}
    for aid, first, changed, sort, removed, language, site, text in store.conn.execute(
            "SELECT id, first_seen, changed_at, sort_time, removed, language, site, article FROM articles "
            f"WHERE id IN ({marks})", list(ids)):
        if text is None or first is None:            # a tombstone for a page never stored
            continue
        article = known.get(aid) or article_from_json(json.loads(text))
        out[aid] = Row(aid, article, first, changed, sort if sort is not None else first, not removed, language or "",
                       site)
    return out


def in_feed(spec: FeedSpec, row: Row, keep: Callable[[Article], bool] | None) -> bool:
    """The feed's language, site and keyword filters (the same as Store.newest's SQL)."""
    lang = row.language.lower()
    if spec.languages and not any(lang == t.lower() or lang.startswith(t.lower() + "-") for t in spec.languages):
        return False
    if spec.sites and row.site not in spec.sites:
        return False
    return row.live and (keep is None or keep(row.article))


def _source_name(article: Article) -> str:
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    return host.removeprefix("www.") or article.site or article.title or "another source"


def _preferred(spec: FeedSpec, row: Row) -> int:
    """Rank of the row's source in `preferred_sources` (site rule name or host); len() when absent."""
    host = (urlsplit(row.article.url).hostname or "").lower() if row.article.url else ""
    for rank, name in enumerate(spec.preferred_sources):
        name = name.lower()
        if name == (row.site or "").lower() or host == name or host.endswith("." + name):
            return rank
    return len(spec.preferred_sources)


def also_html(shown: Article, others: Sequence[Row]) -> str:
    """`<p>Also published by: <a href=…>host</a>, …</p>` (in Chinese for a Chinese item)."""
    zh = shown.language.lower().startswith("zh")
    parts = []
    for row in others:
        name = htmlmod.escape(_source_name(row.article), quote=False)
        url = row.article.url if row.article.url and urlsplit(row.article.url).scheme in ("http", "https") else None
        parts.append(f'<a href="{htmlmod.escape(url)}">{name}</a>' if url else name)
    return f'<p>{ALSO["zh" if zh else "en"]}{"：" if zh else ": "}{("、" if zh else ", ").join(parts)}</p>'


def story_item(store: Store, spec: FeedSpec, story: Story, keep: Callable[[Article], bool] | None,
               selected: Mapping[str, Article] | None = None) -> tuple[int, StoredItem] | None:
    """(sort time, item) of one story in one feed; None when no member is in the feed. Members in
    `selected` (found by the feed's own query, with their articles) are in it without checking again."""
    selected = selected or {}
    rows = member_rows(store, [m.id for m in story.members], selected)
    root = rows.get(story.id)
    if root is not None and not root.live:
        return None                  # `remove` of the story's entry id: the story stays out, reprints too
    order = {m.id: n for n, m in enumerate(story.members)}
    shown_from = [r for r in rows.values() if r.id in selected or in_feed(spec, r, keep)]
    if not shown_from:
        return None
    shown = min(shown_from, key=lambda r: (_preferred(spec, r), r.sort_time, order[r.id]))
    others = sorted((r for r in rows.values() if r.live and r.id != shown.id), key=lambda r: (r.sort_time, order[r.id]))
    article = shown.article
    if others:
        article = replace(article, html=article.html + "\n" + also_html(article, others))
    first_seen = root.first_seen if root else shown.first_seen
    changed = max(r.changed_at for r in [shown, *others])
    return shown.sort_time, StoredItem(story.id, article, from_us(first_seen), from_us(changed))


def select_stories(store: Store, spec: FeedSpec, keep: Callable[[Article], bool] | None = None) -> list[StoredItem]:
    """The feed's newest `max_items` stories, one item each, newest first (by the shown member's date)."""
    stories = Stories(store.conn, feed_threshold(spec))
    window = spec.max_items
    members = signature(spec) if spec.include or spec.exclude else None   # keyword feeds: read their members
    while True:
        newest = store.newest(languages=spec.languages, sites=spec.sites, limit=window,
                              keep=None if members else keep, members=members)
        found: dict[str, Story] = {}
        for item in newest:
            story = stories.story(item.id)
            found.setdefault(story.id, story)
            if len(found) >= spec.max_items:
                break
        if len(found) >= spec.max_items or len(newest) < window:
            break
        window *= 2                                      # reprints filled the window: look further back
    selected = {item.id: item.article for item in newest}
    items = [x for x in (story_item(store, spec, s, keep, selected) for s in found.values()) if x is not None]
    items.sort(key=lambda x: (x[0], x[1].changed_at), reverse=True)
    return [item for _, item in items]


__all__ = ["ALSO", "Row", "also_html", "in_feed", "member_rows", "select_stories", "story_item"]
