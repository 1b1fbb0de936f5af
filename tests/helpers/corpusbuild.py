"""A generated corpus for tests/test_corpus*.py: pages of the fixture sets under tests/data repeated under new
ids, as a folder of page files (with sidecars), a JSON Lines file and a WARC file, plus pages that misbehave.

The pages: the first 8 text dumps of aeb-en-text and of cwced-zh-text, the first 6 HTML pages of aeb-en and the
first 4 of cwced-zh (sorted ids)."""
from __future__ import annotations

import json
from pathlib import Path

from helpers.data import pages as set_pages
from helpers.warcbuild import write_pages_warcio

FAULTS = ("FAULT-RAISE", "FAULT-SEGV", "FAULT-HANG")


def fault_page(marker: str) -> str:
    return f"Scrap copper market report\n\n{marker}: this page makes the test cleaner misbehave.\n"


def make_corpus(root: Path, *, scale: int = 1, faults: bool = True) -> list[str]:
    """[folder, jsonl, warc] under `root`; `scale` repeats the pages under new ids."""
    texts = set_pages("text/aeb-en-text", 8) + set_pages("text/cwced-zh-text", 8)
    htmls = set_pages("extraction/aeb-en", 6) + set_pages("extraction/cwced-zh", 4)
    folder = root / "pages"
    folder.mkdir(parents=True)
    n = 0
    for copy in range(scale):
        for i, body in enumerate(texts + htmls):
            path = folder / f"c{copy:03d}-p{i:03d}{'.txt' if i < len(texts) else '.html'}"
            path.write_bytes(body)
            if i % 2 == 0:
                path.with_name(path.name + ".meta.json").write_text(json.dumps(
                    {"url": f"https://corpus.example/f/{copy}/{i}", "fetched_at": "2021-05-01T10:00:00+08:00",
                     "timezone": "Asia/Shanghai"}))
            n += 1
    (folder / "empty.txt").write_text("")
    if faults:
        for marker in FAULTS[:2]:
            (folder / f"fault-{marker.lower()}.txt").write_text(fault_page(marker))
    jsonl = root / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for copy in range(scale):
            for i, body in enumerate(texts + htmls):
                key = "text" if i < len(texts) else "html"
                out.write(json.dumps({"url": f"https://corpus.example/j/{copy}/{i}",
                                      "fetched_at": "2021-05-02", key: body.decode("utf-8", "replace")},
                                     ensure_ascii=False) + "\n")
            if copy == 0:
                out.write("{not json\n")
                if faults:
                    hang = {"url": "https://corpus.example/hang", "text": fault_page("FAULT-HANG")}
                    out.write(json.dumps(hang) + "\n")
                out.write(json.dumps({"url": "https://corpus.example/kill",
                                      "text": fault_page("FAULT-KILL-WORKER") + texts[0].decode()}) + "\n")
    warc = root / "crawl.warc.gz"
    pages = [(f"https://corpus.example/w/{copy}/{i}", body) for copy in range(scale) for i, body in enumerate(htmls)]
    write_pages_warcio(warc, pages)
    return [str(folder), str(jsonl), str(warc)]
