# ruff: noqa: E501  (page templates and article texts: one HTML fragment or paragraph a line)
"""Write the hand-written family pages (SOURCE.md): one template per markup family, the article texts of
_texts.py, the boilerplate of _chrome.py. Run once (`python tests/pages/families/make_pages.py`); the
written `.html` and `.gold.json` files are what the tests and `bench/families.py` read."""
from __future__ import annotations

import html
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _chrome import app_state, cookie_banner, css, footer, module, nav, teasers, token
from _texts import (
    ALUMINIUM,
    ASSOC,
    BATTERY,
    COPPER,
    IRQ3,
    LITHIUM,
    NICKEL,
    NOTICE,
    SCRAP,
    SMELTER,
    STEEL,
    TIN,
    YARD,
    ZINC,
)

HERE = Path(__file__).parent
Story = tuple[str, str | None, list[tuple[str, str]]]
e = html.escape


def head(title: str, extra: str = "", og_type: str = "article") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)} | The Metal Desk</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta property="og:title" content="{e(title)}"><meta property="og:type" content="{og_type}">'
            f'<link rel="stylesheet" href="/_static/app.{token(title, 8)}.css">{extra}</head>')


def table(rows: list[str], cls: str = "") -> str:
    head_row, *rest = rows
    th = "".join(f"<th>{e(c)}</th>" for c in head_row.split(" | "))
    trs = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r.split(" | ")) + "</tr>" for r in rest)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>'


def blocks(body: list[tuple[str, str]], p: Callable[[str, int], str], h2: Callable[[str], str] = lambda t: f"<h2>{e(t)}</h2>",
           ul_cls: str = "", table_cls: str = "") -> list[str]:
    """The body's blocks as HTML strings, list items and table rows grouped."""
    out: list[str] = []
    k = 0
    while k < len(body):
        kind, text = body[k]
        if kind in ("li", "row"):
            run = [t for kd, t in body[k:] if kd == kind]
            n = next((j for j, (kd, _) in enumerate(body[k:]) if kd != kind), len(body) - k)
            run = [t for _, t in body[k:k + n]]
            out.append(f'<ul class="{ul_cls}">' + "".join(f"<li>{e(t)}</li>" for t in run) + "</ul>"
                       if kind == "li" else table(run, table_cls))
            k += n
            continue
        out.append(p(text, k) if kind == "p" else h2(text))
        k += 1
    return out


def gold(body: list[tuple[str, str]]) -> str:
    return "\n\n".join(t.replace(" | ", " ") for _, t in body)


def ad(cls: str, n: int) -> str:
    return f'<div class="{cls}"><div id="ad-slot-{n}" data-ad-unit="/2212/news/mid{n}"></div><span>Advertisement</span></div>'


# --- families -------------------------------------------------------------------------------------------

def next_modules(story: Story, name: str) -> str:
    """Next.js with CSS modules: every class a generated hash; ads between paragraphs; the state JSON."""
    title, dek, body = story
    P = module("Paragraph", "root")
    parts = blocks(body, lambda t, k: f'<p class="{P}">{e(t)}</p>', lambda t: f'<h2 class="{module("Heading", "h2")}">{e(t)}</h2>')
    for at in (5, 2):
        parts.insert(at, ad(module("AdSlot", "wrapper"), at))
    return (head(title) + f'<body><div id="__next"><header class="{module("Header", "root")}">'
            f'<a class="{module("Logo", "link")}" href="/">The Metal Desk</a>{nav(module("Nav", "list"), module("Nav", "item"), module("Nav", "link"))}'
            f'<button class="{module("Header", "search")}">Search</button><a href="/subscribe">Subscribe</a></header>'
            f'<main class="{module("Layout", "main")}"><div class="{module("Article", "grid")}"><div class="{module("Article", "col")}">'
            f'<div class="{module("Breadcrumb", "root")}"><a href="/">Home</a> / <a href="/metals">Metals</a></div>'
            f'<h1 class="{module("Headline", "h1")}">{e(title)}</h1><p class="{module("Dek", "root")}">{e(dek or "")}</p>'
            f'<div class="{module("Byline", "root")}"><span>By <a href="/staff/ana-ruiz">Ana Ruiz</a></span><time datetime="2025-05-15T08:30:00Z">May 15, 2025</time></div>'
            f'<figure class="{module("Lead", "figure")}"><img src="/img/lead.jpg" alt=""><figcaption>Cathode bundles at a warehouse. Photo: Staff</figcaption></figure>'
            f'<div class="{module("ArticleBody", "body")}">{"".join(parts)}</div>'
            f'<div class="{module("Share", "row")}"><button>Share</button><button>Copy link</button><button>Email</button></div>'
            f'<div class="{module("Tags", "list")}"><a href="/t/copper">Copper</a><a href="/t/china">China</a><a href="/t/premiums">Premiums</a></div>'
            f'</div><aside class="{module("Rail", "root")}"><h2>Most read</h2>{teasers(0, 5, "div", module("Card", "root"), module("Card", "title"))}</aside></div>'
            f'<section class="{module("More", "root")}"><h2>More from Metals</h2>{teasers(5, 6, "article", module("Card", "root"), module("Card", "title"))}</section></main>'
            f'{footer("The Metal Desk", module("Footer", "root"))}</div>{cookie_banner(module("Consent", "root"))}'
            f'<script id="__NEXT_DATA__" type="application/json">{app_state(name, title, [t for _, t in body])}</script></body></html>')


