"""Serve: hand `public/` to feed readers over HTTP.

`server` is a small threaded static server (ETag, Last-Modified, 304, gzip), `files` maps a request to
a file (never a path outside the folder) and keeps each file in memory until it changes, `validators`
holds the HTTP caching logic, `watch` cleans pages dropped into a folder and republishes.

May import: the ground floor, `cleanfeed.inputs`, `cleanfeed.rules`, `cleanfeed.store` and
`cleanfeed.publish`.
"""
