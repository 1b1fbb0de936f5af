"""Site templates: lines that recur on most pages of one site (menus, footers, the site's own blurbs) are
template, not article.

Learning is an explicit step (`cleanfeed learn SITE PAGES...`) whose result is rule data,
`cleaners/<site>.learned.toml` beside the site rule, reviewed in a diff like any rule. Cleaning reads it
through the site rule (`SiteRule.template_lines`) and never learns by itself, so it stays a pure function
of page + rules, and adding a page to the store changes nothing until someone learns again. Lines are
compared as textclean shows them (spaces folded), so the file reads like the pages.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from cleanfeed.errors import ConfigError
from cleanfeed.rules.tomlfile import read_toml
from cleanfeed.textnorm import squeeze

LEARNED_SUFFIX = ".learned.toml"
MIN_SHARE = 0.6    # "most pages": a line on 60 % of the pages is template (a hot list changes, a menu does not)
MIN_PAGES = 3      # below three pages "recurring" means nothing: the article's own lines would recur
_KEYS = {"pages", "min_share", "template_lines"}


class Template(NamedTuple):
    """What `learn_template` found: the lines, each with the number of pages that print it."""

    site: str
    pages: int                                # distinct pages learned from
    need: int                                 # pages a line had to be on
    lines: tuple[tuple[str, int], ...] = ()   # (line, pages), most frequent first


def page_lines(text: str) -> list[str]:
    """A page's non-empty lines as textclean folds them (`Line.text`)."""
    return [folded for raw in text.split("\n") if (folded := squeeze(raw))]


def learn_template(site: str, texts: Iterable[str], *, min_share: float = MIN_SHARE,
                   min_pages: int = MIN_PAGES) -> Template:
    """The lines found on at least `min_share` of the distinct pages (and on `min_pages` or more).
    A page given twice counts once, and the page order does not matter: the result depends only on
    the set of pages."""
    if not 0 < min_share <= 1 or min_pages < 2:
        raise ValueError("min_share must be in (0, 1] and min_pages at least 2")
    distinct = set(texts)
    counts: Counter[str] = Counter()
    for text in distinct:
        counts.update(set(page_lines(text)))
    need = max(min_pages, math.ceil(min_share * len(distinct)))
    if len(distinct) < min_pages:
        return Template(site, len(distinct), need)
    found = sorted(((line, n) for line, n in counts.items() if n >= need), key=lambda item: (-item[1], item[0]))
    return Template(site, len(distinct), need, tuple(found))


def to_toml(template: Template, min_share: float = MIN_SHARE) -> str:
    """The learned-rules file: a commented list a reviewer can read, edit or delete."""
    head = [
        f"# Site template of `{template.site}`, learned by `cleanfeed learn` from {template.pages} pages: the",
        f"# lines printed on at least {template.need} of them (menus, footers, the site's own blurbs). Cleaning",
        f"# drops them on pages of `{template.site}`. Delete a line to keep it in articles, delete the file to",
        "# forget the template; run `cleanfeed learn` again to rebuild it. The number after a line is how",
        "# many of the pages print it.",
        f"pages = {template.pages}",
        f"min_share = {min_share}",
        "template_lines = [",
    ]
    body = [f"    {json.dumps(line, ensure_ascii=False)},  # {n}" for line, n in template.lines]
    return "\n".join(head + body + ["]", ""])


def load_learned(path: Path) -> tuple[str, ...]:
    """The template lines of a learned-rules file; ConfigError names the file and the key."""
    raw = read_toml(path)
    unknown = set(raw) - _KEYS
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r}", source=str(path))
    lines = raw.get("template_lines", [])
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ConfigError("key 'template_lines' must be a list of strings", source=str(path))
    return tuple(folded for line in lines if (folded := squeeze(line)))


def learned_path(site_rule: Path) -> Path:
    """`cleaners/<site>.toml` → `cleaners/<site>.learned.toml`."""
    return site_rule.with_name(site_rule.stem + LEARNED_SUFFIX)


__all__ = ["Template", "learn_template", "to_toml", "load_learned", "learned_path", "page_lines",
           "LEARNED_SUFFIX", "MIN_SHARE", "MIN_PAGES"]
