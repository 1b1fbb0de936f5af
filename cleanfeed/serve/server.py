"""`cleanfeed serve`: hand the build output to feed readers with HTTP validators done right (RFC 9110).

Why the stdlib `ThreadingHTTPServer`: the output is a handful of small files, read whole and kept in
memory; feed readers poll and mostly get 304s; a thread per connection answers thousands of requests a
second on 2 cores (bench/serve.py) with no dependency to install. For the open internet put the same
folder behind nginx (README). Which file a request names, and the in-memory copy of each file, are in
files.py.
"""
from __future__ import annotations

import logging
import os
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal, TextIO

from cleanfeed.serve.files import FileCache, resolve
from cleanfeed.serve.opml import base_url, localise
from cleanfeed.serve.validators import accepts_gzip, precondition
from cleanfeed.version import __version__

log = logging.getLogger(__name__)

ALLOW = "GET, HEAD"
OPML = "feeds.opml"                   # handed out with the feed URLs of this server (serve/opml.py)
FEED_SUFFIXES = (".atom", ".rss", ".json")
AccessLog = TextIO | Literal["stderr"] | None      # "stderr": sys.stderr as it is when a line is written


class FeedServer(ThreadingHTTPServer):
    """Serves one folder; holds the cache, the max-age and the access-log stream the handlers use."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Path, *, max_age: int = 300,
                 access_log: AccessLog = "stderr") -> None:
        self.root = os.path.realpath(root)
        self.max_age = max_age
        self.access_log = access_log
        self.log_lock = threading.Lock()
        self.cache = FileCache()
        self.clock: Callable[[], float] = time.time      # tests set the clock to check Last-Modified rules
        self._date: tuple[int, bytes] = (-1, b"")
        self._resolved: dict[str, str | None] = {}
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, FeedHandler)

    def resolve(self, target: str) -> str | None:
        """`resolve()`, remembered per request target (bounded): realpath costs a stat per path component.
        Safe to remember: what the path leads to is checked again on every request (stat, O_NOFOLLOW)."""
        try:
            return self._resolved[target]
        except KeyError:
            real = resolve(self.root, target)
            if len(self._resolved) >= 1024:
                self._resolved.clear()
            self._resolved[target] = real
            return real

    def date(self, now: float) -> bytes:
        """The Date header's value, formatted once per second (threads may race: both results are right)."""
        second, text = self._date
        if second != int(now):
            second, text = int(now), format_datetime(datetime.fromtimestamp(int(now), UTC), usegmt=True).encode()
            self._date = (second, text)
        return text

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup (socket.getfqdn), which can stall for seconds."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: object, client_address: object) -> None:
        """A reader that hangs up mid-response is routine, not a traceback on stderr."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.debug("client %s went away: %s", client_address, exc)
        else:
            log.error("error while serving %s", client_address, exc_info=exc)

    def serves(self, name: str) -> bool:
        """True for a feed file in the served folder (a name from the OPML, no path)."""
        return Path(name).suffix in FEED_SUFFIXES and "/" not in name and resolve(self.root, "/" + name) is not None \
            and os.path.isfile(os.path.join(self.root, name))

    @property
    def url(self) -> str:
        host = f"[{self.server_name}]" if ":" in self.server_name else self.server_name
        return f"http://{host}:{self.server_port}/"


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"          # keep-alive: readers fetch several feeds per connection
    server_version = f"cleanfeed/{__version__}"
    sys_version = ""
    timeout = 30                           # an idle or slow client gives its thread back
    disable_nagle_algorithm = True         # headers and body are two writes: no 40 ms delayed-ACK stall
    server: FeedServer

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def _not_allowed(self) -> None:
        self.close_connection = True       # we do not read a request body, so the connection ends here
        self._plain(405, "405 Method Not Allowed\n", {"Allow": ALLOW})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def _serve(self) -> None:
        real = self.server.resolve(self.path)
        now = self.server.clock()
        if real and real == os.path.join(self.server.root, OPML):
            base = base_url(self.headers.get("Host"), self.server.url)     # the address this reader used
            resource = self.server.cache.get(real, now, lambda body: localise(body, base, self.server.serves), base)
        else:
            resource = self.server.cache.get(real, now) if real else None
        if resource is None:
            self._plain(404, "404 Not Found\n", {})
            return
        gzipped = accepts_gzip(self.headers.get("Accept-Encoding"))
        variant = resource.gzipped if gzipped else resource.identity
        status = precondition(self.command, self.headers, variant, resource.last_modified)
        if status == 412:
            self._plain(412, "412 Precondition Failed\n", {"ETag": variant.etag, "Vary": "Accept-Encoding",
                                                              "Cache-Control": f"max-age={self.server.max_age}"})
            return
        code = status or 200               # 304, RFC 9110 §15.4.5: validators and caching fields, no body
        # Last-Modified only once its second is over: a date has 1 s resolution, and a client holding it from a
        # version replaced later in that same second would get a false 304 (RFC 9110 §8.8.2.2). ETag still works.
        dated = now >= resource.last_modified.timestamp() + 1
        head = resource.head(code, gzipped, dated, self.server.max_age)
        body = variant.body if code == 200 and self.command != "HEAD" else b""
        self.wfile.write(b"%s %d %s\r\nDate: %s\r\nServer: %s\r\n%s\r\n" % (
            self.protocol_version.encode(), code, b"OK" if code == 200 else b"Not Modified",
            self.server.date(now), self.server_version.encode(), head))
        if body:
            self.wfile.write(body)
        self._access(code, len(body))

    def _plain(self, code: int, text: str, headers: dict[str, str]) -> None:
        self._send(code, {**headers, "Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8"))

    def _send(self, code: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response_only(code)
        self.send_header("Date", self.date_time_string())
        self.send_header("Server", self.version_string())
        for name, value in headers.items():
            self.send_header(name, value)
        if code != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code != 304:
            self.wfile.write(body)
        self._access(code, 0 if self.command == "HEAD" else len(body))

    def _access(self, code: int, size: int) -> None:
        """Combined Log Format: the user agent tells which readers subscribe."""
        agent = self.headers.get("User-Agent", "-").replace('"', "'")
        self.log_message('"%s" %d %d "%s"', self.requestline.replace('"', "'"), code, size, agent)

    def version_string(self) -> str:
        return self.server_version

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass                               # _access logs our own responses; send_error still logs via log_error

    def log_message(self, format: str, *args: object) -> None:
        stream = sys.stderr if self.server.access_log == "stderr" else self.server.access_log
        if stream is not None:
            line = f"{self.address_string()} - - [{self.log_date_time_string()}] {format % args}\n"
            with self.server.log_lock:
                stream.write(line)
                stream.flush()


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8080, *, max_age: int = 300,
                access_log: AccessLog = "stderr") -> FeedServer:
    """A bound, not yet running server (port 0 picks a free one: see `.url`)."""
    return FeedServer((host, port), root, max_age=max_age, access_log=access_log)


def serve_in_thread(server: FeedServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="cleanfeed-serve", daemon=True)
    thread.start()
    return thread
