// Run every shared test vector through calculators.bridge.run inside real
// Pyodide (Node, offline: the runtime comes from node_modules/pyodide, nothing
// is fetched from the network) and print one JSON report on stdout.
//
// Usage:
//   node tests/pyodide/run_vectors.mjs --wheel dist/mutuus_calculators-*.whl
//   node tests/pyodide/run_vectors.mjs --source calculators
//   node tests/pyodide/run_vectors.mjs --wheel <whl> --snapshot-file <calculators.snap.gz>
//     (a Pyodide restored from the memory snapshot the build made with
//     offline/snapshot.mjs, gzipped as the site serves it, runs the vectors
//     without the wheel being unpacked)
//   node tests/pyodide/run_vectors.mjs --wheel <whl> --stdlib <python_stdlib.zip> [--import-all]
//     [--agreements <input.json>]
//     (Pyodide boots with the standard library the build trimmed,
//     sitebuild/snapshot.py; --import-all imports every module of the wheel
//     and every stdlib module its sources name, as offline/trim_stdlib.py
//     does, and fails if one is missing; --agreements renders the agreement
//     vectors {"models", "vectors": [{name, model, territory, draft}]})
// Options: --vectors <file> (default tests/calculators/vectors.json),
//          --log-vectors <file> (default tests/calculators/usage_log_vectors.json:
//          each log is handed over as bytes, as the statement page's worker does),
//          --pyodide <dir>  (default node_modules/pyodide; or $PYODIDE_DIR).
//
// Report: {pyodide, python, mode, timings_ms: {load, install, run},
//          results: [{id, output}], log_results: [{id, output, page}], present_ok}
//   log_results: output = calculators.usage_log.statement_with_log (the CLI's
//   --log), page = calculators.bridge.read_usage_log (the statement page's import).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const pyodideDir = resolve(option("pyodide", process.env.PYODIDE_DIR || join(root, "node_modules", "pyodide")));
const vectorsPath = resolve(option("vectors", join(root, "tests", "calculators", "vectors.json")));
const logVectorsPath = resolve(option("log-vectors", join(root, "tests", "calculators", "usage_log_vectors.json")));
const wheel = option("wheel", null);
const source = option("source", null);
if (!wheel && !source) {
  console.error("Give --wheel <file.whl> or --source <calculators dir>.");
  process.exit(2);
}

const snapshotFile = option("snapshot-file", null);
const stdlib = option("stdlib", null);
const stdlibOption = stdlib ? { stdLibURL: resolve(stdlib) } : {};
const agreementsInput = option("agreements", null);
const snapshotMode = snapshotFile !== null;
const started = performance.now();
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
let pyodide;
let snapshotBytes = null;
if (snapshotMode) {
  const snapshot = new Uint8Array(gunzipSync(readFileSync(snapshotFile)));
  snapshotBytes = snapshot.length;
  try {
    pyodide = await loadPyodide({ indexURL: pyodideDir + "/", _loadSnapshot: snapshot, ...stdlibOption, stdout: () => {}, stderr: (s) => console.error(s) });
  } catch (error) {
    // Said in one line (Node would print the 1 MB line of pyodide.asm.js it was thrown from).
    console.error(`snapshot refused: ${error && error.message ? error.message : error}`);
    process.exit(3);
  }
} else {
  pyodide = await loadPyodide({ indexURL: pyodideDir + "/", ...stdlibOption, stdout: () => {}, stderr: (s) => console.error(s) });
}
const loaded = performance.now();

