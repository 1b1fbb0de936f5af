"""Rule classes: the kind of boilerplate every removal belongs to (notice, pr-tail, comments, widgets,
credit, body-widgets, attachment, related, navigation, header, title, chrome, ads, site, decode).

Line and section rules carry their class in `cleanfeed/data/boilerplate.toml` and `textdump.toml`; what the
cleaners remove by structure (`header`, `breadcrumb`, `above-title`, …) or by an HTML hint (`class:share`,
`sidebar`) is classed by `cleanfeed/data/classes.toml`. `--explain` prints the class beside the rule, and
the tests count the classes that fire on our own pages.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cleanfeed.rules.linerules import LineRule, generic_rules, line_rules

RULE_CLASS_CACHE = 4096  # distinct removal reasons remembered (rule names and `class:` words)
UNKNOWN = "chrome"      # a reason no table names: page furniture around the article
MIN_PREFIX = 4          # a hint word shorter than this must match whole (`ad` is not `address`)


@dataclass(frozen=True)
class ClassTable:
    by_rule: dict[str, str]          # generic rule names and structural reasons → class
    html_exact: dict[str, str]       # HTML class / id word → class
    html_prefix: tuple[tuple[str, str], ...]   # (word start, class), longest first


def _data(name: str) -> str:
    return resources.files("cleanfeed").joinpath(f"data/{name}").read_text("utf-8")


def textdump_rules() -> tuple[LineRule, ...]:
    """The dump-only line rules (textdump.toml), read here for their classes."""
    return line_rules(tomllib.loads(_data("textdump.toml"))["line"], "textdump.toml line")


@lru_cache(maxsize=1)
def class_table() -> ClassTable:
    """Every name the cleaners give a removal, with its class (loaded once per process)."""
    raw = tomllib.loads(_data("classes.toml"))
    g = generic_rules()
    by_rule = dict(raw["structural"])
    by_rule.update({r.rule: r.rule_class for r in (*g.sections, *g.lines, *textdump_rules())})
    exact = {word: cls for cls, words in raw["html"].items() for word in words}
    prefix = sorted(((w, c) for w, c in exact.items() if len(w) >= MIN_PREFIX), key=lambda wc: -len(wc[0]))
    return ClassTable(by_rule, exact, tuple(prefix))


@lru_cache(maxsize=RULE_CLASS_CACHE)
def rule_class(rule: str) -> str:
    """The class of a removal reason: `copyright` → notice, `class:share` → widgets, `site:x:drop_lines` →
    site, `breadcrumb` → navigation. Remembered: the answer depends on the reason and the tables loaded
    once per process only, and a page with big chrome gives dozens of `class:…` reasons, each an unknown
    word tried against every prefix of `html_prefix` (0.07-0.10 ms a page before, 0.01 after, in the pipeline on
    bench/speed.py --heavy's pages)."""
    table = class_table()
    if rule in table.by_rule:
        return table.by_rule[rule]
    if rule.startswith("site:"):
        return "site"
    if rule.startswith("class:"):
        word = rule.removeprefix("class:")
        if word in table.html_exact:
            return table.html_exact[word]
        return next((cls for start, cls in table.html_prefix if word.startswith(start)), UNKNOWN)
    return UNKNOWN


def generic_classes() -> frozenset[str]:
    """The classes the generic line and section rules remove."""
    g = generic_rules()
    return frozenset(r.rule_class for r in (*g.sections, *g.lines, *textdump_rules()))


__all__ = ["rule_class", "generic_classes", "class_table", "textdump_rules"]
