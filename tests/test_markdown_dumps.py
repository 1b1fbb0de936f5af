"""Whole pages saved as Markdown by scraping tools (Jina Reader, html2text, markdownify) are read one line per
block before the dump pipeline (text/markdown.py): a heading is its text, a link its text, an image nothing, a
table row its cells, a hard-wrapped paragraph one paragraph; a dump that is not Markdown is left exactly as it is."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.text.markdown import blocks, inline_text, jina_header, read_markdown, reads_as_markdown

OWN = Path(__file__).parent / "markdowndumps"
SYNTAX = ("](", "**", "![", "# ", "| ", "===", "\\")


def own(name: str) -> str:
    return (OWN / name).read_text("utf-8")


def test_a_jina_dump_gives_its_headline_body_table_and_publication_time() -> None:
    article = clean(own("en_jina_scrap_exports.md"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "Copper scrap exports to Asia slow as smelters cut intake"
    assert paragraphs[0].startswith("Exports of No. 2 copper scrap from European yards fell")
    assert paragraphs[0].endswith("traders told Metal Yard Weekly.")
    assert "according to customs figures compiled by the European Recyclers Council, while" in paragraphs[1]
    assert "Bare bright 41.2 44.9 -8.2%" in paragraphs
    assert paragraphs[-1].startswith('"We are sitting on more material')
    assert not any(mark in article.text for mark in SYNTAX)
    assert not {"Home", "Prices", "Related stories", "Aluminium can prices hold as mills restock"} & set(paragraphs)
    assert article.published is not None and article.published.value.date().isoformat() == "2026-11-24"


def test_a_markdownify_dump_in_chinese_gives_its_setext_headline_and_body() -> None:
    article = clean(own("zh_markdownify_aluminium.md"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "华南再生铝企业十月开工率回升"
    assert paragraphs[0].startswith("据对华南地区二十家再生铝企业的调研")
    assert "受下游压铸订单增加影响，ADC12 铝合金锭出货明显加快。" in paragraphs[0]
    assert paragraphs[1].startswith("业内人士表示")
    assert not any(mark in article.text for mark in SYNTAX)
    assert "首页" not in article.text and "相关阅读" not in article.text
    assert article.published is not None and article.published.value.date().isoformat() == "2026-11-03"


def test_an_html2text_dump_has_its_wrapped_paragraphs_and_links_joined() -> None:
    article = clean(own("en_html2text_wrapped.md"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "Stainless scrap premiums climb as nickel pig iron supply tightens"
    assert paragraphs[0] == (
        "Premiums for 18/8 stainless steel scrap rose for the second week in a row as mills in Europe and Asia "
        "turned to scrap units to replace nickel pig iron, whose supply has been cut by power rationing at several "
        "producers.")
    assert "Solids premium: up 60 euros a tonne since November." in paragraphs
    assert not any(mark in article.text for mark in SYNTAX)


def test_tables_rules_and_escapes_become_plain_lines() -> None:
    lines = read_markdown(own("en_html2text_wrapped.md")).split("\n")
    assert "Grade Price (EUR/t) Change" in lines and "18/8 solids 1,420 +60" in lines
    assert "1. Buyers expect the premium to hold until the end of the quarter, one trader said." in lines
    assert not any(set(line) <= set("-|: ") for line in lines if line)
    assert "Sign in Register" in lines      # a link URL wrapped over two lines is still one link


@pytest.mark.parametrize(("markdown", "text"), [
    ("**Bold** and __strong__ words", "Bold and strong words"),
    ("**AI & Machine Learning **", "AI & Machine Learning"),
    ("an _emphasis_ and *this*", "an emphasis and this"),
    ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
    ("[![logo](a.png)](https://x.example/)", ""),
    ("see [the report][1] and `code`", "see the report and code"),
    ("1\\. escaped \\*star\\*", "1. escaped *star*"),
])
def test_inline_syntax_becomes_its_text(markdown: str, text: str) -> None:
    assert inline_text(markdown) == text


def test_setext_headings_fences_and_hard_breaks() -> None:
    md = "Headline\n========\n\nline one  \nline two\n\n```\ncode  line\n```\n\nSub\n---\n\n> quoted\n> text\n"
    assert blocks(md.split("\n")) == ["Headline", "line one", "line two", "code  line", "Sub", "quoted text"]


def test_a_long_heading_wrapped_by_html2text_is_one_heading() -> None:
    lines = ["# Stainless scrap premiums climb in Europe and Asia as nickel pig iron supply", "tightens", "",
             "# A short heading", "Its first paragraph."]
    assert blocks(lines) == ["Stainless scrap premiums climb in Europe and Asia as nickel pig iron supply tightens",
                             "A short heading", "Its first paragraph."]


def test_adjacent_links_keep_their_words_apart() -> None:
    assert inline_text("[Home](/)[Commercial Cleaning](/c)[About](/a)") == "Home Commercial Cleaning About"


def test_chinese_lines_of_a_paragraph_join_without_a_space() -> None:
    lines = ["再生铜产量", "同比增长。", "", "Copper output", "rose."]
    assert blocks(lines) == ["再生铜产量同比增长。", "Copper output rose."]


def test_the_jina_header_is_read_only_when_it_ends_with_markdown_content() -> None:
    head = ["Title: A", "", "URL Source: https://x.example/a", "", "Markdown Content:", "body"]
    assert jina_header(head) == {"Title": "A", "URL Source": "https://x.example/a", "end": ""}
    assert jina_header(["Title: A", "body line", "Markdown Content:"]) == {}
    assert reads_as_markdown("\n".join(head))


@pytest.mark.parametrize("text", [
    "Headline\n\nBody with [one](https://x.example/) link and [two](https://y.example/) links.\n",
    "# Not markdown enough\n\nA plain dump line.\nAnother line.\n",
    "首页\n新闻\n再生铜企业产量增长\n记者从协会获悉，产量增长。\n",
])
def test_a_dump_without_markdown_evidence_comes_back_unchanged(text: str) -> None:
    assert read_markdown(text) is text


def test_a_huge_line_of_brackets_is_read_in_linear_time() -> None:
    text = "[a](https://x.example/) " * 3 + "[" * 200_000 + "](" * 100_000
    assert read_markdown(text).startswith("a a a")


def test_the_jina_published_time_dates_a_page_that_prints_no_date() -> None:
    byline = "By [Hannah Reiss](https://metalyardweekly.example.com/authors/hreiss)"
    text = own("en_jina_scrap_exports.md").replace(f"{byline} | November 24, 2026", byline)
    article = clean(text)
    assert article.published is not None
    assert article.published.value.isoformat() == "2026-11-24T08:15:00+00:00"
