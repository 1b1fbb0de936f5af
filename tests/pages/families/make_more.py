# ruff: noqa: E501  (page templates: one HTML fragment a line)
"""Write the second batch of hand-written family pages (i17bi, SOURCE.md): blog platforms (Ghost, Medium,
Blogger, Tumblr, Typepad), newspaper CMSs (Brightspot, WordPress VIP), static-site builds (Gatsby), corporate
newsroom CMSs (HubSpot, Sitecore, AEM) and wire services (PR Newswire, GlobeNewswire). Run once
(`python tests/pages/families/make_more.py`); the written `.html` and `.gold.json` files are what the tests
and `bench/families.py` read. The gold keeps the story's paragraphs, headings, list items, quotations and
table rows, and leaves out headline, standfirst, byline, captions, pitches, About / contact / forward-looking
blocks and the SOURCE line (the convention of make_pages.py; the shared sets' gold leaves About blocks out
on 45 of 56 dev-fold pages that print one)."""
from __future__ import annotations

import html
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _chrome import cookie_banner, css, footer, nav, teasers, token
from _texts import ALUMINIUM, BATTERY, COPPER, IRQ3, LITHIUM, NICKEL, SCRAP, SMELTER, STEEL, TIN, YARD, ZINC
from _texts2 import ESSAY, GLOBE, NEWSROOM
from make_pages import head, table

HERE = Path(__file__).parent
Story = tuple[str, str | None, list[tuple[str, str]]]
Render = Callable[[str, int], str]
e = html.escape


def blocks(body: list[tuple[str, str]], p: Render, h2: Callable[[str], str] = lambda t: f"<h2>{e(t)}</h2>",
           quote: Callable[[str], str] = lambda t: f"<blockquote><p>{e(t)}</p></blockquote>",
           ul: str = "<ul>", table_cls: str = "") -> list[str]:
    """The body's blocks as HTML strings; list items and table rows grouped into one block each."""
    out: list[str] = []
    k = 0
    while k < len(body):
        kind, text = body[k]
        n = next((j for j, (kd, _) in enumerate(body[k:]) if kd != kind), len(body) - k)
        if kind == "li":
            out.append(ul + "".join(f"<li>{e(t)}</li>" for _, t in body[k:k + n]) + "</ul>")
        elif kind == "row":
            out.append(table([t for _, t in body[k:k + n]], table_cls))
        else:
            out.extend(p(t, k + j) if kind == "p" else h2(t) if kind == "h2" else quote(t) for j, (_, t) in enumerate(body[k:k + n]))
        k += n
    return out


def gold(body: list[tuple[str, str]]) -> str:
    return "\n\n".join(t.replace(" | ", " ") for _, t in body)


def thirds(parts: list[str], n: int = 3) -> list[list[str]]:
    size = (len(parts) + n - 1) // n
    return [parts[i:i + size] for i in range(0, len(parts), size)]


# --- blog platforms --------------------------------------------------------------------------------------

