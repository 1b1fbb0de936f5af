"""Our own hand-written test pages (tests/endumptitles and the renderings beside them): what a page's
headline says, read from its HTML, so a title test compares with the page rather than a copied string; and
one pytest case per rendering, with its known defect as a strict xfail."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest


def h1_text(page: Path) -> str:
    """The `<h1>` text of an own page, its tags (an icon's `<img>`) dropped, whitespace collapsed."""
    match = re.search(r"<h1>(.*?)</h1>", page.read_text("utf-8"), re.S)
    assert match is not None, f"{page.name} has no <h1>"
    return " ".join(re.sub(r"<[^>]*>", "", match.group(1)).split())


def rendering_case(dump: Path, failing: dict[tuple[str, str], str]) -> Any:
    """A pytest case for one rendering `<page>.<tool>.txt` of an own page, a strict xfail when `failing` names the
    (page, tool) pair with its reason: a known defect fails loudly the day it is mended."""
    page, tool = dump.name.split(".")[:2]
    reason = failing.get((page, tool))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(dump, id=f"{page}-{tool}", marks=marks)
