"""Real-browser test harness: build the site, serve it on 127.0.0.1, drive Debian's Chromium.

Why it is built this way:
- Playwright's own browser download fails on our machines, so we launch the
  Chromium that Debian installs, by path.
- The site is built with SITE_URL set to the address it is served from, because
  Material's instant navigation silently falls back to full reloads otherwise.
- Chromium gets XDG folders in a scratch directory so it writes nothing into
  the user's home, and every server or browser started here is stopped here.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild.mimetypes import MIME_TYPES

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MUTUUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No host name resolves but the test server's: a request to another site
    # fails at once, with no network, and watch_context() reports it.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The only rules a palette switch can change: Material's light and dark
# schemes differ in CSS colour variables alone, not in markup. A page already
# checked whole in one palette is checked in the other with these (on
# sources/: 0.38 s instead of 0.65 s per run).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]
LOCAL_HOSTS = {"127.0.0.1"}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(dest: Path, site_url: str, engine: str = "mkdocs") -> float:
    """Build the site into dest by make build's one path (`python -m sitebuild
    build --engine …`: pre steps, the engine, post steps); return the seconds."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sitebuild", "build", "--engine", engine, str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        # Keep what a person needs: the warnings and errors, not the INFO chatter.
        lines = (result.stdout + result.stderr).splitlines()
        useful = [l for l in lines if not l.startswith("INFO")] or lines
        raise RuntimeError(f"la construction ({engine}) a échoué :\n" + "\n".join(useful[-60:]))
    return elapsed


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types Pyodide needs, and no request log."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """The test sites' server: one thread per request, and no traceback when
    the browser hangs up mid-file (a page left while the engine downloads, a
    request a test aborts). That is the reader's choice, not a server error;
    the traceback only buried the test report."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@dataclass
class ServedSite:
    """A built site served on 127.0.0.1."""

    dir: Path
    port: int
    handler: type = QuietHandler  # a subclass may answer differently (a distant host)
    _server: QuietServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page_url(self, path: str = "") -> str:
        return self.url + path.lstrip("/")

    def start(self) -> "ServedSite":
        handler = functools.partial(self.handler, directory=str(self.dir))
        self._server = QuietServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@dataclass
class PageLog:
    """What a page did that a test must know about."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    expected_console_errors: list[str] = field(default_factory=list)

    def expect_console_error(self, substring: str) -> None:
        """Declare a console error the test provokes on purpose."""
        self.expected_console_errors.append(substring)

    def clear(self) -> None:
        """Forget what was logged (a page shared by several tests starts each one empty)."""
        for found in (
            self.console_errors,
            self.page_errors,
            self.csp_violations,
            self.external_requests,
            self.expected_console_errors,
        ):
            found.clear()

    def problems(self) -> list[str]:
        unexpected = [
            msg
            for msg in self.console_errors
            if not any(s in msg for s in self.expected_console_errors)
        ]
        out = [f"console error: {m}" for m in unexpected]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"CSP violation: {m}" for m in self.csp_violations]
        out += [f"request leaving 127.0.0.1: {m}" for m in self.external_requests]
        return out


# Injected before any page script: report CSP violations to the console so the
# test sees them even when the browser would stay silent.
CSP_WATCH = """
document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
"""


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parts.hostname in LOCAL_HOSTS


def watch_context(context, log: PageLog) -> None:
    """Record every request that leaves 127.0.0.1 (the test then fails), and
    report CSP violations.

    Requests are watched, not routed: Playwright turns the HTTP cache off
    in a context with a route, and sends each request through Python and
    back. Chromium cannot reach another host anyway (--host-resolver-rules
    in CHROMIUM_ARGS). Watching instead of routing took test_questionnaires.py
    from 42 to 37 s and test_calculators.py from 61 to 54 s (one process)."""
    context.on("request", lambda r: None if is_local(r.url) else log.external_requests.append(r.url))
    context.add_init_script(CSP_WATCH)


def watch_page(page, log: PageLog) -> None:
    def on_console(msg):
        if msg.type == "error":
            text = msg.text
            if text.startswith("CSP violation"):
                log.csp_violations.append(text)
            else:
                log.console_errors.append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))


def goto(page, site: ServedSite, path: str = "") -> None:
    """Open a page and wait until Material has mounted it (document$ emitted)."""
    page.goto(site.page_url(path))
    wait_for_material(page)


def offline_state(page, value: str, timeout: float = 90_000) -> None:
    """Wait until offline.js says how the site is kept on this device (<html data-mu-offline>);
    storing the guide or the engine takes long on a machine shared by several jobs."""
    from playwright.sync_api import expect

    expect(page.locator("html")).to_have_attribute("data-mu-offline", value, timeout=timeout)


def wait_for_path(page, path: str, timeout: float | None = None) -> None:
    """Wait until the URL's PATH ends with ``path`` (query and hash ignored).

    Never wait on the whole URL: Material's navigation.tracking writes the
    current heading's hash into it about 250 ms after a scroll."""
    kwargs = {} if timeout is None else {"timeout": timeout}
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(path), **kwargs)


def open_tool(page, site: "ServedSite", path: str) -> None:
    """Go to ``path`` by instant navigation, as a reader clicking a link would:
    the window, and so a booted calculator worker, is kept. Waits until the
    URL's path is the new one and Material has mounted the page."""
    target = site.page_url(path)
    # The page being left is marked: Material changes the address before it
    # swaps the content, so the new path alone does not say the new page is there.
    # Only the page's own <article>: search results are <article>s too, and
    # stay in the search box while it is open.
    page.evaluate(
        """(href) => { for (const el of document.querySelectorAll("article.md-content__inner")) el.dataset.muLeft = "1";
                       const a = document.createElement("a"); a.href = href;
                       document.body.append(a); a.click(); a.remove(); }""",
        target,
    )
    wait_for_path(page, urlsplit(target).path)
    page.wait_for_function(
        "(path) => location.pathname === path && document.querySelector('article.md-content__inner h1')"
        " && !document.querySelector('article.md-content__inner[data-mu-left]')",
        arg=urlsplit(target).path,
    )
    wait_for_material(page)


def reload(page) -> None:
    """Reload and wait, as goto() does, until the page and its tool are mounted."""
    page.reload()
    wait_for_material(page)


def wait_for_material(page) -> None:
    # tools.js imports a page's tool on demand and flags <html> meanwhile.
    page.wait_for_function(
        "() => typeof window.document$ !== 'undefined' && document.readyState === 'complete'"
        " && !document.documentElement.hasAttribute('data-mu-tools-pending')"
    )


# Markup smuggled into the page as text would be an `<img src=x onerror=…>`:
# the browser asks the server for `x` (a 404, which the page log reports as a
# console error) and its handler runs (a CSP violation, reported too). The
# probe is an image asked for after it, from the same server: the page itself,
# which is no image, so it fails without a 404. Once its error has fired, the
# requests made before it have had their answer: a positive signal after which
# a test can assert that nothing ran (instead of a fixed sleep).
IMAGE_PROBE_JS = """() => new Promise((resolve) => {
  const probe = new Image();
  probe.onerror = probe.onload = () => resolve(true);
  probe.src = new URL("?mu-image-probe=" + Date.now(), location.href).href;
})"""


def wait_for_failed_images(page) -> None:
    """Wait until an image asked for now, from the site, has failed to load."""
    page.evaluate(IMAGE_PROBE_JS)


def scroll_to_top(page) -> None:
    """Scroll to the top and wait until Material has drawn the top state:
    back-to-top button hidden, header showing the site title, no transition
    running (a scroll makes Material fade both)."""
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_function(
        """() => window.scrollY === 0
             && [...document.querySelectorAll('.md-top')].every((e) => e.hidden)
             && !document.querySelector('.md-header__title--active')
             && document.getAnimations().every((a) => a.playState !== 'running')"""
    )


def axe_violations(page, include: str | None = None, colours_only: bool = False) -> list[dict]:
    """Run axe-core on the page (or inside the CSS selector `include`) at WCAG 2.2 AA.

    colours_only: run only the colour rules (AXE_COLOUR_RULES), for a page
    whose markup was already checked whole in the other palette."""
    if not AXE_JS.exists():
        raise RuntimeError("axe-core est absent : lancez `npm ci` (ou `make test`).")
    has_axe = page.evaluate("() => typeof window.axe !== 'undefined'")
    if not has_axe:
        # Evaluated through the DevTools protocol: the page's CSP does not apply,
        # so the test needs no 'unsafe-inline' hole in the site's policy.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    settle_animations(page)
    run_only = (
        {"type": "rule", "values": AXE_COLOUR_RULES} if colours_only else {"type": "tag", "values": AXE_TAGS}
    )
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    target = json.dumps(include) if include else "document"
    result = page.evaluate(
        f"async (options) => {{ const r = await axe.run({target}, options); return r.violations; }}",
        options,
    )
    return result


# Material fades its header title and back-to-top button; axe caught mid-fade
# measures a half-transparent colour and reports a contrast failure that no
# reader sees. Tests stop transitions before they measure.
NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def settle_animations(page) -> None:
    if not page.evaluate("() => !!document.getElementById('mu-test-no-motion')"):
        page.evaluate(
            """(css) => { const s = document.createElement('style'); s.id = 'mu-test-no-motion';
                          s.textContent = css; document.head.append(s); }""",
            NO_MOTION_CSS,
        )
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))")


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n.get("target")) for n in v.get("nodes", [])[:5])
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help')} -> {targets}")
    return "\n".join(lines)


def assert_no_axe_violations(page, include: str | None = None, colours_only: bool = False) -> None:
    violations = axe_violations(page, include, colours_only)
    assert not violations, "axe-core a trouvé des violations :\n" + describe_violations(violations)


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is not None


@contextlib.contextmanager
def dark_palette(page):
    """The dark palette through the header's toggle (palette.js), as a reader picks it; the light one
    back afterwards (a shared page keeps its palette across instant navigations). The label follows its
    input: Material moves a label's title into a tooltip once hovered."""
    from playwright.sync_api import expect

    page.locator("input[aria-label='Passer au thème sombre'] + label").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    try:
        yield
    finally:
        page.locator("input[aria-label='Passer au thème clair'] + label").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