let mode;
if (snapshotMode) {
  // Nothing unpacked here: the modules come from the restored memory.
  mode = "snapshot";
} else if (wheel) {
  // The same file the site ships: a pure-Python wheel unpacked into site-packages.
  // Named by sys.path, as the site's worker does (sysconfig is not in the trimmed stdlib).
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
  mode = "wheel";
} else {
  const target = "/home/pyodide/calculators";
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(source)) {
    if (name.endsWith(".py")) pyodide.FS.writeFile(`${target}/${name}`, readFileSync(join(source, name)));
  }
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
  mode = "source";
}
const bridge = pyodide.pyimport("calculators.bridge");
const installed = performance.now();
let importedAll = null;
if (process.argv.includes("--import-all")) {
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  const script = readFileSync(join(root, "offline", "trim_stdlib.py"), "utf8");
  const importAll = pyodide.runPython(script + "\nimport_what_the_engine_imports", { filename: "trim_stdlib.py" });
  importedAll = { left_out: importAll(sitePackages).toJs() };
  importAll.destroy();
}
let agreements = null;
if (agreementsInput) {
  const input = JSON.parse(readFileSync(agreementsInput, "utf-8"));
  const render = pyodide.pyimport("agreements.bridge").render;
  agreements = input.vectors.map((v) => ({
    name: v.name,
    output: render(JSON.stringify(input.models[v.model]), v.territory, JSON.stringify(v.draft)),
  }));
}
// A Python error that crosses into JavaScript carries its traceback (imports traceback, linecache).
let errorMessage = null;
try {
  pyodide.runPython("import json; json.loads('{')");
} catch (error) {
  errorMessage = String(error.message || error);
}

const vectors = JSON.parse(readFileSync(vectorsPath, "utf-8")).vectors;
const results = vectors.map((v) => ({ id: v.id, output: bridge.run(v.command, JSON.stringify(v.input)) }));
const presented = JSON.parse(bridge.present("usage-cost", JSON.stringify(vectors[0].input), "€", "fr_FR"));
// The worker's one door (engine/door.py), where the wheel holds it.
const hasDoor = pyodide.runPython(`
def _mu_has_door():
    try:
        import engine.door
    except ImportError:
        return False
    return True
_mu_has_door()
`);
const doorAnswer = hasDoor
  ? JSON.parse(pyodide.pyimport("engine.door").call("usage-cost", "present", JSON.stringify({ values: vectors[0].input, currency: "€", locale: "fr_FR" })))
  : null;
const formed = JSON.parse(bridge.form("usage-cost", '{"consumables": {"cost_per_unit": 0.05}, "admin_fee": "1 234,5"}'));
// The usage log: bytes as the worker gets them from the file (a memoryview, one copy).
const usageLog = pyodide.pyimport("calculators.usage_log");
const logVectors = JSON.parse(readFileSync(logVectorsPath, "utf-8")).vectors;
const logResults = logVectors.map((v) => {
  const bytes = v.log_encoding === "latin-1" ? new Uint8Array(Buffer.from(v.log, "latin1")) : new TextEncoder().encode(v.log);
  const data = pyodide.toPy(bytes);
  const partners = v.statement.partners.map((p) => ({ name: p.name, actual_units: p.actual_units || "" }));
  try {
    return {
      id: v.id,
      output: usageLog.statement_with_log(JSON.stringify(v.statement), data),
      page: bridge.read_usage_log(data, JSON.stringify(partners), JSON.stringify(v.statement.period || null), "releve.csv", "fr_CA"),
    };
  } finally {
    data.destroy();
  }
});
const finished = performance.now();

const report = {
  pyodide: pyodide.version,
  python: pyodide.runPython("import sys; sys.version.split()[0]"),
  mode,
  imported_from: pyodide.runPython("import calculators; calculators.__file__"),
  snapshot_bytes: snapshotBytes,
  site_packages_files: pyodide.runPython(
    "import os, sys; len(os.listdir(next(p for p in sys.path if p.endswith('site-packages'))))",
  ),
  timings_ms: {
    load: Math.round(loaded - started),
    install: Math.round(installed - loaded),
    run: Math.round(finished - installed),
  },
  results,
  log_results: logResults,
  present: presented,
  door: doorAnswer,
  form: formed,
  stdlib_zip: pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))"),
  imported_all: importedAll,
  agreements,
  error_message: errorMessage,
};
process.stdout.write(JSON.stringify(report) + "\n");
