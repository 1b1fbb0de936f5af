"""Text: cleaning a page that is plain text, and the text helpers the HTML path shares.

Plain-text pages (`clean`), whole-page text dumps with menus and footers left in (`dump`, scored line by
line in `linescore`), metadata lines near the headline (`headerlines`), language identification
(`language`) and the feed summary (`summary`). Pure functions: text and rules in, a `Draft` out.

May import: the ground floor and `cleanfeed.rules`.
"""
