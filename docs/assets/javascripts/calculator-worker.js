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
// On a real connection (issue 27): the snapshot (5.3 MB gzipped) costs more
// to download on a first visit over a 10 Mbit/s link than the start-up it
// saves. So the worker boots from it when it was kept by an earlier visit
// (in Cache Storage: the service worker's engine cache, or offline.js's copy
// where there is no service worker), or when its download would take less time
// than it saves (SNAPSHOT_BUDGET_MS; the link's rate is measured on the
// wheel, fetched just before). Otherwise it starts the ordinary way, and
// offline.js keeps the snapshot for the next visit once the engine is up.
// Its "ready" message says why: {snapshot, snapshotWhy: "kept" | "pays" |
// "does not pay" | ..., downloadMs}.
//
// Trimmed standard library (issue 27): when the manifest names one
// ({stdlib: {url, sha256}}, sitebuild/snapshot.py: 0.7 MB instead of
// Pyodide's 2.4 MB python_stdlib.zip), Pyodide boots with it (stdLibURL)
// and the worker checks the bytes Python got against the SHA-256. If it
// cannot be had (a host without the file), the ordinary start takes
// Pyodide's full zip instead (console.warn), and the snapshot, made with the
// trimmed zip, is not used.
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

const PYODIDE_BASE = new URL("../pyodide/", import.meta.url);
// Imported at once, beside the manifest's request (a static import would
// make the manifest wait for it: one round trip more on a slow link).
const PYODIDE_MJS = new URL("runtime/pyodide.mjs", PYODIDE_BASE);
const pyodideModule = import(PYODIDE_MJS.href);
pyodideModule.catch(() => {}); // boot() reports it
let loadPyodide = null;

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

// On a first visit, the snapshot is downloaded only where that takes less
// time than restoring it saves (Python's start-up and the imports): with the
// compiled, trimmed standard library, 300 to 750 ms in Chromium on the
// development machine (busy: an idle one saves less). So about 75 Mbit/s
// and more for its 4.6 MB: a local network, fibre; not a 10 Mbit/s link.
const SNAPSHOT_BUDGET_MS = 500;

// The trimmed standard library named by the manifest (absolute URL), or null.
function stdlibURL({ manifest, manifestUrl }) {
  const entry = manifest.stdlib;
  return entry && entry.url && /^[0-9a-f]{64}$/.test(entry.sha256 || "") ? new URL(entry.url, manifestUrl).href : null;
}

// Pyodide fetched the standard library itself: check that what Python got is
// the trimmed zip the manifest names (the snapshot was made with those very
// bytes). Throws if not.
async function checkStdlib(pyodide, { manifest }) {
  const path = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))");
  const info = pyodide.FS.analyzePath(path);
  if (!info.exists) throw new Error("trimmed standard library: missing");
  if (!(globalThis.crypto && crypto.subtle)) return;
  const digest = hex(await crypto.subtle.digest("SHA-256", pyodide.FS.readFile(path)));
  if (digest !== manifest.stdlib.sha256) throw new Error("trimmed standard library: SHA-256 differs");
}

// The snapshot's raw bytes, or a rejection saying why it cannot be used. It
// is unpacked while it is read (a repeat visit reads it from a cache: 0.1 s
// saved), and checked against its SHA-256 before it is used.
async function snapshotBytes(responsePromise, snapshot) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const [packed, unpacked] = response.body.tee();
  const [gz, raw] = await Promise.allSettled([
    new Response(packed).arrayBuffer(),
    new Response(unpacked.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  ]);
  if (gz.status === "rejected") throw gz.reason;
  if (hex(await crypto.subtle.digest("SHA-256", gz.value)) !== snapshot.sha256) throw new Error("snapshot: SHA-256 differs");
  if (raw.status === "rejected") throw raw.reason;
  const bytes = new Uint8Array(raw.value);
  if (snapshot.bytes && bytes.length !== snapshot.bytes) throw new Error("snapshot: wrong size");
  return bytes;
}

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

// A file as an earlier visit kept it in Cache Storage (the service worker's
// engine cache; for the snapshot, offline.js's copy where there is no
// service worker), or null. Asking the HTTP cache instead (`cache:
// "only-if-cached"`) crashed Chromium's page under DevTools' request
// interception (bench/run.py).
async function fromCacheStorage(url) {
  if (!(globalThis.caches && typeof caches.match === "function")) return null;
  try {
    const response = await caches.match(url.href);
    return response && response.ok ? response : null;
  } catch (_) {
    return null; // no Cache Storage here (an opaque origin, a private window)
  }
}