def emotion_divs(story: Story, name: str) -> str:
    """emotion / styled classes (`css-1q2w3e`), paragraphs as `<div>` text, the body split in sibling
    groups of two or three paragraphs around ad and newsletter boxes."""
    title, dek, body = story
    para = css("para")
    groups: list[str] = []
    cur: list[str] = []
    for n, chunk in enumerate(blocks(body, lambda t, k: f'<div class="{para}">{e(t)}</div>',
                                     lambda t: f'<div role="heading" aria-level="2" class="{css("h2")}">{e(t)}</div>')):
        cur.append(chunk)
        if len(cur) == 3:
            groups.append(f'<div class="{css("group")}">{"".join(cur)}</div>')
            cur = []
            groups.append(ad(css("ad"), n) if len(groups) % 4 == 1 else
                          f'<div class="{css("nl")}"><div>Sign up for the Morning Metals newsletter</div><input placeholder="Email"><button>Sign up</button></div>')
    if cur:
        groups.append(f'<div class="{css("group")}">{"".join(cur)}</div>')
    return (head(title) + f'<body><div id="root"><div class="{css("app")}"><header class="{css("hdr")}"><div class="{css("logo")}">MetalWire</div>'
            f'{nav(css("nav"), css("navi"), css("navl"))}</header><div class="{css("page")}"><div class="{css("main")}">'
            f'<h1 class="{css("h1")}">{e(title)}</h1><div class="{css("meta")}"><span class="{css("by")}">By Wei Zhang</span><span class="{css("time")}">June 3, 2025</span></div>'
            f'<div class="{css("body")}">{"".join(groups)}</div>'
            f'<div class="{css("author")}"><div>Wei Zhang covers battery metals from Singapore.</div></div></div>'
            f'<div class="{css("side")}"><div class="{css("sidehd")}">Trending</div>{teasers(2, 6, "div", css("card"), css("cardt"))}</div></div>'
            f'<div class="{css("more")}"><div class="{css("morehd")}">Recommended for you</div>{teasers(7, 6, "div", css("card2"), css("card2t"))}</div>'
            f'{footer("MetalWire", css("ftr"))}</div></div>'
            f'<script>window.__APOLLO_STATE__={app_state(name, title, [t for _, t in body])}</script></body></html>')


def nuxt(story: Story, name: str) -> str:
    """Nuxt: scoped-style attributes (`data-v-4a1b2c3d`), short generated classes, every paragraph in a
    block component of its own, the story in two sections around a newsletter box."""
    title, dek, body = story
    dv = f"data-v-{token(name, 8).lower()}"
    comp = "c-" + token("blk", 4).lower()
    parts = blocks(body, lambda t, k: f'<div {dv} class="{comp}"><p {dv}>{e(t)}</p></div>',
                   lambda t: f'<div {dv} class="{comp}"><h2 {dv}>{e(t)}</h2></div>')
    half = len(parts) // 2
    pitch = (f'<div {dv} class="c-{token("nl", 4).lower()}"><h3 {dv}>Get the Scrap Weekly</h3><p {dv}>Prices, deals and the week\'s '
             f'news from the scrap trade, every Friday. Free to subscribe.</p><input {dv}><button {dv}>Subscribe</button></div>')
    return (head(title) + f'<body><div id="__nuxt"><div id="__layout"><div {dv} class="c-{token("app", 4).lower()}">'
            f'<header {dv}>{nav("c-" + token("nav", 4).lower())}</header><main {dv}>'
            f'<h1 {dv}>{e(title)}</h1><p {dv} class="c-{token("dek", 4).lower()}">{e(dek or "")}</p>'
            f'<div {dv} class="c-{token("meta", 4).lower()}">Kristaps Ozols · 12 November 2025 · 4 min</div>'
            f'<section {dv} class="c-{token("sec", 4).lower()}">{"".join(parts[:half])}</section>{pitch}'
            f'<section {dv} class="c-{token("sec", 4).lower()}">{"".join(parts[half:])}</section>'
            f'<div {dv} class="c-{token("rel", 4).lower()}"><h3 {dv}>Related</h3>{teasers(3, 6, "div", "c-" + token("card", 4).lower(), "t")}</div>'
            f'</main>{footer("Baltic Scrap Review", "c-" + token("ft", 4).lower())}</div></div></div>'
            f'<script>window.__NUXT__={app_state(name, title, [t for _, t in body])}</script></body></html>')


