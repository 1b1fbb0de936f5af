"""An article over several pages (Page.parts) and what a feed said about a page (Page.hints): cleaned into one
article (pipeline.join_pages, the feed date only where the page prints none), stored under the first page's
id with the later pages' URLs as aliases, and cleaned again from the store to the same article."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from cleanfeed.model import ItemHints, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet
from cleanfeed.store.db import Store
from cleanfeed.store.identity import identity_keys, new_id

CST = timezone(timedelta(hours=8))
FETCHED = datetime(2024, 3, 8, 12, 0, tzinfo=UTC)
URL = "https://news.example.cn/hyxw/2024/0305/88.html"


def html(title: str, paragraphs: list[str], *, date: str = "", pager: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><div class='nav'><a href='/'>首页</a> "
            f"<a href='/hyxw/'>行业新闻</a></div><h1>{title}</h1>{date}<div class='content'>{body}</div>"
            f"{pager}<div class='footer'>版权所有 有色金属网</div></body></html>")


TEXT_1 = ["第一页第一段：今年二月，我国再生铜原料进口量环比回升，主要港口到货明显增加，贸易商补库意愿增强。",
          "第一页第二段：业内人士认为，新的进口标准执行以来，高品质废铜的通关效率提高，进口结构进一步优化。"]
TEXT_2 = ["第二页第一段：从来源地看，东南亚和欧洲仍是主要来源，其中马来西亚的到货量增长最快，占比接近三成。",
          "第二页第二段：冶炼企业表示，原料供应改善后，三月份的开工率有望继续提高，加工费也将保持稳定。"]
PAGE_1 = html("再生铜进口量回升", TEXT_1, date="<p>发布时间：2024-03-05 09:00</p>",
              pager="<div class='pager'><a href='88_2.html'>下一页</a></div>")
PAGE_2 = html("再生铜进口量回升（2）", TEXT_2, pager="<div class='pager'><a href='88.html'>上一页</a></div>")


def part(body: str, n: int) -> Page:
    return Page(body=body.encode("utf-8"), url=URL.replace(".html", f"_{n}.html"), fetched_at=FETCHED,
                content_type="text/html; charset=utf-8")


def first(**kw: object) -> Page:
    return Page(body=PAGE_1.encode("utf-8"), url=URL, fetched_at=FETCHED, content_type="text/html; charset=utf-8",
                timezone="Asia/Shanghai", **kw)  # type: ignore[arg-type]


def test_pages_are_joined_in_order_under_the_first_pages_title_and_date() -> None:
    article = clean_page(first(parts=(part(PAGE_2, 2),)), RuleSet())
    assert article.title == "再生铜进口量回升" and article.url == URL
    assert [p[:5] for p in article.paragraphs] == ["第一页第一", "第一页第二", "第二页第一", "第二页第二"]
    assert article.html.count("<p>") == 4 and "下一页" not in article.text and "版权所有" not in article.text
    assert article.published is not None and article.published.value == datetime(2024, 3, 5, 9, 0, tzinfo=CST)
    alone = clean_page(first(), RuleSet())
    assert len(alone.paragraphs) == 2


def test_a_later_page_without_article_text_ends_the_article_with_a_note() -> None:
    empty = part("<html><body><div class='nav'><a href='/'>首页</a></div></body></html>", 2)
    article = clean_page(first(parts=(empty, part(PAGE_2, 3))), RuleSet(), timezone="Asia/Shanghai")
    assert len(article.paragraphs) == 2 and "第二页" not in article.text
    assert any(r.rule == "pages" and "the article ends at page 1" in r.text for r in article.removed)
    broken = Page(body=b"\x00" * 10, url=URL.replace(".html", "_2.html"))
    assert len(clean_page(first(parts=(broken,)), RuleSet()).paragraphs) == 2


def test_feed_hints_fill_what_the_page_lacks_and_never_win_over_it() -> None:
    hints = ItemHints(title="Feed title", published=datetime(2024, 3, 6, 18, 0, tzinfo=CST), author="Feed Author",
                      categories=("铜", "进口"), feed="https://news.example.cn/rss.xml")
    article = clean_page(first(hints=hints), RuleSet())
    assert article.title == "再生铜进口量回升" and article.published is not None
    assert article.published.value == datetime(2024, 3, 5, 9, 0, tzinfo=CST)       # the page's date wins
    assert article.author == "Feed Author" and article.categories == ("铜", "进口")
    undated = html("再生铜进口量回升", ["没有日期的一页：今年二月，我国再生铜原料进口量环比回升，到货增加。"])
    dateless = "https://news.example.cn/hyxw/88.html"         # URL's /2024/0305/ is a date (dates/url.py)
    page = Page(body=undated, url=dateless, fetched_at=FETCHED, hints=hints)
    found = clean_page(page, RuleSet()).published
    assert found is not None and (found.value, found.source) == (hints.published, "feed")
    future = ItemHints(published=FETCHED + timedelta(days=30))                      # beyond the fetch time: no
    assert clean_page(Page(body=undated, url=dateless, fetched_at=FETCHED, hints=future), RuleSet()).published is None
    assert "categories" not in clean_page(Page(body=undated, url=URL), RuleSet()).to_dict()


def test_stored_with_the_first_pages_id_and_cleaned_again_from_the_store(tmp_path: Path) -> None:
    hints = ItemHints(title="t", published=datetime(2024, 3, 6, 18, 0, tzinfo=CST), categories=("铜",))
    page = first(parts=(part(PAGE_2, 2),), hints=hints)
    article = clean_page(page, RuleSet())
    with Store.open(tmp_path / "s.sqlite") as store:
        status, article_id = store.put(page, article)
        assert status == "new" and article_id == new_id(identity_keys(first(), article))   # the first page's id
        assert store.has_url(URL.replace(".html", "_2.html"))        # page 2 is known: never stored on its own
        _, again = store.stored_page(article_id)
    # hints and later pages survive the store (the gate names a page without a source by its URL)
    assert again._replace(source=None) == page
    assert clean_page(again, RuleSet()) == article


def test_archive_notes_join_the_responses_of_an_article_again() -> None:
    from cleanfeed.errors import WarcError
    from cleanfeed.inputs.crawlnotes import Note, Part, assemble

    one, two = first(), part(PAGE_2, 2)
    other = Page(body=b"<p>other</p>", url="https://news.example.cn/other.html")
    hints = ItemHints(title="t")
    note = Note(URL, (str(two.url),), None, hints)
    joined = list(assemble(iter([one, Part(two, URL), note, other])))
    assert joined == [first(parts=(two,), hints=hints), other]
    # the note of a page not at hand (another byte range), a missing part, an error in between
    assert list(assemble(iter([Part(two, URL), note, other]))) == [other]
    assert list(assemble(iter([one, Note(URL, ("https://x/gone.html",), None, None)]))) == [one]
    error = WarcError("broken WARC record")
    assert list(assemble(iter([one, error, Part(two, URL), note]))) == [one, error]
    single = Note(URL, (), str(two.url), None)
    assert list(assemble(iter([one, Part(two, URL), single])))[0].body == two.body


def test_a_page_that_repeats_the_article_is_not_joined_twice() -> None:
    same = part(PAGE_1, 2)                          # a server that ignores ?page=2 sends page 1 again
    article = clean_page(first(parts=(same, part(PAGE_2, 3))), RuleSet())
    assert len(article.paragraphs) == 2 and article.text.count("第一页第一段") == 1
    assert any("repeats the pages before it" in r.text for r in article.removed)
    lead = html("再生铜进口量回升（2）", [TEXT_1[0], *TEXT_2])
    joined = clean_page(first(parts=(part(lead, 2),)), RuleSet())   # the lead printed again on page 2
    assert joined.text.count("第一页第一段") == 1 and joined.html.count("第一页第一段") == 1
