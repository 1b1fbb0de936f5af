"""Invariants on arbitrary input: the engine never raises, every date is aware and inside the bounds."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.dates.engine import find_dates
from cleanfeed.dates.resolve import EARLIEST, latest
from cleanfeed.model import DateContext, Draft, FoundDate

# Text that looks like dates often enough to exercise every pattern.
PIECES = st.sampled_from(["2021-01-17", "17.01.2021", "Jan. 17", "9月28日", "二〇二一年一月十七日", "3 days ago",
                          "昨天 18:32", "Published:", "发布时间：", "Updated", "成文日期：", "31/02/2021",
                          "12:30 PM EDT", "T10:00:00Z", "1994", "2099-12-31", "©", " ", "\n", "<", "日", "May"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join)
FETCHED = st.one_of(st.none(), st.datetimes(min_value=datetime(1996, 1, 1), max_value=datetime(2030, 1, 1),
                                            timezones=st.just(timezone(timedelta(hours=8)))))


def check(result_dates: list[FoundDate | None], ctx: DateContext) -> None:
    """Aware, not before 1995, and not after the fetch time's bound: a date printed without a time
    (`:date-only`, 12:00 UTC of its day) by its day, any other by its instant."""
    bound = latest(ctx)
    for found in result_dates:
        if found is None:
            continue
        value = found.value
        assert value.tzinfo is not None and value.utcoffset() is not None
        assert value >= EARLIEST - timedelta(hours=14)
        if bound is not None:
            if "date-only" in found.source:
                assert value.date() <= bound.astimezone(value.tzinfo).date()
            else:
                assert value <= bound


@settings(max_examples=150, deadline=None)
@given(title=st.one_of(st.none(), TEXT), header=st.lists(TEXT, max_size=3), body=st.lists(TEXT, max_size=4),
       fetched=FETCHED)
def test_text_drafts(title: str | None, header: list[str], body: list[str], fetched: datetime | None) -> None:
    draft = Draft(title=title, paragraphs=tuple(body), header_lines=tuple(header))
    ctx = DateContext(fetched, timezone(timedelta(hours=8)), "zh-CN")
    result = find_dates(draft, ctx, explain=True)
    check([result.published, result.updated], ctx)
    check([FoundDate(c.value, c.source) for c in result.candidates if c.reason.startswith(("won", "lost"))], ctx)


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.tuples(st.sampled_from(["p", "time", "h1", "aside", "div", "meta", "script"]), TEXT),
                      max_size=8), fetched=FETCHED)
def test_html_drafts(parts: list[tuple[str, str]], fetched: datetime | None) -> None:
    body = "".join(f'<{tag} datetime="{text}" content="{text}" property="article:published_time">{text}</{tag}>'
                   for tag, text in parts)
    doc = lxml.html.document_fromstring(f"<html><head><title>x</title></head><body>{body or 'x'}</body></html>")
    ctx = DateContext(fetched, UTC, "en")
    result = find_dates(Draft(title=None, paragraphs=(), doc=doc), ctx)
    check([result.published], ctx)
