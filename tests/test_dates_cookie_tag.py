"""A cookie or consent notice dates no page (html_words.toml [date_regions] hard: `cookie`, `consent`, `gdpr`), but
a post tagged or filed under those words is no notice: WordPress's post_class() prints every term as a class of
the post's element (`tag-cookies`, `category-gdpr`), so a baking blog's post tagged `cookies` or a privacy desk's
post tagged `gdpr`, whose headline stands in a hero above the `<article>`, lost the date printed in it."""
from __future__ import annotations

import pytest
from helpers.datecases import day

from cleanfeed import clean

BODY = ("<p>The regulator fined the retailer for tracking shoppers without asking them first, in the largest penalty "
        "it has issued this year, officials said.</p><p>The company said it would appeal the decision, and that it had "
        "already changed the way its website asks visitors for permission.</p>")


def hero(article_class: str, notice: str = "") -> str:
    return ('<html lang="en"><head><title>Retailer fined</title></head><body><div class="page-hero"><h1>Retailer fined '
            f'over tracking</h1></div><main><article class="{article_class}"><div class="entry-meta"><span class='
            f'"posted-on">Posted on March 3, 2024</span></div><div class="entry-content">{BODY}</div></article></main>'
            f"{notice}</body></html>")


@pytest.mark.parametrize("terms", ["category-privacy tag-gdpr", "category-baking tag-cookies", "tag-consent",
                                   "tag-eu-gdpr"])
def test_a_post_tagged_cookies_keeps_its_date(terms: str) -> None:
    html = hero(f"post-12 post type-post status-publish {terms}")
    assert day(clean(html, fetched_at="2024-10-01T08:00:00+00:00").published) == "2024-03-03"


@pytest.mark.parametrize("notice", ['<div class="cmplz-cookiebanner">Cookie policy updated 14/02/2024.</div>',
                                    '<div id="onetrust-consent-sdk">Privacy notice updated 20 February 2024.</div>',
                                    '<div class="site-cookie">Cookie policy updated 14/02/2024.</div>'])
def test_a_cookie_notice_still_dates_nothing(notice: str) -> None:
    """Guards: the page's own date wins over the notice's, and a page whose only date is the notice's has none."""
    html = hero("post-12 post type-post", notice)
    assert day(clean(html, fetched_at="2024-10-01T08:00:00+00:00").published) == "2024-03-03"
    bare = html.replace("Posted on March 3, 2024", "By Ann Lee")
    assert day(clean(bare, fetched_at="2024-10-01T08:00:00+00:00").published) is None
