"""html/captions.py: a figure's caption stays in the body HTML, the photo credit inside it goes."""
from __future__ import annotations

import time

import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleanfeed.html.captions import _credit_needs, _may_hold_credit, drop_caption_credits
from cleanfeed.rules.html_words import html_words


def _after(caption: str) -> tuple[str, list[str]]:
    body = lxml.html.fromstring(f"<div><figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure></div>")
    removed = drop_caption_credits(body)
    cap = body.find(".//figcaption")
    return (" ".join(cap.text_content().split()) if cap is not None else ""), [r.text for r in removed]


def test_a_credit_element_goes_and_the_text_after_it_stays() -> None:
    text, removed = _after("Anode casting. <span class='photo-credit'>Photo: A Roe</span> Taken in May.")
    assert text == "Anode casting. Taken in May."
    assert removed == ["Photo: A Roe"]


def test_a_credit_sentence_at_the_end_goes() -> None:
    for credit in ("Photograph: Rafi Gunawan for Alloy Brief", "(Photo by Ilse Brandt)",
                   "Image courtesy of Voltcycle GmbH", "<em>Credit: Hanne Vos</em>", "© Agency"):
        text, removed = _after(f"Bulk bags of black mass wait for shipment. {credit}")
        assert text == "Bulk bags of black mass wait for shipment.", credit
        assert removed


def test_a_caption_without_a_credit_is_unchanged() -> None:
    for caption in ("Benchmark zinc treatment charges, dollars per tonne, 2019–2026.",
                    "Source rock samples from the mine are sorted by grade.",
                    "A trader shows a photo of the warehouse on his phone."):
        assert _after(caption) == (caption, [])


def test_a_caption_that_is_only_a_credit_goes_whole() -> None:
    body = lxml.html.fromstring("<div><figure><img src='a.jpg'><figcaption><span class='credit'>Reuters</span>"
                                "</figcaption></figure></div>")
    drop_caption_credits(body)
    assert body.find(".//figcaption") is None and body.find(".//img") is not None


_PIECES = ["Photo", "PHOTO", "photograph", "Pics", "Image", "İmage", "ſource", "Source", "file photo", "Credit",
           "Courtesy", "ILLUSTRATION", "graphics", "foto", "©", ": ", " by ", " of ", "A Roe", "Agency", ".", "(",
           ")", " ", "\n      ", "|", "picture", "Anode casting"]


@settings(max_examples=400, deadline=None)
@example("Anode casting. ſource: Agency")
@example("Anode casting. İmage: A Roe")
@example("© Agency")
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_the_credit_prefilter_never_refuses_a_credit(text: str) -> None:
    """`_may_hold_credit` looks for the words `credit_tail` itself requires: it lets through every caption
    text the regex finds a credit in (upper case, `İ`, the long s that `re.I` reads as `s` included)."""
    if html_words().credit_tail.search(text):
        assert _may_hold_credit(text), text


def test_an_indented_caption_without_a_credit_word_is_not_searched() -> None:
    assert "photo" in _credit_needs() and "©" in _credit_needs()
    assert not _may_hold_credit("\n" + " " * 44 + "Memory leak in action\n" + " " * 40)
    text, removed = _after("\n" + " " * 44 + "Memory leak in action\n" + " " * 40)
    assert text == "Memory leak in action" and removed == []


def test_long_space_runs_in_a_caption_are_read_in_linear_time() -> None:
    """Indented source can put hundreds of spaces in a caption; the old tail regex took 19 s on 1,000."""
    start = time.process_time()
    text, removed = _after("Ingots" + " " * 5000 + "stacked" + " " * 5000 + "| (Photo by A Roe)")
    kept, _ = _after("Photo:" + " " * 5000 + "ingots stacked. More" + " " * 5000 + "text")
    assert time.process_time() - start < 3.0
    assert text == "Ingots stacked" and removed == ["| (Photo by A Roe)"]
    assert kept == "Photo: ingots stacked. More text"
