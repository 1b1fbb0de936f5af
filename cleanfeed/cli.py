"""`cleanfeed` command line: a thin layer over the library. Data on stdout, messages on stderr.

Exit codes: 0 all pages fine; 1 some pages failed or had no article (each named on stderr); 2 usage or
configuration error. `main(argv)` returns the code, so tests call it directly.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from cleanfeed.errors import ConfigError, UsageError
from cleanfeed.version import __version__

# Each subcommand is a module in cleanfeed/commands/ with `register(subparsers)`; the order is --help's.
COMMANDS: tuple[str, ...] = ("clean", "build", "add", "check", "reclean", "remove", "serve", "clean_corpus",
                               "crawl", "update", "learn", "dupes")

log = logging.getLogger("cleanfeed")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanfeed",
        description="Turn scraped news pages (plain text, HTML, WARC) into clean, valid news feeds.",
        epilog="Run 'cleanfeed COMMAND --help' for a command's options. The feed project is the current "
               "directory unless --project says otherwise.",
    )
    parser.add_argument("--version", action="version", version=f"cleanfeed {__version__}")
    parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                        help="feed project folder holding cleaners/, feeds/ and .cleanfeed/ (default: .)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("cleanfeed: %(message)s"))
    root = logging.getLogger("cleanfeed")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:           # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    _configure_logging(args.verbose, args.quiet)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"cleanfeed: error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"cleanfeed: config error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cleanfeed: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:             # `cleanfeed clean … | head`: the reader left, that is fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
