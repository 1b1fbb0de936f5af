"""html/typemodel.py on odd input (review r6): a long run of figures is read in linear time."""
from __future__ import annotations

import time

import lxml.html

from cleanfeed.html.metadata import Metadata
from cleanfeed.html.typemodel import page_features


def test_a_long_run_of_figures_is_counted_in_linear_time() -> None:
    # `\d[\d,.]*\s?USD` was tried from every figure of a run and each try read to the run's end: a table's data
    # printed as `1,1,1,…` (40,000 characters, no space) took 9 s
    doc = lxml.html.fromstring(f"<html><body><p>{'1,' * 20000} and 12.5 USD, $3</p></body></html>")
    started = time.process_time()
    feats = page_features(doc, doc, ["A line."], Metadata(), None, None, 0)
    assert time.process_time() - started < 1.0
    assert feats["prices"] == page_features(lxml.html.fromstring("<p>12.5 USD, $3</p>"), lxml.html.fromstring(
        "<p>12.5 USD, $3</p>"), ["A line."], Metadata(), None, None, 0)["prices"] > 0
