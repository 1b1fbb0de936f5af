"""The body HTML is safe in any feed reader: hostile markup goes through nh3's allow-list."""
from __future__ import annotations

import re

import pytest

from cleanfeed.html.article import extract_html
from cleanfeed.html.sanitize import sanitize

HOSTILE = [
    "<script>alert(1)</script>",
    "<p onclick=\"alert(1)\" onmouseover='x()'>click</p>",
    "<a href=\"javascript:alert(1)\">js link</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">spaced js link</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data link</a>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\">svg</a></svg>",
    "<svg onload=alert(1)><use href=\"data:image/svg+xml,<svg id='x' onload='alert(1)'/>#x\"/></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<form action=\"https://evil.example/\"><input name=q><button>go</button></form>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style=\"background:url(javascript:alert(1))\">styled</p>",
    "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"https://evil.example/\">",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<template><script>alert(1)</script></template>",
]
_DANGER = re.compile(r"<\s*(script|style|iframe|form|input|button|object|embed|svg|math|meta|base|template)\b|"
                     r"\son\w+\s*=|javascript:|vbscript:|data:text|data:image/svg|style\s*=", re.I)


@pytest.mark.parametrize("markup", HOSTILE)
def test_sanitize_removes_every_hostile_construct(markup: str) -> None:
    assert not _DANGER.search(sanitize(markup))


def test_sanitize_keeps_text_tags_safe_links_and_raster_data_images() -> None:
    out = sanitize('<h2>Head</h2><p><strong>b</strong> <a href="https://x.example/a">ok</a></p>'
                   '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"><ul><li>one</li></ul>')
    assert '<a href="https://x.example/a" rel="noopener noreferrer nofollow">ok</a>' in out
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in out
    assert "<h2>Head</h2>" in out and "<ul><li>one</li></ul>" in out


def test_relative_urls_do_not_survive_sanitizing() -> None:
    assert "href" not in sanitize('<a href="/relative">r</a>')
    assert "src" not in sanitize('<img src="relative.png">')


def test_extracted_html_of_a_hostile_page_is_safe() -> None:
    para = ("<p>The council voted on Tuesday to expand the recycling programme to every district of the city, "
            "officials said after a long debate.</p>")
    body = ("<article>" + para + "".join(f"<div>{h}</div>" for h in HOSTILE) + para.replace("Tuesday", "Monday")
            + "</article>")
    html = f"<html><head><title>T</title></head><body>{body}</body></html>"
    d = extract_html(html, url="https://news.example/a.html", rule=None)
    assert d.html is not None and not _DANGER.search(d.html)
    assert "alert(1)" not in "\n".join(d.paragraphs) or "<" not in "\n".join(d.paragraphs)
