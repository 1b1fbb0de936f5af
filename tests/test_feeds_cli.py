"""`cleanfeed build / add / check / reclean / remove` and the feed project files they read."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers.feeds import ATOM, output_files, seed_project, text_page, write_page, xml

from cleanfeed.cli import main
from cleanfeed.errors import ConfigError
from cleanfeed.rules.project import load_project

SUMMARY = re.compile(r"^(\d+) pages, (\d+) articles, (\d+) failed, (\d+) feeds written( \(.*\))?$", re.MULTILINE)
GOOD_FEED = 'title = "T"\nself_url = "https://f.example/feeds/"\ninputs = ["in/*.txt"]\n'


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return seed_project(tmp_path)


def cli(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def entry_ids(path: Path) -> list[str]:
    return [e.findtext(f"{ATOM}id") for e in xml(path).findall(f"{ATOM}entry")]


def test_build_prints_one_summary_line_and_no_progress_bar_off_a_terminal(seeds: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(seeds, "build") == 0
    err = capsys.readouterr().err
    match = SUMMARY.search(err)
    assert match and match.group(1) == str(len(list((seeds / "seeds").glob("*.txt")))) and match.group(3) == "0"
    assert match.group(4) == "2" and "\r" not in err and "it/s" not in err


def test_build_names_failed_pages_publishes_the_rest_and_exits_1(seeds: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (seeds / "seeds" / "zz_empty.txt").write_text("   \n")
    (seeds / "seeds" / "zz_binary.txt").write_bytes(bytes(range(256)) * 40)
    assert cli(seeds, "build") == 1
    err = capsys.readouterr().err
    assert re.search(r"zz_empty\.txt: .*empty", err) and "zz_binary.txt: " in err
    match = SUMMARY.search(err)
    assert match and match.group(3) == "2" and int(match.group(2)) == int(match.group(1)) - 2
    assert entry_ids(seeds / "public" / "recycled-metals-en.atom")


def test_build_out_dir(seeds: Path, tmp_path: Path) -> None:
    assert cli(seeds, "-q", "build", "--out", str(tmp_path / "site")) == 0
    assert (tmp_path / "site" / "recycled-metals-zh.rss").exists() and not (seeds / "public").exists()


def test_add_updates_the_feeds_and_readding_changes_no_byte(seeds: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(seeds, "-q", "build") == 0
    before = entry_ids(seeds / "public" / "recycled-metals-zh.atom")
    new = write_page(tmp_path / "scraped", "zh.txt", text_page("宁波再生铝项目开工", 7, "zh"))
    assert cli(seeds, "add", str(new)) == 0
    assert re.search(r"^1 pages, 1 articles, 0 failed, 2 feeds written \(1 new\)$", capsys.readouterr().err,
                     re.MULTILINE)
    after = entry_ids(seeds / "public" / "recycled-metals-zh.atom")
    assert len(after) == len(before) + 1 and set(before) < set(after)
    files = {name: p.read_bytes() for name, p in output_files(seeds / "public").items()}
    assert cli(seeds, "-q", "add", str(new)) == 0
    assert {name: p.read_bytes() for name, p in output_files(seeds / "public").items()} == files


def test_add_fetched_at_sets_first_seen(seeds: Path, tmp_path: Path) -> None:
    new = tmp_path / "plain.txt"
    new.write_text(text_page("Copper climbs in Ningbo", 3), encoding="utf-8")
    assert cli(seeds, "-q", "add", str(new), "--fetched-at", "2030-01-02") == 0
    entries = {e.findtext(f"{ATOM}title"): e
               for e in xml(seeds / "public" / "recycled-metals-en.atom").findall(f"{ATOM}entry")}
    # a bare date is that day: 12:00 UTC of it in the feeds' zone (Asia/Shanghai), never 23:59:59.999999
    assert entries["Copper climbs in Ningbo"].findtext(f"{ATOM}updated") == "2030-01-02T20:00:00+08:00"
    assert ",2030-01-02:recycled-metals-en/" in entries["Copper climbs in Ningbo"].findtext(f"{ATOM}id")


@pytest.mark.parametrize("args", [["add", "a.txt", "b.txt", "--url", "https://x.example/"],
                                  ["add", "a.txt", "--fetched-at", "last tuesday"],
                                  ["reclean", "no-such-site"]])
def test_usage_errors_exit_2(seeds: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(seeds, *args) == 2
    assert "cleanfeed: error:" in capsys.readouterr().err


def test_reclean_keeps_ids(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(seeds, "-q", "build") == 0
    ids = {p.name: entry_ids(p) for p in (seeds / "public").glob("*.atom")}
    assert cli(seeds, "reclean") == 0
    assert re.search(r"^\d+ pages, 0 changed, 0 failed, 2 feeds written$", capsys.readouterr().err, re.MULTILINE)
    assert {p.name: entry_ids(p) for p in (seeds / "public").glob("*.atom")} == ids


def test_remove_by_url_and_id_keeps_it_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text(GOOD_FEED)
    write_page(tmp_path / "in", "a.txt", text_page("Copper A", 1), url="https://news.example/a")
    write_page(tmp_path / "in", "b.txt", text_page("Copper B", 2))
    assert cli(tmp_path, "-q", "build") == 0
    feed = tmp_path / "public" / "f.atom"
    ids = entry_ids(feed)
    assert len(ids) == 2
    assert cli(tmp_path, "remove", "https://news.example/a") == 0
    (left,) = entry_ids(feed)
    assert left in ids
    assert cli(tmp_path, "remove", left) == 0                   # a full entry id works as well as the short id
    assert entry_ids(feed) == []
    assert cli(tmp_path, "-q", "build") == 0                     # the pages come again: they stay out
    assert entry_ids(feed) == []
    capsys.readouterr()
    assert cli(tmp_path, "remove", "t0123456789abcdef") == 1
    assert "no stored article" in capsys.readouterr().err


def test_check_passes_on_the_seed_project(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(seeds, "check") == 0
    assert re.search(r"^2 feeds, \d+ site rules, \d+ input pages, 0 unreadable, 0 config errors$",
                     capsys.readouterr().out, re.MULTILINE)


def test_check_names_inputs_that_match_nothing_and_unreadable_pages(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text(GOOD_FEED.replace('["in/*.txt"]', '["in/*.txt", "nowhere/*.html"]'))
    write_page(tmp_path / "in", "a.txt", text_page("Copper A", 1))
    assert cli(tmp_path, "check") == 2
    assert re.search(r"f\.toml: key 'inputs\[1\]': 'nowhere/\*\.html' matches no file", capsys.readouterr().err)
    (tmp_path / "feeds" / "f.toml").write_text(GOOD_FEED)
    (tmp_path / "in" / "a.txt.meta.json").write_text("{not json")
    assert cli(tmp_path, "check") == 1
    assert "a.txt: bad sidecar" in capsys.readouterr().err


# ----------------------------------------------------------------------------- feeds/*.toml

def test_shipped_feed_files_load() -> None:
    project = load_project(Path(__file__).resolve().parents[1])
    assert [f.slug for f in project.feeds] == ["recycled-metals-en", "recycled-metals-zh"]
    en, zh = project.feeds
    assert en.languages == ("en",) and zh.language == "zh-CN" and zh.timezone == "Asia/Shanghai"
    assert en.url("atom").startswith("https://") and en.url("atom").endswith("/recycled-metals-en.atom")
    assert en.inputs == ("seeds/*.txt",) and en.max_items == 50 and en.formats == ("atom", "rss", "json")


BAD = [
    ('title = "T"\nself_url = "https://f.example/"\ncolour = "red"\n', "'colour'"),
    ('title = "T"\nself_url = "/feeds/"\n', "'self_url'"),
    ('title = "T"\nself_url = "https://f.example/"\nlanguage = "Chinese!"\n', "'language'"),
    ('title = "T"\nself_url = "https://f.example/"\ntimezone = "Mars/Base"\n', "'timezone'"),
    ('title = "T"\nself_url = "https://f.example/"\nmax_items = 0\n', "'max_items'"),
    ('title = "T"\nself_url = "https://f.example/"\nformats = ["atom", "pdf"]\n', "'formats'"),
    ('title = "T"\nself_url = "https://f.example/"\nsites = ["nope"]\n', "'sites[0]'"),
    ('title = "T"\nself_url = "https://f.example/"\n[author]\nname = "A"\nphone = "1"\n', "'author.phone'"),
    ('title = "T"\nself_url = "https://f.example/"\n[author]\nemail = "not-an-address"\n', "'author.email'"),
    ('title = ""\nself_url = "https://f.example/"\n', "'title'"),
    ('self_url = "https://f.example/"\n', "'title'"),
    ('title = "T"\nself_url = "https://f.example/"\ninputs = [1]\n', "'inputs'"),
    ('title = "T"\nself_url = \n', "not valid TOML"),
]


@pytest.mark.parametrize("text, key", BAD, ids=[k for _, k in BAD])
def test_config_errors_name_file_and_key(tmp_path: Path, text: str, key: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "broken.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_project(tmp_path)
    assert "broken.toml" in str(info.value) and key in str(info.value)
    for command in ("build", "check"):
        assert cli(tmp_path, command) == 2
        err = capsys.readouterr().err
        assert "config error" in err and "broken.toml" in err and key in err


def test_bad_slug_and_no_feeds_are_config_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(tmp_path, "build") == 2
    assert "feeds/*.toml" in capsys.readouterr().err
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "Has Spaces.toml").write_text(GOOD_FEED)
    assert cli(tmp_path, "build") == 2
    assert "Has Spaces.toml" in capsys.readouterr().err


def test_self_url_gets_its_slash_and_defaults_fill_in(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text('title = "T"\nself_url = "https://f.example/feeds"\n')
    (feed,) = load_project(tmp_path).feeds
    assert feed.url("rss") == "https://f.example/feeds/f.rss"
    assert (feed.home_url, feed.description, feed.author_name, feed.id_authority) == \
        ("https://f.example/feeds/", "T", "T", "f.example")
    assert json.dumps(feed.formats) == '["atom", "rss", "json"]'


def test_add_takes_a_corpus_shard_folder_as_already_cleaned(seeds: Path, tmp_path: Path) -> None:
    from cleanfeed.pipeline import clean
    art = clean(text_page("Copper from the cluster", 9), url="https://news.example/cluster", fetched_at="2024-05-01")
    shard = tmp_path / "corpus-out"
    shard.mkdir()
    (shard / "part-00000.jsonl").write_text(json.dumps({**art.to_dict(), "source": "crawl/9.txt"}) + "\n", "utf-8")
    (shard / "_manifest.json").write_text(json.dumps({"format": "jsonl", "inputs": ["crawl"], "pages": 1, "failed": 0,
                                                      "partitions": [{"shard": "part-00000.jsonl", "pages": 1,
                                                                      "failed": 0}]}), "utf-8")
    assert cli(seeds, "-q", "add", str(shard)) == 0
    entries = xml(seeds / "public" / "recycled-metals-en.atom").findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries if e.find(f"{ATOM}link") is not None]
    assert links == ["https://news.example/cluster"]


def test_build_warns_about_inputs_that_match_nothing_and_publishes_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text(GOOD_FEED.replace('["in/*.txt"]', '["in/*.txt", "nowhere/*.html"]'))
    write_page(tmp_path / "in", "a.txt", text_page("Copper A", 1))
    assert cli(tmp_path, "build") == 0
    err = capsys.readouterr().err
    assert re.search(r"warning: .*f\.toml: key 'inputs\[1\]': 'nowhere/\*\.html' matches no file", err)
    assert entry_ids(tmp_path / "public" / "f.atom")
    assert cli(tmp_path, "-q", "build") == 0
    assert "warning" not in capsys.readouterr().err


def test_check_names_a_site_rule_selector_that_does_not_compile(seeds: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (seeds / "cleaners").mkdir(exist_ok=True)
    (seeds / "cleaners" / "broken.toml").write_text('hosts = ["broken.example"]\ntitle = ["h1", "div[[["]\n')
    assert cli(seeds, "check") == 2
    assert re.search(r"broken\.toml: key 'title\[1\]': selector 'div\[\[\[' does not compile", capsys.readouterr().err)
