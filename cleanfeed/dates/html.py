"""The machine-readable strategies over the uncleaned lxml document (metadata is read before cleaning
deletes it): JSON-LD, meta tags, `<time>` and microdata. Dates printed for readers near the headline are
header.py's.

Each returns every date it saw as a Clue; the engine keeps the most trusted plausible one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from cleanfeed.dates.clues import (
    HEADER,
    HINTED,
    JSONLD,
    META,
    PUBLISHED,
    TIME,
    UPDATED,
    WEAK,
    Clue,
)
from cleanfeed.dates.layout import Layout, Tags, text_of
from cleanfeed.dates.machine import parse_machine
from cleanfeed.dates.patterns import Mention, find_mentions, normalize
from cleanfeed.dates.vocab import vocab
from cleanfeed.jsonld import parse_jsonld
from cleanfeed.rules.html_words import role_names

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "report", "scholarlyarticle",
                  "techarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                  "reviewnewsarticle", "liveblogposting", "socialmediaposting", "discussionforumposting",
                  "blog", "pressrelease", "medicalscholarlyarticle", "advertisercontentarticle"}
_PAGE_TYPES = {"webpage", "itempage", "aboutpage", "medicalwebpage", "collectionpage", "creativework"}
# Objects whose dates are somebody else's: readers, authors, events, products, related lists.
_SKIP_TYPES = {"comment", "review", "person", "organization", "newsmediaorganization", "event", "product",
               "offer", "answer", "question", "rating", "aggregaterating", "place", "listitem", "sitenavigationelement"}
_SKIP_KEYS = {"comment", "comments", "review", "reviews", "itemlistelement", "haspart", "relatedlink",
              "citation", "mentions", "author", "publisher", "creator", "subjectof", "workexample"}
# Schema.org property names are case-sensitive; these are the spellings in use.
_JSONLD_KEYS = (("datePublished", PUBLISHED, 0), ("dateCreated", PUBLISHED, 1), ("uploadDate", PUBLISHED, 1),
                ("dateModified", UPDATED, 0))
_JSONLD_NAMES = ("datePublished", "dateCreated", "dateModified", "uploadDate")
_JSONLD_FALLBACK = re.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})"')
_PUBLISH_HINT = re.compile(r"publish|pubdate|entry-date|post-date|posted|created|date-pub|article-?date|"
                           r"story-date|(?<![a-z])date(?![a-z])|datum", re.I)
_UPDATE_HINT = re.compile(r"modif|updat|revis", re.I)
MAX_TIMES = 25
MAX_OFFSET_TIMES = 8     # the article's own <time> comes early; the rest are comments and teasers
# A bare attribute test, then Python: string comparisons inside the XPath cost 5x (1.1 ms on 1000 elements).
_ITEMPROP = etree.XPath("//body//*[@itemprop]")
_DATE_PROPS = {"datePublished", "dateCreated", "dateModified"}
# `<meta name="date">` and Dublin Core's plain `date` (`DC.date`, `dcterms.date`): "a date in the life of
# the resource", as often the day the page was rendered or its record created as the day it was published.
RENDER_TIME_KEYS = frozenset({"date", "dc.date", "dcterms.date"})


def _line(el: Any) -> int:
    return getattr(el, "sourceline", None) or 0


# ----------------------------------------------------------------------------- JSON-LD

def _jsonld_objects(data: Any) -> Iterator[tuple[dict[str, Any], int]]:
    """Every JSON-LD object worth reading, with its kind: 0 article, 2 page, 4 anything else."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        raw_type = item.get("@type", "")
        types = {str(t).lower().rsplit("/", 1)[-1] for t in (raw_type if isinstance(raw_type, list) else [raw_type])}
        if types & _SKIP_TYPES:
            continue
        yield item, 0 if types & _ARTICLE_TYPES else 2 if types & _PAGE_TYPES else 4
        stack.extend(reversed([v for k, v in item.items() if k.lower() not in _SKIP_KEYS
                               and isinstance(v, (dict, list))]))


