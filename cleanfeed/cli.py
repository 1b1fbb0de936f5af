"""`cleanfeed` command line: a thin layer over the library. Data on stdout, messages on stderr.

Exit codes: 0 all pages fine; 1 some pages failed or had no article (each named on stderr); 2 usage or
configuration error. `main(argv)` returns the code, so tests call it directly.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleanfeed.errors import ConfigError, OutputError, UsageError
from cleanfeed.version import __version__

# Each subcommand is a module in cleanfeed/commands/ with `register(subparsers)`; this table is --help's
# list (in its order) and the only place a command's one-line help is written. Only the command being run
# is imported, so `--version`, `--help` and a light command never load the cleaner.
COMMANDS: dict[str, str] = {
    "init": "start a new feed project in a folder (commented feed, site rule, example page)",
    "clean": "clean pages and print the articles",
    "build": "clean the project's pages and write its feeds",
    "add": "add scraped pages to the store and update the feeds",
    "check": "validate feeds/*.toml, cleaners/*.toml and the inputs they name",
    "reclean": "clean stored pages again with the current rules, then update the feeds",
    "remove": "remove articles from the feeds for good (by URL or id)",
    "prune": "drop the raw pages of old articles (the bulk of the store); the articles stay",
    "serve": "serve the feed files over HTTP (ETag, Last-Modified, 304, gzip)",
    "clean-corpus": "clean a whole crawl on a Dask cluster into sharded files",
    "crawl": "fetch new articles from the sites' [crawl] sections",
    "add-feeds": "turn a feed reader's subscriptions (OPML) into site rules that crawl those feeds",
    "update": "crawl the feeds' sites, then write the feeds",
    "learn": "learn a site's template lines (menus, footers) from several of its pages",
    "dupes": "list stories merged from reprints; undo a wrong merge",
}

log = logging.getLogger("cleanfeed")


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns` without importing shutil (which loads bz2 and lzma: ~2 ms of
    every start): $COLUMNS, else the width of the terminal on stdout, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns   # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """argparse's HelpFormatter asks shutil for the width when none is given; we give it, the same value."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return self.formatter_class(prog=self.prog, width=terminal_columns() - 2)  # type: ignore[call-arg]


def _global_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """--project, -v, -q: accepted before the subcommand and after it (`cleanfeed build -q`). After it they
    default to SUPPRESS, so an option given only before the subcommand is not reset by the subparser."""
    unset: dict[str, Any] = {"default": argparse.SUPPRESS} if after_command else {}
    parser.add_argument("--project", type=Path, metavar="DIR", **(unset or {"default": Path(".")}),
                        help="feed project folder holding cleaners/, feeds/ and .cleanfeed/ (default: .)")
    parser.add_argument("-v", "--verbose", action="count", **(unset or {"default": 0}),
                        help="more log output on stderr")
    parser.add_argument("-q", "--quiet", action="store_true", **(unset or {"default": False}),
                        help="only errors on stderr")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Without `command`, the parser that chooses one: every command a name with its help (enough to print
    `cleanfeed --help`). With `command`, the parser that reads it: only that subcommand, whose module is
    imported and registers its options (each subparser costs ~0.1 ms, mostly gettext lookups)."""
    parser = _Parser(
        prog="cleanfeed",
        description="Turn scraped news pages (plain text, HTML, WARC) into clean, valid news feeds.",
        epilog="Run 'cleanfeed COMMAND --help' for a command's options. The feed project is the current "
               "directory unless --project says otherwise.",
    )
    parser.add_argument("--version", action="version", version=f"cleanfeed {__version__}")
    _global_options(parser, after_command=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command is None:
        for name, help_line in COMMANDS.items():
            sub.add_parser(name, help=help_line, add_help=False)
    elif command in COMMANDS:
        importlib.import_module(f"cleanfeed.commands.{command.replace('-', '_')}").register(sub)
        _global_options(sub.choices[command], after_command=True)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """argv → options, in two steps: the subcommand is found (by the choosing parser, which also answers
    --help and --version at once), then that subcommand's parser reads the rest. Exits as argparse does.
    When argv starts with a command name, that name is the command (the first argument can only be the
    subcommand or a global option), so the choosing parser is not built: 2 parsers instead of 32."""
    args = sys.argv[1:] if argv is None else list(argv)
    command = args[0] if args and args[0] in COMMANDS else None
    if command is None:
        known, _ = build_parser().parse_known_args(args)
        command = getattr(known, "command", None)
    return build_parser(command).parse_args(args)


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("cleanfeed: %(message)s"))
    root = logging.getLogger("cleanfeed")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exc:           # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    _configure_logging(args.verbose, args.quiet)
    if not getattr(args, "run", None):
        build_parser().print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"cleanfeed: error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:               # every problem found, one line each (ConfigErrors holds several)
        for problem in getattr(exc, "errors", None) or (exc,):
            print(f"cleanfeed: config error: {problem}", file=sys.stderr)
        return 2
    except OutputError as exc:              # after the store was written: the feeds only are not
        print(f"cleanfeed: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cleanfeed: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:             # `cleanfeed clean … | head`: the reader left, that is fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
