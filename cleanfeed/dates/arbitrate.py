"""Arbitration between dates that disagree: the rules that overrule the order of trust, each with the
evidence it needs (DESIGN.md, Dates). Metadata that disagree follow the day the page prints; a permalink
dated days earlier than the metadata wins; metadata regenerated at a re-save yield to a first publication
printed under the headline; a date labelled as the first publication wins over later ones; a `<time>`
showing the metadata's last-change instant is the update stamp."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from cleanfeed.dates.clues import (
    BARE,
    BODY,
    DATELINE,
    HEADER,
    HINTED,
    LABELLED,
    META,
    PUBLISHED,
    TIME,
    UPDATED,
    URL,
    Clue,
)
from cleanfeed.dates.html import RENDER_TIME_KEYS
from cleanfeed.dates.resolve import FUTURE_TOLERANCE, Resolved

Judged = list[tuple[Clue, "Resolved | str"]]


def modification_times(judged: Judged, new: Judged) -> Judged:
    """A `<time>` showing the very instant the metadata give as the last change (and not as the publication)
    is the page's update stamp: `<time datetime="2022-11-11T20:23:00-05:00">` beside `article:modified_time`
    2022-11-11T20:23:00-05:00, with "Updated" printed in front of it."""
    if not any(c.tier == TIME for c, _ in new):
        return new
    changed = {g.value for c, g in judged
               if c.tier <= META and c.role == UPDATED and isinstance(g, Resolved) and g.timed}
    published = {g.value for c, g in judged if c.tier <= META and c.role == PUBLISHED and isinstance(g, Resolved)}
    return [(replace(c, role=UPDATED), g) if c.tier == TIME and c.role == PUBLISHED and isinstance(g, Resolved)
            and g.timed and g.value in changed and g.value not in published else (c, g) for c, g in new]


def before(a: Resolved, b: Resolved) -> bool:
    """`a` is earlier than `b`; by the day when either was printed without a time (a date alone is 12:00
    UTC of its day, which says nothing about the hours of that day), both days read in the page's offset: the
    one printed alone is in it when the page's zone is known (20:00Z on 1 March is 04:00 on 2 March beside a
    Beijing page's `2 March 2021`, not before it), else the other one's own offset is the page's best word
    (`2019-11-20T01:41:20+05:30` is on the day of a `datePublished` `2019-11-20` of unknown zone)."""
    if a.timed and b.timed:
        return a.value < b.value
    alone, other = (b, a) if a.timed else (a, b)
    zone = (alone if alone.value.utcoffset() else other).value.tzinfo
    return a.value.astimezone(zone).date() < b.value.astimezone(zone).date()


def after_last_change(published: tuple[Clue, Resolved], updated: tuple[Clue, Resolved]) -> bool:
    """The publication was read from the opening text (a dateline) and falls after the last change the page prints
    (`Der nächste Stammtisch findet am 5. Februar 2020 statt` over a footer's `zuletzt am 29. Januar 2020
    bearbeitet`): a page is not published after it was last changed, so the day is an event's (a coming meeting).
    Only a printed stamp counts (a `<time>`, a label row, a footer line): a metadata `dateModified` earlier than the
    text's date is as often a stale field."""
    return published[0].tier == DATELINE and META < updated[0].tier < BODY and before(updated[1], published[1])


def corroborated(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """When the page's metadata disagree on the publication day (JSON-LD `datePublished` one day, a meta
    tag another), the one whose day the page also shows elsewhere (a `<time>`, the header, the URL, the
    dateline) wins over one nothing else supports: a stale or mis-serialised field is the usual cause. Another
    JSON-LD object's field, trusted below the header for being somebody else's (a WebSite's `dateCreated`, a
    video's `uploadDate`), shows nothing: it would let the site's own founding day outvote the article's."""
    if best is None or best[0].tier > META:
        return best
    machine = [(c, g) for c, g in judged if c.tier <= META and c.role == PUBLISHED
               and isinstance(g, Resolved) and g.problem is None]
    if all(g.value.date() == best[1].value.date() for _, g in machine):
        return best
    shown = {g.value.date() for c, g in judged if c.tier > META and c.role == PUBLISHED and not machine_field(c)
             and isinstance(g, Resolved) and g.problem is None}
    if best[1].value.date() in shown:
        return best
    return next(((c, g) for c, g in machine if g.value.date() in shown), best)


def machine_field(clue: Clue) -> bool:
    """A date read from JSON-LD, whatever tier its object's kind put it at: not printed for readers."""
    return clue.source.startswith("jsonld:")


def machine_best(judged: Judged, role: str) -> tuple[Clue, Resolved] | None:
    return next(((c, g) for c, g in judged if c.tier <= META and c.role == role and isinstance(g, Resolved)
                 and g.problem is None), None)


def regenerated(judged: Judged) -> bool:
    """The page's metadata say it was published when it was last changed, or after (`datePublished` and
    `dateModified` the same instant): both were written when the record was last saved, re-rendered or
    moved to a new CMS, so they do not say when the text first appeared."""
    pub = machine_best(judged, PUBLISHED)
    if pub is None:
        return False
    mods = [g for c, g in judged if c.tier <= META and c.role == UPDATED and isinstance(g, Resolved)
            and g.problem is None]
    return bool(mods) and all(not before(pub[1], g) for g in mods)


def printed_first(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A publication date printed at the headline (labelled, or a date line under it) before metadata that
    were regenerated (`regenerated`) is the first publication: the metadata's date is a re-save's. Only a
    day no time zone could put the metadata's instant on (`earliest_local_day`): nearer is a UTC field
    beside a local printed day."""
    if best is None or best[0].tier > META or not regenerated(judged):
        return best
    printed = next(((c, g) for c, g in judged if c.tier == HEADER and c.role == PUBLISHED and c.rank <= BARE
                    and c.source == "header" and "://" not in c.text and isinstance(g, Resolved)
                    and g.problem is None), None)
    if printed is not None and (printed[1].value.date() < earliest_local_day(best[1])
                                or default_stamp(best[1]) and printed[1].value.date() != best[1].value.date()):
        return printed
    return best


EAST_MOST = timedelta(hours=14)      # the zones a year's first instant may be written in: UTC+14 …
WEST_MOST = timedelta(hours=12)      # … UTC−12, on whole hours or a zone's own part hour
# The part-hour offsets zones keep on 1 January (IANA tzdata): −04:30 Venezuela 2008-16, −03:30 Newfoundland …
# +05:30 India … +08:30 North Korea 2016-18 … +13:45 Chatham (its summer time; +12:45 is its July offset). Not
# −09:30, the Marquesas' few thousand: 09:30Z on 1 January is far likelier a real entry.
PART_HOURS = frozenset(timedelta(minutes=m) for m in (
    -270, -210, 210, 270, 330, 345, 390, 510, 525, 570, 630, 825))


def default_stamp(got: Resolved) -> bool:
    """A machine stamp on the first instant of a year in some zone (`2019-01-01T00:00:00`, `2019-01-01`
    alone, or that midnight written in UTC: `2018-12-31T23:00:00Z` for UTC+1, `2019-01-01T05:00:00Z` for
    UTC−5): with `dateModified` the same (`regenerated`), a CMS's default for a record nobody dated, not a
    publication. A page published at New Year's midnight prints that day under its headline, and keeps its
    stamp."""
    value = got.value
    if not got.timed:
        return (value.month, value.day) == (1, 1)
    if (value.month, value.day) == (1, 1) and value.time() == time(0, 0):
        return True                  # midnight in the offset it is written in, whatever that offset
    utc = value.astimezone(UTC)
    # The offset of the zone the instant is the new year's first instant in (UTC+1 for 2018-12-31T23:00Z).
    offset = datetime(utc.year + (utc.month == 12), 1, 1, tzinfo=UTC) - utc
    return -WEST_MOST <= offset <= EAST_MOST and (offset % timedelta(hours=1) == timedelta(0) or offset in PART_HOURS)


EVENING = 18       # hours; metadata stamped from then on may be the entry of a release dated the next day
RELEASE = "header:release"  # the source of a release line `release_lines` kept (the extractor's own header
#                            lines run past a short body into teasers, so only the engine's look counts)
UNDER_HEADLINE = 30    # Clue.order of a header line: 10 per line after the headline (header._header_line_clues)


def evening_entry(judged: Judged) -> bool:
    """The metadata's publication instant is in the evening of its own offset: a release entered the evening
    before the day it is dated for readers (`released_next_day`) is possible, so the lines under the headline
    are worth reading."""
    pub = _stamp(judged)
    return pub is not None and pub[1].timed and pub[1].value.hour >= EVENING \
        and pub[1].value.utcoffset() != timedelta(0)


def _stamp(judged: Judged) -> tuple[Clue, Resolved] | None:
    """The most trusted machine publication stamp: JSON-LD, meta tags, a `<time datetime>`."""
    return min(((c, g) for c, g in judged if c.tier <= TIME and c.role == PUBLISHED and isinstance(g, Resolved)
                and g.problem is None), key=lambda cg: cg[0].key, default=None)


def release_lines(judged: Judged, new: Judged) -> Judged:
    """Of the lines under the headline read for `evening_entry`, the one `released_next_day` would take, if
    any: the others were not read before and must not start weighing elsewhere (`corroborated`)."""
    best = _stamp(judged)
    if best is None:
        return []
    printed = _first_printed(new)
    if printed is None or not _next_day(best[1], printed[1]):
        return []
    return [(replace(printed[0], source=RELEASE), printed[1])]


def _first_printed(judged: Judged, source: str = "header", within: int = UNDER_HEADLINE,
                   loosest: int = HINTED) -> tuple[Clue, Resolved] | None:
    """The first publication date printed in the lines right under the headline (`source`: "header" as read,
    RELEASE or IMPORTED once `release_lines` or `imported_lines` kept it; `within`: the Clue.order bound;
    `loosest`: the loosest Clue.rank read)."""
    return min(((c, g) for c, g in judged if c.tier == HEADER and c.role == PUBLISHED and c.rank <= loosest
                and 0 <= c.order < within and c.source == source and "://" not in c.text
                and isinstance(g, Resolved) and g.problem is None), key=lambda cg: cg[0].order, default=None)


def _next_day(machine: Resolved, printed: Resolved) -> bool:
    """An evening stamp in the page's own offset and a printed date of the next day. A stamp in UTC is left
    to `resolve.own_offset`: its next day is the zone's doing (23:30Z is 07:30 the next day in UTC+8)."""
    return machine.timed and machine.value.hour >= EVENING and machine.value.utcoffset() != timedelta(0) \
        and printed.value.date() == machine.value.date() + timedelta(days=1)


def probe_keeps(judged: Judged) -> Callable[[Judged, Judged], Judged] | None:
    """Whether a moot stage's probe (the lines under the headline) is read, and which of its dates are kept:
    all of them beside regenerated metadata (`printed_first`); only a next-day release line beside an evening
    stamp (`released_next_day`); beside any other machine stamp only a publication printed days before it
    (`imported_post`); without a machine stamp it is not read."""
    if regenerated(judged):
        return lambda _judged, new: new
    if evening_entry(judged):
        return release_lines
    if created_stamp(judged):
        return created_lines
    if _stamp(judged) is not None:
        return imported_lines
    return None


IMPORTED = "header:imported"   # the source of a line `imported_lines` kept
BYLINE_ORDER = 60              # Clue.order of header.BYLINE_PIECES pieces under the headline, 10 per piece


def probe_year(judged: Judged) -> int | None:
    """When the probe under the headline looks only for an imported post (`probe_keeps` gives
    `imported_lines`), the year of the machine publication stamp: a post imported over IMPORT_GAP after it was
    first published prints an earlier one, so header.under_headline_clues reads only such lines. Else None:
    beside regenerated metadata or an evening stamp every line under the headline may count."""
    best = _stamp(judged) if probe_keeps(judged) is imported_lines else None
    return best[1].value.year if best is not None else None


def imported_lines(judged: Judged, new: Judged) -> Judged:
    """Of the lines under the headline read beside a machine publication stamp, the first publication date
    printed there when it is long before any day a time zone could put the stamp on (`_long_before`); the
    others were not read before and must not start weighing elsewhere."""
    best = _stamp(judged)
    printed = _first_printed(new, within=BYLINE_ORDER, loosest=BARE)
    if best is None or printed is None or not _long_before(printed[1], best[1]):
        return []
    return [(replace(printed[0], source=IMPORTED), printed[1])]


CREATED = "header:created"      # the source of a line `created_lines` kept
_CREATED_KEYS = frozenset({"meta:dc.date.created", "meta:dcterms.created", "meta:dc.created", "meta:created",
                           "meta:datecreated", "meta:date_created", "meta:content_create_date"})


def created_stamp(judged: Judged) -> bool:
    """The most trusted machine publication stamp is a record's creation (`DC.date.created`, `dcterms.created`):
    when the document was made in the CMS, days or weeks before it was published."""
    best = _stamp(judged)
    return best is not None and best[0].source in _CREATED_KEYS


def created_lines(judged: Judged, new: Judged) -> Judged:
    """Of the lines under the headline read beside a record-creation stamp, the first publication date printed there
    (`Date of publication: 2nd October 2023`, a bare date line) on another day than any zone puts the stamp on."""
    best = _stamp(judged)
    printed = _first_printed(new, within=BYLINE_ORDER, loosest=BARE)
    if best is None or printed is None \
            or abs((printed[1].value.date() - best[1].value.date()).days) <= ZONE_DAYS:
        return []
    return [(replace(printed[0], source=CREATED), printed[1])]


def published_after_creation(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A record-creation stamp (`created_stamp`) yields to the publication date the page prints under its headline
    (`created_lines` kept it): the record was made, then published."""
    if best is None or best[0].source not in _CREATED_KEYS:
        return best
    return _first_printed(judged, CREATED, BYLINE_ORDER, BARE) or best


IMPORT_GAP = timedelta(days=365)   # a post scheduled or drafted goes live within days or weeks
#                                    (`May 14` printed beside a `datePublished` of May 20 stays the metadata's);
#                                    a move to a new platform comes years later (4 to 12 in round7's pages)


def _long_before(printed: Resolved, stamp: Resolved) -> bool:
    """The printed day is more than IMPORT_GAP before any zone's day of the stamp."""
    return printed.value.date() < earliest_local_day(stamp) - IMPORT_GAP


def imported_post(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A publication printed right under the headline (`Posted on 3 February 2011`, `6 min read · Mar 14,
    2012`) over a year before the machine publication stamp (`article:published_time` 2024-08-07): the post was
    imported into a new platform or moved to a new CMS, whose stamp records the move. Readers see the printed
    day, which is when the text first appeared. Only the first date printed in the lines under the headline
    counts, as the engine read them (`imported_lines`: a sidebar or teaser list does not, nor a date after the
    first paragraph of prose), only a date line (labelled or bare, rank BARE as in `printed_first`: a
    standfirst's `The ruling of March 14, 2019 is overturned` names an event), and only more than IMPORT_GAP
    before any zone's day of the stamp."""
    if best is None or best[0].tier > META:
        return best
    printed = _first_printed(judged, IMPORTED, BYLINE_ORDER, BARE)
    return printed if printed is not None and _long_before(printed[1], best[1]) else best


def released_next_day(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """Metadata (or a `<time datetime>`) stamped in the evening (`evening_entry`: 20:35 +02:00) beside a date
    printed under the headline for the next day (`Berlin, 28.10.2021`): the story was entered the evening
    before its release (a press release, a next-day edition), and the day readers are shown is the
    publication day. Only the first date printed in the three lines under the headline counts, as the engine
    read them (`release_lines`; a teaser list further down does not), and only for the very next day."""
    if best is None or best[0].tier > TIME:
        return best
    printed = _first_printed(judged, RELEASE)
    return printed if printed is not None and _next_day(best[1], printed[1]) else best


def earliest_local_day(got: Resolved) -> date:
    """The earliest day `got` falls on in any zone (UTC−12 … UTC+14: an instant 14 h back in UTC terms);
    a date printed without a time may be a day off on its own, so it is taken one day back."""
    if not got.timed:
        return got.value.date() - timedelta(days=1)
    return (got.value.astimezone(UTC) - FUTURE_TOLERANCE).date()


def first_publication(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A date the page labels as its first publication (`Originally published November 9, 2022`, `首发于`)
    wins over any later publication date: those are a republication's or a new CMS's."""
    first = next(((c, g) for c, g in judged if c.first and c.role == PUBLISHED and isinstance(g, Resolved)
                  and g.problem is None), None)
    if first is not None and (best is None or first[1].value.date() < best[1].value.date()):
        return first
    return best


ZONE_DAYS = 1       # a machine instant falls on its UTC day or the next or previous one in some zone


def printed_change(judged: Judged, updated: tuple[Clue, Resolved] | None,
                   published: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A last change the page prints with its label in the lines at the headline (`Updated February 14, 2025`,
    `<time>` marked as the update) after its publication day, on a day no time zone puts the metadata's
    `dateModified` on: the printed stamp is the change readers were told of, as metadata that disagree on the
    publication follow the day the page prints. A later `dateModified` is a re-save (tags, an image, a template),
    an earlier one a stale field. A printed stamp on the publication's own day says no more than the publication
    (a theme printing `Updated:` beside every post's date), and the metadata's change stays."""
    if updated is None or updated[0].tier > META or published is None:
        return updated
    printed = next(((c, g) for c, g in judged if c.tier in (TIME, HEADER) and c.role == UPDATED
                    and c.source in ("header", "time") and c.rank <= LABELLED + 1 and isinstance(g, Resolved)
                    and g.problem is None), None)
    if printed is None or abs((printed[1].value.date() - updated[1].value.date()).days) <= ZONE_DAYS \
            or printed[1].value.date() <= published[1].value.date():
        return updated
    return printed


def no_change(judged: Judged, updated: tuple[Clue, Resolved] | None,
              published: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A machine `dateModified` (JSON-LD, a meta tag, a `<time datetime>`) at the very instant of the publication
    (to the second, or both a bare day) says nothing changed: a CMS that writes both fields on the first save. It
    is no update; the next change the page gives is (`Updated 2 hours ago` printed for readers), if any."""
    if updated is None or published is None or not _unchanged(updated, published):
        return updated
    return next(((c, g) for c, g in judged if c.role == UPDATED and isinstance(g, Resolved) and g.problem is None
                 and not _unchanged((c, g), published)), None)


def _unchanged(updated: tuple[Clue, Resolved], published: tuple[Clue, Resolved]) -> bool:
    """A machine field's change at the publication's own instant."""
    return updated[0].tier <= TIME and updated[1].value == published[1].value \
        and updated[1].timed == published[1].timed


_RECORD_KEYS = frozenset({"createdat", "datecreated", "creationdate", "datecreation"})


def record_created(clue: Clue) -> bool:
    """A script's record-creation key (`"createdAt": "2025-09-17T16:57:40Z"` in an app's state blob): any
    record's (the site's, a listed item's), the last-resort hint of scan.script_clues. Beside a last-change
    stamp the page gives (JSON-LD `dateModified`, `Updated on …`) that stamp is the better date for the text."""
    return clue.source.startswith("script:") and clue.source[7:].replace("_", "").lower() in _RECORD_KEYS


def render_time(clue: Clue) -> bool:
    """A bare `<meta name="date">` or `DC.date`: as often when the page was rendered as published."""
    return clue.source.startswith("meta:") and clue.source.removeprefix("meta:") in RENDER_TIME_KEYS


def permalink_first(judged: Judged, best: tuple[Clue, Resolved] | None) -> tuple[Clue, Resolved] | None:
    """A day in the page's own permalink, as folders (`/2017/7/12/slug`), days before the metadata's
    publication date: the address was minted when the page was first published; the metadata were
    rewritten by a re-publication or a move to a new CMS. Not when the page prints the metadata's day
    (`<time>`, header, dateline), nor for a date in a slug (`annual-report-2020-12-31`: what it is about);
    a day or less apart is a time zone's doing. In all those cases the metadata win."""
    if best is None or best[0].tier > META:
        return best
    minted = next(((c, g) for c, g in judged if c.tier == URL and isinstance(g, Resolved) and g.problem is None),
                  None)
    if minted is None or "/" not in minted[0].mention.text:
        return best
    day = best[1].value.date()
    printed = any(c.tier > META and c.tier != URL and isinstance(g, Resolved) and g.problem is None
                  and g.value.date() == day for c, g in judged)
    return minted if not printed and minted[1].value.date() < day - timedelta(days=1) else best


__all__ = ["Judged", "after_last_change", "before", "corroborated", "created_lines", "created_stamp",
           "default_stamp", "evening_entry", "first_publication", "imported_lines", "imported_post", "machine_field",
           "modification_times", "no_change", "permalink_first", "printed_change", "printed_first", "probe_keeps",
           "probe_year", "published_after_creation", "record_created", "regenerated", "release_lines",
           "released_next_day", "render_time"]
