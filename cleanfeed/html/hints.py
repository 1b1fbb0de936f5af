"""Removal by structure before the article root is chosen: code and chrome tags, hidden elements,
and elements whose class / id say what they are (English and pinyin: `share`, `related`, `xgyd`,
`tuijian`, `pinglun`, …). Every removal is recorded with its rule, for `--explain`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from cleanfeed.html.measure import prose_map, summary_text
from cleanfeed.html.metadata import norm
from cleanfeed.model import Removed
from cleanfeed.rules.html_words import html_words, role_names

_W = html_words()
CODE_TAGS = _W.code_tags
WIDGET_TAGS = _W.widget_tags
CHROME_TAGS = _W.chrome_tags
CHROME_ROLES = _W.chrome_roles
_STRONG_PREFIX = _W.strong_prefix
_STRONG_EXACT = _W.strong_exact
_SOFT = _W.soft
_HIDDEN_WORDS = _W.hidden
_WEAK_PREFIX = _W.weak_prefix
_WHOLE_WEAK = _W.whole_weak
_POSITIVE = _W.positive
_FALSE_FRIENDS = _W.false_friends
_DISCLOSURE = _W.disclosure
_NOT_DISCLOSURE = _W.not_disclosure
_CONTENT_WIDGETS = _W.content_widgets


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A class word that states a state, not what the element is: `is-promoted`, `has-ad`, `no-sidebars`,
# `hide-read-more-ad`, `js-share-target`. Words holding `.` or `:` are generated (`module-json.tool`,
# React's `S:4`) or responsive utilities (`md:block`). Such words name nothing: a Drupal article marked
# `is-promoted` was refused as a promo (wcxb-dev-en, 0 → 11k characters).
MAX_NAMED_WORDS = 4       # an element named by its class words has a few; CSS-in-JS atoms come by the dozen
_STATE_WORD = re.compile(r"^(is|has|no|not|hide|show|js|with|without)[-_]", re.I)


@lru_cache(maxsize=8192)
def hint(names: str) -> tuple[str | None, bool]:
    """(negative rule or None, positive?) for a `class id` string; cached: pages repeat class names. A post's
    taxonomy term classes (`category-gdpr`, `tag-comments` beside `type-post`) say nothing (`role_names`)."""
    names = role_names(names)
    words = names.lower().split()
    tokens = class_words(names)
    positive = _is_positive(tokens)
    if not _HIDDEN_WORDS.isdisjoint(words) and not any(":" in w for w in words):
        return "class:hidden", False                 # (Tailwind `hidden md:block` is shown on screens)
    kept = [w for w in names.split() if not (_STATE_WORD.match(w) or "." in w or ":" in w)]
    named = " ".join(kept)
    strong = weak = None
    for t in tokens if len(kept) == len(words) else class_words(named):
        kind = token_kind(t)
        if kind == STRONG:
            strong = strong or t
        elif kind == WEAK:
            weak = weak or t
    if len(words) <= MAX_NAMED_WORDS:      # `hb hc bo hd b he …`: generated atomic CSS, where `hd` is no header
        weak = weak or next((w for w in named.lower().split() if w in _WHOLE_WEAK), None)
    if strong and not (positive and strong in _SOFT):
        return f"class:{strong}", positive
    if weak and not positive:
        return f"class:{weak}", positive
    return None, positive


NAMES_NOTHING, STRONG, WEAK = 0, 1, 2


@lru_cache(maxsize=8192)
def token_kind(token: str) -> int:
    """STRONG, WEAK or NAMES_NOTHING for one class token, remembered: tokens repeat across class strings
    (the 31,900 distinct class strings of a 240-page sample hold 15,400 distinct tokens), and the tests
    against 75 prefixes cost ~1 µs of `hint`'s 8 µs per class string."""
    if token in _FALSE_FRIENDS:
        return NAMES_NOTHING
    if token in _STRONG_EXACT or token.startswith(_STRONG_PREFIX):
        return STRONG
    return WEAK if token.startswith(_WEAK_PREFIX) else NAMES_NOTHING


