"""cleanfeed: scraped news pages (plain text, HTML, WARC) → clean articles → valid Atom / RSS / JSON feeds.

    >>> import cleanfeed
    >>> article = cleanfeed.clean(open("page.txt", "rb").read(), fetched_at="2021-05-01")
    >>> article.title, article.published

The package is laid out by pipeline stage (README, "How the code is laid out"). The names below are
loaded on first use, so `import cleanfeed` (and `cleanfeed --version`) does not load the cleaner.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cleanfeed.version import __version__

if TYPE_CHECKING:
    from cleanfeed.errors import CleanfeedError, ConfigError, DecodeError, NoArticleError
    from cleanfeed.model import Article, DateCandidate, FoundDate, Page, Removed
    from cleanfeed.pipeline import clean, clean_page
    from cleanfeed.rules.site import RuleSet, SiteRule, load_rules

_LAZY = {
    "clean": "cleanfeed.pipeline", "clean_page": "cleanfeed.pipeline",
    "Article": "cleanfeed.model", "FoundDate": "cleanfeed.model", "DateCandidate": "cleanfeed.model",
    "Page": "cleanfeed.model", "Removed": "cleanfeed.model",
    "RuleSet": "cleanfeed.rules.site", "SiteRule": "cleanfeed.rules.site", "load_rules": "cleanfeed.rules.site",
    "CleanfeedError": "cleanfeed.errors", "ConfigError": "cleanfeed.errors", "DecodeError": "cleanfeed.errors",
    "NoArticleError": "cleanfeed.errors",
}

__all__ = ["clean", "clean_page", "Article", "FoundDate", "DateCandidate", "Page", "Removed", "RuleSet",
           "SiteRule", "load_rules", "CleanfeedError", "ConfigError", "DecodeError", "NoArticleError",
           "__version__"]


def __getattr__(name: str) -> Any:
    """PEP 562: the public names, imported from their stage module when first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleanfeed' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
