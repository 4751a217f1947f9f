"""What the benches share: a quiet static server on 127.0.0.1 with the MIME
types Pyodide needs (gzipped on demand, as GitHub Pages serves), and the
setup of a bench run (build the site unless --site names one, print the
figures as JSON and write them to --json).

Used by bench/run.py, bench/lighthouse.py, bench/offline.py (and handy by hand):
    .venv/bin/python bench/server.py SITE_DIR [PORT]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}
# What GitHub Pages compresses (text and wasm; not the wheel or zip files).
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/wasm")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; URL prefixes in ``mounts`` map to other folders; body bytes are counted."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    mounts: dict[str, str] = {}
    sent: list[tuple[str, int]] | None = None
    gzip = False  # answer `Content-Encoding: gzip` to a browser that accepts it

    def send_head(self):
        if not self.gzip or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not (os.path.isfile(path) and kind.startswith(GZIP_TYPES)):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        for prefix, folder in self.mounts.items():
            if path.startswith(prefix):
                rest = path[len(prefix):].split("?", 1)[0].split("#", 1)[0]
                return str(Path(folder, *[p for p in rest.split("/") if p not in ("", ".", "..")]))
        return super().translate_path(path)

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        if self.sent is not None:
            self.sent.append((self.path, source.tell() - start))

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass


class Server:
    """``with Server(directory) as server: server.url``: serves until the block ends."""

    def __init__(
        self, directory: Path, port: int = 0, mounts: dict[str, Path] | None = None, gzip: bool = False
    ):
        self.sent: list[tuple[str, int]] = []
        handler_class = type(
            "MountedHandler",
            (Handler,),
            {"mounts": {k: str(v) for k, v in (mounts or {}).items()}, "sent": self.sent, "gzip": gzip},
        )
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def bytes_sent(self) -> int:
        """Body bytes sent since the last call (file contents; headers not counted)."""
        total = sum(n for _, n in self.sent)
        self.sent.clear()
        return total

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_arguments(doc: str) -> argparse.ArgumentParser:
    """The options every site bench takes: --site (a built site) and --json (where to write)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built for the URL served (else built now)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser


@contextlib.contextmanager
def bench_site(site: Path | None, prefix: str, gzip: bool = False):
    """``with bench_site(args.site, "mutuus-bench-x-") as (server, tmp):``

    The site served on a free port of 127.0.0.1 (``server.url``,
    ``server.sent``) and a scratch folder, both gone at the end. The site is
    ``site`` if given, else built now (strict, every step) for that URL, since
    instant navigation needs the page's own address."""
    sys.path.insert(0, str(ROOT))
    from tests.e2e.harness import build_site  # noqa: PLC0415 (imports the site builder only here)

    port = free_port()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, f"http://127.0.0.1:{port}/")
        with Server(site, port=port, gzip=gzip) as server:
            yield server, Path(tmp)


def emit(report: dict, json_path: Path | None) -> None:
    """Print the figures as JSON, and write them to ``json_path`` if given."""
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if json_path:
        json_path.write_text(text + "\n", encoding="utf-8")


def load_average() -> list[float]:
    """How busy the machine was (1, 5, 15 minutes): benches say it beside their figures."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []


if __name__ == "__main__":
    directory = Path(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8765
    with Server(directory, port) as server:
        print(server.url, flush=True)
        server.thread.join()