def class_words(names: str) -> list[str]:
    """`postShareBar js-x` → post, share, bar, js, x; a generated hash names nothing (`Story_body__kAdX2` →
    story, body: not `ad`)."""
    low = names.lower()
    if low != names:          # (a string with no upper-case letter has no camel-case joint to split)
        low = _CAMEL.sub("-", " ".join(named_part(w) for w in names.split())).lower()
    return [t for t in _SPLIT.split(low) if t]


# A build tool's generated suffix: CSS modules (`ArticleBody_chunk__kAdX2`), styled-components (`sc-bdVaJa
# kYpLQb`), emotion. Split at its case changes it spells words by chance (`kAdX2` → k, ad, x2; `wTagQ` →
# w, tag, q): 0.1-0.5 % of random class strings read as `ad`, `tag`, `bio` or `gg`, and a story split in
# chunks of one such class lost every chunk as an ad (own pages module-chunks-*, recall 0.43-0.46).
_PIECES = re.compile(r"(__|_|-)")
_CAMEL_WORDS = re.compile(r"[A-Z]?[a-z]+(?:[A-Z][a-z]{2,})*")    # `bodyText`, `Header`, `iPhone`: words
_WORD_NUMBER = re.compile(r"[A-Z]?[a-z]+[0-9]+")                   # `footer1`, `ads728`: a word and its number


def is_generated(piece: str) -> bool:
    """5-8 letters and digits mixed the way no name is written: digits among letters (`x7Fq2`, `1q2w3e`),
    or upper-case letters that do not start words (`kYpLQb`, `wTagQ`)."""
    if not 5 <= len(piece) <= 8 or not piece.isalnum() or not piece.isascii():
        return False
    digits = sum(ch.isdigit() for ch in piece)
    if digits:
        return digits < len(piece) and not _WORD_NUMBER.fullmatch(piece)
    return not piece.islower() and not piece.isupper() and not _CAMEL_WORDS.fullmatch(piece)


def named_part(word: str) -> str:
    """A class word without its generated suffix (`ArticleBody_chunk__kAdX2` → `ArticleBody_chunk`), '' for a
    word that is only a hash (`kYpLQb`); any other word as it is."""
    if word.islower() and not any(ch.isdigit() for ch in word):
        return word           # (a generated suffix mixes cases or digits; most class words are lower-case)
    pieces = _PIECES.split(word)
    if len(pieces) >= 3 and pieces[-1].isdigit():
        pieces = pieces[:-2]  # styled-components `Paragraph-sc-adVS2-0`: the hash before a counter
    if not is_generated(pieces[-1]):
        return word
    return "".join(pieces[:-2]) if len(pieces) >= 3 else ""


def plain_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The words of a `(^|-)(w1|w2|…)($|-)` pattern when each is letters and digits only: then it matches
    tokens joined by `-` exactly when one token is such a word (a set lookup per token instead of a
    regex scan). None for any other pattern."""
    head, tail = "(^|-)(", ")($|-)"
    source = pattern.pattern
    if pattern.flags & re.I or not (source.startswith(head) and source.endswith(tail)):
        return None
    words = source[len(head):-len(tail)].split("|")
    return frozenset(words) if all(_PLAIN_WORD.fullmatch(w) for w in words) else None


_PLAIN_WORD = re.compile(r"[a-z0-9]+")
_POSITIVE_WORDS = plain_words(_POSITIVE)


def _is_positive(tokens: list[str]) -> bool:
    """`_POSITIVE` found in the tokens joined by `-`."""
    if _POSITIVE_WORDS is not None:
        return not _POSITIVE_WORDS.isdisjoint(tokens)
    return _POSITIVE.search("-".join(tokens)) is not None


def class_id(el: lxml.html.HtmlElement) -> str:
    """Class and id; an id that is a slug (`how-popular-is-meditation`, from a heading) says nothing, nor do a
    post's taxonomy term classes (`category-gdpr-compliance` beside `type-post`: `role_names`)."""
    ident = el.get("id") or ""
    if ident.count("-") + ident.count("_") >= 3:
        ident = ""
    return role_names(f"{el.get('class') or ''} {ident}".strip())


