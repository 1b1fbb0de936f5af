"""Our own trade-news pages (tests/tradepages/, MIT; README.md there lists every page and the judgment calls):
every expectation of every page holds — title, author, publication day, language, first and last paragraph,
every figure kept (`must_contain`), every notice, tail, comment, widget and credit gone (`must_not_contain`) —
and every rule class fires on at least two of the pages, so none is tuned to one page (every single rule
fires on two sites of these pages and tests/textpages together: tests/test_textpages.py).

43 pages were written by a colleague who never saw the cleaner; the `own_*` pages were written after the rules,
as a last check (147 of their 161 checks passed on the first run; see SOURCE.md).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.tradepages import HERE, Check, checks, cleaned, expectation, fired, pages

from cleanfeed.inputs.files import read_page_file
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.classes import generic_classes
from cleanfeed.rules.linerules import generic_rules, match_key
from cleanfeed.rules.site import load_rules
from cleanfeed.text.clean import split_lines
from cleanfeed.text.linescore import dump_rules

ROOT = Path(__file__).resolve().parents[1]
PAGES = pages()
# Checks that fail today for a reason the team accepted (page, check name); empty now: several English
# names are joined with ", " like Chinese ones, and a page's `en-GB` counts as English (helpers.tradepages).
KNOWN: set[tuple[str, str]] = set()


def test_the_pages_are_all_there() -> None:
    assert len([p for p in PAGES if not p.stem.startswith("own_")]) == 43
    assert len([p for p in PAGES if p.stem.startswith("own_")]) >= 10
    for page in PAGES:
        assert page.with_name(page.name + ".meta.json").is_file()
        assert set(expectation(page)) >= {"classes", "title", "author", "published_day", "language",
                                          "first_paragraph", "last_paragraph", "must_contain", "must_not_contain"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_expectation_holds(page: Path) -> None:
    found = checks(page, cleaned(page))
    failed = [c for c in found if not c.ok and (page.stem, c.name) not in KNOWN]
    assert failed == [], "\n".join(f"{c.name}: got {c.got!r}" for c in failed)


def test_the_known_disagreements_are_still_disagreements() -> None:
    """A KNOWN entry that starts to pass must leave the list."""
    by_page: dict[str, list[Check]] = {}
    for stem, name in KNOWN:
        page = next(p for p in PAGES if p.stem == stem)
        by_page.setdefault(stem, checks(page, cleaned(page)))
        assert not next(c for c in by_page[stem] if c.name == name).ok, (stem, name)


@pytest.mark.parametrize("page", PAGES[::7], ids=lambda p: p.stem)
def test_the_repo_cleaners_change_nothing_here(page: Path) -> None:
    """No site rule of cleaners/ claims these pages (hosts are under .example, no fingerprint matches)."""
    with_rules = clean_page(read_page_file(page), load_rules(ROOT / "cleaners"))
    article = cleaned(page)
    assert article is not None and (with_rules.title, with_rules.text) == (article.title, article.text)


def test_every_rule_class_fires_on_two_pages() -> None:
    hits = fired(HERE)
    thin = {c: sorted(hits.get(f"class:{c}", ())) for c in generic_classes() if len(hits.get(f"class:{c}", ())) < 2}
    assert thin == {}, f"rule classes that fire on fewer than two pages: {thin}"


def test_the_needs_prefilter_changes_no_answer() -> None:
    """A rule's `needs` only spares it lines it cannot match: on every line of our own pages, the seeds and
    tests/textpages the answer is the same with and without it."""
    rules = [r for r in (*generic_rules().sections, *generic_rules().lines, *dump_rules()) if r.needs]
    assert rules
    files = [*PAGES, *(ROOT / "seeds").glob("*.txt"), *(HERE.parent / "textpages").glob("*.txt")]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in files]     # HTML pages: their lines, markup and all
    keys = {ln.key for text in texts for ln in split_lines(text)} | {match_key(s) for s in (
        "Copyright © 2024 Nonferrous Recyclers Council of Asia. All rights reserved.", "本站文章未经授权禁止转载",
        "郑重声明：据此操作风险自负", "铜 68,520 +120 铝 18,930 -45", "赞 6 回复", "Anh Nguyen says:")}
    for rule in rules:
        for key in keys:
            assert rule.matches(key) == (len(key) <= rule.max_len and rule.pattern.search(key) is not None), \
                (rule.rule, key)
