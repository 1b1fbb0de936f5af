"""Publication dates: cleanfeed's date engine vs htmldate (extensive) and dateparser, same pages, same run.

Sets (../shared/data, see its README.md), day-level accuracy in the date's own offset:
  htmldate-dev       799 HTML pages, scored WITHOUT passing the URL (the URL often holds the date)
  text_cases         65 plain-text snippets; reference_date is the fetch time (a bare date: end of day)
  cwced-zh           the 56 Chinese pages of extraction/cwced-zh with a reviewed day in `date`
  wcxb-dev-en        the 657 pages of extraction/wcxb-dev-en (2025 crawl) with a day in `date` (2 more give a
                     month): split by site (bench/folds.json), folds 0+1 development (their misses may be read),
                     folds 2-4 held out (scored only). Its truth is mostly the publication day: on the development
                     folds, of the 109 pages whose engine publication and update days differ, 97 want the
                     publication, 8 the update; 16 of their 264 pages want a day their HTML prints nowhere (i19w)
and our own cases (tests/data/dates, bench/_owncases.py): own-text, more-text-dev, more-text-held, own-html, own-zh,
own-r4, own-r5, own-r6, own-r6-text, own-r7, own-r8, own-r9, own-r10, own-r11, own-r12,
own-r12-dumps, own-r13, own-r13-dumps, own-r14, own-r15, own-r16, own-r17, cleaned through the pipeline with their
fetch time and zone (own-r6 with its URL too; `pipeline` column; `updated` scores the last-change day of the pages that
print one), against dateparser (text) and htmldate (HTML).

Columns for the HTML sets:
  engine     lxml.html.fromstring + find_dates on a Draft carrying the uncleaned doc and the page's <p>
             texts as paragraphs (stands in for the HTML extractor, so the engine is measured alone)
  pipeline   cleanfeed.clean(html): the real HTML extractor's Draft (header lines, body) → find_dates;
             a page the extractor rejects counts as a miss
  htmldate   find_date(html, extensive_search=True, original_date=True)
For text_cases: engine = textclean.clean_text + find_dates; dateparser = search_dates(text, settings=
{RELATIVE_BASE: reference}) taking the first date found (the usual way it is used on a snippet).

ms: median and mean CPU time (time.process_time) per page of engine (parse + dates) and of htmldate
(parse + dates); CPU time, not wall time, because the machine is shared and wall time measures the
neighbours. A last line per HTML set gives the median of each tool's parse alone (htmldate's load_html
timed in a separate call), so what is left is each tool's date search.

    python bench/dates.py                 # the shared sets (about two minutes on 2 cores)
    python bench/dates.py --sets own-text more-text-dev more-text-held own-html own-zh own-r4 own-r5 own-r6 \
        own-r6-text own-r7 own-r8 own-r9 own-r10 own-r11 own-r12 own-r12-dumps own-r13 own-r13-dumps own-r14 own-r15 \
        own-r16 own-r17
    python bench/dates.py --sets text_cases --misses
    python bench/dates.py --sets htmldate-dev wcxb-dev-en --tools engine htmldate \
        --folds ../staging/extraction-analysis/folds.json          # accuracy per site-disjoint fold
    python bench/dates.py --sets htmldate-dev wcxb-dev-en --tools engine --folds bench/folds.json \
        --misses --miss-folds 0 1                                  # misses of the development folds only
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# $CLEANFEED_SHARED/data, else ../shared/data beside the checkout (from a worktree, /work/wt/NAME, one
# level further up).
DATA = (Path(os.environ["CLEANFEED_SHARED"]) / "data" if os.environ.get("CLEANFEED_SHARED") else
        next((up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
             ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT))

import _folds
import _owncases

from cleanfeed.dates.engine import find_dates
from cleanfeed.inputs.decode import decode
from cleanfeed.model import DateContext, Draft
from cleanfeed.text.clean import clean_text
from cleanfeed.text.language import detect_language
from cleanfeed.timeutil import UTC, parse_when


@dataclass
class Score:
    right: int = 0
    total: int = 0
    times: list[float] = field(default_factory=list)
    parse_times: list[float] = field(default_factory=list)     # the HTML parse alone, part of `times`
    misses: list[str] = field(default_factory=list)
    outcomes: dict[str, bool] = field(default_factory=dict)     # page id → right, for the per-fold lines

    def add(self, got: str | None, want: str, key: str) -> None:
        self.total += 1
        self.outcomes[key] = got == want
        if got == want:
            self.right += 1
        else:
            self.misses.append(f"{key}: want {want} got {got}")

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def ms(self) -> float:
        return statistics.median(self.times) * 1000 if self.times else float("nan")

    @property
    def parse_ms(self) -> float:
        return statistics.median(self.parse_times) * 1000 if self.parse_times else float("nan")

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.times) * 1000 if self.times else float("nan")


def html_folder(name: str) -> Path:
    return DATA / "dates" / name if name == "htmldate-dev" else DATA / "extraction" / name


def html_pages(name: str) -> Iterator[tuple[str, str, str]]:
    """(id, html text, expected day) for the pages of an HTML set that have a day."""
    folder = html_folder(name)
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth):
        want = truth[key].get("date")
        if want and len(want) >= 10:            # wcxb has a few month-only dates ("2015-11")
            raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
            yield key, decode(raw).text, want[:10]


def paragraphs_of(doc: Any) -> tuple[str, ...]:
    """The page's <p> texts outside navigation/sidebars/comments: a stand-in for the HTML extractor."""
    from cleanfeed.dates.layout import excluded, text_of

    out = []
    for p in doc.iter("p"):
        text = text_of(p, 2000)
        if len(text) >= 30 and not excluded(p):
            out.append(text)
        if len(out) >= 40:
            break
    return tuple(out)


