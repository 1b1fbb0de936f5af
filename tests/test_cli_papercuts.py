"""Issue #21's command-line papercuts: gzipped pages, several pages in text or Markdown, Markdown headings,
py.typed, and a base install that never loads numpy or scipy."""
from __future__ import annotations

import gzip
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from helpers.feeds import seed_project

from cleanfeed.cli import main
from cleanfeed.commands.clean import SEPARATORS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GZ_PAGE = ROOT / "tests" / "pages" / "wcxb-dev-en" / "0009.html.gz"
PAGE = """<html lang="en"><head><title>Copper scrap grades</title></head><body><article>
<h1>Copper scrap grades</h1>
<p>Yards sort copper scrap into grades before it is sold, and each grade has its own price on the market.</p>
<h2>Bright wire</h2>
<p>Bare bright wire is clean, unalloyed and uncoated copper wire, the highest grade, traded at a premium.</p>
<h3>What spoils it</h3>
<ul><li>Insulation left on the wire</li><li>Solder, paint or <a href="https://example.org/tin">tin plating</a></li></ul>
<h2>Number two copper</h2>
<p>Number two copper is unalloyed scrap with some <em>coating</em> or oxidation, worth less than bright wire.</p>
<blockquote><p>Most yards pay about ninety percent of the bright wire price for it.</p></blockquote>
</article></body></html>"""


def clean(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--project", str(ROOT), "clean", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------------- gzipped pages

def test_a_gzipped_page_is_cleaned_like_the_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plain = tmp_path / "page.html"
    plain.write_bytes(gzip.decompress(GZ_PAGE.read_bytes()))
    same = ("--url", "https://example.org/a", "--fetched-at", "2024-01-01")      # not the files' mtimes
    assert clean(capsys, plain, *same)[:2] == clean(capsys, GZ_PAGE, *same)[:2]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html.gz").write_bytes(GZ_PAGE.read_bytes())
    (folder / "b.txt.gz").write_bytes(gzip.compress((SEEDS / "000_df4d34c1e245e1b5.txt").read_bytes()))
    code, out, _ = clean(capsys, folder)
    assert code == 0 and len(out.splitlines()) == 2                 # a folder's gzipped pages are its pages


def test_a_broken_or_huge_gzipped_page_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(GZ_PAGE.read_bytes()[:200])
    code, _, err = clean(capsys, broken)
    assert code == 1 and err.count("\n") == 1 and "broken.html.gz: not a readable gzip file" in err
    monkeypatch.setattr("cleanfeed.inputs.files.MAX_BYTES", 10_000)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 50_000 + b"</p>"))
    code, _, err = clean(capsys, bomb)
    assert code == 1 and "bomb.html.gz: page too large once decompressed" in err


def test_build_reads_gzipped_pages_named_by_a_feed(tmp_path: Path) -> None:
    assert main(["-q", "init", str(tmp_path)]) == 0
    page = next((tmp_path / "pages").glob("*.html"))
    page.with_name(page.name + ".gz").write_bytes(gzip.compress(page.read_bytes()))
    page.with_name(page.name + ".gz.meta.json").write_bytes(page.with_name(page.name + ".meta.json").read_bytes())
    page.unlink()
    page.with_name(page.name + ".meta.json").unlink()
    assert main(["-q", "--project", str(tmp_path), "build"]) == 0
    assert "busy spring" in (tmp_path / "public" / "news.atom").read_text("utf-8")


# ----------------------------------------------------------------------------- several pages, Markdown

@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_several_pages_are_separated(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    code, out, _ = clean(capsys, *seeds, "--format", fmt)
    parts = out.split(SEPARATORS[fmt])
    assert code == 0 and len(parts) == len(seeds)
    for part, seed in zip(parts, seeds, strict=True):
        _, alone, _ = clean(capsys, seed, "--format", fmt)
        assert part == alone                                        # each article whole, in input order
    if fmt == "markdown":
        assert "\n\n---\n\n# " in out                               # a thematic break after a blank line


def test_markdown_keeps_the_articles_headings_lists_and_links(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    page = tmp_path / "grades.html"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = clean(capsys, page, "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Copper scrap grades"
    assert [ln for ln in lines if ln.startswith("#")] == ["# Copper scrap grades", "## Bright wire",
                                                           "### What spoils it", "## Number two copper"]
    assert "- Insulation left on the wire" in lines
    assert "- Solder, paint or [tin plating](https://example.org/tin)" in lines
    assert "with some *coating* or oxidation" in out
    assert "> Most yards pay about ninety percent of the bright wire price for it." in lines


# ----------------------------------------------------------------------------- typing and the lean install

def test_the_package_says_it_is_typed() -> None:
    assert resources.files("cleanfeed").joinpath("py.typed").is_file()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    assert "py.typed" in data["cleanfeed"]


def test_the_base_install_needs_no_numpy_scipy_or_datasketch(tmp_path: Path) -> None:
    """A build (cleaning, the story index, every file written) loads none of them, and none is a dependency."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    assert not [d for d in deps if d.split(">")[0].split("=")[0].strip().lower() in ("numpy", "scipy", "datasketch")]
    probe = ("import sys; from cleanfeed.cli import main; code = main(['-q', '--project', sys.argv[1], 'build']); "
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'scipy', 'datasketch')))")
    done = subprocess.run([sys.executable, "-c", probe, str(seed_project(tmp_path))], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"
