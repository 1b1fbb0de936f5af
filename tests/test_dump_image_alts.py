"""Image residue in whole-page dumps by real tools (issue 17, dump precision): a text browser prints an image as
its file name (`[divider.gif]`, `quay-roof.jpg`) and an image whose `<figcaption>` repeats its alt as that text
twice (lynx: `X X` on one line); the HTML path keeps none of it. Our own page, saved by lynx, w3m, html2text and
markdownify (tests/imagealts/SOURCE.md), stands for the class; the rules are also tested on lines alone.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import cleanfeed
from cleanfeed.rules.linerules import first_match, match_key
from cleanfeed.text.linescore import dump_rules

HERE = Path(__file__).parent / "imagealts"
STORY = ("The grain quay that stood empty", "Volunteers from the harbour trust", "Most of the stallholders",
         "The trust hopes to add a small museum")


def rule_of(line: str) -> str | None:
    hit = first_match(dump_rules(), match_key(line))
    return hit.rule if hit is not None else None


@pytest.mark.parametrize("dump", ["gallery_quay.lynx.txt", "gallery_quay.w3m.txt"])
def test_the_story_is_kept(dump: str) -> None:
    text = cleanfeed.clean((HERE / dump).read_bytes()).text
    for opening in STORY:
        assert opening in text


@pytest.mark.parametrize("dump", ["gallery_quay.lynx.txt", "gallery_quay.w3m.txt"])
def test_no_image_names_or_doubled_captions(dump: str) -> None:
    text = cleanfeed.clean((HERE / dump).read_bytes()).text
    assert ".gif" not in text and ".jpg" not in text      # w3m's `[divider]`, one bracketed word, stays
    assert "dawn. Stallholders" not in text and "high tide The hall" not in text


@pytest.mark.parametrize("line", ["[divider.gif]", "quay-roof-beams-restored.jpg", "[p0792688.jpg]",
                                  "wyze-sense-yellow.jpg wyze-sense-yellow.jpg", "[spacer.png]",
                                  "[dellg315.jpg?width=640&amp;fit=bounds&amp;height=480]",
                                  "[vw-id-space-concept]", "[how-to-ret]"])
def test_image_names(line: str) -> None:
    assert rule_of(line) == "image-name"


@pytest.mark.parametrize("line", ["Stallholders setting out bread and cheese at dawn. Stallholders setting out "
                                  "bread and cheese at dawn.", "The hall seen from the water at high tide The hall "
                                  "seen from the water at high tide", "Ferah Catering Ferah Catering"])
def test_doubled_lines(line: str) -> None:
    assert rule_of(line) == "doubled-line"


@pytest.mark.parametrize("line", ["The file was saved as report.jpg and sent to the editor.", "New York, New York",
                                  "Bye bye", "Tora! Tora! Tora!", "He said it again and again.",
                                  "Open the image.jpg file, then open it again: image.jpg file.", "[12]", "[divider]",
                                  "| Year | Sales |  | Year | Sales |"])
def test_story_lines_are_not_image_residue(line: str) -> None:
    assert rule_of(line) is None


@pytest.mark.parametrize("line", ["Photo courtesy of the Estuary Trust", "Image by Wenna Tregear via Harbour Weekly",
                                  "Photos by Dora Kessler", "*Picture courtesy of Quay Market*"])
def test_a_credit_alone_on_its_line(line: str) -> None:
    assert rule_of(line) == "credit-line"


@pytest.mark.parametrize("line", ["Photographs by Dora Kessler are on display through May.",
                                  "Photos by local children cover the walls of the weighbridge office.",
                                  "Image by image, the hall came back."])
def test_a_sentence_about_photographs_is_no_credit(line: str) -> None:
    assert rule_of(line) != "credit-line"
