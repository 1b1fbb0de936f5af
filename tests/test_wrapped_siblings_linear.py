"""Hang guard for the sibling pass of the root's wrapped boxes (html/score._with_siblings, `_like_wrapped_box`):
the root's best score down its chain of wrappers is read once, not once per sibling. Read per sibling, a root
whose wrapper chain ends in a box of many children (a story of N paragraphs) beside M siblings of its class
listed those N children M times: 8,000 x 8,000 added 4.4 s to clean() (0.97 MB page); 4,000 x 4,000 here took
10 s (2,000 x 2,000: 2.7 s)."""
from __future__ import annotations

import time

import lxml.html

from cleanfeed.html.score import _with_siblings


def _root_beside_many(children: int, siblings: int) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    items = "<p>x</p>" * children
    html = (f"<html><body><div id='c'><div class='w'><div><div>{items}</div></div></div>"
            + "<div class='w'></div>" * siblings + "</div></body></html>")
    doc = lxml.html.fromstring(html)
    top = doc.get_element_by_id("c")[0]
    story = top[0][0]
    return top, story


def test_a_wrapped_root_beside_many_boxes_of_its_class_is_read_in_linear_time() -> None:
    top, story = _root_beside_many(4_000, 4_000)
    raw = {story: 500.0}           # the story box scores; the root and its wrappers do not
    started = time.process_time()
    joined = _with_siblings(top, raw)
    assert time.process_time() - started < 1.0
    assert len(joined) == 4_001     # the same-class boxes join by the same-class rule, as before


def test_an_unwrapped_sibling_still_needs_the_class() -> None:
    top, story = _root_beside_many(3, 0)
    other = lxml.html.fromstring("<div class='v'></div>")
    top.getparent().append(other)
    assert _with_siblings(top, {story: 500.0}) == [top]
