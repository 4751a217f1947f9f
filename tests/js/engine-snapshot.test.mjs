// Node unit tests for core/engine-snapshot.js: where a repeat visit takes
// the memory snapshot from. The copy the service worker keeps unpacked
// (offline-sw.js) comes first: the worker's thread then has nothing to
// unpack (issue 27); else the .gz kept beside it.
import { test } from "node:test";
import assert from "node:assert/strict";

globalThis.location = new URL("https://example.org/assets/javascripts/calculator-worker.js");
const { snapshotSource } = await import("../../docs/assets/javascripts/core/engine-snapshot.js");

const manifestUrl = new URL("https://example.org/assets/pyodide/calculators.json");
const found = {
  manifestUrl,
  manifest: { url: "wheels/w.whl", snapshot: { url: "snapshots/k/calculators.snap.gz", bytes: 64, gzip_bytes: 20, sha256: "0".repeat(64) } },
};
const GZ = "https://example.org/assets/pyodide/snapshots/k/calculators.snap.gz";
const UNPACKED = "https://example.org/assets/pyodide/snapshots/k/calculators.snap";

async function sourceWith(kept, manifest = found.manifest) {
  globalThis.caches = { match: async (href) => (kept.includes(href) ? new Response(href) : undefined) };
  try {
    const wheel = Promise.reject(new Error("not needed: the snapshot is kept"));
    wheel.catch(() => {});
    const source = await snapshotSource({ ...found, manifest }, wheel, {});
    return { why: source.why, at: source.unpackedCopy ? source.unpackedCopy.href : null, body: source.response && (await (await source.response).text()) };
  } finally {
    delete globalThis.caches;
  }
}

test("the unpacked copy comes first, then the .gz", async () => {
  assert.deepEqual(await sourceWith([GZ, UNPACKED]), { why: "kept", at: UNPACKED, body: UNPACKED });
  assert.deepEqual(await sourceWith([UNPACKED]), { why: "kept", at: UNPACKED, body: UNPACKED });
  assert.deepEqual(await sourceWith([GZ]), { why: "kept", at: null, body: GZ });
});

// A manifest that does not say the unpacked size (one written before it
// did): the copy cannot be checked, so it is not used.
test("without the unpacked size in the manifest, the unpacked copy is not used", async () => {
  const { bytes, ...snapshot } = found.manifest.snapshot;
  const manifest = { ...found.manifest, snapshot };
  assert.deepEqual(await sourceWith([GZ, UNPACKED], manifest), { why: "kept", at: null, body: GZ });
});
