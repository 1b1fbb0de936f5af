"""Fast paths of the cleaning walk answer exactly as the slower code they replace (issue 17, speed): the
class-word reading of `hints.hint`, and `normalise_newlines`."""
from __future__ import annotations

import re

import pytest

from cleanfeed.html import hints, measure
from cleanfeed.textnorm import normalise_newlines


def _reference_tokens(names: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", names).lower()) if t]


@pytest.mark.parametrize("names", [
    "postShareBar js-x", "article-body-content col-xs-12", "ARTICLE Body", "mainContent", "İstanbul-news",
    "Kelvin\u212aShare", "plain", "", "   ", "a--b__c", "relatedPosts sidebarWidget",
])
def test_tokens_split_as_the_camel_case_regex(names: str) -> None:
    assert hints.class_words(names) == _reference_tokens(names)


def test_plain_words_reads_only_a_pattern_of_plain_words() -> None:
    assert hints.plain_words(re.compile(r"(^|-)(article|body2)($|-)")) == {"article", "body2"}
    assert hints.plain_words(re.compile(r"(^|-)(art.*|body)($|-)")) is None        # a regex, not a word
    assert hints.plain_words(re.compile(r"(^|-)(main-text)($|-)")) is None          # a word across tokens
    assert hints.plain_words(re.compile(r"(^|-)(article)($|-)", re.I)) is None
    assert hints.plain_words(re.compile(r"article|body")) is None


def test_the_shipped_positive_words_take_the_set_lookup() -> None:
    assert hints._POSITIVE_WORDS is not None and "article" in hints._POSITIVE_WORDS


@pytest.mark.parametrize("names", [
    "article-body", "post-content", "entry", "contentWrapper", "main", "not-article-x", "articles", "mainly",
    "sidebar", "story__text", "", "zw",
])
def test_positive_answers_as_the_regex_over_joined_tokens(names: str) -> None:
    tokens = hints.class_words(names)
    assert hints._is_positive(tokens) == (hints._POSITIVE.search("-".join(tokens)) is not None)


@pytest.mark.parametrize(("token", "kind"), [
    ("share", hints.STRONG), ("sidebar", hints.STRONG), ("menu", hints.WEAK), ("navbar", hints.WEAK),
    ("body", hints.NAMES_NOTHING), ("headlines", hints.NAMES_NOTHING),    # a false friend of `header`
])
def test_token_kind(token: str, kind: int) -> None:
    assert hints.token_kind(token) == kind


@pytest.mark.parametrize(("names", "expected"), [
    ("share-bar", ("class:share", False)),
    ("is-promoted node-article", (None, True)),           # a state word names nothing
    ("hidden md:block", (None, False)),                   # Tailwind: shown on screens
    ("hidden", ("class:hidden", False)),
    ("menu", ("class:menu", False)),
    ("article-menu", (None, True)),                       # a weak word beside a positive one
    ("postShareBar", ("class:share", True)),
])
def test_hint_reads_class_words(names: str, expected: tuple[str | None, bool]) -> None:
    assert hints.hint.__wrapped__(names) == expected      # uncached, as computed


@pytest.mark.parametrize(("text", "expected"), [
    ("a\r\nb\rc\x0cd\x0be\n", "a\nb\nc\nd\ne\n"),
    ("\r\r\n\n", "\n\n\n"),
    ("no breaks at all", "no breaks at all"),
    ("中文\r\n第二行", "中文\n第二行"),
    ("", ""),
])
def test_normalise_newlines(text: str, expected: str) -> None:
    assert normalise_newlines(text) == expected


# The sibling scorer's trees compiled to one expression (html/siblings.compiled_trees): the same float
# as walking them, to the last bit.

def _thresholds(tree: object) -> list[float]:
    if not isinstance(tree, list):
        return []
    return [float(tree[1]), *_thresholds(tree[2]), *_thresholds(tree[3])]


def test_compiled_trees_score_as_the_walk() -> None:
    import random

    from cleanfeed.html.siblings import FEATURES, shipped_model

    model = shipped_model()
    assert model.log_odds != model.walked_log_odds          # the shipped model compiles
    cuts = [t for tree in model.trees for t in _thresholds(tree)]
    rng = random.Random(17)
    for _ in range(3000):
        x = tuple(rng.choice((rng.choice(cuts), rng.uniform(-5, 50), 0.0, -0.0)) for _ in FEATURES)
        assert model.log_odds(x) == model.walked_log_odds(x)
        assert 0.0 <= model.probability(x) <= 1.0


def test_compiled_trees_refuse_what_has_no_literal() -> None:
    from cleanfeed.html.siblings import Model, compiled_trees

    assert compiled_trees(0.5, ([0, 1.5, -0.25, 0.75], 0.125)) is not None
    assert compiled_trees(0.5, ([0, float("inf"), -0.25, 0.75],)) is None
    assert compiled_trees(float("nan"), (0.1,)) is None
    assert compiled_trees(0.5, ([0, 1.5, -0.25],)) is None          # a malformed node
    assert compiled_trees(0.5, (["x", 1.5, -0.25, 0.75],)) is None  # an index that is no int
    walked = Model(0.5, ([0, float("inf"), -0.25, 0.75],), 0.5)
    assert walked.log_odds((1.0,)) == walked.walked_log_odds((1.0,)) == 0.25


@pytest.mark.parametrize("low", [
    "epubyline", "pub-date", "a pub", "xpub", "publisher", "\npub", "mepub date", "pubpub", "post-meta\nentry-info",
    "", "republished", "9pub", "_pub", "épub",
])
def test_hinted_starts_find_what_the_lookbehind_regex_finds(low: str) -> None:
    from cleanfeed.dates.header import _HINTED_LOW, hinted_starts

    assert list(hinted_starts(low)) == [m.start() for m in _HINTED_LOW.finditer(low)]


@pytest.mark.parametrize("href", [
    "/", "./", "/index.html", "index.php", "https://example.com/", "http://example.com", "HTTPS://Example.com/Index.HTM",
    "https://example.com/news/2024/a.html", "//cdn.example.com/", "/a/b", "./index.html", "https://example.com//",
])
def test_home_links_hold_at_most_max_home_slashes(href: str) -> None:
    from cleanfeed.html.headline import _HOME_HREF, MAX_HOME_SLASHES

    if _HOME_HREF.match(href):
        assert href.count("/") <= MAX_HOME_SLASHES


_PITCH = ("<div class='box'>Did you like this story? Subscribe to our newsletter and get the best of it in your"
          " inbox every week.</div>")
_STORY = "".join(f"<p>Paragraph {n} of the story about aluminium scrap prices, long enough to count.</p>"
                 for n in range(10))


@pytest.mark.parametrize(("html", "dropped"), [
    (f"<div>{_STORY}{_PITCH}</div>", 1),                     # in the last half of the root: a pitch
    (f"<div>{_PITCH}{_STORY}</div>", 0),                     # at the top: the story's own box
    (f"<div><p>Short story.</p>{_PITCH}</div>", 0),          # a root too short to trim
    (f"<div>{_STORY}<div>{_STORY}{_PITCH}</div></div>", 1),  # a wrapper starting early holds it
])
def test_drop_pitch_boxes(html: str, dropped: int) -> None:
    import lxml.html

    from cleanfeed.html.pitch import drop_pitch_boxes

    root = lxml.html.fragment_fromstring(html)
    texts = drop_pitch_boxes(root)
    assert len(texts) == dropped
    assert ("Subscribe" in root.text_content()) is (dropped == 0)


@pytest.mark.parametrize("html", [
    f"<div>{_STORY}</div>", "<div><p>short</p></div>", f"<p>{'y' * 70}</p>", "<div></div>",
    f"<section><div>{_STORY}<br>tail text" + "x" * 80 + "</div></section>",
])
def test_prose_in_is_the_maps_entry(html: str) -> None:
    import lxml.html

    root = lxml.html.fragment_fromstring(html)
    assert measure.prose_in(root) == measure.prose_map(root).get(root, 0)


@pytest.mark.parametrize("text", [
    "Plain  ASCII\tline\n with breaks ", "相關閱讀：銅價", "Ｆｕｌｌ－ｗｉｄｔｈ ＡＳＣＩＩ", "ﬁne ligature", "", "  ",
    "Mixed 中文 and English", "Caf\u00e9 crème",
])
def test_as_line_keys_as_line_key(text: str) -> None:
    from cleanfeed.html.blockline import as_line
    from cleanfeed.text.lines import fold, line_key

    assert as_line(text).key == line_key(fold(text))


@pytest.mark.parametrize("raw", [
    "word " * 400, "  " + "x" * 1300, "a" + " " * 1300 + "b", "short text", "", "y" * 300, "y" * 301,
    ("\n\t  " * 100 + "w") * 20, "中文" * 700, "z" * 1199 + " tail",
])
@pytest.mark.parametrize("limit", [1, 300])
def test_shortened_is_fold_then_cut(raw: str, limit: int) -> None:
    text = " ".join(raw.split())
    assert measure.shortened(raw, limit) == (text if len(text) <= limit else text[:limit] + "…")


@pytest.mark.parametrize("raw", [
    "\n    Some text here.\n   ", "a  b", "\u00a0x\u3000y\t", " ", "\n", "word", "\x1c\x1dz", "x\u2028", "",
])
def test_fold_spaces_is_the_regex_fold(raw: str) -> None:
    from cleanfeed.html.blocks import _SPACE, fold_spaces

    assert fold_spaces(raw) == _SPACE.sub(" ", raw)


def test_str_split_and_regex_agree_on_whitespace() -> None:
    import sys

    from cleanfeed.html.blocks import _SPACE

    assert not [c for c in range(sys.maxunicode + 1) if chr(c).isspace() != bool(_SPACE.fullmatch(chr(c)))]


@pytest.mark.parametrize(("text", "title"), [
    ("Copper prices rise", "Copper Prices Rise!"),
    ("Copper prices rise " + "and go on rising " * 20, "Copper prices rise"),
    ("İ" * 50, "i" * 50), ("İ" * 60, "i" * 50), ("ΣΑΣ " * 30, "σας" * 30),
    ("x" * 40 + "!" * 400, "x" * 40), ("___" * 100 + "ab", "ab"), ("", "a"),
])
def test_norm_is_compares_as_norm(text: str, title: str) -> None:
    from cleanfeed.html.metadata import norm, norm_is

    key = norm(title)
    assert norm_is(text, key) == (norm(text) == key)


@pytest.mark.parametrize("html", [
    "<a href='/x'>plain link</a>", "<a>two <b>parts</b> tail</a>", "<p></p>", "<p>text<!-- a comment --></p>",
    "<p>text<br>more</p>", "<a>&amp; entity</a>",
])
def test_text_length_is_the_text_contents(html: str) -> None:
    import lxml.html

    el = lxml.html.fragment_fromstring(html)
    assert measure.text_length(el) == len(el.text_content())
    assert measure.element_text(el) == el.text_content()
