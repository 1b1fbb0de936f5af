"""The CLI loads only what a command needs: `--version` and `--help` never import the cleaner, and the global
options work after the subcommand too (`cleanfeed build -q`)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleanfeed import cli
from cleanfeed.cli import COMMANDS, parse_args

PROBE = """
import json, sys
from cleanfeed.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(*argv: str, prefix: str = "cleanfeed") -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60)
    return {m for m in json.loads(done.stderr.strip().splitlines()[-1]) if m.startswith(prefix)}


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["nosuch"]])
def test_version_and_help_do_not_load_the_cleaner(argv: list[str]) -> None:
    loaded = loaded_modules(*argv)
    assert "cleanfeed.cli" in loaded
    assert not loaded & {"cleanfeed.pipeline", "cleanfeed.html.article", "cleanfeed.dates.engine",
                         "cleanfeed.store.db"}, loaded


def test_only_the_chosen_command_module_is_imported() -> None:
    loaded = loaded_modules("check", "--help")
    assert "cleanfeed.commands.check" in loaded
    assert not {m for m in loaded if m.startswith("cleanfeed.commands.")} - {"cleanfeed.commands",
                                                                             "cleanfeed.commands.check",
                                                                             "cleanfeed.commands.common"}


@pytest.mark.parametrize("argv", [["build", "-q"], ["-q", "build"], ["build", "--quiet", "--project", "x"]])
def test_global_options_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = parse_args(argv)
    assert args.command == "build" and args.quiet is True
    assert args.project == (Path("x") if "x" in argv else Path("."))


def test_option_before_the_subcommand_is_kept_when_not_repeated() -> None:
    args = parse_args(["--project", "somewhere", "-v", "build"])
    assert args.project == Path("somewhere") and args.verbose == 1 and args.quiet is False


def test_check_and_serve_start_without_the_cleaner(tmp_path: Path) -> None:
    """`check` reads files, `serve` serves them: neither needs the cleaner, numpy or tqdm (issue #23)."""
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text('title = "T"\nself_url = "https://f.example/"\n', encoding="utf-8")
    loaded = loaded_modules("--project", str(tmp_path), "check")
    assert "cleanfeed.commands.check" in loaded
    assert not loaded & {"cleanfeed.pipeline", "cleanfeed.store.ingest", "cleanfeed.store.db",
                         "cleanfeed.html.article"}, loaded
    assert not loaded_modules("serve", "--help") & {"cleanfeed.pipeline", "cleanfeed.store.db"}


def test_check_reads_sidecar_times_without_dateutil_and_no_ftr_files_without_lxml(tmp_path: Path) -> None:
    """An ISO fetch time is read by the standard library (Python ≥ 3.11), and XPath is compiled only for
    FiveFilters files: `check` of a project without them starts without 30-40 ms of imports."""
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text('title = "T"\nself_url = "https://f.example/"\ninputs = ["in/*"]\n',
                                               encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\n\nSome body text of a page.\n", encoding="utf-8")
    (tmp_path / "in" / "a.txt.meta.json").write_text(
        json.dumps({"url": "https://f.example/a", "fetched_at": "2025-10-01T10:00:00.5Z"}), encoding="utf-8")
    loaded = loaded_modules("--project", str(tmp_path), "check", prefix="")
    assert "cleanfeed.commands.check" in loaded and "cleanfeed.inputs.files" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("dateutil", "lxml")}, loaded


