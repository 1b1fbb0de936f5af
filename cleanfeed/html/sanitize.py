"""The allow-list sanitizer for body HTML: nh3 (Ammonia), never hand-written regexes.

What survives is safe in any feed reader: a fixed set of text tags, no script/style/iframe/forms, no
`on*` or style attributes, and only absolute http(s)/mailto links; `data:` URLs only as raster images
(an SVG data URL can carry script).
"""
from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from typing import Any

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


def _filter_keep_relative(tag: str, attr: str, value: str) -> str | None:
    """As `_filter`, but a relative reference stays (ammonia has refused every other scheme already)."""
    kept = _filter(tag, attr, value)
    if kept is not None or attr not in _URL_ATTRS or ":" in value.split("/", 1)[0]:
        return kept
    return value.strip()


def _cleaner(attribute_filter: Callable[[str, str, str], str | None]) -> nh3.Cleaner:
    return nh3.Cleaner(tags=TAGS, clean_content_tags=DROP_CONTENT, attributes=ATTRIBUTES,
                       attribute_filter=attribute_filter, url_schemes={"http", "https", "mailto", "data"},
                       link_rel="noopener noreferrer nofollow", strip_comments=True)


_CLEANER = _cleaner(_filter)
_KEEP_RELATIVE = _cleaner(_filter_keep_relative)


def sanitize(html: str, *, keep_relative: bool = False) -> str:
    """`html` reduced to the allow-list; safe to embed in a feed entry. `keep_relative` leaves relative
    links and images for the feed writer to resolve against the article's URL (the store's gate: a
    record cleaned elsewhere may still hold them); the cleaner itself makes every URL absolute first."""
    return clean_with(_KEEP_RELATIVE if keep_relative else _CLEANER, html)


def clean_with(cleaner: nh3.Cleaner, html: str) -> str:
    """`cleaner.clean(html)`, but a Ctrl-C stops it. nh3 calls the attribute filter from Rust and reports an
    exception raised there as "unraisable" (printed, then ignored); Python handles a pending Ctrl-C at the
    next bytecode it runs, which during sanitizing is most often the filter's first one. So the
    KeyboardInterrupt is caught on its way to `sys.unraisablehook` and raised again once nh3 returns.
    Only the main thread sees Ctrl-C, and only it swaps the hook (two threads would restore each other's)."""
    if threading.current_thread() is not threading.main_thread():
        return cleaner.clean(html)
    previous = sys.unraisablehook
    interrupted: list[BaseException] = []

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            interrupted.append(unraisable.exc_value)
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        cleaned = cleaner.clean(html)
    finally:
        sys.unraisablehook = previous
    if interrupted:
        raise KeyboardInterrupt
    return cleaned
