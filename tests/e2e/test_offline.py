"""Offline use in real Chromium: the service worker written by offline/service_worker.py.

A workshop with no network: the laptop opened the site once, then the
network is cut (the server is stopped AND the context is set offline) and the
guide, the search, a questionnaire's export and the planer's 37,84 $ still
work. Then, on the same laptop, a redeploy is offered through a banner (one
test: the guide stored once serves both). A project site under /mutuus/
works, removal works, and with no service worker nothing changes.

The planer's figure, worked out by hand in tests/e2e/test_calculators.py:
  2.50 (consumables) + 0.05 (maintenance) + 0.29 (replacement) + 30.00
  (preparation) + 5.00 (admin fee) = 37.84 $.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import (
    PageLog,
    QuietHandler,
    QuietServer,
    build_site,
    free_port,
    goto,
    offline_state,
    open_tool,
    wait_for_material,
    watch_context,
    watch_page,
)

ROOT = Path(__file__).resolve().parents[2]
BASE = "/mutuus/"
BOOT = 90_000  # ms: Pyodide plus caching the engine, on a machine shared by several jobs
USAGE = "outils/cout-utilisation/"
OFFLINE_PAGE = "hors-ligne/"


# --- a site served under a base path, that a test can stop and restart -------------


def prefixed_handler(directory: str, prefix: str):
    class Handler(QuietHandler):
        def translate_path(self, path):
            if not path.startswith(prefix):
                return str(Path(directory) / "__outside_the_base_path__")
            return super().translate_path("/" + path[len(prefix) :])

    return functools.partial(Handler, directory=directory)


@dataclass
class PrefixedSite:
    dir: Path
    port: int
    prefix: str = BASE
    _server: QuietServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def page_url(self, path: str = "") -> str:
        return self.url + path.lstrip("/")

    def start(self) -> "PrefixedSite":
        handler = prefixed_handler(str(self.dir), self.prefix)
        self._server = QuietServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The site built for a GitHub Pages project site: http://127.0.0.1:<port>/mutuus/.
    test_workshop_without_network_then_a_redeploy changes it (a new deploy)."""
    port = free_port()
    dest = tmp_path_factory.mktemp("project-site")
    served = PrefixedSite(dir=dest, port=port)
    build_site(dest, served.url)
    served.start()
    yield served
    served.stop()


@pytest.fixture
def log():
    return PageLog()


def new_context(browser, log: PageLog, **options):
    """A context with its service worker allowed (unless options block it),
    watched as every test context is (watch_context: it records requests,
    never routes them, which would bypass the worker)."""
    ctx = browser.new_context(locale="fr-CA", accept_downloads=True, **options)
    watch_context(ctx, log)
    return ctx


@pytest.fixture
def ctx(browser, log):
    context = new_context(browser, log)
    yield context
    context.close()


@pytest.fixture
def pg(ctx, log):
    page = ctx.new_page()
    watch_page(page, log)
    yield page
    problems = log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)




def planer_result(page):
    form = page.locator("#uc")
    expect(form).to_have_attribute("data-engine", "ready", timeout=BOOT)
    page.get_by_role("button", name="Charger l'exemple de la raboteuse").click()
    summary = page.locator("#uc .mu-calc-summary")
    expect(summary).to_have_text(re.compile(r"Coût d'une utilisation : 37,84[\s\u00a0\u202f]\$\."), timeout=BOOT)


def our_caches(page):
    return page.evaluate("async () => (await caches.keys()).sort()")


def engine_manifest(site) -> dict:
    return json.loads((site.dir / "assets/pyodide/calculators.json").read_text(encoding="utf-8"))


def engine_cache_prefix(site) -> str:
    """The start of this build's engine cache's name (offline-sw.js)."""
    config = (site.dir / "assets/javascripts/offline-config.js").read_text(encoding="utf-8")
    return "mutuus-engine-" + re.search(r'"engineVersion":"([0-9a-f]+)"', config).group(1) + "-"


# The size of the snapshot the service worker keeps unpacked in the engine's
# cache (the .gz's URL without ".gz"), or null.
UNPACKED_BYTES = """async (prefix) => {
  const name = (await caches.keys()).find((n) => n.startsWith(prefix));
  if (!name) return null;
  const cache = await caches.open(name);
  const key = (await cache.keys()).map((r) => r.url).find((u) => u.endsWith('.snap'));
  return key ? (await (await cache.match(key)).arrayBuffer()).byteLength : null;
}"""


def unpacked_snapshot_bytes(page, prefix="mutuus-engine-"):
    return page.evaluate(UNPACKED_BYTES, prefix)


