"""Strategies over an uncleaned lxml document: JSON-LD, meta, <time>, the header near the headline, the
URL and the page as a whole; distractors in navigation, sidebars, related lists, comments and footers."""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest

from cleanfeed.dates.engine import DateResult, find_dates
from cleanfeed.dates.url import url_clues
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC, parse_when

PAGES = Path(__file__).parent / "dates"


def dates_of(html: str, *, fetched: str | None = None, tz: object = UTC, language: str = "en",
             url: str | None = None, paragraphs: tuple[str, ...] = ()) -> DateResult:
    doc = lxml.html.document_fromstring(html)
    context = DateContext(parse_when(fetched, tz) if fetched else None, tz, language, url)  # type: ignore[arg-type]
    return find_dates(Draft(title=None, paragraphs=paragraphs, doc=doc), context, explain=True)


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def day_and_source(result: DateResult) -> tuple[str | None, str | None]:
    found = result.published
    return (found.value.date().isoformat(), found.source) if found else (None, None)


def test_header_under_the_headline_beats_teasers_comments_and_footer() -> None:
    result = dates_of(page("news_sidebar.html"), fetched="2020-04-12")
    assert result.published is not None
    assert result.published.value.isoformat() == "2020-04-02T17:00:00-04:00"
    assert result.published.source == "header"
    texts = " ".join(c.text for c in result.candidates)
    assert "March 28" not in texts and "April 3, 2020 at" not in texts and "April 11" not in texts


def test_chinese_table_page_without_h1() -> None:
    result = dates_of(page("zh_gov_table.html"), fetched="2022-01-05", tz=ZoneInfo("Asia/Shanghai"), language="zh-CN")
    assert result.published is not None
    assert result.published.value.isoformat() == "2022-01-04T10:00:00+08:00"
    assert result.published.source == "header"


def test_utc_metadata_shown_in_the_page_offset() -> None:
    result = dates_of(page("jsonld_utc.html"))
    assert result.published is not None
    assert result.published.source == "jsonld:datePublished"
    assert result.published.value.isoformat() == "2023-11-08T21:11:03-05:00"    # same instant, Boston's day
    assert result.updated is not None and result.updated.source == "jsonld:dateModified"


def test_jsonld_beats_meta_and_skips_people_and_videos() -> None:
    html = """<html><head>
      <meta property="article:published_time" content="2021-01-18T08:00:00+01:00">
      <script type="application/ld+json">[{"@type": "VideoObject", "uploadDate": "2015-01-16T14:53:35+01:00"},
        {"@type": "BlogPosting", "datePublished": "2021-01-17T08:00:00+01:00",
         "author": {"@type": "Person", "birthDate": "2001-02-03"}}]</script></head><body><h1>T</h1></body></html>"""
    assert day_and_source(dates_of(html)) == ("2021-01-17", "jsonld:datePublished")


def test_jsonld_without_type_attribute_and_broken_json() -> None:
    untyped = """<html><head><script>{"@context": "https://schema.org", "@type": "NewsArticle",
        "datePublished": "2022-01-28T06:00:00+01:00"}</script></head><body><p>x</p></body></html>"""
    assert day_and_source(dates_of(untyped)) == ("2022-01-28", "jsonld:datePublished")
    broken = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2022-01-28T06:00:00+01:00",,}</script></head><body><p>x</p></body></html>"""
    assert day_and_source(dates_of(broken)) == ("2022-01-28", "jsonld:datePublished")


@pytest.mark.parametrize("meta", [
    '<meta property="article:published_time" content="2021-01-17T10:00:00+08:00">',
    '<meta itemprop="datePublished" content="2021-01-17">',
    '<meta name="DC.date.issued" content="2021-01-17">',
    '<meta name="publishdate" content="2021-01-17">',
    '<meta name="pubdate" content="20210117">',
])
def test_meta_tags(meta: str) -> None:
    result = dates_of(f"<html><head>{meta}</head><body><h1>T</h1><p>x</p></body></html>")
    assert result.published is not None and result.published.value.date().isoformat() == "2021-01-17"
    assert result.published.source.startswith("meta:")


