// Whether the worker boots Pyodide from the memory snapshot (made at build
// time by sitebuild/snapshot.py after the wheel's imports): no Python
// start-up, no imports. The snapshot (about 5 MB gzipped) costs more to
// download on a first visit over a 10 Mbit/s link than the start-up it
// saves. So it is used when an earlier visit kept it (in Cache Storage: the
// service worker's engine cache, or offline.js's copy where there is no
// service worker), or when its download takes less time than it saves
// (SNAPSHOT_BUDGET_MS; the link's rate is measured on the wheel, fetched
// just before). Otherwise the worker starts the ordinary way, and offline.js
// keeps the snapshot for the next visit once the engine is up.

import { PYODIDE_MJS, countedFetch, fromCacheStorage, unpackedURL } from "./engine-files.js";

// On a first visit, the snapshot is downloaded only where that takes less
// time than restoring it saves (Python's start-up and the imports): with the
// compiled, trimmed standard library, 300 to 750 ms in Chromium on the
// development machine (busy: an idle one saves less). So about 75 Mbit/s
// and more for its 4.6 MB: a local network, fibre; not a 10 Mbit/s link.
const SNAPSHOT_BUDGET_MS = 500;

// A link whose first byte comes this long after the request is distant: the
// same figure as the page's DISTANT_MS (core/engine.js) and the worker
// entry's FAR_MS (calculator-worker.js), which start the WebAssembly file's
// download at once on such a link.
const DISTANT_MS = 50;

// What a file's Resource Timing entry says of the link: {rate: bytes per ms
// of its body, wait: ms from request to first byte}; null when it came from
// a cache (nothing measured) or its body took less than minMs (a small file
// may come in one burst: too short to tell; then Infinity for a larger one).
// Through a service worker (no transferSize), the timing is the network's
// unless the worker answered from Cache Storage.
async function linkSample(url, minMs) {
  const entry = performance.getEntriesByName(url.href).pop();
  if (!entry || !entry.encodedBodySize) return null;
  if (!entry.transferSize && !(entry.workerStart > 0 && !(await fromCacheStorage(url)))) return null;
  const ms = entry.responseEnd - entry.responseStart;
  if (ms < minMs) return null;
  return { rate: ms > 0 ? entry.encodedBodySize / ms : Infinity, wait: entry.responseStart - entry.requestStart };
}

// {response: Promise<Response> | null, why: "kept" | "pays" | "does not
// pay" | "link not measured" | "none" | …, unpackedCopy?: the URL of the
// unpacked copy when the response is that copy}; bootInfo gets the time its
// download would take (downloadMs).
export async function snapshotSource(found, wheelPromise, bootInfo) {
  const snapshot = found.manifest.snapshot;
  if (!snapshot || !snapshot.url) return { response: null, why: "none" };
  if (typeof DecompressionStream !== "function") return { response: null, why: "no DecompressionStream" };
  if (!(globalThis.crypto && crypto.subtle)) return { response: null, why: "no crypto.subtle to check it" };
  const url = new URL(snapshot.url, found.manifestUrl);
  // Unpacked by the service worker (offline-sw.js) once an earlier visit
  // kept the .gz: read as it is (engine-files.js, snapshotBytes).
  const [unpacked, kept] = await Promise.all([fromCacheStorage(unpackedURL(url)), fromCacheStorage(url)]);
  if (unpacked && snapshot.bytes) return { response: Promise.resolve(unpacked), why: "kept", unpackedCopy: unpackedURL(url) };
  if (kept) return { response: Promise.resolve(kept), why: "kept" };
  const bytes = snapshot.gzip_bytes || snapshot.bytes || 0;
  // pyodide.mjs (7 kB, already here) tells a distant, slow link at once,
  // without waiting for the wheel: at 10 Mbit/s and 100 ms its body takes
  // 6 ms, its first byte 100 ms. A near link (a local network; 127.0.0.1 on
  // a busy machine) waits for the wheel: the faster of the two is the link.
  const early = await linkSample(PYODIDE_MJS, 1);
  if (early && early.wait >= DISTANT_MS && bytes / early.rate > 4 * SNAPSHOT_BUDGET_MS) {
    bootInfo.downloadMs = Math.round(bytes / early.rate);
    return { response: null, why: "does not pay" };
  }
  try {
    await wheelPromise;
  } catch (_) {
    return { response: null, why: "link not measured" };
  }
  const samples = [early, await linkSample(new URL(found.manifest.url, found.manifestUrl), 0)].filter(Boolean);
  const rate = samples.reduce((best, sample) => Math.max(best, sample.rate), 0);
  const downloadMs = rate > 0 ? bytes / rate : Infinity;
  if (Number.isFinite(downloadMs)) bootInfo.downloadMs = Math.round(downloadMs);
  if (downloadMs <= SNAPSHOT_BUDGET_MS) return { response: countedFetch(url), why: "pays" };
  return { response: null, why: rate > 0 ? "does not pay" : "link not measured" };
}