def engine_day(html: str) -> tuple[str | None, float, float]:
    """(day, CPU time of parse + dates, CPU time of the parse alone)."""
    from cleanfeed.html.parse import parse_html  # the parser the pipeline uses

    start = time.process_time()
    doc = parse_html(html)
    parsed = time.process_time() - start
    lang = (doc.get("lang") or "").replace("_", "-").lower() or "en"
    ctx = DateContext(fetched_at=None, tz=UTC, language=lang)
    elapsed = time.process_time() - start
    draft = Draft(title=None, paragraphs=paragraphs_of(doc), doc=doc)      # stand-in, not timed
    start = time.process_time()
    found = find_dates(draft, ctx).published
    elapsed += time.process_time() - start
    return (found.value.date().isoformat() if found else None), elapsed, parsed


def pipeline_day(html: str) -> str | None:
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    try:
        article = clean(html)
    except CleanfeedError:
        return None
    return article.published.value.date().isoformat() if article.published else None


def htmldate_parse(html: str) -> float:
    """CPU time of htmldate's own parse (load_html) of the page, timed apart from its date search."""
    from htmldate.utils import load_html

    start = time.process_time()
    load_html(html)
    return time.process_time() - start


def htmldate_day(html: str, url: str | None = None) -> tuple[str | None, float]:
    from htmldate import find_date

    start = time.process_time()
    try:
        got = find_date(html, extensive_search=True, original_date=True, url=url)
    except Exception:  # noqa: BLE001 — the reference tool's own failures count as no date
        got = None
    return got, time.process_time() - start


WARM_UP_PAGE = """<html lang="en"><head><title>Warm-up</title><meta property="article:published_time"
content="2021-01-17T10:00:00+08:00"></head><body><h1>Warm-up</h1><p class="date">Posted on January 17, 2021</p>
<p>Nothing but a page to run every tool once before timing anything.</p><time datetime="2021-01-17">x</time>
</body></html>"""


# No metadata: every tool falls through to its slow paths (htmldate's extensive search, our page scan).
WARM_UP_BARE = """<html><head><title>Bare</title></head><body><div id="main"><h2>Bare page</h2>
<span>17.01.2021</span><div>Nothing here says when, except 17 January 2021 in the text and 2021年1月17日.</div>
</div></body></html>"""


def warm_up(tools: set[str]) -> None:
    """Run each tool on two small pages, untimed: what a process pays once (imports, compiled patterns:
    ours ~50 ms; htmldate's dateparser fallback loads its 200 locales, 1.1 s, on the first string nothing
    else reads) would otherwise land on one page of the first set and swing that set's mean (htmldate on
    cwced-zh: 26.6 ms mean cold, 4.4 ms warm). Medians do not move."""
    for page in (WARM_UP_PAGE, WARM_UP_BARE):
        if "engine" in tools:
            engine_day(page)
        if "pipeline" in tools:
            pipeline_day(page)
        if "htmldate" in tools:
            htmldate_day(page)
    if "htmldate" in tools:
        try:                    # htmldate's own (internal) lazily built dateparser, as its fallback uses it
            from htmldate.extractors import get_external_parser

            get_external_parser().get_date_data("Zu allen News vom 3")
        except (ImportError, AttributeError):
            print("warning: htmldate's dateparser fallback not warmed up; its mean includes ~1 s once",
                  file=sys.stderr)


