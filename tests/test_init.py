"""`cleanfeed init DIR`: a new project that builds a valid feed at once; `check` on site rules alone."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import feedparser
import pytest
from helpers.feeds import assert_feeds_clean

from cleanfeed.cli import main
from cleanfeed.rules.project import load_project
from cleanfeed.rules.scaffold import EXAMPLE_PAGE, NewProject, project_files

FILES = {"cleanfeed.toml", "feeds/news.toml", "cleaners/example-news.toml", EXAMPLE_PAGE, EXAMPLE_PAGE + ".meta.json",
         ".gitignore"}


def test_init_writes_a_commented_project(tmp_path: Path) -> None:
    root = tmp_path / "metals"
    assert main(["-q", "init", str(root)]) == 0
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} == FILES
    for name in ("cleanfeed.toml", "feeds/news.toml", "cleaners/example-news.toml"):
        raw = (root / name).read_text("utf-8")
        assert raw.count("\n#") >= 2 and tomllib.loads(raw)            # commented, and valid TOML
    assert (root / ".gitignore").read_text("utf-8").splitlines()[-2:] == ["/.cleanfeed/", "/public/"]
    sidecar = json.loads((root / (EXAMPLE_PAGE + ".meta.json")).read_text("utf-8"))
    assert set(sidecar) == {"url", "fetched_at"}


def test_cd_into_the_new_project_and_build_writes_a_valid_feed(tmp_path: Path) -> None:
    root = tmp_path / "metals"
    assert main(["-q", "init", str(root), "--title", "Metals news"]) == 0
    done = subprocess.run([sys.executable, "-m", "cleanfeed", "build"], cwd=root, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 pages, 1 articles, 0 failed, 1 feeds written (1 new)" in done.stderr
    out = root / "public"
    assert_feeds_clean([out / "news.atom", out / "news.rss"], base_url="http://127.0.0.1:8080/")
    parsed = feedparser.parse((out / "news.atom").read_bytes())
    assert not parsed.bozo and parsed.feed.title == "Metals news" and len(parsed.entries) == 1
    entry = parsed.entries[0]
    assert entry.title == "Scrap aluminium yards report a busy spring"
    assert entry.link == "https://news.example.com/recycling/busy-spring.html"
    assert entry.published == "2024-05-02T09:30:00+08:00"              # the site rule's zone for the printed time
    body = entry.content[0].value
    assert "third week in a row" in body
    assert "indicative" not in body and "Share this article" not in body and "More from" not in body
    assert "<h1>Metals news</h1>" in (out / "index.html").read_text("utf-8")


def test_the_example_site_rule_is_what_reads_the_example_page(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert main(["-q", "init", str(root)]) == 0
    (root / "cleaners" / "example-news.toml").unlink()
    assert main(["-q", "--project", str(root), "build"]) == 0
    entry = feedparser.parse((root / "public" / "news.atom").read_bytes()).entries[0]
    assert "indicative" in entry.content[0].value and entry.published.endswith("+00:00")


def test_options_fill_the_feed_and_the_site(tmp_path: Path) -> None:
    root = tmp_path / "zh"
    assert main(["-q", "init", str(root), "--feed", "zaisheng", "--title", '再生 "金属"', "--language", "zh",
                 "--timezone", "Asia/Shanghai", "--url", "https://feeds.example.net/zs/"]) == 0
    project = load_project(root)
    (spec,) = project.feeds
    assert (spec.slug, spec.title, spec.languages, spec.timezone, spec.self_url) == (
        "zaisheng", '再生 "金属"', ("zh",), "Asia/Shanghai", "https://feeds.example.net/zs/")
    assert project.site.title == '再生 "金属"'


@pytest.mark.parametrize("bad", [["--feed", "My Feed"], ["--url", "feeds.example.org"], ["--timezone", "Mars/Base"],
                                 ["--language", "english!"], ["--title", "two\nlines"]])
def test_bad_options_are_usage_errors_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        bad: list[str]) -> None:
    assert main(["init", str(tmp_path / "p"), *bad]) == 2
    assert "cleanfeed: error: cannot make that project" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "news.toml").write_text("# mine\n", encoding="utf-8")
    (root / "README.md").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(root)]) == 2
    assert "feeds/news.toml already exists: nothing written" in capsys.readouterr().err
    assert sorted(p.name for p in root.rglob("*")) == ["README.md", "feeds", "news.toml"]
    assert main(["-q", "init", str(root), "--feed", "other"]) == 0      # other files beside are fine
    assert (root / "README.md").read_text("utf-8") == "mine\n"


def test_project_files_is_a_mapping_another_way_in_can_extend() -> None:
    files = project_files(NewProject(slug="a"))
    assert set(files) == (FILES - {"feeds/news.toml"}) | {"feeds/a.toml"}
    assert all(isinstance(data, bytes) for data in files.values())


def test_check_validates_site_rules_without_a_feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    assert main(["-q", "init", str(root)]) == 0
    for feed in (root / "feeds").glob("*.toml"):
        feed.unlink()
    assert main(["--project", str(root), "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("0 feeds, 1 site rules") and "nothing would be published" in captured.err
    (root / "cleaners" / "typo.toml").write_text('hostz = ["a.example"]\n', encoding="utf-8")
    assert main(["--project", str(root), "check"]) == 2
    assert "cleaners/typo.toml: unknown key 'hostz'" in capsys.readouterr().err
    (root / "cleaners" / "typo.toml").write_text('hosts = ["a.example"]\nbody = ["div[[["]\n', encoding="utf-8")
    assert main(["--project", str(root), "check"]) == 2
    assert "key 'body[0]': selector 'div[[[' does not compile" in capsys.readouterr().err


def test_check_in_a_folder_that_is_no_project_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(tmp_path), "check"]) == 2
    assert "not a feed project (cleanfeed init DIR makes one)" in capsys.readouterr().err


@pytest.mark.parametrize("language, title, kept", [
    ("zh", "宁波废铝回收站春季业务繁忙", "连续第三周上涨"),
    ("zh-TW", "寧波廢鋁回收站春季業務繁忙", "連續第三週上漲"),
])
def test_a_chinese_project_builds_its_example_page_into_its_feed(tmp_path: Path, language: str, title: str,
                                                                 kept: str) -> None:
    """`init --language zh` (or zh-TW) writes the example page in that script: the feed keeps Chinese only,
    and an English example page gave an empty feed (u21)."""
    root = tmp_path / "p"
    assert main(["-q", "init", str(root), "--language", language]) == 0
    assert main(["-q", "--project", str(root), "build"]) == 0
    out = root / "public"
    assert_feeds_clean([out / "news.atom", out / "news.rss"], base_url="http://127.0.0.1:8080/")
    (entry,) = feedparser.parse((out / "news.atom").read_bytes()).entries
    body = entry.content[0].value
    assert entry.title == title and entry.published == "2024-05-02T09:30:00+08:00" and entry.author == "林梅"
    assert kept in body and not any(gone in body for gone in ("分享本文", "更多示例", "供参考", "供參考"))


@pytest.mark.parametrize("language, page", [("en", "page.html"), ("de-AT", "page.html"), ("zh", "page.zh-hans.html"),
                                            ("zh-CN", "page.zh-hans.html"), ("zh-Hans", "page.zh-hans.html"),
                                            ("zh-TW", "page.zh-hant.html"), ("zh-hk", "page.zh-hant.html"),
                                            ("zh-Hant-TW", "page.zh-hant.html"), ("zhx", "page.html"),
                                            ("zh_TW", "page.zh-hant.html"), ("ZH_hk", "page.zh-hant.html"),
                                            ("zh-Hans-HK", "page.zh-hans.html"), ("zh-Hant-SG", "page.zh-hant.html")])
def test_the_example_page_follows_the_feeds_language(language: str, page: str) -> None:
    from cleanfeed.rules.scaffold import example_page
    assert example_page(language) == page


@pytest.mark.parametrize("language", ["zh_TW", "zh-Hans-HK", "ZH", "en-GB", "en_us"])
def test_the_example_page_is_in_the_language_the_feed_keeps(tmp_path: Path, language: str) -> None:
    """The page follows the tag as the feed's filter reads it (rules.project: `zh_TW` keeps zh-TW, and
    textnorm.normalise_tag reads `zh-Hans-HK` as zh-CN: its script wins): `zh_TW` wrote the English page and
    `zh-Hans-HK` the simplified one, and both feeds were empty; `en-GB` keeps en-GB only, and the English
    page said `lang="en"`."""
    root = tmp_path / "p"
    assert main(["-q", "init", str(root), "--language", language]) == 0
    assert main(["-q", "--project", str(root), "build"]) == 0
    assert len(feedparser.parse((root / "public" / "news.atom").read_bytes()).entries) == 1


@pytest.mark.parametrize("tag, read", [("zh", "zh-CN"), ("zh_TW", "zh-TW"), ("zh-HK", "zh-TW"), ("zh-Hant", "zh-TW"),
                                       ("zh-Hans", "zh-CN"), ("zh-Hans-HK", "zh-CN"), ("zh-Hans-TW", "zh-CN"),
                                       ("zh-Hant-SG", "zh-TW"), ("zh-SG", "zh-CN"), ("en_gb", "en-GB"), ("x", None)])
def test_a_chinese_tag_is_read_by_its_script_before_its_region(tag: str, read: str | None) -> None:
    from cleanfeed.textnorm import normalise_tag
    assert normalise_tag(tag) == read
