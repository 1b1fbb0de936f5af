"""`cleanfeed check` on a copy of the FiveFilters collection in `cleaners/ftr-site-config/`: upstream data, so
its findings are warnings, and only for the files that serve the hosts the project's rules name or crawl."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cleanfeed.cli import main

COLLECTION = Path(__file__).parent / "data" / "ftr" / "collection"
FEED = 'title = "t"\nself_url = "https://feeds.example.org/"\n[author]\nname = "a"\nemail = "a@example.org"\n'


def test_collection_copy_is_checked_for_the_projects_hosts_only(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text(FEED, encoding="utf-8")
    shutil.copytree(COLLECTION, tmp_path / "cleaners" / "ftr-site-config")
    (tmp_path / "cleaners" / "faz.toml").write_text('hosts = ["www.faz.net"]\n', encoding="utf-8")
    assert main(["--project", str(tmp_path), "check"]) == 0
    err = capsys.readouterr().err
    copy = tmp_path / "cleaners" / "ftr-site-config"
    assert f"warning: {copy / 'faz.net.txt'}:24: XPath" in err and "contains() takes 2 argument(s), not 1" in err
    assert f"warning: {copy / 'global.txt'}:40: post_strip_attr: not supported (ignored)" in err
    assert "lwn.net.txt" not in err and "config error" not in err and "LICENSE" not in err
