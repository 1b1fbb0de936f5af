"""Keyword feeds read their members from the store (issue #23): kept up to the newest write in one pass
for all feeds, equal to filtering every article, through new, changed, removed and foreign-written rows
and edited feed definitions."""
from __future__ import annotations

from pathlib import Path

from helpers.feeds import article, fill, page, project_with, spec

from cleanfeed.publish.items import keeps, select
from cleanfeed.rules.project import FeedSpec, Project
from cleanfeed.store.db import Store
from cleanfeed.store.feedindex import signature

TOPICS = ["copper", "zinc", "nickel", "aluminium"]


def body(n: int) -> str:
    return f"Report {n} on {TOPICS[n % 4]} scrap: smelters in Ningbo bought more {TOPICS[(n + 1) % 4]} this week."


def fill_reports(project: Project, numbers: range) -> None:
    fill(project, [(page(n, url=f"https://ex.com/{n}"), article(n, url=f"https://ex.com/{n}", text=body(n)))
                   for n in numbers])


def brute_force(store: Store, feed: FeedSpec) -> set[str]:
    return {i.article.url or "" for i in store.newest(languages=feed.languages, sites=feed.sites, limit=10_000,
                                                      keep=lambda a: keeps(feed, a))}


def members(store: Store, feed: FeedSpec) -> set[str]:
    store.catch_up_feeds([feed])
    return {i.article.url or "" for i in store.newest(limit=10_000, members=signature(feed))}


def test_members_equal_filtering_every_article_through_every_kind_of_change(tmp_path: Path) -> None:
    feeds = (spec("zinc", include=("zinc",), max_items=500), spec("no-nickel", exclude=("nickel",), max_items=500),
             spec("metal", include=("COPPER", "Aluminium"), exclude=("report 7 ",), max_items=500))
    project = project_with(tmp_path, *feeds)
    fill_reports(project, range(40))
    with Store.open(project.store_path) as store:
        for feed in feeds:
            assert members(store, feed) == brute_force(store, feed) != set()
        judged = store.catch_up_feeds(feeds)
        assert judged == 0                                     # nothing written since: nothing to judge
    fill_reports(project, range(40, 60))                       # new articles
    with Store.open(project.store_path) as store:
        assert store.catch_up_feeds(feeds) == 20               # only the new ones are read
        store.upsert(page(3, url="https://ex.com/3"), article(3, url="https://ex.com/3", text="Now about tin."))
        store.remove("https://ex.com/1")
        with store.transaction():                              # a writer that is not cleanfeed's code
            store.conn.execute("UPDATE articles SET article = replace(article, 'zinc', 'lead') "
                               "WHERE url = 'https://ex.com/5'")
        for feed in feeds:
            assert members(store, feed) == brute_force(store, feed), feed.slug
        edited = feeds[0]._replace(include=("nickel",))        # a new definition: judged from scratch
        assert members(store, edited) == brute_force(store, edited) != members(store, feeds[0])


def test_a_keyword_feed_builds_from_its_members(tmp_path: Path) -> None:
    feed = spec("zinc", include=("zinc",), max_items=5)
    project = project_with(tmp_path, feed)
    fill_reports(project, range(30))
    with Store.open(project.store_path) as store:
        store.catch_up_feeds([feed])
        items = select(store, feed)
        assert len(items) == 5 and all("zinc" in i.html.lower() or "zinc" in i.title.lower() for i in items)
        assert {i.url for i in items} <= brute_force(store, feed)
