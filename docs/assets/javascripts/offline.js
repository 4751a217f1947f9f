// Offline use of the site: registers the service worker (sw.js, written at
// build time by offline/service-worker.mjs with Workbox), offers to reload
// when a new version has been installed, caches the calculator engine on a
// calculator page, and runs the panel of the page "Hors ligne".
// Imported by tools.js once the first page of the visit has loaded and the
// browser is idle (it is no part of what the reader waits for).
//
// <html data-mu-offline="…"> says where this device stands (tests read it):
//   unsupported  no service worker here (private window, old browser, blocked)
//   disabled     the reader removed the offline copy from this device
//   installing   the guide is being stored
//   guide        the guide works offline; the calculators do not yet
//   engine       the calculator engine is being stored
//   ready        the whole site works offline
//   error        something failed (the panel says what)
//
// Storage: `mutuus:<root>:offline` -> {"enabled": false, "updated_at"} once
// the reader has removed the offline copy; nothing is stored otherwise.

import { readJSON, removeKey, siteRoot, writeJSON } from "./storage.js";

const root = document.documentElement;
const supported = "serviceWorker" in navigator && window.isSecureContext && "caches" in window;
let registration = null;
let facts = null; // assets/offline.json
let engineBusy = null;
let reloading = false;

function optOutKey() {
  return `mutuus:${siteRoot()}:offline`;
}

function optedOut() {
  const read = readJSON(optOutKey());
  return read.ok && read.value && read.value.enabled === false;
}

function scopeURL() {
  try {
    if (window.__md_scope) return new URL(String(window.__md_scope), location.href);
  } catch (_) {
    // fall through
  }
  return null;
}

