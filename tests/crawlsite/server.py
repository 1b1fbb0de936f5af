"""The crawl tests' fixture site, served on 127.0.0.1 (ephemeral port) by the test itself.

Static pages come from `site/` (or another `root`: `fulltext/` is the full-text feed test's site); a few
paths misbehave on purpose: `/en/flaky.html` answers 500 once, `/en/busy.html` 429 with Retry-After once,
`/en/slow.html` answers after `slow` seconds,
`/en/loop.html` redirects in a circle, `/en/big.html` sends more than any sane limit (with a
Content-Length), `/stream.html` as much without one (chunked), `/gz.html` a gzip-encoded page.
Every static page has an ETag and Last-Modified and answers a matching conditional GET with 304.
Each request is logged (monotonic time, path, headers) so tests can say what was fetched, how often,
and how far apart.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

SITE = Path(__file__).resolve().parent / "site"
CHARSETS = {"zh/index.html": "gbk", "zh/guonei-tongjia.html": "gbk"}   # the rest is UTF-8
LAST_MODIFIED = formatdate(1709251200, usegmt=True)                      # 2024-03-01, fixed: same bytes each run
_KINDS = {".txt": "text/plain", ".xml": "application/xml", ".rss": "application/rss+xml",
          ".atom": "application/atom+xml", ".json": "application/feed+json"}


@dataclass(frozen=True)
class Hit:
    at: float
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class FixtureSite:
    """`with FixtureSite() as site: site.url("/en/index.html")`; `site.hits` lists what was asked."""

    root: Path = SITE
    slow: float = 1.5
    big: int = 3 * 2**20
    retry_after: str = "1"
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)   # extra pages: path → (body, content type)
    redirects: dict[str, str] = field(default_factory=dict)             # extra 301s: path → Location
    hits: list[Hit] = field(default_factory=list)
    streamed: int = 0                      # bytes of /stream.html sent before the client hung up
    busy: int = 0                          # requests being answered now
    _counts: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> FixtureSite:
        site = self

        class Handler(_Handler):
            fixture = site

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for h in self.hits if h.path.split("?")[0] == path)

    def statuses(self, path: str) -> list[int]:
        return [h.status for h in self.hits if h.path.split("?")[0] == path]

    def nth(self, path: str) -> int:
        """How many times `path` was asked before, this request included (thread-safe)."""
        with self._lock:
            self._counts[path] = self._counts.get(path, 0) + 1
            return self._counts[path]

    def quiet(self, still: float = 0.3, limit: float = 5.0) -> None:
        """Wait (at most `limit` s) until no request is being answered and none came for `still` s.

        A request a crawl gave up on (a client-side deadline under a loaded machine) can still reach the
        handler after the crawl returned; a test that counts hits from "now" must not count it."""
        deadline = time.monotonic() + limit
        seen, since = len(self.hits), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if self.busy or len(self.hits) != seen:
                seen, since = len(self.hits), time.monotonic()
            elif time.monotonic() - since >= still:
                return

    def log(self, path: str, headers: dict[str, str], status: int) -> None:
        with self._lock:
            self.hits.append(Hit(time.monotonic(), path, headers, status))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (timeouts, size limits) is part of the tests, not an error to print."""


class _Handler(BaseHTTPRequestHandler):
    fixture: FixtureSite
    protocol_version = "HTTP/1.1"          # keep-alive, as real servers do
    disable_nagle_algorithm = True         # headers and body go out in two writes: without this, 40 ms stalls

    def log_message(self, format: str, *args: object) -> None:   # the stdlib's name (and argument)
        pass

    def handle(self) -> None:                                    # the stdlib's name: one connection
        with self.fixture._lock:
            self.fixture.busy += 1
        try:
            super().handle()
        finally:
            with self.fixture._lock:
                self.fixture.busy -= 1

    def do_GET(self) -> None:                                    # the stdlib's name
        path = self.path.split("?")[0]
        n = self.fixture.nth(path)
        try:
            self._answer(path, n)
        except (BrokenPipeError, ConnectionResetError):   # the client gave up (timeout test): fine
            return

    def _answer(self, path: str, n: int) -> int | None:
        """The status sent, or None when the request was logged already (on arrival: the slow page)."""
        if path == "/en/flaky.html" and n == 1:
            return self._send(500, b"<h1>Internal error</h1>", "text/html")
        if path == "/en/busy.html" and n == 1:
            return self._send(429, b"slow down", "text/plain", {"Retry-After": self.fixture.retry_after})
        if path == "/en/slow.html":
            self.fixture.log(self.path, dict(self.headers.items()), 200)
            time.sleep(self.fixture.slow)
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
            return None
        if path in ("/en/loop.html", "/en/loop2.html"):
            other = "/en/loop2.html" if path == "/en/loop.html" else "/en/loop.html"
            return self._send(302, b"", "text/html", {"Location": other})
        if path == "/en/big.html":
            return self._send(200, b"<html><body>" + b"<p>word word word word</p>" * (self.fixture.big // 26) +
                              b"</body></html>", "text/html; charset=utf-8")
        if path == "/stream.html":                           # chunked, no length: only a reader's limit stops it
            return self._stream(self.fixture.big)
        if path == "/gz.html":
            body = gzip.compress((self.fixture.root / "en" / "copper-prices.html").read_bytes())
            return self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path in self.fixture.redirects:
            return self._send(301, b"", "text/html", {"Location": self.fixture.redirects[path]})
        if path in self.fixture.pages:
            body, content_type = self.fixture.pages[path]
            return self._static(body, content_type)
        file = (self.fixture.root / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file() or self.fixture.root.resolve() not in file.parents:
            return self._send(404, b"not found", "text/plain")
        rel = file.relative_to(self.fixture.root.resolve()).as_posix()
        kind = _KINDS.get(file.suffix, "text/html")
        return self._static(file.read_bytes(), f"{kind}; charset={CHARSETS.get(rel, 'utf-8')}")

    def _stream(self, total: int) -> int:
        self.fixture.log(self.path, dict(self.headers.items()), 200)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"x" * 16_000 + b"</p>"
        while self.fixture.streamed < total:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.fixture.streamed += len(chunk)
        self.wfile.write(b"0\r\n\r\n")
        return 200

    def _static(self, body: bytes, content_type: str) -> int:
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", None, validators)
        return self._send(200, body, content_type, validators)

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> int:
        # Logged before the answer goes out: a client that has its answer finds the request in `hits`
        # (logged after, a test reading `hits` right after a crawl could miss the last request).
        self.fixture.log(self.path, dict(self.headers.items()), status)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return status