def _jsonld_scripts(tags: Tags) -> list[Any]:
    """JSON-LD scripts. Some sites leave out the type (gay.ch): only when no typed one exists, an untyped
    script holding "@context" will do (reading every inline script's text costs 0.2 ms a page)."""
    typed = [s for s in tags.scripts if "ld+json" in (s.get("type") or "").lower()]
    if typed:
        return typed
    return [s for s in tags.scripts if not s.get("type") and not s.get("src") and '"@context"' in (s.text or "")]


def jsonld_clues(tags: Tags, language: str) -> list[Clue]:
    out = []
    for n, script in enumerate(_jsonld_scripts(tags)):
        raw = (script.text or "").strip()
        if not any(key in raw for key in _JSONLD_NAMES):
            continue                    # a site's Organization or BreadcrumbList: nothing to parse for
        data = parse_jsonld(raw)
        if data is None:
            for key, value in _JSONLD_FALLBACK.findall(raw):      # broken JSON: the fields are still there
                if mention := parse_machine(value, language):
                    role = UPDATED if key == "dateModified" else PUBLISHED
                    out.append(Clue(mention, f"jsonld:{key}", role, JSONLD, 3, n * 100, value))
            continue
        for i, (obj, kind) in enumerate(_jsonld_objects(data)):
            for key, role, rank in _JSONLD_KEYS:
                value = obj.get(key)
                if isinstance(value, str) and (mention := parse_machine(value, language)):
                    # An embedded video's or image's upload date is a weak hint, not the article's date.
                    tier, rank = (JSONLD, kind + rank) if kind < 4 else (HEADER, WEAK)
                    out.append(Clue(mention, f"jsonld:{key}", role, tier, rank, n * 100 + i, value))
    return out


# ----------------------------------------------------------------------------- meta tags

def meta_clues(tags: Tags, language: str, layout: Callable[[], Layout]) -> list[Clue]:
    """Dates in <meta> tags; `layout` is asked for only when microdata in the body needs judging."""
    v = vocab()
    out = []
    for i, el in enumerate(tags.metas):
        attr, key = _meta_key(el)
        role = PUBLISHED if key in v.meta_published else UPDATED if key in v.meta_modified else None
        if role is None:
            continue
        value = (el.get("content") or el.get("datetime") or "").strip()
        in_body = attr == "itemprop" and getattr(el.getparent(), "tag", "") != "head"
        if not value or (in_body and layout().excluded(el)):             # microdata of a comment or teaser
            continue
        if mention := parse_machine(value, language):
            rank = (v.meta_published if role == PUBLISHED else v.meta_modified)[key]
            # A bare `<meta name="date">` (or dcterms.date) is as often the day the page was rendered or
            # its record created as the day it was published: a date printed in the article wins.
            tier, rank = (HEADER, HINTED + 1) if key in RENDER_TIME_KEYS else (META, rank)
            out.append(Clue(mention, f"meta:{key}", str(role), tier, rank, i, value))
    return out


def _meta_key(el: Any) -> tuple[str, str]:
    """The attribute naming a meta tag and its lower-cased value (`property`, `article:published_time`)."""
    for attr in ("property", "name", "itemprop", "http-equiv"):
        if key := el.get(attr):
            return attr, key.strip().lower()
    return "", ""


# ----------------------------------------------------------------------------- <time> and microdata

def time_offsets(tags: Tags, language: str) -> list[Clue]:
    """`<time datetime>` values only, unjudged and last in trust: when JSON-LD or a meta tag already gave
    a UTC timestamp, these are read just for the page's own offset (resolve.own_offset)."""
    out = []
    seen: set[str] = set()
    for n, el in enumerate(tags.times[:MAX_OFFSET_TIMES]):
        machine = el.get("datetime")
        if machine and machine not in seen and (mention := parse_machine(machine, language)):
            seen.add(machine)
            out.append(Clue(mention, "time", PUBLISHED, TIME, 9, n, machine))
    return out