def ghost(story: Story, name: str) -> str:
    """Ghost (Casper-like theme): `gh-content` with Koenig cards (image, callout, bookmark to another post,
    a members sign-up card inside the body), the members CTA, comments and 'read more' below."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f'<h2 id="{token(t, 6).lower()}">{e(t)}</h2>')
    parts.insert(2, '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/2025/04/yard.jpg" class="kg-image" alt="" loading="lazy" width="2000" height="1333"><figcaption><span style="white-space: pre-wrap;">The weighbridge at the yard, spring 2025.</span></figcaption></figure>')
    parts.insert(6, '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="/why-mills-pay-late/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Why mills pay late, and what to do about it</div>'
                    '<div class="kg-bookmark-description">Payment terms are a negotiation you have every month whether you know it or not.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Yard Notes</span></div></div></a></figure>')
    parts.insert(len(parts) - 3, '<div class="kg-card kg-signup-card kg-width-regular"><div class="kg-signup-card-content"><h2 class="kg-signup-card-heading">Get the next post by email</h2>'
                                  '<p class="kg-signup-card-subheading">One essay a month on running a metals business. No spam.</p><form data-members-form="signup"><input data-members-email type="email" placeholder="Your email"><button class="kg-signup-card-button">Subscribe</button></form></div></div>')
    return (head(title) + f'<body class="post-template"><div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">'
            f'<a class="gh-head-logo" href="/">Yard Notes</a>{nav("gh-head-menu")}<div class="gh-head-actions"><a href="#/portal/signin" data-portal="signin">Sign in</a><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></div></header>'
            f'<div class="site-content"><main id="site-main" class="site-main"><article class="article post tag-business featured">'
            f'<header class="article-header gh-canvas"><div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/business/">Business</a></span></div>'
            f'<h1 class="article-title">{e(title)}</h1><p class="article-excerpt">{e(dek or "")}</p>'
            f'<div class="article-byline"><div class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="/author/ruth/" class="author-avatar"><img class="author-profile-image" src="/a.jpg" alt="Ruth Okonjo"></a></li></ul>'
            f'<div class="article-byline-meta"><h4 class="author-name"><a href="/author/ruth/">Ruth Okonjo</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="2025-04-14">Apr 14, 2025</time><span class="byline-reading-time"><span class="bull">•</span> 7 min read</span></div></div></div></div></header>'
            f'<section class="gh-content gh-canvas">{"".join(parts)}</section>'
            f'<section class="article-comments gh-canvas"><div id="ghost-comments-root"><h2>Member discussion</h2><p>0 comments</p><button>Start the conversation</button><p>Become a member of Yard Notes to start commenting.</p><a>Sign up now</a></div></section></article></main>'
            f'<aside class="read-more-wrap outer"><div class="read-more inner"><h3>Read more</h3>{teasers(3, 3, "article", "post-card", "post-card-title")}</div></aside></div>'
            f'<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">Yard Notes</a> © 2025</section><nav class="site-footer-nav"><a href="/about/">About</a><a href="/privacy/">Privacy</a></nav><div class="gh-powered-by"><a href="https://ghost.org/">Powered by Ghost</a></div></div></footer>'
            f'</div></body></html>')


def medium(story: Story, name: str) -> str:
    """Medium: atomic hashed classes on every element (`pw-post-body-paragraph oh oi gh …`), the post in
    `<section>`s separated by a separator, each `<p>` carrying an id; the clap bar, 'Written by', 'More from'
    and 'Recommended from Medium' lists around it."""
    title, dek, body = story
    atoms = " ".join(token(name + str(k), 2).lower() for k in range(24))
    parts = blocks(body, lambda t, k: f'<p id="{token(name + t, 4).lower()}" class="pw-post-body-paragraph {atoms} bk" data-selectable-paragraph="">{e(t)}</p>',
                   lambda t: f'<h2 id="{token(t, 4).lower()}" class="pw-post-body-paragraph {atoms[:40]} bk" data-selectable-paragraph="">{e(t)}</h2>',
                   lambda t: f'<blockquote class="{atoms[:30]}"><p class="pw-post-body-paragraph {atoms[:20]}" data-selectable-paragraph="">{e(t)}</p></blockquote>',
                   ul=f'<ul class="{atoms[:12]}">')
    sep = '<div class="ab cb"><div class="sy sz ta tb tc" role="separator"><span class="td bx bl te tf tg"></span><span class="td bx bl te tf tg"></span><span class="td bx bl te tf"></span></div></div>'
    secs = "".join(f'<div class="{atoms[:12]}"><section><div class="cx cy cz da db"><div class="ab ca"><div class="ch bg ew ex ey ez">{"".join(c)}</div></div></div></section></div>' + sep
                   for c in thirds(parts))
    clap = '<div class="ab q"><div class="pw-multi-vote-icon"><button aria-label="clap">👏</button></div><p class="be b">1.2K</p><button aria-label="responses">14</button></div>'
    return (head(title) + f'<body><div id="root"><div class="a b c"><div class="l m n"><div class="ab q"><a aria-label="Homepage" href="/">Medium</a><div>Write</div><div>Sign up</div><div>Sign in</div></div></div>'
            f'<article><div class="l"><div class="l"><section><div><div class="fr fs ft fu fv"></div><div class="ch bg ew ex ey ez"><div>'
            f'<h1 id="{token(title, 4).lower()}" class="pw-post-title {atoms[:30]}" data-testid="storyTitle">{e(title)}</h1>'
            f'<h2 class="pw-subtitle-paragraph {atoms[:30]}">{e(dek or "")}</h2>'
            f'<div class="speechify-ignore ab cp"><div class="ab"><a href="/@okonjo"><img alt="Ruth Okonjo" src="/r.jpg"></a><div><span>Ruth Okonjo</span><span>Follow</span></div>'
            f'<div><span data-testid="storyReadTime">7 min read</span><span>·</span><span data-testid="storyPublishDate">Apr 14, 2025</span></div></div>{clap}</div>'
            f'</div></div></div></section></div></div>{secs}</article>'
            f'<div class="ab ca"><div class="speechify-ignore">{clap}<div><a>Business</a><a>Recycling</a><a>Accounting</a></div></div></div>'
            f'<div class="bh"><h2>Written by Ruth Okonjo</h2><p>312 Followers</p><p>Runs the books of a scrap yard in Ohio. Writes about small industrial businesses.</p><button>Follow</button></div>'
            f'<div><h2>More from Ruth Okonjo</h2>{teasers(0, 4, "div", "pw-more", "pw-more-title")}</div>'
            f'<div><h2>Recommended from Medium</h2>{teasers(4, 6, "div", "pw-rec", "pw-rec-title")}<a>See more recommendations</a></div>'
            f'<div class="footer"><a>Help</a><a>Status</a><a>About</a><a>Careers</a><a>Press</a><a>Blog</a><a>Privacy</a><a>Terms</a><a>Text to speech</a></div></div></div></body></html>')


def blogger(story: Story, name: str) -> str:
    """Blogger: the post as one `div.post-body` whose paragraphs are `<div>`s and `<br>` runs with inline
    styles (what its editor writes), sidebar widgets (archive, labels, popular posts), comments."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: (f'<div style="text-align: justify;"><span style="font-family: arial;">{e(t)}</span></div><div style="text-align: justify;"><br></div>'
                                       if k % 3 else f'{e(t)}<br><br>'),
                   lambda t: f'<h3 style="text-align: left;">{e(t)}</h3>',
                   lambda t: f'<blockquote style="border: none; margin: 0 0 0 40px; padding: 0px;"><div style="text-align: left;"><i>{e(t)}</i></div></blockquote>')
    parts.insert(3, '<div class="separator" style="clear: both; text-align: center;"><a href="https://blogger.googleusercontent.com/img/b/R29vZ2xl/yard.jpg" style="margin-left: 1em; margin-right: 1em;"><img border="0" data-original-height="900" data-original-width="1600" height="225" src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/s400/yard.jpg" width="400"></a></div>')
    archive = "".join(f'<li class="archivedate"><a class="toggle">►</a> <a class="post-count-link" href="/{y}/">{y}</a> <span class="post-count" dir="ltr">({c})</span></li>' for y, c in [(2025, 14), (2024, 31), (2023, 27), (2022, 40)])
    labels = "".join(f'<li><a dir="ltr" href="/search/label/{w}">{w}</a><span dir="ltr">({n})</span></li>' for w, n in [("scrap", 44), ("markets", 21), ("steel", 17), ("copper", 9), ("yard life", 30)])
    return (head(title) + f'<body class="version-1-3-3 variant-indie_light"><div class="page"><div class="centered"><header class="centered-top-container"><div class="Header widget" id="Header1"><h1><a href="/">Rust &amp; Ledger</a></h1><p>Notes from a small metals business</p></div>'
            f'<div class="PageList widget" id="PageList1"><ul><li><a href="/">Home</a></li><li><a href="/p/about.html">About</a></li><li><a href="/p/contact.html">Contact</a></li></ul></div></header>'
            f'<main class="centered-bottom" id="main"><div class="main section" id="page_body"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed container"><article class="post-outer-container"><div class="post-outer">'
            f'<div class="post"><script type="application/ld+json">{{"@type":"BlogPosting","headline":{json.dumps(title)}}}</script>'
            f'<a name="8812345"></a><h3 class="post-title entry-title">{e(title)}</h3><div class="post-header"><span class="byline post-timestamp"><a class="timestamp-link" href="#"><time class="published" datetime="2025-04-14T09:12:00-04:00">April 14, 2025</time></a></span></div>'
            f'<div class="post-body entry-content float-container" id="post-body-8812345"><div dir="ltr" style="text-align: left;" trbidi="on">{"".join(parts)}</div></div>'
            f'<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="byline post-author vcard">Posted by <span class="fn">Ruth O.</span></span><span class="byline post-labels">Labels: <a rel="tag">scrap</a>, <a rel="tag">yard life</a></span></div>'
            f'<div class="byline post-share-buttons goog-inline-block"><a>Email This</a><a>BlogThis!</a><a>Share to X</a><a>Share to Facebook</a><a>Share to Pinterest</a></div></div></div>'
            f'<section class="comments" id="comments"><h3 class="title">5 comments:</h3><div class="comment-thread"><ol><li class="comment"><div class="comment-block"><cite class="user">Dale K.</cite><p class="comment-content">We went through the same thing with a bank in 2020. Nobody there understood what a pile of shred is worth in a falling market.</p><span class="datetime">April 15, 2025 at 7:02 AM</span><a class="comment-reply">Reply</a></div></li>'
            f'<li class="comment"><div class="comment-block"><cite class="user">Anonymous</cite><p class="comment-content">What spreadsheet template do you use? Would you share it?</p><span class="datetime">April 16, 2025 at 3:40 PM</span><a class="comment-reply">Reply</a></div></li></ol></div><p class="comment-footer"><a>Post a Comment</a></p></section>'
            f'</div></article></div><div class="blog-pager"><a class="blog-pager-newer-link">Newer Post</a><a class="home-link">Home</a><a class="blog-pager-older-link">Older Post</a></div></div></div></main>'
            f'<aside class="sidebar-container"><div class="widget PopularPosts"><h3 class="title">Popular Posts</h3>{teasers(1, 4, "div", "post", "post-title", False)}</div>'
            f'<div class="widget BlogArchive"><h3 class="title">Blog Archive</h3><ul class="hierarchy">{archive}</ul></div><div class="widget Label"><h3 class="title">Labels</h3><ul>{labels}</ul></div>'
            f'<div class="widget ReportAbuse"><a>Report Abuse</a></div></aside>'
            f'<footer class="footer section"><div class="widget Attribution"><div class="blogger"><a>Powered by Blogger</a></div><div class="image-attribution">Theme images by Michael Elkan</div></div></footer></div></div></body></html>')


