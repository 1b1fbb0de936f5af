"""The small readers behind the non-article pages of tests/pages/nonarticle: an index of links read as an
article (html/profiles.links_outweigh_text) and the forum / product types printed as microdata
(html/pagetype.microdata_kinds)."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.html.pagetype import microdata_kinds, page_type
from cleanfeed.html.profiles import links_outweigh_text
from cleanfeed.model import Removed


def _links(*sizes: int, rule: str = "link-dense") -> list[Removed]:
    return [Removed("x" * n, rule) for n in sizes]


def test_a_root_that_lost_more_links_than_it_kept_is_an_index() -> None:
    assert links_outweigh_text(_links(120, 120, 120), ["An intro sentence of the index page."])


def test_a_story_with_a_few_link_lines_is_not() -> None:
    assert not links_outweigh_text(_links(120, 120), ["A sentence of the story."] * 40)


def test_a_paragraph_of_prose_makes_it_a_story() -> None:
    assert not links_outweigh_text(_links(400, 400), ["A paragraph of the story. " * 10])


def test_a_chinese_flash_beside_link_lists_is_not_an_index() -> None:
    assert not links_outweigh_text(_links(400, 400), ["沪铜今日小幅上涨，现货升水收窄。", "废铜价格持稳。"])


def test_a_short_menu_does_not_decide() -> None:
    assert not links_outweigh_text(_links(60, 60), [])


def test_only_link_dense_drops_count() -> None:
    assert not links_outweigh_text(_links(400, rule="breadcrumb"), ["One short paragraph."])


def _doc(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


@pytest.mark.parametrize(("body", "kinds"), [
    ('<div itemscope itemtype="https://schema.org/QAPage"><h1>Q</h1></div>', ("qapage",)),
    ('<article itemscope itemtype="http://schema.org/DiscussionForumPosting">post</article>',
     ("discussionforumposting",)),
    ('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Grinder</span></div>', ("product",)),
    # the subject of a review is not the page's type, nor is a list or an article in microdata
    ('<div itemscope itemtype="https://schema.org/Review"><div itemprop="itemReviewed" itemscope '
     'itemtype="https://schema.org/Product">Grinder</div></div>', ()),
    ('<ul itemscope itemtype="https://schema.org/ItemList"><li>a</li></ul>', ()),
    ('<article itemscope itemtype="https://schema.org/Article">story</article>', ()),
    ('<div itemtype="">nothing</div>', ()),
])
def test_microdata_kinds(body: str, kinds: tuple[str, ...]) -> None:
    assert microdata_kinds(_doc(body)) == kinds


def test_a_json_ld_article_beats_a_microdata_product() -> None:
    assert page_type(("NewsArticle", "product"), "https://example.org/review") == "article"


def test_a_microdata_question_page_is_a_forum_thread() -> None:
    assert page_type(("og:website", "qapage"), "https://example.org/q/1") == "forum"
