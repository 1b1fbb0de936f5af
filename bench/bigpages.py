"""Worst-case time and memory of `cleanfeed.clean` on big pages, by page shape and size.

A reviewer's 22 MB price-table page (a trade site's table of many rows) took 93 s and 1.4 GB to clean. This
builds synthetic pages of the shapes real big pages have, deterministically (one seeded RNG per page, no
dev-set text), at a list of sizes, and cleans each in its own subprocess, so that each page's peak memory
is its own:

- table:   one `<table>` of N rows x 6 cells (product name, price, change, a date, a link, a unit);
- links:   a `<ul>` of N dated links (a news list: headline link and a date per item);
- article: one `<article>` of N paragraphs of sentences;
- nested:  N `<div>`s nested one inside the other, each with a line of text;
- blob:    one enormous paragraph with no markup at all (plain text, no newline);
- the same five in Chinese (`zh-table`, `zh-links`, ...).

For each page it prints the CPU time of `clean()` (time.process_time in the child, parse included; not the
page's reading and building, nor the first load of models by a small page cleaned before it), the child's
peak RSS (resource ru_maxrss) less its RSS before cleaning, both per input MB, and how the call ended (the
article's paragraph count, length and page type, or the error's class). Time per MB that rises with size
is growth faster than linear: a defect. A page of 20 MB stays within 20,000,000 bytes, so an ASCII one is
within the reader's limit of 20 M characters (pipeline.MAX_CHARS). A page that runs past `--timeout`
seconds is killed and printed as such.

    python bench/bigpages.py                                  # every shape at 0.1 0.5 1 2 5 10 20 MB
    python bench/bigpages.py --shapes table zh-table --sizes 0.1 1 5
    python bench/bigpages.py --write /tmp/big --sizes 1       # the pages as files, to look at
    python bench/bigpages.py --profile table --sizes 2        # cProfile of one page (top 25 by cumulative)
"""
from __future__ import annotations

import argparse
import html
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)
MB = 1_000_000

EN_WORDS = ("copper", "cathode", "aluminium", "ingot", "zinc", "nickel", "scrap", "billet", "wire", "rod",
            "premium", "grade", "spot", "delivered", "warehouse", "shanghai", "rotterdam", "bonded", "alloy",
            "sheet", "coil", "steel", "rebar", "tin", "lead", "cobalt", "lithium", "carbonate", "market")
SENTENCES = (
    "Prices for copper and aluminium edged higher as traders weighed the prospect of lower interest rates.",
    "The company said in a statement that it expected demand to recover by the end of the second quarter.",
    "Analysts at two regional banks had forecast a smaller decline, citing strong orders from Asia.",
    "Officials declined to say how many staff would be affected by the reorganisation.",
    "Warehouse stocks fell for the third week in a row, according to figures published on Friday.",
    "Smelters in the south cut output after the grid operator asked large users to save power.",
    "The premium for delivered cathode widened as buyers returned after the holiday.",
)
ZH_WORDS = ("电解铜", "铝锭", "锌锭", "镍板", "废铜", "再生铝", "铜杆", "铝棒", "升水", "贴水", "现货", "长江",
            "上海", "广东", "南储", "出厂价", "均价", "涨跌", "规格", "产地", "品牌", "仓库", "华东", "华南")
ZH_SENTENCES = (
    "今日沪铜主力合约小幅上涨，现货市场成交一般，下游企业按需采购为主。",
    "据统计，上周国内主要消费地铝锭库存继续下降，市场对后市信心有所恢复。",
    "分析人士认为，随着稳增长政策逐步落地，下半年有色金属需求有望回暖。",
    "受电力供应紧张影响，南方部分冶炼企业减产，产量环比下降百分之三。",
    "贸易商表示，节后下游备货积极性提高，升水较上周扩大二十元每吨。",
)


def _date(rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _name(rng: random.Random, zh: bool) -> str:
    words = ZH_WORDS if zh else EN_WORDS
    return ("" if zh else " ").join(rng.choice(words) for _ in range(rng.randint(2, 4)))


def _wrap(body: str, title: str, zh: bool) -> str:
    lang = "zh-CN" if zh else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'</head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n')