def tumblr(story: Story, name: str) -> str:
    """Tumblr: a text post in the Neue Post Format's rows (`npf_row` / `npf_col`, every paragraph a
    `<p>` of its own row), tags, a notes list of reblogs and likes, the blog's sidebar and pagination."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f'<p>{e(t)}</p>', lambda t: f'<h2>{e(t)}</h2>', lambda t: f'<p class="npf_quote">{e(t)}</p>', ul='<ul class="npf_list">')
    rows = "".join(f'<div class="npf_row"><div class="npf_col">{p}</div></div>' if k % 4 == 0 else p for k, p in enumerate(parts))
    notes = "".join(f'<li class="note {kind}"><a class="avatar_frame"><img src="/av{n}.png"></a><span class="action"><a>{who}</a> {verb}</span></li>'
                    for n, (kind, who, verb) in enumerate([("reblog", "ferrous-frank", "reblogged this from rustandledger"), ("like", "metalheadmaria", "liked this"),
                                                          ("reblog", "smeltershift", "reblogged this from rustandledger and added: this is so true about the bank"),
                                                          ("like", "copperkettle", "liked this"), ("like", "yardcat", "liked this"), ("reblog", "scrapbook-daily", "reblogged this from ferrous-frank")]))
    return (head(title) + f'<body><div id="container"><header id="header"><div class="blog-title"><a href="/">rustandledger</a></div><div class="description">small business, heavy metal. notes from a scrap yard office.</div>'
            f'<nav class="links"><a href="/archive">Archive</a><a href="/ask">Ask me anything</a><a href="/submit">Submit</a></nav></header>'
            f'<section id="posts"><article class="post text" id="post-74638291"><div class="post-wrapper"><div class="post-content"><h2 class="title"><a href="/post/74638291/{token(title, 6).lower()}">{e(title)}</a></h2>'
            f'<div class="body-text"><div class="npf_row"><div class="npf_col"><p><i>{e(dek or "")}</i></p></div></div>{rows}</div></div>'
            f'<footer class="post-footer"><div class="post-meta"><a class="date" href="#">Apr 14th, 2025</a><a class="notes-count" href="#notes">214 notes</a><a class="reblog">Reblog</a></div>'
            f'<ul class="tags"><li><a href="/tagged/scrap">#scrap</a></li><li><a href="/tagged/small%20business">#small business</a></li><li><a href="/tagged/accounting">#accounting</a></li><li><a href="/tagged/long%20post">#long post</a></li></ul></footer>'
            f'<section id="notes"><ol class="notes">{notes}</ol><a class="more_notes_link">Show more notes</a></section></div></article></section>'
            f'<nav id="pagination"><a class="previous">Newer</a><a class="next">Older</a></nav>'
            f'<aside id="sidebar"><div class="avatar"><img src="/avatar_128.png"></div><p>Ruth, 38. I do the books. Opinions are mine, scrap is my uncle\'s.</p><a href="/rss">RSS</a></aside>'
            f'<div class="tmblr-iframe"><a>Follow rustandledger</a><a>Log in</a><a>Sign up</a></div></div></body></html>')


def typepad(story: Story, name: str) -> str:
    """Typepad / Movable Type: the post split into `entry-body` (the teaser shown on the index) and
    `entry-more` (the rest, after the jump), sibling `<div>`s inside `entry-content`; trackbacks, comments,
    a sidebar of categories and archives."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f"<p><strong>{e(t)}</strong></p>")
    cut = 3
    cats = "".join(f'<li class="module-list-item"><a href="/yard/{c.lower()}/">{c}</a></li>' for c in ["Markets", "Mills", "Prices", "Regulation", "Trucking", "Web/Tech", "Weblogs"])
    months = "".join(f'<li class="module-list-item"><a href="/yard/2025/{m:02d}/">{mn} 2025</a></li>' for m, mn in [(4, "April"), (3, "March"), (2, "February"), (1, "January")])
    return (head(title) + f'<body class="layout-two-column-right post"><div id="container"><div id="container-inner" class="pkg"><div id="banner"><div id="banner-inner" class="pkg">'
            f'<h1 id="banner-header"><a href="/yard/" accesskey="1">The Scale House</a></h1><h2 id="banner-description">Prices, mills and the people who sell them scrap</h2></div></div>'
            f'<div id="pagebody"><div id="pagebody-inner" class="pkg"><div id="alpha"><div id="alpha-inner" class="pkg">'
            f'<div class="entry-category-markets entry-author-ruth entry-type-post entry" id="entry-6a00d8341c"><h3 class="entry-header">{e(title)}</h3>'
            f'<div class="entry-content"><div class="entry-body">{"".join(parts[:cut])}</div>'
            f'<div class="entry-more" id="more">{"".join(parts[cut:])}</div></div>'
            f'<div class="entry-footer"><p class="entry-footer-info"><span class="post-footers">Posted by Ruth Okonjo on April 14, 2025 at 09:12 AM in <a href="/yard/markets/">Markets</a></span>'
            f'<span class="separator">|</span> <a class="permalink" href="#">Permalink</a></p><div class="entry-actions"><a>Reblog (0)</a> | <a>Digg This</a> | <a>Save to del.icio.us</a></div></div></div>'
            f'<div class="trackbacks"><h3 class="trackbacks-header">TrackBack</h3><div class="trackbacks-info"><p>TrackBack URL for this entry:<br><span class="trackbacks-link">https://www.typepad.com/services/trackback/6a00d8341c</span></p>'
            f'<p>Listed below are links to weblogs that reference <a>{e(title)}</a>:</p></div></div>'
            f'<div class="comments"><h3 class="comments-header">Comments</h3><div class="comments-content"><div class="comment"><div class="comment-content"><p>Good post. The point about the age of the pile applies to every commodity business I have worked in.</p></div>'
            f'<p class="comment-footer">Posted by: <a>Hank</a> | April 15, 2025 at 11:20 AM</p></div></div></div>'
            f'<form class="comments-open"><h2 class="comments-open-header">Post a comment</h2><p>Comments are moderated, and will not appear until the author has approved them.</p><textarea></textarea><input type="submit" value="Post"></form>'
            f'</div></div><div id="beta"><div id="beta-inner" class="pkg"><div class="module-categories module"><h2 class="module-header">Categories</h2><div class="module-content"><ul class="module-list">{cats}</ul></div></div>'
            f'<div class="module-archives module"><h2 class="module-header">Archives</h2><div class="module-content"><ul class="module-list">{months}</ul></div></div>'
            f'<div class="module-powered module"><div class="module-content">Powered by <a>Typepad</a></div></div></div></div></div></div></div></div></body></html>')


