"""Recall lost on one page or one site only (i17cx, issue 17: mozilla-multi f3, the dev fold of this round, where
cleanfeed trailed readability-lxml, 0.9653 against 0.9788, recall -0.040). Recorded, not acted on.

f3's gap is one page: `js-link-replacement`, readability.js's own test of a story wrapped in `<a href="javascript:">`
(3 words, `abc def ghi`). cleanfeed reads all of it as link text and refuses the page (recall 0 on a page of weight
1/26: -0.0385 of f3's -0.0398 recall). With readability's output on that page alone f3 is 0.9854 (P 0.9926, R
0.9782), above readability; without the page, cleanfeed 0.9848 against readability 0.9779. f3 per page, recall
against readability's (`bench/heldout.py compare readability base --sets mozilla-multi`, base = main d4e7dec), all
recall differences beyond -0.02, with the gold we dropped and the stage that dropped it (`Article.removed`):
  js-link-replacement  -1.000  the whole story, in a javascript: link: refused (link-dense, nothing left)
  wapo-1               -0.083  in-body `[Read: …]` links and a `Read more:` list (link-dense, related-list),
                               two captions (class:caption), the dateline `CAIRO —` (class:dateline)
  base-url             -0.081  words inside kept lines (no block dropped)
  wapo-2               -0.060  two photo/video captions (class:caption)
  lazy-image-1         -0.054  every section heading of a medium.com post (atomic CSS `gc gd … gg gh …`, whose
                               two-letter `gg` reads as the ad word: class:gg), a list of written-out URLs
                               (link-dense)
  lemonde-1            -0.030  `Lire aussi : …` in-body links (link-dense)
  medium-1, basic-tags-cleaning, pixnet, metadata-content-missing, buzzfeed-1: -0.020..-0.024, captions, a
  repeated title, a linked label.
Classes, and the same class on the dev folds (f0+f1) of aeb-en and wcxb-dev-en (gold words it would recover
against non-gold words it would add):
- a story inside a `javascript:` link: f3 one page (3 gold words; the same wrappers on wapo-1/2 and buzzfeed-1
  hold 104 non-gold words); aeb-en 0 gold / 13 non-gold, wcxb-dev-en 0 / 0 (javascript: links of any shape:
  aeb-en 0 / 58, wcxb-dev-en 43 / 165). One page: no class.
- atomic CSS class strings (5+ words of one or two letters) that hint() names: f3 medium.com only (lazy-image-1,
  medium-3: 39 gold / 0 non-gold); aeb-en and wcxb-dev-en f0+f1: no such named element. One site: no class.
- link-dense blocks (f3 131 gold / 27 non-gold words; the in-body `Read:` / `Lire aussi` lines of 3 sites are
  ~60 of them, at most +0.002 f3 recall): aeb-en 110 gold / 683 non-gold, wcxb-dev-en 2,854 / 6,498.
  Captions (class:caption, f3 92 gold / 31): aeb-en 0 gold, wcxb-dev-en 142 / 1,182. Both add more than they
  recover.
The strict xfails say what a rule would have to do; the guards what it must keep doing.

Tried and not kept (i17cy): in a class string holding more than MAX_NAMED_WORDS one- or two-letter words, those
words name nothing (as `hint` already does for weak words), so `gg`/`ad` among atoms is no ad. `bench/identity.py
--check` against d4e7dec: 3 pages of all sets moved; mozilla lazy-image-1 (f3, dev) F1 0.947 -> 0.973, but the two
held-out wcxb-dev-en pages that moved both fell (fold 3: 0.996 -> 0.990, fold 2: 0.992 -> 0.989; scores only, not
read). It does not carry: the xfail stays.
"""
from __future__ import annotations

import pytest

from cleanfeed import clean
from cleanfeed.errors import NoArticleError

PROSE = ("The board met on Tuesday evening to settle the dredging schedule for the coming winter, after a season "
         "in which two ferries ran aground on the silted channel near the old grain quay.")
MORE = ("Residents of the quay cottages asked for the work to stop at night, and the board agreed to keep the "
        "dredger idle between ten in the evening and six in the morning on every day of the contract.")
URL = "https://gazette.example/news/harbour/dredging"


def _page(body: str, title: str = "Dredging to pause at night") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
            f"</nav>{body}<footer><p>© 2026 Harbour Gazette</p></footer></body></html>")


def _text(html: str) -> str:
    try:
        return clean(html, url=URL).text
    except NoArticleError:
        return ""


@pytest.mark.xfail(strict=True, reason="i17cx: a story inside a javascript: link is all link text; one page of "
                   "every set (module docstring)")
def test_a_story_inside_a_script_link_is_kept() -> None:
    story = f"<a href='javascript:'><p>{PROSE}</p><p>{MORE}</p><p>{PROSE} {MORE}</p></a>"
    assert MORE in _text(_page(f"<article><h1>Dredging to pause at night</h1>{story}</article>"))


def test_script_link_toggles_still_go() -> None:
    toggles = ("<div class='top'><a href='javascript:void(0)'>Menu</a> <a href='javascript:void(0)'>Search the "
               "Harbour Gazette archive</a> <a href='javascript:void(0)'>Sign in to comment</a></div>")
    text = _text(_page(f"{toggles}<article><h1>Dredging to pause at night</h1><p>{PROSE}</p><p>{MORE}</p>"
                       "</article>"))
    assert MORE in text and "Search the Harbour Gazette archive" not in text


ATOMIC = "gc gd dg ay ax ge di gf dk gg gh gi gj"


@pytest.mark.xfail(strict=True, reason="i17cx: a two-letter atomic CSS class reads as an ad word (`gg`); one site "
                   "(module docstring)")
def test_a_heading_with_atomic_css_classes_is_kept() -> None:
    story = (f"<p class='hb hc'>{PROSE}</p><h1 class='{ATOMIC}'>Why the channel silts up</h1>"
             f"<p class='hb hc'>{MORE}</p><p class='hb hc'>{PROSE}</p>")
    text = _text(_page(f"<article><h1>Dredging to pause at night</h1>{story}</article>"))
    assert MORE in text and "Why the channel silts up" in text


def test_an_ad_box_still_goes() -> None:
    ad = "<div class='gg'><p>Advertisement: harbour cruises, book now and save a fifth on every crossing</p></div>"
    text = _text(_page(f"<article><h1>Dredging to pause at night</h1><p>{PROSE}</p>{ad}<p>{MORE}</p></article>"))
    assert MORE in text and "harbour cruises" not in text
