"""`cleanfeed clean` through `cli.main([...])` (and once as a real process): the DESIGN.md contract, and bad
input — each a clear one-line error naming the page, never a traceback, with exit code 0 / 1 / 2."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleanfeed.cli import main
from cleanfeed.commands.clean import md_escape
from cleanfeed.inputs.decode import decode
from cleanfeed.version import __version__

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGES = Path(__file__).parent / "textpages"
CONTRACT_KEYS = {"url", "title", "author", "published", "published_source", "language", "text", "html", "summary"}


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, list[str]]:
    """Exit code, stdout, and stderr's lines."""
    code = main(["--project", str(ROOT), "clean", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def assert_one_line_error(err: list[str], *needles: str) -> None:
    assert len(err) == 1, err
    assert err[0].startswith("cleanfeed: ") and "Traceback" not in err[0]
    for needle in needles:
        assert needle in err[0]


def page_copy(tmp_path: Path, name: str = "page.txt", source: Path = SEEDS / "004_bf537ba9d00a0c9d.txt") -> Path:
    target = tmp_path / name
    target.write_bytes(source.read_bytes())
    return target


# ----------------------------------------------------------------------------- the contract

def test_seeds_folder_gives_one_json_line_per_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SEEDS)
    assert (code, err) == (0, [])
    got = records(out)
    assert len(got) == len(list(SEEDS.glob("*.txt")))
    for rec in got:
        assert rec.keys() >= CONTRACT_KEYS
        assert "removed" not in rec and "date_candidates" not in rec
        assert rec["text"] and "\n\n\n" not in rec["text"]


def test_explain_adds_removed_and_date_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SEEDS / "003_27029dca3559c2f8.txt", "--explain")
    rec = records(out)[0]
    assert code == 0
    assert {"removed", "date_candidates"} <= rec.keys()
    assert {"text": "推荐内容", "rule": "related-list", "class": "related"} in rec["removed"]
    assert all(r["class"] for r in rec["removed"])      # every removed block names its rule class
    assert all(set(c) == {"value", "source", "text", "reason"} for c in rec["date_candidates"])


def test_output_is_utf8_json_not_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, SEEDS / "003_27029dca3559c2f8.txt")
    assert "王健会见中铝集团" in out


@pytest.mark.parametrize("fmt,marker", [("text", ""), ("markdown", "# "), ("html", "<h1>")])
def test_other_formats(capsys: pytest.CaptureFixture[str], fmt: str, marker: str) -> None:
    code, out, _ = run(capsys, SEEDS / "004_bf537ba9d00a0c9d.txt", "--format", fmt)
    assert code == 0
    assert f"{marker}2020 the Fifth International Aluminum Industry Chain" in out
    assert "So far, the International Aluminum Industry Chain" in out
    assert "Release Time" not in out


def test_markdown_shows_titles_and_text_as_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>*Copper* up_5% <script>x</script></title></head><body>"
                    "<h1>*Copper* up_5% &lt;script&gt;x&lt;/script&gt;</h1><p>1. Prices rose on Monday, "
                    "traders said, after [stocks](x) fell.</p><p># Not a heading, but a line of the story.</p>"
                    "</body></html>", encoding="utf-8")
    code, out, _ = run(capsys, page, "--format", "markdown")
    assert code == 0
    assert out.startswith("# \\*Copper\\* up\\_5% \\<script\\>x\\</script\\>\n")
    assert "\n1\\. Prices rose on Monday, traders said, after \\[stocks\\](x) fell." in out
    assert "\n\\# Not a heading" in out