# --- newspaper CMSs ----------------------------------------------------------------------------------------

def brightspot(story: Story, name: str) -> str:
    """Brightspot: `RichTextArticleBody` with `RichTextBody` paragraphs and `Enhancement` modules between
    them (an inline 'Related' promo list, a newsletter module, an ad), page promo lists below."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f"<h2>{e(t)}</h2>")
    related = ('<div class="Enhancement" data-align-center><div class="Enhancement-item"><div class="PromoList"><div class="PromoList-title">Related</div><ul class="PromoList-items">'
               + "".join(f'<li class="PromoList-items-item"><div class="PromoTextOnly"><div class="PromoTextOnly-title"><a class="Link" href="/n/{k}">{t}</a></div></div></li>' for k, (t, _) in enumerate([("Why a copper smelter in Zambia is idle again", ""), ("Zinc treatment charges fall to record low", "")]))
               + '</ul></div></div></div>')
    newsletter = ('<div class="Enhancement"><div class="Enhancement-item"><div class="NewsletterModule"><div class="NewsletterModule-title">Get the Morning Brief</div>'
                  '<div class="NewsletterModule-description">The stories you need to start your day, delivered to your inbox every weekday.</div><form><input type="email"><button>Sign Up</button></form></div></div></div>')
    adm = '<div class="Enhancement"><div class="Enhancement-item"><div class="GoogleDfpAd-wrapper"><div class="GoogleDfpAd" data-slot-name="in-article-1"></div></div></div></div>'
    parts.insert(6, newsletter)
    parts.insert(4, adm)
    parts.insert(2, related)
    return (head(title) + f'<body class="ArticlePage-body"><div class="Page-header"><div class="Page-header-bar"><a class="Page-header-logo" href="/">Lakeshore Courier</a>{nav("Navigation")}'
            f'<div class="Page-header-end"><a class="SubscribeButton">Subscribe</a><a class="LoginButton">Log in</a></div></div></div>'
            f'<div class="Page-content"><main class="ArticlePage-main"><div class="ArticlePage-breadcrumbs"><a class="Link" href="/news">News</a><a class="Link" href="/news/business">Business</a></div>'
            f'<h1 class="ArticlePage-headline">{e(title)}</h1><div class="ArticlePage-subHeadline"><p>{e(dek or "")}</p></div>'
            f'<div class="ArticlePage-authorInfo"><div class="ArticlePage-authorBy">By <a class="Link" href="/people/dana">Dana Whitfield</a></div><div class="ArticlePage-datePublished">Published September 30, 2025 at 6:00 AM CDT</div></div>'
            f'<div class="ArticlePage-lead"><figure class="Figure"><img src="/lead.jpg"><div class="Figure-content"><div class="Figure-caption">The melt shop at dawn.</div><div class="Figure-credit">Dana Whitfield / Lakeshore Courier</div></div></figure></div>'
            f'<div class="ArticlePage-articleBody"><div class="RichTextArticleBody RichTextBody">{"".join(parts)}</div></div>'
            f'<div class="ArticlePage-tags"><ul class="ArticlePage-tags-list"><li><a>Steel</a></li><li><a>Manufacturing</a></li><li><a>Indiana</a></li></ul></div>'
            f'<div class="ArticlePage-actions"><div class="ActionBar"><a>Facebook</a><a>Twitter</a><a>Email</a><a>Print</a></div></div></main>'
            f'<aside class="ArticlePage-aside"><div class="List"><h2 class="List-title">Most Popular</h2>{teasers(0, 5, "div", "PagePromo", "PagePromo-title")}</div></aside>'
            f'<div class="ArticlePage-belowMain"><div class="List"><h2 class="List-title">More in Business</h2>{teasers(5, 6, "div", "PagePromo", "PagePromo-title")}</div></div></div>'
            f'{footer("Lakeshore Courier", "Page-footer")}{cookie_banner("Consent")}</body></html>')


def wpvip(story: Story, name: str) -> str:
    """A WordPress VIP newspaper theme: `entry-content` of Gutenberg blocks, an ad container and an inline
    'RELATED:' link paragraph between paragraphs, a newsletter block, a gallery block; tags, author bio,
    'Trending' and a Jetpack related-posts block after."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f'<h2 class="wp-block-heading">{e(t)}</h2>',
                   lambda t: f'<blockquote class="wp-block-quote is-layout-flow"><p>{e(t)}</p></blockquote>', ul='<ul class="wp-block-list">',
                   table_cls="wp-block-table")
    parts.insert(7, '<div class="wp-block-group newsletter-signup"><div class="wp-block-group__inner-container"><h3>Sign up for The Rundown</h3><p>Get the day\'s top local stories in your inbox every morning.</p><form><input type="email"><button>Sign up</button></form></div></div>')
    parts.insert(5, '<div class="ad-container ad-container--inline"><div class="htlad-incontent_1" data-unit="incontent_1"></div><p class="ad-label">Advertisement</p></div>')
    parts.insert(3, '<p><strong>RELATED: </strong><a href="/2025/09/12/scrap-prices-midwest/">Midwest scrap prices climb as new mills compete for shred</a></p>')
    parts.insert(2, '<div class="ad-container ad-container--inline"><div class="htlad-incontent_0" data-unit="incontent_0"></div><p class="ad-label">Advertisement</p></div>')
    return (head(title) + f'<body class="post-template-default single single-post postid-2238841 single-format-standard wp-embed-responsive"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>'
            f'<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">The Harbor Tribune</a></p></div>'
            f'<nav id="site-navigation" class="main-navigation">{nav("menu", "menu-item menu-item-type-taxonomy", "")}</nav><div class="header-actions"><a class="subscribe-link">Subscribe</a><a>e-Edition</a></div></header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
            f'<article id="post-2238841" class="post-2238841 post type-post status-publish format-standard has-post-thumbnail hentry category-business tag-steel">'
            f'<header class="entry-header"><div class="cat-links"><a href="/category/business/" rel="category tag">Business</a></div><h1 class="entry-title">{e(title)}</h1>'
            f'<div class="entry-subhead">{e(dek or "")}</div><div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n">Marcus Hale</a></span> | <a href="mailto:mhale@example.com">mhale@example.com</a></span>'
            f'<span class="posted-on"><time class="entry-date published" datetime="2025-09-30T05:00:00-05:00">September 30, 2025 at 5:00 a.m.</time></span></div></header>'
            f'<figure class="post-thumbnail"><img src="/wp-content/uploads/2025/09/furnace.jpg"><figcaption class="wp-caption-text">The new furnace. (Photo by Marcus Hale / Staff)</figcaption></figure>'
            f'<div class="entry-content">{"".join(parts)}</div>'
            f'<footer class="entry-footer"><span class="tags-links">Tags: <a rel="tag">Steel</a>, <a rel="tag">Jobs</a>, <a rel="tag">Environment</a></span>'
            f'<div class="author-bio"><h2 class="author-title">Marcus Hale</h2><p class="author-description">Marcus Hale covers business and labor for the Tribune. He joined the paper in 2016.</p></div></footer></article>'
            f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related Articles</em></h3>{teasers(2, 3, "div", "jp-relatedposts-post", "jp-relatedposts-post-title")}</div>'
            f'</main></div><aside id="secondary" class="widget-area"><section class="widget trending"><h2 class="widget-title">Trending Now</h2>{teasers(6, 5, "div", "trending-item", "trending-title", False)}</section></aside></div>'
            f'{footer("The Harbor Tribune", "site-footer")}</div>{cookie_banner("cmp-banner")}</body></html>')


