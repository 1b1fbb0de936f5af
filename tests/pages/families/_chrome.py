
"""Boilerplate shared by the hand-written family pages (tests/pages/families/, SOURCE.md): menus, footers,
teaser rails, cookie banners, app state. Written for cleanfeed (MIT); `make_pages.py` composes the pages
from these and writes each `<name>.html` and its `<name>.gold.json` once; the files are what the tests read."""
from __future__ import annotations

import hashlib
import json

SECTIONS = ["World", "Business", "Markets", "Metals", "Energy", "Technology", "Politics", "Climate", "Opinion",
            "Sport", "Culture", "Podcasts", "Video", "Newsletters", "Events", "Data", "Jobs", "Archive"]
TEASERS = [
    ("Aluminium premiums in Rotterdam hold near two-year highs", "Buyers say Q2 talks started later than usual"),
    ("Why a copper smelter in Zambia is idle again", "Power cuts and a concentrate shortage meet"),
    ("Lithium carbonate slips for a fifth week", "Converters cut runs as inventories build"),
    ("Steelmakers push EU for tougher safeguard quotas", "The current regime expires in mid-2026"),
    ("The scrap exporters betting on Turkish demand", "Shipping costs fell by a third since March"),
    ("Nickel's new price floor: what Indonesia's quota means", "Ore permits were trimmed for the second time"),
    ("Tin rallies on Myanmar supply worries", "Wa State mining halt enters its eighteenth month"),
    ("A battery recycler raises $120m to build in Ohio", "The plant will take black mass from three states"),
    ("Zinc treatment charges fall to record low", "Mines in Peru and Australia are behind schedule"),
    ("Interview: the trader who saw the cobalt slump coming", "He says the next move is in hydroxide"),
    ("Freight rates for bulk carriers climb on Panama restrictions", "Capesize rates doubled in a month"),
    ("How carbon border tariffs will change aluminium trade", "Importers must report embedded emissions"),
]


def token(seed: str, n: int = 5) -> str:
    """A generated-looking class suffix (`x7Fq2`), stable for the same seed."""
    digest = hashlib.sha1(seed.encode()).hexdigest()
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(alphabet[int(digest[i:i + 2], 16) % len(alphabet)] for i in range(0, 2 * n, 2))


def css(seed: str) -> str:
    """An emotion / styled-components class (`css-1q2w3e`)."""
    return "css-" + token(seed, 6).lower()


def module(component: str, part: str) -> str:
    """A CSS-modules class (`styles_body__x7Fq2`)."""
    return f"{component}_{part}__{token(component + part)}"


def nav(cls: str = "", item_cls: str = "", link_cls: str = "") -> str:
    items = "".join(f'<li class="{item_cls}"><a class="{link_cls}" href="/{s.lower()}">{s}</a></li>'
                    for s in SECTIONS)
    return f'<nav class="{cls}"><ul>{items}</ul></nav>'


def teasers(start: int, n: int, wrap: str = "div", cls: str = "", title_cls: str = "", blurb: bool = True) -> str:
    out = []
    for k in range(n):
        title, sub = TEASERS[(start + k) % len(TEASERS)]
        slug = title.lower().replace(" ", "-").replace("'", "").replace(":", "").replace("$", "")[:60]
        more = f'<p class="{title_cls}-dek">{sub}</p>' if blurb else ""
        out.append(f'<{wrap} class="{cls}"><a href="/news/{slug}"><img src="/img/{k}.jpg" alt="">'
                   f'<h3 class="{title_cls}">{title}</h3></a>{more}<span>{3 + k} min read</span></{wrap}>')
    return "".join(out)


def footer(site: str, cls: str = "") -> str:
    cols = [("Company", ["About us", "Careers", "Advertise", "Contact", "Press"]),
            ("Help", ["Subscriptions", "Manage account", "FAQ", "Accessibility", "Corrections"]),
            ("Legal", ["Terms of use", "Privacy policy", "Cookie settings", "Do not sell my data", "Sitemap"]),
            ("Follow", ["LinkedIn", "X", "Facebook", "YouTube", "RSS"])]
    html = "".join(f'<div class="{cls}-col"><h4>{h}</h4><ul>'
                   + "".join(f'<li><a href="/{x.lower().replace(" ", "-")}">{x}</a></li>' for x in xs)
                   + "</ul></div>" for h, xs in cols)
    return (f'<footer class="{cls}">{html}<p>© 2025 {site}. All rights reserved. No part of this site may be '
            f'reproduced without permission.</p></footer>')


def cookie_banner(cls: str) -> str:
    return (f'<div class="{cls}" role="dialog"><p>We use cookies and similar technologies to run this site, '
            'measure its audience and show you relevant advertising. You can accept all cookies or choose which '
            'ones you allow in the settings. See our cookie policy for details.</p>'
            '<button>Accept all</button><button>Settings</button></div>')


def app_state(name: str, title: str, paragraphs: list[str]) -> str:
    """A framework's serialized state (`__NEXT_DATA__`, `window.__NUXT__`): the story again, as JSON."""
    state = {"props": {"pageProps": {"article": {"headline": title, "body": [{"type": "p", "text": t}
                                                                           for t in paragraphs],
                                                  "tags": SECTIONS[:6]}}}, "page": "/[...slug]",
             "buildId": token(name, 12)}
    return json.dumps(state)
