"""What a new user gets wrong, from the outside (u21's review): each mistake is one line on stderr, never a
traceback, and never loses what was stored."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.feeds import seed_project

from cleanfeed.cli import main
from cleanfeed.html import sanitize as sanitizer

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_df4d34c1e245e1b5.txt"


def run(capsys: pytest.CaptureFixture[str], project: Path, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--project", str(project), *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def one_page(tmp_path: Path) -> Path:
    page = tmp_path / "inbox" / "page.txt"
    page.parent.mkdir()
    shutil.copyfile(SEED, page)
    return page


def test_an_output_folder_that_cannot_be_written_is_one_line_and_the_pages_stay_stored(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = seed_project(tmp_path / "p")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    page = one_page(tmp_path)
    code, _, err = run(capsys, project, "add", page, "--fetched-at", "2024-05-01", "--out", blocker / "out")
    assert code == 2 and "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and str(blocker) in lines[0] and "cannot write the feeds" in lines[0], err
    code, _, err = run(capsys, project, "build", "--out", blocker / "out")
    assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    code, _, err = run(capsys, project, "add", page, "--fetched-at", "2024-05-01")   # stored by the first add
    assert code == 0 and "(1 new)" not in err, err


def test_a_store_folder_that_is_a_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = seed_project(tmp_path / "p")
    (project / ".cleanfeed").write_text("a file where the store's folder goes")
    code, _, err = run(capsys, project, "add", one_page(tmp_path), "--fetched-at", "2024-05-01")
    assert code == 2 and "Traceback" not in err and len(err.splitlines()) == 1, err
    assert "store error" in err and ".cleanfeed" in err, err


def test_ctrl_c_inside_the_sanitizers_url_filter_still_stops_the_run() -> None:
    """nh3 calls the URL filter from Rust and reports an exception raised in it as unraisable (printed,
    then ignored). A Ctrl-C is handled at the next Python bytecode, most often the filter's first one,
    so `add` of a big folder went on cleaning after "KeyboardInterrupt" was printed."""
    calls = []

    def interrupted(tag: str, attr: str, value: str) -> str | None:
        calls.append(attr)
        raise KeyboardInterrupt

    cleaner = sanitizer._cleaner(interrupted)
    with pytest.raises(KeyboardInterrupt):
        sanitizer.clean_with(cleaner, '<p><a href="https://example.org/">a link</a></p>')
    assert calls
    assert sanitizer.sanitize('<p><a href="https://example.org/">a link</a></p>').count("href") == 1


def test_a_folder_of_files_not_named_as_pages_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = seed_project(tmp_path / "p")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SEED, inbox / "show.php?id=5")          # wget's name for a page without an extension
    shutil.copyfile(SEED, inbox / "article_123")
    shutil.copyfile(SEED, inbox / "kept.txt")
    (inbox / "kept.txt.meta.json").write_text('{"fetched_at": "2024-05-01"}')   # a sidecar: no warning
    (inbox / ".hidden.html").write_text("<p>hidden</p>")                        # hidden: no warning
    (inbox / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))         # a page's image: no warning
    code, _, err = run(capsys, project, "add", inbox)
    assert code == 0
    warned = [line for line in err.splitlines() if "not named as a page file" in line]
    assert len(warned) == 1 and "2 files" in warned[0] and "article_123" in warned[0], err
    assert "kept.txt" not in warned[0] and "hidden" not in warned[0] and "logo" not in warned[0]


@pytest.mark.parametrize("language, empty", [("de", True), ("en", False)])
def test_a_feed_that_no_stored_article_reaches_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        language: str, empty: bool) -> None:
    """A feed whose language filter leaves the stored article out (`init --language de` over the English
    example page; u21 found it with zh, whose example page is Chinese since 7145dab, which left this test
    with nothing to warn about): the feed is empty, and build says which filter left the stored article out
    (before, only "1 articles … 1 feeds written")."""
    project = tmp_path / "p"
    assert main(["init", str(project), "--language", language]) == 0
    code, _, err = run(capsys, project, "build")
    warned = [line for line in err.splitlines() if "is empty" in line]
    assert code == 0
    if empty:
        assert len(warned) == 1 and warned[0].startswith("cleanfeed: warning: feed news (") and warned[0].endswith(
            "feeds/news.toml) is empty: it keeps language de, and the store holds 1 article (1 en)"), err
    else:
        assert not warned, err


@pytest.mark.parametrize("name", ["index.html.1", "show.php@id=5", "story.HTML.2", "show.PHP?id=5"])
def test_wgets_other_names_for_a_saved_page_are_named_as_skipped(caplog: pytest.LogCaptureFixture, tmp_path: Path,
                                                                 name: str) -> None:
    """wget saves a second copy of `index.html` as `index.html.1`, and with --restrict-file-names=windows
    writes `show.php@id=5` for `show.php?id=5`: both were skipped without a word."""
    from cleanfeed.inputs.files import expand
    (tmp_path / name).write_text("<p>a page</p>")
    (tmp_path / "archive.tar.gz").write_bytes(b"")                        # not a page's name: no warning
    (tmp_path / "v1.2").write_bytes(b"")
    assert list(expand([str(tmp_path)])) == []
    (warned,) = [r.getMessage() for r in caplog.records if "not named as a page file" in r.getMessage()]
    assert "skipped 1 file " in warned and name in warned, warned


def test_a_folder_where_a_feed_file_goes_is_named_and_leaves_no_temporary_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`public/news.atom` is a folder: the write of the temporary file works, its rename fails. The line named
    the temporary file (`public/.news.atom.tmp-123`), not the feed's, and the temporary file stayed."""
    project = tmp_path / "p"
    assert main(["init", str(project)]) == 0
    (project / "public" / "news.atom" / "x").mkdir(parents=True)
    capsys.readouterr()
    code, _, err = run(capsys, project, "build")
    assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert "news.atom:" in err and ".tmp-" not in err, err
    assert not [p.name for p in (project / "public").iterdir() if ".tmp-" in p.name]