def test_a_bare_meta_date_loses_to_the_date_printed_in_the_article() -> None:
    html = """<html><head><title>Faire Lieferketten</title><meta name="date" content="2020-02-12"></head><body>
      <h1>Faire Lieferketten</h1><div class="news-single-timedata">05.02.2020 - Redaktion</div>
      <p>Text.</p></body></html>"""
    assert day_and_source(dates_of(html, language="de")) == ("2020-02-05", "header:date-only")


def test_time_element_in_the_article_not_in_the_sidebar() -> None:
    html = """<html><body><aside><time datetime="2021-03-01">1 March</time></aside>
      <article><h1>T</h1><time datetime="2021-02-01T10:00:00+01:00">1 February 2021</time><p>x</p></article>
      <div class="comments"><time datetime="2021-02-02">2 February</time></div></body></html>"""
    assert day_and_source(dates_of(html)) == ("2021-02-01", "time")


def test_visible_time_text_wins_when_it_names_another_day() -> None:
    html = """<html><body><article><h1>Grenades</h1>
      <div class="time"><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></div>
      <p>x</p></article></body></html>"""
    assert day_and_source(dates_of(html, language="fr")) == ("2019-06-29", "time:date-only")


def test_microdata_on_other_elements() -> None:
    html = """<html><body><div class="post"><h3 class="post-title">Old blog</h3>
      <abbr class="published" itemprop="datePublished" title="2011-03-30T21:05:00-07:00">9:05 PM</abbr>
      </div></body></html>"""
    assert day_and_source(dates_of(html)) == ("2011-03-30", "itemprop:datePublished")


def test_date_inside_the_headline() -> None:
    html = """<html><head><title>Zuschauer kehren zurück</title></head><body><h1>Zuschauer kehren zurück
      <small>02.02.2022 • Sport</small></h1><p>x</p></body></html>"""
    assert day_and_source(dates_of(html, language="de")) == ("2022-02-02", "header:date-only")


@pytest.mark.parametrize("url, want", [
    ("https://x.example/2021/01/17/story", "2021-01-17"),
    ("https://x.example/news/2021-1-17/story", "2021-01-17"),
    ("http://x.example/c/t20210117_123.html", "2021-01-17"),
    ("https://x.example/meldungen/29-10-2021", "2021-10-29"),
    ("https://x.example/article/1582045946_459487.html", None),
    ("https://x.example/2021/01/", None),
])
def test_url_dates(url: str, want: str | None) -> None:
    clues = url_clues(url)
    got = clues[0].mention.readings[0] if clues else None
    assert (f"{got.year}-{got.month:02}-{got.day:02}" if got else None) == want


def test_url_from_the_context_and_from_the_canonical_link() -> None:
    assert day_and_source(dates_of("<html><body><p>x</p></body></html>",
                                   url="https://x.example/2021/01/17/a")) == ("2021-01-17", "url:date-only")
    html = '<html><head><link rel="canonical" href="https://x.example/2020/05/04/a"></head><body><p>x</p></body></html>'
    assert day_and_source(dates_of(html)) == ("2020-05-04", "url:date-only")


def test_labelled_date_anywhere_when_the_headline_says_nothing() -> None:
    html = """<html><body><div class="navbar">Home</div><div id="main"><p>Some text about AutoCAD files.</p>
      <div class="blogData"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></div></div></body></html>"""
    assert day_and_source(dates_of(html, language="de")) == ("2017-01-12", "page:date-only")


def test_an_id_holding_a_url_names_no_kind_of_container() -> None:
    # A crawler's wrapper (or a permalink used as id): "archives" in it is no archive list.
    html = """<html><body><div id="http://blog.example.com/archives.php?date=200503&amp;postID=12128">
      <table><tr><td class="post-title">Yesterday at the gold mine</td><td><nobr>2005-03-21 01:20:44</nobr></td>
      </tr></table><p>We went down the old shaft.</p></div></body></html>"""
    assert day_and_source(dates_of(html))[0] == "2005-03-21"


def test_copyright_and_nav_dates_never_count() -> None:
    html = """<html><body><nav><span>12.03.2021</span></nav><h1>About us</h1><p>We exist since 1998.</p>
      <div class="copyright">Copyright © 19.12.2019 - 12:14 h by Example GmbH</div></body></html>"""
    assert dates_of(html, language="de").published is None


def test_script_data_layer_as_last_resort() -> None:
    html = """<html><body><h1>Coffee</h1><p>Beans from Ethiopia.</p>
      <script>var product = {"published_at":"2019-03-02T06:22:28+01:00","vendor":"x"};</script></body></html>"""
    assert day_and_source(dates_of(html)) == ("2019-03-02", "script:published_at")


