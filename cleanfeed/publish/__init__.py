"""Publish: store → feed files (Atom 1.0, RSS 2.0, JSON Feed 1.1, index.html, OPML), written atomically.

`items` turns stored articles into feed items with the rules that make a feed valid (stable ids, unique
`updated`, absolute links), `stories` shows one item per story, `xmlfeeds` (the only module that imports
feedgen) and `jsonfeed` render, `site` writes the HTML index and OPML, `output` writes every file of
a project atomically from one consistent read of the store.

May import: the ground floor, `cleanfeed.rules`, `cleanfeed.text` and `cleanfeed.store`.
"""
