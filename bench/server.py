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
    """Static files; URL prefixes in ``mounts`` map to other folders; body bytes are counted."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    mounts: dict[str, str] = {}
    sent: list[tuple[str, int]] | None = None

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

    def __init__(self, directory: Path, port: int = 0, mounts: dict[str, Path] | None = None):
        self.sent: list[tuple[str, int]] = []
        handler_class = type(
            "MountedHandler",
            (Handler,),
            {"mounts": {k: str(v) for k, v in (mounts or {}).items()}, "sent": self.sent},
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


if __name__ == "__main__":
    directory = Path(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8765
    with Server(directory, port) as server:
        print(server.url, flush=True)
        server.thread.join()