def arc(story: Story, name: str) -> str:
    """Arc-like newspaper: `b-article-body` / `c-paragraph`, ad and "story continues" blocks between
    paragraphs, a related-links list inside the body, a lead figure, a big footer."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f'<p class="c-paragraph" data-el="text">{e(t)}</p>',
                   lambda t: f'<h2 class="c-heading" data-el="header">{e(t)}</h2>')
    parts.insert(3, '<div class="b-ad-block arcad"><div id="arcad_feature-f0f"></div></div><p class="story-continues">Story continues below advertisement</p>')
    parts.insert(6, '<div class="c-link-list"><h3>Read more</h3><ul><li><a href="/a">Why Norway\'s power prices rose again</a></li>'
                    '<li><a href="/b">Hydro contracts: who wins, who pays</a></li></ul></div>')
    return (head(title) + f'<body><div id="fusion-app" class="layout-section"><header class="b-header-nav-chain">'
            f'<div class="b-header-nav-chain__top">{nav("b-links-bar")}</div><a class="b-header-nav-chain__logo" href="/">Nordic Industry Times</a></header>'
            f'<div class="b-single-column-regular"><div class="b-overline"><a href="/industry">Industry</a></div>'
            f'<h1 class="b-headline">{e(title)}</h1><h2 class="b-subheadline">{e(dek or "")}</h2>'
            f'<div class="b-byline">By <a href="/author/sara">Sara Nilsen</a></div><div class="b-date">Published Jan. 14, 2025 at 6:02 a.m.</div>'
            f'<div class="b-lead-art"><figure><img src="/img/pots.jpg"><figcaption>Potroom at the smelter. (Company photo)</figcaption></figure></div>'
            f'<article class="b-article-body">{"".join(parts)}</article>'
            f'<div class="b-share-bar"><a>Facebook</a><a>X</a><a>LinkedIn</a><a>Email</a></div>'
            f'<div class="b-top-table-list"><h2>Latest in Industry</h2>{teasers(0, 8, "div", "b-top-table-list-small", "c-heading")}</div></div>'
            f'{footer("Nordic Industry Times", "b-footer")}</div></body></html>')


def styled_arc(story: Story, name: str) -> str:
    """A newspaper on styled-components: classes `Paragraph-sc-1tdzxar-0 kYpLQb`, each paragraph in a
    wrapper `<div>` of its own, interstitial ads with their own wrappers, no `<article>` element."""
    title, dek, body = story
    wrap = "sc-" + token("wrap", 6).lower() + "-0 " + token("w2", 6)
    parts = blocks(body, lambda t, k: f'<div class="{wrap}"><p class="Paragraph-sc-{token("p", 7).lower()}-0 {token("pp", 6)}">{e(t)}</p></div>',
                   lambda t: f'<div class="{wrap}"><h2 class="Heading-sc-{token("h", 7).lower()}-0">{e(t)}</h2></div>')
    for at in (6, 3):
        parts.insert(at, f'<div class="InlineAd-sc-{token("ad", 7).lower()}-0"><div data-testid="ad-container" class="{token("adc", 6)}"></div></div>')
    return (head(title) + f'<body><div id="app"><div class="Page-sc-{token("pg", 7).lower()}-0"><header class="Masthead-sc-{token("m", 7).lower()}-0">'
            f'{nav("Nav-sc-" + token("n", 7).lower() + "-0")}<a href="/login">Sign in</a></header>'
            f'<div class="Story-sc-{token("st", 7).lower()}-0"><span class="Kicker-sc-{token("k", 7).lower()}-0">Steel</span>'
            f'<h1 class="Headline-sc-{token("hl", 7).lower()}-0">{e(title)}</h1>'
            f'<div class="Byline-sc-{token("b", 7).lower()}-0">Mark Keller · Updated April 22, 2025</div>'
            f'<div class="Body-sc-{token("bd", 7).lower()}-0 {token("bdd", 6)}">{"".join(parts)}</div></div>'
            f'<div class="Recirc-sc-{token("rc", 7).lower()}-0"><h2>Read next</h2>{teasers(4, 8, "div", "Card-sc-x-0", "CardTitle-sc-y-0")}</div>'
            f'{footer("Midwest Steel Journal", "Footer-sc-" + token("f", 7).lower() + "-0")}</div></div></body></html>')


def substack(story: Story, name: str) -> str:
    """A Substack-like newsletter post: `available-content` / `body markup`, subscribe widgets inside the
    body, a like/comment/share bar, a comments section."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f'<h2 class="header-anchor-post">{e(t)}</h2>')
    parts.insert(3, '<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe"><div class="preamble">'
                    '<p class="cta-caption">Metal Notes is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p>'
                    '</div><form><input type="email" placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>')
    return (head(title) + f'<body><div id="entry"><div class="main-menu"><div class="topbar"><a class="navbar-title-link" href="/">Metal Notes</a>'
            f'<button>Subscribe</button><button>Sign in</button></div></div><div class="container"><div class="single-post">'
            f'<div class="post-header"><h1 class="post-title">{e(title)}</h1><h3 class="subtitle">{e(dek or "")}</h3>'
            f'<div class="post-meta"><a href="/@jo">Jo Hart</a><div class="pencraft">Sep 09, 2025</div><div>∙ Paid</div></div>'
            f'<div class="post-ufi"><a>12</a><a>3</a><a>Share</a></div></div>'
            f'<div class="available-content"><div dir="auto" class="body markup">{"".join(parts)}</div></div>'
            f'<div class="post-footer"><div class="post-ufi"><a>12 Likes</a><a>3 Restacks</a></div>'
            f'<div class="subscribe-footer"><p>Thanks for reading Metal Notes! Subscribe for free to receive new posts and support my work.</p><button>Subscribe</button></div></div>'
            f'<div class="comments-section"><h4>Discussion about this post</h4><div class="comment"><a>Sam P.</a><p>Great piece, though I think Indonesia will surprise on the upside this year.</p><a>Reply</a></div>'
            f'<div class="comment"><a>Li Na</a><p>Do you have a source for the smelter utilisation numbers?</p><a>Reply</a></div></div>'
            f'<div class="portable-archive"><h3>Ready for more?</h3>{teasers(6, 5, "div", "post-preview", "post-preview-title")}</div>'
            f'</div></div><div class="footer-wrap"><p>© 2025 Jo Hart · Privacy · Terms · Collection notice</p><p>Substack is the home for great culture</p></div></div></body></html>')


