"""Publication and update days of whole-page text dumps, per site-disjoint fold, rendered by two renderers with
different conventions, so that a gain is not one scraper's habit: `ours` (tests/helpers/dumps.py: the `<title>`
first, one line per block, as ../shared/data/text/ was made) and `g` (tests/helpers/dumps_g.py: no `<title>`, a
blank line between blocks, list items marked, table rows on one line, hidden elements left out). Also the
hand-written dumps of tests/data/dates/dumps (`own-dumps`, their own gold, fetch time and zone).

    python bench/dumpdates.py                         # wcxb-dev-en by both renderers, and own-dumps
    python bench/dumpdates.py --folds 0,1 --misses 0,1   # dev folds only, printing their misses

wcxb-dev-en's truth has a publication day (`date`) and no update day. The update day scored here is silver: the
day cleanfeed's HTML path reads from the same page's metadata and markup (`updated`; on blind English articles
it scored 1.000), scored on the pages that carry an update (an update day other than the publication day; a
`dateModified` on the publication day tells a dump reader nothing). `printed` counts the pages whose gold (or
silver) day the dump writes somewhere (a loose window search, bench/texttitles.py `day_printed`); a day that
is not printed cannot be read from the dump. `invented` counts dumps given an update day where the HTML path finds none.
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from _score import ROOT, SHARED, load_module
from texttitles import day_printed

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.model import FoundDate

DATA = SHARED / "data" / "extraction"
FOLDS = ROOT / "bench" / "folds.json"
OWN = ROOT / "tests" / "data" / "dates" / "dumps"
RENDERERS: dict[str, Callable[[bytes], str]] = {
    "ours": load_module(ROOT / "tests" / "helpers" / "dumps.py", "dumps").render_dump,
    "g": load_module(ROOT / "tests" / "helpers" / "dumps_g.py", "dumps_g").render_dump,
}


@dataclass
class Tally:
    pub: int = 0            # publication day right
    dated: int = 0          # pages with a gold publication day
    pub_printed: int = 0    # … whose day the dump prints
    pub_on_printed: int = 0
    upd: int = 0            # update day right
    updated: int = 0        # pages with an update day (silver for wcxb)
    upd_printed: int = 0
    upd_on_printed: int = 0
    invented: int = 0       # an update day where the truth has none
    misses: list[str] = field(default_factory=list)


def day(found: FoundDate | None) -> str | None:
    return found.value.date().isoformat() if found else None


def days(content: str | bytes, fetched_at: str | None = None,
         timezone: str | None = None) -> tuple[str | None, str | None]:
    """The cleaned page's publication and update days (None when the page is refused)."""
    try:
        article = cleanfeed.clean(content, fetched_at=fetched_at, timezone=timezone)
    except CleanfeedError:
        return None, None
    return day(article.published), day(article.updated)


def score(t: Tally, text: str, got: tuple[str | None, str | None], want: tuple[str | None, str | None],
          label: str) -> None:
    """Add one page: its publication day against the gold, its update day against the (silver) update."""
    pub, upd = got
    gold_pub, gold_upd = want
    if gold_pub:
        printed = day_printed(text, gold_pub)
        t.dated += 1
        t.pub += pub == gold_pub
        t.pub_printed += printed
        t.pub_on_printed += printed and pub == gold_pub
        if pub != gold_pub:
            t.misses.append(f"{label} published gold {gold_pub} got {pub} printed {printed}")
    if gold_upd:
        printed = day_printed(text, gold_upd)
        t.updated += 1
        t.upd += upd == gold_upd
        t.upd_printed += printed
        t.upd_on_printed += printed and upd == gold_upd
        if upd != gold_upd:
            t.misses.append(f"{label} updated gold {gold_upd} got {upd} printed {printed}")
    elif upd and upd != pub:
        t.invented += 1
        t.misses.append(f"{label} updated: none in the truth, got {upd}")


def rate(right: int, n: int) -> str:
    return f"{right}/{n} = {right / n:.3f}" if n else "-"


