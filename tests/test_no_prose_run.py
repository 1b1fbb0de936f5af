"""A whole-page dump with no run of prose at all is no article (text/dumpmodel.without_prose_run,
structural_type): the page's shape, not its words, decides, and a story told in short paragraphs, a short dump
and a Chinese dump are left to the other decisions."""
from __future__ import annotations

from cleanfeed import clean
from cleanfeed.rules.linerules import match_key
from cleanfeed.text.dumpmodel import (
    NO_RUN_MIN_LINES,
    NO_RUN_TOKENS,
    Run,
    dump_model,
    structural_type,
    without_prose_run,
)
from cleanfeed.text.linescore import LineScore, line_scores


def keyed(lines: list[str]) -> tuple[list[str], list[LineScore]]:
    keys = [match_key(line) for line in lines]
    return keys, line_scores(keys)


TEASERS = ["Posts tagged gardening | A Plot Diary", "Home About Archive Tags Subscribe"] + [
    line for i in range(8) for line in (
        f"Notes from week {i + 3}",
        "The beans came up late again this year, and the slugs found them before I did.",
        f"{i + 2} May 2025 · Read more")] + ["Older posts", "© 2026 A Plot Diary · RSS · Privacy"]

STORY = ["Harbour reopens after storm repairs | Coast Times", "News Sport Business Opinion",
         "The harbour reopened on Monday after three weeks of repairs to the storm wall that was breached.",
         "Fishing boats queued at the entrance from dawn, and the first landed its catch shortly after seven.",
         "The harbour master said the new wall had been built two metres higher than the one it replaced.",
         "Traders on the quay said the closure had cost them a month of their busiest season of the year.",
         "The council will meet next week to decide how the repairs, which ran over budget, are to be paid for.",
         "Engineers had warned two winters ago that the old wall would not survive another storm like it.",
         "A survey of the sea bed found that the storm had moved tonnes of shingle into the channel.",
         "Dredging is planned for the autumn, when fewer boats are out and the weather is usually calmer.",
         "The lifeboat crew, who moved to a temporary station during the works, returned on Tuesday.",
         "Visitors were back on the pier by the afternoon, and the ice cream kiosk reported a busy day.",
         "Contact Advertise Privacy Terms", "Jobs Cookies Accessibility", "More from Coast Times",
         "Weather Tides Traffic", "Newsletters Podcasts", "Puzzles Games", "Our journalists", "Complaints",
         "© 2026 Coast Times"]


def test_a_page_of_teasers_has_no_prose_run() -> None:
    keys, scores = keyed(TEASERS)
    assert len(keys) >= NO_RUN_MIN_LINES
    assert without_prose_run(keys, scores)
    assert structural_type(keys, scores, Run(0, 3, False)) in dump_model().types


def test_a_story_in_one_sentence_paragraphs_has_a_run() -> None:
    """Each paragraph is under NO_RUN_TOKENS tokens, but they follow one another: the run is the story."""
    keys, scores = keyed(STORY)
    assert all(s.tokens < NO_RUN_TOKENS for s in scores)
    assert not without_prose_run(keys, scores)
    assert structural_type(keys, scores, Run(2, 12, True)) is None


def test_a_short_dump_shows_too_little() -> None:
    keys, scores = keyed(TEASERS[:NO_RUN_MIN_LINES - 1])
    assert not without_prose_run(keys, scores)


def test_a_chinese_dump_is_not_judged() -> None:
    keys, scores = keyed(["栏目列表"] + [f"第{i}条 通知标题 2025年5月{i}日" for i in range(1, 30)])
    assert not without_prose_run(keys, scores)


def test_no_lines_is_no_error() -> None:
    assert not without_prose_run([], [])


def test_one_line_printed_again_and_again_is_no_record() -> None:
    """Twenty copies of a breadcrumb over a sentence: typed a listing, its content was the breadcrumb, which
    cleaned again gave no body (tests/test_properties.py: cleaning must be idempotent)."""
    keys, scores = keyed(["Home > News > Aluminium"] * 25 + [TEASERS[3]])
    assert not without_prose_run(keys, scores)


# A short news story (three paragraphs of 20-23 words) with a photo caption between each two, as `w3m -dump`
# saves it (own page, r14 review). Typed an article at 73fd5e5; the captions (6-8 words, no punctuation) break
# every stretch, the longest is one paragraph, and at 07fc075 the page was typed `product` (under lynx `service`).
# A stretch may now pass one caption-like line at a time in a dump with few of them (dumpmodel._longest_captioned);
# a tag page's title between excerpts comes with dates and `Read more`, or repeats too often (below; and
# tests/test_captions.py). (The article's text is still cut: this short dump has no wall of filled lines, and
# text/unwrap.py leaves its wrapped lines apart.)
CAPTIONED = """  • Home
  • News
  • Sport
  • Business
  • What's On
  • Property

Fire destroys warehouse on industrial estate

By Tom Hale

4 March 2025

A large fire destroyed a warehouse on the Millbrook industrial estate
overnight, and nearby homes were told to keep their windows shut.

[a]
Firefighters at the scene on Tuesday morning

Eight fire engines were sent to the site shortly after midnight, and crews were
still damping down the ruins at breakfast time.

[b]
Smoke could be seen across the whole valley

No one was hurt, the fire service said, and an investigation into the cause of
the blaze would begin once the site was safe.

  • Contact us
  • Privacy policy
  • Advertise with us
  • Jobs
  • Subscribe
  • Newsletters
  • Archive
  • Letters
  • Public notices
  • Weather
  • Travel
  • Events

© 2025 Valley Post
"""


def test_a_short_story_with_captions_between_its_paragraphs_stays_an_article() -> None:
    assert clean(CAPTIONED).page_type == "article"


FOOTER = [f"{name} | A Plot Diary" for name in ("Seeds", "Sheds", "Onions", "Pests", "Beans", "Compost", "Tools",
                                                 "Water", "Soil", "Fruit")]


def test_titles_between_excerpts_down_a_page_are_no_captions() -> None:
    """A title between every two sentence excerpts, eight times: the captions' shape, repeated as a listing's."""
    lines = TEASERS[:2] + [line for i in range(8) for line in (
        f"Notes from week {i + 3} on the plot",
        f"The beans came up late again in week {i + 3}, and the slugs found them before I did.")] + TEASERS[-2:]
    keys, scores = keyed(lines)
    assert without_prose_run(keys, scores)


def test_a_few_captions_between_short_paragraphs_leave_the_run() -> None:
    lines = STORY[:3] + ["Boats at the harbour entrance on Monday morning"] + STORY[3:4] \
        + ["The harbour master on the new wall"] + STORY[4:5] + STORY[12:] + FOOTER
    keys, scores = keyed(lines)
    assert all(s.tokens < NO_RUN_TOKENS for s in scores)
    assert not without_prose_run(keys, scores)


def test_a_date_between_excerpts_ends_the_stretch() -> None:
    lines = TEASERS[:2] + [line for i in range(2) for line in (
        f"The beans came up late again in week {i + 3}, and the slugs found them before I did.",
        f"Posted on {i + 2} May 2025")] + ["Older posts"] + STORY[12:] + FOOTER
    keys, scores = keyed(lines)
    assert without_prose_run(keys, scores)
