"""The body HTML rebuilt from the blocks that survived the filters, so `text` and `html` always say the same
thing: lists regrouped, quotes rewrapped, images as figures with their captions, the headline's level
lowered (the feed entry's title is the `h1`)."""
from __future__ import annotations

import html as htmlmod

from cleanfeed.html.blocks import HEADINGS, Block


def blocks_html(blocks: list[Block]) -> str:
    """Body HTML from blocks: lists regrouped, quotes rewrapped, images as figures with their captions."""
    out: list[str] = []
    open_list = open_quote = 0
    list_tag = ""
    for i, b in enumerate(blocks):
        if open_list and b.list_id != open_list:
            out.append(f"</{list_tag}>")
            open_list = 0
        if open_quote and b.quote_id != open_quote:
            out.append("</blockquote>")
            open_quote = 0
        if b.quote_id and not open_quote:
            out.append("<blockquote>")
            open_quote = b.quote_id
        if b.kind == "li":
            if not open_list:
                list_tag = b.list_tag or "ul"
                out.append(f"<{list_tag}>")
                open_list = b.list_id
            out.append(f"<li>{b.html}</li>")
        elif b.kind == "img":
            caption = blocks[i + 1].html if i + 1 < len(blocks) and blocks[i + 1].kind == "figcaption" else ""
            out.append(f'<figure><img src="{htmlmod.escape(b.html)}">'
                       + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>")
        elif b.kind == "figcaption":
            if i == 0 or blocks[i - 1].kind != "img":
                out.append(f"<p><small>{b.html}</small></p>")
        elif b.kind in HEADINGS:
            level = b.kind if b.kind != "h1" else "h2"
            out.append(f"<{level}>{b.html}</{level}>")
        elif b.kind == "pre":
            out.append(f"<pre>{htmlmod.escape(b.text, quote=False)}</pre>")
        elif b.kind == "table":
            out.append(b.html)
        else:
            out.append(f"<p>{b.html.replace(chr(10), '<br>')}</p>")
    if open_list:
        out.append(f"</{list_tag}>")
    if open_quote:
        out.append("</blockquote>")
    return "".join(out)
