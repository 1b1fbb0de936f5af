"""Inputs: where pages come from, read into `Page` records (bytes or text + url, fetch time, content type).

Files with their `<file>.meta.json` sidecars, folders, stdin and JSON Lines (`files`), WARC archives
(`warc`, with `crawlnotes` joining cleanfeed's own multi-page articles again), and turning bytes into text
(`decode`). Readers touch the disk but never clean: each yields a
Page, or the error for an input that cannot be read, so one bad file never stops a batch.

May import: the ground floor (`cleanfeed.model`, `errors`, `timeutil`, `urlnorm`, `textnorm`).
"""