def run_html(name: str, tools: set[str]) -> dict[str, Score]:
    scores = {t: Score() for t in ("engine", "pipeline", "htmldate") if t in tools}
    warm_up(tools)
    for key, html, want in html_pages(name):
        if "engine" in scores:
            got, took, parsed = engine_day(html)
            scores["engine"].add(got, want, key)
            scores["engine"].times.append(took)
            scores["engine"].parse_times.append(parsed)
        if "pipeline" in scores:
            scores["pipeline"].add(pipeline_day(html), want, key)
        if "htmldate" in scores:
            got, took = htmldate_day(html)
            scores["htmldate"].add(got, want, key)
            scores["htmldate"].times.append(took)
            scores["htmldate"].parse_times.append(htmldate_parse(html))
    return scores


def text_cases() -> Iterator[dict[str, Any]]:
    with open(DATA / "dates" / "text_cases.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def engine_text_day(case: dict[str, Any]) -> tuple[str | None, float]:
    start = time.process_time()
    ctx = DateContext(fetched_at=parse_when(case["reference_date"], UTC), tz=UTC,
                      language=detect_language(case["text"]))
    found = find_dates(clean_text(case["text"]), ctx).published
    return (found.value.date().isoformat() if found else None), time.process_time() - start


def dateparser_day(case: dict[str, Any]) -> tuple[str | None, float]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(case["reference_date"]).replace(hour=23, minute=59)
    start = time.process_time()
    found = search_dates(case["text"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    took = time.process_time() - start
    return (found[0][1].date().isoformat() if found else None), took


def run_text(tools: set[str]) -> dict[str, Score]:
    runners: dict[str, Callable[[dict[str, Any]], tuple[str | None, float]]] = {
        "engine": engine_text_day, "dateparser": dateparser_day}
    scores = {t: Score() for t in runners if t in tools}
    for tool in scores:                 # first calls load patterns and dateparser's locales: untimed
        runners[tool]({"text": "Posted 3 days ago, 发布时间：9月28日", "reference_date": "2021-10-01"})
    for case in text_cases():
        want = case["expected"] or "none"
        for tool, score in scores.items():
            got, took = runners[tool](case)
            score.add(got or "none", want, case["id"])
            score.times.append(took)
    return scores


def run_own_text(name: str, tools: set[str]) -> dict[str, Score]:
    """A set of our own snippets through the pipeline (and dateparser), with each case's fetch day."""
    scores = {t: Score() for t in ("pipeline", "dateparser") if t in tools}
    if "dateparser" in scores:
        dateparser_day({"text": "Posted 3 days ago", "reference_date": "2021-10-01"})      # untimed warm-up
    for case in _owncases.text_cases(name):
        want = case["expected"] or "none"
        if "pipeline" in scores:
            got, _, took = _owncases.pipeline_days(case["text"], case["reference_date"])
            scores["pipeline"].add(got or "none", want, case["id"])
            scores["pipeline"].times.append(took)
        if "dateparser" in scores:
            got, took = dateparser_day(case)
            scores["dateparser"].add(got or "none", want, case["id"])
            scores["dateparser"].times.append(took)
    return scores


def run_own_html(tools: set[str], name: str = "own-html") -> dict[str, Score]:
    """Our own HTML pages through the pipeline with their sidecar (no URL, but for the sets whose URL is part of
    the case), and htmldate on the same bytes (and URL)."""
    scores = {t: Score() for t in ("pipeline", "updated", "htmldate") if t in tools or t == "updated"}
    warm_up(tools)
    for key, page, truth, meta in _owncases.html_cases(name):
        url = meta.get("url") if name in _owncases.WITH_URL else None
        published, updated, took = _owncases.pipeline_days(page, meta["fetched_at"], meta["timezone"], url)
        scores["pipeline"].add(published or "none", truth["published"] or "none", key)
        scores["pipeline"].times.append(took)
        if truth["updated"]:
            scores["updated"].add(updated or "none", truth["updated"], key)
        if "htmldate" in scores:
            got, took = htmldate_day(decode(page).text, url)
            scores["htmldate"].add(got or "none", truth["published"] or "none", key)
            scores["htmldate"].times.append(took)
    return scores


def run_set(name: str, tools: set[str]) -> dict[str, Score]:
    if name == "text_cases":
        return run_text(tools)
    if name in _owncases.HTML_SETS:
        return run_own_html(tools | {"pipeline"}, name)
    if name in _owncases.SETS:
        return run_own_text(name, tools | {"pipeline"})
    return run_html(name, tools)


HTML_SETS = ("htmldate-dev", "cwced-zh", "wcxb-dev-en")


def print_folds(name: str, scores: dict[str, Score], shared: Path) -> None:
    """One line per tool: right/pages in each site-disjoint fold."""
    truth = json.loads((html_folder(name) / "ground-truth.json").read_text("utf-8"))
    fold_of = _folds.folds_for(name, truth, shared)
    for tool, s in scores.items():
        cells = []
        for fold in range(_folds.K):
            got = [ok for key, ok in s.outcomes.items() if fold_of.get(key) == fold]
            cells.append(f"{sum(got)}/{len(got)} {sum(got) / len(got) if got else 0:.3f}")
        print(f"{name:<14} {tool:<11} folds: " + " | ".join(cells))


def misses_to_show(name: str, score: Score, args: argparse.Namespace) -> list[str]:
    """The misses to list: all, or with --miss-folds only those of pages in the named folds (an HTML set's
    page outside them, or a set without folds, is not listed)."""
    if args.miss_folds is None:
        return score.misses
    if name not in HTML_SETS or args.folds is None:
        return []
    truth = json.loads((html_folder(name) / "ground-truth.json").read_text("utf-8"))
    fold_of = _folds.folds_for(name, truth, args.folds)
    return [m for m in score.misses if fold_of.get(m.split(":", 1)[0]) in set(args.miss_folds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=["htmldate-dev", "text_cases", "cwced-zh", "wcxb-dev-en"])
    parser.add_argument("--tools", nargs="+", default=["engine", "pipeline", "htmldate", "dateparser"])
    parser.add_argument("--misses", action="store_true", help="list the engine's misses")
    parser.add_argument("--miss-folds", type=int, nargs="+", default=None, metavar="K",
                        help="with --misses and --folds: list only the misses of these folds (the development "
                             "folds), so held-out pages are never read")
    parser.add_argument("--folds", type=Path, nargs="?", const=Path("/nonexistent"), default=None, metavar="FILE",
                        help="accuracy per site-disjoint fold of each HTML set (bench/_folds.py); FILE: the "
                             "shared {set: {id: fold}} assignment (wcxb-dev-en), sets it lacks get their own")
    args = parser.parse_args(argv)
    if args.miss_folds is not None and not (args.misses and args.folds is not None):
        parser.error("--miss-folds needs --misses and --folds (without them no miss would be listed)")
    logging.basicConfig(level=logging.ERROR)
    warnings.simplefilter("ignore")
    tools = set(args.tools)
    print(f"{'set':<14} {'tool':<11} {'pages':>5} {'right':>5} {'accuracy':>8} {'median ms':>9} {'mean ms':>8}")
    for name in args.sets:
        scores = run_set(name, tools)
        for tool, s in scores.items():
            ms = f"{s.ms:9.2f} {s.mean_ms:8.2f}" if s.times else f"{'-':>9} {'-':>8}"
            print(f"{name:<14} {tool:<11} {s.total:>5} {s.right:>5} {s.accuracy:>8.3f} {ms}")
        if "engine" in scores and "htmldate" in scores:
            e, h = scores["engine"], scores["htmldate"]
            print(f"{name:<14} engine ÷ htmldate time per page: median {e.ms / h.ms:.2f}, "
                  f"mean {e.mean_ms / h.mean_ms:.2f}")
            print(f"{name:<14} median ms of the parse alone: engine {e.parse_ms:.2f}, "
                  f"htmldate {h.parse_ms:.2f} (timed apart)")
        if args.folds is not None and name in HTML_SETS:
            print_folds(name, scores, args.folds)
        shown = "engine" if "engine" in scores else "pipeline"
        if args.misses and shown in scores:
            for miss in misses_to_show(name, scores[shown], args):
                print(f"    miss {name} {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
