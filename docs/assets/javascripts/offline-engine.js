// The calculator engine's files kept for offline use (offline.js): what the
// build listed (assets/offline.json), which of them are in the engine's cache,
// and how they get there (fetched here for the page « Hors ligne », or by the
// service worker after a calculator visit; without a service worker, only
// the memory snapshot, for the next visit's start).

let facts = null; // assets/offline.json
let engineBusy = null;

export async function loadFacts(scope) {
  if (facts) return facts;
  const response = await fetch(new URL("assets/offline.json", scope));
  if (!response.ok) throw new Error(`offline.json: ${response.status}`);
  facts = await response.json();
  return facts;
}

export function knownFacts() {
  return facts;
}

function engineCacheName(scope) {
  return `mutuus-engine-${facts.engine.version}-${scope.pathname}`;
}

export async function missingEngineFiles(scope) {
  const cache = await caches.open(engineCacheName(scope));
  const missing = [];
  for (const file of facts.engine.files) {
    if (!(await cache.match(new URL(file.url, scope).href))) missing.push(file);
  }
  return missing;
}

// Fetch the engine files not yet stored, and store them (the worker serves
// them cache-first from then on). onProgress(done bytes, total bytes).
export function storeEngine(scope, onProgress = () => {}) {
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

export function storing() {
  return engineBusy !== null;
}

// Whether this page started the calculator engine (core/engine.js keeps its
// worker on the window): a calculator, or the agreements generator.
export function engineStarted() {
  return Boolean(window.__muCalculatorWorker || document.querySelector(".mu-calculator"));
}

// Without a service worker, the engine stays in the browser's HTTP cache
// only. On a first visit over a slow link the worker starts without the
// memory snapshot (5 MB); fetched now, once the engine is up, and kept in
// the engine's cache (Cache Storage, where the worker looks for it:
// core/engine-snapshot.js), the next visit boots from it. Not where the reader
// asked to save data, nor where the reader removed the offline copy.
export async function keepSnapshot(scope) {
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
export function askWorkerToStoreEngine(registration, scope) {
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

// The engine stored already: the service worker unpacks its snapshot if it
// is not yet (offline-sw.js, keepUnpacked), for the engine's next starts.
// Resolves once it has, or at once without an active worker.
export function askWorkerToKeepUnpacked(registration) {
  const worker = registration && registration.active;
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage({ type: "MUTUUS_KEEP_UNPACKED" }, [channel.port2]);
  });
}

// Resolves once the page has loaded and, on a page that started the engine
// (a calculator, the agreements generator), once the engine has booted:
// storing the guide (several MB) must not compete with the page or with
// Pyodide's download for the first result (bench/shaped.py measures it on a
// 10 Mbit/s link).
export function whenQuiet() {
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
