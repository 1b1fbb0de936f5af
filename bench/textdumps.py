"""Whole-page text dumps: cleanfeed vs keeping every line (and trafilatura on the lines wrapped in <p>) on
every set in ../shared/data/text/ (the files under html/ hold TEXT).

One run, same pages: each page's tools run back to back, predictions are written as JSON per set and
tool, then scored with ../shared/tools/extraction_score.py --tokenizer cjk (one token per ideograph;
on text without CJK it equals the word tokenizer). Prints precision / recall / F1 per set and tool and
the time per page (CPU time of this process, so other work on the machine counts less).

Title, consistently: the daniel gold text starts with the headline (its README), the others do not, so
for `daniel-zh-dev-text` every tool's prediction is title + body (cleanfeed's Article.title, the
keep-everything text as is) and the `title` column is cleanfeed's title against that first gold line.

Rows:
- `keep-all`      every line of the dump (the baseline of issue 8)
- `cleanfeed`     `cleanfeed.clean(page)`: the whole pipeline, no site rules
- `cf+template`   the same with a site template learned (templates.learn_template) from the *other*
                  pages of the page's host in the set (leave-one-out, hosts with 3+ other pages); the
                  host comes from the gold URL or the page id, never from the gold text
- `trafilatura`   each line wrapped in <p>, trafilatura.extract (optional: `--tools`)

    python bench/textdumps.py                       # everything, one run (about a minute on 2 cores)
    python bench/textdumps.py --sets aeb-en-text --limit 40 --tools keep-all cleanfeed
"""
from __future__ import annotations

import gzip
import html
import importlib.util
import json
import logging
import re
import statistics
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from _score import ROOT, SHARED, load_scorer, set_arguments

DATA = SHARED / "data" / "text"
TITLED_SETS = {"daniel-zh-dev-text"}       # gold = headline + "\n" + body
TOOLS = ("keep-all", "cleanfeed", "cf+template", "trafilatura")

sys.path.insert(0, str(ROOT))

from cleanfeed.text.clean import clean_text


