"""Crawl: find and fetch new article pages of sites that publish no feed, or only a teaser feed.

`discover` walks a site's listing pages, feeds (`feeds`) and sitemaps, `links` finds the article links, next
pages and sitemap entries on them (pure), `pagination` and `multipage` fetch an article's later pages, `run`
crawls a project's sites and stores what it fetched, `fetch` is the HTTP client (timeouts, size limits,
redirects by hand, conditional GET), `polite` obeys robots.txt and per-host delays, `cache` keeps validators
between runs, `archive` writes every request and response to a WARC file.

May import: the ground floor, `cleanfeed.inputs`, `cleanfeed.rules`, `cleanfeed.store` and
`cleanfeed.publish`.
"""
