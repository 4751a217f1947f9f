// The engine's worker: its entry (core/engine.js starts it; core/engine-worker.js
// does the work and says what it answers). It starts the first downloads at
// once, Pyodide's loader, the manifest and (on a distant link) the
// WebAssembly file, before the modules that do the work have come: static
// imports would make them wait one round trip per level of imports (a slow
// link's first calculation). Requests that arrive meanwhile are kept for
// engine-worker.js.

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
  // Bytes of those responses received so far, counted here as they come (the
  // progress messages: core/engine-files.js sets onBytes and adds them up).
  bytes: 0,
  onBytes: null,
  messages,
};
// The WebAssembly file (2.8 MB gzipped), the largest of every boot, ordinary
// or from the snapshot: on a distant link (mobile, workshop Wi-Fi: 100 ms
// before each response) its download no longer waits for the worker's
// modules and the manifest. The link is distant when the page says so (the
// worker's name, core/engine.js: at once) or when Pyodide's loader answered
// FAR_MS or more after its request (one round trip later: a page the
// service worker answered). Not on a near link (a local network, fibre near
// the host), where the wheel's download, which tells whether the snapshot
// pays (core/engine-snapshot.js), must have the link to itself; nor where
// the file is already on this device (Cache Storage: a repeat visit).
// It is read as it comes, else the browser would stop the download once its
// buffer is full: one branch of the body is drained (its bytes counted, for
// the progress messages), the other keeps every byte for Pyodide.
const FAR_MS = 50;
const DISTANT_NAME = "(distant link)"; // the end of core/engine.js's NAME_DISTANT
const PYODIDE_MJS = new URL("runtime/pyodide.mjs", base).href;
const WASM = new URL("runtime/pyodide.asm.wasm", base).href;

function downloadNow(href) {
  // Once only, and too late if Pyodide has asked for it already (core/engine-files.js).
  if (self.muEngineEarly.files.has(href) || self.muEngineEarly.asked.has(href)) return;
  const response = fetch(href).then((whole) => {
    if (!whole.ok || !whole.body) return whole;
    const [kept, drained] = whole.body.tee();
    const early = self.muEngineEarly;
    const count = new WritableStream({
      write(chunk) {
        early.bytes += chunk.byteLength;
        if (early.onBytes) early.onBytes();
      },
    });
    drained.pipeTo(count).catch(() => {});
    return new Response(kept, { status: whole.status, statusText: whole.statusText, headers: whole.headers });
  });
  self.muEngineEarly.files.set(href, response);
  response.catch(() => {}); // Pyodide's fetch gets the rejection
}

async function downloadIfNotHere(href) {
  try {
    if (self.caches && (await caches.match(href))) return;
  } catch (_) {
    // no Cache Storage here (an opaque origin, a private window)
  }
  downloadNow(href);
}

if (String(self.name || "").endsWith(DISTANT_NAME)) {
  downloadIfNotHere(WASM);
} else {
  // Runs before engine-boot.js, which awaits the same promise later (and
  // fetches the WebAssembly file only after the manifest and its decision).
  self.muEngineEarly.pyodide.then(() => {
    // From the request to its first byte: the link's latency (and the host's).
    const loader = performance.getEntriesByName(PYODIDE_MJS).pop();
    if (loader && loader.responseStart - loader.requestStart >= FAR_MS) downloadIfNotHere(WASM);
  }, () => {});
}
// Awaited where they are used; not "unhandled" before then.
self.muEngineEarly.pyodide.catch(() => {});
self.muEngineEarly.manifest.catch(() => {});

import("./core/engine-worker.js").catch((error) => {
  // Offline, with the worker's own modules not kept: the page says so in its words.
  console.warn("calculator-worker:", error);
  self.postMessage({ type: "failed", kind: navigator.onLine === false ? "offline" : "network", message: null });
});
