"""dates/sameday: an update's clock against the publication's across zones, on any printed day."""
from __future__ import annotations

from cleanfeed.dates.patterns import find_mentions
from cleanfeed.dates.sameday import with_same_day_updates


def test_a_day_the_calendar_lacks_with_a_named_zone_is_no_crash() -> None:
    text = "Published February 30, 2024 10:00 ET. Updated 11:30 GMT"
    out = with_same_day_updates(text, find_mentions(text))
    assert out and out[0][0].readings[0].day == 30      # read as printed; the zones compared as printed


def test_an_update_earlier_in_utc_is_no_update() -> None:
    text = "Published February 3, 2024 10:00 ET. Updated 14:30 GMT"     # 09:30 ET: before the publication
    assert len(with_same_day_updates(text, find_mentions(text))) == 1
