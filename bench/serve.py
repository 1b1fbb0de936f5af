"""`cleanfeed serve` throughput: requests per second for 200 and 304 answers of a 100-item feed.

Builds a 100-item Atom feed with the real pipeline (100 real pages of the aeb-en benchmark set, `ingest` +
`publish`), serves it with `cleanfeed serve` in its own process, and drives it with wrk (Debian `wrk`)
from one thread and a few keep-alive connections for a fixed time. The same folder is measured, in the
same run, behind the references: Python's `http.server` (no ETag, no gzip: its 304 is If-Modified-Since)
and nginx with the README's configuration, when nginx is installed. Without wrk a Python client is used
(slower than the servers it measures: compare ratios only).

    python bench/serve.py                        # 10 s per case, 8 connections (~1.5 minutes)
    python bench/serve.py --seconds 3 --servers cleanfeed
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from _score import ROOT, SHARED  # this checkout first on sys.path; $CLEANFEED_SHARED or ../shared

FEED = "bench.atom"
# Distinct real articles (the English extraction benchmark's pages): near-copies of the seeds would be
# grouped into a few stories by the reprint detector and give a 4-item feed.
PAGES = SHARED / "data" / "extraction" / "aeb-en"
NGINX_CONF = """daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log; worker_processes 1;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; server {{
    listen 127.0.0.1:{port}; root {root};
    types {{ application/atom+xml atom; application/rss+xml rss; application/feed+json json; text/x-opml opml;
             text/html html; }}
    charset utf-8; charset_types application/atom+xml application/rss+xml text/x-opml;
    etag on; if_modified_since before; add_header Cache-Control "max-age=300" always;
    gzip on; gzip_vary on; gzip_types application/atom+xml application/rss+xml application/feed+json text/x-opml;
    autoindex off; disable_symlinks on; location ~ /\\. {{ return 404; }}
}} }}
"""


def build_feed(tmp: Path, items: int) -> Path:
    """`items` distinct real English news pages, each at its own URL → public/bench.atom."""
    from cleanfeed.inputs.files import iter_pages
    from cleanfeed.publish.output import publish
    from cleanfeed.rules.project import load_project
    from cleanfeed.store.ingest import ingest

    (tmp / "feeds").mkdir(parents=True)
    shutil.copytree(ROOT / "cleaners", tmp / "cleaners")
    spec = (ROOT / "feeds" / "recycled-metals-en.toml").read_text(encoding="utf-8")
    (tmp / "feeds" / "bench.toml").write_text(re.sub(r"(?m)^max_items = \d+", f"max_items = {items}", spec),
                                              encoding="utf-8")
    inbox = tmp / "inbox"
    inbox.mkdir()
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    for n, page_id in enumerate(sorted(truth)[:items + 20]):   # spares: a few pages are Korean or fail
        page = inbox / f"page{n:03d}.html"
        page.write_bytes(gzip.decompress((PAGES / "html" / f"{page_id}.html.gz").read_bytes()))
        meta = {"url": truth[page_id].get("url") or f"https://news.example.org/reports/{page_id}.html",
                "timezone": "UTC", "fetched_at": (date(2021, 1, 1) + timedelta(days=n)).isoformat()}
        page.with_name(page.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    project = load_project(tmp)
    report = ingest(project, iter_pages([str(inbox)], timezone=project.timezone))
    publish(project)
    entries = (project.out_dir / FEED).read_text(encoding="utf-8").count("<entry>")
    print(f"feed: {entries} entries, {(project.out_dir / FEED).stat().st_size / 1024:.0f} KiB ({report.summary()})")
    return project.out_dir


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + 20
    while time.monotonic() < end and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


def start(name: str, folder: Path, tmp: Path, code: Path = ROOT) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(code)}
    if name == "cleanfeed":
        cmd = [sys.executable, "-m", "cleanfeed", "serve", str(folder), "--port", str(port)]
    elif name == "http.server":
        cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)]
    else:
        conf = tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, root=folder), encoding="utf-8")
        cmd = ["nginx", "-p", str(tmp), "-c", str(conf)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp, env=env)
    wait_port(port, proc)
    return proc, port


def probe(port: int, headers: dict[str, str]) -> tuple[int, int, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/" + FEED, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, len(body), {k.lower(): v for k, v in resp.getheaders()}


def run_wrk(port: int, headers: dict[str, str], seconds: float, conns: int) -> tuple[float, str]:
    cmd = ["wrk", "-t1", f"-c{conns}", f"-d{seconds:g}s", "--timeout", "5s"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run([*cmd, f"http://127.0.0.1:{port}/{FEED}"], capture_output=True, text=True,
                         timeout=seconds + 30, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))        # type: ignore[union-attr]
    latency = re.search(r"Latency\s+(\S+)", out)
    errors = re.search(r"(Socket errors:.*|Non-2xx or 3xx responses: \d+)", out)
    return rps, (latency.group(1) if latency else "?") + (f" ({errors.group(1)})" if errors else "")


def run_python(port: int, headers: dict[str, str], seconds: float, conns: int) -> tuple[float, str]:
    """Keep-alive http.client loops in threads; bounded by `seconds`."""
    counts = [0] * conns
    stop = time.monotonic() + seconds

    def loop(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop:
            conn.request("GET", "/" + FEED, headers=headers)
            conn.getresponse().read()
            counts[i] += 1
        conn.close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 30)
    return sum(counts) / seconds, "python client"


def cases(name: str, port: int) -> list[tuple[str, dict[str, str]]]:
    """(case, headers): the 304 uses the server's own validator (http.server has no ETag)."""
    _, _, plain = probe(port, {})
    _, _, packed = probe(port, {"Accept-Encoding": "gzip"})
    out = [("200 identity", {}), ("200 gzip", {"Accept-Encoding": "gzip"})]
    if "etag" in plain:
        out.append(("304 If-None-Match", {"If-None-Match": plain["etag"]}))
        if "etag" in packed and packed.get("content-encoding") == "gzip":
            out.append(("304 INM gzip", {"Accept-Encoding": "gzip", "If-None-Match": packed["etag"]}))
    else:
        out.append(("304 If-Modified-Since", {"If-Modified-Since": plain["last-modified"]}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--servers", default="cleanfeed,http.server,nginx")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose `cleanfeed serve` is measured")
    args = ap.parse_args()
    loader = run_wrk if shutil.which("wrk") else run_python
    servers = [s for s in args.servers.split(",") if s != "nginx" or shutil.which("nginx")]
    print(f"load: {'wrk -t1' if loader is run_wrk else 'python client'}, {args.connections} keep-alive "
          f"connections, {args.seconds:g} s per case; servers: {', '.join(servers)}; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    rows: list[tuple[str, str, int, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="cleanfeed-bench-") as tmpdir:
        tmp = Path(tmpdir)
        os.chmod(tmp, 0o755)                 # nginx workers run as another user when started by root
        folder = build_feed(tmp / "project", args.items)
        for name in servers:
            proc, port = start(name, folder, tmp, args.code.resolve())
            try:
                for case, headers in cases(name, port):
                    status, size, got = probe(port, headers)
                    if case == "200 gzip" and got.get("content-encoding") != "gzip":
                        continue                                   # this server does not compress
                    rps, note = loader(port, headers, args.seconds, args.connections)
                    rows.append((name, case, status, rps, f"{size} B, latency {note}"))
            finally:
                proc.terminate()
                proc.wait(timeout=10)
    best = {case: max(r[3] for r in rows if r[1] == case) for case in {r[1] for r in rows}}
    print(f"\n{'server':<12} {'case':<22} {'status':>6} {'req/s':>9} {'of best':>8}  detail")
    for name, case, status, rps, detail in rows:
        print(f"{name:<12} {case:<22} {status:>6} {rps:>9.0f} {rps / best[case]:>8.2f}  {detail}")


if __name__ == "__main__":
    main()
