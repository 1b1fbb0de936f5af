"""Headlines of whole-page text dumps, per site-disjoint fold: the English HTML sets with titles in
../shared/data/extraction/ (wcxb-dev-en, mozilla-multi) rendered the way ../shared/data/text/ was made
(`<title>` first, scripts and styles dropped, one line per block element, everything else kept), then
cleaned as text. The shared text sets have no title truth for English (aeb's has none), so this is where
a change to how a dump's headline is chosen is measured; the HTML path's title on the same pages is
printed beside it, and the text dump's publication day where the truth has one (a headline chosen
differently moves the header lines the date is read from).

    python bench/texttitles.py                       # both sets, per fold (bench/folds.json)
    python bench/texttitles.py --sets mozilla-multi --misses 0,1   # misses of folds 0 and 1 only
    python bench/texttitles.py --classes --no-html   # why titles and days miss, counted per class

A gold day that the dump never prints cannot be read from it: `printed` counts the pages whose gold day
is written somewhere in the dump (any order of day, month and year, month by number or by name, found by
a loose window search here, not by cleanfeed's own date grammar), and the day rate is given on those too.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from _score import ROOT, SHARED, load_module
from renderdumps import (
    BROWSERS,
    MARKDOWN,
    NARROW_DEV,
    NARROW_HELD_OUT,
    chinese_folds,
    declared_utf8,
    dumps,
    markdown_writer,
)

import cleanfeed
from cleanfeed.errors import CleanfeedError

DATA = SHARED / "data" / "extraction"
FOLDS = ROOT / "bench" / "folds.json"
# The tests' renderers: `a` as the shared text sets were made (`<title>` first), `b` a browser's innerText with
# no `<title>` (tests/helpers/dumps_b.py), `c`, `e` (text-browser-like, held out: score it, do not read its
# misses) and `g`: the other test renderers (tests/helpers/dumps_c.py, dumps_e.py, dumps_g.py).
RENDERERS = {"a": ("dumps.py", "render_dump"), "b": ("dumps_b.py", "render_dump_b"),
             "c": ("dumps_c.py", "render_dump_c"), "e": ("dumps_e.py", "render_dump_e"),
             "g": ("dumps_g.py", "render_dump")}


def renderer(name: str) -> Callable[[bytes], str]:
    """The HTML → dump renderer called `name` (a, b, c, e or g), loaded by path from tests/helpers/, or a
    Markdown writer library."""
    if name in MARKDOWN:        # Markdown writers (bench extra), as bench/renderdumps.py renders
        return markdown_writer(name)[0]
    file, function = RENDERERS[name]
    render: Callable[[bytes], str] = getattr(load_module(ROOT / "tests" / "helpers" / file, file[:-3]), function)
    return render
SETS = ("wcxb-dev-en", "mozilla-multi")
# Chinese: daniel-zh-dev's headline is the first line of its gold text (its README); cwced-zh has no title in its
# truth, so there the dump's title is compared with the HTML path's title on the same page (agreement, not truth).
# Folds by a hash of the page id (renderdumps.chinese_folds). Development: daniel-zh-dev folds 0-1; its folds 2-4
# and all of cwced-zh are held out (scores only).
CHINESE = ("daniel-zh-dev", "cwced-zh")
# Real text browsers, rendered (and cached) as bench/renderdumps.py does: no `<title>` line, hard-wrapped.
BROWSER_NAMES = (*BROWSERS, *NARROW_DEV, *NARROW_HELD_OUT)
CACHE = Path("/tmp/cleanfeed-renderdumps")
PAGE_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def day_printed(dump: str, day: str) -> bool:
    """Whether the dump writes `day` (YYYY-MM-DD) anywhere: its year, then within 30 characters either side
    its month (number or name) and its day as separate numbers (a loose test: it may say yes to a day
    that is only a coincidence of numbers, never no to a printed full date)."""
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return False
    low = dump.lower()
    month = rf"(?:0?{when.month}(?!\d)|{MONTHS[when.month - 1]}[a-z]*\.?)"
    day_no = rf"(?<!\d)0?{when.day}(?:st|nd|rd|th)?(?!\d)"
    for m in re.finditer(rf"(?<!\d)(?:{when.year}|{when.year % 100:02d})(?!\d)", low):
        window = low[max(0, m.start() - 30):m.end() + 30]
        near = window.replace(m.group(), " ", 1)
        if re.search(rf"(?<![\da-z]){month}", near) and re.search(day_no, near.replace(m.group(), " ")):
            return True
    return False


QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def same_title(got: str, want: str) -> bool:
    """Equal once curly quotes are straightened: the truth often writes `Beginner's` where the page prints
    `Beginner’s` (the HTML path reads og:title; a dump only has the printed line)."""
    return got.translate(QUOTES) == want.translate(QUOTES)


def title_class(got: str, want: str, dump: str, page_title: str) -> str:
    """Why a dump's title missed: nothing read, the headline glued to more text, a piece of it, no line of
    the dump is the headline, or another line chosen."""
    lines = {" ".join(line.split()) for line in dump.splitlines()}
    if not got:
        return "refused"
    if want in got:
        return "glued (headline + more)"
    if got in want:
        return "part of the headline"
    if want not in lines:
        return "headline not a line of the dump" + (" (in <title> only)" if want in page_title else "")
    return "another line chosen"


def day_class(day: str | None, gold: str, printed: bool) -> str:
    """Why a dump's publication day missed."""
    if not printed:
        return "gold day not printed"
    if day is None:
        return "printed, none read"
    return "printed, later day read" if day > gold else "printed, earlier day read"


