"""Code the test files share, imported as `from helpers.<module> import …` (pytest puts tests/ on sys.path;
the Dask workers of the corpus tests get it on PYTHONPATH). No test file imports another test file.

  data         the fixture sets under tests/data (ground truth, pages)
  scoring      the extraction metric (4-token shingles, page-averaged precision and recall)
  feedcheck    offline feed checks after the W3C feed validator's rules
  feeds        synthetic projects, articles, pages and stores for the feed and store tests
  warcbuild    WARC files written by hand and with warcio
  servekit     a `cleanfeed serve` process and HTTP requests to it
  corpusbuild  a generated corpus (page folder, JSON Lines, WARC) for the clean-corpus tests
  faulty       a cleaner with injected faults, run on Dask workers by name
  stories      hand-written news bodies for the story-grouping tests
"""
