"""Publishing is serialised per project (issue #20): two overlapping `add`s never write an older render
last, because the store is read and the files written under one lock. And `serve` announces only what it
will serve: no hidden files, no symlinks."""
from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest
from helpers.feeds import article, fill, page, project_with

from cleanfeed.commands.serve import servable_feeds
from cleanfeed.publish import output
from cleanfeed.publish.output import LOCK_NAME, publish


def held(path: Path) -> bool:
    """Whether another open file description holds the flock on `path`."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_publish_waits_for_the_lock_and_reads_the_store_inside_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Render inside the lock: whoever publishes last read the store last, so it has the newest render."""
    project = project_with(tmp_path)
    fill(project, [(page(1), article(1))])
    lock = project.store_path.parent / LOCK_NAME
    seen: list[bool] = []
    real_render = output.render
    monkeypatch.setattr(output, "render", lambda p, s, **kw: seen.append(held(lock)) or real_render(p, s, **kw))
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)                   # another publish is running
        worker = threading.Thread(target=publish, args=(project,))
        worker.start()
        time.sleep(0.3)
        assert worker.is_alive() and not (project.out_dir / "test.atom").exists()
        fcntl.flock(handle, fcntl.LOCK_UN)
    worker.join(10)
    assert (project.out_dir / "test.atom").exists() and seen == [True]


def test_serve_announces_no_hidden_file_and_no_symlink(tmp_path: Path) -> None:
    for name in ("a.atom", "b.rss", ".draft.atom", ".a.atom.tmp-123", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "dir.json").mkdir()
    os.symlink(tmp_path / "a.atom", tmp_path / "link.atom")
    os.symlink("/etc/hostname", tmp_path / "outside.rss")
    assert servable_feeds(tmp_path) == ["a.atom", "b.rss"]
