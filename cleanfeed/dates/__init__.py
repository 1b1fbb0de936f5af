"""Dates: the publication and last-update dates of a page, each with its provenance.

`engine.find_dates` is the stage: a cascade read top to bottom (JSON-LD, meta tags, `<time>` in the article, a
header near the headline (`header`, over the text around it that `nearhead` reads), the URL, the dateline,
later body dates), where every strategy returns the dates it saw as clues (`html`, `text` with the rows the
text cleaner cut in `cutrows`, `blocks`, `scan`, `url`), each resolved against the fetch time and the page's
zone (`resolve`), with the date grammar in `patterns`, `machine` and `vocab.toml` (an update printed as a clock
alone after the publication, `mis à jour à 14h05`, in `sameday`; reading text that `cjk` and
`calendars` first fold: full-width forms, Chinese numerals, ROC years, other digits, Solar Hijri dates), the
page regions that never count (teasers, comments, footers) in `layout`, and the rules that overrule the order
of trust when dates disagree in `arbitrate`. The day a page prints decides a UTC stamp's local day, in the
zones of the country the page declares (`localzone`), and `shown` writes each winner in that offset; a
whole-page text dump's own date lines are read by `dumpdays`; `explain` lists for `--explain` every date
considered and why it won or lost.

May import: the ground floor and `cleanfeed.text`.
"""
