"""Finding one's way in an uncleaned lxml page: which containers never hold the article's own date
(navigation, sidebars, comments, related lists, site footers) and where the headline is (the text printed
around it is read by header.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from cleanfeed.model import Elements
from cleanfeed.rules.html_words import html_words, role_names
from cleanfeed.textnorm import squeeze

# Page regions whose dates belong to other pages or to readers (cleanfeed/data/html_words.toml,
# [date_regions]). The patterns see lower-cased class and id values (IGNORECASE doubles their cost).
_REGIONS = html_words()
_EXCLUDED_TAGS = _REGIONS.date_excluded_tags
_HARD_WORDS = _REGIONS.date_hard
_SOFT_WORDS = _REGIONS.date_soft
_ARTICLE_FOOTER = _REGIONS.date_article_footer
_CONTENT_WIDGET = _REGIONS.date_content_widget
_OWN_DATE = _REGIONS.date_own_date
_SINGLE_VIEW = _REGIONS.date_single_view
_SCOPE_WORDS = _REGIONS.date_scope

BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "section",
                        "article", "td", "th", "tr", "table", "br", "dd", "dt", "dl", "blockquote", "figure",
                        "figcaption", "address", "pre", "main", "footer", "aside", "nav", "hr", "center",
                        "tbody", "thead", "caption", "body", "html"})
_HEADING_RANK = {"h1": 0, "h2": 1, "h3": 2}
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|_|\s*(?:——|--+|－－)\s*|\s*[|｜]\s*|\s+::\s+|\s+»\s+")


@dataclass(frozen=True)
class Tags:
    """The kinds of element the machine-readable strategies read, gathered in one walk of the tree:
    each doc.iter(tag) walks the whole page, and four of them cost 0.5 ms on a typical one."""

    metas: list[Any]
    scripts: list[Any]
    links: list[Any]
    times: list[Any]
    headings: list[Any] = field(default_factory=list)    # the first MAX_HEADINGS h1/h2/h3, for headline()
    abbrs: list[Any] = field(default_factory=list)       # <abbr title> (hAtom's `published`, timeago's stamp)
    # For footer.footer_boxes: two more whole-page walks (`iter("footer")`, and `iter("article")` to its first
    # match, the whole page where there is none) on every page whose footer is read.
    footers: list[Any] = field(default_factory=list)
    articles: list[Any] = field(default_factory=list)


MAX_HEADINGS = 40


_TAGGED = ("meta", "script", "link", "time", "h1", "h2", "h3", "abbr", "footer", "article")


def tags_of(doc: Any, elements: Elements | None = None) -> Tags:
    """One walk of the tree (it costs as much as the rest of a cheap page's date search); none when the
    extractor walked it for these tags already (`elements`, model.elements_of)."""
    found: dict[str, list[Any]] = {"meta": [], "script": [], "link": [], "time": [], "abbr": [], "footer": [],
                                   "article": []}
    headings: list[Any] = []
    walked = (e for e in elements.found if e.tag in _TAGGED) if elements is not None and elements.covers(_TAGGED) \
        else doc.iter(*_TAGGED)
    for el in walked:
        tag = el.tag
        if tag in _HEADING_RANK:
            if len(headings) < MAX_HEADINGS:
                headings.append(el)
        elif tag != "abbr" or el.get("title"):
            found[tag].append(el)
    return Tags(found["meta"], found["script"], found["link"], found["time"], headings, found["abbr"],
                found["footer"], found["article"])


def regional_language(doc: Any, tags: Tags, language: str) -> str:
    """`language` with the region the page declares for it (`en` → `en-gb` from `xml:lang="en-GB"` or
    og:locale `en_GB`): the region decides whether `02/10/2020` is 2 October or 10 February."""
    declared = [doc.get("lang"), doc.get("xml:lang")]
    declared += [el.get("content") for el in tags.metas
                 if (el.get("property") or el.get("http-equiv") or "").lower() in ("og:locale", "content-language")]
    primary = language.split("-")[0]
    for value in declared:
        tag = (value or "").strip().replace("_", "-").lower()
        if "-" in tag and tag.split("-")[0] == primary:
            return tag if "-" not in language else language
    return language


def _marks(el: Any) -> str:
    """Class and id, lower-cased; an id holding a URL or path (`<text id="http://…/archives.php">` from a
    crawler's wrapper, a permalink as id) names no kind of container: its words ("archive") say nothing, nor do
    a post's taxonomy term classes (`tag-cookies`, `category-archive` beside `type-post`: `role_names`)."""
    ident = el.get("id") or ""
    return role_names(f"{el.get('class') or ''} {'' if '/' in ident else ident}".lower())


def is_excluded_element(el: Any, *, soft: bool = True) -> bool:
    """This element itself is a navigation/sidebar/comment/related/footer container, or a link card."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "a" and len(el) and is_link_card(el):      # (a link of bare text, most of them, has no children)
        return True
    if tag not in _EXCLUDED_TAGS and el.get("class") is None and el.get("id") is None:
        return False
    return _excluded_marks(tag, _marks(el), soft)


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def is_link_card(el: Any) -> bool:
    """An `<a href>` holding a heading: a card for another page (its title, a teaser, its date), in a carousel,
    a grid of tiles or a list after the body, in whatever box it stands (`<a class="post-card"><h3>…</h3>
    <span>July 17, 2025</span></a>`). A byline's permalink around the date alone (`Posted on <a rel=bookmark>
    <time>…`) holds no heading: the page's own."""
    return el.get("href") is not None and next(el.iter(*_HEADING_TAGS), None) is not None


@lru_cache(maxsize=8192)
def _excluded_marks(tag: str, marks: str, soft: bool) -> bool:
    """is_excluded_element by tag and marks: the same class strings recur on every page of a CMS (and
    every element of a list), and the word patterns are the cost (a third of a header walk)."""
    if tag in _EXCLUDED_TAGS:
        # A footer or aside inside a post ("entry-footer: Posted on …", a "blogData" box) is the article's.
        return not (tag in ("footer", "aside") and (_ARTICLE_FOOTER.search(marks) or not soft))
    if len(marks) < 2:
        return False
    if _HARD_WORDS.search(marks) and not _CONTENT_WIDGET.search(marks) and not _OWN_DATE.search(marks):
        return True
    return (soft and _SOFT_WORDS.search(marks) is not None and not _ARTICLE_FOOTER.search(marks)
            and not _SINGLE_VIEW.search(marks))


@dataclass(frozen=True)
class Layout:
    """The headline, the article container around it, and the chain of the headline's ancestors: those
    hold the article, so their class names ("mainwrap sidebar-layout") never exclude it."""

    head: Any | None
    article: Any | None
    chain: dict[Any, int]        # headline ancestor → depth above the headline (0 = the headline)
    seen: dict[tuple[Any, bool], bool] = field(default_factory=dict, compare=False)   # memo per element

    def excluded(self, el: Any, *, hard_only: bool = False) -> bool:
        """Inside (or itself) a container whose dates never count; `hard_only` ignores the soft words
        (for a labelled date: "Erschienen am: 01.11.2023" in a page footer is still the page's)."""
        below: list[Any] = []
        stop = None
        for node in (el, *el.iterancestors()):
            if node in self.chain:
                stop = node
                break
            below.append(node)
        article_depth = self.chain.get(self.article, -1) if self.article is not None else -1
        inside = hard_only or (stop is not None and self.chain[stop] <= article_depth)
        return any(self._judge(n, not inside) for n in below)

    def _judge(self, node: Any, soft: bool) -> bool:
        key = (node, soft)
        if key not in self.seen:
            self.seen[key] = is_excluded_element(node, soft=soft)
        return self.seen[key]

    def inside(self, el: Any) -> bool:
        return self.article is not None and any(a is self.article for a in el.iterancestors())


def layout_of(doc: Any, headings: list[Any] | None = None) -> Layout:
    head = headline(doc, headings)
    if head is None:
        return Layout(None, None, {})
    chain = {node: depth for depth, node in enumerate((head, *head.iterancestors()))}
    return Layout(head, scope(head), chain)


def first_h1(headings: list[Any]) -> Any | None:
    """The first h1 outside navigation, sidebars and footers: a cheap stand-in for `headline` where the
    metadata already named a date and only a quick look under the headline is wanted."""
    return next((h for h in headings if h.tag == "h1" and not _in_chrome(h)), None)


def excluded(el: Any) -> bool:
    """Inside (or itself) an excluded container, judged without knowing where the article is."""
    return Layout(None, None, {}).excluded(el)


def text_of(el: Any, limit: int = 400) -> str:
    return squeeze(" ".join(t for t in el.itertext() if t and t.strip()))[:limit]


def page_titles(doc: Any) -> list[str]:
    """og:title (usually the headline alone) and <title> (often with the site name)."""
    out = []
    head = doc.find("head")
    for el in (head if head is not None else doc).iter("meta"):
        if el.get("property") == "og:title" and (el.get("content") or "").strip():
            out.append(squeeze(el.get("content")))
            break
    # lxml's iter() looks ahead for the next match: on the whole page that walks it all; <head> first.
    title = next(head.iter("title"), None) if head is not None else None
    title = next(doc.iter("title"), None) if title is None else title
    # text_content() is an XPath call: 3x the cost of itertext.
    text = "".join(title.itertext()) if title is not None else ""
    if text.strip():
        out.append(squeeze(text))
    return out


_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class _Title:
    """A page title, lower-cased, with its set of words: read once, matched against every heading."""

    text: str
    words: frozenset[str]


def _title_match(text: str, title: _Title) -> float:
    """How much of the longer of heading and title the two share: a logo h1 ("Old Blog") covers a small
    part of "Old Blog: This is my old blog", the post's own heading a larger one."""
    if not text or not title.text:
        return 0.0
    if text in title.text or title.text in text:
        return min(len(text), len(title.text)) / max(len(text), len(title.text))
    wa = set(_WORDS.findall(text))
    return len(wa & title.words) / max(len(wa | title.words), 1)


def headline(doc: Any, headings: list[Any] | None = None) -> Any | None:
    """The article's headline element: the h1/h2/h3 that best matches the page title (h1 first on a tie),
    else the element whose own text is the title's first segment, else the first h1. `headings`: the
    first h1/h2/h3 in document order when the caller already walked the tree for them (Tags)."""
    titles = [t.lower() for t in page_titles(doc)]
    read = [_Title(t, frozenset(_WORDS.findall(t))) for t in titles]
    scored = []
    first_h1 = None
    found = headings if headings is not None else doc.iter("h1", "h2", "h3")
    for n, el in enumerate(found):      # document order
        if n >= MAX_HEADINGS:
            break
        text = squeeze("".join(el.itertext())[:600]).lower()      # text_content() is an XPath call: 3x the cost
        if len(text) < 2:
            continue
        first_h1 = el if first_h1 is None and el.tag == "h1" else first_h1
        score = max((_title_match(text, t) for t in read), default=0.0)
        if el.tag == "h1" and round(score, 1) == 1.0 and not _in_chrome(el):
            return el           # nothing can rank above the first h1 that is the title (the sort below)
        scored.append((-round(score, 1), _HEADING_RANK[el.tag], n, el))
    scored.sort(key=lambda s: s[:3])
    # A heading inside navigation or a sidebar is a menu entry or a teaser, however well it matches.
    scored = [s for s in scored[:6] if not _in_chrome(s[3])]
    best = scored[0] if scored else None
    if best is not None and -best[0] >= 0.3:
        return best[3]
    segment = _TITLE_SPLIT.split(titles[-1])[0].strip() if titles else ""
    if len(segment) >= 4:
        hits = [h for h in _with_text(doc, segment) if h.tag != "title" and not is_excluded_element(h)]
        if hits:
            return hits[0]
    return first_h1


def _in_chrome(el: Any) -> bool:
    return any(a.tag in ("nav", "aside", "footer") for a in el.iterancestors())


_SAME_LENGTH = etree.XPath("//body//*/text()[string-length(normalize-space(.)) = $n]")
_WITH_TEXT = etree.XPath("//body//*[text()[translate(normalize-space(.), $up, $low)=$t]]")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _with_text(doc: Any, text: str) -> list[Any]:
    """The elements (document order) with a text child that reads `text` once spaces are normalized and
    ASCII lower-cased. A length filter first: translate() on every text node of the page costs 3 ms."""
    parents: list[Any] = []
    for piece in _SAME_LENGTH(doc, n=len(text)):
        if _XML_SPACE.sub(" ", piece).strip(" \t\r\n").translate(_ASCII_LOWER) == text:
            owner = piece.getparent()
            owner = owner.getparent() if piece.is_tail else owner
            if owner is not None and all(owner is not p for p in parents):
                parents.append(owner)
    if len(parents) > 1:          # document order of elements is not that of their text: ask libxml2
        found: list[Any] = _WITH_TEXT(doc, t=text, up="ABCDEFGHIJKLMNOPQRSTUVWXYZ", low="abcdefghijklmnopqrstuvwxyz")
        return found
    return parents


def scope(el: Any) -> Any | None:
    """The article container around the headline: an <article>/<main>, or a post/entry/content block."""
    for depth, anc in enumerate(el.iterancestors()):
        if anc.tag in ("article", "main") or (depth < 6 and _SCOPE_WORDS.search(_marks(anc))
                                              and not is_excluded_element(anc)):
            return anc
        if anc.tag == "body":
            return None
    return None
