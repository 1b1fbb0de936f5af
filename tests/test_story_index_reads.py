"""The story index at crawl speed: a look-alike's body is compared from memory, not read again.

A crawl of one site stores pages that share their wording (daily reports, reprints): each add compares
the new body with every candidate sharing a band key. The candidates' bodies are remembered under their
content hash (bench/crawl.py: 134 candidates an add on the fixture site), so only a body never seen in
this process is read from the store; a changed article has a new hash, so its old body is never used."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.stories import NOTICE, page, price_report

from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet
from cleanfeed.store.db import Store
from cleanfeed.store.stories import Stories
from cleanfeed.timeutil import UTC

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def put(store: Store, text: str, url: str, hours: float = 0) -> str:
    p = Page(body=text, url=url, fetched_at=T0 + timedelta(hours=hours), source=url)
    return store.put(p, clean_page(p, RuleSet()))[1]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "store.sqlite") as s:
        yield s


def test_a_crawl_of_look_alikes_reads_no_stored_body_twice(store: Store) -> None:
    put(store, page("Site 0", "Notice", NOTICE), "https://s0.example/n")
    put(store, page("Site 1", "Notice", NOTICE), "https://s1.example/n", 1)      # reads site 0's body once
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    ids = [put(store, page(f"Site {i}", "Notice", NOTICE), f"https://s{i}.example/n", i) for i in range(2, 7)]
    store.conn.set_trace_callback(None)
    assert not [s for s in statements if "json_extract" in s]
    assert len(Stories(store.conn).story(ids[-1]).members) == 7                 # still compared: one story


def test_an_article_changed_in_place_is_compared_with_its_new_body(store: Store) -> None:
    monday = page("Yard A", "Foshan scrap prices", price_report(4, 18250, 120))
    a = put(store, monday, "https://a.example/prices")
    b = put(store, page("Yard B", "Foshan scrap prices", price_report(4, 18250, 120)), "https://b.example/p", 1)
    tuesday = Page(body=page("Yard A", "Foshan scrap prices", price_report(5, 18310, 60)),
                   url="https://a.example/prices", fetched_at=T0 + timedelta(days=1))
    assert store.replace_article(a, clean_page(tuesday, RuleSet())) == "changed"
    c = put(store, page("Yard C", "Foshan scrap prices", price_report(4, 18250, 120)), "https://c.example/p", 30)
    members = {m.id for m in Stories(store.conn).story(c).members}
    assert b in members and a not in members          # Monday's figures are not Tuesday's
