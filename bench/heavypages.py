"""Heavy pages for speed work: real article text from the dev sets wrapped in the chrome of a big site.

Held-out English articles of 21–29 KB with a heavy `<head>` (dozens of meta/link tags, inline JSON-LD,
inline scripts and styles of realistic length), deep wrapper nesting, mega menus and link-column footers
ran at 0.79–1.04 × trafilatura's CPU time, while the dev sample ran at 0.5: the dev pages do not show that
shape. This builds pages of it, deterministically (one seeded RNG per page), so a speed change can be
measured on them and looked at:

- the article: the title and paragraphs of a dev-set page's ground truth (`aeb-en`, `wcxb-dev-en`, and a
  few `daniel-zh-dev` for Chinese chrome), in `<article>` with a byline and a `<time>`;
- chrome families, each page drawing a random subset and size: a big head (meta/link tags, JSON-LD graph,
  analytics and config scripts, critical CSS), a mega menu (100–300 links in nested lists), 20–40 levels
  of wrapper `<div>`s around the content, a sidebar of dated teasers and a newsletter box, a cookie banner,
  a footer of link columns, inline ad scripts in the body; half the pages print that chrome in plain
  `<div>`s instead of `<header>`, `<nav>`, `<aside>`, `<footer>`.

    python bench/heavypages.py --write /tmp/heavy     # the pages as files, to look at
    python bench/speed.py --heavy                     # timed against trafilatura, ratio per size class and
                                                      # chrome kind (html5 landmarks or plain divs)
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
from pathlib import Path

from _score import SHARED

DATA = SHARED / "data" / "extraction"
SOURCES = (("aeb-en", 24), ("wcxb-dev-en", 24), ("daniel-zh-dev", 8))   # (set, pages taken, spread over it)
SIZE_CLASSES = ((0, 30 * 1024, "15-30 KB"), (30 * 1024, 50 * 1024, "30-50 KB"), (50 * 1024, 1 << 30, "50-80 KB"))
TARGETS = (16_000, 20_000, 24_000, 28_000, 40_000, 60_000, 80_000)      # bytes a page aims at, in turn

WORDS = ("news", "world", "business", "markets", "politics", "science", "health", "sport", "culture", "opinion",
         "travel", "style", "tech", "climate", "energy", "metals", "video", "podcasts", "weather", "local",
         "economy", "europe", "asia", "americas", "africa", "middle-east", "books", "music", "film", "food")
ZH_WORDS = ("新闻", "国内", "国际", "财经", "科技", "体育", "娱乐", "汽车", "房产", "教育", "健康", "文化", "军事",
            "有色金属", "再生铜", "铝业", "评论", "图片", "视频", "专题")


LINK_RELS = ("preload", "preconnect", "dns-prefetch", "stylesheet", "alternate", "icon", "apple-touch-icon")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _words(rng: random.Random, zh: bool, n: int) -> str:
    if zh:
        return "".join(rng.choice(ZH_WORDS) for _ in range(n))
    return " ".join(rng.choice(WORDS) for _ in range(n)).title()


def _date(rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def head(rng: random.Random, title: str, url: str, zh: bool, heft: float) -> str:
    """A big `<head>` (5–25 KB, more with `heft` near 1): meta and link tags, a JSON-LD graph,
    analytics/config scripts and critical CSS."""
    day = _date(rng)
    parts = ['<meta charset="utf-8">', f"<title>{_esc(title)} | The Daily {_words(rng, zh, 1)}</title>",
             '<meta name="viewport" content="width=device-width, initial-scale=1">']
    for n in range(int(rng.randint(25, 70) * heft)):
        prop = rng.choice(("og:", "twitter:", "article:", "fb:", "al:ios:", "parsely-"))
        parts.append(f'<meta property="{prop}{rng.choice(WORDS)}{n}" content="{_esc(_words(rng, zh, 6))}">')
    parts += [f'<meta property="og:title" content="{_esc(title)}">', f'<meta property="og:url" content="{url}">',
              '<meta property="og:type" content="article">',
              f'<meta property="article:published_time" content="{day}T08:{rng.randint(10, 59)}:00Z">']
    for n in range(int(rng.randint(15, 45) * heft)):
        rel = rng.choice(LINK_RELS)
        parts.append(f'<link rel="{rel}" href="https://cdn.example.net/{rng.choice(WORDS)}/{n}/{rng.getrandbits(40):x}.css">')
    parts.append(f'<link rel="canonical" href="{url}">')
    graph = [{"@type": "NewsArticle", "headline": title, "datePublished": f"{day}T08:00:00Z",
              "dateModified": f"{day}T09:30:00Z", "author": [{"@type": "Person", "name": "Alex Doe",
                                                                "url": "https://example.net/staff/alex-doe"}],
              "publisher": {"@type": "Organization", "name": "The Daily", "logo": {"@type": "ImageObject",
                            "url": "https://cdn.example.net/logo.png", "width": 600, "height": 60}},
              "image": [f"https://cdn.example.net/img/{rng.getrandbits(48):x}.jpg" for _ in range(3)],
              "keywords": [rng.choice(WORDS) for _ in range(rng.randint(5, 30))], "mainEntityOfPage": url},
             {"@type": "BreadcrumbList", "itemListElement": [
                 {"@type": "ListItem", "position": i + 1, "name": _words(rng, zh, 1),
                  "item": f"https://example.net/{rng.choice(WORDS)}"} for i in range(4)]},
             {"@type": "WebSite", "name": "The Daily", "potentialAction": {"@type": "SearchAction",
              "target": "https://example.net/search?q={q}", "query-input": "required name=q"}}]
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph})
    parts.append(f'<script type="application/ld+json">{ld}</script>')
    for _ in range(rng.randint(2, 6)):
        body = ";".join(f"window.__cfg{rng.getrandbits(20)}={{'k{n}':'{rng.getrandbits(64):x}',"
                        f"'on':function(e){{return e&&e.length>{n}?e.slice(0,{n}):null}}}}"
                        for n in range(int(rng.randint(5, 25) * heft)))
        parts.append(f"<script>{body}</script>")
    css = "".join(f".c-{rng.choice(WORDS)}-{n}{{margin:{n % 7}px {n % 5}px;color:#{rng.getrandbits(24):06x};"
                  f"display:{rng.choice(('flex', 'block', 'grid'))}}}" for n in range(int(rng.randint(20, 120) * heft)))
    parts.append(f"<style>{css}</style>")
    return "<head>" + "\n".join(parts) + "</head>"


def mega_menu(rng: random.Random, zh: bool, heft: float) -> str:
    """A nav of 100–300 links in nested lists, WordPress-style classes."""
    total, sections = 100 + int(rng.randint(0, 200) * heft), []
    item = rng.choice(('<li class="menu-item menu-item-type-taxonomy menu-item-object-category">', "<li>"))
    while total > 0:
        n = min(total, rng.randint(8, 30))
        total -= n
        items = "".join(f'{item}<a href="/{rng.choice(WORDS)}/{rng.choice(WORDS)}">'
                        f'{_esc(_words(rng, zh, rng.randint(1, 3)))}</a></li>'
                        for _ in range(n))
        sections.append(f'<li class="menu-item menu-item-has-children"><a href="/{rng.choice(WORDS)}">'
                        f'{_esc(_words(rng, zh, 1))}</a><ul class="sub-menu">{items}</ul></li>')
    return (f'<header class="site-header"><div class="masthead"><a class="logo" href="/">The Daily</a></div>'
            f'<nav class="main-navigation mega-menu" aria-label="Main"><ul id="menu-main" class="menu">'
            f'{"".join(sections)}</ul></nav></header>')


def teasers(rng: random.Random, zh: bool, n: int) -> str:
    return "".join(f'<li class="teaser"><a href="/{rng.choice(WORDS)}/{rng.getrandbits(32):x}">'
                   f'{_esc(_words(rng, zh, rng.randint(4, 9)))}</a> <span class="date">{_date(rng)}</span></li>'
                   for _ in range(n))


def sidebar(rng: random.Random, zh: bool) -> str:
    return (f'<aside class="sidebar widget-area"><section class="widget popular"><h3>Most read</h3><ol>'
            f'{teasers(rng, zh, rng.randint(5, 15))}</ol></section><section class="widget related"><h3>Related</h3>'
            f'<ul>{teasers(rng, zh, rng.randint(4, 12))}</ul></section><div class="newsletter-signup"><p>Get the '
            f'morning briefing in your inbox.</p><form><input type="email" placeholder="Email"><button>Sign up'
            f'</button></form></div></aside>')


def cookie_banner(rng: random.Random) -> str:
    return ('<div id="cookie-consent" class="cookie-banner"><p>We use cookies and similar technologies to '
            'improve your experience, measure traffic and show personalised ads. You can change your choice '
            'at any time under Privacy settings.</p><button>Accept all</button><button>Manage options</button>'
            '<a href="/privacy">Privacy policy</a></div>')


def footer(rng: random.Random, zh: bool) -> str:
    cols = "".join(f'<div class="footer-col"><h4>{_esc(_words(rng, zh, 1))}</h4><ul>'
                   + "".join(f'<li><a href="/{rng.choice(WORDS)}">{_esc(_words(rng, zh, rng.randint(1, 3)))}</a></li>'
                             for _ in range(rng.randint(8, 25))) + "</ul></div>"
                   for _ in range(rng.randint(4, 8)))
    return (f'<footer class="site-footer"><div class="footer-columns">{cols}</div><div class="social">'
            f'<a href="https://x.com/daily">X</a> <a href="https://facebook.com/daily">Facebook</a></div>'
            f'<p class="copyright">© 2025 The Daily Media Group. All rights reserved.</p></footer>')


def ad_script(rng: random.Random) -> str:
    return (f'<div class="ad-slot"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-'
            f'{rng.getrandbits(40)}");}});</script></div>')


def article(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    paras = []
    for n, p in enumerate(paragraphs):
        paras.append(f"<p>{_esc(p)}</p>")
        if n % 4 == 3 and rng.random() < 0.5:
            paras.append(ad_script(rng))
    return (f'<article class="post type-post"><h1 class="entry-title">{_esc(title)}</h1><div class="byline">By '
            f'<a rel="author" href="/staff/alex-doe">Alex Doe</a> <time datetime="{_date(rng)}T08:00:00Z">'
            f'{_date(rng)}</time></div><div class="entry-content">{"".join(paras)}</div></article>')


def nested(rng: random.Random, inner: str, depth: int) -> str:
    opens = "".join(f'<div class="{rng.choice(("wrap", "container", "row", "col", "inner", "l-grid"))}-{n}">'
                    for n in range(depth))
    return opens + inner + "</div>" * depth


SEMANTIC = ("header", "nav", "aside", "footer", "section")


def div_soup(page: str) -> str:
    """The chrome's HTML5 elements as plain `<div>`s (class names kept), as many older themes print it."""
    for tag in SEMANTIC:
        page = page.replace(f"<{tag} ", "<div ").replace(f"<{tag}>", "<div>").replace(f"</{tag}>", "</div>")
    return page