def time_clues(tags: Tags, language: str, layout: Layout) -> list[Clue]:
    """`<time datetime>` elements outside sidebars, comments and lists, and `<abbr>`s whose title is a machine
    date (`dated_abbrs`)."""
    return _element_clues([*tags.times, *dated_abbrs(tags.abbrs, language)], language, layout)


def dated_abbrs(abbrs: list[Any], language: str) -> list[Any]:
    """`<abbr title="2024-03-04T10:00:00+00:00">4 days ago</abbr>`: hAtom's `published`/`updated` and the
    timeago scripts keep the stamp in the title and print a day or an age relative to when the page was rendered,
    which a fetch days later would misread; the title is the page's `<time datetime>`. Only a title the machine
    grammar reads as a whole date counts (an abbreviation's expansion does not)."""
    return [el for el in abbrs if parse_machine(el.get("title") or "", language) is not None]


def itemprop_clues(doc: Any, language: str, layout: Layout) -> list[Clue]:
    """Other elements marked `itemprop="datePublished"` (a `<span>`, an `<abbr>`; `<meta>` and `<time>` are
    read with their kind). Finding them walks the whole page (0.2 ms on the median page), so the engine
    asks only when nothing at the headline said anything."""
    found = [el for el in _ITEMPROP(doc) if el.get("itemprop") in _DATE_PROPS and el.tag not in ("meta", "time")]
    return _element_clues(found, language, layout)


def _element_clues(elements: list[Any], language: str, layout: Layout) -> list[Clue]:
    out = []
    base = _line(layout.head) if layout.head is not None else 0

    def distance(el: Any) -> int:       # nearest the headline first, those below it before those above
        line = _line(el)
        return line - base if line >= base else 100_000 + base - line

    # A comment thread can hold hundreds of <time>s; the article's own is among the nearest.
    for el in sorted(elements, key=distance)[:MAX_TIMES]:
        if layout.excluded(el):
            continue
        parent = el.getparent()
        marks = role_names(f"{el.get('class') or ''} {el.get('itemprop') or ''} {el.get('id') or ''}")
        updated = bool(_UPDATE_HINT.search(marks)) and "publish" not in marks.lower()
        # The hint may sit on the wrapper: <p class="publication">Le <time …>.
        outer = f"{marks} {role_names(parent.get('class') or '')}" if parent is not None else marks
        hinted = el.get("pubdate") is not None or bool(_PUBLISH_HINT.search(outer))
        machine = el.get("datetime") or el.get("content") or (el.get("title") if el.tag == "abbr" else None)
        mention, text = _time_value(el, machine, language)
        if mention is None:
            continue
        inside = layout.article is None or layout.inside(el)
        rank = (0 if inside else 2) + (0 if hinted else 1)     # outside the article means a teaser, mostly
        source = f"itemprop:{el.get('itemprop')}" if el.tag != "time" and el.get("itemprop") else "time"
        out.append(Clue(mention, source, UPDATED if updated else PUBLISHED, TIME, rank, distance(el), text))
    return out


def _time_value(el: Any, machine: str | None, language: str) -> tuple[Mention | None, str]:
    """The date of a <time>: its machine value, unless the visible text prints a different full day
    (`datetime="2019-07-03T10:18:46Z"` shown as "Publié le 29 juin 2019"): readers see the text, and a
    stale or UTC-shifted attribute is the usual cause of the disagreement."""
    mention = parse_machine(machine, language) if machine else None
    shown = normalize(text_of(el, 200))
    visible = next((m for m in find_mentions(shown, language, relative=False) if m.has_year), None)
    if visible is None:
        return mention, machine or ""
    if mention is None:
        return visible, shown
    a, b = mention.readings[0], visible.readings[0]
    same = (a.year, a.month, a.day) in {(r.year, r.month, r.day) for r in visible.readings}
    return (mention, machine or "") if same or b.clock is not None and b.zone is None else (visible, shown)
