"""A photo slideshow embedded in a story's body, its legends numbered `1/50` … `50/50` (i17cr, issue 17: mozilla-multi
f2, rotated into dev this round). A news site drops a widget of another set of stories into the story's text: a
heading (`Business news in pictures`), a strip of thumbnails with `50 show all`, then the full gallery's legends,
each a counter, a title and a paragraph-long caption. Readability leaves it out and so does the truth; cleanfeed keeps
it, 2,900 words under a 770-word story (page F1 0.31 against readability's 0.91). That page is f2's gap to
readability: f2 0.9447 against 0.9599; with readability's output on that page alone, 0.9591 (precision 0.9705
against 0.9747, from 0.9444).
Not acted on, measured first (totals only for held-out folds):
- the structure (leaf counters k/N, k = 1..N each once, N >= 8) is on 1 page of the 1,808 of aeb-en, wcxb-dev-en,
  wcxb-dev-other and mozilla-multi, all folds: this one. Looser (N >= 5, 80% of k, 5+ counters): aeb-en f2 1,
  wcxb-dev-other f4 4, mozilla f3/f4 0, so no held-out mozilla fold can gain from it;
- counter runs on the other sets' dev folds hold the story (wcxb-dev-en f0+f1 6,739 of 7,022 kept 3-grams gold, on
  3 pages: a post's body, a grid section, a comment list), and elements with a gallery / slideshow / carousel / slider
  class word hold gold in the news sets (aeb-en 2,285 of 2,287, wcxb-dev-en 27,838 of 29,229 kept 3-grams);
so a rule would be tuned on one page. The xfail stays strict; the guards say what a rule must keep.
The rest of f2's kept noise is small and is story elsewhere: an embedded tweet (1 page, 20 words; aeb-en f0+f1 tweets
285 of 285 kept 3-grams gold), an aria-hidden element (1 synthetic page, 2 words; wcxb-dev-en 1,080 of 1,101 gold),
the standfirst (1 page, 25 words; i17cp's header class).
"""
from __future__ import annotations

import pytest

from cleanfeed import clean

PROSE = ("The board met on Tuesday evening to settle the dredging schedule for the coming winter, after a season "
         "in which two ferries ran aground on the silted channel near the old grain quay.")
MORE = ("Residents of the quay cottages asked for the work to stop at night, and the board agreed to keep the "
        "dredger idle between ten in the evening and six in the morning on every day of the contract.")
TOPICS = ["Grain prices climb", "Shipyard wins order", "Ferry operator merges", "Port tolls frozen",
          "Bakery chain expands", "Tram line approved", "Fish market moves", "Canal lock repaired", "Brewery sold",
          "Rail freight doubles", "Harbour hotel opens", "Salt works closes"]


def _caption(topic: str) -> str:
    return (f"{topic} after a long quarter, the company said on Monday, in a statement that also named a new "
            "finance chief and promised a review of its warehouses along the estuary by the end of the year.")


def _page(body: str, title: str = "Dredging to pause at night") -> str:
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
            f"</nav><article><h1>{title}</h1><div class='text'>{body}</div></article>"
            "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>")


def _legends(n: int) -> str:
    return "".join(f"<li><h2><span class='counter'>{i}/{n}</span> {t}</h2><p>{_caption(t)}</p>"
                   "<p class='credits'>GETTY IMAGES</p></li>" for i, t in enumerate(TOPICS[:n], 1))


WIDGET = ("<div class='widget'><h2>Business news in pictures</h2><ul><li><a href='#'><span>12</span> show all</a>"
          f"</li></ul><div class='full'><h2>Business news in pictures</h2><ul class='legends'>{_legends(12)}</ul>"
          "</div></div>")
STORY = f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE} {MORE}</p>"


@pytest.mark.xfail(strict=True, reason="i17cr: a slideshow widget inside the story's body is kept; a rule would "
                   "rest on one page of every set (module docstring)")
def test_a_slideshow_widget_in_the_body_goes() -> None:
    text = clean(_page(STORY + WIDGET), url="https://gazette.example/news/harbour/dredging").text
    assert "The board met on Tuesday" in text
    assert "Shipyard wins order" not in text
    assert "Business news in pictures" not in text


STEPS = "".join(f"<h3>Step {i} of 5</h3><p>{t}: {PROSE}</p>" for i, t in enumerate(TOPICS[:5], 1))


def test_numbered_steps_with_counters_stay() -> None:
    text = clean(_page(f"<p>{MORE}</p>{STEPS}", "How the quay was rebuilt"),
                 url="https://gazette.example/news/harbour/quay-rebuilt").text
    assert "Step 3 of 5" in text
    assert f"Ferry operator merges: {PROSE}" in text


def test_a_gallery_page_keeps_its_captions() -> None:
    body = f"<p>{MORE}</p><ul class='legends'>{_legends(8)}</ul>"
    text = clean(_page(body, "The harbour year in pictures"),
                 url="https://gazette.example/pictures/harbour-year").text
    assert _caption("Shipyard wins order") in text
    assert _caption("Canal lock repaired") in text