@pytest.mark.parametrize(("text", "want"), [
    ("AT&T and &copy; 2021", "AT&T and \\&copy; 2021"),              # an entity would render as ©
    ("see https://example.com/a_b_c?x=1&y=2 now", "see https://example.com/a_b_c?x=1&y=2 now"),
    ("3.5 million tonnes, +49 30 1234, #hashtag", "3.5 million tonnes, +49 30 1234, #hashtag"),
    ("    four spaces", "four spaces"),                               # not a code block
    ("2021. 10. 30\n===", "2021\\. 10. 30\n\\==="),
])
def test_md_escape_leaves_plain_text_plain(text: str, want: str) -> None:
    assert md_escape(text) == want


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_explain_in_other_formats_names_the_rules(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _, plain, _ = run(capsys, SEEDS / "000_df4d34c1e245e1b5.txt", "--format", fmt)
    code, out, _ = run(capsys, SEEDS / "000_df4d34c1e245e1b5.txt", "--format", fmt, "--explain")
    assert code == 0 and out.startswith(plain.rstrip("\n"))
    assert "[notice: reprint-notice]" in out and "[related: related-list]" in out


def test_url_and_fetched_at_flags(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = page_copy(tmp_path)
    code, out, _ = run(capsys, page, "--url", "https://example.org/a.html", "--fetched-at", "2021-01-20",
                       "--timezone", "Asia/Shanghai")
    rec = records(out)[0]
    assert code == 0
    assert rec["url"] == "https://example.org/a.html"
    assert rec["fetched_at"] == "2021-01-20T20:00:00+08:00"     # a bare date: 12:00 UTC of that day, in its zone


@pytest.mark.parametrize("url", ["foo", "example.org/a.html", "ftp://example.org/a", "https://", "/a.html",
                                 "http://[::1/a"])
def test_a_url_that_is_not_absolute_http_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           url: str) -> None:
    code, out, err = run(capsys, page_copy(tmp_path), "--url", url)
    assert code == 2 and out == ""
    assert_one_line_error(err, "--url must be an absolute http(s) URL")


def test_sidecar_gives_url_and_fetch_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = page_copy(tmp_path)
    page.with_name("page.txt.meta.json").write_text(
        '{"url": "https://example.org/b", "fetched_at": "2021-01-20T10:00:00+08:00"}', encoding="utf-8")
    _, out, _ = run(capsys, page)
    rec = records(out)[0]
    assert rec["url"] == "https://example.org/b" and rec["fetched_at"].startswith("2021-01-20T10:00:00")


def test_folder_means_its_page_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page_copy(tmp_path, "a.txt")
    (tmp_path / "a.txt.meta.json").write_text('{"fetched_at": "2021-01-20"}', encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    page_copy(tmp_path, ".hidden.txt")
    (tmp_path / "sub").mkdir()
    page_copy(tmp_path / "sub", "nested.txt")
    code, out, err = run(capsys, tmp_path)
    assert (code, err) == (0, [])
    assert len(records(out)) == 1


def test_dash_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = (SEEDS / "003_27029dca3559c2f8.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsys, "-", "--url", "http://cmra.cn/a/1.html")
    rec = records(out)[0]
    assert (code, err) == (0, [])
    assert rec["title"] == "王健会见中铝集团总经理助理武建强一行"
    assert rec["url"] == "http://cmra.cn/a/1.html"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"cleanfeed {__version__}"


# ----------------------------------------------------------------------------- usage errors: exit 2

@pytest.mark.parametrize("argv", [
    ["--url", "https://example.org/", "seeds/000_df4d34c1e245e1b5.txt", "seeds/001_9969c062e0f66dae.txt"],
    ["--url", "https://example.org/", "seeds"],
    ["--fetched-at", "yesterday", "seeds/000_df4d34c1e245e1b5.txt"],
    ["--timezone", "Mars/Olympus", "seeds/000_df4d34c1e245e1b5.txt"],
    ["--format", "pdf", "seeds/000_df4d34c1e245e1b5.txt"],
    ["--no-such-option", "seeds/000_df4d34c1e245e1b5.txt"],
    [],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                             argv: list[str]) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err and "Traceback" not in "\n".join(err)


def test_bad_site_rule_is_a_config_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "cleaners").mkdir()
    (tmp_path / "cleaners" / "bad.toml").write_text('hosts = ["a.example"]\nsurprise = 1\n', encoding="utf-8")
    code = main(["--project", str(tmp_path), "clean", str(SEEDS / "000_df4d34c1e245e1b5.txt")])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert_one_line_error(err, "bad.toml", "surprise")


# ----------------------------------------------------------------------------- bad pages: exit 1, one line each

def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, tmp_path / "empty.txt")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "empty.txt", "empty")


def test_whitespace_and_boilerplate_only_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "chrome.txt").write_text("  \n\nShare this article\nCopyright © 2024 X. All rights reserved.\n",
                                         encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "chrome.txt")
    assert code == 1
    assert_one_line_error(err, "chrome.txt", "no article")


def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000))
    code, out, err = run(capsys, tmp_path / "photo.txt")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "photo.txt", "binary")


def test_even_length_binary_file_is_not_taken_for_bom_less_utf16(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 16 + os.urandom(4096))   # NUL-free tail too
    code, out, err = run(capsys, tmp_path / "blob.txt")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "blob.txt", "binary")
    gbk = "今年再生铜市场价格上涨，企业订单增加。\n" * 40        # not UTF-8, even length: never read as UTF-16
    assert len(gbk.encode("gbk")) % 2 == 0 and decode(gbk.encode("gbk")).text == gbk


def test_50_mb_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = ("The smelter said output rose again this week as scrap supply improved. " * 4 + "\n").encode()
    with big.open("wb") as handle:
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 2**20
    code, out, err = run(capsys, big)
    assert (code, out) == (1, "")
    assert_one_line_error(err, "big.txt", "too large")


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, tmp_path / "nope.txt")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "nope.txt", "no such file")


def test_impossible_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "x" * 5000 + ".txt")
    assert code == 1
    assert_one_line_error(err, "cannot read")