def test_the_server_module_loads_no_xml_parser_before_a_request() -> None:
    """ElementTree (feed dates, OPML) loads on the first request of such a file, not on `serve`'s start."""
    probe = "import sys, cleanfeed.serve.server; print(sorted(m for m in sys.modules if m.startswith('xml')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_the_serve_start_path_loads_neither_dataclasses_nor_hashlib() -> None:
    """`serve`'s own modules hold two small records and hash a file on its first request: `dataclasses`
    (which loads inspect, ast, dis: 6-7 ms) and hashlib stay off the start path (issue #23: ≤ 3× bare python)."""
    probe = ("import sys, cleanfeed.cli, cleanfeed.commands.serve, cleanfeed.serve.server; "
             "print(sorted(m for m in ('dataclasses', 'hashlib', 'json') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.parametrize("argv", [["--help"], ["serve", "--help"]])
def test_the_parser_asks_the_terminal_width_without_shutil(argv: list[str]) -> None:
    """argparse imports shutil (bz2, lzma) for the terminal width; the CLI passes the same width itself."""
    assert not loaded_modules(*argv, prefix="") & {"shutil", "bz2", "lzma"}


def test_check_loads_neither_importlib_resources_nor_difflib(tmp_path: Path) -> None:
    """The package data (generic rules) is read by the cleaner, a directive name suggested only for a typo:
    `check` of a project without either starts without tempfile, shutil and difflib (issue #23)."""
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.toml").write_text('title = "T"\nself_url = "https://f.example/"\n', encoding="utf-8")
    loaded = loaded_modules("--project", str(tmp_path), "check", prefix="")
    assert "cleanfeed.commands.check" in loaded
    assert not loaded & {"importlib.resources", "tempfile", "shutil", "difflib"}, loaded


@pytest.mark.parametrize("columns", ["", "50", "0", "x"])
def test_terminal_columns_is_what_shutil_says(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    import shutil

    from cleanfeed.cli import terminal_columns

    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns


CLEANER = ("cleanfeed.model", "cleanfeed.pipeline", "cleanfeed.text", "cleanfeed.html", "cleanfeed.dates",
           "cleanfeed.store", "cleanfeed.publish", "cleanfeed.crawl", "cleanfeed.corpus", "cleanfeed.rules.classes",
           "cleanfeed.rules.textrules", "cleanfeed.rules.html_words")
FTR = ("cleanfeed.rules.ftr", "cleanfeed.rules.ftrlookup")
CHECK_PROBE = """
import json, sys
from cleanfeed.cli import main
code = main(sys.argv[1:])
han = "HAN" in vars(sys.modules["cleanfeed.textnorm"])
print(json.dumps([code, han, sorted(sys.modules)]), file=sys.stderr)
"""


def _full_project(root: Path) -> Path:
    """A feed, a site rule with selectors, a crawl section and a learned template, and two input pages (one
    gzipped) with a sidecar: everything `check` reads."""
    import gzip

    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "f.toml").write_text('title = "T"\nself_url = "https://f.example/"\ntimezone = "Asia/Shanghai"\n'
                                           'language = ["zh"]\ninputs = ["in/*"]\nsites = ["s"]\n', encoding="utf-8")
    (root / "cleaners").mkdir()
    (root / "cleaners" / "s.toml").write_text(
        'hosts = ["s.example"]\nfingerprints = ["来源：S"]\ndrop_lines = ["^责任编辑"]\nbody = ["div.article"]\n'
        'date = ["//meta[@name=\'pubdate\']/@content"]\ntest_url = ["https://s.example/a"]\n'
        '[crawl]\nstart_urls = ["https://s.example/news/"]\narticle_url_patterns = ["/a/\\\\d+"]\n', encoding="utf-8")
    (root / "cleaners" / "s.learned.toml").write_text('pages = 5\nmin_share = 0.6\ntemplate_lines = ["首页 | 新闻"]\n',
                                                      encoding="utf-8")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text("标题\n\n正文，来源：S\n", encoding="utf-8")
    (root / "in" / "a.txt.meta.json").write_text(
        json.dumps({"url": "https://s.example/a/1", "fetched_at": "2025-10-01T10:00:00+08:00"}), encoding="utf-8")
    (root / "in" / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Text</p></body></html>"))
    return root


def _within(module: str, names: tuple[str, ...]) -> bool:
    return module in names or module.startswith(tuple(f"{n}." for n in names))


def _check(project: Path) -> tuple[int, bool, set[str]]:
    """(exit code, whether textnorm.HAN was compiled, the modules loaded) of `cleanfeed check`."""
    done = subprocess.run([sys.executable, "-c", CHECK_PROBE, "--project", str(project), "check"],
                          capture_output=True, text=True, timeout=60)
    code, han, modules = json.loads(done.stderr.strip().splitlines()[-1])
    return code, han, set(modules)


def test_check_reads_the_whole_project_without_the_cleaners_modules(tmp_path: Path) -> None:
    """`check` validates feeds, site rules (selectors, crawl, learned lines) and reads every input without the
    cleaner's records (`model`), any cleaning stage, the FiveFilters reader, the Han pattern or `dataclasses`
    (with inspect and ast, ~7 ms; its records are NamedTuples) (issue #23: ≤ 3× bare python). An import-set
    check, not a timing: it holds on any machine."""
    code, han, loaded = _check(_full_project(tmp_path))
    assert code == 0
    assert {"cleanfeed.commands.check", "cleanfeed.rules.project", "cleanfeed.inputs.files"} <= loaded
    assert not {m for m in loaded if _within(m, CLEANER + FTR)}, loaded
    assert not han
    assert "dataclasses" not in loaded       # (lxml loads inspect itself: this project has selectors)


def test_check_loads_the_fivefilters_reader_when_the_project_has_its_files(tmp_path: Path) -> None:
    """The counterpart: with a `cleaners/<host>.txt` the FiveFilters reader is loaded and the file checked."""
    project = _full_project(tmp_path)
    (project / "cleaners" / "s.example.txt").write_text("body: //div[@id='story']\nnosuch: x\n", encoding="utf-8")
    code, _, loaded = _check(project)
    assert code == 2 and set(FTR) <= loaded


def test_the_han_pattern_is_compiled_on_first_use() -> None:
    import cleanfeed.textnorm as textnorm
    from cleanfeed.textnorm import HAN

    assert HAN is textnorm.HAN and HAN.findall("铝价 up 3%，廣東") == ["铝", "价", "廣", "東"]
    with pytest.raises(AttributeError):
        textnorm.NOSUCH  # noqa: B018


@pytest.mark.parametrize(("argv", "parsers"), [(["check"], 2), (["check", "-q", "--project", "x"], 2),
                                               (["-q", "check"], 2 + 1 + len(COMMANDS))])
def test_a_command_named_first_is_read_by_its_own_parser_alone(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                               parsers: int) -> None:
    """`cleanfeed check` builds the top parser and check's (each subparser ~0.1 ms of gettext lookups); the
    choosing parser with every command is built only when options come first."""
    built: list[str] = []
    init = cli._Parser.__init__

    def counting(self: cli._Parser, *args: Any, **kwargs: Any) -> None:
        built.append(kwargs.get("prog") or "")
        init(self, *args, **kwargs)

    monkeypatch.setattr(cli._Parser, "__init__", counting)
    args = parse_args(argv)
    assert args.command == "check" and args.run is not None and len(built) == parsers, built
