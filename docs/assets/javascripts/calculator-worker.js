// Calculator engine: Pyodide and the calculators wheel, in a module Web Worker.
//
// Everything comes from the site itself: the Pyodide runtime copied by
// hooks/calculators_runtime.py into assets/pyodide/runtime/, and the wheel
// named by assets/pyodide/calculators.json ({url, sha256}). The wheel is
// refused if its SHA-256 differs from the manifest. No micropip, no
// loadPackage, no CDN.
//
// Faster start (issue 12): when the manifest names a memory snapshot
// ({snapshot: {url, sha256, bytes}}, made at build time by sitebuild/snapshot.py
// after `import calculators.bridge`), the worker fetches it (gzip, checked
// against its SHA-256, unpacked with DecompressionStream) and boots Pyodide
// from it: no Python start-up, no imports. On any failure (missing file,
// corrupt bytes, another Pyodide build, no DecompressionStream) it says so
// with console.info and starts the ordinary way.
//
// Protocol (extensible: one handler per message type, see HANDLERS below):
//   in:  {type, id, ...}                 e.g. {type: "present", id, command, payload, currency, locale}
//                                        or {type: "form", id, command, text} (a file's text, or a JSON object)
//                                        or {type: "usage-log", id, bytes, partners, period, fileName, locale}
//                                        or {type: "statement-documents", id, input, log, currency, locale}
//                                        (both from usage-log.js, the statement page)
//   out: {type, id, ok: true, result}    (the JSON string of calculators.bridge.present_form, or .form)
//        {type, id, ok: false, error: {kind, message}}
//          kind "engine": the engine could not start (French message for the page);
//          kind "internal": a bug (a Python exception): console.error here, and the
//          page shows "Erreur interne du calculateur" with what to report.
//   boot: {type: "ready"} | {type: "failed", message}

import { loadPyodide } from "../pyodide/runtime/pyodide.mjs";

const PYODIDE_BASE = new URL("../pyodide/", import.meta.url);

class EngineError extends Error {}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fetchOk(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new EngineError(
      "Le moteur de calcul n'a pas pu être téléchargé. Vérifiez votre connexion, puis rechargez la page.",
    );
  }
  if (!response.ok) {
    throw new EngineError(
      `Le moteur de calcul est introuvable sur ce site (erreur ${response.status}). ` +
        "Signalez-le aux responsables du site.",
    );
  }
  return response;
}

async function fetchManifest() {
  const manifestUrl = new URL("calculators.json", PYODIDE_BASE);
  const manifest = await (await fetchOk(manifestUrl, { cache: "no-cache" })).json();
  if (!manifest.url || !/^[0-9a-f]{64}$/.test(manifest.sha256 || "")) {
    throw new EngineError(
      "Le moteur de calcul n'a pas été construit avec ce site. Signalez-le aux responsables du site.",
    );
  }
  return { manifest, manifestUrl };
}

async function fetchWheel({ manifest, manifestUrl }) {
  const url = new URL(manifest.url, manifestUrl);
  const bytes = await (await fetchOk(url)).arrayBuffer();
  // Without crypto.subtle (a page served over plain http), Python checks the hash.
  const digest = globalThis.crypto && crypto.subtle ? hex(await crypto.subtle.digest("SHA-256", bytes)) : null;
  if (digest !== null && digest !== manifest.sha256) {
    throw integrityError();
  }
  return { bytes, sha256: manifest.sha256, checked: digest !== null };
}

function integrityError() {
  return new EngineError(
    "Le moteur de calcul reçu ne correspond pas à celui publié avec ce site (empreinte SHA-256 différente) : " +
      "il a été refusé. Rechargez la page ; si le message revient, signalez-le aux responsables du site.",
  );
}

// The snapshot's raw bytes, or a rejection saying why it cannot be used.
async function fetchSnapshot({ manifest, manifestUrl }) {
  const snapshot = manifest.snapshot;
  if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
  if (!(globalThis.crypto && crypto.subtle)) throw new Error("no crypto.subtle to check the snapshot");
  const response = await fetch(new URL(snapshot.url, manifestUrl));
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const gz = await response.arrayBuffer();
  if (hex(await crypto.subtle.digest("SHA-256", gz)) !== snapshot.sha256) throw new Error("snapshot: SHA-256 differs");
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
  const raw = new Uint8Array(await new Response(stream).arrayBuffer());
  if (snapshot.bytes && raw.length !== snapshot.bytes) throw new Error("snapshot: wrong size");
  return raw;
}

// Unpack the calculators wheel into site-packages (named by sys.path;
// `sysconfig` would cost an import at every boot).
function unpackWheel(pyodide, data) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(data, "wheel", { extractDir: sitePackages });
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

// Boot from the snapshot: the modules are already imported. The memory holds
// no files, so the (small) wheel is unpacked too, for any later import.
async function bootFromSnapshot(indexURL, found, wheelPromise) {
  const snapshot = fetchSnapshot(found);
  // loadPyodide awaits it only after loading its script: a rejection before
  // then must not count as unhandled (loadPyodide rejects with it below).
  snapshot.catch(() => {});
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot });
  const bridge = pyodide.pyimport("calculators.bridge");
  const wheel = await wheelPromise;
  if (wheel.checked) unpackWheel(pyodide, new Uint8Array(wheel.bytes));
  return { pyodide, bridge };
}

