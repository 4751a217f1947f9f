// Pyodide memory snapshot of the calculator engine (issue 12, "faster first result").
//
// A snapshot is the WebAssembly memory of a Pyodide that has already started
// Python and imported the calculators: restoring it skips Python's start-up
// and the imports, the CPU-heavy part of the first result. Pyodide 0.29.5
// offers it through private options of loadPyodide (`_makeSnapshot`,
// `_loadSnapshot`, marked @ignore in pyodide.d.ts): a snapshot only fits the
// exact Pyodide build it was made with (Pyodide checks its BUILD_ID), so the
// build step names it by the Pyodide version and the wheel's hash.
//
// The memory holds the imported modules, NOT the file system: after a restore
// site-packages is empty, so every module the worker may need is imported
// here (SNAPSHOT_IMPORTS), and the worker still unpacks the wheel (cheap) for
// any import made later.
//
// Used by the build step (sitebuild/snapshot.py), the probe
// (offline/snapshot-probe.mjs) and the Pyodide tests (tests/pyodide).
//
//   node offline/snapshot.mjs <runtime dir> <wheel> <out.gz>
//
// writes the gzip -9 of the snapshot to <out.gz> and prints
// {"bytes", "gzip_bytes", "ms"} on stdout.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import process from "node:process";

// Python run before the snapshot is taken, after the wheel is unpacked.
export const SNAPSHOT_IMPORTS = `
import importlib
importlib.invalidate_caches()
import calculators.bridge
for _name in ("agreements.bridge", "agreements.prefill"):
    try:
        importlib.import_module(_name)
    except ImportError:
        pass  # a wheel without the agreements: the worker imports on demand
del _name
`;

export const quiet = { stdout: () => {}, stderr: () => {} };

export function installWheel(pyodide, wheel) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

// loadPyodide: the function of the runtime's pyodide.mjs; indexURL: the runtime folder (ends with "/").
export async function makeSnapshot(loadPyodide, indexURL, wheel) {
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, ...quiet });
  installWheel(pyodide, wheel);
  pyodide.runPython(SNAPSHOT_IMPORTS);
  return pyodide.makeMemorySnapshot();
}

export async function importLoader(runtimeDir) {
  return (await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href)).loadPyodide;
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const [runtimeArg, wheelArg, outArg] = process.argv.slice(2);
  if (!outArg) {
    console.error("Usage : node offline/snapshot.mjs <dossier du runtime Pyodide> <wheel> <sortie.gz>");
    process.exit(2);
  }
  const runtime = resolve(runtimeArg);
  const started = performance.now();
  try {
    const loadPyodide = await importLoader(runtime);
    const snapshot = await makeSnapshot(loadPyodide, runtime + "/", new Uint8Array(readFileSync(wheelArg)));
    // gzip in Node: no file name, mtime 0, so the same snapshot gives the same bytes.
    const gz = gzipSync(snapshot, { level: 9 });
    const partial = `${outArg}.${process.pid}.tmp`;
    writeFileSync(partial, gz);
    renameSync(partial, outArg);
    console.log(JSON.stringify({ bytes: snapshot.length, gzip_bytes: gz.length, ms: Math.round(performance.now() - started) }));
  } catch (error) {
    console.error(`snapshot : ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  }
}
