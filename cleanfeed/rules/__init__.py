"""Rules: what cleanfeed knows about sites, as data.

Site rules (`cleaners/*.toml`: `site`, with the `[crawl]` section in `crawlrule` and value checks in
`values`) and the generic boilerplate rules shipped in `cleanfeed/data/` (one line at a time in
`linerules`, which lines a rule may match at all in `linematch` and `opening`; the rules beyond one line in
`textrules`; the class of every removal, for `--explain`, in `classes`), FiveFilters ftr-site-config files
(`cleaners/*.txt`: read by `ftr`, looked up by host in `ftrlookup`), line templates learned from many
pages of one site (`learned`), the small logistic models shipped as data (`logistic`: the page-type
models of text dumps and HTML pages), the feed project's `feeds/*.toml`
(`project`), and strict TOML reading that names the file and key of every mistake (`tomlfile`).

May import: the ground floor (`cleanfeed.model`, `errors`, `timeutil`, `textnorm`, `urlnorm`) and
`cleanfeed.text.language` for language tags.
"""
