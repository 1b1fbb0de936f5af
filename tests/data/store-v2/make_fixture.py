"""Make the store fixture with the *previous release* (commit 9885525, schema v2). Not run by the tests:

    git archive 9885525 | tar -x -C /tmp/cf-old
    PYTHONPATH=/tmp/cf-old python tests/data/store-v2/make_fixture.py tests/data/store-v2

It builds a feed project in a temporary folder from our own hand-written pages (MIT), adds them the ways
a user would — page files with and without URL, a JSON Lines file, a WARC file, clean-corpus shards with
and without `--keep-raw`, a reprint on another site (a story of two) and two `remove`s (a stored URL, one
never stored) — and copies the store, the feed files and a listing of every row into OUT.
"""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from warcio.warcwriter import WARCWriter

from cleanfeed.cli import main

FEED = """title = "Metals"
self_url = "https://feeds.example.org/"
timezone = "Asia/Shanghai"
[author]
name = "fixture"
email = "fixture@example.org"
"""
RULE = 'hosts = ["metals.example"]\ntimezone = "Asia/Shanghai"\n'


def body(n: int, topic: str) -> str:
    return (f"{topic} market report number {n}\n\nRelease Time: 2024-03-0{n} 09:30\n\n"
            f"Scrap {topic.lower()} prices rose for the {n}th week as smelters in Ningbo bought more material, "
            f"traders said on Monday. Stocks of report {n} were thin and buyers paid more for clean lots.\n\n"
            "The rise follows a long slide in the second quarter. Analysts expect the buying to continue "
            "until new import quotas are published at the end of the month.\n")


def html(n: int, topic: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body(n, topic).split("\n\n")[2:])
    return (f"<!DOCTYPE html><html lang='en'><head><title>{topic} report {n}</title>"
            f"<meta property='article:published_time' content='2024-03-0{n}T09:30:00+08:00'></head>"
            f"<body><article><h1>{topic} report {n}</h1>{paragraphs}</article></body></html>").encode()


def shard_record(n: int, topic: str, raw: bool) -> dict[str, object]:
    text = "\n\n".join(body(n, topic).split("\n\n")[2:]).strip()
    rec: dict[str, object] = {
        "source": f"crawl/p{n}.txt", "url": f"https://wire.example/{topic.lower()}/{n}.html",
        "title": f"{topic} market report number {n}", "author": None,
        "published": f"2024-03-0{n}T09:30:00+08:00", "published_source": "header", "updated": None,
        "language": "en", "text": text, "html": "".join(f"<p>{p}</p>" for p in text.split("\n\n")),
        "summary": text[:80], "fetched_at": "2024-03-09T12:00:00+08:00", "site": None}
    if raw:
        rec["raw"] = body(n, topic)
    return rec


def build(root: Path) -> None:
    (root / "feeds").mkdir(parents=True)
    (root / "cleaners").mkdir()
    (root / "feeds" / "metals.toml").write_text(FEED)
    (root / "cleaners" / "metals.toml").write_text(RULE)
    inbox = root / "inbox"
    inbox.mkdir()
    for n, topic in ((1, "Copper"), (2, "Aluminium")):                   # page files with a URL
        (inbox / f"p{n}.txt").write_text(body(n, topic))
        (inbox / f"p{n}.txt.meta.json").write_text(json.dumps({
            "url": f"https://metals.example/news/{n}.html", "fetched_at": "2024-03-09T10:00:00+08:00"}))
    (inbox / "p3.txt").write_text(body(3, "Zinc"))                        # no URL: a text-dump id
    (inbox / "p3.txt.meta.json").write_text(json.dumps({"fetched_at": "2024-03-09T10:00:00+08:00"}))
    (inbox / "reprint.txt").write_text(body(1, "Copper").replace("Release Time", "Source: wire; Time"))
    (inbox / "reprint.txt.meta.json").write_text(json.dumps({
        "url": "https://other.example/reprint/1.html", "fetched_at": "2024-03-09T11:00:00+08:00"}))
    with (root / "records.jsonl").open("w") as out:
        out.write(json.dumps({"url": "https://metals.example/news/4.html", "fetched_at": "2024-03-09",
                              "text": body(4, "Nickel")}) + "\n")
    with (root / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        page = html(5, "Tin")
        response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                    % len(page)) + page
        writer.write_record(writer.create_warc_record(
            "https://metals.example/news/5.html", "response", payload=io.BytesIO(response), length=len(response),
            warc_headers_dict={"WARC-Date": "2024-03-09T02:00:00Z"}))
    for name, raw in (("shards", False), ("shards-raw", True)):          # clean-corpus output, by hand
        folder = root / name
        folder.mkdir()
        n = 6 if not raw else 7
        topic = "Lead" if not raw else "Cobalt"
        (folder / "part-00000.jsonl").write_text(json.dumps(shard_record(n, topic, raw)) + "\n")
        (folder / "_manifest.json").write_text(json.dumps({"format": "jsonl", "inputs": ["crawl"], "pages": 1,
                                                           "failed": 0, "partitions": [
                                                               {"shard": "part-00000.jsonl", "pages": 1,
                                                                "failed": 0}]}))
    project = ["--project", str(root), "-q"]
    assert main([*project, "add", str(inbox)]) == 0
    assert main([*project, "add", str(root / "records.jsonl"), str(root / "crawl.warc.gz")]) == 0
    assert main([*project, "add", str(root / "shards"), str(root / "shards-raw")]) == 0
    assert main([*project, "remove", "https://metals.example/news/2.html"]) == 0
    assert main([*project, "remove", "https://metals.example/never-stored.html"]) == 0


def listing(store: Path) -> dict[str, object]:
    """Every row of every table, as the old release stored it (raw pages as their length)."""
    conn = sqlite3.connect(store)
    out: dict[str, object] = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
    for table in ("articles", "aliases", "dupe_docs", "dupe_links", "dupe_splits"):
        names = [d[1] for d in conn.execute(f"PRAGMA table_info({table})")]
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        out[table] = [{k: (len(v) if isinstance(v, bytes) else v) for k, v in zip(names, r, strict=True)}
                      for r in rows]
    conn.close()
    return out


def run(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        build(root)
        store = root / ".cleanfeed" / "store.sqlite"
        conn = sqlite3.connect(store)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")                    # one self-contained file
        conn.close()
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(store, out / "store.sqlite")
        for name in ("metals.atom",):
            shutil.copy(root / "public" / name, out / name)
        (out / "rows.json").write_text(json.dumps(listing(out / "store.sqlite"), indent=1, ensure_ascii=False)
                                       + "\n", encoding="utf-8")


if __name__ == "__main__":
    run(Path(sys.argv[1]))
