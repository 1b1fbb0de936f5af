"""public/ in a real browser: headless Chromium (Debian package `chromium`, installed by .ci/run) renders the
index and item pages with page scripts off, on a phone (390 px) and a desktop (1280 px), light and dark.
The tests read the rendered text, measure horizontal overflow and take screenshots. In CI (CI=true) a
missing Chromium is a failure. `pytest tests/test_site_browser.py --update-golden` also copies the
screenshots to docs/screenshots/ (the README shows them; a CJK font, fonts-wqy-microhei, draws the Chinese).
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.browser import Browser, find_chromium
from helpers.feeds import seed_project, write_page
from helpers.stories import NOTICE, page

from cleanfeed.cli import main

pytestmark = pytest.mark.slow
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PHONE, DESKTOP = 390, 1280
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    found = find_chromium()
    if not found:
        message = "Chromium is not installed (apt-get install -y chromium; .ci/run does it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with Browser(found) as b:
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed project, a story of two versions with URLs, and a page of long unbreakable content."""
    root = seed_project(tmp_path_factory.mktemp("site"))
    inbox = root / "inbox"
    write_page(inbox, "alloy.txt", page("Alloy Daily", "Recyclers asked to report scrap stocks", NOTICE),
               url="https://www.alloy.example/news/1.html", fetched_at="2024-03-01T12:00:00+08:00")
    write_page(inbox, "wire.txt", page("Metal Wire", "Scrap stock reports from April", NOTICE[:5]),
               url="https://wire.example/a/77", fetched_at="2024-03-01T15:00:00+08:00")
    cells = "".join(f"<td>Aluminium alloy grade {n} delivered Ningbo</td>" for n in range(12))
    wide = (f"<html><head><title>Price table</title></head><body><article><h1>Scrap price table for the week</h1>"
            f"<p>{NOTICE[0]}</p><p>{NOTICE[1]}</p><table><tr>{cells}</tr></table>"
            f"<p>Source: https://prices.example/{'a' * 160}/table.csv and the code {'X7' * 80}</p>"
            f"<p>{NOTICE[2]}</p></article></body></html>")
    write_page(inbox, "wide.html", wide, url="https://prices.example/week/9.html",
               fetched_at="2024-03-02T09:00:00+08:00")
    assert main(["-q", "--project", str(root), "build"]) == 0
    assert main(["-q", "--project", str(root), "add", str(inbox)]) == 0
    return root / "public"


def items(site: Path, slug: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = json.loads((site / f"{slug}.json").read_text("utf-8"))["items"]
    return found


def page_of(site: Path, slug: str, url_part: str) -> Path:
    item = next(i for i in items(site, slug) if url_part in i["url"])
    return site / "items" / f"{slug}-{item['id'].rsplit('/', 1)[1]}.html"


def shoot(shot: object, name: str, tmp_path: Path, update_golden: bool) -> None:
    path = tmp_path / name
    data = shot.screenshot(path)  # type: ignore[attr-defined]
    assert data.startswith(PNG) and len(data) > 5000
    if update_golden:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / name)


@pytest.mark.parametrize(("width", "name"), [(PHONE, "index-phone.png"), (DESKTOP, "index-desktop.png")])
def test_index_renders_every_item_without_horizontal_scroll(browser: Browser, site: Path, tmp_path: Path,
                                                            update_golden: bool, width: int, name: str) -> None:
    shown = browser.open((site / "index.html").as_uri(), width=width, mobile=width == PHONE)
    rendered = shown.text
    assert rendered.startswith("Recycled metals news\n")                    # the site's title, from cleanfeed.toml
    for slug in ("recycled-metals-en", "recycled-metals-zh"):
        for item in items(site, slug):
            assert item["title"] in rendered
            assert " ".join(item["summary"].split())[:60] in " ".join(rendered.split())
    assert "29 September 2020" in rendered and "2023年9月28日" in rendered
    assert "alloy.example" in rendered and "Subscribe: Atom · RSS · JSON Feed" in rendered
    assert shown.horizontal_overflow() == 0
    shoot(shown, name, tmp_path, update_golden)


def test_an_item_page_renders_the_article_its_source_and_the_reprint(browser: Browser, site: Path, tmp_path: Path,
                                                                     update_golden: bool) -> None:
    shown = browser.open(page_of(site, "recycled-metals-en", "alloy.example").as_uri(), width=PHONE, mobile=True)
    rendered = " ".join(shown.text.split())
    assert rendered.startswith("Recycled metals news Recyclers asked to report scrap stocks")
    assert all(" ".join(p.split()) in rendered for p in NOTICE)
    assert "Also published by: wire.example" in rendered and "Published at alloy.example" in rendered
    assert rendered.endswith("← Recycled metals news All feeds (OPML) · made with cleanfeed")
    assert shown.horizontal_overflow() == 0
    shoot(shown, "item-phone.png", tmp_path, update_golden)


def test_long_words_and_urls_do_not_widen_a_phone_page(browser: Browser, site: Path) -> None:
    shown = browser.open(page_of(site, "recycled-metals-en", "prices.example").as_uri(), width=PHONE, mobile=True)
    assert "Aluminium alloy grade 11 delivered Ningbo" in shown.text
    assert shown.horizontal_overflow() == 0


def _luminance(css_rgb: str) -> float:
    r, g, b = (int(x) / 255 for x in css_rgb.removeprefix("rgb(").removesuffix(")").split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_dark_mode_follows_the_readers_setting(browser: Browser, site: Path, tmp_path: Path,
                                               update_golden: bool) -> None:
    url = page_of(site, "recycled-metals-zh", "feeds.example.org").as_uri()
    light = browser.open(url, width=PHONE, mobile=True)
    dark = browser.open(url, width=PHONE, mobile=True, dark=True)
    assert _luminance(light.style("body", "background-color")) > 0.9 > 0.5 > _luminance(light.style("body", "color"))
    assert _luminance(dark.style("body", "background-color")) < 0.1 < 0.5 < _luminance(dark.style("body", "color"))
    assert "王健会见中铝集团总经理助理武建强一行" in dark.text and dark.horizontal_overflow() == 0
    shoot(dark, "item-phone-dark.png", tmp_path, update_golden)
