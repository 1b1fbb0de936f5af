"""HTML pages → Draft. (Filled in by the HTML issue.)"""
from __future__ import annotations

import re

from ..draft import Draft
from ..errors import NoArticleError
from ..rules import SiteRule

_HTML_SIGNS = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p>|article[\s>]|table[\s>]|br\s*/?>)", re.I)


def looks_like_html(text: str) -> bool:
    """Markup in the first 5 KB: a doctype, or at least two common HTML tags."""
    head = text[:5000]
    return head.lstrip().lower().startswith(("<!doctype html", "<html")) or len(_HTML_SIGNS.findall(head)) >= 2


def extract_html(text: str, *, url: str | None, rule: SiteRule | None) -> Draft:
    raise NoArticleError("HTML extraction is not available yet")
