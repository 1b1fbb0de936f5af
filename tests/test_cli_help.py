"""Docs kept honest: every `cleanfeed …` command the README shows parses with today's CLI (for the
subcommands that exist), the runnable `clean` examples succeed, and every subcommand's --help works."""
from __future__ import annotations

import argparse
import glob
import re
import shlex
from pathlib import Path

import pytest

from cleanfeed.cli import COMMANDS, build_parser, main, parse_args

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_FENCE = re.compile(r"```(?:sh|bash|console|shell)\n(.*?)```", re.S)


def subcommand_names() -> list[str]:
    """The names `cleanfeed` accepts, one per module in COMMANDS (a module may spell its name with `-`)."""
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices) if actions else []


def readme_commands() -> list[list[str]]:
    """argv (without the program name) of each `cleanfeed …` in the README's shell blocks."""
    if not README.exists():
        return []
    commands = []
    for block in _FENCE.findall(README.read_text(encoding="utf-8")):
        for line in block.splitlines():
            for part in re.split(r"&&|\|\||\||;", line.split(" #")[0]):
                words = shlex.split(part, comments=True)
                if words and words[0] == "cleanfeed":
                    commands.append(words[1:])
    return commands


def subcommand(argv: list[str]) -> str | None:
    return next((w for w in argv if not w.startswith("-")), None)


def test_readme_shows_cleanfeed_commands() -> None:
    assert README.exists()
    assert any(subcommand(argv) == "clean" for argv in readme_commands())


@pytest.mark.parametrize("argv", readme_commands(), ids=lambda a: " ".join(a)[:60])
def test_readme_command_parses(argv: list[str]) -> None:
    name = subcommand(argv)
    if name is not None and name not in subcommand_names():
        pytest.skip(f"`cleanfeed {name}` is not in COMMANDS yet")
    args = parse_args(argv)        # argparse exits (SystemExit) on an unknown option
    assert name is None or args.command == name


def runnable_clean_examples() -> list[list[str]]:
    """README `cleanfeed clean` examples whose page paths exist in the repo (globs expanded as a shell would)."""
    out = []
    for argv in readme_commands():
        if subcommand(argv) != "clean" or "-" in argv:
            continue
        expanded = [m for a in argv for m in (sorted(glob.glob(str(ROOT / a))) if "*" in a else [a])]
        positional = [a for a in expanded[1:] if not a.startswith("-")]
        if positional and all(Path(a if Path(a).is_absolute() else ROOT / a).exists() for a in positional):
            out.append(expanded)
    return out


@pytest.mark.parametrize("argv", runnable_clean_examples(), ids=lambda a: " ".join(a)[-60:])
def test_readme_clean_example_runs(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(argv) == 0
    assert capsys.readouterr().out.strip()


def test_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in subcommand_names():
        assert name in out


def test_every_command_module_registers_a_subcommand() -> None:
    assert len(subcommand_names()) == len(COMMANDS)


@pytest.mark.parametrize("name", subcommand_names())
def test_subcommand_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: cleanfeed {name}")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("name", subcommand_names())
def test_subcommand_help_names_only_real_commands(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A help text that says `cleanfeed corpus` when the command is `clean-corpus` sends users nowhere."""
    assert main([name, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    named = {m for m in re.findall(r"`cleanfeed ([a-z][a-z-]*)", out)}
    named |= {m for m in re.findall(r"(?:Example|Examples): cleanfeed ([a-z][a-z-]*)", out)}
    assert named <= set(subcommand_names())