def report(name: str, per: dict[int, Tally], show: set[int]) -> None:
    total = Tally()
    for t in per.values():
        for key in ("pub", "dated", "pub_printed", "pub_on_printed", "upd", "updated", "upd_printed",
                    "upd_on_printed", "invented"):
            setattr(total, key, getattr(total, key) + getattr(t, key))
    folds = "  ".join(f"f{f}:{t.pub / t.dated:.3f}" for f, t in sorted(per.items()) if t.dated)
    print(f"{name:18} publication {rate(total.pub, total.dated)} ({folds})")
    print(f"{'':18} printed {total.pub_printed}/{total.dated}; read on those "
          f"{rate(total.pub_on_printed, total.pub_printed)}")
    folds = "  ".join(f"f{f}:{t.upd}/{t.updated}" for f, t in sorted(per.items()) if t.updated)
    print(f"{'':18} update {rate(total.upd, total.updated)} ({folds}); printed {total.upd_printed}/{total.updated},"
          f" read on those {rate(total.upd_on_printed, total.upd_printed)}; invented {total.invented}")
    for f, t in sorted(per.items()):
        if f in show:
            for miss in t.misses:
                print(f"  f{f} {miss}")


def run_wcxb(renderers: list[str], only: set[int] | None, show: set[int]) -> None:
    folds = json.loads(FOLDS.read_text("utf-8")).get("wcxb-dev-en", {})
    truth = json.loads((DATA / "wcxb-dev-en" / "ground-truth.json").read_text("utf-8"))
    per: dict[str, dict[int, Tally]] = {r: {} for r in renderers}
    for pid, gold in sorted(truth.items()):
        fold = int(folds.get(pid, -1))
        if only is not None and fold not in only:
            continue
        html = gzip.decompress((DATA / "wcxb-dev-en" / "html" / f"{pid}.html.gz").read_bytes())
        html_pub, html_upd = days(html)
        silver = html_upd if html_upd != html_pub else None    # a page that carries an update
        want = (str(gold.get("date") or "")[:10] or None, silver)
        for r in renderers:
            dump = RENDERERS[r](html)
            score(per[r].setdefault(fold, Tally()), dump, days(dump), want, pid)
    for r in renderers:
        report(f"wcxb-dev-en/{r}", per[r], show)


def run_own(show: bool) -> None:
    truth = json.loads((OWN / "truth.json").read_text("utf-8"))
    meta = json.loads((OWN / "meta.json").read_text("utf-8"))
    t = Tally()
    for name, gold in sorted(truth.items()):
        text = (OWN / name).read_text("utf-8")
        got = days(text.encode(), meta[name]["fetched_at"], meta[name]["timezone"])
        if gold["published"] is None:          # an undated page: right when nothing is read
            t.dated += 1
            t.pub += got[0] is None
            t.pub_printed += 1
            t.pub_on_printed += got[0] is None
            if got[0] is not None:
                t.misses.append(f"{name} published gold None got {got[0]}")
            continue
        score(t, text, got, (gold["published"], gold["updated"]), name)
    report("own-dumps", {0: t}, {0} if show else set())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=("wcxb-dev-en", "own-dumps"), default=["wcxb-dev-en", "own-dumps"])
    ap.add_argument("--renderers", nargs="+", choices=sorted(RENDERERS), default=sorted(RENDERERS))
    ap.add_argument("--folds", help="score only these folds of wcxb-dev-en (comma-separated)")
    ap.add_argument("--misses", help="print the misses of these folds (comma-separated; own-dumps: any)")
    args = ap.parse_args()
    only = {int(f) for f in args.folds.split(",")} if args.folds else None
    show = {int(f) for f in args.misses.split(",")} if args.misses else set()
    if "wcxb-dev-en" in args.sets:
        run_wcxb(args.renderers, only, show)
    if "own-dumps" in args.sets:
        run_own(bool(show))


if __name__ == "__main__":
    main()
