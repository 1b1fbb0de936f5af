"""The small readers behind tests/test_html_software.py: a heading's permalink glyph."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.html.measure import heading_text, permalink_glyph


@pytest.mark.parametrize(("html", "text"), [
    ('<h1>Quickstart<a class="headerlink" href="#quickstart" title="Link to this heading">¶</a></h1>', "Quickstart"),
    ('<h2 id="a">Where it lives<a class="headerlink" href="#a">&para;</a></h2>', "Where it lives"),
    ('<h2>Retries<a class="hash-link" href="#retries" aria-label="Direct link">\u200b</a></h2>', "Retries"),
    ('<h2>Install <a class="anchor" href="#install">#</a></h2>', "Install"),
    ('<h1>Learn C#</h1>', "Learn C#"),                                          # no self-link: the # is the text's
    ('<h1>Prices <a href="#table">§ 4</a></h1>', "Prices § 4"),                  # a digit: a reference, kept
    ('<h1>Read <a href="/more">¶</a></h1>', "Read ¶"),                           # a link away, not to itself
    ('<h1>Intro<a href="#i">¶</a> and more</h1>', "Intro¶ and more"),            # text after it: not the end
])
def test_a_headings_permalink_is_not_its_text(html: str, text: str) -> None:
    h = lxml.html.fragment_fromstring(html)
    assert heading_text(h) == text
    assert (permalink_glyph(h) != "") == (text != " ".join(h.text_content().split()))
