"""`cleanfeed dupes [FEED]`, `cleanfeed dupes --split ID` and `cleanfeed add --explain` on a project folder."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.feeds import ATOM, write_page, xml
from helpers.stories import NOTICE, PLANT, page

from cleanfeed.cli import main

FEED = 'title = "T"\nself_url = "https://f.example/feeds/"\ninputs = ["in/*.txt"]\n'


def cli(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one feed and three pages: a notice, its reprint on another site, another story."""
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text(FEED + 'preferred_sources = ["association.example"]\n')
    write_page(tmp_path / "in", "a.txt", page("Metals Weekly", "Notice", NOTICE), url="https://mw.example/1")
    write_page(tmp_path / "in", "b.txt", page("Metals Weekly", "Plant", PLANT), url="https://mw.example/2")
    assert cli(tmp_path, "-q", "build") == 0
    return tmp_path


def entries(root: Path) -> list[str]:
    return [e.findtext(f"{ATOM}id") or "" for e in xml(root / "public" / "f.atom").findall(f"{ATOM}entry")]


def test_add_explain_says_which_story_a_page_joined(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    write_page(project / "new", "c.txt", page("Association", "Notice", NOTICE[:5]), url="https://association.example/9",
               fetched_at="2024-03-06T10:00:00+08:00")
    assert cli(project, "-q", "add", "--explain", str(project / "new" / "c.txt")) == 0
    out = capsys.readouterr().out
    assert "c.txt" in out and "joined story u" in out and "https://mw.example/1" in out
    assert len(entries(project)) == 2


def test_dupes_lists_groups_and_split_undoes_a_merge_for_good(project: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    write_page(project / "new", "c.txt", page("Portal", "Notice", NOTICE[:5]), url="https://portal.example/9")
    assert cli(project, "-q", "add", str(project / "new" / "c.txt")) == 0
    capsys.readouterr()
    assert cli(project, "dupes", "--json", "f") == 0
    groups = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(groups) == 1 and len(groups[0]["members"]) == 2
    reprint = groups[0]["members"][1]
    assert reprint["joined"] == groups[0]["story"] and reprint["similarity"] >= 0.8
    assert cli(project, "dupes") == 0 and f"story {groups[0]['story']}" in capsys.readouterr().out

    assert cli(project, "-q", "dupes", "--split", "https://portal.example/9") == 0
    assert len(entries(project)) == 3
    assert cli(project, "-q", "add", str(project / "new" / "c.txt")) == 0            # same page again
    write_page(project / "new", "d.txt", page("Portal", "Notice", NOTICE[:5] + ["Edited later."]),
               url="https://portal.example/9")                                      # changed: indexed again
    assert cli(project, "-q", "add", str(project / "new" / "d.txt")) == 0
    capsys.readouterr()
    assert cli(project, "dupes", "--json") == 0 and capsys.readouterr().out == ""
    assert len(entries(project)) == 3


def test_dupes_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(project, "dupes", "--split", "https://mw.example/2") == 1
    assert "not in a story" in capsys.readouterr().err
    assert cli(project, "dupes", "--split", "t-unknown") == 1
    assert cli(project, "dupes", "nofeed") == 2


def test_bad_dedupe_threshold_is_a_config_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "feeds" / "f.toml").write_text(FEED + "dedupe_threshold = 0.2\n")
    assert cli(project, "build") == 2
    assert "dedupe_threshold" in capsys.readouterr().err


def test_remove_of_the_entry_hides_the_story_and_of_a_reprint_only_that_version(project: Path) -> None:
    write_page(project / "new", "c.txt", page("Portal", "Notice", NOTICE[:5]), url="https://portal.example/9")
    assert cli(project, "-q", "add", str(project / "new" / "c.txt")) == 0
    story = next(e for e in xml(project / "public" / "f.atom").findall(f"{ATOM}entry")
                 if "portal.example" in (e.findtext(f"{ATOM}content") or ""))
    assert cli(project, "-q", "remove", "https://portal.example/9") == 0
    assert "portal.example" not in (project / "public" / "f.atom").read_text() and len(entries(project)) == 2
    assert cli(project, "-q", "remove", story.findtext(f"{ATOM}id") or "") == 0
    assert story.findtext(f"{ATOM}id") not in entries(project) and len(entries(project)) == 1
