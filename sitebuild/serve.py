"""``make serve``: build with the real steps, serve, rebuild and reload on change.

Why not ``mkdocs serve``: it builds through MkDocs' own events only, so the
post steps (wheel, Pyodide runtime, CSP) would have to be MkDocs hooks again,
and Zensical's server would need the same work twice. Here the pages served
are the pages ``make build`` writes, CSP included, whatever the engine.

- Each build goes to a fresh folder under ``.sitebuild/serve/``; requests are
  answered from the last good one, so a page is never half written and a
  broken build (its French message printed) leaves the previous site up.
- Live reload: every HTML page gets ``<script src="/__livereload.js">``, a
  file of the site's own origin (the CSP allows 'self', no inline script).
  It asks ``/__build`` once a second and reloads when the number changes.
- The sources (docs, data, macros, calculators, overrides, these steps,
  mkdocs.yml) are checked once a second for a changed file.
- MkDocs builds in this process (issue 27: a second Python would import
  MkDocs, Material and the macros again at each edit), as `mkdocs serve`
  does; once a Python file has changed, each build runs as a command of
  its own (`python -m sitebuild build`), since this process keeps the
  modules it imported first.
- A page whose Markdown (macros rendered), the site's file list, mkdocs.yml
  and includes/ are the same as at the previous build is not converted to
  HTML again (sitebuild/build.py, ``pages_kept``): after one page is
  edited, MkDocs converts that page only.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from sitebuild.build import build
from sitebuild.config import ROOT
from sitebuild.errors import BuildError
from sitebuild.mimetypes import MIME_TYPES

WATCHED = (
    "mkdocs.yml",
    "docs",
    "questionnaires",
    "calculators",
    "macros",
    "formats",
    "includes",
    "overrides",
    "sitebuild",
    "agreements",
    "network",
    "offline",
)
CACHE = ROOT / ".sitebuild" / "serve"
RELOAD_PATH = "/__livereload.js"
BUILD_PATH = "/__build"
RELOAD_TAG = f'<script src="{RELOAD_PATH}" defer></script>'
# Starts once per window (instant navigation may re-create the tag).
RELOAD_JS = """\
if (!window.__muLiveReload) {
  window.__muLiveReload = true;
  let seen = null;
  setInterval(async () => {
    try {
      const n = await (await fetch("%s", { cache: "no-store" })).text();
      if (seen !== null && n !== seen) location.reload();
      seen = n;
    } catch (e) { /* server restarting: try again */ }
  }, 1000);
}
""" % BUILD_PATH


def snapshot(root: Path = ROOT) -> tuple:
    """(path, mtime, size) of every watched file: a change anywhere changes it."""
    out = []
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for f in files:
            if "__pycache__" in f.parts:
                continue
            try:
                st = f.stat()
            except OSError:
                continue
            out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(sorted(out))


def inject_reload(html: bytes) -> bytes:
    marker = b"</body>"
    at = html.rfind(marker)
    tag = RELOAD_TAG.encode()
    return html[:at] + tag + html[at:] if at >= 0 else html + tag


class State:
    def __init__(self) -> None:
        self.site: Path | None = None
        self.number = 0
        self.lock = threading.Lock()
        # Set once a watched Python file has changed: the next builds run apart.
        self.python_changed = False


def python_changed(before: tuple, after: tuple) -> bool:
    """Whether a .py file was added, removed or changed between two snapshots."""
    return any(path.endswith(".py") for path, *_ in set(before) ^ set(after))


def make_handler(state: State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

        def translate_path(self, path):  # serve from the last good build
            self.directory = str(state.site)
            return super().translate_path(path)

        def do_GET(self):
            route = self.path.split("?", 1)[0]
            if route == RELOAD_PATH:
                return self._send(RELOAD_JS.encode(), "text/javascript")
            if route == BUILD_PATH:
                return self._send(str(state.number).encode(), "text/plain")
            target = Path(self.translate_path(self.path))
            if target.is_dir() and route.endswith("/"):
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                return self._send(inject_reload(target.read_bytes()), "text/html; charset=utf-8")
            if not target.exists() and (state.site / "404.html").is_file():
                body = inject_reload((state.site / "404.html").read_bytes())
                return self._send(body, "text/html; charset=utf-8", status=404)
            return super().do_GET()

        def _send(self, body: bytes, kind: str, status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
            pass

    return Handler


def rebuild(state: State, engine: str, site_url: str) -> None:
    os.environ["MUTUUS_SERVE"] = "1"  # no service worker while editing (sitebuild/service_worker.py)
    dest = CACHE / f"site-{state.number + 1}"
    shutil.rmtree(dest, ignore_errors=True)
    start = time.perf_counter()
    try:
        if state.python_changed:
            build_apart(dest, engine, site_url)
        else:
            build(dest, engine, site_url, quiet=True)
    except BuildError as exc:
        print(f"Erreur de construction : {exc}\n(le site précédent reste servi)", file=sys.stderr, flush=True)
        shutil.rmtree(dest, ignore_errors=True)
        return
    old = state.site
    with state.lock:
        state.site = dest
        state.number += 1
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"Site construit en {time.perf_counter() - start:.1f} s ({engine}).", flush=True)


def build_apart(dest: Path, engine: str, site_url: str) -> None:
    """The build as a command of its own: Python files changed since this process started."""
    env = dict(os.environ, SITE_URL=site_url, MUTUUS_SERVE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "sitebuild", "build", "--engine", engine, str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        lines = (proc.stdout + proc.stderr).splitlines()
        raise BuildError("\n".join([l for l in lines if not l.startswith("INFO")][-60:]).removeprefix("Erreur de construction : "))


def serve(engine: str = "mkdocs", addr: str = "127.0.0.1:8000") -> None:
    host, _, port = addr.rpartition(":")
    site_url = f"http://{addr}/"
    shutil.rmtree(CACHE, ignore_errors=True)
    state = State()
    rebuild(state, engine, site_url)
    if state.site is None:
        raise BuildError("la première construction a échoué : corrigez l'erreur ci-dessus puis relancez.")
    server = http.server.ThreadingHTTPServer((host, int(port)), make_handler(state))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Mutuus servi sur {site_url} (Ctrl+C pour arrêter).", flush=True)
    seen = snapshot()
    try:
        while True:
            time.sleep(1)
            now = snapshot()
            if now != seen:
                state.python_changed = state.python_changed or python_changed(seen, now)
                seen = now
                print("Modification détectée, reconstruction…", flush=True)
                rebuild(state, engine, site_url)
    finally:
        server.shutdown()
        server.server_close()
