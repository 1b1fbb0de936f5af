"""A small hostile site on 127.0.0.1 for the crawl-budget tests: a listing page whose links lead to an
endless body, a gzip bomb, a Content-Length never filled, a slow drip, headers that drip, redirects to
file:, to a private address, in a loop, a server error, a declared 10 GB body, and two good articles.

Every misbehaving endpoint keeps going until the client hangs up or the site is closed, so a crawl ends
only because of its own budgets. Our own code (MIT)."""
from __future__ import annotations

import contextlib
import threading
import time
import zlib
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           + "<p>Scrap copper prices rose in Ningbo on Monday as smelters bought more material, traders said. "
           "The rise follows a long slide in the second quarter, and recyclers expect it to last.</p>" * 3
           + "</article></body></html>")
GOOD = {"/ok-copper.html": "Copper scrap climbs", "/ok-zinc.html": "Zinc output steady"}
HOSTILE = ("/endless.html", "/bomb.html", "/wrong-length.html", "/drip.html", "/drip-headers.html",
           "/to-file.html", "/to-private.html", "/loop.html", "/error.html", "/huge-length.html")
DRIP_EVERY = 0.2           # seconds between two bytes of a drip: never a read timeout, never an end


@lru_cache(maxsize=1)
def bomb() -> bytes:
    """64 MB of zeros gzipped (about 64 KB): what a decompressing reader must stop early."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(64)) + packer.flush()


class HostileSite:
    """`with HostileSite() as site:`; `site.base` is `http://127.0.0.1:PORT`, `site.hits` what was asked."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.closing = threading.Event()

    def __enter__(self) -> HostileSite:
        site = self

        class Handler(_Handler):
            owner = site

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None    # type: ignore[method-assign]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    owner: HostileSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.owner.hits.append(self.path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, TimeoutError):   # the crawler hung up
            self._answer(self.path.split("?")[0])

    def _answer(self, path: str) -> None:
        if path == "/":
            links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in (*GOOD, *HOSTILE))
            self._send(200, f"<html><body><ul class='news'>{links}</ul></body></html>".encode())
        elif path in GOOD:
            self._send(200, ARTICLE.format(title=GOOD[path]).encode())
        elif path == "/robots.txt":
            self._send(404, b"")
        elif path == "/endless.html":
            self._head(200, {"Transfer-Encoding": "chunked"})
            chunk = b"<p>" + b"more " * 3000 + b"</p>"
            while not self.owner.closing.is_set():
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        elif path == "/bomb.html":
            self._send(200, bomb(), {"Content-Encoding": "gzip"})
        elif path == "/wrong-length.html":           # says 100 KB, sends 1 KB, then holds the line
            self._head(200, {"Content-Length": "100000"})
            self.wfile.write(b"<html><body><p>" + b"x" * 1000)
            self.wfile.flush()
            self.owner.closing.wait(600)
        elif path == "/drip.html":
            self._head(200, {"Content-Length": "100000"})
            self._drip(b"<p>" + b"y" * 99_997)
        elif path == "/drip-headers.html":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Drip: " + b"z" * 100_000)
        elif path == "/to-file.html":
            self._send(302, b"", {"Location": "file:///etc/passwd"})
        elif path == "/to-private.html":
            self._send(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/loop.html":
            self._send(302, b"", {"Location": "/loop.html?again"})
        elif path == "/error.html":
            self._send(500, b"<h1>Internal error</h1>")
        elif path == "/huge-length.html":
            self._head(200, {"Content-Length": str(10 * 2**30)})
            self.owner.closing.wait(600)
        else:
            self._send(404, b"not found")

    def _drip(self, data: bytes) -> None:
        for byte in data:
            if self.owner.closing.is_set():
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(DRIP_EVERY)

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self._head(status, {**(headers or {}), "Content-Length": str(len(body))})
        self.wfile.write(body)
