"""Story grouping: reprints of one article across sites become one story and one feed item.

Pure part (cleanfeed/dupes.py), the store's index and story reading (cleanfeed/storydb.py), and the
feeds (cleanfeed/storyfeed.py). Pages go through the real cleaner, so "the body is what is compared"
is tested with real site headers and footers around it."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from helpers.feeds import ATOM, CST, assert_feeds_clean, project_with, spec, xml
from helpers.stories import NOTICE, PLANT, ZH_NOTICE, page, price_report, zh_page

from cleanfeed.errors import ConfigError
from cleanfeed.model import Page
from cleanfeed.pipeline import clean_page
from cleanfeed.publish.output import publish
from cleanfeed.rules.project import parse_feed
from cleanfeed.rules.site import RuleSet
from cleanfeed.store import fingerprint as dupes
from cleanfeed.store.db import Store
from cleanfeed.store.stories import LINK_FLOOR, Stories, split

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=CST)


def put(store: Store, text: str, url: str | None, hours: float = 0) -> str:
    """Clean a text page as `add` does and store it; the article id."""
    p = Page(body=text, url=url, fetched_at=T0 + timedelta(hours=hours), source=url or "page.txt",
             timezone="Asia/Shanghai")
    return store.put(p, clean_page(p, RuleSet()))[1]


def members(store: Store, article_id: str, threshold: float = 0.8) -> set[str]:
    return {m.id for m in Stories(store.conn, threshold).story(article_id).members}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "store.sqlite") as s:
        yield s


# ----------------------------------------------------------------------------- the pure part

def test_normalise_folds_width_case_and_script() -> None:
    assert dupes.tokens("ＡＢＣ，１２３  Déjà") == dupes.tokens("abc, 123 déjà") == ["abc", "123", "déjà"]
    assert dupes.tokens("回收協會") == dupes.tokens("回收协会") == ["回", "收", "协", "会"]


def test_chinese_is_shingled_by_characters_and_english_by_words() -> None:
    zh = dupes.shingles("再生铝协会发布通知")
    assert "再 生 铝 协" in zh and len(zh) == 9 - dupes.CHAR_SHINGLE + 1
    en = dupes.shingles("The association issued a notice on Friday.")
    assert "the association issued" in en and len(en) == 7 - dupes.WORD_SHINGLE + 1


def test_reprint_is_contained_and_another_story_is_not() -> None:
    full = dupes.Body.of("\n\n".join(NOTICE))
    trimmed = dupes.Body.of("\n\n".join(NOTICE[:4]))            # a portal kept the first four paragraphs
    other = dupes.Body.of("\n\n".join(PLANT))
    assert dupes.same_story(full, trimmed, 0.8) and dupes.containment(full, trimmed) == 1.0
    assert not dupes.same_story(full, other, 0.5) and dupes.containment(full, other) < 0.05


def test_minhash_estimate_tracks_the_true_jaccard() -> None:
    a, b = "\n\n".join(NOTICE), "\n\n".join(NOTICE[1:])
    sa, sb = dupes.shingles(a), dupes.shingles(b)
    true = len(sa & sb) / len(sa | sb)
    assert abs(dupes.similarity(dupes.fingerprint(a), dupes.fingerprint(b)) - true) < 0.15
    assert dupes.similarity(dupes.fingerprint(a), dupes.fingerprint("\n\n".join(PLANT))) < 0.1


def test_guards_short_tiny_and_lopsided_pairs() -> None:
    assert dupes.required(0.8, 5, 5) is None                               # a line or two: never merged
    assert dupes.required(0.8, 30, 35) == dupes.SHORT_THRESHOLD             # a few sentences: stricter
    assert dupes.required(0.8, 300, 2000) is None                           # a quote inside a long page
    assert dupes.required(0.8, 300, 320) == 0.8


def test_daily_reports_that_only_change_figures_are_different_stories() -> None:
    monday = dupes.Body.of("\n\n".join(price_report(4, 18250, 120)))
    tuesday = dupes.Body.of("\n\n".join(price_report(5, 18310, 60)))
    assert dupes.containment(monday, tuesday) > 0.6                          # the wording is the same ...
    assert not dupes.numbers_agree(monday, tuesday) and not dupes.same_story(monday, tuesday, 0.5)


def test_band_keys_are_stable_and_shared_by_near_copies() -> None:
    a = dupes.fingerprint("\n\n".join(NOTICE))
    assert dupes.band_keys(a) == dupes.band_keys(dupes.Fingerprint.from_bytes(a.to_bytes(), a.shingles))
    assert set(dupes.band_keys(a)) & set(dupes.band_keys(dupes.fingerprint("\n\n".join(NOTICE[:5]))))


# ----------------------------------------------------------------------------- stories in the store

def test_reprints_across_sites_join_one_story_other_articles_do_not(store: Store) -> None:
    first = put(store, page("Metals Weekly", "Association asks recyclers for monthly stock reports", NOTICE),
                "https://metals-weekly.example/news/1")
    plant = put(store, page("Metals Weekly", "New can recycling plant opens in Ningbo", PLANT),
                "https://metals-weekly.example/news/2", hours=1)
    reprint = put(store, page("Scrap Portal", "Recyclers told to file scrap stock data", NOTICE[:2] + NOTICE[3:]),
                  "https://scrap-portal.example/a/77", hours=2)
    assert members(store, reprint) == {first, reprint}
    assert members(store, plant) == {plant}                     # same site, same header and footer: not merged
    story = Stories(store.conn).story(reprint)
    assert story.id == first and story.members[1].parent == first and story.members[1].similarity >= 0.8


def test_chinese_reprints_join_and_traditional_script_matches_too(store: Store) -> None:
    a = put(store, zh_page("再生资源网", "协会要求报送废铝库存", ZH_NOTICE), "https://zs.example/n/1")
    b = put(store, zh_page("有色金属资讯", "废铝库存月报制度四月实施", ZH_NOTICE[:4]), "https://ys.example/n/9", 1)
    other = ["宁波一家再生铝工厂周二投产，年产能十万吨，主要将废旧易拉罐加工为罐料铝锭。",
             "企业负责人表示，熔炼炉使用海上风电，每吨铝锭的碳排放明显低于原铝。"]
    c = put(store, zh_page("再生资源网", "新工厂开业", other), "https://zs.example/n/2", 2)
    assert members(store, b) == {a, b} and members(store, c) == {c}


def test_story_id_never_changes_when_later_reprints_arrive(store: Store) -> None:
    first = put(store, page("Metals Weekly", "Notice", NOTICE), "https://metals-weekly.example/news/1")
    for n, site in enumerate(["portal-a", "portal-b", "portal-c"], start=1):
        put(store, page(site, f"Reprint {n}", NOTICE[:6 - n % 2]), f"https://{site}.example/{n}", hours=n)
        assert Stories(store.conn).story(first).id == first
    assert len(members(store, first)) == 4


def test_split_is_remembered_and_never_re_merges(store: Store) -> None:
    first = put(store, page("Metals Weekly", "Notice", NOTICE), "https://metals-weekly.example/news/1")
    wrong = put(store, page("Portal", "Notice", NOTICE[:5]), "https://portal.example/5", hours=1)
    with store.transaction():
        assert split(store.conn, wrong) is not None
    assert members(store, wrong) == {wrong} and members(store, first) == {first}
    # the split page comes again with an edit (re-indexed), and a third reprint arrives: still apart
    put(store, page("Portal", "Notice (updated)", NOTICE[:5] + ["Updated on Monday with a comment."]),
        "https://portal.example/5", hours=2)
    third = put(store, page("Third", "Notice", NOTICE), "https://third.example/x", hours=3)
    assert third in members(store, first) and wrong not in members(store, first)
    with store.transaction():
        assert split(store.conn, "t-not-stored") is None


def test_short_articles_need_a_near_exact_match(store: Store) -> None:
    brief = ["Copper scrap prices in Foshan were unchanged on Monday as yards waited for the futures market "
             "to settle, traders said."]
    edited = ["Copper scrap prices in Foshan were unchanged on Monday as most yards waited for the market "
              "to settle, dealers said."]
    a = put(store, page("A", "Brief", brief), "https://a.example/1")
    b = put(store, page("B", "Brief", edited), "https://b.example/1", hours=1)
    c = put(store, page("C", "Brief", brief), "https://c.example/1", hours=2)
    assert b not in members(store, a, 0.5)                   # one edit in a short text: not the same story
    assert members(store, c) == {a, c}                        # the very same brief elsewhere: a reprint


def test_threshold_is_per_feed_and_links_keep_the_floor(store: Store) -> None:
    first = put(store, page("A", "Notice", NOTICE), "https://a.example/1")
    partial = put(store, page("B", "Notice", NOTICE[:3] + PLANT[:3]), "https://b.example/1", hours=1)
    sim = Stories(store.conn, LINK_FLOOR).story(partial).members[-1].similarity
    assert sim is not None and LINK_FLOOR <= sim < 0.8
    assert members(store, partial, LINK_FLOOR) == {first, partial} and members(store, partial, 0.8) == {partial}


def test_feed_key_validation_matches_the_link_floor() -> None:
    ok = parse_feed("f", {"title": "T", "self_url": "https://f.example/", "dedupe_threshold": LINK_FLOOR,
                          "preferred_sources": ["association.example"]}, "f.toml")
    assert ok.dedupe_threshold == LINK_FLOOR and ok.preferred_sources == ("association.example",)
    with pytest.raises(ConfigError, match="dedupe_threshold"):
        parse_feed("f", {"title": "T", "self_url": "https://f.example/", "dedupe_threshold": LINK_FLOOR - 0.01},
                   "f.toml")


# ----------------------------------------------------------------------------- the feed

def _story_store(root: Path) -> tuple[Path, list[str]]:
    """Original (no date), a reprint dated earlier that arrives later, and an unrelated article."""
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
        ids = [put(store, page("Metals Weekly", "Association asks for stock reports", NOTICE, date="2024-03-01 09:00"),
                   "https://metals-weekly.example/news/1"),
               put(store, page("Metals Weekly", "New can recycling plant opens", PLANT, date="2024-03-01 11:00"),
                   "https://metals-weekly.example/news/2", hours=1)]
    return root, ids


def test_feed_shows_one_item_per_story_with_stable_id_and_also_published_by(tmp_path: Path) -> None:
    root, (first, _) = _story_store(tmp_path)
    project = project_with(root, spec("f"))
    publish(project)
    before = {e.findtext(f"{ATOM}id") for e in xml(root / "public" / "f.atom").findall(f"{ATOM}entry")}
    with Store.open(project.store_path) as store:
        put(store, page("Association", "Notice on monthly scrap stock reports", NOTICE[:5], date="2024-02-29 16:00"),
            "https://association.example/notice/12", hours=5)
    publish(project)
    entries = xml(root / "public" / "f.atom").findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}id") for e in entries} == before and len(entries) == 2
    story = next(e for e in entries if e.findtext(f"{ATOM}id").endswith("/" + first))
    content = story.findtext(f"{ATOM}content")
    assert story.find(f"{ATOM}link").get("href") == "https://association.example/notice/12"   # earliest published
    assert 'Also published by: <a href="https://metals-weekly.example/news/1">metals-weekly.example</a>' in content
    parsed = feedparser.parse((root / "public" / "f.atom").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 2
    assert not feedparser.parse((root / "public" / "f.rss").read_bytes()).bozo
    assert_feeds_clean([root / "public" / f"f.{fmt}" for fmt in ("atom", "rss")])


def test_preferred_source_is_shown_and_exact_duplicates_still_collapse(tmp_path: Path) -> None:
    root, (first, _) = _story_store(tmp_path)
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
        put(store, page("Association", "Notice", NOTICE[:5], date="2024-02-29 16:00"),
            "https://association.example/n", 5)
        again = put(store, page("Association", "Notice", NOTICE[:5], date="2024-02-29 16:00"),
                    "https://association.example/n", 6)
        assert store.counts()["articles"] == 3 and again in members(store, first)
    project = project_with(root, spec("f", preferred_sources=("metals-weekly.example",)))
    publish(project)
    entries = xml(root / "public" / "f.atom").findall(f"{ATOM}entry")
    shown = next(e for e in entries if e.findtext(f"{ATOM}id").endswith("/" + first))
    assert shown.find(f"{ATOM}link").get("href") == "https://metals-weekly.example/news/1"
    assert "association.example" in shown.findtext(f"{ATOM}content")
    assert len({e.findtext(f"{ATOM}updated") for e in entries}) == len(entries) == 2


def test_chinese_item_lists_other_sources_in_chinese(tmp_path: Path) -> None:
    with Store.open(tmp_path / ".cleanfeed" / "store.sqlite") as store:
        put(store, zh_page("再生资源网", "协会要求报送废铝库存", ZH_NOTICE), "https://zs.example/n/1")
        put(store, zh_page("有色金属资讯", "废铝库存月报制度", ZH_NOTICE[:4]), "https://ys.example/n/9", 1)
    project = project_with(tmp_path, spec("zh", languages=("zh",)))
    publish(project)
    parsed = feedparser.parse((tmp_path / "public" / "zh.atom").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 1
    assert "其他来源：" in parsed.entries[0].content[0].value


def test_articles_stored_before_the_index_existed_are_indexed_oldest_first(store: Store) -> None:
    from cleanfeed.store.stories import index_missing

    first = put(store, page("A", "Notice", NOTICE), "https://a.example/1")
    second = put(store, page("B", "Notice", NOTICE[:5]), "https://b.example/1", hours=1)
    with store.transaction():
        for table in ("dupe_docs", "dupe_bands", "dupe_links"):
            store.conn.execute(f"DELETE FROM {table}")                   # as a v1 store migrated to v2
        assert members(store, second) == {second}
        assert index_missing(store.conn) == 2 and index_missing(store.conn) == 0
    assert Stories(store.conn).story(second).id == first