def gold_title(name: str, gold: dict[str, object], html: bytes) -> str:
    """The headline a dump of this page should yield, spaces folded: the truth's `title`; daniel-zh-dev's first
    gold line; for cwced-zh (no title truth) the HTML path's title."""
    if name == "daniel-zh-dev":
        return " ".join(str(gold.get("articleBody") or "").strip().split("\n", 1)[0].split())
    if name == "cwced-zh":
        return title_and_day(html)[0]
    return " ".join(str(gold.get("title") or "").split())


def norm_title(text: str) -> str:
    """The scorer's title normalisation (NFKC, lower case, no punctuation or spaces): a wrapped Chinese headline
    rejoined with a space, or a full-width colon, is not a different headline."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).lower()).split()).replace(" ", "")


def printed_on_page(title: str, html: bytes) -> bool:
    """Whether the page prints `title` outside its `<title>` (scorer-normalised, anywhere in the text of renderer
    `a`'s dump past its `<title>` line): cwced-zh's stand-in truth, the HTML path's title, is a site's name or a
    `<title>` no text dump holds on about a third of its pages (`北医新闻网`, `导航`, `powered by Discuz! Archiver`)."""
    lines = renderer("a")(declared_utf8(html)).split("\n")
    return bool(norm_title(title)) and norm_title(title) in norm_title(" ".join(lines[1:]))


def title_and_day(content: str | bytes) -> tuple[str, str | None]:
    """The cleaned page's title (spaces folded) and its publication day in the page's own offset."""
    try:
        article = cleanfeed.clean(content)
    except CleanfeedError:
        return "", None
    day = article.published.value.date().isoformat() if article.published else None
    return " ".join(article.title.split()), day


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=SETS + CHINESE, default=list(SETS),
                    help="English sets by default; daniel-zh-dev and cwced-zh (HTML-path agreement) when asked")
    ap.add_argument("--misses", help="print the text-dump misses of these folds (comma-separated)")
    ap.add_argument("--folds", help="score only these folds (comma-separated): develop on some, hold out the rest")
    ap.add_argument("--classes", action="store_true", help="count title and day misses per class, per fold")
    ap.add_argument("--renderer", choices=sorted(RENDERERS) + list(MARKDOWN) + list(BROWSER_NAMES), default="a",
                    help="how pages become dumps: a = `<title>` first (as the shared text sets), b = a browser's "
                         "innerText without `<title>`, c / e / g = tests/helpers/dumps_c.py / dumps_e.py / dumps_g.py, "
                         "html2text / markdownify = pages saved as Markdown, lynx / w3m (80 columns; "
                         "lynx44 w3m50 ... narrower) = real text browsers as bench/renderdumps.py renders them")
    ap.add_argument("--no-html", action="store_true", help="skip the HTML path's titles (half the time)")
    ap.add_argument("--printed-truth", action="store_true",
                    help="cwced-zh: score only pages whose HTML-path title is printed on the page (outside "
                         "`<title>`): elsewhere that title is a site's name or a `<title>` no dump prints")
    args = ap.parse_args()
    show = {int(f) for f in args.misses.split(",")} if args.misses else set()
    if show and args.renderer in ("e", *NARROW_HELD_OUT):
        ap.error(f"renderer {args.renderer} is held out: score it, do not read its misses")
    only = {int(f) for f in args.folds.split(",")} if args.folds else None
    folds = json.loads(FOLDS.read_text("utf-8"))
    browser = args.renderer in BROWSER_NAMES
    render_dump = None if browser else renderer(args.renderer)
    for name in args.sets:
        truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
        fold_of = chinese_folds(sorted(truth)) if name in CHINESE else folds.get(name, {})
        rendered = dumps(name, sorted(truth), args.renderer, CACHE) if browser else {}
        per: dict[int, list[int]] = {}
        classes: dict[int, Counter[str]] = {}
        for pid, gold in sorted(truth.items()):
            fold = int(fold_of.get(pid, -1))
            if only is not None and fold not in only:
                continue
            html = gzip.decompress((DATA / name / "html" / f"{pid}.html.gz").read_bytes())
            want = gold_title(name, gold, html)
            if not want or args.printed_truth and name == "cwced-zh" and not printed_on_page(want, html):
                continue
            # the Chinese sets store pages re-encoded as UTF-8 under a `charset=gb2312` declaration or none, which
            # lxml reads as Latin-1 (declared_utf8)
            source = declared_utf8(html) if name in CHINESE else html
            dump = rendered[pid] if browser else render_dump(source)  # type: ignore[misc]
            found = PAGE_TITLE.search(html)
            page_title = " ".join(found.group(1).decode("utf-8", "replace").split()) if found else ""
            got, day = title_and_day(dump)
            tally = per.setdefault(fold, [0, 0, 0, 0, 0, 0, 0, 0, 0])
            tally[0] += got == want
            tally[1] += not args.no_html and title_and_day(html)[0] == want
            tally[2] += 1
            gold_day = str(gold.get("date") or "")[:10]
            printed = bool(gold_day) and day_printed(dump, gold_day)
            tally[3] += bool(gold_day) and day == gold_day
            tally[4] += bool(gold_day)
            tally[5] += printed and day == gold_day
            tally[6] += printed
            tally[7] += same_title(got, want)
            tally[8] += norm_title(got) == norm_title(want)
            counts = classes.setdefault(fold, Counter())
            if got != want:
                counts["title: " + title_class(got, want, dump, page_title)] += 1
            if gold_day and day != gold_day:
                counts["day: " + day_class(day, gold_day, printed)] += 1
            if fold in show and name != "cwced-zh" and got != want:
                print(f"  miss f{fold} {pid} | gold: {want} | got: {got} | <title>: {page_title}")
            if fold in show and name != "cwced-zh" and gold_day and day != gold_day:
                print(f"  day miss f{fold} {pid} | gold: {gold_day} | got: {day} | printed: {printed}")
        n = sum(t[2] for t in per.values())
        text, html_ok = sum(t[0] for t in per.values()), sum(t[1] for t in per.values())
        folds_text = "  ".join(f"f{f}:{t[0] / t[2]:.3f}" for f, t in sorted(per.items()))
        html_text = "" if args.no_html else f"   HTML {html_ok / n:.3f}"
        print(f"{name:14} {n:4} titles: text dump {text / n:.3f} ({folds_text}){html_text}")
        folded = "  ".join(f"f{f}:{t[7] / t[2]:.3f}" for f, t in sorted(per.items()))
        print(f"{'':19} text dump titles, quotes straightened {sum(t[7] for t in per.values()) / n:.3f} ({folded})")
        normed = "  ".join(f"f{f}:{t[8] / t[2]:.3f}" for f, t in sorted(per.items()))
        print(f"{'':19} text dump titles, scorer-normalised {sum(t[8] for t in per.values()) / n:.3f} ({normed})")
        dated, days = sum(t[4] for t in per.values()), sum(t[3] for t in per.values())
        if dated:
            printed, read = sum(t[6] for t in per.values()), sum(t[5] for t in per.values())
            days_folds = "  ".join(f"f{f}:{t[3] / t[4]:.3f}" for f, t in sorted(per.items()) if t[4])
            print(f"{'':19} text dump publication day {days}/{dated} = {days / dated:.3f} ({days_folds})")
            printed_folds = "  ".join(f"f{f}:{t[5] / t[6]:.3f}" for f, t in sorted(per.items()) if t[6])
            print(f"{'':19} gold day printed in the dump {printed}/{dated}; read on those {read}/{printed} = "
                  f"{read / max(printed, 1):.3f} ({printed_folds})")
        if args.classes:
            for f, counts in sorted(classes.items()):
                print(f"{'':19} f{f} " + "; ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