// Whether to boot from the snapshot: {response: Promise<Response> | null,
// why} (see the top of this file). bootInfo gets the time its download would take.
async function snapshotSource(found, wheelPromise) {
  const snapshot = found.manifest.snapshot;
  if (!snapshot || !snapshot.url) return { response: null, why: "none" };
  if (typeof DecompressionStream !== "function") return { response: null, why: "no DecompressionStream" };
  if (!(globalThis.crypto && crypto.subtle)) return { response: null, why: "no crypto.subtle to check it" };
  const url = new URL(snapshot.url, found.manifestUrl);
  const kept = await fromCacheStorage(url);
  if (kept) return { response: Promise.resolve(kept), why: "kept" };
  const bytes = snapshot.gzip_bytes || snapshot.bytes || 0;
  // pyodide.mjs (7 kB, already here) tells a distant, slow link at once,
  // without waiting for the wheel: at 10 Mbit/s and 100 ms its body takes
  // 6 ms, its first byte 100 ms. A near link (a local network; 127.0.0.1 on
  // a busy machine) waits for the wheel: the faster of the two is the link.
  const early = await linkSample(PYODIDE_MJS, 1);
  if (early && early.wait >= 50 && bytes / early.rate > 4 * SNAPSHOT_BUDGET_MS) {
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
  if (downloadMs <= SNAPSHOT_BUDGET_MS) return { response: fetch(url), why: "pays" };
  return { response: null, why: rate > 0 ? "does not pay" : "link not measured" };
}

// Unpack the calculators wheel into site-packages (named by sys.path;
// `sysconfig` would cost an import at every boot).
function unpackWheel(pyodide, data) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(data, "wheel", { extractDir: sitePackages });
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

// Boot from the snapshot: every module of the wheel is already imported
// (offline/snapshot.mjs). The memory holds no files, so the (small) wheel is
// unpacked too, for any later import, but after the first answers
// (`later`). The snapshot was made with the trimmed standard library:
// without it, no snapshot.
async function bootFromSnapshot(indexURL, found, source, stdlib, wheelPromise) {
  const snapshot = snapshotBytes(source.response, found.manifest.snapshot);
  // loadPyodide awaits it only after loading its script: a rejection before
  // then must not count as unhandled (loadPyodide rejects with it below).
  snapshot.catch(() => {});
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot, ...(stdlib ? { stdLibURL: stdlib } : {}) });
  step("pyodide");
  if (stdlib) await checkStdlib(pyodide, found);
  const bridge = pyodide.pyimport("calculators.bridge");
  const wheel = await wheelPromise; // refused (EngineError) if its SHA-256 differs, as on the ordinary start
  const later = async () => {
    if (wheel.checked) unpackWheel(pyodide, new Uint8Array(wheel.bytes));
  };
  return { pyodide, bridge, later };
}

// The ordinary start: Python starts and imports the calculators. With the
// trimmed standard library if the manifest names one, else (or if it cannot
// be had: a host without the file) with Pyodide's full python_stdlib.zip.
async function bootOrdinary(indexURL, found, stdlib, wheelPromise) {
  let pyodide = null;
  if (stdlib) {
    try {
      // Without the file, Python cannot start and says so on stderr: a
      // warning here, since the full zip comes next.
      const stderr = (line) => console.warn("calculator-worker (trimmed standard library):", line);
      pyodide = await loadPyodide({ indexURL, stdLibURL: stdlib, stderr });
      pyodide.setStderr(); // the default again, as an ordinary start has it
      await checkStdlib(pyodide, found);
    } catch (error) {
      console.warn("calculator-worker: trimmed standard library not used, Pyodide's full one.", String(error && error.message || error));
      bootInfo.stdlib = "full";
      pyodide = null;
    }
  }
  if (pyodide === null) pyodide = await loadPyodide({ indexURL });
  step("pyodide");
  const wheel = await wheelPromise;
  const data = new Uint8Array(wheel.bytes);
  if (!wheel.checked) {
    pyodide.globals.set("_mu_wheel", data);
    const digest = pyodide.runPython("import hashlib; hashlib.sha256(_mu_wheel.to_py()).hexdigest()");
    pyodide.globals.delete("_mu_wheel");
    if (digest !== wheel.sha256) throw integrityError();
  }
  unpackWheel(pyodide, data);
  return { pyodide, bridge: pyodide.pyimport("calculators.bridge") };
}

// When each step ended, in ms since the worker started (bench/shaped.py prints them).
function step(name) {
  bootInfo.ms[name] = Math.round(performance.now());
}

async function boot() {
  const indexURL = new URL("runtime/", PYODIDE_BASE).href;
  const manifestPromise = fetchManifest();
  manifestPromise.catch(() => {}); // awaited just below
  try {
    ({ loadPyodide } = await pyodideModule);
  } catch (error) {
    throw new EngineError(
      "Le moteur de calcul n'a pas pu être téléchargé. Vérifiez votre connexion, puis rechargez la page.",
    );
  }
  const found = await manifestPromise;
  step("manifest");
  const wheelPromise = fetchWheel(found);
  wheelPromise.catch(() => {}); // handled below, by whichever path awaits it
  let stdlib = stdlibURL(found);
  bootInfo.stdlib = stdlib ? "trimmed" : "full";
  let started = null;
  const source = await snapshotSource(found, wheelPromise);
  bootInfo.snapshotWhy = source.why;
  step("decided");
  if (source.response) {
    try {
      started = await bootFromSnapshot(indexURL, found, source, stdlib, wheelPromise);
      bootInfo.snapshot = true;
    } catch (error) {
      if (error instanceof EngineError) throw error;
      bootInfo.snapshotWhy = "set aside";
      if (String(error && error.message).startsWith("trimmed standard library")) {
        console.warn("calculator-worker: trimmed standard library not used, Pyodide's full one.", error.message);
        bootInfo.stdlib = "full";
        stdlib = null;
      }
      console.info("calculator-worker: snapshot not used, ordinary start.", String(error && error.message || error));
    }
  }
  if (started === null) started = await bootOrdinary(indexURL, found, stdlib, wheelPromise);
  step("ready");
  if (started.later) {
    // A task after this one: the messages waiting for `ready` are answered first.
    setTimeout(() => started.later().catch((error) => console.warn("calculator-worker: wheel not unpacked", error)), 0);
  }
  agreementPyodide = started.pyodide; // lane agreements: see the "agreement" message at the end
  return started.bridge;
}

// Sent with "ready": {snapshot: true} when the engine booted from the
// snapshot; snapshotWhy (see snapshotSource) and the figure it was decided
// on (downloadMs); stdlib: "trimmed" or "full"; ms: when each step ended.
const bootInfo = { snapshot: false, snapshotWhy: "none", stdlib: "full", ms: {} };

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