def beehiiv(story: Story, name: str) -> str:
    """A newsletter platform rendering each block in a `<div>` of its own with inline styles and no
    classes; headings as styled `<p>`; the web view's header and footer around it."""
    title, dek, body = story
    box = 'style="padding:0 28px 12px;font-family:Georgia,serif"'
    parts = blocks(body, lambda t, k: f'<div {box}><p style="line-height:1.6;font-size:17px">{e(t)}</p></div>',
                   lambda t: f'<div {box}><h2 style="font-size:22px;font-weight:700">{e(t)}</h2></div>')
    for k in (9, 5, 3):
        parts.insert(k, f'<div {box}><img src="/charts/zinc-{k}.png" alt="chart" style="width:100%"></div>')
    return (head(title) + f'<body style="margin:0"><div id="web-header" style="display:flex"><a href="/">The Zinc Letter</a>'
            f'<a href="/archive">Archive</a><a href="/subscribe">Subscribe</a><a href="/login">Login</a></div>'
            f'<div id="content-blocks" style="max-width:640px;margin:auto">'
            f'<div style="padding:28px"><h1>{e(title)}</h1><p style="color:#777">Oct 2, 2025 · Edition #84</p></div>{"".join(parts)}'
            f'<div {box}><p style="font-size:13px;color:#666">Was this email forwarded to you? Sign up here. Want to advertise in The Zinc Letter? Reply to this email.</p></div></div>'
            f'<div id="web-footer"><p>© 2025 The Zinc Letter</p><p>228 Park Ave S, New York, NY 10003</p><p>Powered by a newsletter platform</p>'
            f'<a href="/terms">Terms of service</a> <a href="/privacy">Privacy</a></div></body></html>')


def prwire(story: Story, name: str) -> str:
    """A press-wire release page: bootstrap grid (`release-body container` / `row` / `col-…`), dateline,
    bullets, About / contacts / SOURCE, a rail of other releases."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>")
    return (head(title) + f'<body><div class="pnr-header">{nav("navbar navbar-default")}</div><div class="container">'
            f'<header class="release-header"><div class="row"><div class="col-sm-8"><h1>{e(title)}</h1><p class="subtitle">{e(dek or "")}</p>'
            f'<p class="mb-no">News provided by <a href="/news/voltbridge">Voltbridge Recycling, Inc.</a></p><p class="mb-no">Mar 04, 2025, 08:00 ET</p></div></div></header>'
            f'<div class="row"><div class="col-sm-12"><div class="social-share"><a>Share this article</a><a>Facebook</a><a>X</a><a>LinkedIn</a><a>Email</a></div></div></div></div>'
            f'<section class="release-body container"><div class="row"><div class="col-lg-10 col-lg-offset-1">{"".join(parts)}'
            f'<p><b>About Voltbridge Recycling</b><br>Voltbridge Recycling, Inc. recovers battery-grade metals from end-of-life batteries and manufacturing scrap at plants in Ohio and Ontario. For more information, visit www.voltbridge.example.</p>'
            f'<p><b>Media Contact:</b><br>Jenna Cole<br>press@voltbridge.example<br>+1 502-555-0147</p>'
            f'<p>SOURCE Voltbridge Recycling, Inc.</p></div></div></section>'
            f'<section class="container"><div class="row"><div class="col-sm-12"><h3>Also from this source</h3>{teasers(7, 4, "div", "card", "card-title")}'
            f'<h3>Explore</h3><ul class="list-inline"><li><a>Environmental Products &amp; Services</a></li><li><a>Mining &amp; Metals</a></li><li><a>Automotive</a></li></ul></div></div></section>'
            f'{footer("Cision US Inc.", "footer")}{cookie_banner("onetrust-banner-sdk")}</body></html>')


def businesswire(story: Story, name: str) -> str:
    """A wire release as a story in a `div` with its own class (`bw-release-story`), the highlights as a
    list, a data table, the contacts and logos after; dateline inside the first paragraph."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", table_cls="bw-table")
    return (head(title) + f'<body><div id="bw-header">{nav("bw-nav")}<a href="/portal/site/home/">Business Wire</a></div>'
            f'<div id="bw-page"><div class="bw-release-main"><div class="bw-release-timestamp"><time>October 15, 2025 07:00 AM Eastern Daylight Time</time></div>'
            f'<h1 class="epi-fontLg bwalignc"><b>{e(title)}</b></h1>'
            f'<div class="bw-release-story">{"".join(parts)}'
            f'<p><b>About Northgate Metals</b></p><p>Northgate Metals Corp. operates the Hudson zinc smelter and two mines in Quebec and Ontario.</p>'
            f'<p><b>Forward-Looking Information</b></p><p>This news release contains forward-looking information within the meaning of applicable securities laws. Actual results may differ materially.</p></div>'
            f'<div class="bw-release-contact"><h2>Contacts</h2><p>Investors: Claire Dubois, 416-555-0190</p><p>Media: Marc Tremblay, 416-555-0123</p></div>'
            f'<div class="bw-release-sidebars"><h3>Social Media Profiles</h3><ul><li><a>Northgate Metals on LinkedIn</a></li><li><a>Northgate Metals on X</a></li></ul>'
            f'<h3>More News From Northgate Metals</h3>{teasers(1, 4, "li", "bw-news-item", "bw-news-title", False)}</div></div></div>'
            f'{footer("Business Wire", "bw-footer")}</body></html>')


