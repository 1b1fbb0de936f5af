"""An update printed with a clock alone after the publication on its line: `Publié le 6 décembre 2024 à 10h32,
mis à jour à 14h05`, `06.12.2024, 14:05 Uhr · aktualisiert um 18:30 Uhr`, `06/12/2024 - 10:15 aggiornato alle
18:40`. The update is on the publication's day; nothing else on the line names it (issue 19, ninth round: French,
German, Italian, Spanish and Dutch news pages print a same-day change this way)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleanfeed.dates.patterns import Mention, Reading, clock_at
from cleanfeed.dates.vocab import vocab

# The label opens the gap after the publication, after at most a separator (`, `, ` · `, ` - `, ` (`, `h. `).
_GAP_BEFORE = r"[\s.,;|·•/\-–—(\[]{0,4}"
# A clock the next date follows at once is that date's (`Updated: 09:10 GMT, 5 March 2025`, British papers' style).
_OPENS_NEXT = re.compile(r"[\s,]{0,3}")


@lru_cache(maxsize=1)
def _update_label() -> re.Pattern[str]:
    return re.compile(rf"{_GAP_BEFORE}(?:{vocab().updated.pattern})[\s:]*", re.I)


def same_day_update(text: str, mention: Mention, until: int) -> Mention | None:
    """The update `text` prints between `mention` (a full date) and `until` as an update label and a clock
    alone, read as a mention of `mention`'s day at that clock; None when there is none, or when the clock is
    before the publication's own (then it is no later change of that day)."""
    if mention.relative is not None or not mention.has_year:
        return None
    label = _update_label().match(text, mention.end, until)
    if label is None:
        return None
    clock, zone, end = clock_at(text, label.end(), until)
    if clock is None or (until < len(text) and _OPENS_NEXT.fullmatch(text, end, until)):
        return None
    if any(r.clock is not None and r.clock > clock for r in mention.readings):
        return None
    readings = tuple(Reading(r.year, r.month, r.day, clock, zone or r.zone) for r in mention.readings)
    return Mention(label.start(), end, text[label.start():end], readings, order=mention.order)


def with_same_day_updates(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, bool]]:
    """`mentions` in order, each followed by the same-day update printed after it, if any (flagged True)."""
    out: list[tuple[Mention, bool]] = []
    for i, mention in enumerate(mentions):
        out.append((mention, False))
        until = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if update := same_day_update(text, mention, until):
            out.append((update, True))
    return out


__all__ = ["same_day_update", "with_same_day_updates"]
