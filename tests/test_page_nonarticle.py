"""The small readers behind the non-article pages of tests/pages/nonarticle: an index of links read as an
article (html/profiles.links_outweigh_text)."""
from __future__ import annotations

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


def test_a_short_menu_does_not_decide() -> None:
    assert not links_outweigh_text(_links(60, 60), [])


def test_only_link_dense_drops_count() -> None:
    assert not links_outweigh_text(_links(400, rule="breadcrumb"), ["One short paragraph."])
