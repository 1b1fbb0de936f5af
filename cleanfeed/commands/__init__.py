"""Commands: one thin module per `cleanfeed` subcommand, each with `register(subparsers)`.

Options and messages live here; the work is done by the stage packages. Helpers used by several
commands are in `common`.

May import: anything in cleanfeed.
"""
