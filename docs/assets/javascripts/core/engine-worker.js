// The engine: Pyodide and the site's wheel, in a module Web Worker, behind
// one door (engine/door.py). The page talks to it through core/engine.js.
// Imported by the worker's entry (calculator-worker.js), which has started
// the first downloads and kept the requests that came before this module.
//
//   in:  {id, tool, action, payload}      e.g. {id: 3, tool: "split", action: "present",
//                                               payload: {values, currency, locale}}
//        payload.bytes may be an ArrayBuffer (a file's bytes: transferred, not copied)
//   out: {id, ok: true, data}
//        {id, ok: false, errors: [{message, field?, kind}], data?}
//          kind "input": the reader's values (field: the one to change);
//          kind "engine": the engine could not start (offline and not kept, …; `engine` says which);
//          kind "internal": a bug (a Python exception): console.error here.
//   boot: {type: "progress", loaded, total}   bytes received so far, of total (null if unknown)
//         {type: "ready", snapshot, snapshotWhy, stdlib, ms, downloadMs?}
//         {type: "failed", kind, message}      kind: "offline" | "network" | "missing" | …
//
// Tools and actions are declared by the domains' bridges (engine/door.py):
// a new calculator needs no line here.

import "./catalog.js";
import { t } from "./words.js";
import { EngineError, boot, bootInfo } from "./engine-boot.js";
import { countedFetch, downloadError, dropEarlyFiles } from "./engine-files.js";
import { followDownload } from "./engine-progress.js";

// Pyodide's own fetches (the WebAssembly file, the standard library) are
// counted too, for the progress messages.
globalThis.fetch = countedFetch;

let pyodide = null;
let failure = null;

const ready = boot(followDownload((message) => self.postMessage(message))).then((started) => {
  pyodide = started.pyodide;
  if (started.later) {
    // A task after this one: the messages waiting for `ready` are answered first.
    setTimeout(() => started.later().catch((error) => console.warn("calculator-worker: wheel not unpacked", error)), 0);
  }
  return started.door;
});

ready.then(
  () => self.postMessage({ type: "ready", ...bootInfo }),
  (error) => {
    dropEarlyFiles();
    failure = engineError(error);
    self.postMessage({ type: "failed", kind: failure.kind, message: failure.message });
  },
);

function engineError(error) {
  if (error instanceof EngineError) return error;
  if (globalThis.navigator && navigator.onLine === false) return downloadError();
  console.warn("calculator-worker:", error);
  return new EngineError("unsupported", t("engine.unsupported"));
}

// One request through the door; the answer as the protocol above says.
async function answer({ id, tool, action, payload }) {
  let door;
  try {
    door = await ready;
  } catch (_) {
    return { id, ok: false, errors: [{ kind: "engine", engine: failure.kind, message: failure.message }] };
  }
  const { bytes, ...rest } = payload || {};
  const blob = bytes ? pyodide.toPy(new Uint8Array(bytes)) : undefined; // a memoryview: one copy, not a proxy per byte
  try {
    return { id, ...JSON.parse(door.call(tool, action, JSON.stringify(rest), blob)) };
  } catch (error) {
    // A Python exception is a bug, never the reader's input: log it as an error.
    console.error("calculator-worker: internal error", error);
    return { id, ok: false, errors: [{ kind: "internal", message: t("engine.internal") }] };
  } finally {
    if (blob) blob.destroy();
  }
}

async function onMessage(event) {
  self.postMessage(await answer(event.data || {}));
}

self.onmessage = onMessage;
for (const event of (self.muEngineEarly && self.muEngineEarly.messages) || []) onMessage(event);
