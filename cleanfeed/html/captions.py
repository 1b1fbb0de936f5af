"""Figure captions: the caption stays in the body HTML, the photo credit printed inside it goes.

A `<figcaption>` describes the picture (`Anode casting at a smelter in Gresik`) and often ends with who took
it (`Photo: A / Agency`, `<span class="credit">…</span>`). Captions are not article text (`article._texts`
leaves them out, as the gold of aeb-en and wcxb does), so this changes the body HTML only: the credit is
chrome beside the picture, the description is part of the story's figure. Structure first (an element named
as a credit, `data/html_words.toml [caption] credit_words`), then the caption's trailing credit sentence
(`credit_tail`). A caption that is nothing but a credit goes whole.
"""
from __future__ import annotations

from functools import cache

import lxml.html

from cleanfeed.html.hints import class_id, class_words
from cleanfeed.model import Removed
from cleanfeed.rules.html_words import html_words
from cleanfeed.rules.linematch import derived_needs, folds_like_regex, lower_if_safe

RULE = "caption-credit"


def _names_credit(el: lxml.html.HtmlElement) -> bool:
    """`el`'s class or id holds a credit word (`caption-credit`, `photo_credit`)."""
    names = class_id(el)
    if not names:
        return False
    words = html_words().credit_words
    return any(token in words for token in class_words(names))


def _drop_keeping_tail(el: lxml.html.HtmlElement) -> None:
    """Remove `el` but not the text after it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _last_text_holder(cap: lxml.html.HtmlElement) -> tuple[lxml.html.HtmlElement, bool] | None:
    """The element whose `.text` (False) or `.tail` (True) is the caption's last non-blank text."""
    last: tuple[lxml.html.HtmlElement, bool] | None = (cap, False) if (cap.text or "").strip() else None
    for el in cap.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        if (el.text or "").strip():
            last = (el, False)
        if (el.tail or "").strip() and el is not cap:
            last = (el, True)
    return last


@cache
def _credit_needs() -> tuple[str, ...]:
    """The words one of which every match of `credit_tail` holds (`photo`, `image`, `courtesy`, `©`, …), read
    off the regex itself; () when they cannot be looked for in a lower-cased text (`folds_like_regex`)."""
    needs = derived_needs(html_words().credit_tail, min_other=1)
    return needs if all(folds_like_regex(n) for n in needs) else ()


def _may_hold_credit(text: str) -> bool:
    """False when `credit_tail` cannot match `text`: none of its words is in it. The regex's runs of spaces
    backtrack on an indented caption (`\\n` + 44 spaces around its words: 4-6 ms a caption, 30 ms on one page
    of bench/speed.py's dev sample), a scan of the lower-cased text for 10 words does not."""
    needs = _credit_needs()
    low = lower_if_safe(text) if needs else None
    return low is None or any(n in low for n in needs)


def _trim_credit_tail(cap: lxml.html.HtmlElement) -> str:
    """Cut a trailing credit sentence from the caption's last text; the text cut, or ''."""
    holder = _last_text_holder(cap)
    if holder is None:
        return ""
    el, is_tail = holder
    text = (el.tail if is_tail else el.text) or ""
    if not _may_hold_credit(text):
        return ""
    match = html_words().credit_tail.search(text)
    if match is None:
        return ""
    kept = text[:match.start()].rstrip()
    if is_tail:
        el.tail = kept
    else:
        el.text = kept
    return match.group().strip()


def drop_caption_credits(body: lxml.html.HtmlElement) -> list[Removed]:
    """Take the photo credits out of every `<figcaption>` under `body`; a caption left empty goes."""
    removed: list[Removed] = []
    for cap in list(body.iter("figcaption")):
        for el in [e for e in cap.iterdescendants() if isinstance(e.tag, str) and _names_credit(e)]:
            if el.getparent() is not None:
                text = " ".join(el.text_content().split())
                _drop_keeping_tail(el)
                if text:
                    removed.append(Removed(text, RULE))
        tail = _trim_credit_tail(cap)
        if tail:
            removed.append(Removed(tail, RULE))
        if not cap.text_content().strip() and cap.find(".//img") is None:
            _drop_keeping_tail(cap)
    return removed


__all__ = ["drop_caption_credits"]
