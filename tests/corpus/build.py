"""A generated corpus for tests/test_corpus*.py: pages of ../shared/data repeated under new ids, as a
folder of page files (with sidecars), a JSON Lines file and a WARC file, plus pages that misbehave."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1].parent / "shared" / "data"
sys.path.insert(0, str(HERE.parent / "warc"))
from warcbuild import write_pages_warcio

FAULTS = ("FAULT-RAISE", "FAULT-SEGV", "FAULT-HANG")


def shared_pages(subset: str, n: int) -> list[bytes]:
    files = sorted((DATA / subset / "html").glob("*.html.gz"))[:n]
    assert len(files) == n, f"{DATA / subset} is missing (../shared/data)"
    return [gzip.decompress(f.read_bytes()) for f in files]


def fault_page(marker: str) -> str:
    return f"Scrap copper market report\n\n{marker}: this page makes the test cleaner misbehave.\n"


def make_corpus(root: Path, *, scale: int = 1, faults: bool = True) -> list[str]:
    """[folder, jsonl, warc] under `root`; `scale` repeats the pages under new ids."""
    texts = shared_pages("text/aeb-en-text", 8) + shared_pages("text/daniel-zh-dev-text", 8)
    htmls = shared_pages("extraction/aeb-en", 6) + shared_pages("extraction/cwced-zh", 4)
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
                    out.write(json.dumps({"url": "https://corpus.example/hang", "text": fault_page("FAULT-HANG")}) + "\n")
                out.write(json.dumps({"url": "https://corpus.example/kill",
                                      "text": fault_page("FAULT-KILL-WORKER") + texts[0].decode()}) + "\n")
    warc = root / "crawl.warc.gz"
    pages = [(f"https://corpus.example/w/{copy}/{i}", body) for copy in range(scale) for i, body in enumerate(htmls)]
    write_pages_warcio(warc, pages)
    return [str(folder), str(jsonl), str(warc)]
