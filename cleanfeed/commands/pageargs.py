"""The page options `clean` and `add` share: `--url` (one page, absolute http(s)) and `--fetched-at WHEN`."""
from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ..errors import UsageError
from ..timeutil import parse_when, zone
from ..urlnorm import is_http_url


def page_options(args: argparse.Namespace, timezone: str | None) -> datetime | None:
    """The fetch time the user gave (naive times in `timezone`), after checking that `--url` names one page."""
    if args.url and (len(args.paths) > 1 or args.paths[0] != "-" and Path(args.paths[0]).is_dir()):
        raise UsageError("--url applies to a single page; give one PATH")
    if args.url and not is_http_url(args.url):
        # It becomes the entry's link and id base in every feed: a relative or non-web one breaks them.
        raise UsageError(f"--url must be an absolute http(s) URL, not {args.url!r}")
    try:
        tz = zone(timezone)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        return parse_when(args.fetched_at, tz) if args.fetched_at else None
    except ValueError as exc:
        raise UsageError(f"--fetched-at: {exc}") from None