def gatsby(story: Story, name: str) -> str:
    """A Gatsby build: `___gatsby` > `gatsby-focus-wrapper`, emotion/CSS-module hashed classes, the
    Markdown body as plain tags inside a hashed `<section>`, `gatsby-resp-image-wrapper` spans, a
    'Keep reading' pair of links and a bio card, the page data in a script."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f'<h2 id="{token(t, 5).lower()}"><a href="#{token(t, 5).lower()}" aria-label="link" class="anchor before"><svg></svg></a>{e(t)}</h2>')
    parts.insert(4, '<p><span class="gatsby-resp-image-wrapper" style="position: relative; display: block; max-width: 800px;"><a class="gatsby-resp-image-link" href="/static/abc/chart.png"><span class="gatsby-resp-image-background-image" style="padding-bottom: 56%;"></span><img class="gatsby-resp-image-image" alt="chart of monthly tonnes" src="/static/abc/chart.png"></a></span></p>')
    return (head(title) + f'<body><div id="___gatsby"><div style="outline:none" tabindex="-1" id="gatsby-focus-wrapper"><div class="{css(name + "layout")}">'
            f'<header class="{css(name + "hdr")}"><a class="{css(name + "home")}" href="/">Ruth Okonjo</a><nav class="{css(name + "nav")}"><a href="/">Blog</a><a href="/about">About</a><a href="/now">Now</a><a href="/rss.xml">RSS</a></nav></header>'
            f'<main class="{css(name + "main")}"><article class="{css(name + "post")}" itemscope itemtype="http://schema.org/Article"><header><h1 itemprop="headline" class="{css(name + "h1")}">{e(title)}</h1>'
            f'<p class="{css(name + "date")}">April 14, 2025 · ☕️☕️ 7 min read</p></header>'
            f'<section itemprop="articleBody" class="{css(name + "body")}">{"".join(parts)}</section><hr class="{css(name + "hr")}">'
            f'<footer><div class="{css(name + "bio")}"><img class="{css(name + "avatar")}" src="/static/profile.jpg" alt="Ruth Okonjo"><p>Written by <strong>Ruth Okonjo</strong>, who keeps the books of a scrap yard in Ohio and writes about small industrial businesses. <a href="https://x.example/ruth">Follow her on X</a></p></div></footer></article>'
            f'<nav class="{css(name + "pn")}"><ul><li><a href="/why-mills-pay-late/" rel="prev">← Why mills pay late</a></li><li><a href="/weighbridge/" rel="next">The weighbridge is the business →</a></li></ul></nav></main>'
            f'<footer class="{css(name + "ftr")}">© 2025, Built with <a href="https://www.gatsbyjs.com">Gatsby</a></footer></div></div><div id="gatsby-announcer" aria-live="assertive" aria-atomic="true" style="position:absolute"></div></div>'
            f'<script id="gatsby-script-loader">/*<![CDATA[*/window.pagePath="/{token(title, 6).lower()}/";window.___webpackCompilationHash="{token(name, 20).lower()}";/*]]>*/</script></body></html>')


# --- corporate newsroom CMSs -------------------------------------------------------------------------------

def hubspot(story: Story, name: str) -> str:
    """A HubSpot CMS blog / newsroom: the post in `span#hs_cos_wrapper_post_body` (a rich-text wrapper
    `<span>` holding block paragraphs), a `<!--more-->` split, CTA buttons (`hs-cta-wrapper`) inside the
    body, a subscribe form and 'Related posts' after."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f'<p style="font-size: 16px;">{e(t)}</p>' if k % 2 else f"<p>{e(t)}</p>", lambda t: f"<h2>{e(t)}</h2>")
    parts.insert(2, "<!--more-->")
    parts.insert(len(parts) - 2, '<p><!--HubSpot Call-to-Action Code --><span class="hs-cta-wrapper" id="hs-cta-wrapper-8d2f"><span class="hs-cta-node hs-cta-8d2f" id="hs-cta-8d2f"><a href="https://cta-redirect.hubspot.com/cta/redirect/4455/8d2f"><img class="hs-cta-img" alt="Download the 2025 Steel Decarbonisation Report" src="https://no-cache.hubspot.com/cta/default/4455/8d2f.png"></a></span></span><!-- end HubSpot Call-to-Action Code --></p>')
    wrap = 'class="hs_cos_wrapper hs_cos_wrapper_meta_field hs_cos_wrapper_type_rich_text" style="" data-hs-cos-general-type="meta_field" data-hs-cos-type="rich_text"'
    return (head(title) + f'<body><div class="body-wrapper hs-content-id-18823 hs-blog-post hs-blog-id-4455"><div data-global-resource-path="theme/templates/partials/header.html"><header class="header"><div class="header__container content-wrapper">'
            f'<a class="header__logo" href="/">Kestrel Steel</a><div class="header__menu">{nav("menu__wrapper no-list", "menu__item menu__item--depth-1 hs-skip-lang-url-rewrite", "menu__link")}</div><a class="button" href="/contact">Contact sales</a></div></header></div>'
            f'<main id="main-content" class="body-container-wrapper"><div class="body-container body-container--blog-post"><div class="content-wrapper"><article class="blog-post">'
            f'<div class="blog-post__breadcrumb"><a href="/newsroom">Newsroom</a> › <a href="/newsroom/tag/operations">Operations</a></div>'
            f'<h1><span id="hs_cos_wrapper_name" class="hs_cos_wrapper hs_cos_wrapper_meta_field hs_cos_wrapper_type_text" data-hs-cos-general-type="meta_field" data-hs-cos-type="text">{e(title)}</span></h1>'
            f'<div class="blog-post__meta"><a class="blog-post__author">Kestrel Communications</a><time datetime="2025-10-07 13:00:00" class="blog-post__timestamp">October 7, 2025</time></div>'
            f'<div class="blog-post__body"><span id="hs_cos_wrapper_post_body" {wrap}><p><strong>{e(dek or "")}</strong></p>{"".join(parts)}</span></div>'
            f'<div class="blog-post__tags"><svg></svg><a class="blog-post__tag-link" href="/newsroom/tag/operations">Operations</a>, <a class="blog-post__tag-link">Sustainability</a></div></article>'
            f'<section class="blog-subscribe"><h3>Subscribe to Kestrel news</h3><div class="hbspt-form"><form class="hs-form"><label>Email*</label><input type="email"><input type="submit" value="Subscribe"></form></div></section>'
            f'<section class="blog-related-posts"><h2>Related posts</h2>{teasers(3, 3, "div", "blog-related-posts__post", "blog-related-posts__title")}</section></div></div></main>'
            f'<footer class="footer">{footer("Kestrel Steel Corporation", "footer__container")}</footer></div>'
            f'<div id="hs-eu-cookie-confirmation" class="hs-cookie-notification-position-bottom"><div id="hs-eu-cookie-confirmation-inner"><p>This website stores cookies on your computer. These cookies are used to improve your website experience and provide more personalized services to you.</p><a id="hs-eu-confirmation-button">Accept</a><a id="hs-eu-decline-button">Decline</a></div></div></body></html>')


