"""Our own date cases (tests/data/dates, written for cleanfeed, MIT) as benchmark sets beside the shared ones,
each page cleaned as a user's page would be (`cleanfeed.clean` with its fetch time and zone) and scored against
dateparser (text) or htmldate (HTML) in the same run:

  own-text          the 76 snippets of text_cases_own.jsonl (held out: written by a colleague, never tuned to)
  more-text-dev     the 20 snippets of text_cases_more.jsonl looked at while developing (split "dev")
  more-text-held    the other 20 (split "held-out"): scored only
  own-html          the 26 pages of html_cases/ with their sidecar fetch time and zone, no URL; the `updated`
                    column scores the last-change day of the 11 pages that print one
  own-zh            the 24 Chinese portal builds of zh_portals/ the same way (5 print an update)
  own-r4            the 44 pages of round4/ (issue 19, fourth round: month names in 15 more languages, Solar
                    Hijri dates, a machine time a day from the printed day, update vs publication, captions)
  own-r5            the 10 pages of round5/ (issue 19, fifth round: dates inside link cards, an "originally
                    published" note after a later byline date, records' createdAt in a state blob, guards)
  own-r6            the 31 Chinese pages of round6/ (issue 19, sixth round: portal families, simplified and
                    traditional), cleaned with their URL too
  own-r6-text       the 38 snippets of round6/text_cases.jsonl (English and Chinese, new wordings)
  own-r7            the 15 pages of round7/ (issue 19, seventh round: press-release labels, UTC stamps on the
                    page's local day, posts imported years after they were first published; English, German, French)
  own-r8            the 10 pages of round8/ (issue 19, eighth round: a page's last change printed in its footer, a
                    year after a dotted day `December 19. 2025`, a UTC update stamp's day and offset; English,
                    German, French, Spanish)
  own-r9            the 41 pages of round9/ (issue 19, ninth round: publication and update printed the local way
                    in German, French, Spanish, Italian, Portuguese and Dutch, and English pages with both)
  own-r10           the 10 pages of round10/ (issue 19, tenth round: a same-day update clock in another zone or after
                    a publication without its year, the noun `update` in a headline, a market close's clock)
  own-r11           the 6 pages of round11/ (issue 19, eleventh round: a weak label inside a caption's sentence, a
                    day in the opening after the page's own printed last change, and guards)
  own-r12           the 32 pages of round12/ (issue 19, twelfth round: publication against last change, English
                    and Chinese: update lines under the headline, after the body, in the footer, correction and
                    editor's notes, relative stamps, a JSON-LD dateModified the page does not print, junk updates)
  own-r12-dumps     the 128 dumps of round12/dumps (those pages through lynx, w3m, html2text and markdownify)
  own-r13           the 16 pages of round13/ (issue 19, thirteenth round: update stamps where renderers move them,
                    a printed day against UTC metadata, relative stamps; English and Chinese)
  own-r13-dumps     the 64 dumps of round13/dumps (lynx, w3m, html2text, markdownify)
  own-r14           the 37 pages of round14/ (issue 19, fourteenth round: the publication day of English site
                    families: dated lists, captions, related boxes and prose beside the byline, URL and metadata
                    days a zone apart, date forms; one Minguo page), cleaned with their URL too
  own-r15           the 30 English pages of round15/ (issue 19, fifteenth round: written by a colleague who read no
                    code; publication and update day, with their URL)
  own-r16           the 6 pages of round16/ (issue 19, sixteenth round: a CMS's default stamp on the year's first
                    instant written as some zone's midnight in UTC, beside the printed day; guards)
  own-r17           the 3 guard pages of round17/ (issue 19, i19x: htmldate-dev fold 2's misses, kept as the policy
                    has them: an unlabelled printed day that is the metadata's update, a footer's copyright stamp,
                    a UTC stamp just after midnight)

Bench scripts import this module directly (their folder is sys.path[0]).
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATES = Path(__file__).resolve().parents[1] / "tests" / "data" / "dates"
SETS = ("own-text", "more-text-dev", "more-text-held", "own-html", "own-zh", "own-r4", "own-r5", "own-r6",
        "own-r6-text", "own-r7", "own-r8", "own-r9", "own-r10", "own-r11",
        "own-r12", "own-r12-dumps", "own-r13", "own-r13-dumps", "own-r14", "own-r15", "own-r16",
        "own-r17")
WITH_URL = {"own-r6", "own-r14", "own-r15"}     # sets whose sidecar URL is part of the case (a date in the URL path)
HTML_SETS = {"own-html": "html_cases", "own-zh": "zh_portals", "own-r4": "round4", "own-r5": "round5",
             "own-r6": "round6", "own-r7": "round7", "own-r8": "round8",
             "own-r9": "round9", "own-r10": "round10",
             "own-r11": "round11", "own-r12": "round12", "own-r12-dumps": "round12/dumps",
             "own-r13": "round13", "own-r13-dumps": "round13/dumps", "own-r14": "round14",
             "own-r15": "round15", "own-r16": "round16",
             "own-r17": "round17"}


def text_cases(name: str) -> Iterator[dict[str, Any]]:
    """The snippets of set `name` with their `reference_date` (fetch day) and `expected` day or None."""
    if name == "own-text":
        path, split = DATES / "text_cases_own.jsonl", None
    elif name == "own-r6-text":
        path, split = DATES / "round6" / "text_cases.jsonl", None
    else:
        path, split = DATES / "text_cases_more.jsonl", "dev" if name == "more-text-dev" else "held-out"
    for line in path.read_text("utf-8").splitlines():
        case = json.loads(line)
        if split is None or case["split"] == split:
            yield case


def html_cases(name: str = "own-html") -> Iterator[tuple[str, bytes, dict[str, Any], dict[str, Any]]]:
    """(file name, page bytes, truth {published, updated}, sidecar {fetched_at, timezone}) of set `name`."""
    folder = DATES / HTML_SETS[name]
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    for name in sorted(truth):
        yield name, (folder / name).read_bytes(), truth[name], meta[name]


def pipeline_days(content: str | bytes, fetched_at: str, timezone: str | None = None, url: str | None = None
                  ) -> tuple[str | None, str | None, float]:
    """(publication day, update day, CPU seconds) of the page through `cleanfeed.clean`; a page the pipeline
    refuses has neither."""
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    start = time.process_time()
    try:
        article = clean(content, url=url, fetched_at=fetched_at, timezone=timezone)
    except CleanfeedError:
        return None, None, time.process_time() - start
    took = time.process_time() - start
    return _day(article.published), _day(article.updated), took


def _day(found: Any) -> str | None:
    return found.value.date().isoformat() if found else None


__all__ = ["SETS", "WITH_URL", "html_cases", "pipeline_days", "text_cases"]
