"""English article bodies of whole-page text dumps under every test renderer, per site-disjoint fold.

The shared text sets (../shared/data/text/) were all made by one renderer; a blind scraper's dumps of the
same kind of pages score far lower on recall. Here the English HTML sets with gold bodies (`aeb-en`,
`wcxb-dev-en`, the English pages of `mozilla-multi`) are rendered by each naive renderer of tests/helpers/
(`a` dumps.py: `<title>` first, one line per block, as the shared text sets; `b` dumps_b.py: innerText, no
`<title>`, tab-joined cells; `c` dumps_c.py: html2text-like; `g` dumps_g.py: no `<title>`, `* ` items, blank
lines; `e` dumps_e.py: text-browser-like, the held-out renderer; and two real text-mode browsers, whose dumps are
hard-wrapped at 80 columns: `lynx` = `lynx -dump -width=80` with its numbered link references and References
list, `w3m` = `w3m -dump -cols 80`; both must be installed: `apt-get install lynx w3m`), cleaned by
`cleanfeed.clean(text)` and the body scored with ../shared/tools/extraction_score.py per fold of
bench/folds.json. `keep` adds the keep-every-line baseline. The Chinese sets (`cwced-zh`, `daniel-zh-dev`: every
page, CJK tokens, five folds by a hash of the page id) are scored only when asked with `--sets`; under the
renderers `zh<cells><variant>` (tests/helpers/dumps_zhwrap.py) their line-per-block text dumps (`text`, the
reference) are hard-wrapped at a narrow width, as mobile exports, digests and `fold` do; under `tw<N>`, `cw<N>`,
`rich<N>` the same dumps are wrapped by real tools (the standard library's textwrap, PyPI cjkwrap and rich), and
`inscriptis` renders the pages with that HTML-to-text library.

    python bench/renderdumps.py                                   # every set and renderer, per fold
    python bench/renderdumps.py --renderers b g --json /tmp/after.json --compare /tmp/before.json
    python bench/renderdumps.py --renderers b --misses 0,1        # worst pages of folds 0 and 1 under b
    python bench/renderdumps.py --sets cwced-zh daniel-zh-dev --renderers text zh36 zh50 zh36i zh50p
    python bench/renderdumps.py --sets cwced-zh daniel-zh-dev --renderers tw30 tw40 cw40 rich40 inscriptis

Discipline: `--misses` refuses renderer `e` and the held-out `zh`, narrow-browser and tool-wrap renderers
(their misses are never read) and prints only the folds asked for. Rendered dumps are cached under `--cache` by
the renderer file's hash.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import re
import statistics
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _score import ROOT, SHARED, load_module, load_scorer, write_cached

sys.path.insert(0, str(ROOT))       # this checkout's cleanfeed, not the one the venv has installed

import cleanfeed
from cleanfeed.errors import CleanfeedError
from cleanfeed.text.language import detect_language

DATA = SHARED / "data" / "extraction"
FOLDS = ROOT / "bench" / "folds.json"
SETS = ("aeb-en", "wcxb-dev-en", "mozilla-multi")
CHINESE = ("cwced-zh", "daniel-zh-dev")
RENDERERS = {"a": ("dumps.py", "render_dump"), "b": ("dumps_b.py", "render_dump_b"),
             "c": ("dumps_c.py", "render_dump_c"), "g": ("dumps_g.py", "render_dump"),
             "e": ("dumps_e.py", "render_dump_e")}
# Real text-mode browsers (Debian packages `lynx`, `w3m`): what a user saving a page as text gets by default.
BROWSERS = {"lynx": ["lynx", "-dump", "-force_html", "-width=80", "-display_charset=utf-8", "-stdin"],
            "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "80", "-O", "UTF-8"]}
# Markdown writers (PyPI `html2text`, `markdownify`, in the bench extra): what a scraper saving pages for notes or
# a language model writes, with their defaults (html2text hard-wraps at 78 columns; markdownify underlines h1/h2).
MARKDOWN = ("html2text", "markdownify")
HELD_OUT = "e"
# Chinese dumps hard-wrapped at a narrow width (tests/helpers/dumps_zhwrap.py: `zh<cells><variant>`), made from
# the line-per-block dumps of the shared Chinese text sets; `text` is that dump unwrapped, their reference.
# Development: folds 0-1 under ZH_DEV only; every other fold and renderer is held out (scores only).
ZH_DEV = ("zh36", "zh50", "zh36i", "zh50p")
ZH_HELD_OUT = ("zh30", "zh40", "zh44", "zh60", "zh80", "zh40i", "zh60p", "zh30b", "zh50b", "zh80c", "zh44c")
# The same pages through the browsers at narrow widths (`lynx44`, `w3m50`; development as above).
NARROW_DEV = ("lynx44", "w3m50")
NARROW_HELD_OUT = ("lynx30", "lynx36", "lynx60", "w3m36", "w3m44", "w3m60")
# Wrapping tools nobody here wrote, over the same line-per-block dumps: `tw<N>` = the standard library's
# `textwrap.fill(line, N)` (N characters, a CJK character as one; a run without spaces cut at N, a break at a
# space when there is one), `cw<N>` = PyPI `cjkwrap.fill(line, N)` (N cells, a CJK character as
# two), `rich<N>` = PyPI `rich`'s console printing the line N cells wide (a run of CJK after a space starts a
# new line). Development: cwced-zh under `tw30 tw40`; daniel-zh-dev, and every other width and tool, are held out.
# (uniseg's wrap, with the Unicode line-breaking rules, took 21 s for one page of 6,800 characters: not used.)
TOOLWRAP_DEV = ("tw30", "tw40")
TOOLWRAP_HELD_OUT = ("tw20", "tw50", "tw60", "cw40", "cw50", "cw60", "cw80", "rich40", "rich60")
# A real HTML-to-text converter beside the browsers (PyPI `inscriptis`, in the bench extra; its defaults: no wrap,
# tables laid out in columns).
CONVERTERS = ("inscriptis",)
TEXT = SHARED / "data" / "text"


_CHARSET = re.compile(rb"""(charset\s*=\s*["']?)[\w.:-]+""", re.I)


def as_utf8(html: bytes) -> bytes:
    """The page with its charset declarations saying UTF-8 when its bytes are UTF-8: the sets store pages
    fetched as GBK re-encoded (cwced-zh), and a browser trusting `charset=gb2312` would garble them."""
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return html
    return _CHARSET.sub(rb"\1utf-8", html)


def declared_utf8(html: bytes) -> bytes:
    """The page as as_utf8 gives it, with a UTF-8 declaration put first when its bytes are UTF-8: lxml, which
    the naive renderers of tests/helpers parse with, reads a page that declares no charset as Latin-1 (15 of
    cwced-zh's 69 pages declare none: their dumps were mojibake)."""
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return html
    return b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' + as_utf8(html)


def browser(command: list[str]) -> Callable[[bytes], str]:
    """A renderer that pipes the page through a text-mode browser (10 s at most a page)."""
    def render(html: bytes) -> str:
        try:
            done = subprocess.run(command, input=as_utf8(html), capture_output=True, timeout=10, check=False)
        except subprocess.TimeoutExpired:
            return ""
        return done.stdout.decode("utf-8", "replace")
    return render


def markdown_writer(name: str) -> tuple[Callable[[bytes], str], str]:
    """A Markdown writer library with its default options, and its name and version (the cache key)."""
    from importlib.metadata import version
    if name == "html2text":
        import html2text
        md: Callable[[str], str] = html2text.html2text
    else:
        import markdownify
        md = markdownify.markdownify
    return (lambda html: md(html.decode("utf-8", "replace"))), f"{name}-{version(name)}"


def chinese_folds(ids: list[str]) -> dict[str, int]:
    """Five folds of a Chinese set (bench/folds.json has none): by a hash of the page id."""
    return {pid: int(hashlib.sha1(pid.encode()).hexdigest()[:8], 16) % 5 for pid in ids}


def narrow_browser(name: str) -> list[str]:
    """`lynx44` = lynx at -width=44 (it counts a CJK character as one column: ~40 characters a line), `w3m50` =
    w3m at -cols 50 (cells: 25 characters); [] for any other name."""
    m = re.fullmatch(r"(lynx|w3m)(\d{2})", name)
    if not m:
        return []
    size = "-width=" if m.group(1) == "lynx" else "-cols"
    return [part for arg in BROWSERS[m.group(1)] for part in ([size + m.group(2)] if size == "-width=" and
            arg == "-width=80" else [m.group(2)] if arg == "80" else [arg])]


def tool_wrap(name: str) -> tuple[Callable[[bytes], str], str]:
    """`tw40`: each line of a line-per-block dump through `textwrap.fill(line, 40)`; `cw40`, `rich40`: through
    cjkwrap's or rich's wrap at 40 cells; with the tool's name and version (the cache key)."""
    from importlib.metadata import version
    tool, width = re.fullmatch(r"([a-z]+?)(\d+)", name).groups()  # type: ignore[union-attr]
    fill: Callable[[str, int], str]
    if tool == "tw":
        import textwrap
        fill, key = textwrap.fill, f"textwrap-{sys.version_info[:2]}"
    elif tool == "cw":
        import cjkwrap
        fill, key = cjkwrap.fill, f"cjkwrap-{version('cjkwrap')}"
    else:
        fill, key = rich_fill, f"rich-{version('rich')}"

    def render(text: bytes) -> str:
        return "\n".join(fill(line, int(width)) if line.strip() else ""
                         for line in text.decode("utf-8").splitlines())
    return render, f"{key}-{width}"


def rich_fill(line: str, width: int) -> str:
    """`line` as rich's console prints it `width` cells wide (no markup, colour or highlighting)."""
    import io

    from rich.console import Console
    out = io.StringIO()
    Console(width=width, file=out, color_system=None, highlight=False, markup=False, emoji=False).print(line)
    return out.getvalue().rstrip("\n")


def converter(name: str) -> tuple[Callable[[bytes], str], str]:
    """An HTML-to-text library with its defaults, and its name and version (the cache key)."""
    from importlib.metadata import version

    import inscriptis
    return (lambda html: str(inscriptis.get_text(html.decode("utf-8", "replace")))), f"{name}-{version(name)}"


def from_text(name: str) -> bool:
    """The renderer reads the shared line-per-block text dumps, not the HTML pages."""
    return name == "text" or name.startswith("zh") or name in TOOLWRAP_DEV + TOOLWRAP_HELD_OUT


def renderer(name: str) -> tuple[Callable[[bytes], str], str]:
    """The renderer called `name` and the hash of its file or command line (the cache key)."""
    if name in MARKDOWN:
        return markdown_writer(name)
    if name in CONVERTERS:
        return converter(name)
    if name in TOOLWRAP_DEV + TOOLWRAP_HELD_OUT:
        return tool_wrap(name)
    if name == "text" or name.startswith("zh"):
        path = ROOT / "tests" / "helpers" / "dumps_zhwrap.py"
        wrap = load_module(path, "render_zhwrap").render
        digest = hashlib.sha1(path.read_bytes() + name.encode()).hexdigest()[:12]
        return (lambda text: text.decode("utf-8")) if name == "text" else \
            (lambda text: str(wrap(text.decode("utf-8"), name))), digest
    command = BROWSERS.get(name) or narrow_browser(name)
    if command:
        key = " ".join(command) + " utf-8"
        return browser(command), hashlib.sha1(key.encode()).hexdigest()[:12]
    file, function = RENDERERS[name]
    path = ROOT / "tests" / "helpers" / file
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    render: Callable[[bytes], str] = getattr(load_module(path, f"render_{name}"), function)
    return render, digest


def english_pages(name: str) -> dict[str, dict[str, Any]]:
    """The set's gold, English pages only (mozilla-multi mixes languages; aeb-en has a few Korean pages);
    every page of a Chinese set."""
    truth: dict[str, dict[str, Any]] = json.loads((DATA / name / "ground-truth.json").read_text("utf-8"))
    if name in CHINESE:
        return dict(sorted(truth.items()))
    return {k: v for k, v in sorted(truth.items()) if detect_language(v.get("articleBody") or "") == "en"}


def dumps(name: str, ids: list[str], which: str, cache: Path) -> dict[str, str]:
    """Each page of set `name` rendered by renderer `which` (cached by the renderer file's hash)."""
    render, digest = renderer(which)
    # The Chinese sets' pages are UTF-8 under their original `charset=gb2312` or none: every renderer reads them as
    # UTF-8 (as_utf8, the browsers already did; declared_utf8 for the lxml renderers of tests/helpers), in a folder
    # of its own so no dump cached before is read again.
    chinese = name in CHINESE and not from_text(which)
    folder = cache / f"{which}-{digest}" / (f"{name}-utf8" if chinese else name)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for pid in ids:
        path = folder / f"{pid}.txt"
        if not path.exists():
            source = TEXT / f"{name}-text" if from_text(which) else DATA / name
            html = gzip.decompress((source / "html" / f"{pid}.html.gz").read_bytes())
            page = (declared_utf8(html) if which in RENDERERS else as_utf8(html)) if chinese else html
            write_cached(path, render(page))
        out[pid] = path.read_text("utf-8")
    return out


def body(text: str) -> str:
    try:
        return cleanfeed.clean(text).text
    except CleanfeedError:
        return ""


def tokenizer(name: str) -> str:
    return "cjk" if name in CHINESE else "word"


def score(scorer: Any, truth: dict[str, Any], preds: dict[str, str], ids: list[str], name: str) -> dict[str, float]:
    m = scorer.evaluate({k: truth[k] for k in ids}, {k: {"articleBody": preds[k]} for k in ids},
                        tokenizer=tokenizer(name), n_bootstrap=0)
    return {"P": m["precision"], "R": m["recall"], "F1": m["f1"], "n": len(ids)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=SETS + CHINESE, default=list(SETS))
    ap.add_argument("--renderers", nargs="+",
                    choices=[*sorted(RENDERERS), *sorted(BROWSERS), *MARKDOWN, "text", *ZH_DEV, *ZH_HELD_OUT,
                             *NARROW_DEV, *NARROW_HELD_OUT, *TOOLWRAP_DEV, *TOOLWRAP_HELD_OUT, *CONVERTERS],
                    default=sorted(RENDERERS), help="default: the test renderers; `lynx w3m` need the browsers, "
                    "`html2text markdownify` the bench extra")
    ap.add_argument("--keep", action="store_true", help="also score keeping every line of the dump")
    ap.add_argument("--folds", help="score only the pages of these folds (comma-separated): the dev folds, quickly")
    ap.add_argument("--misses", help="print the worst pages of these folds (comma-separated; never renderer e)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cleanfeed-renderdumps"))
    ap.add_argument("--json", type=Path, help="write the rows (and per-page F1) as JSON")
    ap.add_argument("--compare", type=Path, help="a --json file of an earlier run: print the change per fold")
    args = ap.parse_args(argv)
    if args.misses and set(args.renderers) & {HELD_OUT, *ZH_HELD_OUT, *NARROW_HELD_OUT, *TOOLWRAP_HELD_OUT}:
        print("held-out renderers: their misses are never printed", file=sys.stderr)
        return 2
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    scorer = load_scorer()
    folds = json.loads(FOLDS.read_text("utf-8"))
    before = json.loads(args.compare.read_text("utf-8")) if args.compare else {}
    rows: dict[str, Any] = {}
    show = {int(f) for f in args.misses.split(",")} if args.misses else set()
    for name in args.sets:
        truth = english_pages(name)
        only = {int(f) for f in args.folds.split(",")} if args.folds else None
        fold_of = chinese_folds(list(truth)) if name in CHINESE else {k: int(v) for k, v in folds.get(name, {}).items()}
        ids = [k for k in truth if only is None or fold_of.get(k, -1) in only]
        truth = {k: truth[k] for k in ids}
        by_fold: dict[int, list[str]] = {}
        for pid in ids:
            if pid in fold_of:
                by_fold.setdefault(fold_of[pid], []).append(pid)
        for which in args.renderers:
            texts = dumps(name, ids, which, args.cache)
            tools = {"cleanfeed": {k: body(t) for k, t in texts.items()}}
            if args.keep:
                tools["keep"] = texts
            for tool, preds in tools.items():
                key = f"{name}/{which}/{tool}"
                row = {"all": score(scorer, truth, preds, ids, name)}
                row.update({f"f{f}": score(scorer, truth, preds, sorted(p), name)
                            for f, p in sorted(by_fold.items())})
                per: list[dict[str, Any]] = []
                scorer.evaluate(truth, {k: {"articleBody": v} for k, v in preds.items()},
                                tokenizer=tokenizer(name), n_bootstrap=0, per_page=per)
                row["pages"] = {p["id"]: [p["precision"], p["recall"]] for p in per}
                rows[key] = row
                print_row(key, row, before.get(key))
                if show and tool == "cleanfeed":
                    print_misses(row, before.get(key), fold_of, show, truth, preds)
    if args.json:
        args.json.write_text(json.dumps(rows), "utf-8")
    return 0


