"""The real network, through httpx (imported only when a crawl starts): one GET, streamed, bounded by
one deadline (`deadline.py`) and by a size limit on the raw and the decompressed body."""
from __future__ import annotations

import logging
import zlib
from collections.abc import Mapping
from typing import Any

from cleanfeed.crawl.wire import DEFAULT_CONFIG, FetchConfig, RawResponse
from cleanfeed.errors import FetchConnectionError, FetchTimeout, SlowResponse

log = logging.getLogger(__name__)


class HttpxTransport:
    """The real network, through httpx: streamed, redirects left to the Fetcher, raw bytes kept, every
    request bound by one deadline (`deadline.py`)."""

    def __init__(self, config: FetchConfig = DEFAULT_CONFIG) -> None:
        import httpx

        from cleanfeed.crawl import deadline

        self._httpx, self._deadline = httpx, deadline
        self._config = config
        self._total = config.total_timeout
        transport = httpx.HTTPTransport()
        if not deadline.install(transport):
            log.warning("httpx without a pluggable network backend: only per-read timeouts apply")
        self._client = httpx.Client(
            transport=transport, timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            follow_redirects=False, headers={"Accept-Encoding": "gzip, deflate"})

    def resolve(self, host: str) -> list[str]:
        """The addresses `host` resolves to, for the Fetcher's target check."""
        from cleanfeed.crawl.targets import resolve
        return resolve(host)

    def get(self, url: str, headers: Mapping[str, str], *, max_bytes: int, timeout: float | None = None
            ) -> RawResponse:
        """One GET, over within `timeout` seconds (default `total_timeout`) whatever the server does; the
        body is read up to `max_bytes`, raw and (for gzip and deflate) once decompressed."""
        httpx = self._httpx
        budget = min(timeout or self._total, self._total)
        answered = False
        try:
            with self._deadline.deadline(budget), self._client.stream("GET", url, headers=dict(headers)) as resp:
                answered = True
                length = resp.headers.get("content-length", "")
                raw, truncated = _read_body(resp, max_bytes, skip=length.isdigit() and int(length) > max_bytes)
                return RawResponse(
                    status=resp.status_code, headers=tuple(resp.headers.multi_items()), raw=raw,
                    truncated=truncated, reason=resp.reason_phrase, http_version=resp.http_version,
                    request_headers=tuple(resp.request.headers.multi_items()))
        except httpx.TimeoutException as exc:
            kind = SlowResponse if answered else FetchTimeout     # a slow body: asking again would be as slow
            what = "the body did not arrive" if answered else "no response"
            raise kind(f"timed out: {what} within {budget:g} s ({type(exc).__name__})", source=url) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise FetchConnectionError(f"{type(exc).__name__}: {exc}", source=url) from None

    def close(self) -> None:
        self._client.close()


def _read_body(resp: Any, max_bytes: int, *, skip: bool) -> tuple[bytes, bool]:
    """(raw body, truncated): stops once the raw bytes, or what they decompress to, pass `max_bytes`."""
    if skip:
        return b"", True
    encoding = (resp.headers.get("content-encoding") or "").strip().lower()
    inflater = zlib.decompressobj(47 if encoding in ("gzip", "x-gzip") else 15) if encoding in (
        "gzip", "x-gzip", "deflate") else None
    chunks: list[bytes] = []
    size = inflated = 0
    for chunk in resp.iter_raw():
        chunks.append(chunk)
        size += len(chunk)
        if inflater is not None:
            try:
                inflated += len(inflater.decompress(chunk, max_bytes + 1 - inflated))
            except zlib.error:
                inflater = None                 # a raw-deflate or broken body: decode_content decides later
        if size > max_bytes or inflated > max_bytes:
            return b"".join(chunks)[:max_bytes], True
    return b"".join(chunks), False


__all__ = ["HttpxTransport"]
