"""`cleanfeed serve --watch`: dropped pages reach the served feed within seconds; half-written pages wait;
bad pages are reported and skipped; the CLI runs it all without a restart."""
from __future__ import annotations

import logging
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.servekit import EN_SEEDS, REPO, drop_seed, expected, make_project, request, running, wait_for

from cleanfeed.errors import CleanfeedError
from cleanfeed.model import Page
from cleanfeed.serve.watch import Signature, Watcher, for_project, ready, scan

DEADLINE = 15.0        # seconds; a page normally shows up within one or two polls (0.1 s each here)


class Recorder(logging.Handler):
    """Collects the watcher's log lines whatever the CLI did to the "cleanfeed" logger's propagation."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture()
def recorder() -> Iterator[Recorder]:
    handler, logger = Recorder(), logging.getLogger("cleanfeed.serve.watch")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_ready_needs_two_equal_looks_and_skips_what_is_done() -> None:
    a, b = Path("a.txt"), Path("b.txt")
    s1, s2 = Signature((10, 1), None), Signature((20, 2), None)
    assert ready({}, {a: s1}, {}) == []                             # first sight: maybe still being written
    assert ready({a: s1}, {a: s2}, {}) == []                        # changed since the last look
    assert ready({a: s2, b: s1}, {a: s2, b: s1}, {}) == [a, b]
    assert ready({a: s2}, {a: s2}, {a: s2}) == []                   # done as it is
    assert ready({a: s2}, {a: s2}, {a: s1}) == [a]                  # changed after it was done
    with_sidecar = Signature((20, 2), (5, 3))
    assert ready({a: s2}, {a: with_sidecar}, {a: s2}) == []         # a sidecar appearing is a change too


def test_scan_lists_page_files_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", ".hidden.txt", "c.txt.meta.json", "notes.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    found = scan([tmp_path, tmp_path / "missing"])
    assert sorted(p.name for p in found) == ["a.txt", "b.html"]


def test_a_half_written_page_is_read_only_once_it_is_stable(tmp_path: Path) -> None:
    seen: list[str] = []
    published: list[int] = []

    def process(pages: list[Page | CleanfeedError]) -> list[str]:
        seen.extend(p.body.decode() if isinstance(p, Page) and isinstance(p.body, bytes) else str(p) for p in pages)
        return []

    watcher = Watcher([tmp_path], process, lambda: published.append(1), interval=60)
    page = tmp_path / "slow.txt"
    watcher.poll()
    with open(page, "w", encoding="utf-8") as fh:       # a scraper writing in pieces, polled in between
        fh.write("Copper scrap prices rise\n\n")
        fh.flush()
        assert watcher.poll() is None                   # first sight
        fh.write("Prices of copper scrap rose 3% this week in Foshan.\n")
        fh.flush()
        assert watcher.poll() is None                   # grew since the last look
    result = watcher.poll()                             # unchanged across two looks: read it, whole
    assert result is not None and result.paths == (page,)
    assert seen == ["Copper scrap prices rise\n\nPrices of copper scrap rose 3% this week in Foshan.\n"]
    assert watcher.poll() is None and published == [1]  # done: not read again
    page.write_text("Copper scrap prices rise again\n\nThey rose 5% this week.\n", encoding="utf-8")
    assert watcher.poll() is None
    assert watcher.poll() is not None and len(seen) == 2


def test_watch_publishes_a_dropped_page_to_the_served_feed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    inbox = tmp_path / "inbox"
    watcher = for_project(project, [inbox], interval=0.1).start()
    title = expected(EN_SEEDS[3])["title"]
    try:
        with running(project.out_dir) as server:
            assert title not in request(server, "/recycled-metals-en.atom").body.decode()
            drop_seed(inbox, EN_SEEDS[3])
            wait_for(lambda: title in request(server, "/recycled-metals-en.atom").body.decode(), DEADLINE,
                     "the dropped page in the served feed")
    finally:
        watcher.stop()


def test_watch_reports_and_skips_a_bad_page(tmp_path: Path, recorder: Recorder) -> None:
    project = make_project(tmp_path)
    inbox = tmp_path / "inbox"
    watcher = for_project(project, [inbox], interval=0.1).start()
    try:
        with running(project.out_dir) as server:
            (inbox / "broken.html").write_bytes(b"\x00\x01\x02 not a page \xff\xfe" * 50)
            (inbox / "empty.txt").write_text("", encoding="utf-8")
            drop_seed(inbox, EN_SEEDS[0])
            title = expected(EN_SEEDS[0])["title"]
            wait_for(lambda: title in request(server, "/recycled-metals-en.atom").body.decode(), DEADLINE,
                     "the good page published beside the bad ones")
            wait_for(lambda: sum("skipped" in line for line in recorder.lines) >= 2, DEADLINE, "both bad pages named")
            polls_later = len(recorder.lines)
            drop_seed(inbox, EN_SEEDS[1])                  # one more batch: the bad pages are not retried
            wait_for(lambda: len(recorder.lines) > polls_later, DEADLINE, "the next batch")
    finally:
        watcher.stop()
    skipped = [line for line in recorder.lines if line.startswith("skipped")]
    assert len(skipped) == 2
    assert any("broken.html" in line for line in skipped) and any("empty.txt" in line for line in skipped)


def _stderr_lines(proc: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


@pytest.mark.slow
def test_cli_serve_watch_end_to_end(tmp_path: Path) -> None:
    """`cleanfeed serve --watch` as a user runs it: a page dropped into the inbox is served, SIGTERM stops it."""
    project = make_project(tmp_path)
    inbox = tmp_path / "inbox"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "cleanfeed", "--project", str(tmp_path), "serve", "--port", "0",
                             "--watch", str(inbox), "--interval", "0.2"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    lines, pump = _stderr_lines(proc)
    try:
        port = wait_for(lambda: _port(lines), DEADLINE, "the server's address on stderr")
        title = expected(EN_SEEDS[3])["title"]
        drop_seed(inbox, EN_SEEDS[3])
        wait_for(lambda: title in request(port, "/recycled-metals-en.atom").body.decode(), DEADLINE,
                 "the dropped page served by the CLI")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=DEADLINE) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=DEADLINE)
        pump.join(DEADLINE)                   # stderr reached EOF: now it can be closed
        assert proc.stderr is not None
        proc.stderr.close()
    assert project.out_dir.joinpath("recycled-metals-en.atom").exists()


def _port(lines: queue.Queue[str]) -> int | None:
    while not lines.empty():
        found = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/", lines.get())
        if found:
            return int(found.group(1))
    return None


def test_cli_serve_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cleanfeed.cli import main

    assert main(["serve", str(tmp_path / "nope"), "--port", "0"]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["--project", str(tmp_path), "serve", "--port", "0", "--watch", str(tmp_path / "nope")]) == 2


def test_the_server_logs_an_empty_feed_at_info_not_as_a_warning(tmp_path: Path) -> None:
    """A server publishes every few seconds: the empty-feed line is INFO there (-v shows it), not a warning
    repeated in its log."""
    from cleanfeed.inputs.files import iter_pages
    from cleanfeed.store.ingest import ingest
    project = make_project(tmp_path)
    drop_seed(tmp_path / "inbox", EN_SEEDS[3])
    ingest(project, iter_pages([str(tmp_path / "inbox")], timezone=project.timezone), progress=False)
    records: list[logging.LogRecord] = []
    handler, logger = Recorder(), logging.getLogger("cleanfeed.publish.output")
    handler.emit = records.append        # type: ignore[method-assign]
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        for_project(project, [tmp_path / "inbox"], interval=0.1)         # publishes once, as serve --watch does
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    empty = [r for r in records if "is empty" in r.getMessage()]
    assert [(r.levelno, r.getMessage().split(" (")[0]) for r in empty] == [(logging.INFO, "feed recycled-metals-zh")]
