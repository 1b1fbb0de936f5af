"""The allow-list sanitizer for body HTML: nh3 (Ammonia), never hand-written regexes.

What survives is safe in any feed reader: a fixed set of text tags, no script/style/iframe/forms, no
`on*` or style attributes, and only absolute http(s)/mailto links; `data:` URLs only as raster images
(an SVG data URL can carry script).
"""
from __future__ import annotations

import re

import nh3

TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
              "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}, "time": {"datetime"},
              "blockquote": {"cite"}, "q": {"cite"}, "ol": {"start"}}
# Tags whose *content* goes too: their text is code or chrome, never article prose.
DROP_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
                "form", "select", "textarea", "button", "title", "head", "frameset", "frame", "applet"}
_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]+$", re.I)
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.I)
_URL_ATTRS = {"href", "src", "cite"}


def _filter(tag: str, attr: str, value: str) -> str | None:
    """Only absolute safe URLs; `data:` only for raster images in `<img src>`."""
    if attr not in _URL_ATTRS:
        return value
    value = value.strip()
    if tag == "img" and attr == "src" and _DATA_IMAGE.match(value):
        return value
    return value if _SAFE_URL.match(value) else None


_CLEANER = nh3.Cleaner(tags=TAGS, clean_content_tags=DROP_CONTENT, attributes=ATTRIBUTES,
                       attribute_filter=_filter, url_schemes={"http", "https", "mailto", "data"},
                       link_rel="noopener noreferrer nofollow", strip_comments=True)


def sanitize(html: str) -> str:
    """`html` reduced to the allow-list; safe to embed in a feed entry."""
    return _CLEANER.clean(html)
