"""Text: cleaning a page that is plain text, and the text helpers the HTML path shares.

Plain-text pages (`clean`: headline and header; `body`: the paragraphs below them; `lines`: one line as the
rules see it; `markdown`: a page saved as Markdown, and `unwrap`: a text-mode browser's hard-wrapped dump,
made one line per block first, `cjkwrap`: the evidence for Chinese wrapped narrower than a browser),
whole-page text dumps with menus and footers left in (`dump`, scored line by line in `linescore`, the article
run chosen in `dumprun`; their headline in `dumphead`, their page type and a non-article's content in
`dumptype`),
metadata lines near the headline (`headerlines`), the boilerplate classes that one line cannot show
(`multiline`: lead labels, attachment lists, footers, credits, tickers), language identification (`language`)
and the feed summary (`summary`). Pure functions: text and rules in, a `Draft` out.

May import: the ground floor and `cleanfeed.rules`.
"""
