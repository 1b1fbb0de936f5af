"""The headline and the lead box a page prints. The headline matters when the `<title>` names no article
(`欢迎访问〖…〗`, `华南金属报`, `::: 臺灣區再生金屬工業同業公會 ::: 最新消息`) or is not what the page prints.

Old CMS templates print the headline in a `<td class="bt">` or `<div class="art_title">`, right above the
date / source line; a site names itself in its home link and logo. Pure functions over the uncleaned
body (before chrome removal, which could take the headline's table cell with it): `page_title` chooses the
headline with the page's metadata, `heading_element` finds the element that prints it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from cleanfeed.html.blockline import as_line, looks_like_header
from cleanfeed.html.blocks import Block
from cleanfeed.html.measure import element_text, heading_text
from cleanfeed.html.metadata import Metadata, choose_title, is_placeholder_title, norm
from cleanfeed.rules.html_words import role_names
from cleanfeed.rules.linerules import GenericRules, generic_rules
from cleanfeed.rules.textrules import text_rules
from cleanfeed.text.lines import is_paragraph
from cleanfeed.text.multiline import split_lead_label
from cleanfeed.textnorm import HAN, count_chars

_LEAFISH = frozenset({"h1", "h2", "h3", "h4", "p", "div", "td", "span", "strong", "b", "font", "center"})
_BLOCK_CHILDREN = frozenset({"div", "p", "td", "tr", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "br"})
_HOME_HREF = re.compile(r"^(/|\./)(index\.\w+)?$|^index\.\w+$|^https?://[^/]+/?(index\.\w+)?$", re.I)
_SENTENCE_END = re.compile(r"[。.!?！？;；:：]$")
_CRUMB = re.compile(r"[>»›]|\s[|/]\s")
_TITLED_XPATH = etree.XPath("//*[self::div or self::p or self::span or self::td or self::strong or self::font]"
                            "[contains(@class, 'tit') or contains(@id, 'tit') or contains(@class, 'biaoti')]")
_TITLE_WORDS = frozenset({"title", "tit", "biaoti", "headline"})
MAX_SCAN = 400          # elements looked at before giving up: the header line sits near the top
MAX_HOME_SLASHES = 3    # the most any `_HOME_HREF` match holds (`https://host/index.html`)
MAX_HEADLINE = 150      # characters


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(element_text(el).split())


def site_names(body: lxml.html.HtmlElement, declared: Iterable[str | None] = (), url: str | None = None
               ) -> frozenset[str]:
    """The site's own names, `norm`-ed: its home links' texts and logo `alt`s, and the declared ones
    (`og:site_name`, `<meta name="SiteName">`). `url`: the page's address, when known."""
    names = {norm(n) for n in declared if n}
    in_folder = _in_folder(url)
    for a in body.iter("a"):
        href = (a.get("href") or "").strip()
        # (a home link holds at most three slashes, `https://host/`: most links are refused by the count)
        if href.count("/") <= MAX_HOME_SLASHES and _HOME_HREF.match(href) and not (in_folder and href == "./"):
            names.add(norm(_text(a)))
            names.update(norm(img.get("alt")) for img in a.iter("img") if img.get("alt"))
    return frozenset(n for n in names if len(n) >= 2)


def _in_folder(url: str | None) -> bool:
    """The page lives below the site's root folder (`/user-guide/configuration/`), where `./` is its own
    folder, not the home page: MkDocs links each page to itself with `./` in its navigation, and the page's
    own title was taken for the site's name (so never the headline)."""
    try:
        path = urlsplit(url).path if url else ""
    except ValueError:
        return False
    return path.rpartition("/")[0] != ""           # `/news.html`'s folder is the root: `./` is the home page


def _own_text_block(el: lxml.html.HtmlElement) -> bool:
    """No block-level child: the element is one line of the page (`<td class="bt">…</td>`)."""
    return not any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in el)


def _headline_shaped(text: str, sites: frozenset[str]) -> bool:
    han = count_chars(HAN, text)
    sized = han >= 6 if han else len(text.split()) >= 3
    return sized and len(text) <= MAX_HEADLINE and not _SENTENCE_END.search(text) and not _CRUMB.search(text) \
        and "http" not in text and "www." not in text \
        and norm(text) not in sites


