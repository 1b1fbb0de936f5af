"""Corpus: clean whole crawls on a Dask cluster (`cleanfeed clean-corpus`).

`parts` plans partitions from file sizes alone (groups of files, byte ranges of JSON Lines and WARC),
`worker` cleans one partition in a child process, `shards` reads and writes the output records, `run`
drives the cluster and puts the shards into the store through the store's gate.

May import: the ground floor, `cleanfeed.inputs`, `cleanfeed.rules`, `cleanfeed.pipeline` and
`cleanfeed.store`.
"""
