// The engine's worker: its entry (core/engine.js starts it; core/engine-worker.js
// does the work and says what it answers). It starts the first two downloads
// at once, Pyodide's loader and the manifest, before the modules that do the
// work have come: static imports would make them wait one round trip per
// level of imports (a slow link's first calculation). Requests that arrive
// meanwhile are kept for engine-worker.js.

const base = new URL("../pyodide/", import.meta.url);
const messages = [];
self.onmessage = (event) => messages.push(event);
self.muEngineEarly = {
  pyodide: import(new URL("runtime/pyodide.mjs", base).href),
  manifest: fetch(new URL("calculators.json", base), { cache: "no-cache" }),
  messages,
};
// Awaited where they are used; not "unhandled" before then.
self.muEngineEarly.pyodide.catch(() => {});
self.muEngineEarly.manifest.catch(() => {});

import("./core/engine-worker.js").catch((error) => {
  // Offline, with the worker's own modules not kept: the page says so in its words.
  console.warn("calculator-worker:", error);
  self.postMessage({ type: "failed", kind: navigator.onLine === false ? "offline" : "network", message: null });
});