def ir_release(story: Story, name: str) -> str:
    """An investor-relations site's release: the text in a module `<div>` as `<br><br>`-separated runs,
    a financial table, the IR site's navigation, stock quote widget and email-alert form around it."""
    title, dek, body = story
    chunks: list[str] = []
    k = 0
    while k < len(body):
        kind, text = body[k]
        if kind == "row":
            n = next((j for j, (kd, _) in enumerate(body[k:]) if kd != "row"), len(body) - k)
            chunks.append(table([t for _, t in body[k:k + n]], "module_table"))
            k += n
            continue
        chunks.append(e(text) + "<br><br>")
        k += 1
    return (head(title) + f'<body><div class="layout"><div class="header"><a href="/">Harbor Alloys Investor Relations</a>'
            f'<ul class="nav"><li><a>Overview</a></li><li><a>News &amp; Events</a></li><li><a>Financials</a></li><li><a>Stock Info</a></li><li><a>Governance</a></li><li><a>Resources</a></li></ul></div>'
            f'<div class="pane pane--left"><div class="module module-stock-header"><span>NYSE: HBA</span><span>$41.27</span><span>+0.84 (2.08%)</span><span>Pricing delayed by 20 minutes</span></div>'
            f'<ul class="module-subnav"><li><a>Press Releases</a></li><li><a>Events &amp; Presentations</a></li><li><a>Email Alerts</a></li></ul></div>'
            f'<div class="pane pane--content"><div class="module module-details"><div class="module_container"><div class="module_date-time">Oct 28, 2025 4:05 PM EDT</div>'
            f'<h2 class="module_headline">{e(title)}</h2><div class="module_body">{"".join(chunks)}'
            f'<b>Forward-Looking Statements</b><br>This release contains forward-looking statements that involve risks and uncertainties. '
            f'Actual results may differ materially from those expressed or implied.<br><br><b>Contact:</b><br>Investor Relations<br>ir@harboralloys.example</div>'
            f'<div class="module_links"><a>View PDF</a><a>Print</a><a>Email</a></div></div></div>'
            f'<div class="module module-alerts"><h3>Email Alerts</h3><p>Sign up to receive the latest news and updates from Harbor Alloys.</p><input><button>Submit</button></div></div>'
            f'{footer("Harbor Alloys, Inc.", "footer")}</div></body></html>')


