"""The pieces issue 17 added to the HTML extractor, one at a time: class words read per word, hidden
disclosure content, the sibling scorer's model file, list pages, headlines that are the site's name."""
from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import lxml.html
import pytest

from cleanfeed import clean
from cleanfeed.html.blocks import Block
from cleanfeed.html.extract import entry_titles
from cleanfeed.html.hints import hint, remove_chrome
from cleanfeed.html.listing import repeated_items
from cleanfeed.html.metadata import Metadata, choose_title
from cleanfeed.html.mixedlists import mixed_list_items
from cleanfeed.html.prune import prune_code
from cleanfeed.html.score import ROOT_ENOUGH, _widen
from cleanfeed.html.siblings import FEATURES, Model, gather, shipped_model, use_model

PROSE = ("The plant melts more scrap than primary metal now, and it buys the scrap from forty yards in three "
         "provinces, most of them within a day's drive of the furnace.")


@pytest.mark.parametrize(("names", "removed"), [
    ("node node--promoted is-promoted", False),        # Drupal states: the article itself
    ("content no-sidebars", False),
    ("hide-read-more-ad entry", False),
    ("module-json.tool", False),                        # a generated id
    ("hb hc bo hd b he hf hg hh", False),               # atomic CSS: `hd` names no header here
    ("promo-box", True),
    ("sidebar", True),
    ("hd", True),                                       # a lone `hd` is a header
    ("post-share", True),
])
def test_class_words_are_read_per_word(names: str, removed: bool) -> None:
    assert (hint(names)[0] is not None) is removed


def body(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{html}</body></html>").find("body")


@pytest.mark.parametrize("attrs", ['role="tabpanel" hidden', 'class="faq-answer" style="display:none"',
                                   'id="S:3" hidden', 'class="accordion-content" hidden'])
def test_hidden_content_a_reader_opens_stays(attrs: str) -> None:
    page = body(f"<div {attrs}><p>{PROSE}</p></div>")
    remove_chrome(page)
    assert PROSE in page.text_content()


@pytest.mark.parametrize("attrs", ['class="modal-content" hidden', 'class="menu-panel" style="display:none"',
                                   'hidden'])
def test_hidden_menus_and_dialogs_still_go(attrs: str) -> None:
    page = body(f"<div {attrs}><p>{PROSE}</p></div><div><p>{PROSE[:60]}</p></div>")
    remove_chrome(page)
    assert PROSE not in page.text_content()


@pytest.mark.parametrize(("names", "stays"), [
    ("accordion-wrap pane-header-align-left", True),   # `header` naming a part of an accordion
    ("faq-block faq-header", True),
    ("accordion footer-accordion", False),              # the site's footer, shown as an accordion
    ("menu-accordion-sections", False),                 # a mobile menu shown as an accordion
    ("pane-header-align-left", False),                  # no content widget named: a header
])
def test_a_weak_class_word_beside_an_accordion_names_a_part_of_it(names: str, stays: bool) -> None:
    page = body(f"<div class=\"{names}\"><p>{PROSE}</p></div><div><p>{PROSE[:60]}</p></div>")
    remove_chrome(page)
    assert (PROSE in page.text_content()) is stays


def test_a_phrase_of_a_sentence_stays_whatever_its_class_and_a_box_of_that_class_goes() -> None:
    page = body("<div><p>The clerk was a <a class=\"popup\" href=\"#\">rather elderly</a> man, and "
                "<span class=\"tooltip-modal\">very set</span> in his ways. <a class=\"share-link\">Share</a></p>"
                "<div class=\"popup\"><p>Sign up for our letter.</p></div></div>")
    remove_chrome(page)
    text = " ".join(page.text_content().split())
    assert "was a rather elderly man, and very set in his ways." in text
    assert "Share" not in text and "Sign up" not in text


def test_the_shipped_sibling_model_matches_the_code_and_scores_in_range() -> None:
    data = json.loads(resources.files("cleanfeed").joinpath("data/siblings.json").read_text("utf-8"))
    assert data["features"] == list(FEATURES) and len(data["trees"]) >= 10
    model = shipped_model()
    assert 0.0 <= model.probability(tuple(0.0 for _ in FEATURES)) <= 1.0


def test_a_model_file_for_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="features"):
        Model.from_dict({"features": ["size"], "prior": 0.0, "trees": [], "threshold": 0.5})


