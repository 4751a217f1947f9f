// The engine's files, fetched for the worker (calculator-worker.js): the
// manifest (assets/pyodide/calculators.json), the wheel (refused if its
// SHA-256 differs from the manifest), and the memory snapshot when it is
// worth it (see snapshotSource). Every fetch of the boot goes through
// countedFetch, which tells the worker how many bytes have come (progress).

import { t } from "./words.js";

export const PYODIDE_BASE = new URL("../../pyodide/", import.meta.url);
export const PYODIDE_MJS = new URL("runtime/pyodide.mjs", PYODIDE_BASE);

// Why the engine could not start: kind "offline" (no network and the files
// not kept on this device), "missing", "not-built", "integrity",
// "unsupported"; message in the reader's words.
export class EngineError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

export function downloadError() {
  const offline = globalThis.navigator && navigator.onLine === false;
  return new EngineError(offline ? "offline" : "network", t(offline ? "engine.not_kept" : "engine.download_failed"));
}

export function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

// --- bytes received, for the progress messages ---------------------------------

const received = { bytes: 0, listeners: new Set() };

export function onBytes(listener) {
  received.listeners.add(listener);
}

// With the bytes of a download the worker's entry started before this module
// came (calculator-worker.js, on a distant link: the WebAssembly file), which
// it counts as they arrive: the figures move while that file comes, instead
// of standing still, then jumping once Pyodide reads it.
export function bytesReceived() {
  return received.bytes + ((globalThis.muEngineEarly && globalThis.muEngineEarly.bytes) || 0);
}

function tellListeners() {
  const bytes = bytesReceived();
  for (const listener of received.listeners) listener(bytes);
}

if (globalThis.muEngineEarly) globalThis.muEngineEarly.onBytes = tellListeners;

// Pyodide does not give up when its WebAssembly file cannot be had: it logs
// "wasm instantiation failed!" and waits for ever, and the page would say
// « démarre… » for ever. The boot races this promise (core/engine-boot.js),
// rejected with the reader's reason when that file's download fails.
let wasmFailed = null;
export const wasmDownload = new Promise((_, reject) => {
  wasmFailed = reject;
});
wasmDownload.catch(() => {}); // awaited by the boot's race only

function isWasm(input) {
  return String(input instanceof Request ? input.url : input).endsWith("/pyodide.asm.wasm");
}

// fetch, with the body's bytes counted as they come (Pyodide's own fetches of
// the WebAssembly file and the standard library go through it too: the
// worker sets it as the global fetch while it boots).
const plainFetch = globalThis.fetch.bind(globalThis);

export async function countedFetch(input, options) {
  const wasm = isWasm(input);
  const early = takeEarly(input); // its bytes are counted by the worker's entry
  let response;
  try {
    response = await (early || plainFetch(input, options));
  } catch (error) {
    if (!wasm) throw error;
    wasmFailed(downloadError());
    // The boot stops with that reason; Pyodide's own promises stay pending
    // rather than reject where nothing catches them (an "unhandled" error).
    return new Promise(() => {});
  }
  if (wasm && !response.ok) wasmFailed(new EngineError("missing", t("engine.missing", { status: response.status })));
  if (!response.body || typeof TransformStream !== "function") return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      if (!early) {
        received.bytes += chunk.byteLength;
        tellListeners();
      }
      controller.enqueue(chunk);
    },
  });
  // A download cut half-way errors the body: for the WebAssembly file, the boot stops.
  response.body.pipeTo(counter.writable).catch(() => wasm && wasmFailed(downloadError()));
  const counted = new Response(counter.readable, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(counted, "url", { value: response.url });
  return counted;
}

// The response the worker's entry asked for at once (calculator-worker.js),
// the first time its URL is fetched; else null.
function takeEarly(input) {
  const early = globalThis.muEngineEarly;
  const href = typeof input === "string" || input instanceof URL ? new URL(input, location.href).href : null;
  if (!early || !early.files || !href) return null;
  if (early.asked) early.asked.add(href);
  const files = early.files;
  if (!files.has(href)) return null;
  const response = files.get(href);
  files.delete(href);
  return response;
}

// After a boot that failed: the responses no fetch took are let go (else
// the WebAssembly file's bytes would stay in memory for the worker's life).
export function dropEarlyFiles() {
  const files = globalThis.muEngineEarly && globalThis.muEngineEarly.files;
  if (!files) return;
  for (const response of files.values()) {
    response.then((r) => r.body && r.body.cancel()).catch(() => {});
  }
  files.clear();
}