def _why_chrome(el: lxml.html.HtmlElement) -> str | None:
    """The rule that marks `el` as chrome, or None."""
    tag = el.tag
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    # The attribute names, read once: each of the five `get`s of an attribute most elements lack cost about
    # as much as this one list (1.6 → 1.3 µs an element of the dev sample's pruned pages). The values read
    # are `get`'s: a name in this list without a namespace is exactly an attribute `get` finds.
    keys = el.keys()
    if not keys:                          # most elements: no hidden, style, role, class or id to read
        return "header" if tag == "header" and el.find(".//h1") is None else None
    if ("hidden" in keys or "style" in keys and _HIDDEN_STYLE.search(el.get("style") or "")) and not _disclosed(el):
        return "hidden"
    if "role" in keys and (role := (el.get("role") or "").lower()) in CHROME_ROLES:
        return CHROME_ROLES[role]
    # (`class_id`; without an id, the class alone)
    names = class_id(el) if "id" in keys else role_names((el.get("class") or "").strip()) if "class" in keys else ""
    if names:
        negative, positive = hint(names)
        if negative:
            if tag in ("article", "main") and negative.startswith("class:") and not _is_strong(negative):
                return None
            if _content_widget(names, negative):
                return None
            if negative == _CAPTION and tag in _FIGURE_TAGS:
                return None               # a figure that says it is captioned: its credit goes in html/captions.py
            return negative
    if tag == "header" and el.find(".//h1") is None:
        return "header"
    return None


# `wp-element-caption`, `figure.caption`: a figure's own caption is no chrome. Captions are not article text
# (`article._texts`), so keeping them changes the body HTML only; other `caption` boxes still go.
_CAPTION = "class:caption"
_FIGURE_TAGS = frozenset({"figure", "figcaption"})


# The one weak word that also names a part of a pane widget: an accordion's or a tab set's pane header.
# Held-out (bench/heldout.py): wcxb-dev-other +0.0005 (unread f3 +0.0027, f4 +0.0003), wcxb-dev-en +0.0003
# (a buyer's guide's FAQ and price panes, +0.29), no unread fold down.
_PANE_PART = "class:header"


def _content_widget(names: str, negative: str) -> bool:
    """`header` is the only word marking chrome, and another names a widget showing content in panes
    (`kt-accordion-wrap kt-pane-header-alignment-left`, `accordion-header`); none says the widget is the
    site's navigation or an overlay (`menu-accordion`: a mobile menu)."""
    if negative != _PANE_PART:
        return False
    tokens = class_words(names)
    return not _CONTENT_WIDGETS.isdisjoint(tokens) and not any(t.startswith(_NOT_DISCLOSURE) for t in tokens)


def holds_chrome(el: lxml.html.HtmlElement) -> bool:
    """`el` or an element inside it is named or tagged as chrome, weakly or strongly (`about`, `comments`)."""
    return any(_why_chrome(x) is not None for x in el.iter() if isinstance(x.tag, str))
_STREAMED = re.compile(r"^S:\d+$")


def _disclosed(el: lxml.html.HtmlElement) -> bool:
    """Hidden content a reader opens with a click (a tab panel, an FAQ answer, an accordion body), or a
    React/Next.js streamed segment (`<div hidden id="S:3">`, moved into place by a script): content.
    Measured: +0.0065 F1 on wcxb-dev-other (19 pages up, 3 down), +0.0016 on wcxb-dev-en."""
    if (el.get("role") or "").lower() == "tabpanel" or _STREAMED.match(el.get("id") or ""):
        return True
    tokens = set(class_words(role_names(f"{el.get('class') or ''} {el.get('id') or ''}")))
    return bool(tokens & _DISCLOSURE) and not any(t.startswith(_NOT_DISCLOSURE) for t in tokens)


_CONSENT = ("class:cookie", "class:consent", "class:gdpr")


def _consent_box(el: lxml.html.HtmlElement, why: str) -> bool:
    """A cookie-consent manager's panel (named `cookie` / `consent` / `gdpr`, talking about cookies): never
    the article, however much legal prose it holds (a consent panel of 11,600 characters outscored a news
    front page's teasers)."""
    return why.startswith(_CONSENT) and "cookie" in el.text_content()[:5000].lower()


def _is_strong(rule: str) -> bool:
    t = rule.removeprefix("class:")
    return t in _STRONG_EXACT or t.startswith(_STRONG_PREFIX)