@pytest.mark.parametrize("script", [
    'showDate("2020/04/17 01:43:09 01:43:09")',
    "document.write(formatDate('2020-04-17'));",
])
def test_a_script_printing_a_date_in_the_header_counts(script: str) -> None:
    html = f"""<html><body><table><tr><td class="topic">Effect never finishes</td></tr>
      <tr><td class="main-text"><script>{script}</script> views 7</td></tr></table>
      <p>Long forum text.</p></body></html>"""
    assert day_and_source(dates_of(html))[0] == "2020-04-17"
    assert (day_and_source(dates_of(html))[1] or "").startswith("script:printed")


@pytest.mark.parametrize("html", [
    # a sidebar's script, a script in <head>, a script doing more than printing one date
    '<html><body><h1>T</h1><p>x</p><div class="sidebar"><script>showDate("2020/04/17")</script></div></body></html>',
    '<html><head><script>init("2020-04-17")</script></head><body><h1>T</h1><p>x</p></body></html>',
    '<html><body><h1>T</h1><p>x</p><script>track("2020-04-17"); send();</script></body></html>',
])
def test_scripts_that_do_not_print_the_pages_date(html: str) -> None:
    assert dates_of(html).published is None


def test_a_date_with_bars_between_day_month_and_year() -> None:
    html = """<html><body><h1>Winter pike</h1><div class="subline"><table><tr><td>26 | 01 | 2022 </td>
      <td>Schweiz | Praxis</td></tr></table></div><p>Text.</p></body></html>"""
    assert day_and_source(dates_of(html, language="de"))[0] == "2022-01-26"


def test_dublin_core_date_loses_to_a_labelled_date_printed_on_the_page() -> None:
    html = """<html><head><title>New president elected</title><meta name="DC.date" content="2021-10-15">
      </head><body><h1>New president elected</h1><p class="meta">Erschienen am: 13.10.2021</p><p>Text.</p>
      </body></html>"""
    assert day_and_source(dates_of(html, language="de")) == ("2021-10-13", "header:date-only")


def test_dateline_from_the_extractors_paragraphs() -> None:
    result = dates_of("<html><body><h1>T</h1></body></html>", fetched="2021-05-01",
                      paragraphs=("On April 15, the symposium on aluminium was held.",))
    assert day_and_source(result) == ("2021-04-15", "dateline:inferred:date-only")


@pytest.mark.parametrize("html", ["", "<html></html>", "<p>no date at all</p>", "<html><body>" + "<div>" * 300 + "x"])
def test_pages_without_dates_or_structure(html: str) -> None:
    doc_text = html or "<html><body></body></html>"
    assert dates_of(doc_text).published is None


def test_a_publish_date_field_named_after_the_sites_comment_header_counts() -> None:
    """"comment" excludes a container, but not an element that names itself the publish date."""
    html = ("<html><head><title>Vote delayed</title></head><body><article><h1>Vote delayed</h1>"
            '<div class="PublishDate ArticleHeaderComment_publishDate"><span>29. Januar 2019</span></div>'
            '</article><div class="comment-list"><div class="comment-date">02.02.2019</div></div></body></html>')
    assert day_and_source(dates_of(html, language="de"))[0] == "2019-01-29"
    # The reprieve is for the date field itself: a comment's own date still never counts.
    alone = html.replace('<div class="PublishDate ArticleHeaderComment_publishDate"><span>29. Januar 2019</span></div>',
                         "")
    assert day_and_source(dates_of(alone, language="de"))[0] is None


def test_a_teaser_template_used_for_the_single_item_view_is_the_article() -> None:
    block = ('<div class="teaserTyp3 {kind}"><div class="head"><b>Synchro</b><br>'
             '<span class="blue">01.02.2022</span> Kategorie: Verband</div></div>')
    html = ("<html><head><title>Site</title></head><body><div id='c1'><h2>Levels can be ordered</h2>"
            "{block}</div></body></html>")
    single = dates_of(html.format(block=block.format(kind="newsSingle")), language="de")
    listing = dates_of(html.format(block=block.format(kind="newsList")), language="de")
    assert day_and_source(single)[0] == "2022-02-01"
    assert day_and_source(listing)[0] is None