def build(rng: random.Random, title: str, paragraphs: list[str], url: str, zh: bool, target: int) -> str:
    """One page: the article in the chrome families drawn for it, grown towards `target` bytes by the
    menu, the sidebar and the footer (whichever the page has)."""
    depth, heft = rng.randint(20, 40), min(1.0, target / 75_000)
    soup = rng.random() < 0.5          # half the sites build their chrome of plain <div>s
    parts_before = [cookie_banner(rng)] if rng.random() < 0.6 else []
    parts_before.append(mega_menu(rng, zh, heft))
    after = [sidebar(rng, zh)] if rng.random() < 0.8 else []
    page = ""
    for _ in range(6):                 # add chrome until the page reaches its target size
        body = "".join(parts_before) + nested(rng, article(rng, title, paragraphs) + "".join(after), depth) + \
            footer(rng, zh)
        lang = "zh" if zh else "en"
        top = head(rng, title, url, zh, heft)
        page = f'<!DOCTYPE html><html lang="{lang}">{top}<body class="single">{body}</body></html>'
        if soup:
            page = div_soup(page)
        if len(page.encode()) >= target:
            break
        after.append(sidebar(rng, zh) if rng.random() < 0.5 else footer(rng, zh))
    return page


def heavy_pages() -> list[tuple[str, bytes, str | None]]:
    """(size class and chrome kind, page bytes, url) for every page, in a fixed order."""
    pages = []
    n = 0
    for set_name, count in SOURCES:
        folder = DATA / set_name
        truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
        ids = sorted(truth)
        for pid in ids[:: max(1, len(ids) // count)][:count]:
            text = truth[pid].get("articleBody") or ""
            paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
            if len(paragraphs) < 2:
                continue
            title = truth[pid].get("title") or paragraphs[0][:90]
            url = truth[pid].get("url") or f"https://example.net/{set_name}/{pid[:12]}"
            rng = random.Random(f"{set_name}/{pid}")
            page = build(rng, title, paragraphs, url, set_name.endswith("-zh") or "zh" in set_name,
                         TARGETS[n % len(TARGETS)])
            n += 1
            data = page.encode("utf-8")
            pages.append((f"{size_class(len(data))} {chrome_kind(data)}", data, url))
    return pages


def chrome_kind(page: bytes) -> str:
    """`html5` when the chrome is in `<nav>`/`<footer>`/`<aside>` (trafilatura drops those cheaply: this is
    where the ratio is highest), `divs` when in plain `<div>`s."""
    return "html5" if b"<nav " in page else "divs"


def size_class(size: int) -> str:
    return next(name for low, high, name in SIZE_CLASSES if low <= size < high)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path, help="write the pages to this folder (page-NN.html) and list them")
    args = ap.parse_args()
    pages = heavy_pages()
    for n, (cls, data, url) in enumerate(pages):
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / f"page-{n:02d}.html").write_bytes(data)
        print(f"page-{n:02d} {len(data) // 1024:4d} KB  {cls}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
