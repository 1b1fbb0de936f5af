"""Inputs that used to sink a page, a batch or the terminal (issue #20): a stray NUL byte, a lone surrogate
written as UTF-8, a corrupt or mis-measured WARC, a crawl archive full of listing pages."""
from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
from helpers.feeds import text_page
from helpers.warcbuild import http_response, raw_record, write_pages_warcio, write_records

from cleanfeed.cli import main
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.decode import decode, looks_binary
from cleanfeed.inputs.warc import read_warc
from cleanfeed.pipeline import clean
from cleanfeed.store.db import Store

FEED = 'title = "Metals"\nself_url = "https://feeds.example.org/"\ntimezone = "Asia/Shanghai"\n'
PROSE = "Scrap copper prices rose sharply in Ningbo on Monday as smelters bought more material, traders said. " * 3


def project(root: Path) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    return root


def test_a_single_nul_byte_does_not_make_a_text_page_binary() -> None:
    page = ("Copper prices climb\n\n" + PROSE).encode()
    damaged = page[:30] + b"\x00" + page[30:]
    assert not looks_binary(damaged)
    assert "\x00" not in clean(damaged).text and clean(damaged).title == "Copper prices climb"
    for binary in (bytes(range(256)) * 40, gzip.compress(PROSE.encode() * 50), b"\x89PNG\r\n\x1a\n" + bytes(4000)):
        assert looks_binary(binary)


def test_a_lone_surrogate_written_as_utf8_does_not_turn_the_page_into_mojibake() -> None:
    html = ("<html><head><meta charset='utf-8'></head><body><h1>Copper \ud83d price — 废铜</h1><p>"
            + PROSE + " 废铜价格上涨。</p></body></html>")
    article = clean(html.encode("utf-8", "surrogatepass"))
    assert article.title == "Copper price — 废铜" and "废铜价格上涨" in article.text
    assert decode("café crème brûlée".encode("cp1252")).encoding != "utf-8"     # not "mostly UTF-8"


def test_a_bidi_override_never_reaches_a_title() -> None:
    assert clean("Copper \u202eevil\u202c up\n\n" + PROSE).title == "Copper evil up"


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_a_corrupt_warc_gives_one_line_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = f"<html><body><h1>Title here</h1><p>{PROSE}</p></body></html>".encode()
    response = http_response(body)
    short = raw_record("response", response, uri="https://x.example/1.html").replace(
        b"Content-Length: %d" % len(response), b"Content-Length: %d" % (len(response) - 40))
    good = raw_record("response", http_response(body.replace(b"Title here", b"Second")), uri="https://x.example/2")
    path = write_records(tmp_path / "short.warc", [short, good], gz=False)
    handler = Lines()                 # on the module's logger, at its level: CLI runs raise the package's level
    logger = logging.getLogger("cleanfeed.inputs.warc")
    logger.addHandler(handler)
    old_level, logger.level = logger.level, logging.WARNING
    try:
        items = list(read_warc(path))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    err = capsys.readouterr().err
    assert "WARNING: Record not followed by newline" not in err and "Remainder" not in err
    warnings = handler.lines
    assert len(warnings) == 1 and "\n" not in warnings[0] and f"{path}@" in warnings[0]
    assert [getattr(i, "url", None) for i in items] == ["https://x.example/1.html", "https://x.example/2"]
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"\x1f\x8b\x08" + bytes(range(256)) * 4)
    errors = [i for i in read_warc(junk) if isinstance(i, CleanfeedError)]
    assert len(errors) == 1 and str(errors[0]).isprintable()                 # no binary junk in the message


def test_a_crawl_archive_with_listing_pages_adds_with_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    """A crawl archives its listing pages and a record it cut at the size limit: neither is a failure."""
    root = project(tmp_path / "p")
    listing = ("<html><body><ul>" + "".join(f"<li><a href='/n/{n}.html'>Story {n}</a></li>" for n in range(30))
               + "</ul></body></html>").encode()
    article = f"<html><body><article><h1>Copper climbs</h1><p>{PROSE}</p></article></body></html>".encode()
    warc = write_pages_warcio(tmp_path / "crawl.warc.gz", [("https://x.example/", listing),
                                                          ("https://x.example/n/1.html", article),
                                                          ("https://x.example/list?page=2", listing)])
    cut = raw_record("response", http_response(article[:200]), uri="https://x.example/n/2.html",
                     extra=[("WARC-Truncated", "length")])
    with warc.open("ab") as out:
        out.write(gzip.compress(cut))
    assert main(["--project", str(root), "add", str(warc)]) == 0
    err = capsys.readouterr().err
    assert "4 pages, 1 articles, 0 failed" in err and "3 not articles, skipped" in err


def test_an_empty_page_still_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(text_page("Copper climbs", 1), encoding="utf-8")
    assert main(["--project", str(root), "add", str(tmp_path / "empty.txt"), str(tmp_path / "good.txt")]) == 1
    assert "empty.txt: empty page" in capsys.readouterr().err


def test_a_jsonl_line_longer_than_the_limit_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from cleanfeed.inputs import files
    monkeypatch.setattr(files, "MAX_LINE", 2_000)
    root = project(tmp_path / "p")
    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text(json.dumps({"url": "https://ex.com/big", "text": "x" * 5_000}) + "\n"
                     + json.dumps({"url": "https://ex.com/ok", "text": "Copper climbs\n\n" + PROSE[:600]}) + "\n",
                     encoding="utf-8")
    assert main(["--project", str(root), "add", str(jsonl)]) == 1
    assert f"{jsonl}:1: bad record: longer than" in capsys.readouterr().err
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
        assert store.has_url("https://ex.com/ok") and not store.has_url("https://ex.com/big")
