"""Store: the SQLite store of raw pages and clean articles, and the one gate into it.

`db.Store` keeps each raw page and its Article under a stable id (`identity`: from the URL, else a
fingerprint of the opening body), with first-seen and changed-at times; nothing is lost on a crash.
`ingest` is the batch loop every way in goes through (clean, admit, write in batches, report failures
and skipped pages without raising); `gate.admit` checks and sanitizes every article before a write,
cleaned here or elsewhere (shards are untrusted input). Reprints are grouped into stories with MinHash
fingerprints (`fingerprint`) and an LSH index kept beside the articles (`stories`). `crashpoint` is the
crash-safety tests' hook.

May import: the ground floor, `cleanfeed.pipeline` (to clean pages at the gate), `cleanfeed.html` (its
sanitizer, applied again at the gate), `cleanfeed.rules` and `cleanfeed.text`.
"""