def test_path_through_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = page_copy(tmp_path)
    code, _, err = run(capsys, page / "inner.txt")
    assert code == 1
    assert_one_line_error(err, "inner.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_chmod(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = page_copy(tmp_path)
    page.chmod(0)
    try:
        code, _, err = run(capsys, page)
    finally:
        page.chmod(0o644)
    assert code == 1
    assert_one_line_error(err, "page.txt", "permission denied")


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as chmod 000 for a non-root user; CI runs as root, where chmod does not stop reading."""
    page = page_copy(tmp_path)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    code, out, err = run(capsys, page)
    assert (code, out) == (1, "")
    assert_one_line_error(err, "page.txt", "permission denied")


def test_unlistable_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page_copy(tmp_path)

    def denied(self: Path) -> Any:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", denied)
    code, _, err = run(capsys, tmp_path)
    assert code == 1
    assert_one_line_error(err, str(tmp_path), "folder")


def test_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path)
    assert code == 1
    assert_one_line_error(err, "no page files")


@pytest.mark.parametrize("sidecar,needle", [
    ("{not json", "bad sidecar"),
    ("[1, 2]", "not a JSON object"),
    ('{"url": 123}', "'url' must be a string"),
    ('{"fetched_at": "last tuesday"}', "bad fetched_at"),
    ('{"timezone": "Mars/Olympus"}', "timezone"),
    (b"\xff\xfe\x00garbage", "bad sidecar"),
    ('{"url": "news/1.html"}', "'url' must be an absolute http(s) URL"),
])
def test_bad_sidecar(capsys: pytest.CaptureFixture[str], tmp_path: Path, sidecar: str | bytes, needle: str) -> None:
    page = page_copy(tmp_path)
    meta = tmp_path / "page.txt.meta.json"
    meta.write_bytes(sidecar if isinstance(sidecar, bytes) else sidecar.encode())
    code, out, err = run(capsys, page)
    assert (code, out) == (1, "")
    assert_one_line_error(err, "page.txt", needle)


@pytest.mark.parametrize("record,needle", [
    ({"url": 123}, "'url' must be a string"),
    ({"url": ["https://example.com/a"]}, "'url' must be a string"),
    ({"timezone": 8}, "'timezone' must be a string"),
    ({"timezone": "Mars/Olympus"}, "Mars/Olympus"),
    ([1, 2], "not a JSON object"),
    ({"url": "news/1.html"}, "'url' must be an absolute http(s) URL"),
])
def test_bad_jsonl_record_is_named_not_an_internal_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         record: Any, needle: str) -> None:
    text = (SEEDS / "004_bf537ba9d00a0c9d.txt").read_text(encoding="utf-8")
    if isinstance(record, dict):
        record = {**record, "text": text}
    good = {"url": "https://example.com/good", "text": text}
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    code, out, err = run(capsys, path)
    assert code == 1
    assert [r["url"] for r in records(out)] == ["https://example.com/good"]
    assert_one_line_error(err, "pages.jsonl:1: bad record", needle)
    assert "internal error" not in err[0]


def test_one_bad_page_does_not_stop_the_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, tmp_path / "missing.txt", SEEDS / "000_df4d34c1e245e1b5.txt", tmp_path / "empty.txt")
    assert code == 1
    assert len(records(out)) == 1
    assert len(err) == 2 and "missing.txt" in err[0] and "empty.txt" in err[1]


# ----------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("name,encoding", [
    ("zh_jinshu_wang", "gbk"),
    ("zh_lvse_jinshu", "gb2312"),
    ("zh_youse_portal", "utf-16"),          # with a BOM, as Windows "Unicode" text files are saved
    ("zh_youse_portal", "utf-16-le"),       # without a BOM: Han characters put no NUL bytes to sniff
    ("zh_tw_industry_forum", "utf-16-be"),
    ("zh_youse_portal", "utf-8-sig"),
    ("zh_tw_industry_forum", "big5"),
])
def test_legacy_encodings_give_the_same_output_as_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       name: str, encoding: str) -> None:
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "twin.txt").write_bytes(text.encode(encoding))
    code, out, err = run(capsys, tmp_path / "utf8.txt", tmp_path / "twin.txt", "--fetched-at", "2024-01-01")
    utf8, twin = records(out)
    assert (code, err) == (0, [])
    assert twin == utf8
    assert len(utf8["text"]) > 50


# ----------------------------------------------------------------------------- a real process

def test_real_process_reports_bad_pages_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 64)
    proc = subprocess.run(
        [sys.executable, "-m", "cleanfeed", "--project", str(ROOT), "clean",
         str(SEEDS / "003_27029dca3559c2f8.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"),
         str(tmp_path / "missing.txt")],
        capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    err = proc.stderr.decode("utf-8").splitlines()
    assert proc.returncode == 1
    assert json.loads(proc.stdout.decode("utf-8"))["title"].startswith("王健会见")   # UTF-8 even in a C locale
    assert len(err) == 3 and all(line.startswith("cleanfeed: ") for line in err)
    assert "Traceback" not in proc.stderr.decode("utf-8")


def test_a_jsonl_records_naive_fetch_time_is_read_in_its_own_zone(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    text = (SEEDS / "004_bf537ba9d00a0c9d.txt").read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"text": text, "fetched_at": "2021-01-20 09:00", "timezone": "Asia/Shanghai"})
                    + "\n", encoding="utf-8")
    code, out, _ = run(capsys, path, "--timezone", "Europe/Berlin")
    assert code == 0
    assert records(out)[0]["fetched_at"] == "2021-01-20T09:00:00+08:00"     # as a sidecar's would be
