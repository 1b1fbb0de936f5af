"""Test kit for `cleanfeed serve`: run a server on 127.0.0.1 (ephemeral port) in a thread, and speak raw
HTTP/1.1 to it, so tests see exactly the bytes on the wire (a 304 or HEAD body would show up here)."""
from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanfeed.serve.server import FeedServer, make_server, serve_in_thread

TIMEOUT = 5.0


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]        # lower-case names
    body: bytes                    # everything after the blank line, up to the server closing the connection


@contextmanager
def running(root: Path, **kw: Any) -> Iterator[FeedServer]:
    """A server for `root` on a free 127.0.0.1 port, stopped (and its thread joined) on exit."""
    kw.setdefault("access_log", None)
    server = make_server(root, "127.0.0.1", 0, **kw)
    thread = serve_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "server thread did not stop"


def request(server: FeedServer | int, target: str, method: str = "GET",
            headers: dict[str, str] | None = None) -> Response:
    """Send `target` verbatim to a server (or a port on 127.0.0.1) (no client-side normalisation of `..` or
    `%2f`) and read until close."""
    port = server if isinstance(server, int) else server.server_port
    given = {k.lower() for k in headers or {}}
    lines = [f"{method} {target} HTTP/1.1", *([] if "host" in given else [f"Host: 127.0.0.1:{port}"]),
             "Connection: close", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = dict((k.strip().lower(), v.strip()) for k, _, v in (h.partition(":") for h in header_lines))
    return Response(int(status_line.split()[1]), parsed, body)


def wait_for(check: Callable[[], Any], deadline_s: float, what: str, every: float = 0.2) -> Any:
    """Poll `check()` until it returns something truthy, or fail after `deadline_s` seconds."""
    end = time.monotonic() + deadline_s
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"not within {deadline_s:.0f} s: {what}")
        time.sleep(every)


# ----------------------------------------------------------------------------- a feed project of the seeds

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
EN_SEEDS = ("000_df4d34c1e245e1b5", "001_9969c062e0f66dae", "002_3b290dbe0b7d52e7", "004_bf537ba9d00a0c9d")
ZH_SEEDS = ("003_27029dca3559c2f8",)
CHANGED_TITLE = "Binzhou: Supporting the development of the recycled aluminum industry"
ADDED_SENTENCE = "The bureau will report on progress in June."


def make_project(tmp: Path) -> Any:
    """The repo's feed project (feeds/*.toml, cleaners/) copied into `tmp`, with an empty `inbox/`."""
    import shutil

    from cleanfeed.rules.project import load_project

    for folder in ("feeds", "cleaners"):
        shutil.copytree(REPO / folder, tmp / folder)
    (tmp / "inbox").mkdir()
    return load_project(tmp)


def expected(stem: str) -> dict[str, Any]:
    import json
    return dict(json.loads((SEEDS / "expected" / f"{stem}.json").read_text(encoding="utf-8")))


def edit_001(text: str) -> str:
    """Seed 001 re-scraped after the site edited it: a new headline and one more sentence at the end."""
    old_title = expected("001_9969c062e0f66dae")["title"]
    assert old_title in text and "industrial economy" in text
    return text.replace(old_title, CHANGED_TITLE).replace("industrial economy", f"industrial economy. {ADDED_SENTENCE}")


def drop_seed(folder: Path, stem: str, edit: Callable[[str], str] | None = None) -> Path:
    """Copy a seed page and its sidecar into `folder` the way a scraper should: sidecar first, page last,
    each written to a temporary name and renamed."""
    import os

    page = folder / f"{stem}.txt"
    for src, dst in ((SEEDS / f"{stem}.txt.meta.json", folder / f"{stem}.txt.meta.json"),
                     (SEEDS / f"{stem}.txt", page)):
        data = src.read_bytes()
        if edit is not None and dst == page:
            data = edit(data.decode("utf-8")).encode("utf-8")
        tmp = dst.with_name(f".{dst.name}.part")
        tmp.write_bytes(data)
        os.replace(tmp, dst)
    return page


def add_pages(project: Any, pages: list[Path]) -> Any:
    """`cleanfeed add` in-process: ingest the pages, publish the feeds; returns the IngestReport."""
    from cleanfeed.inputs.files import iter_pages
    from cleanfeed.publish.output import publish
    from cleanfeed.store.ingest import ingest

    report = ingest(project, iter_pages([str(p) for p in pages], timezone=project.timezone))
    publish(project)
    return report


def age_outputs(out_dir: Path, seconds: float = 10.0) -> None:
    """Pretend the build ran `seconds` ago, so Last-Modified (whole seconds) is settled and a rebuild
    that changes a file moves it to a later second."""
    import os
    import time

    when = time.time() - seconds
    for path in out_dir.iterdir():
        os.utime(path, (when, when))
