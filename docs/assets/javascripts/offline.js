// Offline use of the site: registers the service worker (sw.js, written at
// build time by offline/service-worker.mjs with Workbox), offers to reload
// when a new version has been installed, has the calculator engine stored
// after a calculator page (offline-engine.js), and keeps the panel of the
// page « Hors ligne » up to date (offline-panel.js).
// Imported by tools.js once the first page of the visit has loaded and the
// browser is idle (it is no part of what the reader waits for).
//
// <html data-mu-offline="…"> says where this device stands (tests read it):
//   unsupported  no service worker here (private window, old browser, blocked)
//   disabled     the reader removed the offline copy from this device
//   installing   the guide is being stored
//   guide        the guide works offline; the tools that need the engine do not yet
//   engine       the calculator engine is being stored
//   ready        the whole site works offline
//   error        something failed (the panel says what)
//
// Storage: storageKey("offline") -> {"enabled": false, "updated_at"} once
// the reader has removed the offline copy; nothing is stored otherwise.

import { readJSON, removeKey, storageKey, writeJSON } from "./core/storage.js";
import { t } from "./core/words.js";
import {
  askWorkerToKeepUnpacked,
  askWorkerToStoreEngine,
  engineStarted,
  keepSnapshot,
  knownFacts,
  loadFacts,
  missingEngineFiles,
  storeEngine,
  storing,
  whenQuiet,
} from "./offline-engine.js";
import { renderPanel, showProgress } from "./offline-panel.js";

const root = document.documentElement;
const supported = "serviceWorker" in navigator && window.isSecureContext && "caches" in window;
let registration = null;
let reloading = false;

function optedOut() {
  const read = readJSON(storageKey("offline"));
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
  for (const panel of document.querySelectorAll(".mu-offline-panel")) {
    renderPanel(panel, status, detail, { facts: knownFacts(), supported, onMake: make, onRemove: remove });
  }
}

async function refreshStatus(scope) {
  if (!registration || !registration.active) return setStatus("installing");
  await loadFacts(scope);
  const missing = await missingEngineFiles(scope);
  setStatus(missing.length === 0 ? "ready" : "guide");
}

// --- registration and updates ------------------------------------------------

function showUpdateBanner(reg) {
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
  text.textContent = t("offline.update_ready");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = t("offline.reload");
  button.addEventListener("click", () => {
    button.disabled = true;
    reloading = true;
    // The worker waiting now: a later deploy may have replaced the one that
    // was waiting when the banner came (that one is then redundant, and
    // would never take over). None waiting any more: it has taken over.
    if (reg.waiting) reg.waiting.postMessage({ type: "SKIP_WAITING" });
    else location.reload();
  });
  banner.append(text, button);
  document.body.append(banner);
}

function watchUpdates(reg) {
  const offer = () => {
    if (reg.waiting && navigator.serviceWorker.controller) showUpdateBanner(reg);
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
  }
  if (!registration || typeof registration.addEventListener !== "function") {
    // No worker, or a browser (or a test harness) that accepts the call but registers nothing.
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

function warmEngine(scope) {
  const start = async () => {
    if (optedOut() || !registration || storing()) return;
    try {
      await loadFacts(scope);
      if ((await missingEngineFiles(scope)).length === 0) {
        await askWorkerToKeepUnpacked(registration);
        return;
      }
      setStatus("engine");
      await askWorkerToStoreEngine(registration, scope);
      await refreshStatus(scope);
    } catch (error) {
      console.warn("offline.js:", error);
      await refreshStatus(scope).catch(() => setStatus("error"));
    }
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

// --- the panel's buttons ---------------------------------------------------------

async function make(button) {
  const scope = scopeURL();
  button.disabled = true;
  try {
    removeKey(storageKey("offline"));
    if (!registration || !registration.active) await register(scope);
    if (!registration) return;
    await loadFacts(scope);
    setStatus("engine");
    await storeEngine(scope, (done, total) => {
      for (const panel of document.querySelectorAll(".mu-offline-panel")) showProgress(panel, done, total);
    });
    await askWorkerToKeepUnpacked(registration);
    await refreshStatus(scope);
  } catch (error) {
    console.warn("offline.js:", error);
    setStatus("error", t("offline.retry"));
  } finally {
    button.disabled = false;
  }
}

async function removeOfflineCopy(scope) {
  const reg = registration || (await navigator.serviceWorker.getRegistration(scope.href));
  const regScope = reg ? reg.scope : scope.href;
  if (reg) await reg.unregister();
  registration = null;
  const names = await caches.keys();
  const ours = (n) =>
    (n.startsWith("workbox-") && n.endsWith(regScope)) || (n.startsWith("mutuus-engine-") && n.endsWith(`-${scope.pathname}`));
  await Promise.all(names.filter(ours).map((n) => caches.delete(n)));
  return writeJSON(storageKey("offline"), { enabled: false, updated_at: new Date().toISOString() });
}

async function remove(button) {
  button.disabled = true;
  try {
    const saved = await removeOfflineCopy(scopeURL());
    setStatus("disabled", saved.ok ? "" : saved.message);
  } catch (error) {
    console.warn("offline.js:", error);
    setStatus("error", t("offline.remove_failed"));
  } finally {
    button.disabled = false;
  }
}

// --- start ---------------------------------------------------------------------

function mountPage() {
  setStatus(root.dataset.muOffline || "unsupported");
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
