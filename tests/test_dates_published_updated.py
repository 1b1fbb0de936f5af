"""Publication and last change are two fields (DESIGN.md): both in the Article, in `cleanfeed clean`'s JSON and
in `--explain`; an update stamp never stands in for a publication stamp the page prints, wherever it sits."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed import clean
from cleanfeed.cli import main

BODY = "<p>The ministry has revised its guidance on exporting lead-acid batteries for recycling, officials said.</p>"


def html(header: str, head: str = "") -> str:
    return (f"<html><head><title>Battery export rules</title>{head}</head><body><article><h1>Battery export rules</h1>"
            f"{header}{BODY}</article></body></html>")


@pytest.mark.parametrize("header", [
    "<p>Last updated: 12 March 2021, 16:05</p><p>First published: 9 March 2021</p>",      # update above
    "<p>Published 9 March 2021 · Updated 12 March 2021</p>",
    "<p>Aktualisiert am 12. März 2021</p><p>Veröffentlicht am 9. März 2021</p>",
    "<p>Обновлено 12 марта 2021</p><p>Опубликовано 9 марта 2021</p>",
    "<p>最後更新：2021年3月12日 16:05｜發佈時間：2021年3月9日</p>",
])
def test_the_printed_publication_wins_over_an_update_stamp_printed_above_it(header: str) -> None:
    article = clean(html(header), fetched_at="2021-03-15")
    assert article.published is not None and article.published.value.date().isoformat() == "2021-03-09"
    assert article.updated is not None and article.updated.value.date().isoformat() == "2021-03-12"


def test_machine_modification_dates_never_stand_in_for_a_printed_publication() -> None:
    head = ('<meta property="article:modified_time" content="2021-03-12T16:05:00+00:00">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2021-03-12T16:05:00Z"}'
            "</script>")
    article = clean(html("<p>Posted March 9, 2021</p>", head), fetched_at="2021-03-15")
    assert article.published is not None and article.published.value.date().isoformat() == "2021-03-09"
    assert article.updated is not None and article.updated.value.date().isoformat() == "2021-03-12"


def test_a_page_that_prints_only_its_last_change_gives_that_as_publication_and_says_so() -> None:
    article = clean(html("<p>Last updated: 12 March 2021</p>"), fetched_at="2021-03-15")
    assert article.published is not None and article.published.source.endswith(":updated")
    assert article.updated is not None and article.updated.value == article.published.value


@pytest.mark.parametrize("header", [
    "<p>Posted 12 March 2021</p><p>This article was originally published on 9 March 2021 by Metal Weekly.</p>",
    "<p>Veröffentlicht am 12.03.2021</p><p>Ursprünglich veröffentlicht am 09.03.2021</p>",
    "<p>发布时间：2021年3月12日</p><p>首发于2021年3月9日</p>",
])
def test_a_date_labelled_as_the_first_publication_wins_over_a_later_one(header: str) -> None:
    article = clean(html(header), fetched_at="2021-03-15")
    assert article.published is not None and article.published.value.date().isoformat() == "2021-03-09"


def test_a_date_in_the_running_text_is_no_publication_stamp_beside_a_last_change_stamp() -> None:
    lead = "<p>The ministry has revised its guidance on exporting lead-acid batteries, officials said today.</p>"
    later = ("<p>Officials first met the exporters on 28 September 2017 to hear their objections, and "
             "again in the weeks after that meeting.</p>")
    page = (f"<html><head><title>Battery export rules</title></head><body><article><h1>Battery export rules</h1>"
            f"<p>Stand: 09.10.2017, 01:40 Uhr</p>{lead}{lead}{later}</article></body></html>")
    article = clean(page, fetched_at="2017-10-15")
    assert article.published is not None and article.published.value.date().isoformat() == "2017-10-09"
    assert article.published.source.endswith(":updated")


def test_clean_json_and_explain_show_both_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(html("<p>Last updated: 12 March 2021, 16:05</p><p>First published: 9 March 2021</p>"),
                    encoding="utf-8")
    assert main(["--project", str(tmp_path), "clean", str(page), "--fetched-at", "2021-03-15",
                 "--timezone", "Europe/London", "--explain"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["published"] == "2021-03-09T12:00:00+00:00" and "date-only" in record["published_source"]
    assert record["updated"] == "2021-03-12T16:05:00+00:00" and record["updated_source"].startswith("header")
    won = {c["reason"].split(" (")[0]: c["text"] for c in record["date_candidates"] if c["reason"].startswith("won")}
    assert won == {"won: the most trusted modification date": "12 March 2021, 16:05",
                   "won: the most trusted plausible publication date": "9 March 2021"}
