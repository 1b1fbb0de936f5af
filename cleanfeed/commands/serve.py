"""`cleanfeed serve [DIR]`: serve the build output to feed readers; `--watch` keeps it up to date."""
from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleanfeed.errors import CleanfeedError, UsageError

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        description="Serve the folder `cleanfeed build` wrote (default: the project's public/) to feed "
                    "readers: strong ETags from the content, Last-Modified from when the file last changed "
                    "(never before the feed's own updated time), 304 Not Modified, gzip, Cache-Control. "
                    "Only the feed files, the site's pages and stylesheet and feeds.opml are served: no "
                    "directory listing, no hidden files, nothing outside DIR. feeds.opml lists every feed at "
                    "this server's address (the host the reader asked for), not at self_url. Access log "
                    "lines go to stderr.",
        epilog="Subscribe with http://HOST:PORT/<slug>.atom (or .rss, .json); / is index.html. "
               "Example: cleanfeed serve --watch inbox/  (pages dropped into inbox/ appear within seconds)")
    p.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="folder to serve (default: PROJECT/public)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for all)")
    p.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks a free one)")
    p.add_argument("--max-age", type=int, default=300, metavar="SECONDS",
                   help="Cache-Control max-age for caches and readers (default 300)")
    p.add_argument("--watch", nargs="+", type=Path, default=[], metavar="INPUT_DIR",
                   help="clean and publish pages dropped into these folders, without a restart "
                        "(give DIR before --watch)")
    p.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                   help="how often --watch looks at the folders (default 1)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleanfeed.serve.server import make_server

    if not 0 <= args.port <= 65535 or args.max_age < 0 or args.interval <= 0:
        raise UsageError("--port must be 0-65535, --max-age >= 0 and --interval > 0")
    bad = [str(d) for d in args.watch if not d.is_dir()]
    if bad:
        raise UsageError(f"--watch needs folders; not a folder: {', '.join(bad)}")
    project = _project(args) if args.watch or args.dir is None else None
    root: Path = args.dir if args.dir is not None else project.out_dir   # type: ignore[union-attr]
    try:
        watcher = _watcher(project, args.watch, root, args.interval) if args.watch else None
    except CleanfeedError as exc:                          # the store is locked, broken or newer than us
        print(f"cleanfeed: store error: {exc}", file=sys.stderr)
        return 2
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder; run 'cleanfeed build' first or name the folder to serve")
    try:
        server = make_server(root, args.host, args.port, max_age=args.max_age,
                             access_log=None if args.quiet else sys.stderr)
    except OSError as exc:
        print(f"cleanfeed: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    feeds = servable_feeds(root)
    print(f"cleanfeed: serving {root} at {server.url}", file=sys.stderr)
    for name in feeds:
        print(f"cleanfeed:   subscribe: {server.url}{name}", file=sys.stderr)
    if (root / "feeds.opml").is_file():
        print(f"cleanfeed:   all feeds for a reader's OPML import: {server.url}feeds.opml "
              "(its URLs are this server's)", file=sys.stderr)
    sys.stderr.flush()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main else None   # kill, systemd, docker stop
    try:
        if watcher is not None:
            watcher.start()
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        print("cleanfeed: stopped", file=sys.stderr)
    finally:
        if watcher is not None:
            watcher.stop()
        server.server_close()
        if in_main:
            signal.signal(signal.SIGTERM, previous)
    return 0


def servable_feeds(root: Path) -> list[str]:
    """The feed files the server will hand out, for the start-up lines: regular files, not hidden, not
    symlinks (the server refuses those too, so they are not announced either)."""
    return sorted(p.name for p in root.iterdir() if p.suffix in (".atom", ".rss", ".json")
                  and not p.name.startswith(".") and not p.is_symlink() and p.is_file())


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _project(args: argparse.Namespace) -> Any:
    from cleanfeed.commands.common import open_project
    return open_project(args, need_feeds=bool(args.watch))   # --watch publishes: it needs feeds/*.toml


def _watcher(project: Any, folders: Sequence[Path], out_dir: Path, interval: float) -> Any:
    from cleanfeed.serve.watch import for_project
    return for_project(project, folders, out_dir, interval=interval)
