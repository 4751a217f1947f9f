"""A quiet static server on 127.0.0.1 with the MIME types Pyodide needs.

Used by bench/run.py (and handy by hand):
    .venv/bin/python bench/server.py SITE_DIR [PORT]
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass


class Server:
    """``with Server(directory) as server: server.url``: serves until the block ends."""

    def __init__(self, directory: Path, port: int = 0):
        handler = functools.partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    directory = Path(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8765
    with Server(directory, port) as server:
        print(server.url, flush=True)
        server.thread.join()