def wait_for_unpacked_snapshot(page, prefix, timeout_s=30):
    """The unpacked copy's size once the service worker has written it: it
    does so after the page asks, once the first result is shown, which can
    come after the page says the engine is kept (offline.js)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        size = unpacked_snapshot_bytes(page, prefix)
        if size is not None:
            return size
        page.wait_for_timeout(100)
    return None


# --- the workshop ------------------------------------------------------------------


def deploy(site) -> None:
    """A new deploy of ``site`` as the build's last step makes it: the
    service worker's script written again, dated at least two seconds after
    the last deploy: the test server's Last-Modified counts whole seconds,
    so a second deploy within the same second as the first was answered
    « 304 Not Modified » to the browser's update check, which then never saw
    it (a test that failed now and then). Real deploys are minutes apart."""
    script = site.dir / "sw.js"
    before = script.stat().st_mtime
    subprocess.run([sys.executable, "-m", "offline.service_worker", str(site.dir)], cwd=ROOT, check=True,
                   capture_output=True)
    later = max(time.time(), before + 2)
    os.utime(script, (later, later))


def test_workshop_without_network_then_a_redeploy(pg, ctx, project_site):
    # One visit with the network: the home page, then a calculator page,
    # which stores the engine too.
    goto(pg, project_site)
    offline_state(pg, "guide")
    goto(pg, project_site, USAGE)
    planer_result(pg)
    offline_state(pg, "ready")
    names = our_caches(pg)
    assert any(n.startswith("workbox-precache") and n.endswith(project_site.url) for n in names), names
    assert any(n.startswith("mutuus-engine-") and n.endswith(BASE) for n in names), names
    # The engine stored for offline use is the trimmed standard library, not Pyodide's full one.
    stored = pg.evaluate(
        "async () => { const c = await caches.open((await caches.keys()).find((n) => n.startsWith('mutuus-engine-')));"
        " return (await c.keys()).map((r) => new URL(r.url).pathname); }"
    )
    assert any("/assets/pyodide/stdlib/" in path for path in stored), stored
    assert not any(path.endswith("/runtime/python_stdlib.zip") for path in stored), stored
    assert any(path.endswith(".snap.gz") for path in stored), stored
    # The snapshot unpacked by the service worker once stored (offline-sw.js), for the engine's next starts.
    assert wait_for_unpacked_snapshot(pg, engine_cache_prefix(project_site)) == engine_manifest(project_site)["snapshot"]["bytes"]

    # The network goes: the server stops and the browser is offline.
    project_site.stop()
    ctx.set_offline(True)
    try:
        # Five pages, each opened as a fresh load (served by the worker).
        for path, title in [
            ("", "Mutualiser des ressources"),
            ("comprendre/definition/", "Ce que mutualiser veut dire"),
            ("etapes/diagnostic/", "le diagnostic"),
            ("risques/", "Risques"),
            ("glossaire/", "Glossaire"),
        ]:
            goto(pg, project_site, path)
            expect(pg.locator("h1").first).to_contain_text(title)

        # The search, on the glossary page.
        pg.locator("label.md-search__icon, .md-search__input").first.click()
        # Typed key by key, as a person does (Material reads keystrokes; a
        # fill() right after an offline load can come before it listens).
        pg.locator(".md-search__input").press_sequentially("mutualiser", delay=50)
        expect(pg.locator(".md-search-result__item").first).to_be_visible(timeout=BOOT)

        # A questionnaire: fill, keep, export.
        goto(pg, project_site, "etapes/evaluation/")
        form = 'form[data-questionnaire="evaluation"]'
        pg.wait_for_selector(f"{form}[data-mu-mounted]")
        pg.fill("#mu-q-evaluation--organisation", "Salle paroissiale de Dinant")
        with pg.expect_download() as info:
            pg.click(f'{form} .mu-q-actions [data-action="export-markdown"]')
        text = Path(info.value.path()).read_text(encoding="utf-8")
        assert "- Organisation : Salle paroissiale de Dinant" in text.splitlines()

        # The calculator, engine and wheel from the device; the engine boots
        # from the memory snapshot stored with them (sitebuild/snapshot.py),
        # kept by the service worker even where the first visit started
        # without it, with the trimmed standard library.
        goto(pg, project_site, USAGE)
        planer_result(pg)
        status = pg.evaluate("() => window.__muCalculatorWorker.muBootStatus")
        assert (status["snapshot"], status["snapshotWhy"], status["stdlib"]) == (True, "kept", "trimmed"), status
        assert status["snapshotFile"] == "unpacked", status
    finally:
        ctx.set_offline(False)
        project_site.start()

    # --- Back online, a redeploy. The guide is stored (above); the new deploy
    # changes one page, and the build step rewrites sw.js.
    goto(pg, project_site, "glossaire/")
    expect(pg.locator("h1").first, "redéploiement : avant").to_have_text(re.compile("^Glossaire"))
    page_file = project_site.dir / "glossaire" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    changed = re.sub(r"(<h1[^>]*>)Glossaire", r"\1Glossaire mis à jour", html, count=1)
    assert changed != html
    page_file.write_text(changed, encoding="utf-8")
    deploy(project_site)

    # The next visit still shows the old version, whole, and offers the new one.
    goto(pg, project_site, "glossaire/")
    expect(pg.locator("h1").first, "redéploiement : l'ancienne version d'abord").not_to_contain_text("mis à jour")
    banner = pg.locator(".mu-offline-update")
    expect(banner, "redéploiement : le bandeau").to_contain_text("Une nouvelle version du site est prête.", timeout=BOOT)

    # A second deploy while the banner is shown: the worker that was waiting
    # when the banner came is replaced (redundant); the button takes the one
    # waiting now.
    pg.evaluate("async () => { window.__muFirstWaiting = (await navigator.serviceWorker.getRegistration()).waiting; }")
    page_file.write_text(changed.replace("Glossaire mis à jour", "Glossaire mis à jour deux fois", 1), encoding="utf-8")
    deploy(project_site)
    # Until the browser has installed the second deploy, asking again while
    # nothing is installing. A loop in Python: wait_for_function takes an
    # async predicate's promise for a true answer at once (the check that
    # stood here never waited).
    deadline = time.monotonic() + BOOT / 1000
    while pg.evaluate(
        """async () => {
          const r = await navigator.serviceWorker.getRegistration();
          if (r.waiting && r.waiting !== window.__muFirstWaiting && r.waiting.state === "installed") return false;
          if (!r.installing) await r.update().catch(() => {});
          return true;
        }"""
    ):
        assert time.monotonic() < deadline, "redéploiement : le second déploiement n'a jamais été installé"
        pg.wait_for_timeout(250)
    pg.wait_for_function("() => window.__muFirstWaiting.state === 'redundant'", timeout=BOOT, polling=250)
    # The old worker hands over once its last responses are sent and the new
    # one has cleared the old caches: on a loaded CI machine, more than the
    # default 30 s once (seen once in CI; never on an idle machine).
    with pg.expect_navigation(timeout=BOOT):
        banner.get_by_role("button", name="Recharger la page").click()
    wait_for_material(pg)
    expect(pg.locator("h1").first, "redéploiement : la nouvelle version").to_contain_text("Glossaire mis à jour deux fois")
    expect(pg.locator(".mu-offline-update"), "redéploiement : bandeau parti").to_have_count(0)


# --- at a domain root, removal ------------------------------------------------------------


# In the engine's cache: the unpacked copy dropped and, with `spoil`, the
# .gz replaced by other bytes of the same unpacked size (zeros: the
# build's SHA-256 alone tells them apart); then the page asks the service
# worker to keep the snapshot unpacked, as a calculator page does.
DROP_THE_UNPACKED_COPY = """async ([prefix, spoil, bytes]) => {
  const name = (await caches.keys()).find((n) => n.startsWith(prefix));
  const cache = await caches.open(name);
  const gz = (await cache.keys()).map((r) => r.url).find((u) => u.endsWith('.snap.gz'));
  await cache.delete(gz.replace(/\\.gz$/, ''));
  if (!spoil) return null;
  const zeros = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('gzip'));
  await cache.put(gz, new Response(await new Response(zeros).arrayBuffer()));
  const channel = new MessageChannel();
  const answered = new Promise((resolve) => { channel.port1.onmessage = (e) => resolve(e.data); });
  navigator.serviceWorker.controller.postMessage({type: 'MUTUUS_KEEP_UNPACKED'}, [channel.port2]);
  return answered;
}"""


def test_the_snapshot_is_unpacked_again_when_missing_but_never_unchecked(pg, site):
    """The service worker keeps the snapshot unpacked for the engine's next
    starts. A copy that went missing (dropped by the engine's worker, a
    quota error, an engine stored by an older service worker) is made again
    after the next calculator's first result. It unpacks the stored .gz only
    once it has checked it against the build's SHA-256: a .gz that is not
    the build's, even of the right unpacked size, is left as it is (the
    engine's worker sets it aside in turn, and starts the ordinary way: the
    planer's 37,84 $)."""
    prefix = engine_cache_prefix(site)
    bytes_ = engine_manifest(site)["snapshot"]["bytes"]
    goto(pg, site, USAGE)
    planer_result(pg)
    offline_state(pg, "ready")
    assert wait_for_unpacked_snapshot(pg, prefix) == bytes_

    pg.evaluate(DROP_THE_UNPACKED_COPY, [prefix, False, bytes_])
    assert unpacked_snapshot_bytes(pg, prefix) is None
    goto(pg, site, USAGE)
    planer_result(pg)
    status = pg.evaluate("() => window.__muCalculatorWorker.muBootStatus")
    assert (status["snapshot"], status["snapshotFile"]) == (True, "gzip"), status
    assert wait_for_unpacked_snapshot(pg, prefix) == bytes_

    assert pg.evaluate(DROP_THE_UNPACKED_COPY, [prefix, True, bytes_]) == {"ok": True}
    assert unpacked_snapshot_bytes(pg, prefix) is None
    goto(pg, site, USAGE)
    planer_result(pg)
    status = pg.evaluate("() => window.__muCalculatorWorker.muBootStatus")
    assert (status["snapshot"], status["snapshotWhy"]) == (False, "set aside"), status
    assert "snapshotFile" not in status, status
    pg.wait_for_timeout(1000)  # the page's request to unpack, after the first result
    assert unpacked_snapshot_bytes(pg, prefix) is None


