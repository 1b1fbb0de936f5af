"""The expectations of tests/tradepages/ (hand-written trade-news pages) as named checks.

Each page `NAME.txt|html` has a sidecar and `NAME.expect.json` (title, author, published_day, language, first and
last paragraph, must_contain, must_not_contain; tests/tradepages/README.md explains them). `checks(page, article)`
turns one expectation file into a list of `Check`s, so a test can assert all of them and a measurement script can
count them (`python -m helpers.tradepages [PAGE...]` from tests/ prints every failed check).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cleanfeed.errors import NoArticleError
from cleanfeed.inputs.files import read_page_file
from cleanfeed.model import Article
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet

HERE = Path(__file__).resolve().parents[1] / "tradepages"


@dataclass(frozen=True)
class Check:
    name: str       # `title`, `first_paragraph`, `must_contain:<snippet>`, …
    ok: bool
    got: str        # what the cleaner gave, for the failure message


def ws(text: str | None) -> str:
    """Whitespace-normalised as the expectations are: every run of whitespace (U+3000 too) is one space."""
    return " ".join((text or "").split())


def pages(folder: Path = HERE) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def expectation(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_name(page.stem + ".expect.json").read_text(encoding="utf-8"))
    return data


def clean(page: Path, rules: RuleSet | None = None) -> Article | None:
    """The page cleaned with its sidecar (generic rules alone by default); None when it is refused."""
    try:
        return clean_page(read_page_file(page), rules or RuleSet())
    except NoArticleError:
        return None


@cache
def cleaned(page: Path) -> Article | None:
    """`clean(page)` once per test session."""
    return clean(page)


def fired(folder: Path = HERE) -> dict[str, set[str]]:
    """Every removal reason (rule name) and every rule class of the pages, with the pages it fired on."""
    out: dict[str, set[str]] = {}
    for page in pages(folder):
        article = cleaned(page)
        for removed in article.removed if article else ():
            out.setdefault(removed.rule, set()).add(page.stem)
            out.setdefault(f"class:{removed.rule_class}", set()).add(page.stem)
    return out


def checks(page: Path, article: Article | None) -> list[Check]:
    """Every expectation of `page` against `article` (None: refused, so every check fails)."""
    want = expectation(page)
    if article is None:
        names = ["title", "author", "published_day", "language", "first_paragraph", "last_paragraph",
                 *(f"must_contain:{s}" for s in want["must_contain"]),
                 *(f"must_not_contain:{s}" for s in want["must_not_contain"])]
        return [Check(name, False, "refused: NoArticleError") for name in names]
    paragraphs = [ws(p) for p in article.paragraphs]
    body = ws(article.text)
    day = article.published.value.date().isoformat() if article.published else None
    out = [
        Check("title", ws(article.title) == ws(want["title"]), article.title),
        Check("author", article.author == want["author"], str(article.author)),
        Check("published_day", day == want["published_day"], str(day)),
        Check("language", same_language(article.language, want["language"]), article.language),
        Check("first_paragraph", paragraphs[:1] == [ws(want["first_paragraph"])], paragraphs[0][:80]),
        Check("last_paragraph", paragraphs[-1:] == [ws(want["last_paragraph"])], paragraphs[-1][:80]),
    ]
    out += [Check(f"must_contain:{s}", ws(s) in body, "") for s in want["must_contain"]]
    out += [Check(f"must_not_contain:{s}", ws(s) not in body, "") for s in want["must_not_contain"]]
    return out


def main(argv: list[str]) -> int:
    """Print every failed check of the named pages (stems; default all) and the count of passed checks."""
    chosen = [p for p in pages() if not argv or p.stem in argv]
    passed = total = 0
    for page in chosen:
        found = checks(page, clean(page))
        passed += sum(c.ok for c in found)
        total += len(found)
        for c in found:
            if not c.ok:
                print(f"{page.stem}: {c.name[:90]}  got: {c.got[:90]!r}")
    print(f"{passed}/{total} checks passed on {len(chosen)} pages")
    return 0



def same_language(got: str, want: str) -> bool:
    """The expected language: Chinese by script (zh-CN vs zh-TW), others by language, so a page that
    declares `<html lang="en-GB">` (kept as BCP 47 says) is English."""
    if want.startswith("zh"):
        return got == want
    return got.split("-")[0].lower() == want.split("-")[0].lower()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
