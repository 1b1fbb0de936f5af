"""WARC files written by a real client: `wget --warc-file` against a 127.0.0.1 server of this test."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.warc import read_warc
from cleanfeed.model import Page

PAGE = "<html><head><title>Aluminium scrap</title></head><body><p>Prices held firm.</p></body></html>"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "a.html").write_text(PAGE, encoding="utf-8")
    (root / "b.txt").write_text("Plain text news.", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_reads_wget_warc(site: str, tmp_path: Path) -> None:
    if not shutil.which("wget"):
        if os.environ.get("CI"):
            pytest.fail("wget is missing (.ci/run installs it)")
        pytest.skip("wget is not installed")
    out = tmp_path / "crawl"
    # no keep-alive: http.server speaks HTTP/1.0 and closes after each response, and a reused
    # connection then loses the next request now and then (wget writes the request, no response)
    subprocess.run(["wget", "-q", "--no-http-keep-alive", "--tries=2", "--timeout=10", f"--warc-file={out}",
                    "-O", os.devnull,
                    f"{site}/a.html", f"{site}/b.txt", f"{site}/missing.html"],
                   cwd=tmp_path, timeout=60, check=False)
    items = list(read_warc(out.with_name("crawl.warc.gz")))
    assert not [i for i in items if isinstance(i, CleanfeedError)]
    pages = [p for p in items if isinstance(p, Page)]
    # the 404 and wget's own log (a text/plain resource record) are not pages
    assert [p.url for p in pages] == [f"{site}/a.html", f"{site}/b.txt"]
    assert pages[0].body == PAGE.encode() and (pages[0].content_type or "").startswith("text/html")
    assert pages[1].body == b"Plain text news."
    assert all(p.fetched_at and p.fetched_at.utcoffset() is not None for p in pages)
