// Node unit tests for core/engine-progress.js: which boots say how much of
// the engine has come. A first visit downloads it (figures, the snapshot
// counted only when it comes from the network); an engine kept on this
// device (a repeat visit) starts from files already here: no figures.
import { test } from "node:test";
import assert from "node:assert/strict";

// assets/offline.json as the build writes it: the engine's files and their sizes.
const FILES = [
  { url: "assets/pyodide/runtime/pyodide.asm.wasm", bytes: 1000 },
  { url: "assets/pyodide/snapshots/0123/calculators.snap.gz", bytes: 500 },
];
globalThis.fetch = async () => new Response(JSON.stringify({ engine: { files: FILES } }));
const { followDownload } = await import("../../docs/assets/javascripts/core/engine-progress.js");

// The messages posted once boot() has decided, for a snapshot source.
async function postedFor(source) {
  const posted = [];
  const decided = followDownload((message) => posted.push(message));
  await new Promise((resolve) => setTimeout(resolve, 10)); // offline.json read
  decided({}, source);
  return posted;
}

test("a first visit that boots the ordinary way counts the engine without the snapshot", async () => {
  assert.deepEqual(await postedFor({ response: null, why: "does not pay" }), [{ type: "progress", loaded: 0, total: 1000 }]);
});

test("a first visit that downloads the snapshot counts it too", async () => {
  assert.deepEqual(await postedFor({ response: Promise.resolve(null), why: "pays" }), [{ type: "progress", loaded: 0, total: 1500 }]);
});

test("an engine kept on this device posts no figures", async () => {
  assert.deepEqual(await postedFor({ response: Promise.resolve(null), why: "kept" }), []);
});

test("a boot that decides before assets/offline.json has come still gets its figures", async () => {
  // On a loaded machine or a distant link the facts may come after the boot's decision.
  let answer;
  const late = new Promise((resolve) => (answer = resolve));
  const saved = globalThis.fetch;
  globalThis.fetch = () => late;
  const posted = [];
  const decided = followDownload((message) => posted.push(message));
  globalThis.fetch = saved;
  decided({}, { response: null, why: "does not pay" });
  assert.deepEqual(posted, []);
  answer(new Response(JSON.stringify({ engine: { files: FILES } })));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(posted, [{ type: "progress", loaded: 0, total: 1000 }]);
});
