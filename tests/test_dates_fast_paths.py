"""Fast paths of the dates engine's page walks answer exactly as the code they replace (issue 17, speed):
`article_root` asks libxml2 only for pieces long enough to count, and `text_piece_clues` reads the label
before a date only for a piece that holds one."""
from __future__ import annotations

from typing import Any

from lxml import etree

from cleanfeed.dates.blocks import PROSE_PIECE, article_root
from cleanfeed.dates.clues import PAGE
from cleanfeed.dates.layout import Layout
from cleanfeed.dates.scan import text_piece_clues
from cleanfeed.html.parse import parse_html

_ALL_TEXTS = etree.XPath("//body//text()[not(parent::script) and not(parent::style)"
                         " and string-length(normalize-space()) > 0]")
NO_LAYOUT = Layout(None, None, {})


def _reference_root(doc: Any) -> Any | None:
    """article_root as written before the length test moved into the XPath."""
    score: dict[Any, int] = {}
    for piece in _ALL_TEXTS(doc):
        text = str(piece).strip()
        if len(text) < PROSE_PIECE:
            continue
        parent = piece.getparent()
        if parent is None or parent.tag == "a" or any(a.tag == "a" for a in parent.iterancestors("a")):
            continue
        block = parent
        while block is not None and block.tag not in ("p", "div", "li", "td", "section", "article", "body"):
            block = block.getparent()
        root = block.getparent() if block is not None else None
        if root is not None and root.tag not in ("html", "body"):
            score[root] = score.get(root, 0) + len(text)
    best = max(score.items(), key=lambda kv: kv[1], default=None)
    return None if best is None or best[1] < 200 else best[0]


def test_article_root_counts_pieces_at_the_length_limit_and_not_below() -> None:
    exactly = "x" * PROSE_PIECE                          # counts: without it `c` is under 200 characters
    padded = "\u00a0" * 5 + "y" * (PROSE_PIECE - 1)     # long in XPath's eyes, short once Python strips it
    page = ("<html><body>"
            f"<div id='a'><p>{exactly}</p><p>{exactly}</p><p>{exactly}</p><p>{exactly}</p></div>"
            f"<div id='b'>{''.join(f'<p>{padded}</p>' for _ in range(12))}<p>{'w' * 180}</p></div>"
            f"<div id='c'><p>{'v' * 175}</p><p>{exactly}</p><span>{padded}</span></div>"
            "</body></html>")
    doc = parse_html(page)
    root = article_root(doc, NO_LAYOUT)
    assert root is not None and root.get("id") == "c"     # 205 characters; `b`'s padded pieces do not count
    assert root is _reference_root(doc)


def test_article_root_tie_goes_to_the_first_container_as_before() -> None:
    piece = "z" * 50
    doc = parse_html(f"<html><body><div id='one'>{('<p>' + piece + '</p>') * 5}</div>"
                     f"<div id='two'>{('<p>' + piece + '</p>') * 5}</div></body></html>")
    root = article_root(doc, NO_LAYOUT)
    assert root is not None and root.get("id") == "one" and root is _reference_root(doc)


def test_a_label_before_a_date_is_read_after_a_piece_with_a_digit_but_no_date() -> None:
    # `Rev. 2 – Datum:` holds a digit and no dated mention: it is still the piece before the date.
    doc = parse_html("<html><body><div><span>Rev. 2 – Datum:</span> <span>12.01.2017</span></div>"
                     "<p>Some running text of the article that is long enough.</p></body></html>")
    clues = text_piece_clues(doc, "de", NO_LAYOUT)
    assert [(c.mention.text, c.role, c.tier) for c in clues] == [("12.01.2017", "published", PAGE)]   # labelled


def test_a_copyright_piece_is_not_the_piece_before_the_next_date() -> None:
    # The copyright line is skipped whole: the label before the date stays the one read before it.
    doc = parse_html("<html><body><p><b>Datum:</b> <i>© 2019 Verlag</i> <i>12.01.2017</i></p></body></html>")
    clues = text_piece_clues(doc, "de", NO_LAYOUT)
    assert [(c.mention.text, c.role, c.tier) for c in clues] == [("12.01.2017", "published", PAGE)]