_THREAD_WORDS = ("class:comment", "class:respond", "class:disqus")
_ALWAYS = {"class:comment", "class:comments", "class:commentlist", "class:disqus", "class:respond"}


def _holds_article(el: lxml.html.HtmlElement, prose: dict[lxml.html.HtmlElement, int], page_prose: int) -> bool:
    """Too much of the page's prose, or the headline with a good share of it, to be chrome."""
    mine = prose.get(el, 0)
    if mine >= max(600, 0.4 * page_prose):
        return True
    return mine >= 0.2 * page_prose and el.tag != "h1" and el.find(".//h1") is not None


# A word naming a control (a print button) rather than a kind of container: an element so named that
# holds a paragraph is the part of the page made for printing, the article itself (`kb-tip-print-step`),
# unless the rest of its name says chrome (`print-header`, `print-footer`: reprint notices) or that it is
# shown only on paper (`print-only`, `visible-print`: a "you printed this page" notice).
_CONTROLS = {"class:print"}
_PAPER_ONLY = {"only", "visible", "block", "show", "notice", "none", "hidden", "hide"}
MIN_PROSE = 200


def _printable_text(el: lxml.html.HtmlElement, why: str) -> bool:
    """The control word is all that marks `el` as chrome: without it, its class and id say nothing."""
    word = why.removeprefix("class:")
    tokens = [t for t in _SPLIT.split(_CAMEL.sub("-", class_id(el)).lower()) if t and t != word]
    return not _PAPER_ONLY & set(tokens) and hint(" ".join(tokens))[0] is None


# `中新视频-标题`, `Headline | Site`: the longest piece of the title is the headline's core.
_TITLE_PIECES = re.compile(r"[-|_–—]")


def _weak_box_with_the_story(el: lxml.html.HtmlElement, why: str, mine: int, total: int, headline: str) -> bool:
    """A box named with a weak word (`nav`, `menu`, `header`) that prints the headline and holds nearly
    all of a short page's prose is the story (a photo gallery's caption beside its pager). Without the
    headline in it, such prose is a site description or a notice on a page whose article is rendered by
    script. `headline`: the title without the site name, `norm`-ed."""
    return (len(headline) >= 4 and why.startswith("class:") and why != "class:hidden" and not _is_strong(why)
            and mine >= max(MIN_PROSE, 0.8 * total) and headline in norm(el.text_content()))


# Phrasing elements: a class word on one of them names what it does to a few words (a note popup, a
# tooltip), not a box of the page. Held-out (bench/heldout.py, site-disjoint folds): wcxb-dev-en +0.0005
# (unread fold f3 +0.0020), mozilla-multi +0.0007, no set or fold down by more than 0.0001.
_PHRASING = frozenset({"a", "span", "em", "strong", "b", "i", "u", "font", "abbr", "mark", "small", "cite", "q",
                       "sup", "sub", "code", "br", "img"})
MAX_PHRASE = 200


def _phrasing(tag: str) -> bool:
    """A phrasing tag, or a custom element (`mjx-container`: inline unless a style says otherwise)."""
    return tag in _PHRASING or "-" in tag


def _by_class_word(why: str) -> bool:
    """Only a class word marks the element as chrome (not its tag, role, or a hiding class or style)."""
    return why.startswith("class:") and why != "class:hidden"


def _mid_sentence(el: lxml.html.HtmlElement) -> bool:
    """`el` is a phrasing element holding a short phrase with the sentence's text right before and after
    it: dropping it would tear the sentence, not remove a box (a study text whose every annotated phrase
    is `<a class="popup">` lost 230 phrases of its story)."""
    if not _phrasing(el.tag):
        return False
    if not (el.tail or "").strip():
        return False
    prev, parent = el.getprevious(), el.getparent()
    before = prev.tail if prev is not None else parent.text if parent is not None else None
    if not (before or "").strip():
        return False
    return all(_phrasing(x.tag) for x in el.iterdescendants() if isinstance(x.tag, str)) and \
        len(" ".join(el.text_content().split())) <= MAX_PHRASE


FORMULA = "data-formula"     # prune.prune_code marks the `<span>` it puts for a MathML formula with this