// fetch(url, options), or the response already asked for (`started`).
export async function fetchOk(url, options, started = null) {
  let response;
  try {
    response = await (started || countedFetch(url, options));
  } catch (error) {
    throw downloadError();
  }
  if (!response.ok) throw new EngineError("missing", t("engine.missing", { status: response.status }));
  return response;
}

// The manifest; its request was started by the worker's entry (calculator-worker.js).
export async function fetchManifest() {
  const manifestUrl = new URL("calculators.json", PYODIDE_BASE);
  const early = globalThis.muEngineEarly && globalThis.muEngineEarly.manifest;
  const manifest = await (await fetchOk(manifestUrl, { cache: "no-cache" }, early)).json();
  if (!manifest.url || !/^[0-9a-f]{64}$/.test(manifest.sha256 || "")) {
    throw new EngineError("not-built", t("engine.not_built"));
  }
  return { manifest, manifestUrl };
}

export function integrityError() {
  return new EngineError("integrity", t("engine.integrity"));
}

export async function fetchWheel({ manifest, manifestUrl }) {
  const url = new URL(manifest.url, manifestUrl);
  const bytes = await (await fetchOk(url)).arrayBuffer();
  // Without crypto.subtle (a page served over plain http), Python checks the hash.
  const digest = globalThis.crypto && crypto.subtle ? hex(await crypto.subtle.digest("SHA-256", bytes)) : null;
  if (digest !== null && digest !== manifest.sha256) throw integrityError();
  return { bytes, sha256: manifest.sha256, checked: digest !== null };
}

// The trimmed standard library named by the manifest (absolute URL), or null.
export function stdlibURL({ manifest, manifestUrl }) {
  const entry = manifest.stdlib;
  return entry && entry.url && /^[0-9a-f]{64}$/.test(entry.sha256 || "") ? new URL(entry.url, manifestUrl).href : null;
}

// Where this device keeps the snapshot unpacked: the .gz's URL without
// ".gz" (a key of Cache Storage, never asked of the host). The service
// worker writes it there once it has stored the .gz and checked it against
// its SHA-256 (offline-sw.js, keepUnpacked: the same rule).
export function unpackedURL(url) {
  return new URL(String(url.href || url).replace(/\.gz$/, ""));
}

// The snapshot's raw bytes, or a rejection saying why it cannot be used.
// The .gz is unpacked while it is read and checked against its SHA-256
// before it is used. The copy this device keeps unpacked (`unpackedCopy`, its
// URL: a repeat visit) spares the worker's thread that work (0.1 s and more): the
// service worker wrote it from a checked .gz, so only its size is checked
// here (Pyodide checks its build too); a copy of the wrong size is dropped:
// the next visit takes the .gz again, and the service worker unpacks it
// anew once the page asks (offline.js).
export async function snapshotBytes(responsePromise, snapshot, unpackedCopy = null) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  if (unpackedCopy) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length !== snapshot.bytes) {
      await forgetKept(unpackedCopy);
      throw new Error("snapshot (unpacked copy): wrong size");
    }
    return bytes;
  }
  const [packed, inflating] = response.body.tee();
  const [gz, raw] = await Promise.allSettled([
    new Response(packed).arrayBuffer(),
    new Response(inflating.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  ]);
  if (gz.status === "rejected") throw gz.reason;
  if (hex(await crypto.subtle.digest("SHA-256", gz.value)) !== snapshot.sha256) throw new Error("snapshot: SHA-256 differs");
  if (raw.status === "rejected") throw raw.reason;
  const bytes = new Uint8Array(raw.value);
  if (snapshot.bytes && bytes.length !== snapshot.bytes) throw new Error("snapshot: wrong size");
  return bytes;
}

// A file as an earlier visit kept it in Cache Storage (the service worker's
// engine cache; for the snapshot, offline.js's copy where there is no
// service worker), or null. Asking the HTTP cache instead (`cache:
// "only-if-cached"`) crashed Chromium's page under DevTools' request
// interception (bench/run.py).
export async function fromCacheStorage(url) {
  if (!(globalThis.caches && typeof caches.match === "function")) return null;
  try {
    const response = await caches.match(url.href);
    return response && response.ok ? response : null;
  } catch (_) {
    return null; // no Cache Storage here (an opaque origin, a private window)
  }
}

// Drop a kept file from every cache of this origin that holds it.
export async function forgetKept(url) {
  if (!(globalThis.caches && typeof caches.keys === "function")) return;
  try {
    for (const name of await caches.keys()) await (await caches.open(name)).delete(url.href);
  } catch (_) {
    // nothing kept, or no Cache Storage here
  }
}
