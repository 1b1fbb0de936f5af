"""A news flash (快讯) of one or two sentences under its headline is an article and keeps its date (DESIGN.md,
page_type): neither a one-line text page nor an HTML flash beside a list of other flashes is "no article"."""
from __future__ import annotations

from cleanfeed import clean
from cleanfeed.errors import NoArticleError

FLASH_ZH = "【快讯】9月28日晚间，江源铝业称项目投产。"          # too short to read as a paragraph


def test_a_text_page_of_one_sentence_on_one_line_is_its_own_headline_and_body() -> None:
    article = clean(FLASH_ZH, fetched_at="2021-10-06", timezone="Asia/Shanghai")
    assert article.text == FLASH_ZH
    assert article.published is not None and article.published.value.date().isoformat() == "2021-09-28"


def test_a_headline_and_one_sentence_is_an_article_with_its_date() -> None:
    article = clean("Copper jumps 3%\nOct 5 (Newswire) - Copper jumped 3% on Tuesday.", fetched_at="2021-10-06")
    assert article.title == "Copper jumps 3%" and article.text.startswith("Oct 5 (Newswire)")
    assert article.published is not None and article.published.value.date().isoformat() == "2021-10-05"


def other_flashes(n: int = 8) -> str:
    """A list of links to other flashes: it outscores a one-sentence flash as the article's root."""
    return "".join(f'<a href="/f/{k}"><div class="teaser-text">Flash number {k}: copper, nickel and aluminium '
                   f"prices on the exchange today</div></a>" for k in range(n))


def flash_page(box: str, text: str) -> str:
    return ("<html><head><title>Nickel hits two-month high</title></head><body><h1>Nickel hits two-month high</h1>"
            f'<div class="wrap"><div class="{box}">{text}</div></div>'
            f'<div class="more-flashes">{other_flashes()}</div></body></html>')


def test_an_html_flash_beside_a_list_of_other_flashes_is_an_article() -> None:
    text = "May 9 (Metals Wire) - Nickel rose 3% on the LME on Monday on supply worries."
    article = clean(flash_page("story", text), fetched_at="2022-05-10")
    assert article.text == text
    assert article.published is not None and article.published.value.date().isoformat() == "2022-05-09"


def test_a_comment_under_the_headline_is_no_flash() -> None:
    text = "May 9 - Nickel rose 3% on the LME on Monday, great news for the miners, said a reader."
    try:
        page = clean(flash_page("comments", text), fetched_at="2022-05-10")
    except NoArticleError:
        return
    # What is left is the list of other flashes: a listing page (not published), never the comment as a flash.
    assert page.page_type == "listing" and text not in page.text
    # (a site's blurb that does not echo the headline: tests/test_html_roots.py, one_blurb_is_no_article)


def script_rendered(kind: str, description: str) -> str:
    """A page whose article a script renders: metadata, a menu and an empty mount point, no text."""
    return ("<html><head><title>Tin smelters cut output | Metal Wire</title>"
            f'<meta property="og:type" content="{kind}"><meta property="og:description" content="{description}">'
            '<meta property="article:published_time" content="2022-05-03T08:00:00+00:00"></head><body>'
            '<div class="menu"><a href="/">Home</a> <a href="/markets">Markets</a></div><div id="app"></div>'
            '<script>window.__STATE__={"id": 42}</script></body></html>')


def test_an_article_rendered_by_script_keeps_its_date_with_its_description_as_text() -> None:
    description = "Two tin smelters in the south cut output for a second month as ore supply tightened."
    article = clean(script_rendered("article", description), fetched_at="2022-05-04")
    assert article.text == description and article.page_type == "article"
    assert article.published is not None and article.published.value.date().isoformat() == "2022-05-03"


def test_a_script_rendered_page_that_is_no_article_or_says_nothing_is_still_refused() -> None:
    for page in (script_rendered("website", "Two tin smelters in the south cut output for a second month."),
                 script_rendered("article", "Metal Wire | Markets")):
        try:
            clean(page, fetched_at="2022-05-04")
        except NoArticleError:
            continue
        raise AssertionError("refused before, and nothing here reads as an article")