def sitecore(story: Story, name: str) -> str:
    """Sitecore SXA: the story as several `component rich-text` renderings (each its own
    `component-content`), an `image` component and a quote component between them, every one in the same
    `row column-splitter` grid; a share component, a contacts component and a 'Latest news' list after."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f"<h2>{e(t)}</h2>", lambda t: f"<blockquote>{e(t)}</blockquote>")
    def rich(chunk: list[str], rid: int) -> str:
        return f'<div class="component rich-text col-12" id="{{{token(name + str(rid), 8)}}}"><div class="component-content">{"".join(chunk)}</div></div>'
    image = '<div class="component image file-type-icon-media-link col-12"><div class="component-content"><img src="/-/media/project/kestrel/news/furnace.jpg?h=600&amp;w=1000" alt=""><span class="image-caption field-imagecaption">The electric arc furnace during commissioning.</span></div></div>'
    chunks = thirds(parts)
    grid = rich(chunks[0], 0) + image + rich(chunks[1], 1) + ('<div class="component promo col-12"><div class="component-content"><div class="field-promotext"><h3>Our decarbonisation roadmap</h3><p>Read how we plan to reach net zero by 2050.</p><a>Learn more</a></div></div></div>') + "".join(rich(c, 2 + k) for k, c in enumerate(chunks[2:]))
    return (head(title) + f'<body class="default-device bodyclass"><div id="wrapper"><header><div id="header" class="container-fluid"><div class="row"><div class="component container col-12"><div class="component-content">'
            f'<div class="component image logo"><a href="/">Kestrel Steel</a></div><div class="component navigation navigation-main">{nav("")}</div><div class="component search-box">Search</div></div></div></div></div></header>'
            f'<main><div id="content" class="container"><div class="row"><div class="component breadcrumb"><div class="component-content"><ol><li><a>Home</a></li><li><a>Newsroom</a></li><li><a>Press releases</a></li></ol></div></div></div>'
            f'<div class="row"><div class="component title col-12"><div class="component-content"><h1 class="field-title">{e(title)}</h1></div></div>'
            f'<div class="component page-summary col-12"><div class="component-content"><p class="field-summary">{e(dek or "")}</p></div></div>'
            f'<div class="component date col-12"><div class="component-content"><span class="field-date">10/7/2025</span></div></div></div>'
            f'<div class="row column-splitter"><div class="col-12 col-lg-8"><div class="row">{grid}</div></div>'
            f'<div class="col-12 col-lg-4"><div class="component link-list"><div class="component-content"><h3>Latest news</h3><ul>'
            + "".join(f'<li class="item{k}"><div class="field-link"><a>{t}</a></div></li>' for k, (t, _) in enumerate([("Kestrel reports third-quarter shipments", ""), ("Kestrel names new chief financial officer", ""), ("Cleveland works marks 100 years", "")]))
            + '</ul></div></div><div class="component rich-text contact-box"><div class="component-content"><h3>Media contacts</h3><p>Kestrel Communications<br>media@kestrelsteel.example<br>+1 412 555 0100</p></div></div></div></div>'
            f'<div class="row"><div class="component social-share"><div class="component-content"><span>Share</span><a>LinkedIn</a><a>X</a><a>Email</a></div></div></div></div></main>'
            f'{footer("Kestrel Steel Corporation", "component footer")}</div>{cookie_banner("onetrust-banner-sdk")}</body></html>')


def aem(story: Story, name: str) -> str:
    """Adobe Experience Manager core components: `aem-Grid` of `text aem-GridColumn` wrappers, each with
    one `cmp-text` holding a few paragraphs, an `image` and a `teaser` component between them, `cmp-title`
    for the headline; a press-contact text component and an experience-fragment footer."""
    title, dek, body = story
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f"<h3>{e(t)}</h3>")
    col = "aem-GridColumn aem-GridColumn--default--12"
    def text(chunk: list[str], n: int) -> str:
        return f'<div class="text {col}"><div id="text-{token(name + str(n), 10).lower()}" class="cmp-text">{"".join(chunk)}</div></div>'
    chunks = thirds(parts, 4)
    teaser = (f'<div class="teaser {col}"><div class="cmp-teaser"><div class="cmp-teaser__content"><h3 class="cmp-teaser__title"><a class="cmp-teaser__title-link">Sustainability at Kestrel</a></h3>'
              f'<div class="cmp-teaser__description"><p>Our 2024 sustainability report sets out how we will cut emissions at every site.</p></div><div class="cmp-teaser__action-container"><a class="cmp-teaser__action-link">Read the report</a></div></div></div></div>')
    image = f'<div class="image {col}"><div class="cmp-image" itemscope itemtype="http://schema.org/ImageObject"><img class="cmp-image__image" src="/content/dam/kestrel/news/eaf.jpg" alt=""><span class="cmp-image__title">Electric arc furnace, Gary works</span></div></div>'
    grid = text(chunks[0], 0) + image + text(chunks[1], 1) + teaser + "".join(text(c, 2 + k) for k, c in enumerate(chunks[2:]))
    return (head(title) + f'<body class="page basicpage"><div class="root container responsivegrid"><div class="cmp-container"><div class="aem-Grid aem-Grid--12 aem-Grid--default--12">'
            f'<div class="experiencefragment {col}"><div class="cmp-experiencefragment cmp-experiencefragment--header"><div class="cmp-container"><a class="cmp-image__link" href="/">Kestrel Steel</a><div class="cmp-navigation">{nav("cmp-navigation__group", "cmp-navigation__item", "cmp-navigation__item-link")}</div></div></div></div>'
            f'<div class="container responsivegrid {col}"><div class="cmp-container"><div class="aem-Grid aem-Grid--12 aem-Grid--default--12">'
            f'<div class="breadcrumb {col}"><nav class="cmp-breadcrumb"><ol class="cmp-breadcrumb__list"><li class="cmp-breadcrumb__item"><a>Home</a></li><li class="cmp-breadcrumb__item"><a>Newsroom</a></li></ol></nav></div>'
            f'<div class="title {col}"><div class="cmp-title"><h1 class="cmp-title__text">{e(title)}</h1></div></div>'
            f'<div class="text {col}"><div class="cmp-text"><p><i>{e(dek or "")}</i></p><p>October 7, 2025</p></div></div>'
            f'{grid}'
            f'<div class="separator {col}"><div class="cmp-separator"><hr class="cmp-separator__horizontal-rule"></div></div>'
            f'<div class="text {col}"><div class="cmp-text"><p><b>Media contact</b><br>Kestrel Communications, media@kestrelsteel.example</p></div></div>'
            f'<div class="list {col}"><ul class="cmp-list">' + "".join(f'<li class="cmp-list__item"><a class="cmp-list__item-link"><span class="cmp-list__item-title">{t}</span></a></li>' for t, _ in [("Kestrel reports third-quarter shipments", ""), ("Kestrel names new chief financial officer", ""), ("Cleveland works marks 100 years", "")])
            + f'</ul></div></div></div></div>'
            f'<div class="experiencefragment {col}"><div class="cmp-experiencefragment cmp-experiencefragment--footer">{footer("Kestrel Steel Corporation", "cmp-footer")}</div></div></div></div></div></body></html>')


# --- wire services -----------------------------------------------------------------------------------------

ABOUT = {"Voltbridge": "Voltbridge Recycling, Inc. recovers battery-grade metals from end-of-life batteries and manufacturing scrap at plants in Ohio and Ontario. For more information, visit www.voltbridge.example.",
         "Northgate": "Northgate Metals Corp. operates the Hudson zinc smelter and two mines in Quebec and Ontario, and employs about 1,900 people.",
         "Aurora": "Aurora Copper Corp. is a Canadian exploration and development company focused on the Red Hill copper-gold project in British Columbia.",
         "Harbor": "Harbor Alloys, Inc. makes nickel and cobalt alloy plate, sheet and bar for aerospace, energy and chemical customers from mills in Texas and Pennsylvania."}
FLS = ("This news release contains forward-looking statements within the meaning of applicable securities laws, including statements about the timing of construction, production, permits and financing. "
       "Forward-looking statements are based on assumptions that management believes are reasonable but are subject to risks and uncertainties that could cause actual results to differ materially. "
       "Readers should not place undue reliance on forward-looking statements. The company undertakes no obligation to update them except as required by law.")


def prnewswire(story: Story, name: str) -> str:
    """PR Newswire's current release page: the body in several `div.row` > `div.col-lg-10` siblings of
    `release-body` (split where the release has a table or image), then About, FLS, contacts and SOURCE as
    paragraphs of the last one; a multimedia gallery and 'Also from this source' around."""
    title, dek, body = story
    company = next(c for c in ABOUT if c in story[2][0][1])
    parts = blocks(body, lambda t, k: f"<p>{e(t)}</p>", lambda t: f"<p><b>{e(t)}</b></p>", ul='<ul type="disc">', table_cls="prntbl")
    rows: list[list[str]] = [[]]
    for part in parts:
        if part.startswith("<table"):
            rows += [[f'<div class="table-responsive">{part}</div>'], []]
        else:
            rows[-1].append(part)
    rows[-1] += [f"<p><b>About {company}</b></p>", f"<p>{e(ABOUT[company])}</p>", "<p><b>Forward-Looking Statements</b></p>", f"<p>{e(FLS)}</p>",
                 f"<p>Media contact: Jenna Cole, press@{company.lower()}.example, +1 502-555-0147</p>", f'<p id="PURL">SOURCE {company}</p>']
    body_html = "".join(f'<div class="row"><div class="col-lg-10 col-lg-offset-1">{"".join(r)}</div></div>' for r in rows if r)
    return (head(title) + f'<body><div class="pnr-header">{nav("navbar navbar-default")}<a class="btn">Send a Release</a><a>Sign up</a></div>'
            f'<header class="container release-header"><div class="row"><div class="col-sm-8 col-lg-9"><h1>{e(title)}</h1><p class="subtitle">{e(dek or "")}</p></div></div>'
            f'<div class="row"><div class="col-lg-8 col-md-8 col-sm-7"><div class="release-header-meta"><div class="meta-info"><img src="/logo.png" alt="{company} logo"><p class="mb-no">News provided by</p><a class="font-bold" href="/news/{company.lower()}">{company}</a></div>'
            f'<p class="mb-no">Sep 09, 2025, 07:00 ET</p></div></div><div class="col-lg-4 col-md-4 col-sm-5"><div class="social-share"><span>Share this article</span><a>Facebook</a><a>X</a><a>LinkedIn</a><a>Email</a></div></div></div></header>'
            f'<div class="container"><div class="row"><div class="col-sm-12"><div class="release-multimedia"><figure><img src="/mm/photo.jpg"><figcaption>{company} site photo (PRNewsfoto/{company})</figcaption></figure></div></div></div></div>'
            f'<section class="release-body container">{body_html}</section>'
            f'<section class="container"><div class="row"><div class="col-sm-12"><h3>Also from this source</h3>{teasers(7, 4, "div", "card", "card-title")}'
            f'<h3>Explore</h3><ul class="list-inline"><li><a>Mining &amp; Metals</a></li><li><a>Environmental Products &amp; Services</a></li><li><a>Earnings</a></li></ul>'
            f'<h3>News Releases in Similar Topics</h3>{teasers(2, 4, "div", "card", "card-title", False)}</div></div></section>'
            f'{footer("Cision US Inc.", "footer")}{cookie_banner("onetrust-banner-sdk")}</body></html>')


def globenewswire(story: Story, name: str) -> str:
    """GlobeNewswire: `main-body-container article-body` with `itemprop="articleBody"` (paragraphs in
    `<p align="justify">`, lists and tables inline), About / FLS / contact paragraphs inside it, the
    attachments, tags and 'Related links' after, a release-info sidebar."""
    title, dek, body = story
    company = next(c for c in ABOUT if c in story[2][0][1])
    parts = blocks(body, lambda t, k: f'<p align="justify">{e(t)}</p>', lambda t: f'<p align="justify"><strong>{e(t)}</strong></p>',
                   ul='<ul type="disc">', table_cls="gnw_table_border_collapse")
    tail = (f'<p align="justify"><strong>About {company}</strong></p><p align="justify">{e(ABOUT[company])}</p>'
            f'<p align="justify"><strong>Cautionary Note Regarding Forward-Looking Information</strong></p><p align="justify">{e(FLS)}</p>'
            f'<p align="justify"><strong>For further information, please contact:</strong><br>Investor Relations<br>Tel: +1 604 555 0188<br>Email: ir@{company.lower()}.example</p>')
    return (head(title) + f'<body><div class="page-wrapper"><header class="main-header"><a class="logo" href="/">GlobeNewswire</a>{nav("main-nav")}<a>Sign In</a><a>Register</a></header>'
            f'<div class="main-container container"><div class="row"><div class="col-lg-8"><div class="main-header-container"><h1 class="article-headline">{e(title)}</h1>'
            f'<p class="article-published-source"><span class="article-published"><time datetime="2025-09-09T11:00:00Z">September 09, 2025 07:00 ET</time></span> | Source: <a>{company}</a></p><h2 class="article-subheadline">{e(dek or "")}</h2></div>'
            f'<div class="main-body-container article-body" id="main-body-container" itemprop="articleBody">{"".join(parts)}{tail}</div>'
            f'<div class="main-attachments-container"><h3>Attachments</h3><ul><li><a>Red Hill Site Plan</a></li><li><a>Red Hill Cross Section</a></li></ul></div>'
            f'<div class="main-tags-container"><span>Tags</span><a>copper</a><a>feasibility study</a><a>British Columbia</a></div>'
            f'<div class="related-links"><h3>Related Links</h3><ul><li><a>www.{company.lower()}.example</a></li></ul></div></div>'
            f'<div class="col-lg-4"><aside class="release-info"><h3>Contact Data</h3><p>Investor Relations, +1 604 555 0188</p><h3>Recent releases</h3>{teasers(3, 4, "div", "recent-release", "recent-release-title", False)}'
            f'<h3>Subscribe via RSS</h3><a>Subscribe via ATOM</a><a>Javascript</a></aside></div></div></div>'
            f'{footer("GlobeNewswire, Inc.", "footer")}</div>{cookie_banner("cookie-consent")}</body></html>')


# --- nested outlines ---------------------------------------------------------------------------------------

def _parts(body: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The body cut at its headings: the opening, then one part per heading."""
    out: list[list[tuple[str, str]]] = [[]]
    for kind, text in body:
        if kind == "h2":
            out.append([])
        out[-1].append((kind, text))
    return [p for p in out if p]


