// The page's one client of the engine (Pyodide in calculator-worker.js):
//
//   call(tool, action, payload)   -> Promise<{ok: true, data} | {ok: false, errors: [{message, field?, kind}]}>
//   followEngine(listener)        -> stop(); listener(state) now and at each change
//   engineState()                 -> {name, loaded?, total?, kind?, message?}
//
// State names: "idle" (not asked for yet), "starting" (loaded/total: bytes
// of the first download, when known), "ready", "failed" (kind, message: in
// the reader's words), "not-kept" (offline, and the engine was not kept on
// this device: message says what to do next time; it starts by itself when
// the connection comes back).
// Tools and actions: see engine/door.py (a calculator's id with "present",
// "form"…; "agreements" with "render", "prefill", "recommend").
//
// One worker for the visit, reused across instant navigations; it is left on
// window.__muCalculatorWorker, where the tests and bench/run.py read its boot
// status (muBootStatus). Started after Material's script has run, never from
// <head> (sitebuild/calculators_runtime.py says why).

import { t } from "./words.js";

const WORKER = new URL("../calculator-worker.js", import.meta.url);
const WASM = new URL("../../pyodide/runtime/pyodide.asm.wasm", import.meta.url);

// The worker's name says whether this page came over a distant link (its
// HTML's first byte 50 ms or more after the request: mobile, workshop
// Wi-Fi): then the worker asks for the WebAssembly file at once
// (calculator-worker.js). A page the service worker answered says nothing.
const DISTANT_MS = 50;
const NAME = "mutuus-engine";
const NAME_DISTANT = "mutuus-engine (distant link)"; // calculator-worker.js reads its end

function distantLink() {
  const page = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  return Boolean(page && page.responseStart - page.requestStart >= DISTANT_MS);
}

let worker = null;
let state = { name: "idle" };
let starting = null;
let nextId = 1;
const pending = new Map();
const listeners = new Set();

function setState(next) {
  state = next;
  for (const listener of listeners) listener(state);
}

export function engineState() {
  return state;
}

export function followEngine(listener) {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

function onMessage(event) {
  const data = event.data || {};
  if (data.type === "progress" && state.name === "starting") setState({ name: "starting", loaded: data.loaded, total: data.total });
  if (data.type === "ready" || data.type === "failed") {
    worker.muBootStatus = data; // kept on the worker: a later reader cannot miss it
    const failed = data.kind === "offline" ? "not-kept" : "failed";
    // No message: the worker could not load its own modules (nor the words).
    const message = data.message || t(data.kind === "offline" ? "engine.not_kept" : "engine.download_failed");
    if (data.type === "failed") data.message = message;
    setState(data.type === "ready" ? { name: "ready" } : { name: failed, kind: data.kind, message });
  }
  if (typeof data.id !== "string" || !pending.has(data.id)) return;
  const resolve = pending.get(data.id);
  pending.delete(data.id);
  const { id, ...reply } = data;
  resolve(reply);
}

// The worker, created if it was not.
function engineWorker() {
  if (worker === null) {
    worker = new Worker(WORKER, { type: "module", name: distantLink() ? NAME_DISTANT : NAME });
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", () => {
      const offline = navigator.onLine === false;
      const message = t(offline ? "engine.not_kept" : "engine.download_failed");
      worker.muBootStatus = { type: "failed", kind: offline ? "offline" : "network", message };
      setState({ name: offline ? "not-kept" : "failed", kind: worker.muBootStatus.kind, message });
      for (const resolve of pending.values()) resolve(engineDown());
      pending.clear();
    });
    window.__muCalculatorWorker = worker;
    if (state.name === "idle") setState({ name: "starting" });
  }
  return worker;
}

// Whether the engine's files are in Cache Storage (kept for offline use).
async function kept() {
  if (!("caches" in window)) return false;
  try {
    return Boolean(await caches.match(WASM.href));
  } catch (_) {
    return false;
  }
}

// Start the engine now (a page that will need it soon). Offline, without
// the engine kept on this device, it does not try (nothing could come) and
// says so at once; it starts when the connection comes back.
export function startEngine() {
  if (worker || starting) return starting || Promise.resolve(state);
  starting = (async () => {
    if (navigator.onLine === false && !(await kept())) {
      setState({ name: "not-kept", kind: "offline", message: t("engine.not_kept") });
      window.addEventListener("online", () => {
        starting = null;
        setState({ name: "starting" });
        startEngine();
      }, { once: true });
      return state;
    }
    try {
      engineWorker();
    } catch (error) {
      console.warn("engine.js:", error);
      setState({ name: "failed", kind: "unsupported", message: t("engine.no_worker") });
    }
    return state;
  })();
  return starting;
}

function engineDown() {
  return { ok: false, errors: [{ kind: "engine", engine: state.kind, message: state.message }] };
}

// One request through the engine's door; payload.bytes may be an ArrayBuffer (transferred).
export async function call(tool, action, payload = {}) {
  await startEngine();
  if (state.name === "failed" || state.name === "not-kept") return engineDown();
  return new Promise((resolve) => {
    const id = `door-${nextId++}`;
    pending.set(id, resolve);
    const transfer = payload.bytes instanceof ArrayBuffer ? [payload.bytes] : [];
    worker.postMessage({ id, tool, action, payload }, transfer);
  });
}
