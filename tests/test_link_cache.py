"""Per-process caches on the cleaning path stay small: a long crawl or `serve --watch` must not keep
megabytes of one page's links or lines alive (a review found a 5 MB `data:` URL kept in the cache)."""
from __future__ import annotations

from cleanfeed.html import urls
from cleanfeed.rules import linematch


def test_script_and_data_links_are_refused_without_being_remembered() -> None:
    urls._joined.cache_clear()
    huge = "data:text/html;base64," + "A" * 5_000_000
    assert urls.absolute(huge, "http://example.org/a/") is None
    assert urls.absolute("JavaScript:alert(1)", "http://example.org/a/") is None
    assert urls._joined.cache_info().currsize == 0


def test_long_relative_links_are_joined_but_not_remembered() -> None:
    urls._joined.cache_clear()
    long = "/p?" + "x" * 5000
    assert urls.absolute(long, "http://example.org/a/") == "http://example.org" + long
    assert urls.absolute("b.html", "http://example.org/a/") == "http://example.org/a/b.html"
    assert urls._joined.cache_info().currsize == 1


def test_long_lines_are_lowered_but_not_remembered() -> None:
    linematch._lowered.cache_clear()
    assert linematch.lowered("ABC" * 1000) == "abc" * 1000
    assert linematch.lowered("Short Line") == "short line"
    assert linematch._lowered.cache_info().currsize == 1
