"""Whether a page's text is HTML or a plain-text dump: the pipeline sends the one to `article.extract_html`
and the other to the text cleaner. A scraper's dump may carry a template's tags in its lines
(`<li><p>caption</p>`), and an HTML fragment may be saved without `<html>`: the sniff reads both.

Pure: text in, a yes or no out.
"""
from __future__ import annotations

import re

_HTML_SIGNS = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p>|article[\s>]"
                         r"|table[\s>]|br\s*/?>)", re.I)

# Tags only a page has, not a template that a text dump carries in its lines (a gallery's `<li><p>caption</p>`
# kept as text by the scraper): text that does not open with a tag is HTML only with one of these.
# daniel-zh-dev-text 0.9760 -> 0.9772 (one dump was read as HTML: 0.53 -> 0.90); nothing else moved.
_PAGE_SIGNS = ("!doctype", "html", "head", "body", "meta", "title")
_MARKUP_START = re.compile(r"(<!--|<!doctype|<\?xml|<[a-z][\w:-]*[\s>/])", re.I)
_CLOSING_TAG = re.compile(r"</[a-z][\w:-]*\s*>", re.I)


def looks_like_html(text: str) -> bool:
    """A doctype; or text that opens with a tag (`<style>`, `<!-- -->`, `<meta …>`: fragments saved
    without `<html>`) and closes one; or at least two common HTML tags in the first 5 KB, one of them a
    page's own (`<html>`, `<head>`, `<meta>` …) when the text does not open with a tag."""
    head = text[:5000]
    opening = head.lstrip()
    signs = [s.lower() for s in _HTML_SIGNS.findall(head)]
    if opening.lower().startswith(("<!doctype html", "<html")) or len(signs) >= 2 and (
            opening.startswith("<") or any(s.startswith(_PAGE_SIGNS) for s in signs)):
        return True
    return _MARKUP_START.match(opening) is not None and _CLOSING_TAG.search(text, 0, 65536) is not None


__all__ = ["looks_like_html"]
