"""What a reader sees, end to end: the repository's own project is built, the Atom, RSS and JSON feeds are read
back as a reader would (feedparser, JSON), and each seed's publication time is shown in three zones.

DESIGN.md: a date printed without a time is 12:00 UTC of the printed day, so readers anywhere from UTC−12
to UTC+11 see the printed day (Pacific/Honolulu is UTC−10, Asia/Shanghai UTC+8, where the seed sites are).
A printed time is an instant: each reader sees the day of that instant in their own zone.
Entries' `updated` must look like a time a person would write: no 23:59:59.999999, no two alike.
"""
from __future__ import annotations

import calendar
import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import pytest
from helpers.feeds import REPO, seed_project

from cleanfeed.cli import main

ZONES = {"UTC": UTC, "Pacific/Honolulu": ZoneInfo("Pacific/Honolulu"), "Asia/Shanghai": ZoneInfo("Asia/Shanghai")}
SEEDS = {e["title"]: e for e in (json.loads(p.read_text("utf-8"))
                                  for p in sorted((REPO / "seeds" / "expected").glob("*.json")))}
FEEDS = ("recycled-metals-en", "recycled-metals-zh")


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Per format, every entry as a reader parsed it: title, published and updated as aware datetimes."""
    root = seed_project(tmp_path_factory.mktemp("readers"))
    assert main(["-q", "--project", str(root), "build"]) == 0
    out: dict[str, list[dict[str, Any]]] = {"atom": [], "rss": [], "json": []}
    for slug in FEEDS:
        for fmt in ("atom", "rss"):
            parsed = feedparser.parse((root / "public" / f"{slug}.{fmt}").read_bytes())
            assert not parsed.bozo
            # RSS items have no `updated` (feedparser would fall back to pubDate, with a warning)
            out[fmt] += [{"title": e.title, "published": _instant(e.get("published_parsed")),
                          "updated": e.get("updated") if fmt == "atom" else None, "raw_published": e.get("published")}
                         for e in parsed.entries]
        for item in json.loads((root / "public" / f"{slug}.json").read_text("utf-8"))["items"]:
            out["json"].append({"title": item["title"], "published": datetime.fromisoformat(item["date_published"]),
                                "updated": item["date_modified"], "raw_published": item["date_published"]})
    return out


def _instant(parsed: Any) -> datetime | None:
    """feedparser's UTC struct_time, as readers use it."""
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None


def _date_only(seed: dict[str, Any]) -> bool:
    return "value" not in seed["published"]       # seeds/expected gives `value` only when the page printed a time


def test_every_seed_is_shown_once_in_every_format(shown: dict[str, list[dict[str, Any]]]) -> None:
    for entries in shown.values():
        assert sorted(e["title"] for e in entries) == sorted(SEEDS)


def test_the_page_zone_reader_sees_the_printed_day(shown: dict[str, list[dict[str, Any]]]) -> None:
    for entries in shown.values():
        for entry in entries:
            seed = SEEDS[entry["title"]]
            assert entry["published"].astimezone(ZONES["Asia/Shanghai"]).date().isoformat() == seed["published"]["day"]


def test_a_printed_time_is_the_same_instant_for_every_reader(shown: dict[str, list[dict[str, Any]]]) -> None:
    for entries in shown.values():
        for entry in entries:
            seed = SEEDS[entry["title"]]
            if not _date_only(seed):
                assert entry["published"] == datetime.fromisoformat(seed["published"]["value"])
                for zone in ZONES.values():                   # each reader's own day of that instant
                    day = datetime.fromisoformat(seed["published"]["value"]).astimezone(zone).date()
                    assert entry["published"].astimezone(zone).date() == day


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Honolulu", "Asia/Shanghai"])
def test_a_date_printed_without_a_time_shows_as_that_day_in_every_zone(shown: dict[str, list[dict[str, Any]]],
                                                                       zone: str) -> None:
    for fmt, entries in shown.items():
        for entry in entries:
            seed = SEEDS[entry["title"]]
            if _date_only(seed):
                day = entry["published"].astimezone(ZONES[zone]).date().isoformat()
                assert day == seed["published"]["day"], (fmt, zone, entry["title"], entry["raw_published"])


def test_updated_is_a_time_a_person_would_write_and_unique(shown: dict[str, list[dict[str, Any]]]) -> None:
    for fmt in ("atom", "json"):
        stamps = [str(e["updated"]) for e in shown[fmt]]
        assert len(set(stamps)) == len(stamps), fmt
        assert not any("23:59:59.999999" in s or ".999999" in s for s in stamps), (fmt, stamps)
