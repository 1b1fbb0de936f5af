"""Long English pages for speed work, written here, not taken from a dev set: the lead's unseen English pages ran
at 0.75-1.02 x trafilatura's CPU time while the dev sample ran at 0.5, and the dev pages are not those pages.

Each page is an English news story in a site's chrome, built deterministically (one seeded RNG per page) from
hand-written sentences (no dev page's text): 4-45 paragraphs of 2-6 sentences with the odd sub-heading, a
navigation bar of 20-250 links, a "most read" sidebar of dated teasers, a reader-comment thread of 3-40 short
comments with names and dates on two pages in three, a footer of 3-8 link columns, 2-12 levels of wrapper
`<div>`s, inline CSS; the date as a meta tag, JSON-LD, a `<time>` in the byline or a plain "Published" line,
in turn; every other page in plain `<div>`s instead of `<header>`, `<nav>`, `<article>`, `<footer>`. 13-39 KB.

    python bench/longpages.py --write /tmp/long       # the pages as files, to look at
    python bench/speed.py --long                      # timed against trafilatura (ratio per run)
    python bench/speed.py --long --stages             # where cleanfeed's time goes on them
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

PAGES = 30

SENTENCES = (
    "The council voted on Tuesday to extend the pilot programme for another eighteen months.",
    "Residents who spoke at the meeting said the new bus lanes had cut their commute by almost ten minutes.",
    "Critics argue that the cost, estimated at four million pounds, was never properly explained to taxpayers.",
    "The company said in a statement that it expected demand to recover by the end of the second quarter.",
    "Analysts at two regional banks had forecast a smaller decline, citing strong orders from Asia.",
    "Farmers in the valley have been waiting since March for the irrigation channel to be repaired.",
    "She began her career as a night-shift nurse before moving into hospital administration in 2009.",
    "The museum will reopen its east wing next month after a restoration that took nearly three years.",
    "Volunteers collected more than two tonnes of plastic from the shoreline over a single weekend.",
    "Officials declined to say how many staff would be affected by the reorganisation.",
    "According to the report, average rents in the city rose by 7.4 per cent in the twelve months to June.",
    "The team's coach said he was proud of the way his players responded after going a goal down.",
    "Engineers found hairline cracks in two of the bridge's supporting beams during a routine inspection.",
    "The school plans to use the grant to build a new science laboratory and refurbish its library.",
    "Several shop owners on the high street said footfall had not returned to pre-pandemic levels.",
    "The festival, now in its twenty-first year, attracted a record number of visitors from abroad.",
    "A spokesperson for the regulator said the investigation was at an early stage.",
    "Local historians believe the building was originally used as a grain store in the eighteenth century.",
    "The new policy requires suppliers to disclose the origin of every raw material they use.",
    "Prices for copper and aluminium edged higher as traders weighed the prospect of lower interest rates.",
    "Parents have raised concerns about the lack of safe crossings near the primary school.",
    "The author, who lives in a small village on the coast, wrote most of the novel during the winter.",
    "Police have appealed for witnesses to the collision, which happened shortly after midnight.",
    "The hospital trust said waiting times for routine operations had fallen for the third month in a row.",
    "Researchers tracked the birds using lightweight tags fitted to their legs.",
    "The mayor promised that the consultation would be open to every resident, not just business owners.",
    "In a letter to shareholders, the chief executive described the year as one of difficult choices.",
    "The train operator apologised for the delays and said compensation would be paid automatically.",
    "Tickets for the concert sold out within an hour of going on sale on Friday morning.",
    "The charity relies almost entirely on donations and receives no funding from the government.",
)
COMMENTS = ("Great article, thanks for sharing.", "I disagree with most of this, frankly.",
            "Does anyone know when the consultation closes?", "This happened on my street too last year.",
            "Well written and balanced.", "Typical, nothing will change.",
            "My daughter goes to that school and the crossing is a real problem.", "Source for the rent figure?")
SECTIONS = ("Home", "News", "World", "Business", "Markets", "Politics", "Science", "Health", "Sport", "Culture",
            "Opinion", "Travel", "Style", "Tech", "Climate", "Energy", "Video", "Podcasts", "Weather", "Local",
            "Economy", "Books", "Music", "Film", "Food")


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _nav(rng: random.Random, tag: str) -> str:
    links = "".join(f"<li><a href='/{SECTIONS[k % len(SECTIONS)].lower()}/{k}'>{SECTIONS[k % len(SECTIONS)]}"
                    f" {k // len(SECTIONS) or ''}</a></li>" for k in range(rng.randint(20, 250)))
    return f"<{tag} class='menu'><ul>{links}</ul></{tag}>"


def _comments(rng: random.Random) -> str:
    items = "".join(f"<div class='comment'><span class='author'>user{k}</span> <span class='date'>"
                    f"2025-0{1 + k % 9}-1{k % 9}</span><p>{rng.choice(COMMENTS)}</p></div>"
                    for k in range(rng.randint(3, 40)))
    return f"<section class='comments'><h3>Comments</h3>{items}</section>"


def _sidebar(rng: random.Random) -> str:
    items = "".join(f"<li><a href='/story/{k}'>{rng.choice(SENTENCES)[:60]}</a> <span>2025-0{1 + k % 9}-0{1 + k % 8}"
                    f"</span></li>" for k in range(rng.randint(5, 25)))
    return f"<aside><h3>Most read</h3><ul>{items}</ul></aside>"


def _footer(rng: random.Random, tag: str) -> str:
    columns = "".join(
        "<div class='col'><h4>Section</h4><ul>" + "".join(
            f"<li><a href='/f/{c}/{k}'>{SECTIONS[(c + k) % len(SECTIONS)]}</a></li>" for k in range(rng.randint(5, 20)))
        + "</ul></div>" for c in range(rng.randint(3, 8)))
    return f"<{tag} class='site-footer'>{columns}<p>© 2025 The Daily Record. All rights reserved.</p></{tag}>"


def long_page(i: int) -> str:
    """Page `i` (the same page for the same `i`)."""
    rng = random.Random(i)
    html5 = i % 2 == 0
    header, nav, article, footer = ("header", "nav", "article", "footer") if html5 else ("div",) * 4
    title = rng.choice(SENTENCES).rstrip(".")
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head = [f"<title>{title} | The Daily Record</title>", '<meta charset="utf-8">']
    if i % 3:
        head.append(f'<meta property="article:published_time" content="{day}T08:{rng.randint(10, 59)}:00Z">')
    if i % 4 == 0:
        head.append('<script type="application/ld+json">'
                    + json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": day}) + "</script>")
    head.append("<style>" + "".join(f".c{k}{{margin:{k}px}}" for k in range(rng.randint(20, 200))) + "</style>")
    menu = _nav(rng, nav)
    body = "".join(f"<p>{_paragraph(rng, rng.randint(2, 6))}</p>"
                   + (f"<h2>{rng.choice(SENTENCES)[:40]}</h2>" if rng.random() < 0.12 else "")
                   for _ in range(rng.randint(4, 45)))
    byline = (f"<p class='byline'>By Jane Doe · <time datetime='{day}'>{day}</time></p>" if i % 5
              else f"<div class='meta'>Published {day}</div>")
    comments = _comments(rng) if i % 3 != 1 else ""
    side = _sidebar(rng)
    foot = _footer(rng, footer)
    depth = rng.randint(2, 12)
    story = ("".join(f"<div class='w{k}'>" for k in range(depth)) + f"<{article}><h1>{title}</h1>{byline}{body}"
             f"</{article}>" + "</div>" * depth)
    return (f"<!doctype html><html lang='en'><head>{''.join(head)}</head><body><{header}>{menu}</{header}>"
            f"<main>{story}{comments}{side}</main>{foot}</body></html>")


def long_pages(count: int = PAGES) -> list[tuple[str, bytes, str | None]]:
    """(kind, page bytes, url) as bench/speed.py's samples; kind is `html5` or `divs`."""
    return [("html5" if i % 2 == 0 else "divs", long_page(i).encode("utf-8"), None) for i in range(count)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path, required=True, help="folder to write the pages into")
    ap.add_argument("--count", type=int, default=PAGES)
    args = ap.parse_args()
    args.write.mkdir(parents=True, exist_ok=True)
    for i in range(args.count):
        (args.write / f"long{i:02d}.html").write_text(long_page(i), "utf-8")
    print(f"{args.count} pages in {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