def amp(story: Story, name: str) -> str:
    """An AMP page: `amp-img`, `amp-ad` and `amp-social-share` between paragraphs, the sidebar as
    `amp-sidebar`, the body in a plain `div` with a generic class."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>")
    parts.insert(4, '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/amp_mid"><div fallback>Advertisement</div></amp-ad>')
    parts.insert(2, '<amp-img src="/img/ore.jpg" width="800" height="450" layout="responsive" alt="Ore stockpile"></amp-img>')
    return ('<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>' + e(title) + ' - Asia Mining Post</title>'
            '<link rel="canonical" href="https://asiaminingpost.example/news/ore-quota"><style amp-boilerplate>body{visibility:hidden}</style>'
            '<script async src="https://cdn.ampproject.org/v0.js"></script></head>'
            f'<body><amp-sidebar id="sidebar" layout="nodisplay">{nav("amp-menu")}</amp-sidebar>'
            f'<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">Asia Mining Post</a></header>'
            f'<div class="amp-wp-article"><div class="amp-wp-article-header"><h1 class="amp-wp-title">{e(title)}</h1>'
            f'<div class="amp-wp-meta">Reuters · 9 April 2025</div></div><div class="content">{"".join(parts)}</div>'
            f'<amp-social-share type="facebook"></amp-social-share><amp-social-share type="linkedin"></amp-social-share>'
            f'<div class="amp-related"><h3>Related Posts</h3>{teasers(5, 5, "div", "amp-rel", "amp-rel-t", False)}</div></div>'
            f'<footer class="amp-footer"><p>© 2025 Asia Mining Post</p><a href="/">Back to top</a><a href="/?noamp">View non-AMP version</a></footer></body></html>')


def br_div(story: Story, name: str) -> str:
    """A local news site whose story is one `div` of text runs separated by `<br><br>`, beside a table
    layout's menus, with a most-read list and a comments form after it."""
    title, dek, body = story
    text = "<br><br>\n".join(e(t) for _, t in body)
    return (head(title) + f'<body><div id="wrapper"><div id="top"><a href="/">Eastside Gazette</a> | <a>Home</a> | <a>News</a> | <a>Sports</a> | <a>Obituaries</a> | <a>Classifieds</a> | <a>Contact</a></div>'
            f'<div id="left">{nav("sidenav")}<div class="weather">Weather: 54°F, light rain</div></div>'
            f'<div id="center"><div class="storyhead">{e(title)}</div><div class="storydate">Posted: Tuesday, March 11, 2025 5:12 PM</div>'
            f'<div class="storyby">By Gazette staff</div><div class="storytext">{text}</div>'
            f'<div class="tools"><a>Print</a> | <a>Email</a> | <a>Comment</a></div>'
            f'<div class="mostread"><b>Most read</b><ol>' + "".join(f"<li><a>{e(t)}</a></li>" for t, _ in teasersrc(6)) + '</ol></div>'
            f'<form class="commentform"><b>Leave a comment</b><br>Name: <input><br>Comment: <textarea></textarea><br><input type="submit" value="Post"></form></div>'
            f'<div id="right"><div class="ad">Advertise with the Gazette: call 555-0100</div></div>'
            f'{footer("Eastside Gazette", "bottom")}</div></body></html>')


def teasersrc(n: int) -> list[tuple[str, str]]:
    from _chrome import TEASERS
    return TEASERS[:n]


def br_table(story: Story, name: str) -> str:
    """An association's page in a table layout: `<td>` cells, `<font>`, the text as `<br><br>` runs, a
    price table inside the cell, the member links in a left column."""
    title, dek, body = story
    chunks: list[str] = []
    k = 0
    while k < len(body):
        kind, text = body[k]
        if kind == "row":
            n = next((j for j, (kd, _) in enumerate(body[k:]) if kd != "row"), len(body) - k)
            chunks.append(table([t for _, t in body[k:k + n]], "prices"))
            k += n
            continue
        if kind == "li":
            n = next((j for j, (kd, _) in enumerate(body[k:]) if kd != "li"), len(body) - k)
            chunks.append("".join(f"&bull; {e(t)}<br>" for _, t in body[k:k + n]) + "<br>")
            k += n
            continue
        chunks.append(e(text) + "<br><br>")
        k += 1
    side = "".join(f'<a href="/m{n}">{s}</a><br>' for n, s in enumerate(["Home", "About the Association", "Membership", "Market reports",
                                                                          "Specifications", "Training", "Events", "Members' area", "Contact"]))
    return (head(title, og_type="website") + '<body bgcolor="#ffffff"><table width="100%" cellpadding="0" cellspacing="0"><tr><td colspan="2" class="banner">'
            '<font size="5">Metal Recyclers\' Association</font><br><font size="2">Representing the metal recycling industry since 1946</font></td></tr>'
            f'<tr><td width="180" valign="top" class="leftnav">{side}<br><b>Member login</b><br><input><br><input type="password"></td>'
            f'<td valign="top" class="main"><font face="Arial" size="2"><h3>{e(title)}</h3><i>Published 4 November 2025</i><br><br>{"".join(chunks)}'
            '</font></td></tr><tr><td colspan="2" class="foot"><font size="1">Metal Recyclers\' Association, 12 Station Road, Birmingham. '
            'Registered in England No. 0412287. The prices above are a guide only and are not an offer to buy or sell.</font></td></tr></table></body></html>')


