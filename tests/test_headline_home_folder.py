"""html/headline.site_names: `./` is the page's own folder. On a page in the site's root folder
(`/news.html`, `/`) that folder is the home page, and the link's text is the site's name; below the root
(`/user-guide/configuration/`, `/docs/page.html`) it is not (MkDocs links each page to itself with `./`).
The first test failed before r11-review: `/news.html` was taken for a page below the root."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.html.headline import site_names
from cleanfeed.html.metadata import norm

BODY = '<body><nav><a href="./">Harbour Gazette</a></nav><h1>Ferry fares rise</h1></body>'


@pytest.mark.parametrize("url", ["https://example.org/news.html", "https://example.org/",
                                 "https://example.org", "/story.php?id=4", None, "http://[bad"])
def test_dot_slash_in_the_root_folder_is_the_home_page(url: str | None) -> None:
    assert norm("Harbour Gazette") in site_names(lxml.html.fromstring(BODY), (), url)


@pytest.mark.parametrize("url", ["https://example.org/user-guide/configuration/",
                                 "https://example.org/docs/page.html", "https://example.org/guide/"])
def test_dot_slash_below_the_root_is_the_page_itself(url: str) -> None:
    assert norm("Harbour Gazette") not in site_names(lxml.html.fromstring(BODY), (), url)