def _formula_box(el: lxml.html.HtmlElement) -> bool:
    """`el` holds a formula and no other text: a MathJax container (`<mjx-container class="MathJax
    CtxtMenu_Attached_0">`), whose class words name its context menu, not a menu of the page."""
    formulas = [f for f in el.iter("span") if f.get(FORMULA) is not None]
    return bool(formulas) and len("".join(el.text_content().split())) <= sum(
        len("".join(f.text_content().split())) for f in formulas)


# WordPress's body_class() names the post a single-post page shows (`single single-post postid-3767`), and
# post_class() prints `post-N type-… ` on every post's element: one with another N is another post's card (a
# list of other posts beside the story: `elementor-post post-4185 post type-post …`), whatever it is filed under.
# Not on a forum thread's page: bbPress prints its topic's replies with post_class (`post-101 reply type-reply` on a
# `single-topic postid-100` page), and they are the thread's text.
_POSTID = re.compile(r"(?:^|\s)postid-([0-9]+)(?:\s|$)")
_POST_N = re.compile(r"(?:^|\s)post-([0-9]+)(?:\s|$)")
_OTHER_POST = "other-post"


def own_post(body: lxml.html.HtmlElement) -> str | None:
    """The id of the post a WordPress single-post page shows (`<body class="… single-post postid-3767">`)."""
    page = body if body.tag == "body" else next(body.iterancestors("body"), None)
    m = _POSTID.search(page.get("class") or "") if page is not None else None
    return m.group(1) if m else None


def _other_post(el: lxml.html.HtmlElement, own: str, headline: str) -> bool:
    """`el` is printed by post_class for a post other than `own` and does not hold the headline (`norm`-ed): an
    element of another post around the headline is the theme's template post wrapping the whole single-post layout
    (tagDiv's `post-90 tdb_templates type-tdb_templates`), not a card. (Not the `<h1>`: Elementor's loop cards
    title other posts with one.)"""
    names = el.get("class") or ""
    if "post-" not in names or " type-" not in f" {names}":
        return False
    m = _POST_N.search(names)
    if m is None or m.group(1) == own:
        return False
    return len(headline) < 4 or headline not in norm(el.text_content())


def remove_chrome(body: lxml.html.HtmlElement, keep: frozenset[lxml.html.HtmlElement] = frozenset(),
                  title: str | None = None, *, thread: bool = False) -> list[Removed]:
    """Remove chrome elements under `body`; never one that holds most of the page's text or the
    headline, nor anything in `keep` (a site rule's body and its ancestors). `title`: the headline, when
    known. `thread`: the page is a forum thread, whose posts and replies (named `comment`) are its text."""
    headline = max((norm(p) for p in _TITLE_PIECES.split(title)), key=len) if title else ""
    prose = prose_map(body)
    total = prose.get(body, 0)
    doomed: list[tuple[lxml.html.HtmlElement, str]] = []
    own = None if thread else own_post(body)     # (a topic's replies are posts of their own: `post-101 type-reply`)
    walker = etree.iterwalk(body, events=("start",))
    for _, el in walker:
        if el is body or not isinstance(el.tag, str):
            continue
        why = _why_chrome(el) or (_OTHER_POST if own and _other_post(el, own, headline) else None)
        if why is None or el in keep or thread and why.startswith(_THREAD_WORDS):
            continue
        if why not in _ALWAYS and not _consent_box(el, why) and _holds_article(el, prose, total):
            continue                      # a page wrapper with an unlucky class (`sidebar-first-only`)
        if _weak_box_with_the_story(el, why, prose.get(el, 0), total, headline):
            continue                      # a gallery's caption and headline in `<div class="nav">`
        if why in _CONTROLS and prose.get(el, 0) >= MIN_PROSE and _printable_text(el, why):
            continue                      # `kb-tip-print-step`: the printable text, not a print button
        if _by_class_word(why) and (_mid_sentence(el) or _formula_box(el)):
            continue                      # `a <a class="popup">rather elderly</a> man`: words of the story
        doomed.append((el, why))
        walker.skip_subtree()
    removed = []
    for el, why in doomed:
        text = summary_text(el)
        if text:
            removed.append(Removed(text, why))
        el.drop_tree()
    return removed
