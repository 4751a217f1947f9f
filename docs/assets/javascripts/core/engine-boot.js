// The engine's boot, in the worker (calculator-worker.js): Pyodide, the
// wheel (calculators, agreements and the door, engine/door.py), all from the
// site itself: the runtime in assets/pyodide/runtime/, the wheel named by
// assets/pyodide/calculators.json ({url, sha256}). No micropip, no
// loadPackage, no CDN.
//
// Trimmed standard library: when the manifest names one ({stdlib: {url,
// sha256}}, sitebuild/snapshot.py: 0.7 MB instead of Pyodide's 2.4 MB), Pyodide
// boots with it (stdLibURL) and the worker checks the bytes Python got
// against the SHA-256. If it cannot be had (a host without the file), the
// ordinary start takes Pyodide's full zip instead (console.warn), and the
// snapshot, made with the trimmed zip, is not used.
// The snapshot: see core/engine-snapshot.js. On any failure to use it
// (missing file, corrupt bytes, another Pyodide build) it says so with
// console.info and starts the ordinary way.

import { EngineError, PYODIDE_BASE, PYODIDE_MJS, downloadError, fetchManifest, fetchWheel, hex, integrityError, snapshotBytes, stdlibURL, wasmDownload } from "./engine-files.js";
import { snapshotSource } from "./engine-snapshot.js";

// Imported at once by the worker's entry (calculator-worker.js), beside the
// manifest's request.
const pyodideModule = (globalThis.muEngineEarly && globalThis.muEngineEarly.pyodide) || import(PYODIDE_MJS.href);
pyodideModule.catch(() => {}); // boot() reports it
let loadPyodide = null;

// Sent with "ready": {snapshot: true} when the engine booted from the
// snapshot; snapshotWhy (see snapshotSource) and the figure it was decided
// on (downloadMs); snapshotFile: "unpacked" (the copy this device keeps
// unpacked) or "gzip", when the boot took the snapshot; stdlib: "trimmed" or
// "full"; ms: when each step ended.
export const bootInfo = { snapshot: false, snapshotWhy: "none", stdlib: "full", ms: {} };

// When each step ended, in ms since the worker started (bench/shaped.py prints them).
function step(name) {
  bootInfo.ms[name] = Math.round(performance.now());
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

// Unpack the wheel into site-packages (named by sys.path; `sysconfig` would
// cost an import at every boot).
function unpackWheel(pyodide, data) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(data, "wheel", { extractDir: sitePackages });
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

// Boot from the snapshot: the wheel's modules are already imported
// (offline/snapshot.mjs). The memory holds no files, so the (small) wheel is
// unpacked too, for any later import, but after the first answers (`later`),
// unless the door itself is not in the snapshot (one made before it).
async function bootFromSnapshot(indexURL, found, source, stdlib, wheelPromise) {
  const snapshot = snapshotBytes(source.response, found.manifest.snapshot, source.unpackedCopy || null);
  // loadPyodide awaits it only after loading its script: a rejection before
  // then must not count as unhandled (loadPyodide rejects with it below).
  snapshot.catch(() => {});
  const pyodide = await Promise.race([wasmDownload, loadPyodide({ indexURL, _loadSnapshot: snapshot, ...(stdlib ? { stdLibURL: stdlib } : {}) })]);
  step("pyodide");
  if (stdlib) await checkStdlib(pyodide, found);
  const wheel = await wheelPromise; // refused (EngineError) if its SHA-256 differs, as on the ordinary start
  const unpack = () => wheel.checked && unpackWheel(pyodide, new Uint8Array(wheel.bytes));
  if (!pyodide.runPython("import sys; 'engine.door' in sys.modules")) unpack();
  return { pyodide, door: pyodide.pyimport("engine.door"), later: async () => unpack() };
}

// The ordinary start: Python starts and imports the door. With the trimmed
// standard library if the manifest names one, else (or if it cannot be had:
// a host without the file) with Pyodide's full python_stdlib.zip.
async function bootOrdinary(indexURL, found, stdlib, wheelPromise) {
  let pyodide = null;
  if (stdlib) {
    try {
      // Without the file, Python cannot start and says so on stderr: a
      // warning here, since the full zip comes next.
      const stderr = (line) => console.warn("calculator-worker (trimmed standard library):", line);
      pyodide = await Promise.race([wasmDownload, loadPyodide({ indexURL, stdLibURL: stdlib, stderr })]);
      pyodide.setStderr(); // the default again, as an ordinary start has it
      await checkStdlib(pyodide, found);
    } catch (error) {
      if (error instanceof EngineError) throw error; // the WebAssembly file could not be had
      if (globalThis.navigator && navigator.onLine === false) throw downloadError();
      console.warn("calculator-worker: trimmed standard library not used, Pyodide's full one.", String(error && error.message || error));
      bootInfo.stdlib = "full";
      pyodide = null;
    }
  }
  if (pyodide === null) pyodide = await Promise.race([wasmDownload, loadPyodide({ indexURL })]);
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
  return { pyodide, door: pyodide.pyimport("engine.door") };
}

// {pyodide, door, later?}; onDecided(found, source) once the boot knows
// which files it will fetch (for the progress messages).
export async function boot(onDecided = () => {}) {
  const indexURL = new URL("runtime/", PYODIDE_BASE).href;
  const manifestPromise = fetchManifest();
  manifestPromise.catch(() => {}); // awaited just below
  try {
    ({ loadPyodide } = await pyodideModule);
  } catch (error) {
    throw downloadError();
  }
  const found = await manifestPromise;
  step("manifest");
  const wheelPromise = fetchWheel(found);
  wheelPromise.catch(() => {}); // handled below, by whichever path awaits it
  let stdlib = stdlibURL(found);
  bootInfo.stdlib = stdlib ? "trimmed" : "full";
  let started = null;
  const source = await snapshotSource(found, wheelPromise, bootInfo);
  bootInfo.snapshotWhy = source.why;
  step("decided");
  onDecided(found, source);
  if (source.response) {
    try {
      started = await bootFromSnapshot(indexURL, found, source, stdlib, wheelPromise);
      bootInfo.snapshot = true;
      bootInfo.snapshotFile = source.unpackedCopy ? "unpacked" : "gzip";
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
  return started;
}

export { EngineError };