def outline_nested(story: Story, name: str) -> str:
    """An HTML5 outline as a headless CMS renders nested slices: every part a `<section>` (in a wrapper
    `<section>`) inside the part before it, so the last part, the longest, is the deepest block of the
    page; the headline, a share bar and the author's box in the `<article>` around it."""
    title, dek, body = story
    parts = ["".join(blocks(p, lambda t, k: f"<p>{e(t)}</p>")) for p in _parts(body)]
    nested = ""
    for k in range(len(parts) - 1, 0, -1):
        nested = f'<section class="slice"><section id="{token(name + str(k), 6).lower()}" class="slice__body">{parts[k]}{nested}</section></section>'
    return (head(title) + f'<body><header class="site-header"><a href="/">Field Notes</a>{nav("site-nav")}</header><main id="main">'
            f'<article id="{token(name, 16)}" class="block_inner pt-0"><header class="post-header"><h1>{e(title)}</h1><p class="post-dek">{e(dek or "")}</p>'
            f'<p class="post-meta">By Ruth Okonjo · Updated April 14, 2025</p></header><div class="share"><a>Share</a><a>Copy link</a></div>'
            f'<section class="slice slice--intro">{parts[0]}</section>{nested}'
            f'<div class="author-box"><img src="/ruth.jpg" alt=""><p>Ruth Okonjo writes about small industrial businesses.</p></div></article>'
            f'<aside class="related"><h2>Keep reading</h2>{teasers(0, 5, "div", "card", "card__title")}</aside></main>'
            f'{footer("Field Notes", "site-footer")}</body></html>')