def trade_figures(story: Story, name: str) -> str:
    """A trade association news page in a CMS with generated utility classes (Tailwind-like), figures
    between paragraphs, a notice box and a members-only teaser after the body."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f'<p class="mb-4 text-base leading-7">{e(t)}</p>',
                   lambda t: f'<h2 class="mt-8 mb-3 text-xl font-semibold">{e(t)}</h2>', ul_cls="list-disc pl-6 mb-4",
                   table_cls="w-full text-sm border")
    parts.insert(2, '<figure class="my-6"><img class="w-full rounded" src="/img/turnings.jpg"><figcaption class="text-xs text-gray-500">Stainless turnings at a member\'s yard.</figcaption></figure>')
    return (head(title) + f'<body class="bg-white"><div class="flex flex-col min-h-screen"><header class="border-b px-6 py-4 flex justify-between">'
            f'<a class="font-bold" href="/">Stainless Recyclers Federation</a>{nav("hidden md:flex gap-6", "text-sm", "hover:underline")}</header>'
            f'<div class="container mx-auto px-6 py-8 grid grid-cols-12 gap-8"><div class="col-span-12 lg:col-span-8">'
            f'<div class="text-sm text-gray-500"><a href="/">Home</a> › <a href="/news">News</a> › Notices</div>'
            f'<h1 class="text-3xl font-bold mt-2 mb-2">{e(title)}</h1><div class="text-sm text-gray-500 mb-6">20 October 2025 · Technical committee</div>'
            f'<div class="prose max-w-none">{"".join(parts)}</div>'
            f'<div class="mt-8 p-4 bg-gray-100 rounded"><p class="text-sm">This notice is for members of the Federation. Reproduction in whole or in part is not permitted without written consent.</p></div></div>'
            f'<div class="col-span-12 lg:col-span-4"><div class="p-4 border rounded"><h3 class="font-semibold mb-2">Members only</h3><p class="text-sm">Log in to read the full market reports and specifications.</p><a class="btn" href="/login">Log in</a></div>'
            f'<div class="p-4"><h3 class="font-semibold">Latest news</h3>{teasers(2, 5, "div", "py-2 border-b", "text-sm font-medium", False)}</div></div></div>'
            f'{footer("Stainless Recyclers Federation", "mt-auto border-t px-6 py-6 text-sm")}</div></body></html>')


def _wrapped(inner: str, classes: list[str]) -> str:
    """`inner` inside one `<div>` per class, the first class outermost."""
    for cls in reversed(classes):
        inner = f'<div class="{cls}">{inner}</div>'
    return inner


def react_spans(story: Story, name: str) -> str:
    """A React page whose paragraphs are `<div>`s holding their text in `<span>`s (a rich-text renderer's
    output, CSS-in-JS classes), the story in chunks at different depths of the layout: the first chunk in
    the column under the headline, the rest below a full-width newsletter module, one wrapper deeper."""
    title, dek, body = story
    para, span = css(name + "p"), css(name + "s")
    parts = blocks(body, lambda t, k: f'<div class="{para}"><span class="{span}">{e(t)}</span></div>',
                   lambda t: f'<div role="heading" aria-level="2" class="{css(name + "h")}"><span>{e(t)}</span></div>')
    first = _wrapped("".join(parts[:3]), [css(name + "c1"), css(name + "c2"), css(name + "c3")])
    rest = _wrapped("".join(parts[3:]), [css(name + "r1"), css(name + "c1"), css(name + "c2"), css(name + "c3")])
    module_box = (f'<div class="{css(name + "fw")}"><div class="{css(name + "fw2")}"><div>Morning Metals</div><div>The day\'s '
                  f'prices and stories in your inbox before the market opens.</div><input placeholder="Email"><button>Sign up'
                  f'</button></div></div>')
    return (head(title) + f'<body><div id="__next"><div class="{css(name + "app")}"><div class="{css(name + "hdr")}">'
            f'<a href="/">MetalWire</a>{nav(css(name + "nav"), css(name + "navi"), css(name + "navl"))}</div>'
            f'<div class="{css(name + "main")}"><div class="{css(name + "head")}"><h1 class="{css(name + "h1")}">{e(title)}</h1>'
            f'<div class="{css(name + "dek")}"><span>{e(dek or "")}</span></div><div class="{css(name + "by")}"><span>By Wei Zhang</span>'
            f'<span>June 3, 2025</span></div></div>{first}{module_box}{rest}'
            f'<div class="{css(name + "tags")}"><a href="/t/1">Metals</a><a href="/t/2">Asia</a></div></div>'
            f'<div class="{css(name + "more")}"><div>Recommended for you</div>{teasers(3, 8, "div", css(name + "card"), css(name + "ct"))}</div>'
            f'{footer("MetalWire", css(name + "ftr"))}</div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{app_state(name, title, [t for _, t in body])}</script></body></html>')


def draft_blocks(story: Story, name: str) -> str:
    """A rich-text editor's blocks (Draft.js style: `<div data-block>` > `<div>` > `<span data-offset-key>` >
    `<span data-text>`), each paragraph four wrappers deep, the story in two sibling containers around an
    inline ad row, under a styled-components layout with hashed classes."""
    title, dek, body = story
    def block(t: str, k: int) -> str:
        key = token(name + str(k), 5).lower()
        return (f'<div data-block="true" data-offset-key="{key}-0-0"><div data-offset-key="{key}-0-0" class="public-DraftStyleDefault-block '
                f'public-DraftStyleDefault-ltr"><span data-offset-key="{key}-0-0"><span data-text="true">{e(t)}</span></span></div></div>')
    parts = blocks(body, block, lambda t: f'<h2 class="sc-{token(name + "h", 6)} {token(name + "hh", 6)}">{e(t)}</h2>')
    cut = len(parts) // 2
    box = f'sc-{token(name + "bx", 6)} {token(name + "bxx", 6)}'
    return (head(title) + f'<body><div id="root"><div class="sc-{token(name + "pg", 6)}"><div class="sc-{token(name + "hd", 6)}">'
            f'{nav("sc-" + token(name + "nv", 6))}</div><div class="sc-{token(name + "col", 6)}">'
            f'<h1 class="sc-{token(name + "t", 6)}">{e(title)}</h1><div class="sc-{token(name + "m", 6)}">Mark Keller · April 22, 2025</div>'
            f'<div class="{box}"><div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="public-DraftEditor-content">'
            f'<div data-contents="true">{"".join(parts[:cut])}</div></div></div></div></div>'
            f'<div class="sc-{token(name + "ad", 6)}"><div class="sc-{token(name + "ad2", 6)}"><div id="div-gpt-ad-mid"></div><span>Advertisement</span></div></div>'
            f'<div class="{box}"><div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="public-DraftEditor-content">'
            f'<div data-contents="true">{"".join(parts[cut:])}</div></div></div></div></div></div>'
            f'<div class="sc-{token(name + "rc", 6)}"><h2>Read next</h2>{teasers(4, 8, "div", "sc-card", "sc-card-title")}</div>'
            f'{footer("Midwest Steel Journal", "sc-" + token(name + "f", 6))}</div></div></body></html>')


def module_chunks(story: Story, name: str) -> str:
    """Next.js with CSS modules whose generated suffixes happen to spell words when split at case changes
    (`ArticleBody_chunk__kAdX2` reads `k ad x2`; `Layout_column__wTagQ` reads `w tag q`): the story in
    three chunks of one such class between ad slots, the column wrapper with another."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f'<p class="Paragraph_text__v8Lp3">{e(t)}</p>',
                   lambda t: f'<h2 class="Heading_h2__Qe7zn">{e(t)}</h2>')
    third = (len(parts) + 2) // 3
    chunks = [f'<div class="ArticleBody_chunk__kAdX2">{"".join(parts[i:i + third])}</div>' for i in range(0, len(parts), third)]
    slot = '<div class="AdSlot_wrapper__p3Rt8"><div id="div-gpt-ad-{n}"></div><span>Advertisement</span></div>'
    story_html = "".join(c + (slot.format(n=n) if n < len(chunks) - 1 else "") for n, c in enumerate(chunks))
    return (head(title) + f'<body><div id="__next"><header class="Header_root__Zt4mW">'
            f'<a class="Logo_link__b2Xc9" href="/">The Metal Desk</a>{nav("Nav_list__H7fxa", "Nav_item__m2QsL", "Nav_link__Yt6pe")}</header>'
            f'<main class="Layout_main__r5Ke1"><div class="Layout_column__wTagQ">'
            f'<h1 class="Headline_h1__Jm3Vz">{e(title)}</h1><p class="Dek_root__c9Wnq">{e(dek or "")}</p>'
            f'<div class="Byline_root__Fq2mS">By Ana Ruiz · May 15, 2025</div>{story_html}'
            f'<div class="Share_row__x5TbN"><button>Share</button><button>Copy link</button></div></div>'
            f'<aside class="Rail_root__Dk8wP"><h2>Most read</h2>{teasers(0, 6, "div", "Card_root__nP4sE", "Card_title__u7GhK")}</aside>'
            f'<section class="More_root__Lq3vB"><h2>More from Metals</h2>{teasers(6, 6, "article", "Card_root__nP4sE", "Card_title__u7GhK")}</section></main>'
            f'{footer("The Metal Desk", "Footer_root__e8JwR")}</div>'
            f'<script id="__NEXT_DATA__" type="application/json">{app_state(name, title, [t for _, t in body])}</script></body></html>')


