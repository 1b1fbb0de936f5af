"""A build decodes each shown article's stored JSON once: the feed's own query decodes it, and the story
step reuses it (22 feeds of 50 items decoded every item twice: ~7 % of a build)."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from helpers.feeds import T0, article, fill, page, project_with, spec

import cleanfeed.publish.stories as publish_stories
import cleanfeed.store.db as store_db
from cleanfeed.model import Article, article_from_json
from cleanfeed.publish.items import select
from cleanfeed.store.db import Store


def test_each_shown_article_is_decoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = spec("all", max_items=10)
    project = project_with(tmp_path, feed)
    fill(project, [(page(n, url=f"https://s.example/{n}", fetched_at=T0 + timedelta(hours=n)), article(n))
                   for n in range(6)])
    decoded: list[str] = []

    def counting(data: dict[str, object]) -> Article:
        decoded.append(str(data.get("title")))
        return article_from_json(data)

    monkeypatch.setattr(store_db, "article_from_json", counting)
    monkeypatch.setattr(publish_stories, "article_from_json", counting)
    with Store.open(project.store_path) as store:
        items = select(store, feed)
    assert len(items) == 6
    assert sorted(decoded) == sorted(f"Article {n}" for n in range(6))
