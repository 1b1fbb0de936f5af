"""Page layouts and metadata forms the engine must read (issue 19, second round): a page builder's wrappers
around the article's own date, meta names, an address encoded whole, `Posted on the 15/12/2025`."""
from __future__ import annotations

import json

import lxml.html
import pytest

from cleanfeed.dates.clues import read_line
from cleanfeed.dates.engine import DateResult, find_dates
from cleanfeed.dates.layout import tags_of
from cleanfeed.dates.patterns import normalize
from cleanfeed.dates.url import page_url
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC


def dates_of(html: str, language: str = "en") -> DateResult:
    doc = lxml.html.document_fromstring(html)
    return find_dates(Draft(title=None, paragraphs=(), doc=doc), DateContext(None, UTC, language), explain=True)


def day(result: DateResult) -> str | None:
    return result.published.value.date().isoformat() if result.published else None


# A page builder (Elementor, on millions of WordPress sites) wraps every block in `…-widget` boxes: the
# headline, the post info and the body alike. A sidebar's own widget box still holds other posts' dates.
BUILDER = """<html><head><title>Home renovation costs | Site</title>
<meta property="article:modified_time" content="2024-02-12T17:18:08+00:00"></head><body>
<div class="elementor-element elementor-widget elementor-widget-theme-post-title">
 <div class="elementor-widget-container"><h1>Home renovation costs</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">
 <ul><li><span class="elementor-icon-list-text elementor-post-info__item--type-date"><time>February 9th, 2024</time>
 </span></li></ul></div></div>
<div class="elementor-widget-container"><p>Costs went up for every room of the house this year.</p></div>
<div class="widget widget_recent_entries"><ul><li>Other post <time>March 1, 2024</time></li></ul></div>
</body></html>"""


def test_a_page_builders_widget_wrappers_are_no_sidebar() -> None:
    result = dates_of(BUILDER)
    assert day(result) == "2024-02-09"
    assert result.published is not None and result.published.source.startswith("time")
    assert "March 1" not in " ".join(c.text for c in result.candidates)


def test_plain_meta_names_for_the_publication_and_update() -> None:
    html = """<html><head><title>Tools</title><meta name="published" content="July 17, 2025">
    <meta name="modified-time" content="2025-09-01"></head><body><h1>Tools</h1><p>Text.</p></body></html>"""
    result = dates_of(html)
    assert day(result) == "2025-07-17"
    assert result.published is not None and result.published.source.startswith("meta:published")
    assert result.updated is not None and result.updated.value.date().isoformat() == "2025-09-01"


def test_a_self_address_encoded_whole_still_gives_its_day() -> None:
    html = """<html><head><meta property="og:url"
    content="https://blog.example.org%2Farticles%2F2025-12-15%2BRust%2Bbackends.html"></head><body></body></html>"""
    doc = lxml.html.document_fromstring(html)
    assert page_url(tags_of(doc)) == "https://blog.example.org/articles/2025-12-15+Rust+backends.html"
    assert day(dates_of(html)) == "2025-12-15"


def test_posted_on_the_day() -> None:
    (dated,) = read_line(normalize("Posted on the 15/12/2025 at 19:00 by Jane Roe"), "en")
    assert dated.label == "published"
    assert dated.mention.readings[0].clock == (19, 0, 0)


# A numeric date that reads both ways, on a plain `en` page: nothing near it settles the order, but the
# site's list of recent posts names this post's day in words.
AMBIGUOUS = """<html lang="en"><head><title>Wine styles</title></head><body><h1>Wine styles</h1>
<div class="blog-date"><span>03/10/2023</span></div><p>There are more styles of wine than most drinkers know.</p>
<aside class="sidebar"><ul><li><a href="/a">Wine styles</a> <span>- 3 October 2023</span></li>
<li><a href="/b">Old vines</a> <span>- 13 October 2020</span></li></ul></aside></body></html>"""


def test_an_ambiguous_numeric_date_settled_by_the_pages_other_dates_anywhere() -> None:
    result = dates_of(AMBIGUOUS)
    assert day(result) == "2023-10-03"
    assert "13 October 2020" not in " ".join(c.text for c in result.candidates)     # still no candidate


def test_without_page_wide_evidence_it_stays_unresolved() -> None:
    bare = AMBIGUOUS.replace("- 3 October 2023", "- 9 May 2023")
    assert day(dates_of(bare)) is None


def regenerated(published: str, modified: str, printed: str) -> str:
    fields = json.dumps({"@type": "BlogPosting", "datePublished": published, "dateModified": modified})
    ld = f'<script type="application/ld+json">{fields}</script>'
    return (f"<html><head><title>Short-form video</title>{ld}</head><body><article><h1>Short-form video</h1>"
            f"<div class='meta'>{printed}</div><p>How to plan a month of short videos for a small brand.</p>"
            "</article></body></html>")


@pytest.mark.parametrize("stamp, printed, want", [
    ("2025-11-20T16:02:46Z", "May 14, 2025", "2025-05-14"),
    ("2025-12-19T22:02:58Z", "Dec 18, 2025", "2025-12-18"),     # no zone puts 22:02 UTC on the 18th
])
def test_metadata_saying_published_when_last_changed_yield_to_the_printed_first_publication(
        stamp: str, printed: str, want: str) -> None:
    result = dates_of(regenerated(stamp, stamp, printed))
    assert day(result) == want and result.published is not None
    assert result.published.source == "header:date-only"


@pytest.mark.parametrize("published, modified, printed", [
    ("2025-05-20T16:02:46Z", "2025-11-20T16:02:46Z", "May 14, 2025"),     # a real change after publication
    ("2025-11-20T01:02:46Z", "2025-11-20T01:02:46Z", "November 19, 2025"),  # a day apart: a time zone's doing
])
def test_metadata_that_say_more_keep_their_date(published: str, modified: str, printed: str) -> None:
    result = dates_of(regenerated(published, modified, printed))
    assert result.published is not None and result.published.source == "jsonld:datePublished"


def test_a_time_element_showing_the_metadatas_last_change_is_the_update_stamp() -> None:
    html = """<html><head><title>Anxiety</title>
    <meta property="article:modified_time" content="2022-11-11T20:23:00-05:00"></head><body>
    <h1>Anxiety</h1><div class="dateblock"><span>Updated</span> <time datetime="2022-11-11T20:23:00-05:00">
    November 11, 2022 8:23 PM ET</time></div><p>Published November 9, 2022</p>
    <p>Doctors now screen every adult for anxiety, a panel advised this week.</p></body></html>"""
    result = dates_of(html)
    assert day(result) == "2022-11-09"
    assert result.updated is not None and result.updated.value.isoformat() == "2022-11-11T20:23:00-05:00"


def test_a_forum_members_registration_date_is_no_publication() -> None:
    html = """<html lang="de"><head><title>Wasserkühlung – Forum</title></head><body><h1>Wasserkühlung</h1>
    <table><tr><td class="profile">r23<br>Beiträge: 1200<br>Registriert: 18.09.2008, 05:56</td>
    <td class="post"><div class="postinfo">Beitrag von r23 » 21.01.2009, 05:42</div>
    <div>Die Pumpe läuft seit gestern wieder ohne Geräusche, danke für die Tipps.</div></td></tr></table>
    </body></html>"""
    assert day(dates_of(html, "de")) == "2009-01-21"