PAGES: dict[str, tuple[Callable[[Story, str], str], Story]] = {
    "next-modules-copper": (next_modules, COPPER),
    "next-modules-steel": (next_modules, STEEL),
    "emotion-divs-lithium": (emotion_divs, LITHIUM),
    "emotion-divs-nickel": (emotion_divs, NICKEL),
    "nuxt-sections-scrap": (nuxt, SCRAP),
    "nuxt-sections-yard": (nuxt, YARD),
    "arc-body-aluminium": (arc, ALUMINIUM),
    "styled-arc-steel": (styled_arc, STEEL),
    "styled-arc-copper": (styled_arc, COPPER),
    "substack-tin": (substack, TIN),
    "beehiiv-zinc": (beehiiv, ZINC),
    "prwire-battery": (prwire, BATTERY),
    "businesswire-smelter": (businesswire, SMELTER),
    "ir-release-q3": (ir_release, IRQ3),
    "amp-nickel": (amp, NICKEL),
    "br-div-yard": (br_div, YARD),
    "br-div-aluminium": (br_div, ALUMINIUM),
    "br-table-prices": (br_table, ASSOC),
    "br-table-notice": (br_table, NOTICE),
    "trade-figures-notice": (trade_figures, NOTICE),
    "trade-figures-prices": (trade_figures, ASSOC),
    "react-spans-copper": (react_spans, COPPER),
    "react-spans-lithium": (react_spans, LITHIUM),
    "react-spans-scrap": (react_spans, SCRAP),
    "draft-blocks-steel": (draft_blocks, STEEL),
    "draft-blocks-nickel": (draft_blocks, NICKEL),
    "module-chunks-aluminium": (module_chunks, ALUMINIUM),
    "module-chunks-tin": (module_chunks, TIN),
}


def main() -> None:
    for name, (make, story) in PAGES.items():
        (HERE / f"{name}.html").write_text(make(story, name), "utf-8")
        (HERE / f"{name}.gold.json").write_text(json.dumps({"title": story[0], "articleBody": gold(story[2])},
                                                           ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