def test_domain_root_offline_and_removal(pg, ctx, site):
    goto(pg, site, OFFLINE_PAGE)
    offline_state(pg, "guide")
    panel = pg.locator(".mu-offline-panel")
    # The room on the device, the snapshot unpacked included, and what the engine's download weighs.
    facts = json.loads((site.dir / "assets/offline.json").read_text(encoding="utf-8"))["engine"]
    snapshot = engine_manifest(site)["snapshot"]
    assert facts["room"] == facts["bytes"] + snapshot["bytes"]

    def mb(size):
        return f"{size / 1e6:.1f}".replace(".", ",") + " Mo"

    expect(panel.locator(".mu-offline-sizes")).to_contain_text(
        re.compile(rf"Mo pour le guide, {mb(facts['room'])} de plus pour le moteur des calculateurs "
                   rf"\(téléchargement : {mb(facts['bytes'])}\)\.")
    )

    # The engine on request, with its progress.
    panel.get_by_role("button", name="Rendre disponible hors ligne").click()
    offline_state(pg, "ready")
    expect(panel.locator("[role=status]")).to_contain_text("Tout le site fonctionne hors ligne")
    assert pg.evaluate("() => document.getElementById('mu-offline-progress-bar').value") > 10_000_000
    # Once stored, the snapshot is unpacked by the service worker as well.
    assert wait_for_unpacked_snapshot(pg, engine_cache_prefix(site)) == snapshot["bytes"]

    ctx.set_offline(True)
    try:
        goto(pg, site, "etapes/impulsion/")
        expect(pg.locator("h1").first).to_contain_text("impulsion")
        goto(pg, site, OFFLINE_PAGE)
    finally:
        ctx.set_offline(False)

    # Removal: no worker, no cache, and it stays removed.
    panel.get_by_role("button", name="Retirer de cet appareil").click()
    offline_state(pg, "disabled")
    expect(panel.locator("[role=status]")).to_contain_text("n'est pas gardé hors ligne")
    assert our_caches(pg) == []
    assert pg.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    goto(pg, site, OFFLINE_PAGE)
    offline_state(pg, "disabled")
    assert pg.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    expect(panel.get_by_role("button", name="Rendre disponible hors ligne")).to_be_visible()
    expect(panel.get_by_role("button", name="Retirer de cet appareil")).to_be_hidden()


# --- without a service worker ---------------------------------------------------------------


def test_without_service_worker_the_site_works_as_before(browser, log, site):
    context = new_context(browser, log, service_workers="block")
    try:
        page = context.new_page()
        watch_page(page, log)
        goto(page, site, OFFLINE_PAGE)
        offline_state(page, "unsupported")
        expect(page.locator(".mu-offline-panel [role=status]")).to_contain_text("ne peut pas garder le site")
        expect(page.get_by_role("button", name="Rendre disponible hors ligne")).to_be_hidden()
        open_tool(page, site, USAGE)  # a link followed, as a reader does
        planer_result(page)
        assert page.evaluate("() => navigator.serviceWorker.controller") is None
    finally:
        context.close()
    problems = log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)
