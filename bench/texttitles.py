"""Headlines of whole-page text dumps, per site-disjoint fold: the English HTML sets with titles in
../shared/data/extraction/ (wcxb-dev-en, mozilla-multi) rendered the way ../shared/data/text/ was made
(`<title>` first, scripts and styles dropped, one line per block element, everything else kept), then
cleaned as text. The shared text sets have no title truth for English (aeb's has none), so this is where
a change to how a dump's headline is chosen is measured; the HTML path's title on the same pages is
printed beside it, and the text dump's publication day where the truth has one (a headline chosen
differently moves the header lines the date is read from).

    python bench/texttitles.py                       # both sets, per fold (bench/folds.json)
    python bench/texttitles.py --sets mozilla-multi --misses 0,1   # misses of folds 0 and 1 only
"""
from __future__ import annotations

import argparse
import gzip
import json

import lxml.html
from _score import ROOT, SHARED

import cleanfeed
from cleanfeed.errors import CleanfeedError

DATA = SHARED / "data" / "extraction"
FOLDS = ROOT / "bench" / "folds.json"
SETS = ("wcxb-dev-en", "mozilla-multi")
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "br"})


def render_dump(html: bytes) -> str:
    """A page as a naive scraper saves it: its `<title>`, then one line per block element's own text."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            lines.append(text)
        run.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in BLOCKS
        if isinstance(el.tag, str):
            if block:
                flush()
            run.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush()
        run.append(el.tail or "")

    title = doc.find(".//title")
    if title is not None and title.text_content().strip():
        lines.append(" ".join(title.text_content().split()))
    body = doc.find("body")
    walk(body if body is not None else doc)
    flush()
    return "\n".join(lines) + "\n"


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
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--misses", help="print the text-dump misses of these folds (comma-separated)")
    args = ap.parse_args()
    show = {int(f) for f in args.misses.split(",")} if args.misses else set()
    folds = json.loads(FOLDS.read_text("utf-8"))
    for name in args.sets:
        truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
        per: dict[int, list[int]] = {}
        for pid, gold in sorted(truth.items()):
            want = " ".join(str(gold.get("title") or "").split())
            if not want:
                continue
            html = gzip.decompress((DATA / name / "html" / f"{pid}.html.gz").read_bytes())
            dump = render_dump(html)
            got, day = title_and_day(dump)
            fold = int(folds.get(name, {}).get(pid, -1))
            tally = per.setdefault(fold, [0, 0, 0, 0, 0])
            tally[0] += got == want
            tally[1] += title_and_day(html)[0] == want
            tally[2] += 1
            gold_day = str(gold.get("date") or "")[:10]
            tally[3] += bool(gold_day) and day == gold_day
            tally[4] += bool(gold_day)
            if fold in show and got != want:
                print(f"  miss f{fold} {pid} | gold: {want} | got: {got} | <title>: {dump.splitlines()[0]}")
        n = sum(t[2] for t in per.values())
        text, html_ok = sum(t[0] for t in per.values()), sum(t[1] for t in per.values())
        folds_text = "  ".join(f"f{f}:{t[0] / t[2]:.3f}" for f, t in sorted(per.items()))
        print(f"{name:14} {n:4} titles: text dump {text / n:.3f} ({folds_text})   HTML {html_ok / n:.3f}")
        dated, days = sum(t[4] for t in per.values()), sum(t[3] for t in per.values())
        if dated:
            print(f"{'':19} text dump publication day {days}/{dated} = {days / dated:.3f}")


if __name__ == "__main__":
    main()