def test_a_run_of_repeated_link_items_is_found_and_a_menu_of_two_is_not() -> None:
    cards = "".join(f'<div class="card c{n}"><a href="/n/{n}">Story number {n} about scrap</a>'
                    f"<p>A blurb of the story number {n}.</p></div>" for n in range(5))
    page = body(f'<ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul><div class="grid">{cards}</div>')
    items = repeated_items(page)
    assert len(items) == 5 and all(el.get("class", "").startswith("card") for el in items)
    assert repeated_items(body('<ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul>')) == []


def test_a_heading_that_is_the_site_name_is_not_the_headline() -> None:
    md = Metadata(title="A brief intro to git • Cory Dransfeldt", og_title="A brief intro to git • Cory Dransfeldt",
                  site_name="Cory Dransfeldt", headings=("Cory Dransfeldt",))
    assert choose_title(md, ["Cory Dransfeldt", "A brief intro to git"], "Cory Dransfeldt") == "A brief intro to git"
    host = Metadata(title="davidbau.com Vibe Coding", url="https://davidbau.com/archives/vibe.html")
    assert choose_title(host, ["davidbau.com", "Vibe Coding"], "davidbau.com") != "davidbau.com"


def _sections(first: str, others: int) -> lxml.html.HtmlElement:
    """A column of sections, each four wrappers deep; the first holds `first`, the others a sentence."""
    sentence = "<p>" + "A few words on one part of the service, long enough to read as a sentence. " * 2 + "</p>"
    rows = "".join(f'<div class="row"><div><div><div class="text"><p>{first if i == 0 else ""}</p>'
                   f'{sentence if i else ""}</div></div></div></div>' for i in range(others + 1))
    return lxml.html.fromstring(f'<html><body><div id="column">{rows}</div></body></html>')


