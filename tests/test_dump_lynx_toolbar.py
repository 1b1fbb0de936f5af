"""lynx's link toolbar (issue 17, dumps by real text browsers): `lynx -dump` prints the page's `<link>` elements
(feeds, oEmbed, `alternate` languages) as the dump's first paragraph, `#[1]Site » Feed [2]Site » <headline>
Comments Feed [3]oEmbed (JSON)`. It repeats the headline, so with no dated byline under the real headline the
paragraph was taken for the page's title (wcxb-dev-en under lynx, dev folds 0-1: 36 of fold 0's title misses).
Our own page (tests/lynxlinks/SOURCE.md) stands for that class; the toolbar's finder is tested on its own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import cleanfeed

HERE = Path(__file__).parent / "lynxlinks"
HEADLINE = "Night ferry returns to the east pier after two winters"


@pytest.mark.xfail(strict=True, reason="lynx's link toolbar is taken for the page's title")
def test_the_headline_not_the_link_toolbar() -> None:
    dump = (HERE / "harbour_ferry.dump.txt").read_text("utf-8")
    assert cleanfeed.clean(dump).title == HEADLINE
