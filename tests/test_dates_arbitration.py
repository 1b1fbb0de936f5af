"""How the engine arbitrates between kinds of evidence: metadata that disagree (the printed day decides),
the page's declared region (day-first `02/10/2020` in en-GB), a sidebar column inside the article,
Blogger's post widget, and the lead image's dated path as a last resort."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.dates.engine import DateResult, find_dates
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC


def dates_of(html: str, language: str = "en", paragraphs: tuple[str, ...] = ()) -> DateResult:
    doc = lxml.html.document_fromstring(html)
    return find_dates(Draft(title=None, paragraphs=paragraphs, doc=doc), DateContext(None, UTC, language), explain=True)


def day(result: DateResult) -> str | None:
    return result.published.value.date().isoformat() if result.published else None


JSONLD = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "%s"}</script>'
META = '<meta property="article:published_time" content="%s">'


def test_metadata_disagreeing_the_day_the_page_prints_wins() -> None:
    head = JSONLD % "2023-11-03T10:25:56+00:00" + META % "2023-11-06T14:25:00+00:00"
    html = f"<html><head><title>Big story</title>{head}</head><body><h1>Big story</h1></body></html>"
    dateline = ("6. November 2023, 15:25 Uhr – Die Werbung polarisiert.",)
    assert day(dates_of(html, "de", dateline)) == "2023-11-06"


def test_metadata_disagreeing_without_printed_evidence_keep_the_order_of_trust() -> None:
    head = JSONLD % "2023-11-03T10:25:56+00:00" + META % "2023-11-06T14:25:00+00:00"
    html = f"<html><head><title>Big story</title>{head}</head><body><h1>Big story</h1><p>Text.</p></body></html>"
    assert day(dates_of(html)) == "2023-11-03"


def test_agreeing_metadata_are_not_second_guessed_by_a_printed_date() -> None:
    head = JSONLD % "2023-11-03T10:25:56+00:00" + META % "2023-11-03T10:25:56+00:00"
    html = f"<html><head><title>Big story</title>{head}</head><body><h1>Big story</h1></body></html>"
    assert day(dates_of(html, "en", ("6 November 2023 – The ad divides.",))) == "2023-11-03"


def test_the_declared_region_decides_day_and_month_order() -> None:
    body = "<body><h1>Halls too full</h1><div>02/10/2020</div><p>Experts warn.</p></body>"
    british = f'<html xml:lang="en-GB"><head><title>Halls too full</title></head>{body}</html>'
    american = f'<html lang="en-US"><head><title>Halls too full</title></head>{body}</html>'
    assert day(dates_of(british)) == "2020-10-02"
    assert day(dates_of(american)) == "2020-02-10"


def test_a_sidebar_inside_the_article_is_the_articles_own() -> None:
    html = ('<html><head><title>Best wines</title></head><body><article class="post"><h1>Best wines</h1>'
            '<div class="sidebar__item"><p class="time"><time datetime="2022-01-28">28. Jan</time></p></div>'
            '<p>Text.</p></article><div class="sidebar"><time datetime="2022-03-01">1. März</time></div>'
            "</body></html>")
    assert day(dates_of(html, "de")) == "2022-01-28"


def test_a_sidebar_outside_the_article_still_does_not_count() -> None:
    html = ('<html><head><title>Best wines</title></head><body><article class="post"><h1>Best wines</h1>'
            '<p>Text.</p></article><div class="sidebar"><time datetime="2022-03-01">1. März</time></div>'
            "</body></html>")
    assert day(dates_of(html, "de")) is None


def test_bloggers_post_widget_is_content_other_widgets_are_not() -> None:
    post = ('<div class="post-footer"><abbr class="published" itemprop="datePublished" '
            'title="2011-03-30T21:05:00-07:00">9:05 PM</abbr></div>')
    template = ('<html><head><title>Old Blog: my old blog</title></head><body><h1>Old Blog</h1>'
                '<div class="widget %s"><div class="post hentry"><h3>A post</h3>%s</div></div></body></html>')
    assert day(dates_of(template % ("Blog", post))) == "2011-03-30"
    assert day(dates_of(template % ("PopularPosts", post))) is None


def test_the_lead_images_dated_path_is_a_last_resort() -> None:
    head = '<meta property="og:image" content="https://example.org/files/2016/05/04/cover.png">'
    html = f"<html><head><title>Annual report</title>{head}</head><body><h1>Annual report</h1></body></html>"
    result = dates_of(html)
    assert day(result) == "2016-05-04"
    assert result.published is not None and result.published.source == "image-url:date-only"
    printed = html.replace("</h1>", "</h1><p>Published: 3 June 2016</p>")
    assert day(dates_of(printed)) == "2016-06-03"
    undated = head.replace("2016/05/04/", "uploads/20160504-")
    assert day(dates_of(html.replace(head, undated))) is None


def test_a_german_blog_footer_wurde_am_labels_the_post_date() -> None:
    html = ('<html><head><title>Roboter-Wand</title></head><body><h1>Roboter-Wand</h1>'
            '<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Jan geschrieben.</div>'
            "</body></html>")
    assert day(dates_of(html, "de")) == "2015-12-14"
    assert day(dates_of(html.replace("wurde am", "kam"), "de")) is None


def test_a_permalink_dated_days_earlier_than_the_metadata_wins() -> None:
    # Re-published (or moved to a new CMS) in 2019; the address was minted in 2017.
    head = JSONLD % "2019-06-17T18:28:00+02:00" + '<link rel="canonical" href="https://x.de/home/2017/7/12/montauk">'
    html = f"<html><head><title>Montauk</title>{head}</head><body><h1>Montauk</h1><p>Text.</p></body></html>"
    result = dates_of(html)
    assert (day(result), result.published.source if result.published else None) == ("2017-07-12", "url:date-only")
    lost = next(c for c in result.candidates if c.source == "jsonld:datePublished")
    assert "permalink" in lost.reason


@pytest.mark.parametrize("canonical, printed", [
    ("https://x.com/2019/06/10/budget-plan", '<p class="date">Published June 17, 2019</p>'),  # the day is printed
    ("https://x.com/reports/annual-report-2019-05-31", ""),     # a slug's date says what the page is about
    ("https://x.com/news/20190531-budget", ""),
])
def test_metadata_keep_the_day_against_a_permalink_that_is_no_minting_date(canonical: str, printed: str) -> None:
    head = JSONLD % "2019-06-17T10:00:00+02:00" + f'<link rel="canonical" href="{canonical}">'
    html = f"<html><head><title>Budget</title>{head}</head><body><h1>Budget</h1>{printed}<p>Text.</p></body></html>"
    assert day(dates_of(html, "en", ("Published June 17, 2019",) if printed else ())) == "2019-06-17"


def test_a_permalink_a_day_off_the_metadata_is_a_time_zone_and_loses() -> None:
    head = JSONLD % "2020-07-09T01:10:00+02:00" + '<link rel="canonical" href="https://x.com/2020/07/08/story/">'
    html = f"<html><head><title>Story</title>{head}</head><body><h1>Story</h1><p>Text.</p></body></html>"
    assert day(dates_of(html)) == "2020-07-09"


def test_metadata_later_than_the_printed_last_change_are_the_render_time() -> None:
    html = """<html><head><title>Data leak</title><meta name="date" content="2020-04-29T11:52:23"></head>
      <body><h1>Data leak</h1><p class="date">Stand: 28.04.2020 18:00 Uhr</p><p>Text of the story.</p></body></html>"""
    result = dates_of(html, "de")
    assert result.published is not None and day(result) == "2020-04-28"
    assert result.published.source.endswith(":updated")
    lost = next(c for c in result.candidates if c.source == "meta:date")
    assert lost.reason.startswith("lost: later than the modification date the page prints")


def test_jsonld_is_not_a_render_time_whatever_a_later_line_says() -> None:
    # Only a bare `<meta name="date">` / DC.date is taken for a render time; JSON-LD keeps its date.
    html = (f"<html><head><title>Report</title>{JSONLD % '2021-05-10T09:00:00+02:00'}</head><body>"
            "<h1>Report</h1><p>Text.</p></body></html>")
    result = dates_of(html, "en", ("Stand: 28.04.2021 18:00 Uhr", "Text of the report."))
    assert day(result) == "2021-05-10" and result.published is not None
    assert result.published.source == "jsonld:datePublished"


def test_a_printed_last_change_earlier_than_a_printed_publication_date_is_dropped() -> None:
    html = """<html><head><title>Story</title></head><body><h1>Story</h1>
      <p class="date">Published: 28.04.2020 · Updated: 27.04.2020</p><p>Text of the story.</p></body></html>"""
    result = dates_of(html, "en")
    assert day(result) == "2020-04-28" and result.updated is None