def outline_slices(story: Story, name: str) -> str:
    """Prismic-style slices side by side in the `<article>`, the last one a list of items, each item a
    `<section>` three levels into it (slice > items > item > text): the items, the longest part of the
    story, are where the scoring lands, four `<section>`s below the opening slices."""
    title, dek, body = story
    parts = _parts(body)
    head_parts = "".join(f'<section class="slice">{"".join(blocks(p, lambda t, k: f"<p>{e(t)}</p>"))}</section>' for p in parts[:-1])
    last = parts[-1]
    heading = "".join(f"<h2>{e(t)}</h2>" for kind, t in last if kind == "h2")
    items = [t for kind, t in last if kind != "h2"]
    cells = "".join(f'<section id="item-{k}" class="slice__item"><section class="slice__text"><p>{e(t)}</p></section></section>' for k, t in enumerate(items))
    return (head(title) + f'<body><div id="__next"><header class="site-header"><a href="/">Gear Desk</a>{nav("site-nav")}</header><main>'
            f'<article id="{token(name, 16)}" class="block_inner pt-0"><h1>{e(title)}</h1><p class="byline">By Sam Ortiz · March 3, 2025</p>'
            f'{head_parts}<section class="slice slice--list">{heading}<section class="slice__items">{cells}</section></section>'
            f'<div class="callout callout--grey"><p>We may earn a commission when you buy through links on this page.</p></div></article>'
            f'<aside class="more"><h2>More guides</h2>{teasers(4, 6, "div", "card", "card__title")}</aside></main>'
            f'{footer("Gear Desk", "site-footer")}</div></body></html>')


def longer(story: Story, more: Story, heading: str) -> Story:
    """`story` with a last part, under `heading`, made of the paragraphs of `more`: the longest part of the page."""
    return story[0], story[1], story[2] + [("h2", heading)] + [(k, t) for k, t in more[2] if k == "p"]


LONGREAD = longer(ESSAY, NEWSROOM, "What the mill sees")
NEWSROOM_MARKET = longer(NEWSROOM, COPPER, "The copper market")
ZINC_SMELTERS = longer(ZINC, ALUMINIUM, "Smelters")


PAGES: dict[str, tuple[Callable[[Story, str], str], Story]] = {
    "ghost-essay": (ghost, ESSAY), "ghost-tin": (ghost, TIN),
    "medium-essay": (medium, ESSAY), "medium-zinc": (medium, ZINC),
    "blogger-essay": (blogger, ESSAY), "blogger-scrap": (blogger, SCRAP),
    "tumblr-essay": (tumblr, ESSAY), "tumblr-yard": (tumblr, YARD),
    "typepad-essay": (typepad, ESSAY), "typepad-copper": (typepad, COPPER),
    "brightspot-newsroom": (brightspot, NEWSROOM), "brightspot-nickel": (brightspot, NICKEL),
    "wpvip-newsroom": (wpvip, NEWSROOM), "wpvip-lithium": (wpvip, LITHIUM),
    "gatsby-essay": (gatsby, ESSAY), "gatsby-steel": (gatsby, STEEL),
    "hubspot-newsroom": (hubspot, NEWSROOM), "hubspot-aluminium": (hubspot, ALUMINIUM),
    "sitecore-newsroom": (sitecore, NEWSROOM), "sitecore-steel": (sitecore, STEEL),
    "aem-newsroom": (aem, NEWSROOM), "aem-copper": (aem, COPPER),
    "prnewswire-globe": (prnewswire, GLOBE), "prnewswire-smelter": (prnewswire, SMELTER),
    "globenewswire-globe": (globenewswire, GLOBE), "globenewswire-battery": (globenewswire, BATTERY),
    "globenewswire-irq3": (globenewswire, IRQ3),
    "outline-nested-longread": (outline_nested, LONGREAD), "outline-nested-zinc": (outline_nested, ZINC_SMELTERS),
    "outline-nested-newsroom": (outline_nested, NEWSROOM_MARKET), "outline-slices-zinc": (outline_slices, ZINC_SMELTERS),
    "outline-slices-longread": (outline_slices, LONGREAD), "outline-slices-newsroom": (outline_slices, NEWSROOM),
}


def main() -> None:
    for name, (make, story) in PAGES.items():
        (HERE / f"{name}.html").write_text(make(story, name), "utf-8")
        (HERE / f"{name}.gold.json").write_text(json.dumps({"title": story[0], "articleBody": gold(story[2])},
                                                           ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
