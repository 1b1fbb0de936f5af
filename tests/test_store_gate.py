"""The one gate into the store (issue #20): every way in — files, JSON Lines, WARC, shards — is checked and
sanitized the same way; one bad record is named (file:line: reason) and the others are stored; a property
test adds any mix of good and bad records and finds exactly the good ones stored."""
from __future__ import annotations

import html
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from helpers.feeds import T0, article, page, project_with, text_page
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfeed.cli import main
from cleanfeed.errors import RecordError
from cleanfeed.model import FoundDate
from cleanfeed.store.db import Store
from cleanfeed.store.gate import admit

FEED = 'title = "Metals"\nself_url = "https://feeds.example.org/"\ntimezone = "Asia/Shanghai"\n'
HOSTILE_HTML = ('<p>Body<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
                '<iframe src="https://evil.example/"></iframe><svg onload="alert(4)"></svg>'
                '<a href=" JaVaScRiPt:alert(5)">y</a><object data="x.swf"></object><form action="/p"><input></form>'
                '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="><style>*{x:y}</style></p>')
LIVE = re.compile(r"<script|onerror|onload|javascript:|<iframe|<svg|<object|<form|<style|data:image/svg",
                  re.IGNORECASE)


def project(root: Path) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "metals.toml").write_text(FEED, encoding="utf-8")
    return root


def shard(folder: Path, records: list[dict[str, Any] | str]) -> Path:
    folder.mkdir(parents=True)
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (folder / "part-00000.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "_manifest.json").write_text(json.dumps({"format": "jsonl", "inputs": ["x"], "pages": len(records),
                                                       "failed": 0, "partitions": [{"shard": "part-00000.jsonl",
                                                                                    "pages": len(records),
                                                                                    "failed": 0}]}))
    return folder


def record(n: int, **kw: Any) -> dict[str, Any]:
    text = f"Scrap copper prices rose in Ningbo for the {n}th week as smelters bought more, traders said."
    return {"source": f"crawl/{n}.txt", "url": f"https://wire.example/{n}.html", "title": f"Copper report {n}",
            "author": None, "published": "2024-03-01T09:30:00+08:00", "published_source": "header",
            "updated": None, "language": "en", "text": text, "html": f"<p>{text}</p>", "summary": text[:60],
            "fetched_at": "2024-03-09T12:00:00+08:00", "site": None, **kw}


def published_text(root: Path) -> str:
    """The three feed files, XML entities and JSON escapes undone: what a reader's HTML renderer gets."""
    atom, rss, feed = ((root / "public" / f"metals.{fmt}").read_text(encoding="utf-8")
                       for fmt in ("atom", "rss", "json"))
    return html.unescape(atom) + html.unescape(rss) + json.dumps(json.loads(feed), ensure_ascii=False)


def test_shard_html_is_sanitized_at_the_gate(tmp_path: Path) -> None:
    """A shard is a JSON file anyone with write access to a shared --out folder could have written."""
    root = project(tmp_path / "p")
    folder = shard(tmp_path / "shards", [record(1, html=HOSTILE_HTML, title="Hi <script>alert(6)</script>",
                                                image="javascript:alert(7)")])
    assert main(["--project", str(root), "-q", "add", str(folder)]) == 0
    out = published_text(root)
    assert "Body" in out and not LIVE.search(out), LIVE.findall(out)
    assert "alert(7)" not in out


