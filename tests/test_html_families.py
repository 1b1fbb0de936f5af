"""Hand-written pages of site families no shared set covers (tests/pages/families/, SOURCE.md): generated
CSS classes (CSS modules, emotion, styled-components, Nuxt scoped styles), Arc-like newspapers, newsletters,
press wires, investor-relations releases, AMP, `<br><br>` bodies, trade pages with price tables and
notices. The article text must hold the gold body (recall) without much else (precision), measured with the
benchmark's 4-token windows. A page listed in KNOWN_LIMITS documents a limit (strict xfail: a fix is noticed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.html.hints import hint, named_part
from tests.helpers.scoring import score

PAGES = sorted(Path(__file__).parent.joinpath("pages", "families").glob("*.html"))
MIN_RECALL = 0.95          # the whole body: a lost paragraph of eight costs more than this
MIN_PRECISION = 0.7        # and not the page: a fix that keeps every block fails here
KNOWN_LIMITS: dict[str, str] = {
    "outline-slices-zinc": "the story's slices are siblings of the root's own slice, and two of them in the middle "
                           "score just under the sibling scorer's threshold (0.49): the middle of the story is lost",
}


def test_every_family_has_pages() -> None:
    stems = {p.stem.split("-")[0] for p in PAGES}
    assert stems >= {"next", "emotion", "nuxt", "arc", "styled", "substack", "beehiiv", "prwire", "businesswire",
                     "ir", "amp", "br", "trade", "react", "draft", "module",
                     "ghost", "medium", "blogger", "tumblr", "typepad", "brightspot", "wpvip", "gatsby", "hubspot",
                     "sitecore", "aem", "prnewswire", "globenewswire", "outline"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_body_of_a_family_page(page: Path, request: pytest.FixtureRequest) -> None:
    if page.stem in KNOWN_LIMITS:
        request.node.add_marker(pytest.mark.xfail(reason=KNOWN_LIMITS[page.stem], strict=True))
    gold = json.loads(page.with_suffix(".gold.json").read_text("utf-8"))
    article = clean(page.read_bytes())
    got = score({"p": gold}, {"p": {"articleBody": article.text}})
    assert article.page_type == "article"
    assert got.recall >= MIN_RECALL and got.precision >= MIN_PRECISION, (got, article.text)


@pytest.mark.parametrize(("word", "named"), [
    ("ArticleBody_chunk__kAdX2", "ArticleBody_chunk"),    # CSS modules: the suffix names nothing
    ("Layout_column__wTagQ", "Layout_column"),
    ("kYpLQb", ""), ("sc-bdVaJa", "sc"), ("Paragraph-sc-adVS2-0", "Paragraph-sc"),   # styled-components
    ("css-1q2w3e", "css"),                                 # emotion
    ("footer1", "footer1"), ("ads728", "ads728"), ("adSlot", "adSlot"), ("bodyText", "bodyText"),
    ("postShareBar", "postShareBar"), ("col-md-12", "col-md-12"), ("article__body", "article__body"),
])
def test_a_generated_suffix_names_nothing(word: str, named: str) -> None:
    assert named_part(word) == named


def test_hashed_classes_do_not_read_as_boilerplate_words() -> None:
    assert hint("ArticleBody_chunk__kAdX2")[0] is None and hint("sc-kzAdM-0 g8AKof")[0] is None
    assert hint("AdSlot_wrapper__p3Rt8")[0] == "class:ad" and hint("navBar")[0] == "class:nav"
