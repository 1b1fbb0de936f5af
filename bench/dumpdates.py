"""Publication and update days of whole-page text dumps, per site-disjoint fold, rendered by five renderers with
different conventions, so that a gain is not one scraper's habit: `ours` (tests/helpers/dumps.py: the `<title>`
first, one line per block, as ../shared/data/text/ was made), `g` (tests/helpers/dumps_g.py: no `<title>`, a
blank line between blocks, list items marked, table rows on one line, hidden elements left out), `b`
(tests/helpers/dumps_b.py: a browser's innerText), `c` (tests/helpers/dumps_c.py: html2text-like) and `e`
(tests/helpers/dumps_e.py: text-browser-like, the held-out renderer: `--misses` does not print its misses). Also the
hand-written dumps of tests/data/dates/dumps (`own-dumps`, their own gold, fetch time and zone).

    python bench/dumpdates.py                         # wcxb-dev-en by every renderer, and own-dumps
    python bench/dumpdates.py --folds 0,1 --misses 0,1 --renderers ours g   # dev folds only, with their misses

wcxb-dev-en's truth has a publication day (`date`) and no update day. The update day scored here is silver: the
day cleanfeed's HTML path reads from the same page's metadata and markup (`updated`; on blind English articles
it scored 1.000), scored on the pages that carry an update (an update day other than the publication day; a
`dateModified` on the publication day tells a dump reader nothing). `printed` counts the pages whose gold (or
silver) day the dump writes somewhere (a loose window search, bench/texttitles.py `day_printed`); a day that
is not printed cannot be read from the dump, and the rate on the printed pages is given by fold. False days: a
wrong publication day read where the gold one is printed, and a day read where it is not (a dump that does not
print its day should stay undated; the policy still dates a page that prints only its last change by it).
`invented` counts dumps given an update day where the HTML path finds none.
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
    "b": load_module(ROOT / "tests" / "helpers" / "dumps_b.py", "dumps_b").render_dump_b,
    "c": load_module(ROOT / "tests" / "helpers" / "dumps_c.py", "dumps_c").render_dump_c,
    "e": load_module(ROOT / "tests" / "helpers" / "dumps_e.py", "dumps_e").render_dump_e,
}
HELD_OUT = frozenset({"e"})     # scored only: `--misses` never prints its misses


@dataclass
class Days:
    """One kind of day (publication or update) over some pages."""
    right: int = 0          # read right
    gold: int = 0           # pages whose truth has this day
    printed: int = 0        # … whose dump prints it
    on_printed: int = 0     # read right among those
    false_printed: int = 0  # a wrong day read where the dump prints the gold one
    false_unprinted: int = 0  # a day read where the dump does not print the gold one (a false date)

    def add(self, got: str | None, gold: str | None, printed: bool) -> None:
        self.gold += 1
        self.right += got == gold
        self.printed += printed
        self.on_printed += printed and got == gold
        wrong = got is not None and got != gold
        self.false_printed += printed and wrong
        self.false_unprinted += not printed and wrong

    def __iadd__(self, other: Days) -> Days:
        self.right, self.gold = self.right + other.right, self.gold + other.gold
        self.printed, self.on_printed = self.printed + other.printed, self.on_printed + other.on_printed
        self.false_printed += other.false_printed
        self.false_unprinted += other.false_unprinted
        return self


@dataclass
class Tally:
    pub: Days = field(default_factory=Days)
    upd: Days = field(default_factory=Days)     # the update truth is silver for wcxb (the HTML path's reading)
    invented: int = 0       # an update day where the truth has none
    misses: list[str] = field(default_factory=list)


def day(found: FoundDate | None) -> str | None:
    return found.value.date().isoformat() if found else None


SOURCES: dict[str, str] = {}    # the last page's winning strategy per kind, for the miss lines


def days(content: str | bytes, fetched_at: str | None = None,
         timezone: str | None = None) -> tuple[str | None, str | None]:
    """The cleaned page's publication and update days (None when the page is refused)."""
    SOURCES.clear()
    try:
        article = cleanfeed.clean(content, fetched_at=fetched_at, timezone=timezone)
    except CleanfeedError:
        return None, None
    for kind, found in (("published", article.published), ("updated", article.updated)):
        if found:
            SOURCES[kind] = found.source
    return day(article.published), day(article.updated)


def printing_line(text: str, when: str | None) -> str:
    """The first line of a dump that prints the day `when` (what a miss's wrong day was read from), cut short."""
    if when:
        for line in text.splitlines():
            if day_printed(line, when):
                return line.strip()[:140]
    return ""


def score(t: Tally, text: str, got: tuple[str | None, str | None], want: tuple[str | None, str | None],
          label: str) -> None:
    """Add one page: its publication day against the gold, its update day against the (silver) update."""
    for kind, read, gold, days_of in (("published", got[0], want[0], t.pub), ("updated", got[1], want[1], t.upd)):
        if gold:
            printed = day_printed(text, gold)
            days_of.add(read, gold, printed)
            if read != gold:
                t.misses.append(f"{label} {kind} gold {gold} got {read} printed {printed}"
                                f" via {SOURCES.get(kind, '-')} | {printing_line(text, read)}")
    if not want[1] and got[1] and got[1] != got[0]:
        t.invented += 1
        t.misses.append(f"{label} updated: none in the truth, got {got[1]}")


def rate(right: int, n: int) -> str:
    return f"{right}/{n} = {right / n:.3f}" if n else "-"


def report(name: str, per: dict[int, Tally], show: set[int]) -> None:
    total = Tally()
    for t in per.values():
        total.pub += t.pub
        total.upd += t.upd
        total.invented += t.invented
    pub, upd = total.pub, total.upd
    folds = "  ".join(f"f{f}:{t.pub.right / t.pub.gold:.3f}" for f, t in sorted(per.items()) if t.pub.gold)
    print(f"{name:18} publication {rate(pub.right, pub.gold)} ({folds})")
    print(f"{'':18} printed {pub.printed}/{pub.gold}; read on those {rate(pub.on_printed, pub.printed)}"
          f"; false days: {pub.false_printed} where printed, {pub.false_unprinted} where not")
    folds = "  ".join(f"f{f}:{t.pub.on_printed / t.pub.printed:.3f}" for f, t in sorted(per.items()) if t.pub.printed)
    print(f"{'':18} on printed by fold ({folds})")
    folds = "  ".join(f"f{f}:{t.upd.right}/{t.upd.gold}" for f, t in sorted(per.items()) if t.upd.gold)
    print(f"{'':18} update {rate(upd.right, upd.gold)} ({folds}); printed {upd.printed}/{upd.gold},"
          f" read on those {rate(upd.on_printed, upd.printed)}; invented {total.invented}")
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
        report(f"wcxb-dev-en/{r}", per[r], set() if r in HELD_OUT else show)


def run_own(show: bool) -> None:
    truth = json.loads((OWN / "truth.json").read_text("utf-8"))
    meta = json.loads((OWN / "meta.json").read_text("utf-8"))
    t = Tally()
    for name, gold in sorted(truth.items()):
        text = (OWN / name).read_text("utf-8")
        got = days(text.encode(), meta[name]["fetched_at"], meta[name]["timezone"])
        if gold["published"] is None:          # an undated page: right when nothing is read
            t.pub.add(got[0], None, True)
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