def test_skipped_names_are_shown_on_one_line_without_control_characters(caplog: pytest.LogCaptureFixture,
                                                                         tmp_path: Path) -> None:
    """A file name may hold a line break or a terminal escape: the warning is still one line, and prints
    no escape sequence to the terminal."""
    from cleanfeed.inputs.files import expand
    (tmp_path / "two\nlines").write_text("<p>a page</p>")
    (tmp_path / "red\x1b[31mtext").write_text("<p>a page</p>")
    assert list(expand([str(tmp_path)])) == []
    (warned,) = [r.getMessage() for r in caplog.records if "not named as a page file" in r.getMessage()]
    assert "\n" not in warned and "\x1b" not in warned and "two lines" in warned, warned


def _empty_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "feed news (" in line or "every feed is empty" in line]


def test_the_empty_feed_warning_is_for_the_commands_run_by_hand(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    """`build` and `add` warn (a user runs them and reads what they say); a `reclean` or `remove` publish
    says it only with -v (INFO), as the server does on each publish."""
    project = tmp_path / "p"
    assert main(["init", str(project), "--language", "de"]) == 0
    page = next((project / "pages").glob("*.html"))
    for argv in (["build"], ["add", page]):
        code, _, err = run(capsys, project, *argv)
        assert code == 0 and [line.split(": ")[1] for line in _empty_lines(err)] == ["warning"], (argv, err)
    code, _, err = run(capsys, project, "reclean")
    assert code == 0 and not _empty_lines(err), err
    code, _, err = run(capsys, project, "reclean", "-v")
    (line,) = _empty_lines(err)
    assert code == 0 and line.startswith("cleanfeed: feed news (") and "is empty: it keeps language de" in line, err


@pytest.mark.parametrize("language, note", [("en", True), ("de", False)])
def test_a_keyword_feed_without_a_match_yet_is_a_note_not_a_mistake(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path, language: str,
                                                                     note: bool) -> None:
    """A feed of articles that mention a word is empty until one does: its line says so, not "warning"
    (its language still is a likely mistake when no stored article has it)."""
    project = tmp_path / "p"
    assert main(["init", str(project), "--language", language]) == 0
    toml = project / "feeds" / "news.toml"
    toml.write_text(toml.read_text().replace('include = []', 'include = ["zzquake", "tremor"]'))
    code, _, err = run(capsys, project, "build")
    (line,) = _empty_lines(err)
    assert code == 0
    if note:
        assert line.startswith("cleanfeed: note: feed news (") and line.endswith(
            "feeds/news.toml) has no entry yet: no stored article mentions one of its include words (zzquake, "
            "tremor)"), err
    else:
        assert line.startswith("cleanfeed: warning: feed news (") and "it keeps language de; its include" in line


def test_a_store_whose_articles_were_all_removed_says_so_once(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    from cleanfeed.store.db import Store
    project = tmp_path / "p"
    assert main(["init", str(project)]) == 0
    assert run(capsys, project, "build")[0] == 0
    with Store.open(project / ".cleanfeed" / "store.sqlite") as store:
        for article_id in store.stored_ids():
            store.remove(article_id)
    code, _, err = run(capsys, project, "build")
    assert code == 0 and _empty_lines(err) == [
        "cleanfeed: warning: every feed is empty: the store's 1 article was removed (`cleanfeed remove`)"], err