def _fill(target: int, head: str, item: Callable[[int], str], tail: str, extra: int = 0) -> str:
    """`head`, items while the UTF-8 size stays within `target` bytes (less the page's own wrapper), `tail`:
    a page of 20 MB is at most 20,000,000 bytes, so an ASCII one stays within the reader's 20 M character
    limit (pipeline.MAX_CHARS). `extra`: bytes each item adds at the end (a nested div's end tag)."""
    target -= 400 + len(tail.encode())    # _wrap's head and end
    parts, size, n = [head], len(head.encode()), 0
    while True:
        piece = item(n)
        size += len(piece.encode()) + extra
        if size > target and n:
            break
        parts.append(piece)
        n += 1
    parts.append(tail)
    return "".join(parts)


def table(rng: random.Random, target: int, zh: bool) -> str:
    def row(n: int) -> str:
        price = rng.randint(1_000, 90_000)
        change = rng.randint(-500, 500)
        link = f'<a href="/price/{n}.html">{html.escape(_name(rng, zh))}</a>' if n % 3 == 0 else html.escape(
            _name(rng, zh))
        unit = "元/吨" if zh else "USD/t"
        return (f"<tr><td>{link}</td><td>{price}</td><td>{change:+d}</td><td>{_date(rng)}</td>"
                f"<td>{unit}</td><td>{html.escape(_name(rng, zh))}</td></tr>\n")
    head = "<table><tr><th>品名</th><th>价格</th><th>涨跌</th><th>日期</th><th>单位</th><th>产地</th></tr>\n" if zh \
        else "<table><tr><th>Product</th><th>Price</th><th>Change</th><th>Date</th><th>Unit</th><th>Origin</th></tr>\n"
    return _wrap(_fill(target, head, row, "</table>"), "有色金属价格表" if zh else "Metal price table", zh)


def links(rng: random.Random, target: int, zh: bool) -> str:
    def item(n: int) -> str:
        words = _name(rng, zh) + ("" if zh else " ") + _name(rng, zh)
        return f'<li><a href="/news/{n}.html">{html.escape(words)}</a> <span>{_date(rng)}</span></li>\n'
    return _wrap(_fill(target, "<ul>\n", item, "</ul>"), "行业新闻" if zh else "Industry news", zh)


def _paragraph(rng: random.Random, zh: bool) -> str:
    pool = ZH_SENTENCES if zh else SENTENCES
    return ("" if zh else " ").join(rng.choice(pool) for _ in range(rng.randint(2, 5)))


def article(rng: random.Random, target: int, zh: bool) -> str:
    def para(n: int) -> str:
        return f"<p>{html.escape(_paragraph(rng, zh))}</p>\n"
    head = f"<article><p class=\"byline\">{'记者 张三' if zh else 'By Alex Doe'} <time>{_date(rng)}</time></p>\n"
    return _wrap(_fill(target, head, para, "</article>"), "铜价上涨" if zh else "Copper prices rise", zh)


def nested(rng: random.Random, target: int, zh: bool) -> str:
    closes: list[str] = []

    def div(n: int) -> str:
        closes.append("</div>")     # (one too many for the item that does not fit: dropped below)
        return f'<div class="w{n % 7}">{html.escape(_paragraph(rng, zh)[:60])}\n'
    body = _fill(target, "", div, "", extra=len("</div>"))
    return _wrap(body + "".join(closes[:-1]), "嵌套页面" if zh else "Nested page", zh)


def blob(rng: random.Random, target: int, zh: bool) -> str:
    """Plain text, one paragraph, no markup and no newline."""
    return _fill(target, "", lambda n: _paragraph(rng, zh) + ("" if zh else " "), "")


SHAPES: dict[str, Callable[[random.Random, int, bool], str]] = {
    "table": table, "links": links, "article": article, "nested": nested, "blob": blob}
ALL = [*SHAPES, *(f"zh-{s}" for s in SHAPES)]