def test_a_section_among_many_widens_to_the_column_and_an_article_body_does_not() -> None:
    page = _sections("One part of the page, " * 10, others=12)
    top = page.find(".//div[@class='text']")
    assert _widen(top, page.find("body")).get("id") == "column"
    article = _sections("An article's long paragraph, word after word. " * (ROOT_ENOUGH // 40), others=60)
    top = article.find(".//div[@class='text']")
    assert _widen(top, article.find("body")) is top
    short = _sections("One part of the page, " * 10, others=2)        # too little prose on the page to say
    top = short.find(".//div[@class='text']")
    assert _widen(top, short.find("body")) is top


def test_a_long_section_of_a_page_that_does_not_say_article_widens_but_two_articles_side_by_side_do_not() -> None:
    page = _sections("One part of the page, told at length. " * (ROOT_ENOUGH // 30), others=60)
    top = page.find(".//div[@class='text']")
    assert _widen(top, page.find("body")) is top                     # declared article (or unknown): kept
    assert _widen(top, page.find("body"), sections=True).get("id") == "column"
    story = "<p>" + "A story's paragraph, word after word, with its facts. " * 50 + "</p>"
    two = lxml.html.fromstring(f'<html><body><div id="a"><div class="text">{story}</div></div>'
                               f'<div id="b"><div class="text">{story}{story}{story}</div></div></body></html>')
    top = two.find(".//div[@class='text']")                          # the first of two stories (infinite scroll)
    assert _widen(top, two.find("body"), sections=True) is top


def test_a_box_of_teasers_beside_the_article_is_refused_whatever_the_model_says() -> None:
    page = lxml.html.fromstring(Path(__file__).parent.joinpath("pages", "classes", "teaser-box.html").read_bytes())
    top = page.find(".//div[@class='story-text']")
    box = page.find(".//div[@class='latest-box']")
    use_model(Model(prior=10.0, trees=(), threshold=0.5))           # a model that takes every block
    try:
        taken = gather(top, [top])
    finally:
        use_model(None)
    assert top in taken and box not in taken
    assert page.find(".//div[@class='story-wrap']/h1") in taken       # the model still takes the rest


def test_a_short_best_root_gives_way_to_a_runner_up_three_times_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanfeed.html import article

    page = lxml.html.fromstring(
        "<html><body><div id='blurb'><p>Village hall, Mill Lane; Tuesdays and Saturdays at 9:30; mats provided; "
        "first class free.</p></div><div id='reviews'>" + f"<p>{PROSE}</p>" * 6 + "</div></body></html>")

    def two_roots(body: lxml.html.HtmlElement, ruled: list[lxml.html.HtmlElement], *, sections: bool = False,
                  thread: bool = False) -> Iterator[list[lxml.html.HtmlElement]]:
        yield [body.get_element_by_id("blurb")]
        yield [body.get_element_by_id("reviews")]

    monkeypatch.setattr(article, "_root_choices", two_roots)
    html = lxml.html.tostring(page, encoding=str)
    assert "forty yards" in " ".join(article.extract_html(html, url=None, rule=None).paragraphs)
    short = html.replace(f"<p>{PROSE}</p>" * 6, f"<p>{PROSE}</p>")             # not three times: the best stays
    assert "Village hall" in " ".join(article.extract_html(short, url=None, rule=None).paragraphs)


def test_linked_headings_are_entry_titles_only_three_times_over_prose() -> None:
    def heading(n: int) -> Block:
        text = f"Entry number {n}"
        return Block("h2", text, f'<a href="/e/{n}">{text}</a>', link_chars=len(text))

    prose = Block("p", "A paragraph of the entry's own prose, long enough to read as a few sentences. " * 2, "p")
    assert entry_titles([heading(1), prose, heading(2), prose, heading(3), prose]) == {0, 2, 4}
    assert entry_titles([heading(1), prose, heading(2), prose]) == set()          # two: a pair of teasers
    assert entry_titles([heading(1), heading(2), heading(3), prose]) == set()     # a link list over prose


def test_a_widget_printing_markup_as_text_goes_and_one_that_swallowed_the_page_is_unwrapped() -> None:
    """A `<noscript>` whose text is escaped tags (an ad's fallback) is dropped whatever its length; an
    unclosed `<button>` that swallowed the story (libxml2) keeps the story."""
    ad = ("&lt;div&gt;&lt;a href=\"https://ads.example.net/click?slot=1&amp;size=300x250\"&gt;"
          "&lt;img src=\"x\"&gt;&lt;/a&gt;&lt;/div&gt;")
    page = lxml.html.fromstring(f"<html><body><div><p>{PROSE}</p><noscript>{ad * 3}</noscript>"
                                f"<textarea>{ad * 3}</textarea><button>Share<p>{PROSE}</p><p>{PROSE}</p></div>"
                                "</body></html>")
    prune_code(page)
    text = page.text_content()
    assert "ads.example.net" not in text and "<div>" not in text
    assert text.count("forty yards") == 3                   # the swallowed paragraphs stay


def test_a_closed_frame_s_markup_goes_and_one_left_open_gives_the_page_back() -> None:
    """libxml2 reads an `<iframe>` or `<textarea>` as raw text up to its end tag. A closed one's markup is its
    fallback or embed code, never shown with the page (`Your browser does not support inline frames.` leaked
    into the story when every iframe's markup was parsed); one left open read the rest of the page as text."""
    fallback = "<p>Your browser does not support inline frames.</p>"
    page = lxml.html.fromstring(f"<html><body><div><p>{PROSE}</p><iframe src='https://maps.example/e'>{fallback}"
                                f"</iframe><p>{PROSE}</p><textarea rows=3><p>{PROSE}</p><p>{PROSE}</p></div>"
                                "</body></html>")
    prune_code(page)
    text = page.text_content()
    assert "does not support" not in text
    assert text.count("forty yards") == 4 and "<p>" not in text     # the textarea's swallowed paragraphs stay


def test_a_formula_is_text_of_its_sentence_and_its_tex_source_and_hidden_copy_go() -> None:
    """A MathML formula becomes its symbols, one token apart, without its TeX `<annotation>`; a MathJax
    container holding only a formula stays although its class names a context menu (`CtxtMenu_Attached_0`),
    while a box of that class holding other text, a MathML copy hidden by style, and the MathML twin of a
    formula drawn as text (KaTeX) still go."""
    mathml = ("<math><semantics><mrow><mi>k</mi><mo>=</mo><mn>0,97</mn></mrow>"
              "<annotation encoding='application/x-tex'>k = 0{,}97</annotation></semantics></math>")
    page = lxml.html.fromstring(
        f"<html><body><div><p>{PROSE} a factor <mjx-container class='MathJax CtxtMenu_Attached_0'>{mathml}"
        f"</mjx-container> applies.</p><div class='CtxtMenu_Menu'>Show math as TeX {mathml}</div>"
        f"<p>Mass <span style='display: none'>{mathml}</span><img alt='k'> here.</p></div></body></html>")
    prune_code(page)
    remove_chrome(page)
    text = " ".join(page.text_content().split())
    assert "a factor k = 0,97 applies." in text
    assert "{,}" not in text and "Show math" not in text and text.count("0,97") == 1
    drawn = lxml.html.fromstring(f"<html><body><p>{PROSE} is <span class='katex'><span class='katex-mathml'>{mathml}"
                                 "</span><span class='katex-html' aria-hidden='true'>k=0,97</span></span> now.</p>"
                                 "</body></html>")
    prune_code(drawn)
    assert " ".join(drawn.text_content().split()).endswith("is k=0,97 now.")     # KaTeX: read once, as drawn


@pytest.mark.parametrize("heading", ["【免责声明】", "版权声明：", "法律声明", "【版權聲明】"])
def test_a_notice_heading_above_the_story_goes_as_a_line(heading: str) -> None:
    """A notice heading alone on its line cuts the page from there once the story has begun (a legal notice's
    numbered clauses follow it); above the story it was a reprint-notice line, dropped, and stayed in the
    text when it became a section marker only."""
    story = ["今年前五个月我国废铜进口量同比增长百分之十二，其中五月单月进口量创下近两年来的新高，主要来源地为日本。",
             "业内人士分析，国内精废价差扩大是进口回升的主要原因，随着再生铜原料新标准实施，高品质废铜进口通关更加顺畅。",
             "预计下半年废铜进口量将保持增长态势，但海外回收成本上升可能限制增幅，企业需要关注汇率和运费的变化。"]
    page = ("<html><head><title>废铜进口量连续三个月回升</title></head><body><div class=article>"
            f"<h1>废铜进口量连续三个月回升</h1><p>{heading}</p><p>本文仅代表作者观点，不代表本站立场，仅供参考。</p>"
            + "".join(f"<p>{p}</p>" for p in story) + "</div></body></html>")
    text = clean(page.encode()).text
    assert heading.strip("【】：") not in text and text.startswith(story[0][:20]) and story[2][-10:] in text


def test_a_product_page_drops_its_reviews_but_not_a_wrapper_that_holds_the_product() -> None:
    from cleanfeed.html.profiles import drop_reviews

    body = lxml.html.fromstring(
        '<body><div class="product has-reviews"><h1>Oak stool</h1><p>Solid oak, two steps.</p>'
        '<div class="ReviewList"><p>Lovely stool, sturdy and well made.</p></div>'
        '<div class="testimonial-slider"><p>Great shop!</p></div></div></body>')
    removed = drop_reviews(body)
    assert [r.text for r in removed] == ["Lovely stool, sturdy and well made.", "Great shop!"]
    assert body.text_content() == "Oak stoolSolid oak, two steps."
    assert all(r.rule == "reviews" for r in removed)


def _item(text: str, link_chars: int, list_id: int) -> Block:
    return Block("li", text, text, link_chars, list_id, "ul")


def test_the_link_items_of_a_list_of_prose_points_are_text_and_a_list_of_links_is_not() -> None:
    point = "Maria rewrote the import wizard so that it reads passwords at once."
    link = "Bug 2240 - The window no longer jumps"
    blocks = [
        Block("p", "An opening paragraph of the story, long enough to read as prose.", "x"),
        _item(point, 10, 1), _item(link, len(link), 1), _item(point, 12, 1),     # mixed: 2 prose of 3
        _item(link, len(link), 2), _item(link, len(link), 2), _item(point, 8, 2),  # 1 prose of 3: links
        _item(link, len(link), 3), _item(link, len(link), 3),                      # links only
    ]
    assert mixed_list_items(blocks) == {2}
