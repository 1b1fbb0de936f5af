"""Date cases the fifth review found in round 8's code. Each fails on the code before its fix.

An update's UTC stamp shown in the publication's offset (engine._found_update) must take the offset of its own
day when the page's zone is known: a London page published in July at +01:00 and changed at 23:30 UTC on
1 December was changed on 1 December (GMT), not at 00:30+01:00 on the 2nd."""
from __future__ import annotations

import pytest

from cleanfeed import clean

LEDE = "<p>" + "The yard reopened after a long repair of its weighbridge and shear, the owners said. " * 3 + "</p>"


def _page(published: str, modified: str, lang: str) -> str:
    return (f"<html lang='{lang}'><head><title>Yard notes</title>"
            f"<meta property='article:published_time' content='{published}'>"
            f"<meta property='article:modified_time' content='{modified}'></head>"
            f"<body><article><h1>Yard notes</h1>{LEDE}</article></body></html>")


@pytest.mark.parametrize(("published", "modified", "lang", "timezone", "want"), [
    # the page declares its country: the update in that country's zone, across the DST switch
    ("2022-07-01T10:00:00+01:00", "2022-12-01T23:30:00+00:00", "en-GB", None, "2022-12-01T23:30:00+00:00"),
    ("2022-02-01T10:00:00-05:00", "2022-07-01T04:30:00Z", "en-US", None, "2022-07-01T00:30:00-04:00"),
    ("2022-03-01T10:00:00+11:00", "2022-07-01T13:30:00Z", "en-AU", None, "2022-07-01T23:30:00+10:00"),
    # the site's zone (a site rule's, or --timezone) says the same
    ("2022-07-01T10:00:00+01:00", "2022-12-01T23:30:00Z", "en", "Europe/London", "2022-12-01T23:30:00+00:00"),
    # no zone that gives the publication's offset: the publication's own offset, whole hours or not
    ("2022-02-01T10:00:00+05:45", "2022-07-01T20:00:00Z", "ne", None, "2022-07-02T01:45:00+05:45"),
    ("2022-07-01T10:00:00+02:00", "2022-12-01T23:30:00Z", "en", None, "2022-12-02T01:30:00+02:00"),
])
def test_an_update_across_a_dst_switch_takes_the_offset_of_its_own_day(
        published: str, modified: str, lang: str, timezone: str | None, want: str) -> None:
    article = clean(_page(published, modified, lang), fetched_at="2023-01-10T00:00:00+00:00", timezone=timezone)
    assert article.published is not None and article.published.value.isoformat() == published
    assert article.updated is not None and article.updated.value.isoformat() == want


def _with_footers(extra: str) -> str:
    return ("<html><head><title>Yard notes</title>"
            "<meta property='article:published_time' content='2021-03-01T09:00:00+00:00'></head>"
            f"<body><article><h1>Yard notes</h1>{LEDE}{extra}</article></body></html>")


@pytest.mark.parametrize(("extra", "want"), [
    # a quote's attribution, a related story's card, a reader's comment: their footers date someone else's text
    ("<blockquote><p>Prices will rise.</p><footer>Board report, last updated 5 May 2021</footer></blockquote>", None),
    ("<section><h2>Related</h2><article><h3><a href='/b'>Copper prices</a></h3><footer>Updated 5 May 2021</footer>"
     "</article></section>", None),
    ("<section id='comments'><article><footer>Anna · last edited 7 May 2021</footer><p>Nice.</p></article></section>",
     None),
    # the article's own footer is the page's
    ("<footer>Last updated 5 May 2021</footer>", "2021-05-05"),
])
def test_only_the_sites_or_the_articles_own_footer_dates_the_page(extra: str, want: str | None) -> None:
    article = clean(_with_footers(extra), fetched_at="2021-06-01T00:00:00+00:00")
    assert (article.updated.value.date().isoformat() if article.updated else None) == want


def _printed_day_beside(modified: str) -> str:
    return ("<html lang='en'><head><title>Yard notes</title>"
            f"<meta property='article:modified_time' content='{modified}'></head>"
            f"<body><article><h1>Yard notes</h1><p>Published 2 March 2021</p>{LEDE}</article></body></html>")


@pytest.mark.parametrize(("modified", "timezone", "want"), [
    # 20:00Z on 1 March is 04:00 on 2 March in Beijing: the publication's own day, not before it
    ("2021-03-01T20:00:00Z", "Asia/Shanghai", "2021-03-02T04:00:00+08:00"),
    # 03:00Z on 2 March is 22:00 on 1 March in New York: before the day the page was published, a stale field
    ("2021-03-02T03:00:00Z", "America/New_York", None),
])
def test_an_update_is_before_a_printed_day_by_that_days_own_offset(
        modified: str, timezone: str, want: str | None) -> None:
    article = clean(_printed_day_beside(modified), fetched_at="2021-06-01T00:00:00+00:00", timezone=timezone)
    assert article.published is not None and article.published.value.date().isoformat() == "2021-03-02"
    assert (article.updated.value.isoformat() if article.updated else None) == want


def test_an_update_in_its_own_offset_is_on_the_day_of_a_publication_of_unknown_zone() -> None:
    page = ("<html><head><title>Yard notes</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"headline\": \"Yard notes\", \"datePublished\": \"2019-11-20\", "
            "\"dateModified\": \"2019-11-20T01:41:20+05:30\"}</script></head>"
            f"<body><article><h1>Yard notes</h1>{LEDE}</article></body></html>")
    article = clean(page, fetched_at="2020-01-01T00:00:00+00:00")
    assert article.published is not None and article.published.value.date().isoformat() == "2019-11-20"
    assert article.updated is not None and article.updated.value.isoformat() == "2019-11-20T01:41:20+05:30"


@pytest.mark.parametrize("code", [
    "<style>/* updated 2021-05-05 */ .lm { color: grey }</style>",
    "<script>var note = 'Last modified: 5 May 2021';</script>",
])
def test_a_footers_style_or_script_source_is_no_line_of_it(code: str) -> None:
    page = ("<html><head><title>Yard notes</title>"
            "<meta property='article:published_time' content='2021-03-01T09:00:00+00:00'></head>"
            f"<body><article><h1>Yard notes</h1>{LEDE}</article><footer><p>Yard notes</p>{code}</footer></body></html>")
    assert clean(page, fetched_at="2021-06-01T00:00:00+00:00").updated is None
