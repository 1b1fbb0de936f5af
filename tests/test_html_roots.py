"""Choosing the article root when the obvious choices are wrong: an element named after a print button
that holds the printable text, and a teaser carousel that outscores the article but holds only links."""
from __future__ import annotations

import pytest

from cleanfeed.errors import NoArticleError
from cleanfeed.html.article import extract_html
from cleanfeed.html.hints import MIN_PROSE

STEP1 = ("You know it: you want to cut tomatoes into slices, because they look pretty on a plate, but the "
         "juice runs out and the seeds go everywhere, and the slices fall apart before they reach the plate.")
STEP2 = ("Why is that so? The tomato simply lies the wrong way on the board, so the knife cuts through the "
         "chambers and the seeds fall out on both sides, however sharp the knife is.")


def teasers(n: int = 8) -> str:
    """Block links whose text sits in `…-text` divs: Readability-style scoring loves them."""
    return "".join(f'<a href="/tip/{k}"><div class="teaser-text">Tip number {k}: how to cut, peel, store and '
                   f"cook vegetables well</div></a>" for k in range(n))


def page(article: str, extra: str = "") -> str:
    return (f"<html><head><title>Cutting tomatoes</title></head><body><h1>Cutting tomatoes</h1>{article}"
            f"{extra}<div class=\"more-tips\">{teasers()}</div></body></html>")


def test_an_element_named_print_that_holds_prose_is_the_printable_article() -> None:
    article = (f'<div class="tip-print-step"><div>{STEP1}<br>{STEP2}</div></div>'
               '<span class="print">Print this tip</span>')
    draft = extract_html(page(article), url=None, rule=None)
    assert STEP1 in draft.paragraphs and "Print this tip" not in " ".join(draft.paragraphs)


@pytest.mark.parametrize("name", ["print-header", "print-footer", "print-only", "visible-print"])
def test_a_print_header_footer_or_paper_only_notice_is_still_removed(name: str) -> None:
    # (not a phrase the boilerplate rules know: only the element's name may remove it here)
    notice = ("Ferry timetables for the whole region, with every crossing between the islands listed by day "
              "and by hour, are in the printed edition, on sale at every newsagent and at the harbour office "
              "from six in the morning.")
    assert len(notice) > MIN_PROSE          # long enough for the printable-text rule to be asked at all
    article = f'<div class="story"><p>{STEP1}</p><div class="{name}"><p>{notice}</p></div><p>{STEP2}</p></div>'
    draft = extract_html(page(article), url=None, rule=None)
    assert notice not in draft.paragraphs and STEP1 in draft.paragraphs


def test_a_teaser_carousel_outscoring_the_article_gives_way_to_the_next_root() -> None:
    article = f'<div class="wrap"><div class="steps">{STEP1}<br><br>{STEP2}</div></div>'
    draft = extract_html(page(article), url=None, rule=None)
    assert draft.paragraphs == (STEP1, STEP2)


def test_a_runner_up_that_is_one_blurb_is_no_article() -> None:
    about = ('<div class="wrap"><div class="about">Example Daily is an independent newspaper founded in 1901, '
             "read by two million people every week, with offices in Leeds, York and Hull, and a newsroom "
             "that never sleeps, whatever the weather, the hour or the news.</div></div>")
    draft = extract_html(page(about), url=None, rule=None)
    # what the page holds is its list of tips: a listing (kept out of the feeds), not the blurb as an article
    assert draft.page_type == "listing" and "Tip number 3: how to cut" in " ".join(draft.paragraphs)
    assert not any("independent newspaper" in p for p in draft.paragraphs)


def test_a_page_of_nothing_but_navigation_is_still_no_article() -> None:
    with pytest.raises(NoArticleError):
        extract_html("<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav></body></html>",
                     url=None, rule=None)


def test_a_runner_up_root_that_is_only_a_headline_is_no_article() -> None:
    article = '<div class="wrap"><div class="steps">Cutting tomatoes, the right way</div></div>'
    draft = extract_html(page(article), url=None, rule=None)
    assert draft.page_type == "listing" and "Cutting tomatoes, the right way" not in draft.paragraphs


CAPTION = ("Twelve giant panda cubs at the Chengdu breeding base have left their mothers and begun living "
           "together; last year the base bred twenty-one cubs, and the number of pandas in captivity reached "
           "three hundred and twenty-eight.")


def test_all_the_prose_of_a_short_page_in_a_weakly_named_box_is_the_article() -> None:
    # A photo gallery whose headline and caption sit in `<div class="nav">` (with the pager).
    html = (f'<html><head><title>Video-Panda cubs start living together</title></head><body><div class="nav">'
            f'<span>Panda cubs start living together</span> <a href="/4">←</a> 5/7 <a href="/6">→</a>'
            f"<p>{CAPTION}</p></div></body></html>")
    assert extract_html(html, url=None, rule=None).paragraphs[-1] == CAPTION


@pytest.mark.parametrize("box", ["header", "menu", "hidden"])
def test_a_weakly_named_box_without_the_headline_is_no_article(box: str) -> None:
    # A page whose story is rendered by script: the site's description is not the article.
    about = ("Example Daily brings you the news of the metals trade every morning, with prices, interviews and "
             "reports from the markets of Shanghai, London and New York, written by our own reporters in nine "
             "countries since 1998.")
    html = (f'<html><head><title>Copper prices rise - Example Daily</title></head><body>'
            f'<div class="{box}"><p>{about}</p></div><div id="root"></div></body></html>')
    with pytest.raises(NoArticleError):
        extract_html(html, url=None, rule=None)


def test_all_the_prose_of_a_page_in_a_strongly_named_box_is_still_chrome() -> None:
    html = (f'<html><head><title>Panda cubs</title></head><body><h1>Panda cubs</h1>'
            f'<div class="related-stories"><p>{CAPTION}</p></div></body></html>')
    with pytest.raises(NoArticleError):
        extract_html(html, url=None, rule=None)
