"""Every value of a project's files is checked and `cleanfeed check` names every problem at once (issue
#20): a 300-character time zone is a config error (exit 2), never an OSError traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed.cli import main
from cleanfeed.errors import ConfigError, ConfigErrors
from cleanfeed.rules.project import load_project
from cleanfeed.timeutil import zone

GOOD_FEED = 'title = "T"\nself_url = "https://f.example/feeds/"\n'


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--project", str(root), "check"])
    return code, [line for line in capsys.readouterr().err.splitlines() if "config error" in line]


@pytest.mark.parametrize("name", ["X" * 300, "../../etc/passwd", "Mars/Base", "Asia/Shanghai\x00", "/etc/localtime"])
def test_an_impossible_zone_is_a_value_error(name: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        zone(name)


def test_a_300_character_timezone_is_a_config_error_not_a_traceback(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, {"feeds/f.toml": GOOD_FEED + f'timezone = "{"A" * 300}"\n'})
    code, errors = check(root, capsys)
    assert code == 2 and len(errors) == 1 and "f.toml: key 'timezone'" in errors[0]
    assert main(["--project", str(root), "build"]) == 2


def test_check_names_every_problem_of_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, {
        "feeds/a.toml": GOOD_FEED + 'timezone = "Mars/Base"\ncolour = "red"\nmax_items = 0\n[author]\nemail = "no"\n',
        "feeds/b.toml": 'title = ""\nself_url = "ftp://f.example/"\nsites = ["nope"]\n',
        "cleaners/x.toml": ('hosts = ["http://x.example/path"]\ntitle = "//h1["\nbody = "//div/@class"\n'
                            'fingerprints = ["(unclosed"]\nlanguage = "english!"\ntest_url = "not a url"\n'
                            '[crawl]\nstart_urls = ["file:///etc/passwd"]\narticle_links = ["//a"]\ndelay = -1\n'),
    })
    code, errors = check(root, capsys)
    keys = {line.split("key ")[-1].split(":")[0] if "key " in line else line.split(": ", 2)[-1] for line in errors}
    assert code == 2
    assert {"'timezone'", "'max_items'", "'author.email'", "'title'", "'self_url'", "'sites[0]'", "'hosts'",
            "'title[0]'", "'body[0]'", "'fingerprints'", "'language'", "'test_url'", "'crawl.start_urls'",
            "'crawl.article_links'", "'crawl.delay'"} <= keys, errors
    assert any("unknown key 'colour'" in line for line in errors)
    with pytest.raises(ConfigErrors) as raised:                 # the loader raises them together too
        load_project(root)
    assert len(raised.value.errors) == len(errors)


def test_a_rule_that_fails_to_load_is_still_a_known_site(tmp_path: Path) -> None:
    root = write(tmp_path, {"feeds/f.toml": GOOD_FEED + 'sites = ["x"]\n', "cleaners/x.toml": 'timezone = "Mars"\n'})
    problems: list[ConfigError] = []
    load_project(root, problems)
    assert [p.message for p in problems] == ["key 'timezone': unknown time zone 'Mars' (use an IANA name such as "
                                             "Asia/Shanghai)"]


@pytest.mark.parametrize("value", ['"x" ', '["a", 3]', '"' + "y" * 3000 + '"', "[" + ", ".join(['"a"'] * 1001) + "]"])
def test_bad_types_and_lengths_are_named(tmp_path: Path, value: str) -> None:
    root = write(tmp_path, {"feeds/f.toml": GOOD_FEED + f"include = {value}\ncategories = {value}\n"})
    if value == '"x" ':
        load_project(root)                                      # a plain string is a list of one: fine
        return
    with pytest.raises(ConfigErrors) as raised:
        load_project(root)
    assert [e.message.split(":")[0] for e in raised.value.errors] == ["key 'include'", "key 'categories'"]


def test_a_feed_file_that_fails_to_load_is_not_called_missing(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A feed file with a TOML syntax error loads no feed; check named the error and then said "no feed files
    (feeds/*.toml) … nothing would be published", sending the user to look for a missing file."""
    root = write(tmp_path, {"feeds/news.toml": GOOD_FEED + 'description = "unclosed\n',
                            "cleaners/x.toml": 'hosts = ["x.example"]\n'})
    code = main(["--project", str(root), "check"])
    err = capsys.readouterr().err
    assert code == 2 and "news.toml: not valid TOML" in err
    assert "no feed files" not in err
