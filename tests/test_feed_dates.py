"""What readers see (DESIGN.md, Dates and Feeds), end to end through `cleanfeed build` and `add`: every seed's
publication time, read back from the built Atom, RSS and JSON feeds and converted to the zones readers live in,
falls on the day the page printed; entry `updated` values are unique per feed, to the second, and a fetch time
given as a bare date never shows as `23:59:59.999999`."""
from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.feeds import ATOM, seed_project, text_page, xml

from cleanfeed.cli import main

READERS = ("UTC", "Pacific/Honolulu", "Asia/Shanghai")      # UTC-10 … UTC+8: where the feeds' readers live
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FEEDS = ("recycled-metals-en", "recycled-metals-zh")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = seed_project(tmp_path_factory.mktemp("seeds"))
    assert main(["--project", str(root), "-q", "build"]) == 0
    return root / "public"


def printed_days() -> dict[str, str]:
    """Seed headline → the day the page prints (seeds/expected/*.json, agreed by hand)."""
    out = {}
    for path in sorted((SEEDS / "expected").glob("*.json")):
        expected = json.loads(path.read_text("utf-8"))
        out[expected["title"]] = expected["published"]["day"]
    return out


def published_times(public: Path) -> list[tuple[str, str, datetime]]:
    """(format, title, published) of every entry of both feeds in all three formats."""
    out = []
    for slug in FEEDS:
        for entry in xml(public / f"{slug}.atom").findall(f"{ATOM}entry"):
            out.append(("atom", entry.findtext(f"{ATOM}title") or "",
                        datetime.fromisoformat(entry.findtext(f"{ATOM}published") or "")))
        for item in xml(public / f"{slug}.rss").iter("item"):
            out.append(("rss", item.findtext("title") or "", parsedate_to_datetime(item.findtext("pubDate") or "")))
        for item in json.loads((public / f"{slug}.json").read_text("utf-8"))["items"]:
            out.append(("json", item["title"], datetime.fromisoformat(item["date_published"])))
    return out


def test_every_seed_shows_its_printed_day_in_readers_from_honolulu_to_shanghai(built: Path) -> None:
    days = printed_days()
    seen = published_times(built)
    assert {title for _, title, _ in seen} == set(days) and len(seen) == 3 * len(days)
    for fmt, title, published in seen:
        assert published.utcoffset() is not None
        for reader in READERS:
            shown = published.astimezone(ZoneInfo(reader)).date().isoformat()
            assert shown == days[title], f"{fmt} {title!r} shows {shown} in {reader}, the page printed {days[title]}"


def test_a_date_printed_without_time_keeps_the_page_offset(built: Path) -> None:
    """`9月28日` on a page in Asia/Shanghai: 12:00 UTC of that day written as +08:00, the page's own offset."""
    for _, _, published in published_times(built):
        assert published.utcoffset() is not None and published.utcoffset().total_seconds() == 8 * 3600
        assert published.astimezone(ZoneInfo("UTC")).hour == 12


def test_entry_updated_values_are_unique_whole_seconds_and_a_bare_fetch_day_is_midday(tmp_path: Path) -> None:
    root = seed_project(tmp_path)
    inbox = root / "inbox"
    inbox.mkdir()
    for n, headline in enumerate(("Copper climbs in Ningbo", "Zinc slips in Tianjin", "Nickel holds in Jinchuan")):
        (inbox / f"p{n}.txt").write_text(text_page(headline, n), encoding="utf-8")
    assert main(["--project", str(root), "-q", "build"]) == 0
    assert main(["--project", str(root), "-q", "add", str(inbox), "--fetched-at", "2030-01-02"]) == 0
    atom = xml(root / "public" / "recycled-metals-en.atom")
    updated = [e.findtext(f"{ATOM}updated") or "" for e in atom.findall(f"{ATOM}entry")]
    assert len(updated) == len(set(updated)) == 4 + 3
    for value in updated:
        assert not re.search(r"\.\d+", value) and "23:59:59" not in value, value     # no invented fractions
    new = sorted(v for v in updated if v.startswith("2030-01-02"))
    # three pages fetched "on 2030-01-02": 12:00 UTC of that day in the feed's zone, one second apart
    assert new == ["2030-01-02T20:00:00+08:00", "2030-01-02T20:00:01+08:00", "2030-01-02T20:00:02+08:00"]
    rss = [item.findtext("pubDate") for item in xml(root / "public" / "recycled-metals-en.rss").iter("item")]
    assert rss and not any("23:59:59" in (v or "") for v in rss)
    feed_updated = atom.findtext(f"{ATOM}updated")
    assert feed_updated == max(updated, key=datetime.fromisoformat)
