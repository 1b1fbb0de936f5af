"""dates/footer.shown_text asks a footer's text without the per-node ancestor test when nothing in or around the
box is a script, style or template: it must give the full XPath's pieces, in order, for every box."""
from __future__ import annotations

import lxml.html
import pytest

from cleanfeed.dates.footer import _SHOWN_TEXT, footer_boxes, shown_text

PAGES = [
    "<html><body><p>x</p><footer><ul><li><a href='/'>Home</a></li><li>Last modified: 12 April 2021</li></ul>"
    "<p>© 2021 Site<br>tail</p></footer></body></html>",
    "<html><body><p>x</p><footer>Updated 3 May 2021<script>var n = 'Last modified: 1 Jan 2019';</script>after"
    "<style>.a{}</style><template><p>Last updated 2 Feb 2020</p></template></footer></body></html>",
    "<html><body><template><footer>Last updated 2 Feb 2020 <b>bold</b> tail</footer></template></body></html>",
    "<html><body><script>document.write('<footer>Last updated 2 Feb 2020</footer>')</script>"
    "<div id='footer'> <!-- note --> Page last modified <i>on</i> 4 June 2022 </div></body></html>",
]


@pytest.mark.parametrize("page", PAGES)
def test_shown_text_is_the_xpaths(page: str) -> None:
    doc = lxml.html.document_fromstring(page)
    boxes = [*footer_boxes(doc), *doc.iter("footer", "div", "template", "body")]
    assert boxes
    for box in boxes:
        assert shown_text(box) == list(_SHOWN_TEXT(box))
