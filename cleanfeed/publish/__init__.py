"""Publishing: pages → store (`ingest`) and store → feed files (`publish`).

    >>> project = load_project(Path("."))
    >>> report = ingest(project, iter_pages(["seeds/"]))   # failures in report.failures, never raised
    >>> publish(project)                                   # public/<slug>.atom|rss|json, index.html, feeds.opml

Only `xmlfeeds` imports feedgen; the rules that make a feed valid live in `items`.
"""
from __future__ import annotations

from .ingest import Failure, Ingested, IngestReport, ingest
from .output import publish, render, write_atomic

__all__ = ["Failure", "IngestReport", "Ingested", "ingest", "publish", "render", "write_atomic"]
