"""Our own hand-written test pages (tests/endumptitles and the renderings beside them): what a page's
headline says, read from its HTML, so a title test compares with the page rather than a copied string."""
from __future__ import annotations

import re
from pathlib import Path


def h1_text(page: Path) -> str:
    """The `<h1>` text of an own page, its tags (an icon's `<img>`) dropped, whitespace collapsed."""
    match = re.search(r"<h1>(.*?)</h1>", page.read_text("utf-8"), re.S)
    assert match is not None, f"{page.name} has no <h1>"
    return " ".join(re.sub(r"<[^>]*>", "", match.group(1)).split())