def f1(p: float | None, r: float | None) -> float:
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def print_row(key: str, row: dict[str, Any], old: dict[str, Any] | None) -> None:
    cells = []
    for part in ["all"] + sorted(k for k in row if k.startswith("f")):
        m = row[part]
        delta = f"{m['F1'] - old[part]['F1']:+.4f}" if old else ""
        cells.append(f"{part} {m['F1']:.4f}{delta and ' ' + delta}")
    a = row["all"]
    print(f"{key:32} n={a['n']:<4} P {a['P']:.3f} R {a['R']:.3f} | " + "  ".join(cells), flush=True)


def print_misses(row: dict[str, Any], old: dict[str, Any] | None, folds: dict[str, int], show: set[int],
                 truth: dict[str, Any], preds: dict[str, str]) -> None:
    """The pages of the folds in `show`, lowest F1 first (with the change against `old` when given)."""
    pages = [(f1(*pr), pid) for pid, pr in row["pages"].items() if int(folds[pid]) in show]
    for value, pid in sorted(pages)[:25]:
        was = f"  was {f1(*old['pages'][pid]):.3f}" if old and pid in old["pages"] else ""
        p, r = row["pages"][pid]
        gold = len(truth[pid]["articleBody"])
        print(f"    {pid[:16]:16} F1 {value:.3f} P {p or 0:.3f} R {r or 0:.3f}{was}  gold {gold} chars, "
              f"pred {len(preds[pid])}")
    print(f"    mean of those folds: {statistics.mean(v for v, _ in pages):.4f}" if pages else "")


if __name__ == "__main__":
    sys.exit(main())
