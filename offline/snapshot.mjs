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
// Issue 27: the same run first writes the standard library trimmed to what
// the engine imports (offline/trim_stdlib.py, run in a Pyodide booted with the
// full python_stdlib.zip), then makes the snapshot in a Pyodide booted with
// the TRIMMED zip: a restored Python keeps the zip's table of contents in
// memory, so the snapshot must be served with the very zip it was made with.
//
// Used by the build step (sitebuild/snapshot.py), the probe
// (offline/snapshot-probe.mjs) and the Pyodide tests (tests/pyodide).
//
//   node offline/snapshot.mjs <runtime dir> <wheel> <out.gz> [--stdlib-out <zip>]
//
// writes the gzip -9 of the snapshot to <out.gz> (and, with --stdlib-out,
// the trimmed standard library to <zip>, the snapshot being made with it)
// and prints {"bytes", "gzip_bytes", "ms", "stdlib_bytes", "stdlib_files",
// "left_out"} on stdout.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import process from "node:process";

// Python run before the snapshot is taken, after the wheel is unpacked:
// every module of the wheel that imports here (the command lines and the
// build's own loaders aside), so that a restored engine needs no file of the
// wheel for its first answers (the worker unpacks it after them, for any
// later import).
export const SNAPSHOT_IMPORTS = `
def _mu_import_the_wheel():
    import importlib, pkgutil
    importlib.invalidate_caches()
    import calculators.bridge
    for package in ("calculators", "agreements", "blocks", "engine", "words"):
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue  # a wheel without the agreements: the worker imports on demand
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if not info.name.endswith(".__main__"):
                try:
                    importlib.import_module(info.name)
                except ImportError:
                    pass  # needs a package Pyodide lacks (PyYAML): never run in the browser
    try:
        import words
    except ImportError:
        return
    words.catalog()  # read now: words finds its modules on disk, where a restored engine has no wheel yet
_mu_import_the_wheel()
del _mu_import_the_wheel
`;

export const quiet = { stdout: () => {}, stderr: () => {} };

export function installWheel(pyodide, wheel) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

const TRIM_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "trim_stdlib.py");

// The standard library trimmed to what the engine imports:
// {zip: Uint8Array, files: [names], leftOut: [wheel modules not importable here]}.
export async function trimStdlib(loadPyodide, indexURL, wheel) {
  const pyodide = await loadPyodide({ indexURL, ...quiet });
  installWheel(pyodide, wheel);
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  const trim = pyodide.runPython(readFileSync(TRIM_SCRIPT, "utf8") + "\ntrimmed_zip", { filename: "trim_stdlib.py" });
  const [zip, files, leftOut] = trim(sitePackages).toJs();
  trim.destroy();
  return { zip: new Uint8Array(zip), files, leftOut };
}

// loadPyodide: the function of the runtime's pyodide.mjs; indexURL: the runtime
// folder (ends with "/"); stdLibURL: the standard library to boot with (a file
// path under Node), Pyodide's own when undefined.
export async function makeSnapshot(loadPyodide, indexURL, wheel, stdLibURL = undefined) {
  const options = stdLibURL ? { stdLibURL } : {};
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, ...options, ...quiet });
  installWheel(pyodide, wheel);
  pyodide.runPython(SNAPSHOT_IMPORTS);
  return pyodide.makeMemorySnapshot();
}

export async function importLoader(runtimeDir) {
  return (await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href)).loadPyodide;
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--stdlib-out");
  const stdlibOut = at >= 0 ? resolve(args.splice(at, 2)[1]) : null;
  const [runtimeArg, wheelArg, outArg] = args;
  if (!outArg) {
    console.error("Usage : node offline/snapshot.mjs <dossier du runtime Pyodide> <wheel> <sortie.gz> [--stdlib-out <zip>]");
    process.exit(2);
  }
  const runtime = resolve(runtimeArg);
  const started = performance.now();
  try {
    const loadPyodide = await importLoader(runtime);
    const wheel = new Uint8Array(readFileSync(wheelArg));
    const facts = {};
    if (stdlibOut) {
      const trimmed = await trimStdlib(loadPyodide, runtime + "/", wheel);
      const partialZip = `${stdlibOut}.${process.pid}.tmp`;
      writeFileSync(partialZip, trimmed.zip);
      renameSync(partialZip, stdlibOut);
      Object.assign(facts, { stdlib_bytes: trimmed.zip.length, stdlib_files: trimmed.files.length, left_out: trimmed.leftOut });
    }
    const snapshot = await makeSnapshot(loadPyodide, runtime + "/", wheel, stdlibOut || undefined);
    // gzip in Node: no file name, mtime 0, so the same snapshot gives the same bytes.
    const gz = gzipSync(snapshot, { level: 9 });
    const partial = `${outArg}.${process.pid}.tmp`;
    writeFileSync(partial, gz);
    renameSync(partial, outArg);
    console.log(JSON.stringify({ bytes: snapshot.length, gzip_bytes: gz.length, ms: Math.round(performance.now() - started), ...facts }));
  } catch (error) {
    console.error(`snapshot : ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  }
}
