// Node unit tests for core/engine-files.js: the bytes the progress messages
// count. On a distant link the worker's entry (calculator-worker.js) starts
// the WebAssembly file's download before this module has come and counts its
// bytes as they arrive (muEngineEarly.bytes, muEngineEarly.onBytes): they are
// counted from then on, and not a second time when Pyodide reads the file.
import { test } from "node:test";
import assert from "node:assert/strict";

const WORKER = "https://example.org/assets/javascripts/calculator-worker.js";
const WASM = "https://example.org/assets/pyodide/runtime/pyodide.asm.wasm";
const OTHER = "https://example.org/assets/pyodide/runtime/python_stdlib.zip";

// What the worker's entry sets up before it imports the engine's modules.
const early = { files: new Map(), asked: new Set(), bytes: 0, onBytes: null };
globalThis.muEngineEarly = early;
globalThis.location = new URL(WORKER);
globalThis.fetch = async () => new Response(new Uint8Array(200));
const { bytesReceived, countedFetch, onBytes } = await import("../../docs/assets/javascripts/core/engine-files.js");

const heard = [];
onBytes((bytes) => heard.push(bytes));

test("bytes the entry received before the engine's modules came are counted as they come", () => {
  early.bytes += 300; // the entry's drained branch, chunk by chunk
  early.onBytes();
  assert.equal(bytesReceived(), 300);
  assert.deepEqual(heard, [300]);
});

test("the early response, read by Pyodide, is not counted again; other fetches are", async () => {
  const before = bytesReceived();
  early.files.set(WASM, Promise.resolve(new Response(new Uint8Array(300))));
  const wasm = await countedFetch(WASM);
  assert.equal((await wasm.arrayBuffer()).byteLength, 300);
  assert.equal(bytesReceived(), before);
  const other = await countedFetch(OTHER);
  assert.equal((await other.arrayBuffer()).byteLength, 200);
  assert.equal(bytesReceived(), before + 200);
  assert.equal(heard.at(-1), before + 200);
});

// The page, the worker's entry and the snapshot's decision each say what a
// distant link is (three module graphs: the entry imports nothing at first).
test("the page, the worker's entry and the snapshot's decision agree on a distant link", async () => {
  const { readFile } = await import("node:fs/promises");
  const js = new URL("../../docs/assets/javascripts/", import.meta.url);
  const figure = async (file, name) => {
    const found = (await readFile(new URL(file, js), "utf8")).match(new RegExp(`const ${name} = (\\d+);`));
    assert.ok(found, `${file}: ${name}`);
    return Number(found[1]);
  };
  const page = await figure("core/engine.js", "DISTANT_MS");
  assert.equal(await figure("calculator-worker.js", "FAR_MS"), page);
  assert.equal(await figure("core/engine-snapshot.js", "DISTANT_MS"), page);
});

// The snapshot this device keeps unpacked (the service worker writes it:
// offline-sw.js): read as it is, its size checked; a copy of the wrong size
// is dropped from Cache Storage, so that the next visit takes the .gz again.
test("the unpacked snapshot is read as it is, and dropped when its size is wrong", async () => {
  const { snapshotBytes, unpackedURL } = await import("../../docs/assets/javascripts/core/engine-files.js");
  const gz = new URL("https://example.org/assets/pyodide/snapshots/k/calculators.snap.gz");
  const at = unpackedURL(gz);
  assert.equal(at.href, "https://example.org/assets/pyodide/snapshots/k/calculators.snap");
  const deleted = [];
  globalThis.caches = {
    keys: async () => ["mutuus-engine-x-/"],
    open: async () => ({ delete: async (key) => deleted.push(key) }),
  };
  try {
    const snapshot = { bytes: 64, sha256: "never read for the unpacked copy" };
    const bytes = await snapshotBytes(Promise.resolve(new Response(new Uint8Array(64).fill(7))), snapshot, at);
    assert.equal(bytes.length, 64);
    assert.equal(bytes[63], 7);
    assert.deepEqual(deleted, []);
    await assert.rejects(
      snapshotBytes(Promise.resolve(new Response(new Uint8Array(60))), snapshot, at),
      /unpacked copy\): wrong size/,
    );
    assert.deepEqual(deleted, [at.href]);
  } finally {
    delete globalThis.caches;
  }
});