def load_set(name: str, limit: int | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """The gold of a text set and its pages (decoded text), `limit` first ids in sorted order."""
    truth = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {k: gzip.decompress((DATA / name / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8") for k in ids}
    return {k: truth[k] for k in ids}, pages


def page_host(page_id: str, gold: dict[str, Any]) -> str | None:
    """The page's host from its gold URL, or from a DAnIEL id (`20120112_news.163.com_…`)."""
    if gold.get("url"):
        return (urlsplit(gold["url"]).hostname or "").removeprefix("www.") or None
    m = re.match(r"^\d{8}_([a-z0-9.-]+\.[a-z]{2,})_", page_id)
    return m.group(1) if m else None


def predict_cleanfeed(text: str, titled: bool, rules: Any = None) -> dict[str, str]:
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    try:
        article = clean(text, rules=rules)
    except CleanfeedError:
        return {"articleBody": "", "title": ""}
    body = f"{article.title}\n{article.text}" if titled else article.text
    out = {"articleBody": body, "title": article.title}
    if article.published:
        out["date"] = article.published.value.date().isoformat()
    return out


def predict_trafilatura(text: str, titled: bool) -> dict[str, str]:
    import trafilatura

    doc = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return {"articleBody": trafilatura.extract(doc + "</body></html>", favor_precision=False) or ""}


def template_rules(pages: dict[str, str], truth: dict[str, Any]) -> Callable[[str], Any]:
    """For each page id, a RuleSet holding one site rule for its host with the template learned from the
    host's other pages (None when fewer than 3 others): the page never sees itself in its template."""
    from cleanfeed.rules.learned import MIN_PAGES, learn_template
    from cleanfeed.rules.site import RuleSet, SiteRule

    by_host: dict[str, list[str]] = defaultdict(list)
    for page_id in pages:
        if host := page_host(page_id, truth[page_id]):
            by_host[host].append(page_id)

    def rules_for(page_id: str) -> Any:
        host = page_host(page_id, truth[page_id])
        others = [pages[k] for k in by_host.get(host or "", []) if k != page_id]
        if not host or len(others) < MIN_PAGES:
            return None
        learned = learn_template(host, others)
        rule = SiteRule(name=host, hosts=(host,), fingerprints=(re.compile(r"(?s)."),),
                        template_lines=tuple(line for line, _ in learned.lines))
        return RuleSet((rule,))
    return rules_for


def bench_set(name: str, tools: tuple[str, ...], limit: int | None, out: Path, scorer: Any) -> list[dict[str, Any]]:
    truth, pages = load_set(name, limit)
    titled = name in TITLED_SETS
    rules_for = template_rules(pages, truth) if "cf+template" in tools else None
    runners: dict[str, Callable[[str, str], dict[str, str]]] = {
        "keep-all": lambda page_id, text: {"articleBody": text},
        "cleanfeed": lambda page_id, text: predict_cleanfeed(text, titled),
        "cf+template": lambda page_id, text: predict_cleanfeed(text, titled, rules_for(page_id) if rules_for else None),
        "trafilatura": lambda page_id, text: predict_trafilatura(text, titled),
    }
    preds: dict[str, dict[str, dict[str, str]]] = {t: {} for t in tools}
    times: dict[str, list[float]] = {t: [] for t in tools}
    stage: list[float] = []                 # the text cleaner alone (textclean + textdump), no dates
    for page_id, text in pages.items():
        for tool in tools:
            start = time.process_time()
            preds[tool][page_id] = runners[tool](page_id, text)
            times[tool].append(time.process_time() - start)
        if "cleanfeed" in tools:
            start = time.process_time()
            clean_text(text)
            stage.append(time.process_time() - start)
    rows = []
    for tool in tools:
        (out / f"{name}.{tool}.json").write_text(json.dumps(preds[tool], ensure_ascii=False, indent=1), "utf-8")
        m = scorer.evaluate(truth, preds[tool], tokenizer="cjk", n_bootstrap=0)
        if titled and tool.startswith("c"):
            m["title_exact"] = statistics.mean(
                float(scorer.norm_title(truth[k]["articleBody"].split("\n", 1)[0]) == scorer.norm_title(p.get("title")))
                for k, p in preds[tool].items())
        rows.append({"set": name, "tool": tool, "pages": len(pages), **m,
                     "ms": 1000 * statistics.mean(times[tool]), "ms_median": 1000 * statistics.median(times[tool])})
        if tool == "cleanfeed":
            rows[-1]["text_ms"] = 1000 * statistics.mean(stage)
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'set':<19} {'tool':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'empty':>5} {'title':>6} "
          f"{'date':>6} {'ms/page':>8} {'med ms':>7} {'text ms':>8}")
    for r in rows:
        title = f"{r['title_exact']:.3f}" if "title_exact" in r else "-"
        date = f"{r['date_day_match']:.3f}" if "date_day_match" in r else "-"
        text_ms = f"{r['text_ms']:.2f}" if "text_ms" in r else "-"
        print(f"{r['set']:<19} {r['tool']:<12} {r['pages']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{r['f1']:>6.3f} {r['empty_pred']:>5} {title:>6} {date:>6} {r['ms']:>8.2f} {r['ms_median']:>7.2f} "
              f"{text_ms:>8}")
    print("ms/page: CPU time of the whole `cleanfeed.clean()` (decode, clean, language, dates); text ms: the "
          "plain-text cleaner alone (textclean with the dump region finder)")


def main(argv: list[str] | None = None) -> int:
    args = set_arguments(__doc__, DATA, TOOLS, Path("/tmp/cleanfeed-bench-textdumps")).parse_args(argv)
    if not args.sets:
        print(f"no benchmark data in {DATA}", file=sys.stderr)
        return 2
    tools = tuple(args.tools)
    if "trafilatura" in tools and importlib.util.find_spec("trafilatura") is None:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
        tools = tuple(t for t in tools if t != "trafilatura")
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    args.out.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer()
    for name in args.sets:              # imports and lazy tables (per language) load outside the timed loop
        _, first = load_set(name, 1)
        predict_cleanfeed(next(iter(first.values())), False)
    if "trafilatura" in tools:
        predict_trafilatura("warm up", False)
    rows = []
    for name in args.sets:
        rows += bench_set(name, tools, args.limit, args.out, scorer)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
