"""The dateline of an article written in <div>s (no <p>): read from the first blocks of the article
root, only when the date opens its block or stands alone, never from teasers, links or sidebars."""
from __future__ import annotations

import lxml.html

from cleanfeed.dates.engine import find_dates
from cleanfeed.model import DateContext, Draft
from cleanfeed.timeutil import UTC

PROSE = ("Traditionell gedenken evangelische Christinnen und Christen am Ewigkeitssonntag ihrer "
         "verstorbenen Angehörigen und Freunde. In vielen Gemeinden werden die Namen verlesen. ")


def page(opening: str, *, aside: str = "") -> str:
    return f"""<html><body><div class="main_content"><h1>Trauern digital</h1>
      <div class="text"><div class="text"><strong>{opening}</strong></div>
      <div>{PROSE * 2}</div><div>{PROSE}</div></div></div>
      <aside class="sidebar"><div>{aside}</div></aside></body></html>"""


def dateline_days(html: str) -> list[str]:
    doc = lxml.html.document_fromstring(html)
    result = find_dates(Draft(title=None, paragraphs=(), doc=doc), DateContext(None, UTC, "de"), explain=True)
    return [c.value.date().isoformat() for c in result.candidates if c.source.split(":")[0] == "dateline"]


def published_day(html: str) -> tuple[str | None, str | None]:
    doc = lxml.html.document_fromstring(html)
    found = find_dates(Draft(title=None, paragraphs=(), doc=doc), DateContext(None, UTC, "de")).published
    return (found.value.date().isoformat(), found.source) if found else (None, None)


def test_dateline_after_a_place_name_in_a_div_article() -> None:
    assert published_day(page(f"Karlsruhe, (12.11.2021). {PROSE}")) == ("2021-11-12", "dateline:date-only")


def test_a_date_inside_the_prose_is_no_dateline() -> None:
    opening = f"Die Gemeinde lädt ein, am 21.11.2021 gemeinsam zu gedenken. {PROSE}"
    assert published_day(page(opening)) == (None, None)


def test_a_sidebar_date_and_a_linked_teaser_are_no_dateline() -> None:
    html = page(PROSE, aside="03.11.2021 Neues aus der Landeskirche").replace(
        "<strong>", '<a href="/x">05.11.2021 Weitere Meldung</a><strong>')
    assert dateline_days(html) == []
    assert dateline_days(page(f"Karlsruhe, (12.11.2021). {PROSE}")) == ["2021-11-12"]


def test_a_labelled_last_change_in_an_opening_block_is_the_update() -> None:
    doc = lxml.html.document_fromstring(page("Aktualisiert am 14.11.2021"))
    result = find_dates(Draft(title=None, paragraphs=(), doc=doc), DateContext(None, UTC, "de"), explain=True)
    assert result.updated is not None and result.updated.value.date().isoformat() == "2021-11-14"
    assert result.published is not None and result.published.source.endswith(":updated")
