"""cleanfeed: scraped news pages (plain text, HTML, WARC) → clean articles → valid Atom / RSS / JSON feeds.

    >>> import cleanfeed
    >>> article = cleanfeed.clean(open("page.txt", "rb").read(), fetched_at="2021-05-01")
    >>> article.title, article.published
"""
from __future__ import annotations

from .errors import CleanfeedError, ConfigError, DecodeError, NoArticleError
from .model import Article, DateCandidate, FoundDate, Page, Removed
from .pipeline import clean, clean_page
from .rules import RuleSet, SiteRule, load_rules

__version__ = "0.1.0"

__all__ = ["clean", "clean_page", "Article", "FoundDate", "DateCandidate", "Page", "Removed", "RuleSet",
           "SiteRule", "load_rules", "CleanfeedError", "ConfigError", "DecodeError", "NoArticleError",
           "__version__"]