@pytest.mark.parametrize("bad, why", [
    ({"url": "javascript:alert(1)"}, "absolute http"), ({"url": "/relative.html"}, "absolute http"),
    ({"title": ["a list"]}, "'title' must be a string"), ({"text": ""}, "no text"),
    ({"language": "<b>"}, "language"), ({"published": "9999-01-01T00:00:00+00:00"}, "not plausible"),
    ({"published": "1970-01-01T00:00:00+00:00"}, "not plausible"), ({"published": "2024-03-01T09:30:00"}, "time zone"),
    ({"html": "<p>x</p>" * 2_000_000}, "too long"), ({"fetched_at": 5}, "bad record"),
])
def test_a_bad_shard_record_is_named_and_the_good_ones_are_stored(tmp_path: Path, bad: dict[str, Any], why: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    folder = shard(tmp_path / "shards", [record(1), record(2, **bad), record(3)])
    assert main(["--project", str(root), "add", str(folder)]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"crawl/2\.txt: .*{re.escape(why)}", err), err
    assert "3 pages, 2 articles, 1 failed" in err


def test_titles_lose_bidi_overrides_and_keep_their_text() -> None:
    _, admitted = admit(page(1), article(1, title="Copper \u202eevil\u202c prices \u2066up\u2069\nnow"))
    assert admitted.title == "Copper evil prices up now"


def test_what_the_cleaner_made_passes_the_gate_unchanged(tmp_path: Path) -> None:
    """Re-adding a page stored by the cleaner changes nothing (no spurious `changed`, no new updated time)."""
    from cleanfeed.pipeline import clean_page
    from cleanfeed.rules.site import RuleSet

    for n in range(3):
        p = page(n, body=text_page(f"Copper climbs {n}", n), url=f"https://ex.com/{n}")
        a = clean_page(p, RuleSet())
        assert admit(p, a) == (p, a)


def test_a_refused_record_leaves_the_batch_around_it_stored(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store, store.transaction():
        store.put(page(1), article(1))
        with pytest.raises(RecordError), store.savepoint():
            store.put(page(2), article(2, url="ftp://ex.com/2"))
        store.put(page(3), article(3))
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.counts()["articles"] == 2


# ----------------------------------------------------------------------------- JSON Lines: one bad line

def test_a_jsonl_line_nested_100000_deep_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    good = tmp_path / "good.txt"
    good.write_text(text_page("Copper from a file", 1), encoding="utf-8")
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"url": "https://ex.com/1", "text": text_page("Copper from line one", 2)}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"url": "https://ex.com/3", "text": text_page("Copper from line three", 3)}),
    ]) + "\n", encoding="utf-8")
    assert main(["--project", str(root), "add", str(good), str(jsonl)]) == 1
    err = capsys.readouterr().err
    assert f"{jsonl}:2: bad record: JSON nested too deeply" in err and "Traceback" not in err
    with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
        assert store.counts()["articles"] == 3


# ----------------------------------------------------------------------------- property: exactly the good ones

def _good(n: int) -> str:
    return json.dumps({"url": f"https://good.example/{n}", "fetched_at": "2024-03-09T10:00:00+08:00",
                       "text": text_page(f"Good report {n}", n)})


BAD = [
    "[" * 50_000, "not json", "[1, 2]", "null", '{"url": "https://bad.example/a"}',
    json.dumps({"url": "javascript:alert(1)", "text": text_page("Bad url", 91)}),
    json.dumps({"url": 5, "text": text_page("Bad url type", 92)}),
    json.dumps({"url": "https://bad.example/tz", "timezone": "X" * 300, "text": text_page("Bad zone", 93)}),
    json.dumps({"url": "https://bad.example/when", "fetched_at": "yesterday", "text": text_page("Bad when", 94)}),
    json.dumps({"url": "https://bad.example/bin", "text": "\x00\x01\x02\x03" * 3000}),
    json.dumps({"url": "https://bad.example/empty", "text": "   "}),
    json.dumps({"url": "https://bad.example/when2", "fetched_at": 5, "text": text_page("Bad type", 95)}),
]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.one_of(st.integers(1, 40).map(lambda n: ("good", n)),
                          st.sampled_from(range(len(BAD))).map(lambda i: ("bad", i))),
                min_size=1, max_size=8))
def test_add_of_any_mix_stores_exactly_the_good_records(mix: list[tuple[str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = project(Path(tmp) / "p")
        jsonl = Path(tmp) / "mix.jsonl"
        jsonl.write_text("\n".join(_good(n) if kind == "good" else BAD[n] for kind, n in mix) + "\n",
                         encoding="utf-8")
        code = main(["--project", str(root), "-q", "add", str(jsonl)])
        with Store.open(root / ".cleanfeed" / "store.sqlite") as store:
            urls = {u for (u,) in store.conn.execute("SELECT url FROM articles")}
        assert urls == {f"https://good.example/{n}" for kind, n in mix if kind == "good"}
        assert code == (1 if any(kind == "bad" for kind, _ in mix) else 0)


def test_a_date_after_the_fetch_is_refused_but_a_day_of_slack_is_kept() -> None:
    late = article(1, published=FoundDate(T0.replace(hour=23), "header"))          # same day: fine
    assert admit(page(1), late)[1].published is not None
    with pytest.raises(RecordError, match="not plausible"):
        admit(page(1), article(1, published=FoundDate(T0.replace(year=2030), "header")))


def test_gate_applies_to_a_project_made_in_code(tmp_path: Path) -> None:
    proj = project_with(tmp_path)
    with Store.open(proj.store_path) as store, pytest.raises(RecordError, match="language"):
        store.put(page(1), article(1, language="not a tag"))
