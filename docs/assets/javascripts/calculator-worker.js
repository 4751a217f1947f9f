// The engine's worker: its entry (core/engine.js starts it; core/engine-worker.js
// does the work and says what it answers). It starts the first downloads at
// once, Pyodide's loader, the manifest and the WebAssembly file, before the
// modules that do the work have come: static imports would make them wait
// one round trip per level of imports (a slow link's first calculation).
// Requests that arrive meanwhile are kept for engine-worker.js.

const base = new URL("../pyodide/", import.meta.url);
const messages = [];
self.onmessage = (event) => messages.push(event);
self.muEngineEarly = {
  pyodide: import(new URL("runtime/pyodide.mjs", base).href),
  manifest: fetch(new URL("calculators.json", base), { cache: "no-cache" }),
  // url → Response promise, taken (once) by Pyodide's own fetch (core/engine-files.js).
  files: new Map(),
  messages,
};
// The WebAssembly file (2.8 MB gzipped), the largest of every boot, ordinary
// or from the snapshot: on a 10 Mbit/s link its download no longer waits
// for the worker's modules and the manifest (about 0.4 s). It is read as it
// comes, else the browser would stop the download once its buffer is full:
// one branch of the body is drained, the other keeps every byte for Pyodide.
function downloadNow(url) {
  const response = fetch(url).then((whole) => {
    if (!whole.ok || !whole.body) return whole;
    const [kept, drained] = whole.body.tee();
    drained.pipeTo(new WritableStream()).catch(() => {});
    return new Response(kept, { status: whole.status, statusText: whole.statusText, headers: whole.headers });
  });
  self.muEngineEarly.files.set(url.href, response);
  response.catch(() => {}); // Pyodide's fetch gets the rejection
}
downloadNow(new URL("runtime/pyodide.asm.wasm", base));
// Awaited where they are used; not "unhandled" before then.
self.muEngineEarly.pyodide.catch(() => {});
self.muEngineEarly.manifest.catch(() => {});

import("./core/engine-worker.js").catch((error) => {
  // Offline, with the worker's own modules not kept: the page says so in its words.
  console.warn("calculator-worker:", error);
  self.postMessage({ type: "failed", kind: navigator.onLine === false ? "offline" : "network", message: null });
});
