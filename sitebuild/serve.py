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
  HTML again (`pages_kept`): after one page is edited, MkDocs converts that
  page only. Conversion with the project's Markdown extensions was half of
  a rebuild (issue 27).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import http.server
import logging
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
        # Pages converted by the previous build (pages_kept): key -> what render() set.
        self.pages: dict[str, tuple] = {}


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
            with pages_kept(state.pages, site_url):
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


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _settings_key(site_url: str, root: Path = ROOT) -> str:
    """What a page's HTML depends on besides its Markdown and the file list:
    mkdocs.yml (extensions, validation), the site's address, includes/
    (snippets, abbreviations)."""
    digest = hashlib.sha256((root / "mkdocs.yml").read_bytes())
    digest.update(site_url.encode())
    includes = root / "includes"
    for path in sorted(includes.rglob("*")) if includes.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def pages_kept(kept: dict[str, tuple], site_url: str, root: Path = ROOT):
    """During one MkDocs build in this process, Page.render gives back what
    it gave at the previous build for a page with the same Markdown, file
    list and settings (``kept``, replaced by this build's pages), warnings
    included (logged again: a strict build still stops on them)."""
    from mkdocs.structure.pages import Page

    render = Page.render
    settings = _settings_key(site_url, root)
    used: dict[str, tuple] = {}

    def render_kept(page, config, files):
        digest = hashlib.sha256(settings.encode())
        digest.update(page.file.src_uri.encode() + b"\0" + (page.markdown or "").encode())
        for file in files:
            digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\n".encode())
        key = digest.hexdigest()
        found = kept.get(key)
        if found is None:
            records = _Records()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(records)
            try:
                render(page, config, files)
            finally:
                logger.removeHandler(records)
            links = {f.src_uri: anchors for f, anchors in (page.links_to_anchors or {}).items()}
            found = (page.content, copy.deepcopy(page.toc), page._title_from_render,
                     set(page.present_anchor_ids or ()), links, records.records, page.links_to_anchors is None)
        else:
            content, toc, title, anchors, links, records, no_links = found
            page.content, page.toc, page._title_from_render = content, copy.deepcopy(toc), title
            page.present_anchor_ids = set(anchors)
            if not no_links:
                page.links_to_anchors = {files.get_file_from_path(src): a for src, a in links.items()}
            for record in records:
                logging.getLogger(record.name).handle(record)
        used[key] = found

    Page.render = render_kept
    try:
        yield
    finally:
        Page.render = render
        kept.clear()
        kept.update(used)


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