function setStatus(status, detail = "") {
  root.dataset.muOffline = status;
  for (const panel of document.querySelectorAll(".mu-offline-panel")) renderPanel(panel, status, detail);
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toLocaleString("fr-CA", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} Mo`;
}

// --- facts and caches --------------------------------------------------------

async function loadFacts(scope) {
  if (facts) return facts;
  const response = await fetch(new URL("assets/offline.json", scope));
  if (!response.ok) throw new Error(`offline.json: ${response.status}`);
  facts = await response.json();
  return facts;
}

function engineCacheName(scope) {
  return `mutuus-engine-${facts.engine.version}-${scope.pathname}`;
}

async function missingEngineFiles(scope) {
  const cache = await caches.open(engineCacheName(scope));
  const missing = [];
  for (const file of facts.engine.files) {
    if (!(await cache.match(new URL(file.url, scope).href))) missing.push(file);
  }
  return missing;
}

// Fetch the engine files not yet stored, and store them (the worker serves
// them cache-first from then on). onProgress(done bytes, total bytes).
function storeEngine(scope, onProgress = () => {}) {
  if (engineBusy) return engineBusy;
  engineBusy = (async () => {
    const missing = await missingEngineFiles(scope);
    const total = facts.engine.bytes;
    let done = total - missing.reduce((sum, f) => sum + f.bytes, 0);
    onProgress(done, total);
    const cache = await caches.open(engineCacheName(scope));
    for (const file of missing) {
      const url = new URL(file.url, scope).href;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
      const reader = response.body.getReader();
      const chunks = [];
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        done += value.length;
        onProgress(Math.min(done, total), total);
      }
      await cache.put(url, new Response(new Blob(chunks), { headers: response.headers }));
    }
  })().finally(() => {
    engineBusy = null;
  });
  return engineBusy;
}

async function refreshStatus(scope) {
  if (!registration || !registration.active) return setStatus("installing");
  await loadFacts(scope);
  const missing = await missingEngineFiles(scope);
  setStatus(missing.length === 0 ? "ready" : "guide");
}

// --- registration and updates ------------------------------------------------

function showUpdateBanner(waiting) {
  if (document.querySelector(".mu-offline-update")) return;
  const banner = document.createElement("div");
  banner.className = "mu-offline-update";
  banner.setAttribute("role", "status");
  Object.assign(banner.style, {
    position: "fixed",
    insetInline: "0",
    bottom: "0",
    zIndex: "10",
    display: "flex",
    flexWrap: "wrap",
    gap: "0.5rem 1rem",
    alignItems: "center",
    justifyContent: "center",
    padding: "0.6rem 1rem",
    background: "var(--md-default-bg-color)",
    color: "var(--md-default-fg-color)",
    borderTop: "2px solid var(--md-primary-fg-color)",
    fontSize: "0.8rem",
  });
  const text = document.createElement("span");
  text.textContent = "Une nouvelle version du site est prête.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = "Recharger la page";
  button.addEventListener("click", () => {
    button.disabled = true;
    reloading = true;
    waiting.postMessage({ type: "SKIP_WAITING" });
  });
  banner.append(text, button);
  document.body.append(banner);
}

function watchUpdates(reg) {
  const offer = () => {
    if (reg.waiting && navigator.serviceWorker.controller) showUpdateBanner(reg.waiting);
  };
  offer();
  reg.addEventListener("updatefound", () => {
    const installing = reg.installing;
    if (!installing) return;
    installing.addEventListener("statechange", () => {
      if (installing.state === "installed") offer();
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
}

async function register(scope) {
  setStatus("installing");
  try {
    registration = await navigator.serviceWorker.register(new URL("sw.js", scope), {
      scope: scope.pathname,
    });
  } catch (error) {
    // No sw.js (a site served by `mkdocs serve`): drop any old worker so it
    // cannot serve stale pages, and behave as a site without offline use.
    console.warn("offline.js:", error);
    const old = await navigator.serviceWorker.getRegistration(scope.href).catch(() => null);
    if (old) await old.unregister();
    registration = null;
    setStatus("unsupported");
    await keepSnapshot(scope);
    return;
  }
  if (!registration || typeof registration.addEventListener !== "function") {
    // A browser (or a test harness) that accepts the call but registers nothing.
    registration = null;
    setStatus("unsupported");
    await keepSnapshot(scope);
    return;
  }
  watchUpdates(registration);
  await navigator.serviceWorker.ready;
  if (!registration.active) return;
  await refreshStatus(scope);
  if (engineStarted()) warmEngine(scope);
}

// Whether this page started the calculator engine (calculator.js keeps its
// worker on the window): a calculator, or the agreements generator.
function engineStarted() {
  return Boolean(window.__muCalculatorWorker || document.querySelector(".mu-calculator"));
}

// Without a service worker, the engine stays in the browser's HTTP cache
// only. On a first visit over a slow link the worker starts without the
// memory snapshot (5 MB); fetched now, once the engine is up, and kept in
// the engine's cache (Cache Storage, where the worker looks for it:
// calculator-worker.js), the next visit boots from it. Not where the reader
// asked to save data, nor where the reader removed the offline copy.
async function keepSnapshot(scope) {
  if (!engineStarted() || (navigator.connection && navigator.connection.saveData)) return;
  if (!("caches" in window)) return;
  try {
    await loadFacts(scope);
    const cache = await caches.open(engineCacheName(scope));
    for (const file of facts.engine.files) {
      if (!file.url.endsWith(".snap.gz")) continue;
      const url = new URL(file.url, scope).href;
      if (await cache.match(url)) continue;
      const response = await fetch(url, { priority: "low" });
      if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
      await cache.put(url, response);
    }
  } catch (error) {
    console.warn("offline.js: snapshot not kept for the next visit", error);
  }
}

// On a calculator page the engine has just been downloaded; the service
// worker stores it (the browser's HTTP cache answers, nothing is downloaded
// twice, and the page makes no request of its own).
function askWorkerToStoreEngine(scope) {
  const worker = registration && registration.active;
  if (!worker) return Promise.reject(new Error("no active service worker"));
  const urls = facts.engine.files.map((f) => new URL(f.url, scope).href);
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) =>
      event.data && event.data.ok ? resolve() : reject(new Error(event.data && event.data.error));
    worker.postMessage({ type: "MUTUUS_STORE_ENGINE", urls }, [channel.port2]);
  });
}

function warmEngine(scope) {
  const start = async () => {
    if (optedOut() || !registration || engineBusy) return;
    try {
      await loadFacts(scope);
      if ((await missingEngineFiles(scope)).length === 0) return;
      setStatus("engine");
      await askWorkerToStoreEngine(scope);
      await refreshStatus(scope);
    } catch (error) {
      console.warn("offline.js:", error);
      await refreshStatus(scope).catch(() => setStatus("error"));
    }
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

// --- removal -------------------------------------------------------------------

async function removeOfflineCopy(scope) {
  const reg = registration || (await navigator.serviceWorker.getRegistration(scope.href));
  const regScope = reg ? reg.scope : scope.href;
  if (reg) await reg.unregister();
  registration = null;
  const names = await caches.keys();
  await Promise.all(
    names
      .filter(
        (n) =>
          (n.startsWith("workbox-") && n.endsWith(regScope)) ||
          (n.startsWith("mutuus-engine-") && n.endsWith(`-${scope.pathname}`)),
      )
      .map((n) => caches.delete(n)),
  );
  return writeJSON(optOutKey(), { enabled: false, updated_at: new Date().toISOString() });
}

// --- the panel of the page "Hors ligne" ----------------------------------------

const STATUS_TEXT = {
  unsupported:
    "Ce navigateur ne peut pas garder le site hors ligne (fenêtre de navigation privée, navigateur ancien ou réglage de confidentialité). Le site fonctionne normalement avec une connexion.",
  disabled: "Le site n'est pas gardé hors ligne sur cet appareil.",
  installing: "Le guide est en cours d'enregistrement sur cet appareil…",
  guide:
    "Le guide (pages, recherche, questionnaires, grille, « Mon dossier ») fonctionne hors ligne sur cet appareil. Les calculateurs ont encore besoin de la connexion.",
  engine: "Le moteur des calculateurs est en cours d'enregistrement sur cet appareil…",
  ready: "Tout le site fonctionne hors ligne sur cet appareil, calculateurs compris.",
  error: "L'enregistrement hors ligne a échoué.",
};

// Material's .md-button sets `display`, which would override `hidden`.
function show(element, visible) {
  element.hidden = !visible;
  element.style.display = visible ? "" : "none";
}

function renderPanel(panel, status, detail) {
  if (!panel.dataset.muMounted) mountPanel(panel);
  const text = panel.querySelector(".mu-offline-status");
  text.textContent = STATUS_TEXT[status] + (detail ? ` ${detail}` : "");
  const make = panel.querySelector(".mu-offline-make");
  const remove = panel.querySelector(".mu-offline-remove");
  show(make, ["disabled", "guide", "error"].includes(status) && supported);
  show(remove, ["guide", "ready", "engine", "error"].includes(status));
  const sizes = panel.querySelector(".mu-offline-sizes");
  if (facts) {
    sizes.textContent =
      `Place occupée : environ ${megabytes(facts.precache.bytes)} pour le guide, ` +
      `${megabytes(facts.engine.bytes)} de plus pour le moteur des calculateurs.`;
  }
  if (status !== "engine") panel.querySelector(".mu-offline-progress").hidden = true;
}

function mountPanel(panel) {
  panel.dataset.muMounted = "1";
  panel.replaceChildren();
  const status = document.createElement("p");
  status.className = "mu-offline-status";
  status.setAttribute("role", "status");
  const sizes = document.createElement("p");
  sizes.className = "mu-offline-sizes";
  const progressBox = document.createElement("p");
  progressBox.className = "mu-offline-progress";
  progressBox.hidden = true;
  const label = document.createElement("label");
  label.htmlFor = "mu-offline-progress-bar";
  label.textContent = "Téléchargement du moteur des calculateurs";
  const bar = document.createElement("progress");
  bar.id = "mu-offline-progress-bar";
  const count = document.createElement("span");
  progressBox.append(label, " ", bar, " ", count);
  const buttons = document.createElement("p");
  const make = document.createElement("button");
  make.type = "button";
  make.className = "md-button md-button--primary mu-offline-make";
  make.textContent = "Rendre disponible hors ligne";
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "md-button mu-offline-remove";
  remove.textContent = "Retirer de cet appareil";
  buttons.append(make, " ", remove);
  panel.append(status, sizes, progressBox, buttons);

  const scope = scopeURL();
  make.addEventListener("click", async () => {
    make.disabled = true;
    try {
      removeKey(optOutKey());
      if (!registration || !registration.active) await register(scope);
      if (!registration) return;
      await loadFacts(scope);
      setStatus("engine");
      progressBox.hidden = false;
      await storeEngine(scope, (done, total) => {
        bar.max = total;
        bar.value = done;
        count.textContent = `${megabytes(done)} sur ${megabytes(total)}`;
      });
      await refreshStatus(scope);
    } catch (error) {
      console.warn("offline.js:", error);
      setStatus("error", "Vérifiez la connexion, puis réessayez.");
    } finally {
      make.disabled = false;
    }
  });
  remove.addEventListener("click", async () => {
    remove.disabled = true;
    try {
      const saved = await removeOfflineCopy(scope);
      setStatus("disabled", saved.ok ? "" : saved.message);
    } catch (error) {
      console.warn("offline.js:", error);
      setStatus("error", "Le retrait n'a pas abouti ; réessayez.");
    } finally {
      remove.disabled = false;
    }
  });
}

// --- start ---------------------------------------------------------------------

function mountPage() {
  const status = root.dataset.muOffline || "unsupported";
  for (const panel of document.querySelectorAll(".mu-offline-panel")) renderPanel(panel, status, "");
}

// Register once the page has loaded and, on a page that started the engine
// (a calculator, the agreements generator), once the engine has booted:
// storing the guide (several MB) must not compete with the page or with
// Pyodide's download for the first result (bench/shaped.py measures it on a
// 10 Mbit/s link).
function whenQuiet() {
  const loaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  });
  return loaded.then(() => Promise.all([formSettled(), workerSettled()]));
}

function formSettled() {
  const form = document.querySelector(".mu-calculator");
  const settled = () => !form || ["ready", "failed"].includes(form.dataset.engine);
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (settled()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(form, { attributes: true, attributeFilter: ["data-engine"] });
  });
}

function workerSettled() {
  const worker = window.__muCalculatorWorker;
  if (!worker || worker.muBootStatus) return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener("message", (event) => {
      const type = event.data && event.data.type;
      if (type === "ready" || type === "failed") resolve();
    });
  });
}

const scope = scopeURL();
if (!supported || !scope) {
  setStatus("unsupported");
  if (scope) whenQuiet().then(() => keepSnapshot(scope));
} else if (optedOut()) {
  setStatus("disabled");
  loadFacts(scope).then(mountPage, () => {});
} else {
  setStatus("installing");
  whenQuiet()
    .then(() => register(scope))
    .catch((error) => {
      console.warn("offline.js:", error);
      setStatus("error");
    });
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(mountPage);
}
