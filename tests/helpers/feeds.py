"""Synthetic feed projects, articles, pages and stores, shared by the feed, store and dupes tests."""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from lxml import etree

from cleanfeed.model import Article, Page
from cleanfeed.rules.project import FeedSpec, Project
from cleanfeed.rules.site import RuleSet
from cleanfeed.store.db import Store
from helpers.feedcheck import check_files

REPO = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}creator"
CST = timezone(timedelta(hours=8))
T0 = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
SELF_BASE = "https://feeds.example.org/"          # `spec()`'s self_url: each feed file is published under it


def seed_project(tmp: Path) -> Path:
    """A copy of the repo's own feed project (feeds/, cleaners/, seeds/, cleanfeed.toml) in `tmp`."""
    for name in ("feeds", "cleaners", "seeds"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, tmp / name)
    shutil.copyfile(REPO / "cleanfeed.toml", tmp / "cleanfeed.toml")
    return tmp


def spec(slug: str = "test", **kw: Any) -> FeedSpec:
    base: dict[str, Any] = {"title": "Test feed", "self_url": SELF_BASE, "home_url": "https://example.org/",
                            "description": "A test feed", "author_name": "Tester", "author_email": "t@example.org",
                            "id_authority": "feeds.example.org", "timezone": "Asia/Shanghai"}
    base.update(kw)
    return FeedSpec(slug=slug, **base)


def project_with(root: Path, *feeds: FeedSpec, rules: RuleSet | None = None) -> Project:
    return Project(root=root, feeds=feeds or (spec(),), rules=rules or RuleSet(),
                   store_path=root / ".cleanfeed" / "store.sqlite", out_dir=root / "public")


def article(n: int, **kw: Any) -> Article:
    text = kw.pop("text", f"Body of article number {n}, a long enough opening sentence about copper scrap {n}.")
    base: dict[str, Any] = {"title": f"Article {n}", "text": text, "html": f"<p>{text}</p>", "language": "en",
                            "summary": text[:60]}
    base.update(kw)
    return Article(**base)


def page(n: int, *, url: str | None = None, fetched_at: datetime | None = T0, body: str | None = None) -> Page:
    return Page(body=body if body is not None else f"raw page {n}", url=url, fetched_at=fetched_at, source=f"p{n}.txt")


def text_page(title: str, n: int, lang: str = "en") -> str:
    """A plain-text page the real cleaner turns into an article (title line, three paragraphs)."""
    if lang == "zh":
        body = [f"第{n}号再生铝项目在宁波开工建设，总投资约{n}亿元，设计年产能{n}万吨。",
                f"项目负责人表示，该项目将回收废旧铝材{n}万吨，并带动上下游企业共同发展。",
                "业内人士认为，随着双碳目标推进，再生金属产业将迎来新的发展机遇。"]
    else:
        body = [(f"Scrap copper prices rose for the {n}th time this year as smelters in Ningbo bought more "
                f"material, traders said on Monday. Stock number {n} was thin."),
                (f"The rise follows a long slide in the second quarter. Analysts expect plant {n} to keep "
                "buying until new import quotas are published at the end of the month."),
                "Recyclers in the region said collection volumes were steady despite the rain."]
    return title + "\n\n" + "\n\n".join(body) + "\n"


def write_page(folder: Path, name: str, body: str, *, fetched_at: str = "2024-03-05T10:00:00+08:00",
               url: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    meta = {"fetched_at": fetched_at, "timezone": "Asia/Shanghai", **({"url": url} if url else {})}
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def fill(project: Project, items: Iterable[tuple[Page, Article]]) -> None:
    with Store.open(project.store_path) as store, store.transaction():
        for p, a in items:
            store.upsert(p, a)


def assert_feeds_clean(paths: Iterable[Path], base_url: str | None = SELF_BASE) -> None:
    """No error and no warning from helpers.feedcheck in any of the Atom / RSS files; with `base_url`, each
    file's rel="self" link is `base_url` + its name (the URL it is published at)."""
    problems = check_files(list(paths), base_url)
    assert problems == [], "\n".join(problems)


def output_files(out: Path) -> dict[str, Path]:
    """Every file a publish wrote, by its path relative to the output folder (`items/<slug>-<id>.html` too)."""
    return {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*")) if p.is_file()}


def xml(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))


def xml_bytes(data: bytes) -> etree._Element:
    return etree.fromstring(data)