def build(shape: str, mb: float) -> bytes:
    zh = shape.startswith("zh-")
    make = SHAPES[shape.removeprefix("zh-")]
    rng = random.Random(f"{shape}/{mb}")
    return make(rng, int(mb * MB), zh).encode("utf-8")


def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def child(path: str) -> None:
    """Clean one page file, print one JSON line: CPU seconds, peak RSS growth, outcome."""
    sys.path.insert(0, str(ROOT))
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError
    clean("<html><body><article><p>" + SENTENCES[0] * 3 + "</p></article></body></html>")   # models, lazy imports
    data = Path(path).read_bytes()
    before = _rss_kb()
    t0 = time.process_time()
    try:
        art = clean(data, url="https://example.com/big.html", fetched_at="2026-01-01T00:00:00+00:00")
        outcome = f"article {art.text.count(chr(10) + chr(10)) + 1} par, {len(art.text):,} ch, {art.page_type}"
    except CleanfeedError as exc:
        outcome = f"{type(exc).__name__}: {exc.message[:60]}"
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss    # KB on Linux
    print(json.dumps({"cpu": cpu, "mem_mb": (peak - before) / 1024, "outcome": outcome}))


def measure(shape: str, mb: float, timeout: float) -> dict[str, object]:
    data = build(shape, mb)
    with tempfile.NamedTemporaryFile(suffix=".html", delete=False) as f:
        f.write(data)
    try:
        out = subprocess.run([sys.executable, __file__, "--child", f.name], capture_output=True, text=True,
                             timeout=timeout, check=False)
        if out.returncode != 0:
            return {"cpu": None, "mem_mb": None, "outcome": "crashed: " + out.stderr.strip()[-120:]}
        result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
        return result
    except subprocess.TimeoutExpired:
        return {"cpu": None, "mem_mb": None, "outcome": f"killed after {timeout:.0f} s"}
    finally:
        Path(f.name).unlink()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", nargs="*", default=ALL, choices=ALL, metavar="SHAPE",
                    help=f"page shapes (default all: {' '.join(ALL)})")
    ap.add_argument("--sizes", nargs="*", type=float, default=list(SIZES), help="page sizes in MB (10^6 bytes)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds of wall time per page before it is killed")
    ap.add_argument("--write", type=Path, help="write the pages to this folder instead of timing them")
    ap.add_argument("--profile", choices=ALL, help="cProfile clean() of this shape at the first --sizes")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    if args.profile:
        import cProfile
        import pstats
        sys.path.insert(0, str(ROOT))
        from cleanfeed import clean
        data = build(args.profile, args.sizes[0])
        prof = cProfile.Profile()
        prof.enable()
        try:
            clean(data, url="https://example.com/big.html", fetched_at="2026-01-01T00:00:00+00:00")
        except Exception as exc:  # noqa: BLE001 - the profile is what is asked for
            print(type(exc).__name__, exc)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return 0
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for shape in args.shapes:
            for mb in args.sizes:
                (args.write / f"{shape}-{mb:g}MB.{'txt' if shape.endswith('blob') else 'html'}").write_bytes(
                    build(shape, mb))
        return 0
    print(f"{'shape':<11} {'MB':>5} {'cpu s':>8} {'s/MB':>6} {'mem MB':>7} {'mem/MB':>6}  outcome")
    for shape in args.shapes:
        for mb in args.sizes:
            r = measure(shape, mb, args.timeout)
            cpu, mem = r["cpu"], r["mem_mb"]
            if isinstance(cpu, float) and isinstance(mem, float):
                print(f"{shape:<11} {mb:>5g} {cpu:>8.2f} {cpu / mb:>6.2f} {mem:>7.0f} {mem / mb:>6.0f}  {r['outcome']}",
                      flush=True)
            else:
                print(f"{shape:<11} {mb:>5g} {'-':>8} {'-':>6} {'-':>7} {'-':>6}  {r['outcome']}", flush=True)
                break       # a larger page of this shape would only take longer
    return 0


if __name__ == "__main__":
    sys.exit(main())
