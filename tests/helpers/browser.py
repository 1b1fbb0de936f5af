"""Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON messages
ending in NUL on file descriptors 3 and 4), with the standard library only: load a page at a given window
width, light or dark, with page scripts off, then read what it rendered and take a screenshot.

Debian's package is `chromium` (.ci/run installs it). Screenshots of Chinese text need a CJK font
(`fonts-wqy-microhei`); the rendered-text checks do not.
"""
from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

TIMEOUT = 30.0
BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _high(*fds: int) -> tuple[int, ...]:
    """The same pipe ends as close-on-exec descriptors numbered 10 or more, so that putting them on 3 and 4
    in the child never overwrites one with the other."""
    out = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in fds)
    for fd in fds:
        os.close(fd)
    return out


def find_chromium() -> str | None:
    return next((found for name in BINARIES if (found := shutil.which(name))), None)


class Browser:
    """One headless Chromium process; `with Browser(binary) as b: page = b.open(url, width=390)`."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="cleanfeed-chromium-")
        to_child_r, self._to_child = _high(*os.pipe())
        self._from_child, from_child_w = _high(*os.pipe())

        def fds() -> None:          # the child reads commands on fd 3 and answers on fd 4 (dup2: inheritable)
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [binary, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--mute-audio", f"--user-data-dir={self._profile.name}", "about:blank"]
        # close_fds=False: fds 3 and 4 must survive; every other fd of ours is close-on-exec (PEP 446)
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=fds)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close")
        try:
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(10)
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    # -- the protocol

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and wait for its answer (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def wait_event(self, method: str, session: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for event in self._events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self._events.remove(event)
                    return event
            self._events.append(self._read())
        raise TimeoutError(method)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            if not select.select([self._from_child], [], [], max(0.0, deadline - time.monotonic()))[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    # -- pages

    def open(self, url: str, *, width: int, height: int = 844, dark: bool = False, mobile: bool = False) -> Page:
        """`url` loaded in a new tab of `width` CSS pixels, page scripts disabled."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                          "mobile": mobile}, session)
        self.send("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]}, session)
        self.send("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait_event("Page.loadEventFired", session)
        return Page(self, session)


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    def evaluate(self, expression: str) -> Any:
        """A DevTools-side expression (not a page script: the page runs none)."""
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   self.session)["result"]
        return result.get("value")

    @property
    def text(self) -> str:
        """The rendered text (what a reader sees: hidden elements left out)."""
        return str(self.evaluate("document.body.innerText"))

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than its window (0: no horizontal scroll)."""
        return int(self.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                                 " - document.documentElement.clientWidth"))

    def style(self, selector: str, prop: str) -> str:
        return str(self.evaluate(f"getComputedStyle(document.querySelector({json.dumps(selector)}))"
                                 f".getPropertyValue({json.dumps(prop)})"))

    def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode(self.browser.send("Page.captureScreenshot", {"format": "png"}, self.session)["data"])
        path.write_bytes(data)
        return data