async function boot() {
  const indexURL = new URL("runtime/", PYODIDE_BASE).href;
  const found = await fetchManifest();
  const wheelPromise = fetchWheel(found);
  wheelPromise.catch(() => {}); // handled below, by whichever path awaits it
  let started = null;
  if (found.manifest.snapshot && found.manifest.snapshot.url) {
    try {
      started = await bootFromSnapshot(indexURL, found, wheelPromise);
      bootInfo.snapshot = true;
    } catch (error) {
      if (error instanceof EngineError) throw error;
      console.info("calculator-worker: snapshot not used, ordinary start.", String(error && error.message || error));
    }
  }
  if (started === null) {
    const [pyodide, wheel] = await Promise.all([loadPyodide({ indexURL }), wheelPromise]);
    const data = new Uint8Array(wheel.bytes);
    if (!wheel.checked) {
      pyodide.globals.set("_mu_wheel", data);
      const digest = pyodide.runPython("import hashlib; hashlib.sha256(_mu_wheel.to_py()).hexdigest()");
      pyodide.globals.delete("_mu_wheel");
      if (digest !== wheel.sha256) throw integrityError();
    }
    unpackWheel(pyodide, data);
    started = { pyodide, bridge: pyodide.pyimport("calculators.bridge") };
  }
  agreementPyodide = started.pyodide; // lane agreements: see the "agreement" message at the end
  return started.bridge;
}

// Sent with "ready": {snapshot: true} when the engine booted from the snapshot.
const bootInfo = { snapshot: false };

const ready = boot();

ready.then(
  () => self.postMessage({ type: "ready", ...bootInfo }),
  (error) => self.postMessage({ type: "failed", message: frenchMessage(error) }),
);

function frenchMessage(error) {
  if (error instanceof EngineError) return error.message;
  console.warn("calculator-worker:", error);
  return (
    "Le moteur de calcul n'a pas pu démarrer dans ce navigateur. " +
    "Essayez avec une version récente de Firefox, Chrome, Edge ou Safari."
  );
}

export const INTERNAL_ERROR =
  "Erreur interne du calculateur : le calcul n'a pas pu se faire, et ce n'est pas dû à vos valeurs. " +
  "Signalez-le aux responsables du site en joignant le scénario exporté (bouton « Exporter le scénario ») " +
  "et le message affiché dans la console du navigateur.";

// One function per message type: (bridge, message) -> result. Another lane may
// add its own type here (for example the agreements' assembly) without touching the others.
const HANDLERS = {
  // The form's values as typed: present_form reads the fields labelled in percent in percent.
  present: (bridge, { command, payload, currency, locale }) =>
    bridge.present_form(command, JSON.stringify(payload), currency || "$", locale || "fr_CA"),
  form: (bridge, { command, text }) => bridge.form(command, text),
  // The statement page's usage log (usage-log.js): the file's bytes, read by the CLI's parser.
  "usage-log": (bridge, { bytes, partners, period, fileName, locale }) => {
    const data = agreementPyodide.toPy(new Uint8Array(bytes)); // a memoryview: one copy, not a proxy per byte
    try {
      return bridge.read_usage_log(data, JSON.stringify(partners), JSON.stringify(period || null), fileName || "", locale || "fr_CA");
    } finally {
      data.destroy();
    }
  },
  "statement-documents": (bridge, { input, log, currency, locale }) =>
    bridge.statement_documents(JSON.stringify(input), JSON.stringify(log || null), currency || "$", locale || "fr_CA"),
};

self.onmessage = async (event) => {
  if (event.data && event.data.type === "agreement") return agreementMessage(event.data); // lane agreements
  const message = event.data || {};
  const { id } = message;
  const type = message.type || "present";
  const handler = HANDLERS[type];
  if (!handler) {
    console.error("calculator-worker: unknown message type", type);
    self.postMessage({ type, id, ok: false, error: { kind: "internal", message: INTERNAL_ERROR } });
    return;
  }
  let bridge;
  try {
    bridge = await ready;
  } catch (error) {
    self.postMessage({ type, id, ok: false, error: { kind: "engine", message: frenchMessage(error) } });
    return;
  }
  try {
    self.postMessage({ type, id, ok: true, result: handler(bridge, message) });
  } catch (error) {
    // A Python exception is a bug, never the user's input: say so, and log it as an error.
    console.error("calculator-worker: internal error", error);
    self.postMessage({ type, id, ok: false, error: { kind: "internal", message: INTERNAL_ERROR } });
  }
};

// ---- Agreements (lane agreements, issue 9) ---------------------------------
// In:  {type: "agreement", id, action: "render" | "prefill" | "recommend", args: [strings]}
//      render: agreements.bridge.render(model_json, territory, draft_json)
//      prefill: agreements.bridge.prefill(fields_json, sources_json, currency, locale, draft_json)
//      recommend: agreements.bridge.recommend(situation_json) (the chooser, chooser.js)
// Out: {agreement: id, json} | {agreement: id, error}  (no `type`: not a boot status)
let agreementPyodide = null;

async function agreementMessage({ id, action, args }) {
  try {
    await ready;
  } catch (error) {
    self.postMessage({ agreement: id, error: frenchMessage(error) });
    return;
  }
  try {
    if (!["render", "prefill", "recommend"].includes(action)) throw new Error(`unknown agreement action ${action}`);
    const bridge = agreementPyodide.pyimport("agreements.bridge");
    self.postMessage({ agreement: id, json: bridge[action](...args) });
  } catch (error) {
    console.error("calculator-worker (agreement):", error);
    self.postMessage({ agreement: id, error: "Le moteur n'a pas pu répondre (erreur du programme). Signalez-le aux responsables du site." });
  }
}