def printed_headline(body: lxml.html.HtmlElement, g: GenericRules, sites: frozenset[str]) -> str | None:
    """The line printed right above the page's first date / source line (`发布时间：… 来源：…`), when it
    is shaped like a headline: no sentence end, no breadcrumb, not the site's name, not a link."""
    candidate: str | None = None
    for n, el in enumerate(body.iter()):
        if n > MAX_SCAN:
            return None
        if not isinstance(el.tag, str) or el.tag not in _LEAFISH or not _own_text_block(el):
            continue
        text = _text(el)
        if not text:
            continue
        line = as_line(text)
        if looks_like_header(text, g, line):
            return candidate
        if is_paragraph(line):
            return None             # the story began without a header line above it
        candidate = text if _headline_shaped(text, sites) and not _linked(el) else None
    return None


def _linked(el: lxml.html.HtmlElement) -> bool:
    return el.tag == "a" or el.find(".//a") is not None or any(p.tag == "a" for p in el.iterancestors())


def titled_blocks(body: lxml.html.HtmlElement) -> list[str]:
    """Texts of elements whose class says title (`art_title`, `article-title`, `biaoti`)."""
    found: list[str] = []
    for el in _TITLED_XPATH(body):
        words = set(re.split(r"[^a-z]+", role_names(f"{el.get('class') or ''} {el.get('id') or ''}".lower())))
        text = _text(el)
        if words & _TITLE_WORDS and 6 <= len(text) <= MAX_HEADLINE and text not in found and el.find(".//a") is None:
            found.append(text)
    return found


def lead_box(roots: list[lxml.html.HtmlElement], first_text: str) -> Block | None:
    """A lead / summary box printed just above the article's root and outside it (`<div class="summary">`
    between the byline and `<div class="post-body">`), as a paragraph block; None when there is none, or
    when it only repeats the body's opening (`first_text`), as a forum's automatic `摘要` does."""
    if not roots:
        return None
    words = text_rules().lead_box_words
    taken = set(roots)
    # the body: roots may also hold siblings above it (one root, most pages, is the body without reading its text)
    node = roots[0] if len(roots) == 1 else max(roots, key=lambda r: len(r.text_content()))
    for _ in range(3):                       # the root's earlier siblings, then its parent's
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str) or sib in taken:
                continue
            names = set(re.split(r"[^a-z]+", role_names(f"{sib.get('class') or ''} {sib.get('id') or ''}".lower())))
            if not names & words:            # (before reading the text: a sibling may be the whole header)
                continue
            text = _text(sib)
            if is_paragraph(as_line(text)):
                opening = norm((split_lead_label(text) or ("", text))[1])[:30]
                return None if opening and norm(first_text).startswith(opening) else Block("p", text, escape(text))
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            return None
        node = parent
    return None


def page_title(md: Metadata, body: lxml.html.HtmlElement, url: str | None = None) -> str | None:
    """The headline (metadata.choose_title), with what the page prints: its headings, the line above its
    date / source line, and (when the `<title>` names no article) the blocks whose class says title; the
    site's own name (home link, logo) is never a headline."""
    sites = site_names(body, (md.site_name,), url or md.url)
    headings = [h for h in _headings(body) if norm(h) not in sites]
    if not md.og_title and (not md.title or is_placeholder_title(md.title, md.site_name, sites)):
        headings += [t for t in titled_blocks(body) if t not in headings and norm(t) not in sites]
    return choose_title(md, headings, _lone_h1(body), lambda: printed_headline(body, generic_rules(), sites), sites)


def _headings(body: lxml.html.HtmlElement) -> list[str]:
    return [t for t in (heading_text(h) for h in body.iter("h1", "h2")) if t][:20]


def _lone_h1(body: lxml.html.HtmlElement) -> str | None:
    """The text of the page's one substantial `<h1>` outside navigation, sidebars and footers."""
    found = []
    for h in body.iter("h1"):
        text = heading_text(h)
        if len(text) >= 10 and not any(a.tag in ("nav", "aside", "footer") for a in h.iterancestors()):
            found.append(text)
    return found[0] if len(found) == 1 else None


def heading_element(body: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The element printing the headline (an h1/h2, or any short element whose text is the title)."""
    key = norm(title)
    if not key or title is None:
        return None
    for h in body.iter("h1", "h2", "h3"):
        if norm(element_text(h)) == key:
            return h
    low, high = 0.8 * len(title), 2 * len(title) + 20
    for el in body.iter("div", "p", "span", "strong", "td", "font", "b"):
        text = element_text(el)
        if low <= len(text) <= high and norm(text) == key:
            return el
    return None


__all__ = ["heading_element", "lead_box", "page_title", "printed_headline", "site_names", "titled_blocks"]
