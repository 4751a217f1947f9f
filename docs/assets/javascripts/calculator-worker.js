// The engine's worker: its entry (core/engine.js starts it; core/engine-worker.js
// does the work and says what it answers). It starts the first downloads at
// once, Pyodide's loader, the manifest and (on a distant link) the
// WebAssembly file, before the modules that do the work have come: static imports would make them wait
// one round trip per level of imports (a slow link's first calculation).
// Requests that arrive meanwhile are kept for engine-worker.js.

const base = new URL("../pyodide/", import.meta.url);
const messages = [];
self.onmessage = (event) => messages.push(event);
self.muEngineEarly = {
  pyodide: import(new URL("runtime/pyodide.mjs", base).href),
  manifest: fetch(new URL("calculators.json", base), { cache: "no-cache" }),
  // url → Response promise, taken (once) by Pyodide's own fetch (core/engine-files.js),
  // and the URLs that fetch has asked for.
  files: new Map(),
  asked: new Set(),
  messages,
};
// The WebAssembly file (2.8 MB gzipped), the largest of every boot, ordinary
// or from the snapshot: on a distant link (mobile, workshop Wi-Fi: 100 ms
// before each response) its download no longer waits for the worker's
// modules and the manifest (0.4 to 0.7 s sooner on 10 Mbit/s). Not on a
// near link (a local network, fibre near the host: Pyodide's loader came
// within FAR_MS), where the wheel's download, which tells whether the
// snapshot pays (core/engine-snapshot.js), must have the link to itself; nor
// where the file is already on this device (Cache Storage: a repeat visit).
// It is read as it comes, else the browser would stop the download once its
// buffer is full: one branch of the body is drained, the other keeps every
// byte for Pyodide.
const FAR_MS = 50;
const PYODIDE_MJS = new URL("runtime/pyodide.mjs", base).href;
const WASM = new URL("runtime/pyodide.asm.wasm", base).href;

function downloadNow(href) {
  // Too late if Pyodide has asked for it already (core/engine-files.js).
  if (self.muEngineEarly.asked.has(href)) return;
  const response = fetch(href).then((whole) => {
    if (!whole.ok || !whole.body) return whole;
    const [kept, drained] = whole.body.tee();
    drained.pipeTo(new WritableStream()).catch(() => {});
    return new Response(kept, { status: whole.status, statusText: whole.statusText, headers: whole.headers });
  });
  self.muEngineEarly.files.set(href, response);
  response.catch(() => {}); // Pyodide's fetch gets the rejection
}

async function onThisDevice(href) {
  try {
    return Boolean(self.caches && (await caches.match(href)));
  } catch (_) {
    return false;
  }
}

self.muEngineEarly.pyodide.then(async () => {
  const loader = performance.getEntriesByName(PYODIDE_MJS).pop();
  // From the request to its first byte: the link's latency (and the host's).
  if (!loader || loader.responseStart - loader.requestStart < FAR_MS) return;
  if (!(await onThisDevice(WASM))) downloadNow(WASM);
}, () => {});
// Awaited where they are used; not "unhandled" before then.
self.muEngineEarly.pyodide.catch(() => {});
self.muEngineEarly.manifest.catch(() => {});

import("./core/engine-worker.js").catch((error) => {
  // Offline, with the worker's own modules not kept: the page says so in its words.
  console.warn("calculator-worker:", error);
  self.postMessage({ type: "failed", kind: navigator.onLine === false ? "offline" : "network", message: null });
});
